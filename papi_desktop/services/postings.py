"""The disclosure register: villages, postings with their places, forms, evidence and feedback."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain.dates import format_vn
from ..domain.disclosure import ChannelFacts, PlaceFacts, PostingFacts, period_end
from ..domain.errors import KnownError
from ..domain.period_labels import period_name
from ..domain.text import fold, nfc
from ..storage.db import Database
from ..storage.models import CommuneProfile, Tracked
from ..storage.transparency import (
    Posting,
    PostingAttachment,
    PostingChannel,
    PostingFeedback,
    PostingPlace,
    Village,
)
from . import accounts, positions, reference
from .attachments import attachment_path, store_attachment
from .common import tombstone

PLACES = ("seat", "village", "other")
CHANNELS = ("loudspeaker", "portal", "written_notice", "village_meeting", "social", "other")
ATTACHMENT_KINDS = ("photo", "start_minutes", "end_minutes", "other")
# How official documents name the forms (always Vietnamese).
CHANNEL_NAMES = {"loudspeaker": "hệ thống truyền thanh xã", "portal": "trang thông tin điện tử của xã",
                 "written_notice": "văn bản thông báo", "village_meeting": "họp thôn, bản",
                 "social": "Zalo, mạng xã hội", "other": "hình thức khác"}
VILLAGE_KINDS = ("ban", "thon", "to_dan_pho")
_PERIOD = re.compile(r"^(\d{4})(-(Q[1-4]|H1|9M))?$")


@dataclass(frozen=True)
class VillageInfo:
    id: str
    name: str
    kind: str
    active: bool


@dataclass
class PlaceInput:
    place: str  # seat | village | other
    village_id: str | None = None
    label: str = ""
    start_on: date | None = None  # only when this place's dates differ from the posting's
    end_on: date | None = None


@dataclass
class ChannelInput:
    channel: str
    start_on: date | None = None
    end_on: date | None = None
    note: str = ""


@dataclass
class PostingInput:
    kind: str
    subject_period: str = ""  # "2026", "2026-Q1", "2026-H1", "2026-9M"; default: the year of the document
    title: str = ""
    doc_number: str = ""
    doc_date: date | None = None
    issuer: str = ""
    start_on: date | None = None
    end_on: date | None = None
    places: list[PlaceInput] = field(default_factory=list)
    channels: list[ChannelInput] = field(default_factory=list)
    feedback_to: str = ""
    feedback_until: date | None = None
    notes: str = ""
    budget_table_id: str | None = None
    poverty_review_id: str | None = None


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    kind: str
    caption: str
    file_name: str
    path: Path | None


@dataclass(frozen=True)
class FeedbackInfo:
    id: str
    received_on: date
    sender: str
    content: str
    answer: str
    answered_on: date | None


@dataclass
class PostingDetail:
    id: str
    inp: PostingInput
    attachments: list[AttachmentInfo]
    feedback: list[FeedbackInfo]


# ---- villages and the commune's means of disclosure ----

def villages(db: Database, include_inactive: bool = False) -> list[VillageInfo]:
    with db.reader() as s:
        stmt = select(Village).where(Village.deleted.is_(False)).order_by(*positions.order(Village))
        if not include_inactive:
            stmt = stmt.where(Village.active.is_(True))
        return [VillageInfo(v.id, v.name, v.kind, v.active) for v in s.scalars(stmt)]


def add_village(db: Database, name: str, kind: str = "ban") -> str:
    accounts.require(db, "settings")
    name = nfc(name)
    if not name:
        raise KnownError("Hãy nhập tên thôn, bản.", "Enter the village's name.")
    if kind not in VILLAGE_KINDS:
        raise KnownError(f"Loại “{kind}” không hợp lệ (bản, thôn, tổ dân phố).", f"Unknown village kind “{kind}”.")
    with db.session() as s:
        existing = s.scalars(select(Village).where(Village.deleted.is_(False))).all()
        if any(fold(v.name) == fold(name) for v in existing):
            raise KnownError(f"Đã có “{name}” trong danh sách thôn, bản.", f"“{name}” is already listed.")
        village = Village(name=name, kind=kind, position=positions.next_position(s, Village, None, None))
        s.add(village)
        s.flush()
        return village.id


def set_village(db: Database, village_id: str, name: str | None = None, active: bool | None = None) -> None:
    """Rename or (de)activate a village; a village that stops existing is kept for past postings."""
    accounts.require(db, "settings")
    with db.session() as s:
        village = s.get(Village, village_id)
        if village is None or village.deleted:
            raise KnownError("Thôn, bản không còn tồn tại.", "The village no longer exists.")
        if name is not None and nfc(name) and nfc(name) != village.name:
            village.name = nfc(name)
        if active is not None and active != village.active:
            village.active = active


def set_means(db: Database, has_loudspeaker: bool, has_portal: bool) -> None:
    """Whether the commune has a loudspeaker system and a web page: those forms are required only then."""
    accounts.require(db, "settings")
    with db.session() as s:
        profile = s.scalar(select(CommuneProfile).where(CommuneProfile.deleted.is_(False)))
        if profile is None:
            raise KnownError("Chưa thiết lập xã, phường.", "The commune is not set up yet.")
        if profile.has_loudspeaker != has_loudspeaker:
            profile.has_loudspeaker = has_loudspeaker
        if profile.has_portal != has_portal:
            profile.has_portal = has_portal


# ---- postings ----

def _validate(inp: PostingInput, known_villages: set[str]) -> PostingInput:
    kind = reference.disclosure_kind(inp.kind)
    problems: list[tuple[str, str]] = []
    period = inp.subject_period.strip() or str((inp.doc_date or inp.start_on or date.today()).year)
    if not _PERIOD.match(period):
        problems.append((f"Kỳ “{period}” không hợp lệ: dùng 2026, 2026-Q1…Q4, 2026-H1 hoặc 2026-9M.",
                         f"Period “{period}” is not valid: use 2026, 2026-Q1…Q4, 2026-H1 or 2026-9M."))
    if inp.start_on and inp.end_on and inp.end_on < inp.start_on:
        problems.append((f"Ngày kết thúc niêm yết {format_vn(inp.end_on)} trước ngày bắt đầu "
                         f"{format_vn(inp.start_on)}.", "The posting ends before it starts."))
    if inp.end_on and not inp.start_on:
        problems.append(("Có ngày kết thúc nhưng chưa có ngày bắt đầu niêm yết.", "An end date without a start date."))
    if inp.feedback_until and inp.start_on and inp.feedback_until < inp.start_on:
        problems.append(("Hạn nhận ý kiến trước ngày niêm yết.", "The feedback deadline is before the posting starts."))
    if inp.start_on and not inp.places:
        problems.append(("Hãy chọn ít nhất một nơi niêm yết (trụ sở UBND xã, nhà văn hóa thôn, bản).",
                         "Choose at least one place (the commune seat, a village cultural house)."))
    for p in inp.places:
        if p.place not in PLACES:
            problems.append((f"Nơi niêm yết “{p.place}” không hợp lệ.", f"Unknown place “{p.place}”."))
        elif p.place == "village" and p.village_id not in known_villages:
            problems.append(("Thôn, bản được chọn không có trong danh sách của xã.", "Unknown village."))
        elif p.place == "other" and not nfc(p.label):
            problems.append(("Nơi niêm yết khác cần có tên.", "Another place needs a name."))
        if p.start_on and p.end_on and p.end_on < p.start_on:
            problems.append((f"{p.label or p.place}: ngày kết thúc trước ngày bắt đầu.",
                             f"{p.label or p.place}: ends before it starts."))
    for c in inp.channels:
        if c.channel not in CHANNELS:
            problems.append((f"Hình thức “{c.channel}” không hợp lệ.", f"Unknown form “{c.channel}”."))
        if c.start_on and c.end_on and c.end_on < c.start_on:
            problems.append(("Hình thức công khai có ngày kết thúc trước ngày bắt đầu.", "A form ends before it starts."))
    if problems:
        raise KnownError(" ".join(vi for vi, _en in problems), " ".join(en for _vi, en in problems))
    # "… quý I" already names its quarter: then only the year follows.
    label = f"năm {period[:4]}" if kind.period in ("Q1", "H1", "9M") else period_label(period)
    title = nfc(inp.title) or f"{kind.name_vi} {label}".strip()
    return PostingInput(
        kind=kind.code, subject_period=period, title=title, doc_number=nfc(inp.doc_number), doc_date=inp.doc_date,
        issuer=nfc(inp.issuer), start_on=inp.start_on, end_on=inp.end_on, places=inp.places, channels=inp.channels,
        feedback_to=nfc(inp.feedback_to), feedback_until=inp.feedback_until, notes=nfc(inp.notes),
        budget_table_id=inp.budget_table_id, poverty_review_id=inp.poverty_review_id)


def period_label(period: str) -> str:
    """In a document's sentence: '2026-Q1' -> 'quý I năm 2026' (as reports name it); '2026-H1' -> '6 tháng
    đầu năm 2026'; '2026' -> 'năm 2026'. Official documents are Vietnamese whatever the UI language."""
    return period_name(period, "vi", in_sentence=True)


