"""Dialogues with the people (Luật 10/2022 Điều 32: at least one a year with the Fatherland Front):
the conference, every issue raised, the answers, commitments and their follow-up."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from ..domain.errors import KnownError
from ..domain.text import nfc
from ..storage.db import Database
from ..storage.registers import Commitment, CommitmentFollowup, Dialogue, DialogueIssue
from . import positions

KINDS = ("annual", "other")


@dataclass
class DialogueInput:
    held_on: date
    title: str
    place: str
    chair: str
    co_organiser: str = "Ủy ban MTTQ Việt Nam xã"
    secretary: str = ""
    kind: str = "annual"
    started_at: str = ""
    ended_at: str = ""
    attendance: dict[str, int] = field(default_factory=dict)
    topics: str = ""


@dataclass(frozen=True)
class OpenCommitment:
    id: str
    dialogue_id: str
    held_on: date
    content: str
    owner: str
    due: date | None
    overdue: bool
    last_followup: str


def add_dialogue(db: Database, inp: DialogueInput) -> str:
    problems = []
    if inp.kind not in KINDS:
        problems.append(("Loại hội nghị không hợp lệ.", "Unknown dialogue kind."))
    if not nfc(inp.place):
        problems.append(("Hãy ghi địa điểm tổ chức.", "Enter the place."))
    if not nfc(inp.chair):
        problems.append(("Hãy ghi người chủ trì.", "Enter who chaired."))
    if any((not isinstance(n, int)) or n < 0 for n in inp.attendance.values()):
        problems.append(("Số người dự theo thành phần phải là số không âm.", "Attendance must be counts >= 0."))
    if problems:
        raise KnownError("\n".join(p[0] for p in problems), "\n".join(p[1] for p in problems))
    with db.session() as s:
        d = Dialogue(held_on=inp.held_on, kind=inp.kind, title=nfc(inp.title), place=nfc(inp.place),
                     chair=nfc(inp.chair), co_organiser=nfc(inp.co_organiser), secretary=nfc(inp.secretary),
                     started_at=inp.started_at, ended_at=inp.ended_at,
                     attendance_json=json.dumps({nfc(k): v for k, v in inp.attendance.items()}, ensure_ascii=False),
                     topics=nfc(inp.topics))
        s.add(d)
        s.flush()
        return d.id


@dataclass(slots=True)
class IssueInput:
    content: str
    raised_by: str = ""  # empty: an anonymous speaker
    village: str = ""
    field: str = ""  # the sector: Đất đai, Giao thông, …
    answer: str = ""
    answered_by: str = ""


def add_issue(db: Database, dialogue_id: str, inp: IssueInput) -> str:
    """An issue raised at the conference, with the answer given there if any."""
    if not nfc(inp.content):
        raise KnownError("Hãy ghi nội dung ý kiến, kiến nghị.", "Enter what was raised.")
    with db.session() as s:
        d = s.get(Dialogue, dialogue_id)
        if d is None or d.deleted:
            raise KnownError("Hội nghị đối thoại không còn tồn tại.", "The dialogue no longer exists.")
        position = positions.next_position(s, DialogueIssue, "dialogue_id", dialogue_id)  # see services.positions
        issue = DialogueIssue(dialogue_id=dialogue_id, position=position, raised_by=nfc(inp.raised_by),
                              village=nfc(inp.village), content=nfc(inp.content), field=nfc(inp.field),
                              answer=nfc(inp.answer), answered_by=nfc(inp.answered_by))
        s.add(issue)
        s.flush()
        return issue.id


def add_commitment(db: Database, issue_id: str, content: str, owner: str, due: date | None) -> str:
    if not nfc(content) or not nfc(owner):
        raise KnownError("Cam kết cần có nội dung và đơn vị, người chịu trách nhiệm.",
                         "A commitment needs its content and an owner.")
    with db.session() as s:
        issue = s.get(DialogueIssue, issue_id)
        if issue is None or issue.deleted:
            raise KnownError("Ý kiến không còn tồn tại.", "The issue no longer exists.")
        c = Commitment(issue_id=issue_id, content=nfc(content), owner=nfc(owner), due=due)
        s.add(c)
        s.flush()
        return c.id


def follow_up(db: Database, commitment_id: str, noted_on: date, note: str, done: bool = False) -> None:
    with db.session() as s:
        c = s.get(Commitment, commitment_id)
        if c is None or c.deleted:
            raise KnownError("Cam kết không còn tồn tại.", "The commitment no longer exists.")
        s.add(CommitmentFollowup(commitment_id=commitment_id, noted_on=noted_on, note=nfc(note)))
        if done:
            c.done_on = noted_on


def open_commitments(db: Database, today: date) -> list[OpenCommitment]:
    """Commitments not yet done, soonest due first: the home screen's follow-up list."""
    with db.reader() as s:
        rows = s.execute(
            select(Commitment, Dialogue.id, Dialogue.held_on)
            .join(DialogueIssue, Commitment.issue_id == DialogueIssue.id)
            .join(Dialogue, DialogueIssue.dialogue_id == Dialogue.id)
            .where(Commitment.deleted.is_(False), Commitment.done_on.is_(None), Dialogue.deleted.is_(False))
        ).all()
        out = []
        for c, dialogue_id, held_on in rows:
            last = max(c.followups, key=lambda f: f.noted_on).note if c.followups else ""
            out.append(OpenCommitment(c.id, dialogue_id, held_on, c.content, c.owner, c.due,
                                      c.due is not None and c.due < today, last))
    return sorted(out, key=lambda o: (o.due is None, o.due or date.max))


