"""The dialogs that add a task or a dialogue issue say, on a PC that does not keep the commune's
registers, that the registry PC may renumber or move what is added (services.positions)."""

from __future__ import annotations

from papi_desktop.services import registry
from papi_desktop.ui.views.dialogues_page import DialoguesPage, IssueDialog
from papi_desktop.ui.views.plan_page import PlanPage
from papi_desktop.ui.views.task_dialogs import AddTaskDialog


def test_the_note_shows_only_where_the_registers_are_not_kept(qtbot, plan_db, runner, settle) -> None:  # noqa: ANN001
    page = PlanPage(plan_db, runner)  # the task dialog reads the role through the Plan page's worker
    qtbot.addWidget(page)
    issues = DialoguesPage(plan_db, runner)
    qtbot.addWidget(issues)
    for keeps in (True, False):
        registry.set_registry(plan_db, keeps)
        task = AddTaskDialog(page, 1)
        issue = IssueDialog(issues, runner, plan_db)
        for dialog in (task, issue):
            qtbot.addWidget(dialog)
        settle(runner)
        assert task.registry_note.isHidden() == issue.registry_note.isHidden() == keeps
    assert "đánh lại số và thứ tự" in task.registry_note.text()
    assert "xếp lại thứ tự các ý kiến" in issue.registry_note.text()
    bare = IssueDialog()  # no worker given: nothing read, nothing said
    qtbot.addWidget(bare)
    assert bare.registry_note.isHidden()
