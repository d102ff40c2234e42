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

