"""The bundled Times New Roman metric-compatible face (Liberation Serif, full Vietnamese coverage),
registered once with reportlab under one family name; every PDF embeds the glyphs it uses."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .. import paths

FAMILY = "PapiSerif"
STYLES = {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "BoldItalic"}


def font_files() -> dict[str, Path]:
    folder = paths.resources_dir() / "fonts"
    return {FAMILY + suffix: folder / f"LiberationSerif-{style}.ttf" for suffix, style in STYLES.items()}


@lru_cache(maxsize=1)
def register() -> str:
    """Register the four faces and the family (bold/italic in paragraphs pick the right face)."""
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415

    for name, path in font_files().items():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=FAMILY + "-Bold", italic=FAMILY + "-Italic",
                                  boldItalic=FAMILY + "-BoldItalic")
    return FAMILY



def stamp_font(cache_dir: Path) -> Path:
    """The regular face rescaled to 1000 units per em, for pyHanko's signature stamp: pyHanko 0.38
    writes glyph widths in font units, so a 2048-unit font spreads the stamp's letters apart.
    Made once on this machine (a modified font is not shipped: the OFL reserves the name)."""
    target = cache_dir / "stamp-serif-1000upem.ttf"
    if target.exists():
        return target
    from fontTools.ttLib import TTFont  # noqa: PLC0415
    from fontTools.ttLib.scaleUpem import scale_upem  # noqa: PLC0415

    font = TTFont(str(font_files()[FAMILY]))
    if "FFTM" in font:
        del font["FFTM"]  # a FontForge timestamp fontTools cannot subset: dropped, nothing drawn from it
    scale_upem(font, 1000)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    font.save(str(tmp))
    tmp.replace(target)
    return target
