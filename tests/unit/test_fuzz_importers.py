"""Fuzz every importer (plan, reception, budget, poverty) with mutations of real valid workbooks: byte
flips, truncation, edits of the zip's parts, hostile cell values and hostile XML. Whatever the file,
the import ends in a preview, an import or a KnownError; nothing but a KnownError escapes, the
program's process survives (the reader runs in a child), and a refusal writes nothing.

The long run (10,000 cases, figures by outcome) is tests/fuzz/long_fuzz.py."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from fuzz import mutations
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from papi_desktop import paths

CASES_PER_IMPORTER = 50  # 200 cases: about 40 s on two cores


@pytest.fixture(scope="module")
def fuzz_env(tmp_path_factory: pytest.TempPathFactory):
    """One database for all cases (hypothesis runs many cases in one test) and the valid workbooks."""
    from papi_desktop.services import setup

    root = tmp_path_factory.mktemp("fuzz")
    paths.set_override(root / "data")
    db = setup.open_database(user="fuzz")
    setup.setup_commune(db, "03985", chairman_name="Lò Văn Minh")
    yield db, mutations.make_bases(root / "bases"), root
    db.dispose()
    paths.set_override(None)


@pytest.mark.parametrize("kind", sorted(mutations.IMPORTERS))
@settings(max_examples=CASES_PER_IMPORTER, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1))
def test_a_mutated_workbook_never_takes_the_importer_down(fuzz_env, kind: str, seed: int) -> None:  # noqa: ANN001
    db, bases, root = fuzz_env
    with tempfile.TemporaryDirectory(dir=root) as tmp:
        path = Path(tmp) / "mutated.xlsx"
        note(f"mutation: {mutations.mutate(random.Random(seed), bases[kind], path)}")
        mutations.run_case(db, kind, path)  # raises on anything but a KnownError, asserts nothing was written


def test_the_valid_workbooks_import(fuzz_env) -> None:  # noqa: ANN001
    """The unmutated files import: the fuzz starts from real workbooks, not from files already refused."""
    db, bases, _root = fuzz_env
    for kind, base in bases.items():
        assert mutations.run_case(db, kind, base) == "imported", kind
