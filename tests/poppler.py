"""poppler-utils, the independent check of the PDFs we write (apt-get install poppler-utils)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def run(tool: str, *args: str | Path) -> str:
    if shutil.which(tool) is None:
        raise AssertionError(f"{tool} (poppler-utils) is not installed: apt-get install poppler-utils")
    proc = subprocess.run([tool, *map(str, args)], capture_output=True, text=True, encoding="utf-8", timeout=60)
    if proc.returncode != 0:
        raise AssertionError(f"{tool} failed: {proc.stderr}")
    return proc.stdout


def fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type, emb (yes/no) for every font the PDF uses."""
    header, dashes, *lines = run("pdffonts", pdf).splitlines()
    spans, start = [], 0
    for part in dashes.split(" "):  # the dash runs give each column's span
        if part:
            spans.append((start, start + len(part)))
        start += len(part) + 1
    names = header.split()[:4] + ["sub", "uni", "object", "id"]
    names[:4] = ["name", "type", "encoding", "emb"]
    return [{names[i]: ln[a:b].strip() for i, (a, b) in enumerate(spans[:len(names)])} for ln in lines if ln.strip()]


def text(pdf: Path, layout: bool = False) -> str:
    return run("pdftotext", *(["-layout"] if layout else []), pdf, "-")


def page_size(pdf: Path) -> str:
    return next(ln.split(":", 1)[1].strip() for ln in run("pdfinfo", pdf).splitlines() if ln.startswith("Page size"))


def pages(pdf: Path) -> int:
    return int(next(ln.split(":", 1)[1] for ln in run("pdfinfo", pdf).splitlines() if ln.startswith("Pages")))