def _known_village_ids(s: Session) -> set[str]:
    return set(s.scalars(select(Village.id).where(Village.deleted.is_(False))))


def _write_children(s: Session, posting_id: str, inp: PostingInput, names: dict[str, str]) -> None:
    for pos, p in enumerate(inp.places):
        label = nfc(p.label) or ("Trụ sở UBND xã" if p.place == "seat" else names.get(p.village_id or "", ""))
        s.add(PostingPlace(posting_id=posting_id, position=pos, place=p.place,
                           village_id=p.village_id if p.place == "village" else None, label=label,
                           start_on=p.start_on, end_on=p.end_on))
    for c in inp.channels:
        s.add(PostingChannel(posting_id=posting_id, channel=c.channel, start_on=c.start_on, end_on=c.end_on,
                             note=nfc(c.note)))


def _columns(inp: PostingInput) -> dict[str, object]:
    return {"kind": inp.kind, "subject_period": inp.subject_period, "title": inp.title,
            "doc_number": inp.doc_number, "doc_date": inp.doc_date, "issuer": inp.issuer, "start_on": inp.start_on,
            "end_on": inp.end_on, "feedback_to": inp.feedback_to, "feedback_until": inp.feedback_until,
            "notes": inp.notes, "budget_table_id": inp.budget_table_id, "poverty_review_id": inp.poverty_review_id}


