"""Verifying signed reports offline. A PDF is valid only when every signature in it is intact and
trusted, the last one covers the whole file, and each revision written after the first signature is
itself a valid, trusted signature (pyHanko counts a new signature field as mere form filling, so a
look-alike's stamp over the document number would pass a check of the first signature alone).
A detached CMS (.p7s beside an .xlsx) is valid only when every signer in it is."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

VN_TZ = dt.timezone(dt.timedelta(hours=7), "+07:00")
# pyHanko logs every failed path search with a traceback; the verdict is ours to report.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

Problem = tuple[str, str]  # (Vietnamese, English)


def fingerprint(der: bytes) -> str:
    """SHA-256 of a certificate's DER as people compare it: AB:CD:…"""
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


@dataclass
class SignatureCheck:
    """One signature of a file, in signing order (1 = the first signer)."""

    index: int
    field_name: str = ""
    signer: dict[str, str] = field(default_factory=dict)
    fingerprint: str = ""  # the signer certificate's SHA-256: tells a look-alike from the real one
    intact: bool = False
    trusted: bool = False
    signing_time: str | None = None  # claimed by the signer's clock (ISO 8601)
    coverage: str = ""  # pyHanko's coverage: entire_file, entire_revision…
    modification: str = ""  # what changed after this signature: none, form_filling, annotations, other
    chain: list[str] = field(default_factory=list)  # each certificate's subject, root first (English labels)
    chain_vi: list[str] = field(default_factory=list)  # the same with Vietnamese labels
    visible: bool = False  # the signature shows a stamp on a page
    page: int | None = None  # 1-based page of the stamp, when found
    revision: int = 0
    role: str = ""  # person (the one with authority) | organisation (the seal), Nghị định 30/2020

    @property
    def valid(self) -> bool:
        return self.intact and self.trusted

    def role_text(self, en: bool = False) -> str:
        if self.role == "person":
            return "person with authority" if en else "người có thẩm quyền"
        return "organisation" if en else "cơ quan, tổ chức"

    def chain_text(self, en: bool = False) -> list[str]:
        return self.chain if en else self.chain_vi or self.chain

    def who(self) -> str:
        name = self.signer.get("CN") or self.signer.get("O") or "?"
        return f"{name}, mã {self.signer['UID']}" if self.signer.get("UID") else name

    def who_en(self) -> str:
        name = self.signer.get("CN") or self.signer.get("O") or "?"
        return f"{name}, code {self.signer['UID']}" if self.signer.get("UID") else name

    def as_json(self) -> dict[str, object]:
        return {"index": self.index, "field": self.field_name, "signer": self.signer, "fingerprint": self.fingerprint,
                "intact": self.intact, "trusted": self.trusted, "valid": self.valid,
                "signing_time": self.signing_time, "coverage": self.coverage, "modification": self.modification,
                "chain": self.chain, "visible": self.visible, "page": self.page, "role": self.role}


@dataclass
class Verification:
    """The verdict on one file. The top-level signer, chain and time are the first signature's (the
    document's author); `signatures` lists every one."""

    file: str
    kind: str  # pdf | cms
    intact: bool = False  # every signature matches the bytes it signs
    trusted: bool = False  # every signer's certificate chains to a trusted certificate
    unmodified: bool = False  # nothing was added after signing except by valid, trusted signatures
    signer: dict[str, str] = field(default_factory=dict)
    chain: list[str] = field(default_factory=list)
    chain_vi: list[str] = field(default_factory=list)
    signing_time: str | None = None
    modification: str = ""  # after the first signature (pyHanko's modification level)
    coverage: str = ""  # of the last signature
    problems: list[Problem] = field(default_factory=list)
    signatures: list[SignatureCheck] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # not faults: e.g. only one of the two signatures

    @property
    def ok(self) -> bool:
        return bool(self.signatures) and self.intact and self.trusted and self.unmodified

    def chain_text(self, en: bool = False) -> list[str]:
        return self.chain if en else self.chain_vi or self.chain

    def as_json(self, lang: str = "vi") -> dict[str, object]:
        return {"file": self.file, "kind": self.kind, "valid": self.ok, "intact": self.intact,
                "trusted": self.trusted, "unmodified": self.unmodified, "signer": self.signer, "chain": self.chain,
                "signing_time": self.signing_time, "modification": self.modification, "coverage": self.coverage,
                "signatures": [s.as_json() for s in self.signatures],
                "problems": [en if lang == "en" else vi for vi, en in self.problems],
                "notes": [en if lang == "en" else vi for vi, en in self.notes]}


