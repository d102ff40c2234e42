"""An empty certificate label (`--token-cert ""`) names no certificate: refused in words like any label
the token lacks. It used to fall through to the certificate id, None, and end in an AttributeError
(found by mypy: `cert_label or cert_id.hex()`)."""

from __future__ import annotations

from pathlib import Path

import pytest
import softhsm

from papi_desktop.domain.errors import KnownError
from papi_desktop.exports import token


@pytest.fixture
def chairman(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> softhsm.Token:
    return softhsm.make_token(tmp_path / "hsm", monkeypatch)


def test_an_empty_certificate_label_is_refused_in_words(chairman: softhsm.Token) -> None:
    with pytest.raises(KnownError) as err:
        token.open_key(chairman.module, chairman.label, chairman.pin, cert_label="")
    assert "không có chứng thư “”" in err.value.vi and "“chu-tich”" in err.value.vi
    assert "has no certificate “”" in err.value.en