def add_posting(db: Database, inp: PostingInput) -> str:
    with db.session() as s:
        return add_posting_in(s, inp)


def add_posting_in(s: Session, inp: PostingInput) -> str:
    """Inside the caller's transaction (the poverty review posts its list with its own steps)."""
    inp = _validate(inp, _known_village_ids(s))
    posting = Posting(**_columns(inp))
    s.add(posting)
    s.flush()
    _write_children(s, posting.id, inp, _village_names(s))
    return posting.id


def _village_names(s: Session) -> dict[str, str]:
    return {v.id: v.name for v in s.scalars(select(Village).where(Village.deleted.is_(False)))}


def update_posting(db: Database, posting_id: str, inp: PostingInput) -> None:
    """Replace what the form edits; places and forms are replaced as a whole (old rows tombstoned)."""
    with db.session() as s:
        posting = s.get(Posting, posting_id)
        if posting is None or posting.deleted:
            raise KnownError("Mục công khai không còn tồn tại.", "The posting no longer exists.")
        inp = _validate(inp, _known_village_ids(s))
        for key, value in _columns(inp).items():
            if getattr(posting, key) != value:
                setattr(posting, key, value)
        children: list[Tracked] = [*posting.places, *posting.channels]
        for child in children:
            if not child.deleted:
                tombstone(child)
        s.flush()
        _write_children(s, posting_id, inp, _village_names(s))


def delete_posting(db: Database, posting_id: str) -> None:
    with db.session() as s:
        posting = s.get(Posting, posting_id)
        if posting is not None and not posting.deleted:
            tombstone(posting)


def add_attachment(db: Database, posting_id: str, file: Path, kind: str = "photo", caption: str = "",
                   attachments_dir: Path | None = None) -> str:
    if kind not in ATTACHMENT_KINDS:
        raise KnownError(f"Loại minh chứng “{kind}” không hợp lệ.", f"Unknown evidence kind “{kind}”.")
    sha, name = store_attachment(file, attachments_dir)  # copied before the transaction
    with db.session() as s:
        if s.get(Posting, posting_id) is None:
            raise KnownError("Mục công khai không còn tồn tại.", "The posting no longer exists.")
        item = PostingAttachment(posting_id=posting_id, kind=kind, caption=nfc(caption), file_sha256=sha,
                                 file_name=name)
        s.add(item)
        s.flush()
        return item.id


def add_feedback(db: Database, posting_id: str, received_on: date, content: str, sender: str = "",
                 answer: str = "", answered_on: date | None = None) -> str:
    if not nfc(content):
        raise KnownError("Hãy ghi nội dung ý kiến.", "Enter the content of the feedback.")
    with db.session() as s:
        if s.get(Posting, posting_id) is None:
            raise KnownError("Mục công khai không còn tồn tại.", "The posting no longer exists.")
        item = PostingFeedback(posting_id=posting_id, received_on=received_on, sender=nfc(sender),
                               content=nfc(content), answer=nfc(answer), answered_on=answered_on)
        s.add(item)
        s.flush()
        return item.id


def answer_feedback(db: Database, feedback_id: str, answer: str, answered_on: date) -> None:
    if not nfc(answer):
        raise KnownError("Hãy ghi nội dung trả lời.", "Enter the answer.")
    with db.session() as s:
        item = s.get(PostingFeedback, feedback_id)
        if item is None or item.deleted:
            raise KnownError("Ý kiến không còn tồn tại.", "The feedback no longer exists.")
        item.answer, item.answered_on = nfc(answer), answered_on