def _summarise(v: Verification) -> None:
    sigs = v.signatures
    v.intact = bool(sigs) and all(s.intact for s in sigs)
    v.trusted = bool(sigs) and all(s.trusted for s in sigs)
    if sigs:
        first = sigs[0]
        v.signer, v.chain, v.chain_vi, v.signing_time = first.signer, first.chain, first.chain_vi, first.signing_time
        v.modification, v.coverage = first.modification, sigs[-1].coverage


def trust_context(trusted: list[bytes]):  # noqa: ANN201
    """Trust anchors from PEM or DER bytes; never fetches anything (communes work offline)."""
    from asn1crypto import pem as asn1_pem  # noqa: PLC0415
    from asn1crypto import x509 as asn1_x509  # noqa: PLC0415
    from pyhanko_certvalidator import ValidationContext  # noqa: PLC0415

    roots: list[asn1_x509.Certificate] = []
    for blob in trusted:
        ders = [der for _k, _h, der in asn1_pem.unarmor(blob, multiple=True)] if asn1_pem.detect(blob) else [blob]
        roots.extend(asn1_x509.Certificate.load(der) for der in ders)
    return ValidationContext(trust_roots=roots, allow_fetching=False)


def _check(index: int, status, field_name: str = "") -> SignatureCheck:  # noqa: ANN001
    cert = status.signing_cert
    names = cert.subject.native
    check = SignatureCheck(index, field_name, fingerprint=fingerprint(cert.dump()))
    check.signer = {k: val for k, val in (("CN", names.get("common_name", "")), ("O", names.get("organization_name", "")),
                                          ("UID", names.get("user_id", ""))) if val}
    check.role = _role(field_name, check.signer, names)
    check.intact = bool(status.intact and status.valid)
    check.trusted = bool(status.trusted)
    if status.signer_reported_dt is not None:
        check.signing_time = status.signer_reported_dt.astimezone(VN_TZ).isoformat(timespec="seconds")
    path = getattr(status, "validation_path", None)
    if path is not None:
        certs = list(path.iter_certs(include_root=True))
        check.chain = [c.subject.human_friendly for c in certs]
        check.chain_vi = [name_vi(c.subject) for c in certs]
    return check


# A certificate subject's attributes as a commune's official reads them (asn1crypto's names are English).
_NAME_VI = {"common_name": "Tên", "user_id": "Mã đơn vị", "organization_name": "Tổ chức",
            "organizational_unit_name": "Bộ phận", "locality_name": "Địa phương",
            "state_or_province_name": "Tỉnh/Thành phố", "country_name": "Quốc gia", "email_address": "Thư điện tử",
            "serial_number": "Số hiệu", "title": "Chức vụ", "street_address": "Địa chỉ"}


def name_vi(name) -> str:  # noqa: ANN001 - an asn1crypto x509.Name
    """Like asn1crypto's Name.human_friendly (same order and separators), with Vietnamese labels."""
    parts: dict[str, list[str]] = {}
    last = ""
    for rdn in name.chosen:
        for type_val in rdn:
            last = type_val["type"].native
            label = _NAME_VI.get(last, type_val["type"].human_friendly)
            parts.setdefault(label, []).append(str(type_val["value"].native))
    texts = [f"{label}: {', '.join(values)}" for label, values in parts.items()]
    if last != "country_name":  # asn1crypto shows the most specific part first
        texts.reverse()
    return ("; " if any("," in t for t in texts) else ", ").join(texts)