def dialogue_of(db: Database, commitment_id: str) -> str | None:
    """The conference a commitment was made at (the row to show it in), None when it is gone."""
    with db.reader() as s:
        return s.scalar(select(Dialogue.id).join(DialogueIssue, DialogueIssue.dialogue_id == Dialogue.id)
                        .join(Commitment, Commitment.issue_id == DialogueIssue.id)
                        .where(Commitment.id == commitment_id, Commitment.deleted.is_(False),
                               DialogueIssue.deleted.is_(False), Dialogue.deleted.is_(False)))


def years_without_annual_dialogue(db: Database, years: range) -> list[int]:
    """Years with no yearly dialogue conference (at least one a year, Luật 10/2022 Điều 32)."""
    with db.reader() as s:
        held = {d.year for d in s.scalars(select(Dialogue.held_on).where(Dialogue.deleted.is_(False),
                                                                           Dialogue.kind == "annual"))}
    return [y for y in years if y not in held]


def minutes_data(db: Database, dialogue_id: str) -> dict[str, Any]:
    """Everything the biên bản (NĐ 30/2020 Mẫu 1.9) needs, for the reports issue to print: plain values
    (text, ISO dates, the attendance as stored JSON), nested as JSON would be."""
    with db.reader() as s:
        d = s.get(Dialogue, dialogue_id)
        if d is None or d.deleted:
            raise KnownError("Hội nghị đối thoại không còn tồn tại.", "The dialogue no longer exists.")
        return {
            "held_on": d.held_on.isoformat(), "title": d.title, "place": d.place, "chair": d.chair,
            "co_organiser": d.co_organiser, "secretary": d.secretary, "started_at": d.started_at,
            "ended_at": d.ended_at, "attendance": json.loads(d.attendance_json or "{}"), "topics": d.topics,
            "issues": [
                {"raised_by": i.raised_by or "(ẩn danh)", "village": i.village, "content": i.content,
                 "field": i.field, "answered_by": i.answered_by, "answer": i.answer,
                 "commitments": [{"content": c.content, "owner": c.owner,
                                  "due": c.due.isoformat() if c.due else None,
                                  "done_on": c.done_on.isoformat() if c.done_on else None}
                                 for c in i.commitments if not c.deleted]}
                for i in d.issues if not i.deleted
            ],
        }


@dataclass(frozen=True)
class DialogueRow:
    id: str
    held_on: date
    kind: str
    title: str
    place: str
    chair: str
    issues: int
    open_commitments: int


@dataclass(frozen=True)
class CommitmentInfo:
    id: str
    content: str
    owner: str
    due: date | None
    done_on: date | None
    followups: list[tuple[date, str]]


@dataclass(frozen=True)
class IssueInfo:
    id: str
    raised_by: str
    village: str
    content: str
    field: str
    answer: str
    commitments: list[CommitmentInfo]


def dialogue_ids(db: Database) -> list[str]:
    with db.reader() as s:
        return list(s.scalars(select(Dialogue.id).where(Dialogue.deleted.is_(False))
                              .order_by(Dialogue.held_on.desc())))


def dialogue_rows(db: Database, ids: list[str]) -> list[DialogueRow]:
    with db.reader() as s:
        found = {d.id: d for d in s.scalars(select(Dialogue).where(Dialogue.id.in_(ids)))}
        rows = []
        for did in ids:
            d = found.get(did)
            if d is None:
                continue
            issues = [i for i in d.issues if not i.deleted]
            open_c = sum(1 for i in issues for c in i.commitments if not c.deleted and c.done_on is None)
            rows.append(DialogueRow(d.id, d.held_on, d.kind, d.title, d.place, d.chair, len(issues), open_c))
        return rows


def issues_of(db: Database, dialogue_id: str) -> list[IssueInfo]:
    with db.reader() as s:
        issues = s.scalars(select(DialogueIssue).where(DialogueIssue.dialogue_id == dialogue_id,
                                                       DialogueIssue.deleted.is_(False))
                           .order_by(*positions.order(DialogueIssue)))
        return [
            IssueInfo(i.id, i.raised_by, i.village, i.content, i.field, i.answer, [
                CommitmentInfo(c.id, c.content, c.owner, c.due, c.done_on,
                               [(f.noted_on, f.note) for f in c.followups if not f.deleted])
                for c in i.commitments if not c.deleted
            ])
            for i in issues
        ]
