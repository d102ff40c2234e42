"""Error kinds shared by every layer.

KnownError: the environment or the user's input is wrong; show the message.
BugError: our fault; show a crash report. Messages are bilingual because the
CLI and the services have no Qt translator; the UI picks the language.
"""

from __future__ import annotations


class KnownError(Exception):
    """A problem the user can act on, with a Vietnamese and an English message."""

    def __init__(self, vi: str, en: str | None = None) -> None:
        super().__init__(vi)
        self.vi = vi
        self.en = en or vi

    def message(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi


class BugError(Exception):
    """An internal error: the program did something it should not."""


class Cancelled(KnownError):
    """The user cancelled a long operation; nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            "Đã hủy thao tác. Dữ liệu không thay đổi.",
            "The operation was cancelled. No data was changed.",
        )
