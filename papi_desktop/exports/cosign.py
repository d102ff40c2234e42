"""Signing an official document the way Nghị định 30/2020 (Phụ lục I) asks: the person with authority
signs first (their key, often on a USB token), then the organisation (the commune's key, its seal).
The Excel workbook beside it is an attachment in a separate file: the organisation signs it alone,
with a detached CMS (.p7s). With only one key, the document carries that one signature, and the
result says plainly which one is missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from . import signing
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
    """Sign the PDF (unsigned -> target) by the person, then the organisation; the .xlsx by the
    organisation (by the person when there is no organisation key)."""
    if person is None and organisation is None:
        raise ValueError("no key")
    out = Signed()
    source = Path(unsigned)
    if person is not None:
        first = target if organisation is None else Path(str(target) + ".person")
        signing.sign_pdf(source, first, person, spot, font_cache, doc_ref=doc_ref, now=now, field_name=PERSON_FIELD)
        out.roles.append("person")
        source = first
    if organisation is not None:
        try:
            signing.sign_pdf(source, target, organisation, spot if person is None else None, font_cache, doc_ref=doc_ref,
                     seal_png=seal_png, now=now, field_name=ORGANISATION_FIELD)
        finally:
            if source != Path(unsigned):
                source.unlink(missing_ok=True)
        out.roles.append("organisation")
    if xlsx is not None:
        out.detached = signing.sign_detached(xlsx, organisation or person, now)
    if person is None:
        out.notes.append(ONLY_ORGANISATION)
    elif organisation is None:
        out.notes.append(ONLY_PERSON)
    return out
