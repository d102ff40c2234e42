"""The demo commune's records agree with each other (issue 11 §4): what its news items report is in
its registers."""

from __future__ import annotations

from datetime import date

from papi_desktop.services import communication, dialogues, setup

TODAY = date(2026, 6, 5)


def test_the_dialogue_the_news_reports_is_in_the_register(bare_db) -> None:  # noqa: ANN001
    setup.create_demo(bare_db, today=TODAY)
    items = [i for i in communication.items(bare_db) if "đối thoại" in i.title.lower()]
    assert items, "the demo's news item about a dialogue"
    rows = dialogues.dialogue_rows(bare_db, dialogues.dialogue_ids(bare_db))
    for item in items:
        held = [r for r in rows if r.held_on <= item.published_on and "đất đai" in r.title.lower()]
        assert held, f"no dialogue on land held by {item.published_on} for “{item.title}”"
    issues = dialogues.issues_of(bare_db, rows[0].id)
    assert issues and issues[0].commitments  # what was raised there, and the commitment made
    setup.create_demo(bare_db, today=TODAY)  # a second demo fill adds no second dialogue
    assert len(dialogues.dialogue_ids(bare_db)) == 1