def _role(field_name: str, signer: dict[str, str], names: dict) -> str:  # noqa: ANN001
    """The person or the organisation: our own fields say so; otherwise the certificate does (an
    organisation's certificate names the organisation as its subject, a person's names the person)."""
    if field_name == "ChuKySo_NguoiKy":
        return "person"
    if field_name in ("ChuKySo_CoQuan", "ChuKySo", "ChuKySo_DinhKem"):
        return "organisation"
    if names.get("title") or (signer.get("CN") and signer.get("O") and signer["CN"] != signer["O"]):
        return "person"
    return "organisation"


def _own_problems(check: SignatureCheck, several: bool) -> list[Problem]:
    """A signature's own faults (the first signature's, or any when nothing else explains them)."""
    nth = f" thứ {check.index} ({check.who()})" if several else ""
    nth_en = f" no. {check.index} ({check.who_en()})" if several else ""  # one signature needs no number
    if not check.intact:
        return [(f"Chữ ký{nth} không khớp với nội dung: tệp đã bị sửa sau khi ký.",
                 f"Signature{nth_en} does not match the content: the file was changed after signing.")]
    if not check.trusted:
        return [(f"Chứng thư của người ký{nth} không thuộc danh sách tin cậy (SHA-256 {check.fingerprint[:23]}…; "
                 "thêm chứng thư của xã hoặc của tổ chức cấp vào danh sách tin cậy).",
                 f"The certificate of signer{nth_en} is not trusted (SHA-256 {check.fingerprint[:23]}…).")]
    return []


def _state(check: SignatureCheck) -> Problem:
    vi = [t for ok, t in ((check.trusted, "chứng thư không tin cậy"), (check.intact, "chữ ký không khớp nội dung"))
          if not ok]
    en = [t for ok, t in ((check.trusted, "untrusted certificate"), (check.intact, "signature does not match"))
          if not ok]
    fp = f", SHA-256 {check.fingerprint[:23]}…"
    return "; ".join(vi) + fp, "; ".join(en) + fp


def _page_refs(handler) -> list:  # noqa: ANN001
    count = int(handler.root["/Pages"]["/Count"])
    return [handler.find_page_for_modification(i)[0].reference for i in range(count)]


def _stamp_page(sig, handler, pages: list) -> tuple[bool, int | None]:  # noqa: ANN001
    """Whether the signature's widget has a visible area, and its 1-based page (None when not found)."""
    field_dict = sig.sig_field
    widgets = [field_dict] if "/Rect" in field_dict else list(field_dict.get("/Kids", []))
    for widget in widgets:
        rect = [float(v) for v in widget.get("/Rect", [0, 0, 0, 0])]
        if abs(rect[2] - rect[0]) < 1 or abs(rect[3] - rect[1]) < 1:
            continue
        own = getattr(widget, "container_ref", None)
        page = widget.raw_get("/P").reference if "/P" in widget else None
        if page not in pages:  # no /P: the page whose /Annots lists the widget
            page = next((p for p in pages if own is not None and own in _refs(handler.get_object(p), "/Annots")), None)
        return True, pages.index(page) + 1 if page in pages else None
    return False, None


def _refs(obj, key: str) -> list:  # noqa: ANN001
    """The references a page entry names (/Contents, /Annots: one object or an array)."""
    from pyhanko.pdf_utils import generic  # noqa: PLC0415

    if obj is None or key not in obj:
        return []
    value = obj.raw_get(key)
    if isinstance(value, generic.IndirectObject):
        target = value.get_object()
        if not isinstance(target, generic.ArrayObject):
            return [value.reference]
        value = target
    if not isinstance(value, generic.ArrayObject):
        return []
    items = (value.raw_get(i) for i in range(len(value)))
    return [item.reference for item in items if isinstance(item, generic.IndirectObject)]


