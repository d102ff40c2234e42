"""Text typed by a person or read from an imported file is written as text in every document:
never a live formula in a workbook (=HYPERLINK, DDE "=cmd|..."), and shown as typed in the PDF."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import poppler
import pytest
from openpyxl import load_workbook

from papi_desktop.exports import xlsx_doc
from papi_desktop.exports.document import OfficialDoc, Para, Signer, TableBlock
from papi_desktop.services import dialogues, petitions, plan, postings, progress, reception, reports, setup

TODAY = date(2026, 6, 5)
HOSTILE = ['=HYPERLINK("http://x","click")', "=cmd|' /C calc'!A0", "+1+2", "@SUM(A1:A2)", "-2+3"]


def _formula_cells(xlsx: Path) -> list[str]:
    """Every <f> element in every sheet, read from the file itself (not through openpyxl)."""
    found = []
    with zipfile.ZipFile(xlsx) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                found += re.findall(r"<(?:\w+:)?f[ >].*?</(?:\w+:)?f>", zf.read(name).decode("utf-8"))
    return found


def _string_cells(xlsx: Path) -> dict[str, str]:
    """Text of every cell, with the cell's stored type."""
    wb = load_workbook(xlsx)
    out = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    out[cell.value] = cell.data_type
    return out


def test_writer_never_writes_a_formula(tmp_path: Path) -> None:
    evil = HOSTILE[0]
    doc = OfficialDoc(issuer_lines=[evil], number=HOSTILE[1], place_date=evil, doc_type="BÁO CÁO", abstract=evil,
                      blocks=[Para(evil), Para(HOSTILE[1], "heading1"),
                              TableBlock(headers=[evil, "Số"], rows=[[h, 2] for h in HOSTILE], widths=[3, 1],
                                         title=evil, sheet="Bảng")],
                      signers=[Signer(authority=[evil], name=HOSTILE[1])], closing=evil, file_stem="x")
    target = xlsx_doc.write_xlsx(doc, tmp_path / "x.xlsx")
    assert _formula_cells(target) == []
    cells = _string_cells(target)
    for text in HOSTILE:
        assert cells.get(text) == "s", text
    numbers = [c.value for c in load_workbook(target)["Bảng"]["B"] if isinstance(c.value, int)]
    assert numbers == [2] * len(HOSTILE)  # numbers stay numbers


@pytest.fixture
def hostile_db(bare_db):  # noqa: ANN001, ANN201
    """The demo commune plus records whose texts are formulas, entered through the services."""
    setup.create_demo(bare_db, today=TODAY)
    day = date(2026, 3, 4)
    visit = reception.ReceptionInput(
        received_on=day, citizens=[reception.CitizenInput(HOSTILE[0], address=HOSTILE[1])], summary=HOSTILE[1],
        classes=["kien_nghi"], receiver=HOSTILE[2], notes=HOSTILE[3])
    reception.add_reception(bare_db, visit, track_reply=True)
    petitions.add_petition(bare_db, petitions.PetitionInput(day, HOSTILE[0], "kien_nghi", sender=HOSTILE[1]))
    dialogue = dialogues.add_dialogue(bare_db, dialogues.DialogueInput(day, HOSTILE[0], HOSTILE[1], HOSTILE[2]))
    dialogues.add_issue(bare_db, dialogue, dialogues.IssueInput(HOSTILE[1], raised_by=HOSTILE[0]))
    postings.add_posting(bare_db, postings.PostingInput(
        "budget_estimate_approved", "2026", title=HOSTILE[0], doc_number=HOSTILE[1], doc_date=day, start_on=day,
        end_on=date(2026, 4, 10), places=[postings.PlaceInput("seat")], notes=HOSTILE[3]))
    info = plan.current_plan(bare_db, 2026)
    task = plan.list_tasks(bare_db, plan.TaskFilter(plan_id=info.id), TODAY)[2]
    progress.add_update(bare_db, task.id, "2026-H1", HOSTILE[0], day,
                        [progress.EvidenceInput(HOSTILE[1], day, HOSTILE[2])])
    bare_db.hostile_dialogue = dialogue
    return bare_db


@pytest.mark.parametrize("kind,period", [("papi-6m", "2026-H1"), ("reception-book", "2026"),
                                         ("petitions", "2026"), ("disclosures", "2026"),
                                         ("dialogue-minutes", "2026")])
def test_every_export_kind_writes_text_as_text(hostile_db, tmp_path: Path, kind: str, period: str) -> None:  # noqa: ANN001
    span = reports.resolve_period(kind, period, today=TODAY)  # a period report is issued after its end
    request = reports.ExportRequest(kind, span, max(TODAY, span.end), dialogue_id=hostile_db.hostile_dialogue)
    result = reports.export(hostile_db, request, tmp_path / "out", None, TODAY)
    xlsx = next(f for f in result.files if f.suffix == ".xlsx")
    pdf = next(f for f in result.files if f.suffix == ".pdf")
    assert _formula_cells(xlsx) == []
    cells = _string_cells(xlsx)
    for text, data_type in cells.items():
        assert data_type == "s", (kind, text)
    if kind == "petitions":  # figures only: no typed text reaches it
        return
    shown = [h for h in HOSTILE if any(h in text for text in cells)]
    assert shown, f"{kind}: none of the typed texts reached the workbook"
    # The PDF shows what was typed, character for character (pdftotext joins lines with spaces).
    pdf_text = " ".join(poppler.text(pdf).split())
    assert any(h in pdf_text for h in shown), kind
