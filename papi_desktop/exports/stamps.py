"""The visible part of the two signatures, as Nghị định 30/2020, Phụ lục I lays them out:
- the person with authority: the image of the handwritten signature (blue, PNG with a transparent
  background), centred between the title line ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH") and the name;
- the organisation: the red seal image at the seal's real size, over about a third of the signer's
  image on the left, with the organisation's name and the signing time (ISO 8601, +07:00);
- an attachment in a separate file: no image; the number and symbol and the signing time as text,
  10 pt, black, in the top right of the first page.
Each appearance is drawn with reportlab (embedded Liberation Serif: Vietnamese glyphs) as a one-page
PDF the size of its field, which pyHanko places as the widget's appearance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import KnownError

MM = 72 / 25.4
SEAL_MM = 35.0  # a commune seal's diameter when the PNG records no resolution (Pillow's dpi)
SIGNATURE_MAX = (42 * MM, 20 * MM)  # the handwritten signature's image, at most
TEXT_SIZE = 7.5  # the organisation's name and time beside the seal
ATTACHMENT_SIZE = 10  # Phụ lục I: the attachment's number and time, 10 pt
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Layout:
    person: Box  # the person's field: the signature image
    organisation: Box  # the organisation's field: the seal, and its text to the right under the image
    seal: Box  # the seal image, in page coordinates (inside organisation)
    text: Box  # the organisation's name and time, in page coordinates (inside organisation)


def check_image(path: Path, kind: str = "signature") -> tuple[int, int]:
    """A PNG with transparency, of a sensible size; its size in pixels. kind: signature | seal."""
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415

    what_vi, what_en = ("ảnh con dấu", "seal image") if kind == "seal" else ("ảnh chữ ký", "signature image")
    try:
        with Image.open(path) as img:
            fmt, mode, size, info = img.format, img.mode, img.size, dict(img.info)
            alpha = mode in ("RGBA", "LA", "PA") or (mode == "P" and "transparency" in info)
            if alpha:
                low = img.convert("RGBA").getchannel("A").getextrema()[0]  # one band: (min, max)
                alpha = isinstance(low, (int, float)) and low < 255  # some pixel really is see-through
    except (OSError, UnidentifiedImageError):
        raise KnownError(f"Không đọc được {what_vi} {path}: cần tệp PNG.", f"Cannot read the {what_en} {path}: "
                         "a PNG is needed.") from None
    if fmt != "PNG":
        raise KnownError(f"{what_vi.capitalize()} phải là tệp PNG (tệp này là {fmt}).",
                         f"The {what_en} must be a PNG (this is {fmt}).")
    if not alpha:
        raise KnownError(f"{what_vi.capitalize()} phải có nền trong suốt (PNG có kênh alpha), để không che chữ bên "
                         "dưới.", f"The {what_en} needs a transparent background (PNG with alpha).")
    low, high = (150, 3000) if kind == "seal" else (100, 3000)
    if min(size) < low // 3 or max(size) < low or max(size) > high:
        raise KnownError(f"{what_vi.capitalize()} có kích thước {size[0]}×{size[1]} điểm ảnh, không hợp lý: cần từ "
                         f"{low} đến {high} điểm ảnh (quét ở 300 dpi là vừa).",
                         f"The {what_en} is {size[0]}×{size[1]} pixels: use {low} to {high} pixels (a 300 dpi "
                         "scan is right).")
    if kind == "seal" and not 0.8 <= size[0] / size[1] <= 1.25:
        raise KnownError("Ảnh con dấu phải gần vuông (con dấu tròn).", "The seal image should be about square.")
    return size


def seal_size(path: Path | None) -> tuple[float, float]:
    """The seal at its real size, in points: from the PNG's resolution when it records one (a scan),
    else SEAL_MM wide."""
    if path is None:
        return SEAL_MM * MM, SEAL_MM * MM
    from PIL import Image  # noqa: PLC0415

    with Image.open(path) as img:
        (w, h), dpi = img.size, img.info.get("dpi")
    if dpi and 150 <= float(dpi[0]) <= 1200:
        width = w / float(dpi[0]) * 72
        if 20 * MM <= width <= 50 * MM:  # a real seal's size; anything else is a resolution left at random
            return width, h / float(dpi[1] or dpi[0]) * 72
    return SEAL_MM * MM, SEAL_MM * MM * h / w


def _signature_size(path: Path | None) -> tuple[float, float]:
    if path is None:
        return SIGNATURE_MAX[0], SIGNATURE_MAX[1] * 0.6
    from PIL import Image  # noqa: PLC0415

    with Image.open(path) as img:
        w, h = img.size
    scale = min(SIGNATURE_MAX[0] / w, SIGNATURE_MAX[1] / h)
    return w * scale, h * scale


def layout(room: Box, signature_png: Path | None, seal_png: Path | None) -> Layout:
    """Both images inside the signature room (between the title line and the name): the signature
    centred; the seal's right edge a third into the signature, centred on it in height, kept inside
    the room on the left; the organisation's text right of the seal, under the signature."""
    x0, y0, x1, y1 = room
    sw, sh = _signature_size(signature_png)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2 - 2  # the name's leading puts its letters 4 pt under the room
    person = (cx - sw / 2, cy - sh / 2, cx + sw / 2, cy + sh / 2)
    dw, dh = seal_size(seal_png)
    seal_x1 = max(person[0] + sw / 3, x0 + dw)
    seal_cy = min(max((person[1] + person[3]) / 2, y0 + dh / 2), y1 - dh / 2)
    seal = (seal_x1 - dw, seal_cy - dh / 2, seal_x1, seal_cy + dh / 2)
    text = (seal_x1 + 1 * MM, max(y0, seal[1]), x1, person[1] - 1 * MM)
    organisation = (seal[0], min(seal[1], text[1]), x1, max(seal[3], person[3]))
    return Layout(_whole(person), _whole(organisation), seal, text)


