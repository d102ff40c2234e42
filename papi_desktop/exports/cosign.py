"""Signing an official document the way Nghị định 30/2020 (Phụ lục I) asks: the person with authority
signs first (their key, often on a USB token), then the organisation (the commune's key, its seal).
The Excel workbook beside it is an attachment in a separate file: the organisation signs it alone,
with a detached CMS (.p7s). With only one key, the document carries that one signature, and the
result says plainly which one is missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from . import signing, stamps
from .document import SignatureSpot
from .signing import KeyMaterial
from .token import TokenKey

Problem = tuple[str, str]
PERSON_FIELD, ORGANISATION_FIELD = "ChuKySo_NguoiKy", "ChuKySo_CoQuan"

ONLY_ORGANISATION = ("Chỉ có khóa của cơ quan (chứng thư của xã): văn bản mang chữ ký số của cơ quan, chưa có chữ ký "
                     "số của người có thẩm quyền (token của Chủ tịch) như Nghị định 30/2020 yêu cầu.",
                     "Only the organisation's key (the commune's certificate) was available: the document carries "
                     "the organisation's signature but not the signature of the person with authority (the "
                     "chairman's token) that Decree 30/2020 asks for.")
ONLY_PERSON = ("Chỉ có khóa của người ký (token): văn bản mang chữ ký số của người có thẩm quyền, chưa có chữ ký "
               "số của cơ quan (con dấu) như Nghị định 30/2020 yêu cầu; tệp Excel được ký bằng token.",
               "Only the signer's key (the token) was available: the document carries the signature of the "
               "person with authority but not the organisation's (the seal) that Decree 30/2020 asks for; the "
               "Excel file was signed with the token.")


@dataclass
class Signed:
    roles: list[str] = field(default_factory=list)  # in signing order: person, organisation
    detached: Path | None = None
    notes: list[Problem] = field(default_factory=list)


def sign_report(unsigned: Path, target: Path, xlsx: Path | None, *, person: TokenKey | KeyMaterial | None,
                organisation: KeyMaterial | TokenKey | None, spot: SignatureSpot | None, font_cache: Path,
                doc_ref: str = "", seal_png: Path | None = None, signature_png: Path | None = None,
                now: dt.datetime | None = None) -> Signed:
    """Sign the PDF (unsigned -> target) by the person, then the organisation, each with its image in
    the signature room (stamps.layout); the .xlsx by the organisation (by the person when there is no
    organisation key)."""
    xlsx_key = organisation or person  # the organisation's, or the person's when it has none
    if xlsx_key is None:
        raise ValueError("no key")
    out = Signed()
    source, target = Path(unsigned), Path(target)
    lay = stamps.layout(spot.box, signature_png, seal_png) if spot is not None else None
    page = spot.page if spot is not None else -1
    drawn = target.with_name(target.name + ".stamp.pdf")
    try:
        if person is not None:
            first = target if organisation is None else target.with_name(target.name + ".person")
            appearance = None
            if lay is not None:
                stamps.person_appearance(drawn, lay.person, signature_png, person.subject.get("CN", ""))
                appearance = (drawn, lay.person)
            signing.sign_pdf(source, first, person, SignatureSpot(page, lay.person) if lay else None, font_cache,
                             doc_ref=doc_ref, now=now, field_name=PERSON_FIELD, appearance=appearance,
                             reason="Người có thẩm quyền ký")
            out.roles.append("person")
            source = first
        if organisation is not None:
            when = now or dt.datetime.now(dt.UTC)
            name = organisation.subject.get("O") or organisation.subject.get("CN", "")
            appearance = None
            if lay is not None:
                stamps.organisation_appearance(drawn, lay, seal_png, name, when)
                appearance = (drawn, lay.organisation)
            signing.sign_pdf(source, target, organisation, SignatureSpot(page, lay.organisation) if lay else None,
                             font_cache, doc_ref=doc_ref, seal_png=None if lay else seal_png, now=when, field_name=ORGANISATION_FIELD,
                             appearance=appearance, reason="Cơ quan ký, đóng dấu")
            out.roles.append("organisation")
    finally:
        drawn.unlink(missing_ok=True)
        if source not in (Path(unsigned), target):
            source.unlink(missing_ok=True)
    if xlsx is not None:
        out.detached = signing.sign_detached(xlsx, xlsx_key, now)
    if person is None:
        out.notes.append(ONLY_ORGANISATION)
    elif organisation is None:
        out.notes.append(ONLY_PERSON)
    return out


ATTACHMENT_FIELD = "ChuKySo_DinhKem"


def sign_attachment(source: Path, target: Path, organisation: KeyMaterial | TokenKey, doc_ref: str,
                    font_cache: Path, now: dt.datetime | None = None) -> Path:
    """An attachment in a separate PDF file (an appendix exported apart): signed by the organisation,
    with no image; its visible part is the number and symbol of the document and the signing time
    (ISO 8601, +07:00), 10 pt, black, in the top right of the first page (Phụ lục I)."""
    from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: PLC0415

    when = now or dt.datetime.now(dt.UTC)
    with Path(source).open("rb") as fh:
        reader = PdfFileReader(fh, strict=False)
        page = reader.find_page_for_modification(0)[0].get_object()
        box = [float(v) for v in page["/MediaBox"]]
    rect = stamps.attachment_box(box[2] - box[0], box[3] - box[1], doc_ref, when)
    drawn = Path(target).with_name(Path(target).name + ".stamp.pdf")
    try:
        stamps.attachment_appearance(drawn, rect, doc_ref, when)
        signing.sign_pdf(source, target, organisation, SignatureSpot(0, rect), font_cache, doc_ref=doc_ref, now=when,
                         field_name=ATTACHMENT_FIELD, appearance=(drawn, rect), reason="Cơ quan ký tệp đính kèm")
    finally:
        drawn.unlink(missing_ok=True)
    return Path(target)
