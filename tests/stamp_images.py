"""Test images as officials scan them: a blue handwritten signature and a red round seal, PNG with a
transparent background (Pillow draws them; 300 dpi recorded in the seal, as a scanner writes it)."""

from __future__ import annotations

import math
from pathlib import Path


def signature_png(target: Path, size: tuple[int, int] = (600, 260)) -> Path:
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    w, h = size
    points = [(int(w * (0.05 + 0.9 * t / 200)), int(h * (0.55 + 0.3 * math.sin(t / 9) * math.cos(t / 31))))
              for t in range(201)]
    draw.line(points, fill=(20, 40, 170, 255), width=max(4, h // 40))
    draw.line([(int(w * 0.2), int(h * 0.8)), (int(w * 0.85), int(h * 0.7))], fill=(20, 40, 170, 255), width=5)
    img.save(target, "PNG")
    return target


def seal_png(target: Path, diameter_mm: float = 35.0, dpi: int = 300) -> Path:
    from PIL import Image, ImageDraw

    px = round(diameter_mm / 25.4 * dpi)
    img = Image.new("RGBA", (px, px), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    red = (215, 20, 30, 235)
    draw.ellipse((4, 4, px - 5, px - 5), outline=red, width=px // 40)
    draw.ellipse((px // 9, px // 9, px - px // 9, px - px // 9), outline=red, width=px // 70)
    c = px // 2
    star = [(c + (px // 7 if i % 2 == 0 else px // 16) * math.cos(math.pi / 2 + i * math.pi / 5),
             c - (px // 7 if i % 2 == 0 else px // 16) * math.sin(math.pi / 2 + i * math.pi / 5)) for i in range(10)]
    draw.polygon(star, fill=red)
    img.save(target, "PNG", dpi=(dpi, dpi))
    return target


def opaque_png(target: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (600, 260), (255, 255, 255)).save(target, "PNG")
    return target
