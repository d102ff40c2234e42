"""What every command module shares: printing, a passphrase from the environment, reading an input
file, and showing certificates before a person trusts them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..domain.errors import KnownError


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


def env_passphrase(var: str | None) -> str:
    if not var:
        raise KnownError("Cần --passphrase-env TÊN_BIẾN: mật khẩu của khóa không được ghi trên dòng lệnh.",
                         "Give --passphrase-env VAR: the key's passphrase is never typed on the command line.")
    value = os.environ.get(var)
    if value is None:
        raise KnownError(f"Biến môi trường {var} chưa có giá trị.", f"Environment variable {var} is not set.")
    return value


def read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise KnownError(f"Không đọc được tệp {path}: {exc.strerror}.", f"Cannot read {path}: {exc.strerror}.") from None


def describe(info, en: bool) -> list[str]:  # noqa: ANN001
    def name(parts: dict[str, str]) -> str:
        return ", ".join(f"{k}={v}" for k, v in parts.items())

    return [("Subject: " if en else "Chủ thể: ") + name(info.subject),
            ("Issuer: " if en else "Tổ chức cấp: ") + name(info.issuer),
            ("Valid: " if en else "Hiệu lực: ") + f"{info.not_before} – {info.not_after}",
            ("SHA-256 fingerprint: " if en else "Dấu vân tay SHA-256: ") + info.fingerprint]


def confirm(infos: list, lang: str, yes: bool, question: tuple[str, str]) -> bool:
    """Show the certificates about to be trusted and ask on the terminal; --yes answers for scripts."""
    en = lang == "en"
    for info in infos:
        for line in describe(info, en):
            say(line)
    if yes:
        return True
    if not sys.stdin.isatty():
        raise KnownError("Cần xác nhận trên bàn phím trước khi tin cậy chứng thư. Khi chạy bằng tập lệnh, so dấu vân tay "
                         "với nơi cấp rồi thêm --yes. Chưa tin cậy chứng thư nào.",
                         "Trusting a certificate needs a confirmation on the terminal. In a script, compare the "
                         "fingerprint with its issuer and add --yes. Nothing was trusted.")
    sys.stdout.write((question[1] if en else question[0]) + " [y/N] ")
    sys.stdout.flush()
    return sys.stdin.readline().strip().casefold() in ("y", "yes", "c", "có", "co")


TRUST_QUESTION = ("Tin cậy chứng thư này? Mọi chữ ký do chứng thư này chứng nhận sẽ được coi là hợp lệ.",
                  "Trust this certificate? Every signature it certifies will verify as valid.")