def _whole(box: Box) -> Box:
    """pyHanko lays out fields in whole points."""
    return (round(box[0]), round(box[1]), round(box[2]), round(box[3]))


def iso(when: dt.datetime) -> str:
    from .verify import VN_TZ  # noqa: PLC0415

    return when.astimezone(VN_TZ).isoformat(timespec="seconds")


def _canvas(target: Path, box: Box):  # noqa: ANN202
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    from . import fonts  # noqa: PLC0415

    fonts.register()
    # types-reportlab has initialFontName as a float; reportlab takes the font's name
    c = canvas.Canvas(str(target), pagesize=(box[2] - box[0], box[3] - box[1]),
                      initialFontName=fonts.FAMILY)  # type: ignore[arg-type]
    c.setTitle("stamp")
    return c


def person_appearance(target: Path, box: Box, signature_png: Path | None, name: str) -> Path:
    """The handwritten signature filling the field; without an image, a plain "(đã ký số)"."""
    from . import fonts  # noqa: PLC0415

    c = _canvas(target, box)
    w, h = box[2] - box[0], box[3] - box[1]
    if signature_png is not None:
        c.drawImage(str(signature_png), 0, 0, w, h, mask="auto", preserveAspectRatio=True, anchor="c")
    else:
        c.setFont(fonts.FAMILY + "-Italic", 10)
        c.setFillColorRGB(0.1, 0.2, 0.6)
        c.drawCentredString(w / 2, h / 2, f"(đã ký số: {name})" if name else "(đã ký số)")
    c.showPage()
    c.save()
    return target


def organisation_appearance(target: Path, lay: Layout, seal_png: Path | None, organisation: str,
                            when: dt.datetime) -> Path:
    from . import fonts  # noqa: PLC0415

    box = lay.organisation
    c = _canvas(target, box)
    sx0, sy0, sx1, sy1 = (lay.seal[0] - box[0], lay.seal[1] - box[1], lay.seal[2] - box[0], lay.seal[3] - box[1])
    if seal_png is not None:  # without an image nothing pretends to be a seal: the name and time only
        c.drawImage(str(seal_png), sx0, sy0, sx1 - sx0, sy1 - sy0, mask="auto")
    c.setFillColorRGB(0, 0, 0)
    tx0, _ty0, tx1, ty1 = (lay.text[0] - box[0], lay.text[1] - box[1], lay.text[2] - box[0], lay.text[3] - box[1])
    from reportlab.lib.utils import simpleSplit  # noqa: PLC0415

    font = fonts.FAMILY
    lines = [*simpleSplit(organisation, font, TEXT_SIZE, tx1 - tx0), iso(when)]
    y = ty1 - TEXT_SIZE
    c.setFont(font, TEXT_SIZE)
    for line in lines:
        c.drawString(tx0, y, line)
        y -= TEXT_SIZE * 1.2
    c.showPage()
    c.save()
    return target


def attachment_box(page_width: float, page_height: float, doc_ref: str, when: dt.datetime) -> Box:
    """Top right of the first page, in the top margin (20 mm), right-aligned to the right margin."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    from . import fonts  # noqa: PLC0415

    fonts.register()
    width = max(stringWidth(t, fonts.FAMILY, ATTACHMENT_SIZE) for t in (doc_ref, iso(when))) + 4
    right, top = page_width - 15 * MM, page_height - 6 * MM
    return _whole((right - width, top - 2 * ATTACHMENT_SIZE * 1.25 - 2, right, top))


def attachment_appearance(target: Path, box: Box, doc_ref: str, when: dt.datetime) -> Path:
    from . import fonts  # noqa: PLC0415

    c = _canvas(target, box)
    w, h = box[2] - box[0], box[3] - box[1]
    c.setFont(fonts.FAMILY, ATTACHMENT_SIZE)
    c.setFillColorRGB(0, 0, 0)
    c.drawRightString(w - 1, h - ATTACHMENT_SIZE, doc_ref)
    c.drawRightString(w - 1, h - 2 * ATTACHMENT_SIZE * 1.25, iso(when))
    c.showPage()
    c.save()
    return target
