#!/usr/bin/env bash
# The README's test command: installs what the suite needs on a fresh Debian or Ubuntu machine that
# has only Python 3.11, then runs the whole suite headless. Arguments go to pytest.
#  - system tools the independent checks use: poppler-utils (pdfsig, pdffonts, pdftotext),
#    openssl, NSS tools (certutil), age (sync bundles), SoftHSM2 (the USB token, tests/softhsm.py),
#    LibreOffice Calc (soffice prints the Excel workbooks to PDF, tests/unit/test_xlsx_print.py),
#    and the libraries Qt needs even offscreen;
#  - PostgreSQL from the distribution (the hub runs on it too): a throw-away cluster is started for the
#    run (tests/pg.py, as the postgres user: initdb refuses root), its URL exported as PAPI_TEST_PG_URL,
#    and stopped at the end; if it cannot start, the run fails (PAPI_REQUIRE_PG=1: no test is skipped
#    for want of it). A PAPI_TEST_PG_URL set by the caller is used instead;
#  - the package itself with its test extras (pip, editable; psycopg is a dependency of the package);
#  - ruff and mypy (test extras) before pytest: a lint or type error fails the run.
# System packages are installed only when missing, with sudo when not root.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}

missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need pdfsig poppler-utils
need pdffonts poppler-utils
need openssl openssl
need certutil libnss3-tools
need age age
need softhsm2-util softhsm2
need soffice libreoffice-calc
if ! command -v initdb >/dev/null 2>&1 && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  missing+=(postgresql)
fi
qt_libs=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3)
for lib in libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libglib-2.0.so.0 libdbus-1.so.3; do
  if ! /sbin/ldconfig -p 2>/dev/null | grep -q "$lib"; then missing+=("${qt_libs[@]}"); break; fi
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  mapfile -t unique < <(printf '%s\n' "${missing[@]}" | sort -u)
  if printf '%s\n' "${unique[@]}" | grep -qx postgresql && [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    # The tests start their own cluster: the package's default one would only sit on port 5432.
    $sudo mkdir -p /etc/postgresql-common
    echo 'create_main_cluster = false' | $sudo tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  echo "Installing system packages: ${unique[*]}"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${unique[@]}" >/dev/null
fi

"$PY" -m pip install -q -e '.[test]'

# Lint and types first (pyproject.toml says what each checks): any finding fails the run.
"$PY" -m ruff check papi_desktop tests
"$PY" -m mypy --cache-dir "${TMPDIR:-/tmp}/papi-desktop-mypy"

export QT_QPA_PLATFORM=offscreen

if [ -z "${PAPI_TEST_PG_URL:-}" ]; then
  pg_started=$(date +%s%N)
  if ! pg_env=$("$PY" tests/pg.py start); then
    echo "PostgreSQL: the test cluster could not start" >&2
    exit 1
  fi
  eval "$pg_env"
  trap '"$PY" tests/pg.py stop "$PAPI_TEST_PG_DIR"' EXIT
  echo "PostgreSQL: test cluster in $PAPI_TEST_PG_DIR, up in $(( ($(date +%s%N) - pg_started) / 1000000 )) ms"
fi
export PAPI_REQUIRE_PG=1
"$PY" -m pytest "$@"
