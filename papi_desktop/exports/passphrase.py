"""The rule for a new passphrase protecting a signing key: 8 characters or more, and not easily
guessed (a common password, the commune's own name or code, one repeated pattern, a keyboard run).
Checked only where a passphrase is set, never when an existing key is opened with its own."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from .. import paths
from ..domain.errors import KnownError

MIN_LENGTH = 8
LIST_FILE = "common_passwords.txt"
# Runs on a keyboard or in the alphabet; a passphrase that is a piece of one (either way) is refused.
RUNS = ("qwertyuiopasdfghjklzxcvbnm", "qwertzuiop", "azertyuiop", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
        "qazwsxedcrfvtgbyhnujmikolp", "abcdefghijklmnopqrstuvwxyz", "01234567890", "1q2w3e4r5t6y7u8i9o0p")


def plain(text: str) -> str:
    """Lower case, no accents (đ as d), letters and digits only: "Mật khẩu 1" -> "matkhau1"."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


@cache
def common_passwords() -> frozenset[str]:
    path = paths.resources_dir() / "reference" / LIST_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(plain(ln) for ln in lines if ln.strip() and not ln.startswith("#"))


def _reason(passphrase: str, own_words: Iterable[str]) -> tuple[str, str] | None:
    flat = plain(passphrase)
    core = re.sub(r"^\d+|\d+$", "", flat)
    common = common_passwords()
    if len(flat) < 6:
        return "có quá ít chữ cái và chữ số", "it has too few letters and digits"
    if flat in common or passphrase.casefold() in common or (core and core in common):
        return "nằm trong danh sách mật khẩu phổ biến", "it is on the list of common passwords"
    if flat.isdigit():
        return "chỉ có chữ số (như ngày sinh, số điện thoại)", "it has digits only (like a birthday or phone number)"
    if re.fullmatch(r"(.{1,4})\1+", flat):
        return "chỉ là một nhóm ký tự lặp lại", "it is one short pattern repeated"
    if any(flat in run or flat in run[::-1] for run in RUNS):
        return "là một dãy phím hoặc chữ cái liền nhau", "it is a run of keys or letters"
    rest = flat
    words = {plain(part) for text in own_words for part in (text, *str(text).split())}
    for word in sorted(words, key=len, reverse=True):
        if len(word) >= 2:
            rest = rest.replace(word, "")
    if len(re.sub(r"\d", "", rest)) < 3:
        return "chỉ gồm tên hoặc mã của xã", "it is only the commune's name or code"
    return None


def check_new(passphrase: str, own_words: Iterable[str] = ()) -> None:
    """Raise KnownError when the passphrase is too short or too easily guessed; own_words are the
    commune's name, code and place (from the certificate's subject)."""
    if len(passphrase) < MIN_LENGTH:
        raise KnownError("Mật khẩu bảo vệ khóa cần ít nhất 8 ký tự.", "The key's passphrase needs 8 characters or more.")
    reason = _reason(passphrase, own_words)
    if reason is not None:
        vi, en = reason
        raise KnownError(f"Mật khẩu bảo vệ khóa quá dễ đoán: {vi}. Hãy dùng một câu dài hơn, ví dụ ba bốn từ không "
                         "liên quan đến nhau kèm vài chữ số.",
                         f"The key's passphrase is too easy to guess: {en}. Use a longer phrase, e.g. three or four "
                         "unrelated words with a few digits.")