def _added_in(reader, revision: int) -> tuple[list[str], list[str]]:  # noqa: ANN001
    """What an unsigned incremental update changed on the pages, in words (vi, en)."""
    new, old = reader.get_historical_resolver(revision), reader.get_historical_resolver(revision - 1)
    changed = set(reader.xrefs.explicit_refs_in_revision(revision))
    old_pages = _page_refs(old)
    vi: list[str] = []
    en: list[str] = []
    for number, ref in enumerate(_page_refs(new), start=1):
        page = new.get_object(ref)
        before = old.get_object(ref) if ref in old_pages else None

        contents_before = _refs(before, "/Contents")
        if _refs(page, "/Contents") != contents_before or any(c in changed for c in contents_before):
            vi.append(f"nội dung vẽ thêm trên trang {number}")
            en.append(f"drawing added on page {number}")
        annots_before = set(_refs(before, "/Annots"))
        for annot_ref in _refs(page, "/Annots"):
            if annot_ref in annots_before and annot_ref not in changed:
                continue
            kind = str(new.get_object(annot_ref).get("/Subtype", "/?"))[1:]
            verb_vi, verb_en = ("sửa", "changed") if annot_ref in annots_before else ("thêm", "added")
            vi.append(f"{verb_vi} chú thích {kind} trên trang {number}")
            en.append(f"{kind} annotation {verb_en} on page {number}")
    if not vi:
        vi, en = ["thay đổi trong cấu trúc tệp"], ["changes to the file's structure"]
    return vi, en


def verify_pdf(path: Path, trusted: list[bytes]) -> Verification:
    from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: PLC0415
    from pyhanko.sign.validation import validate_pdf_signature  # noqa: PLC0415

    v = Verification(str(path), "pdf")
    try:
        with Path(path).open("rb") as fh:
            reader = PdfFileReader(fh, strict=False)
            sigs = sorted(reader.embedded_signatures, key=lambda s: s.signed_revision)
            if not sigs:
                v.problems.append(("Tệp PDF không có chữ ký số.", "The PDF has no digital signature."))
                return v
            context = trust_context(trusted)
            pages = _page_refs(reader)
            for i, sig in enumerate(sigs, start=1):
                status = validate_pdf_signature(sig, context)
                check = _check(i, status, sig.field_name)
                level, coverage = status.modification_level, status.coverage
                check.modification = level.name.lower() if level is not None else "unknown"
                check.coverage = coverage.name.lower() if coverage is not None else ""
                check.visible, check.page = _stamp_page(sig, reader, pages)
                check.revision = sig.signed_revision
                v.signatures.append(check)
            additions = _additions(reader, v.signatures)
    except Exception as exc:  # noqa: BLE001 - a damaged file is a failed verification, not a crash
        v.signatures.clear()
        v.problems.append((f"Không đọc được chữ ký trong tệp PDF ({type(exc).__name__}): tệp hỏng hoặc đã bị sửa.",
                           f"Cannot read the PDF's signature ({type(exc).__name__}): damaged or altered."))
        return v
    _summarise(v)
    first = v.signatures[0]
    v.problems.extend(_own_problems(first, len(v.signatures) > 1))
    roles = {s.role for s in v.signatures}
    if "person" not in roles:
        v.notes.append(("Văn bản chỉ có chữ ký số của cơ quan, không có chữ ký số của người có thẩm quyền.",
                        "The document carries the organisation's signature only, none by the person with "
                        "authority."))
    elif "organisation" not in roles:
        v.notes.append(("Văn bản chỉ có chữ ký số của người có thẩm quyền, không có chữ ký số của cơ quan (con dấu).",
                        "The document carries the signature of the person with authority only, not the "
                        "organisation's (seal)."))
    v.problems.extend(additions)
    v.unmodified = not additions
    return v


