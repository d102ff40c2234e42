"""The communication log: news items and articles the commune publishes, against the province's quota."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ..domain.errors import KnownError
from ..domain.text import nfc
from ..storage.db import Database
from ..storage.transparency import NewsItem
from . import reference
from .attachments import attachment_path, store_attachment
from .common import tombstone


def channels() -> list[dict]:
    return list(reference.communication_quotas()["channels"])


def topics() -> list[dict]:
    return list(reference.communication_quotas()["topics"])


@dataclass(frozen=True)
class NewsInfo:
    id: str
    published_on: date
    channel: str
    title: str
    link: str
    topic: str
    file_name: str
    file_path: Path | None
    notes: str


@dataclass(slots=True)
class NewsInput:
    published_on: date
    channel: str  # a code of channels()
    title: str
    topic: str = "other"  # a code of topics()
    link: str = ""
    file: Path | None = None  # the article as published, kept as an attachment
    notes: str = ""


def add_item(db: Database, inp: NewsInput, *, attachments_dir: Path | None = None) -> str:
    if inp.channel not in {c["code"] for c in channels()}:
        raise KnownError(f"Kênh “{inp.channel}” không hợp lệ.", f"Unknown channel “{inp.channel}”.")
    if inp.topic not in {t["code"] for t in topics()}:
        raise KnownError(f"Chủ đề “{inp.topic}” không hợp lệ.", f"Unknown topic “{inp.topic}”.")
    if not nfc(inp.title):
        raise KnownError("Hãy nhập tiêu đề tin, bài.", "Enter the item's title.")
    sha, name = store_attachment(inp.file, attachments_dir) if inp.file else ("", "")
    with db.session() as s:
        item = NewsItem(published_on=inp.published_on, channel=inp.channel, title=nfc(inp.title),
                        link=inp.link.strip(), topic=inp.topic, file_sha256=sha, file_name=name,
                        notes=nfc(inp.notes))
        s.add(item)
        s.flush()
        return item.id


def delete_item(db: Database, item_id: str) -> None:
    with db.session() as s:
        item = s.get(NewsItem, item_id)
        if item is not None and not item.deleted:
            tombstone(item)


def items(db: Database, year: int | None = None, attachments_dir: Path | None = None) -> list[NewsInfo]:
    with db.reader() as s:
        stmt = select(NewsItem).where(NewsItem.deleted.is_(False)).order_by(NewsItem.published_on.desc())
        if year is not None:
            stmt = stmt.where(NewsItem.published_on >= date(year, 1, 1), NewsItem.published_on <= date(year, 12, 31))
        return [NewsInfo(i.id, i.published_on, i.channel, i.title, i.link, i.topic, i.file_name,
                         attachment_path(i.file_sha256, i.file_name, attachments_dir), i.notes)
                for i in s.scalars(stmt)]


@dataclass(frozen=True)
class MonthQuota:
    month: int
    required: int
    done: int
    status: str  # done | missing | pending (the month is not over)
    quota: str


def quotas(year: int) -> list[dict]:
    """The province's quotas in force in a year."""
    return [q for q in reference.communication_quotas()["quotas"]
            if q["years_from"] <= year and (q.get("years_to") is None or year <= q["years_to"])]


def quota_by_month(db: Database, year: int, today: date) -> list[MonthQuota]:
    """Each month of the year against every quota in force that year."""
    published = items(db, year)
    out = []
    for q in quotas(year):
        for month in range(1, 13):
            done = sum(1 for i in published if i.published_on.month == month and i.channel == q["channel"]
                       and i.topic in q["topics"])
            month_over = (year, month) < (today.year, today.month)
            status = "done" if done >= q["count"] else ("missing" if month_over else "pending")
            out.append(MonthQuota(month, int(q["count"]), done, status, q["code"]))
    return out
