"""A table row taller than a page (a long summary in the reception book) goes on in further rows
instead of failing the export; every word is printed, once, in order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import poppler

from papi_desktop.services import reports, setup
from papi_desktop.services.reception import CitizenInput, ReceptionInput, add_reception

TODAY = date(2026, 6, 5)


def test_a_row_taller_than_a_page_goes_on_below(bare_db, tmp_path: Path) -> None:  # noqa: ANN001
    setup.create_demo(bare_db, today=TODAY)
    words = [f"ý{n:04d}" for n in range(2500)]  # about four pages of one cell
    add_reception(bare_db, ReceptionInput(received_on=date(2026, 3, 2), summary=" ".join(words),
                                          classes=["kien_nghi"], citizens=[CitizenInput("Lò Văn Bình", "Bản Mé")]))
    request = reports.ExportRequest("reception-book", reports.resolve_period("reception-book", "2026", today=TODAY),
                                    TODAY)
    pdf = next(f for f in reports.export(bare_db, request, tmp_path / "out", None, TODAY).files if f.suffix == ".pdf")
    printed = [w for w in poppler.text(pdf).split() if w.startswith("ý") and len(w) == 5]
    assert printed == words
    assert int(poppler.run("pdfinfo", pdf).split("Pages:")[1].split()[0]) >= 4