def _additions(reader, checks: list[SignatureCheck]) -> list[Problem]:  # noqa: ANN001
    """Every revision after the first signature must be a valid, trusted signature; the last signature
    must cover the whole file; earlier ones may see only signatures added (form filling at most)."""
    by_revision = {c.revision: c for c in checks}
    out: list[Problem] = []
    previous = checks[0]
    for revision in range(checks[0].revision + 1, reader.xrefs.total_revisions):
        later = by_revision.get(revision)
        if later is None:
            vi, en = _added_in(reader, revision)
            out.append((f"Sau chữ ký của {previous.who()}, tệp bị sửa mà không có chữ ký nào: {', '.join(vi)}.",
                        f"After the signature of {previous.who_en()}, the file was changed without any signature: "
                        f"{', '.join(en)}."))
            continue
        if not later.valid:
            where_vi = (f" có hình hiển thị trên trang {later.page}" if later.page else " có hình hiển thị"
                        if later.visible else " (không hiển thị)")
            where_en = (f", visible on page {later.page}" if later.page else ", visible" if later.visible
                        else " (invisible)")
            state_vi, state_en = _state(later)
            out.append((f"Sau chữ ký của {previous.who()}, tệp được thêm chữ ký thứ {later.index} của {later.who()} "
                        f"({state_vi}){where_vi}.",
                        f"After the signature of {previous.who_en()}, signature no. {later.index} by "
                        f"{later.who_en()} ({state_en}) was added{where_en}."))
        previous = later
    if not out:
        for check in checks[:-1]:
            if check.modification not in ("none", "form_filling"):
                out.append((f"Sau chữ ký thứ {check.index} ({check.who()}), tệp bị thay đổi nhiều hơn việc thêm chữ "
                            f"ký (mức: {check.modification}).",
                            f"After signature no. {check.index} ({check.who_en()}), more than signatures was added "
                            f"({check.modification})."))
        last = checks[-1]
        if last.coverage != "entire_file":
            out.append((f"Chữ ký cuối cùng ({last.who()}) không bao trùm toàn bộ tệp: có dữ liệu nối thêm sau khi ký.",
                        f"The last signature ({last.who_en()}) does not cover the whole file: data was appended."))
    return out


def verify_detached(content: Path, signature: Path, trusted: list[bytes]) -> Verification:
    """Every SignerInfo of the CMS is validated on its own; all must be intact and trusted."""
    from asn1crypto import cms  # noqa: PLC0415
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms  # noqa: PLC0415

    v = Verification(str(content), "cms")
    if not Path(signature).is_file():
        v.problems.append((f"Không có tệp chữ ký {Path(signature).name} bên cạnh tệp.",
                           f"No signature file {Path(signature).name} beside the file."))
        return v
    try:
        signed = cms.ContentInfo.load(Path(signature).read_bytes())["content"]
        data = Path(content).read_bytes()
        context = trust_context(trusted)
        for i, signer_info in enumerate(signed["signer_infos"], start=1):
            alone = signed.copy()  # pyHanko validates a SignedData with exactly one signer
            alone["signer_infos"] = cms.SignerInfos([signer_info])
            status = asyncio.run(async_validate_detached_cms(data, alone, signer_validation_context=context))
            check = _check(i, status)
            check.coverage = "entire_file" if check.intact else ""
            v.signatures.append(check)
    except Exception as exc:  # noqa: BLE001
        v.signatures.clear()
        v.problems.append((f"Tệp chữ ký hỏng hoặc không đúng dạng CMS ({type(exc).__name__}).",
                           f"The signature file is damaged or not CMS ({type(exc).__name__})."))
        return v
    if not v.signatures:
        v.problems.append(("Tệp chữ ký không có người ký nào.", "The signature file has no signer."))
        return v
    _summarise(v)
    for check in v.signatures:
        v.problems.extend(_own_problems(check, len(v.signatures) > 1))
    v.unmodified = v.intact
    return v