def _live(items: list) -> list:  # noqa: ANN001
    return [i for i in items if not i.deleted]


def get_posting(db: Database, posting_id: str, attachments_dir: Path | None = None) -> PostingDetail:
    with db.reader() as s:
        p = s.get(Posting, posting_id)
        if p is None or p.deleted:
            raise KnownError("Mục công khai không còn tồn tại.", "The posting no longer exists.")
        inp = PostingInput(
            kind=p.kind, subject_period=p.subject_period, title=p.title, doc_number=p.doc_number,
            doc_date=p.doc_date, issuer=p.issuer, start_on=p.start_on, end_on=p.end_on,
            places=[PlaceInput(x.place, x.village_id, x.label, x.start_on, x.end_on) for x in _live(p.places)],
            channels=[ChannelInput(c.channel, c.start_on, c.end_on, c.note) for c in _live(p.channels)],
            feedback_to=p.feedback_to, feedback_until=p.feedback_until, notes=p.notes,
            budget_table_id=p.budget_table_id, poverty_review_id=p.poverty_review_id)
        attachments = [AttachmentInfo(a.id, a.kind, a.caption, a.file_name,
                                      attachment_path(a.file_sha256, a.file_name, attachments_dir))
                       for a in _live(p.attachments)]
        feedback = [FeedbackInfo(f.id, f.received_on, f.sender, f.content, f.answer, f.answered_on)
                    for f in _live(p.feedback)]
        return PostingDetail(p.id, inp, attachments, feedback)


def anchor_of(kind_code: str, subject_period: str, doc_date: date | None) -> date | None:
    """The day the deadline runs from: the period's end for period reports, else the document's date."""
    rule = reference.disclosure_kind(kind_code)
    if rule.period and period_end(subject_period) is not None:
        return period_end(subject_period)
    return doc_date


def facts_of(p: Posting, villages_: list[tuple[str, str]], has_loudspeaker: bool, has_portal: bool) -> PostingFacts:
    """What the rules look at, from a loaded posting (places keyed 'seat' or by village id)."""
    places = []
    for x in _live(p.places):
        key = "seat" if x.place == "seat" else (x.village_id or f"other:{x.label}")
        places.append(PlaceFacts(key, x.label, x.start_on or p.start_on, x.end_on or p.end_on))
    channels = tuple(ChannelFacts(c.channel, c.start_on or p.start_on, c.end_on) for c in _live(p.channels))
    return PostingFacts(kind=reference.disclosure_kind(p.kind), anchor=anchor_of(p.kind, p.subject_period, p.doc_date),
                        start=p.start_on, end=p.end_on, places=tuple(places), channels=channels,
                        villages=tuple(villages_), has_loudspeaker=has_loudspeaker, has_portal=has_portal)


def load_postings(s: Session, where: list | None = None) -> list[Posting]:
    stmt = (select(Posting).where(Posting.deleted.is_(False), *(where or []))
            .options(selectinload(Posting.places), selectinload(Posting.channels))
            .order_by(Posting.start_on.desc(), Posting.doc_date.desc()))
    return list(s.scalars(stmt))


def context(s: Session) -> tuple[list[tuple[str, str]], bool, bool]:
    """The commune's active villages and its means (loudspeaker, web page)."""
    villages_ = [(v.id, v.name) for v in s.scalars(select(Village).where(Village.deleted.is_(False),
                                                                          Village.active.is_(True))
                                                   .order_by(*positions.order(Village)))]
    profile = s.scalar(select(CommuneProfile).where(CommuneProfile.deleted.is_(False)))
    return villages_, bool(profile.has_loudspeaker if profile else True), bool(profile.has_portal if profile else False)


@dataclass(frozen=True)
class Disclosed:
    title: str
    forms: str
    places: str
    when: str


def disclosed_between(db: Database, start: date, end: date) -> list[Disclosed]:
    """What was posted in a period (content, forms, places, time): the quarterly list the law has posted
    (Luật 10/2022, Điều 13.2), in the order it was posted."""
    with db.reader() as s:
        found = [(p.start_on, p) for p in load_postings(s) if p.start_on and start <= p.start_on <= end
                 and p.kind != "quarterly_list"]
        out = []
        for _start, p in sorted(found, key=lambda pair: pair[0]):
            forms = ["niêm yết"] + [CHANNEL_NAMES.get(c.channel, c.channel) for c in _live(p.channels)]
            when = f"{format_vn(p.start_on)}–{format_vn(p.end_on)}" if p.end_on else f"từ {format_vn(p.start_on)}"
            out.append(Disclosed(p.title, ", ".join(dict.fromkeys(forms)), ", ".join(x.label for x in _live(p.places)),
                                 when))
        return out
