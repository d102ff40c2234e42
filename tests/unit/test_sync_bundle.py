"""The bundle container: written whole or not at all, read only when signed and intact, opened by
Debian's `age` and checked by `openssl cms` outside the program."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from papi_desktop.domain.errors import Cancelled, KnownError
from papi_desktop.domain.jobs import CancelToken
from papi_desktop.exports.signing import KeyMaterial, pem
from papi_desktop.sync import bundle, envelope, pki

NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)
HEADER = {"kind": "changes", "bundle_id": "b-1", "commune": "03985", "device": "a1b2c3d4e5f6"}


@pytest.fixture(scope="module")
def keys() -> dict[str, object]:
    ca = pki.create_province_ca(now=NOW)
    key, csr = pki.commune_request("03985", "Xã Chiềng Sơn")
    commune = KeyMaterial(key, pki.issue_commune(ca, pki.read_request(csr), now=NOW), [ca.cert])
    ident, recipient = envelope.new_identity()
    escrow, escrow_pub = envelope.new_identity()
    return {"ca": ca, "commune": commune, "ident": ident, "recipient": recipient, "escrow": escrow,
            "escrow_pub": escrow_pub}


def _write(keys, out: Path, members: list[bundle.Member], **kw) -> list[Path]:  # noqa: ANN001
    parts, _manifest = bundle.write_bundle(out, "papi-03985-a1b2c3d4e5f6-000010", HEADER, members, keys["commune"],
                                           [keys["recipient"], keys["escrow_pub"]], **kw)
    return parts


def _read(keys, parts: list[Path], sink=None, **kw) -> bundle.Opened:  # noqa: ANN001
    return bundle.read_bundle(parts, [keys["ident"]], pem(keys["ca"].cert), keys["recipient"],
                              in_memory=lambda name: not name.startswith("files/"), sink=sink, **kw)


def _members(tmp_path: Path) -> list[bundle.Member]:
    attachment = tmp_path / "evidence.pdf"
    attachment.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 4000)
    sha = hashlib.sha256(attachment.read_bytes()).hexdigest()
    return [bundle.Member("changes.jsonl", b'{"op":"insert"}\n' * 500), bundle.Member(f"files/{sha}", path=attachment)]


def test_round_trip_with_a_streamed_attachment(keys, tmp_path: Path) -> None:  # noqa: ANN001
    parts = _write(keys, tmp_path / "usb", _members(tmp_path))
    assert [p.name for p in parts] == ["papi-03985-a1b2c3d4e5f6-000010.papi"]
    assert sorted(p.name for p in (tmp_path / "usb").iterdir()) == [parts[0].name]  # no temporary left
    received: dict[str, bytes] = {}

    def sink(name: str, sha: str, chunks) -> str:  # noqa: ANN001
        buf = io.BytesIO()
        bundle.check_digest(name, sha, chunks, buf)
        received[name] = buf.getvalue()
        return sha

    opened = _read(keys, parts, sink)
    assert opened.complete and opened.manifest["commune"] == "03985"
    assert opened.members["changes.jsonl"] == b'{"op":"insert"}\n' * 500
    assert list(received.values()) == [(tmp_path / "evidence.pdf").read_bytes()]
    assert pki.name_parts(opened.signer.subject)["UID"] == "03985"
    # The same manifest is the same bundle, whichever encryption carried it.
    again = _write(keys, tmp_path / "usb2", _members(tmp_path))
    assert _read(keys, again, sink).digest == opened.digest


def test_parts_and_standard_tools(keys, tmp_path: Path) -> None:  # noqa: ANN001
    parts = _write(keys, tmp_path / "usb", _members(tmp_path), part_bytes=300_000)
    assert len(parts) == 4 and parts[0].name.endswith(".p1of4.papi") is False and ".p01of04." in parts[0].name
    assert bundle.bundle_parts(parts[2]) == parts
    whole = b"".join(p.read_bytes() for p in parts)
    (tmp_path / "id.txt").write_text(keys["ident"] + "\n")
    (tmp_path / "all.papi").write_bytes(whole)
    age = subprocess.run([shutil.which("age") or "age", "-d", "-i", "id.txt", "all.papi"], cwd=tmp_path,
                         capture_output=True)
    assert age.returncode == 0, age.stderr
    with tarfile.open(fileobj=io.BytesIO(age.stdout)) as tar:
        names = tar.getnames()
        assert names[:2] == [bundle.MANIFEST, bundle.SIGNATURE]
        tar.extractall(tmp_path / "inner", filter="data")
    (tmp_path / "ca.pem").write_bytes(pem(keys["ca"].cert))
    cms = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                          f"inner/{bundle.SIGNATURE}", "-content", f"inner/{bundle.MANIFEST}", "-CAfile", "ca.pem",
                          "-purpose", "smimesign", "-out", "/dev/null"], cwd=tmp_path, capture_output=True, text=True)
    assert cms.returncode == 0, cms.stderr
    (parts[3]).unlink()
    with pytest.raises(KnownError, match="thiếu"):
        bundle.bundle_parts(parts[0])


def test_tampered_bundles_are_refused(keys, tmp_path: Path) -> None:  # noqa: ANN001
    parts = _write(keys, tmp_path / "usb", _members(tmp_path), part_bytes=300_000)
    blobs = [p.read_bytes() for p in parts]
    stranger, stranger_pub = envelope.new_identity()

    def attempt(data_parts: list[bytes], ident: str | None = None, recipient: str | None = None) -> KnownError:
        folder = tmp_path / f"try{attempt.n}"
        attempt.n += 1
        folder.mkdir()
        files = []
        for i, data in enumerate(data_parts):
            (folder / f"x{i}").write_bytes(data)
            files.append(folder / f"x{i}")
        with pytest.raises(KnownError) as err:
            bundle.read_bundle(files, [ident or keys["ident"]], pem(keys["ca"].cert), recipient or keys["recipient"],
                               in_memory=lambda n: True)
        return err.value
    attempt.n = 0

    attempt([blobs[0], blobs[1], blobs[2]])  # truncated (last part missing)
    attempt([blobs[1], blobs[0], blobs[2], blobs[3]])  # reordered
    flipped = bytearray(blobs[2])
    flipped[1000] ^= 0x40
    attempt([blobs[0], blobs[1], bytes(flipped), blobs[3]])  # a flipped bit
    attempt(blobs, ident=stranger)  # not for this key
    # Re-encrypted to another key by someone who could read it: the signed manifest names the recipient.
    plain = envelope.decrypt(b"".join(blobs), [keys["ident"]])
    out = io.BytesIO()
    envelope.encrypt_stream(io.BytesIO(plain), out, [stranger_pub])
    err = attempt([out.getvalue()], ident=stranger, recipient=stranger_pub)
    assert "khóa khác" in err.vi


def test_foreign_signer_and_mixed_payload(keys, tmp_path: Path) -> None:  # noqa: ANN001
    rogue_ca = pki.create_province_ca(now=NOW)
    key, csr = pki.commune_request("03985", "Xã Chiềng Sơn")  # a look-alike: same names, another CA
    rogue = KeyMaterial(key, pki.issue_commune(rogue_ca, pki.read_request(csr), now=NOW), [rogue_ca.cert])
    parts, _m = bundle.write_bundle(tmp_path / "r", "rogue", HEADER, _members(tmp_path), rogue, [keys["recipient"]])
    with pytest.raises(KnownError, match="do tỉnh cấp"):
        _read(keys, parts, sink=lambda *a: None)
    # A manifest from one bundle with another's payload: hashes do not match.
    good = envelope.decrypt(_write(keys, tmp_path / "g", _members(tmp_path))[0].read_bytes(), [keys["ident"]])
    other = envelope.decrypt(_write(keys, tmp_path / "o", [bundle.Member("changes.jsonl", b"{}\n")])[0].read_bytes(),
                             [keys["ident"]])
    with tarfile.open(fileobj=io.BytesIO(good)) as g, tarfile.open(fileobj=io.BytesIO(other)) as o:
        mixed = io.BytesIO()
        with tarfile.open(fileobj=mixed, mode="w") as out:
            for info in g.getmembers()[:2]:
                out.addfile(info, g.extractfile(info))
            info = o.getmember("changes.jsonl")
            out.addfile(info, o.extractfile(info))
    blob = io.BytesIO()
    envelope.encrypt_stream(io.BytesIO(mixed.getvalue()), blob, [keys["recipient"]])
    (tmp_path / "mixed.papi").write_bytes(blob.getvalue())
    with pytest.raises(KnownError, match="kích thước|không khớp"):
        _read(keys, [tmp_path / "mixed.papi"])


def test_cancel_and_failure_leave_nothing(keys, tmp_path: Path) -> None:  # noqa: ANN001
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        _write(keys, tmp_path / "usb", _members(tmp_path), cancel=token)
    assert list((tmp_path / "usb").iterdir()) == []
    parts = _write(keys, tmp_path / "usb", _members(tmp_path))
    with pytest.raises(KnownError, match="Đã có tệp"):
        _write(keys, tmp_path / "usb", _members(tmp_path))
    assert list((tmp_path / "usb").iterdir()) == parts


def test_stop_after_manifest(keys, tmp_path: Path) -> None:  # noqa: ANN001
    parts = _write(keys, tmp_path / "usb", _members(tmp_path))
    opened = _read(keys, parts, stop_after_manifest=lambda o: True)
    assert not opened.complete and opened.members == {} and opened.manifest["bundle_id"] == "b-1"


def test_signed_only_bundle(keys, tmp_path: Path) -> None:  # noqa: ANN001
    parts, _m = bundle.write_bundle(tmp_path / "down", "plan-2026", {"kind": "downstream"},
                                    [bundle.Member("plan.json", b'{"tasks": []}')], keys["commune"], [])
    opened = bundle.read_bundle(parts, None, pem(keys["ca"].cert), None, in_memory=lambda n: True)
    assert opened.members == {"plan.json": b'{"tasks": []}'} and opened.manifest["recipients"] == []
    raw = bytearray(parts[0].read_bytes())
    raw[raw.index(b"tasks")] ^= 0x20
    parts[0].write_bytes(bytes(raw))
    with pytest.raises(KnownError, match="không khớp"):
        bundle.read_bundle(parts, None, pem(keys["ca"].cert), None, in_memory=lambda n: True)


def test_a_part_that_reads_back_wrong_is_removed_and_said(keys, tmp_path: Path,  # noqa: ANN001
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Each renamed part is read back and compared with what was written (a faulty or pulled stick):
    a mismatch removes every part, says so, and leaves the folder writable again."""
    real = bundle._file_sha256  # noqa: SLF001
    monkeypatch.setattr(bundle, "_file_sha256", lambda path: "0" * 64 if path.name.endswith(".papi") else real(path))
    with pytest.raises(KnownError, match="Đọc lại tệp .* không khớp"):
        _write(keys, tmp_path / "usb", _members(tmp_path), part_bytes=64 * 1024)
    assert [p.name for p in (tmp_path / "usb").iterdir()] == []
    monkeypatch.undo()
    assert len(_write(keys, tmp_path / "usb", _members(tmp_path), part_bytes=64 * 1024)) > 1


def test_parts_are_at_most_one_gibibyte_for_fat32_sticks() -> None:
    assert bundle.limits()["part_bytes"] <= 1024**3 < 4 * 1024**3 - 1  # FAT32 holds files under 4 GiB
