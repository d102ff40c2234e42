"""The command line as a child process of the sync crash tests: the same entry point, with a smaller
bundle part size when PAPI_TEST_PART_BYTES is set (so a bundle of a few MB is written in many parts)."""

from __future__ import annotations

import os
import sys

if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    if os.environ.get("PAPI_TEST_PART_BYTES"):
        from papi_desktop.sync import bundle

        patched = dict(bundle.limits(), part_bytes=int(os.environ["PAPI_TEST_PART_BYTES"]))
        bundle.limits = lambda: patched  # write_bundle looks the name up on every call
    from papi_desktop.__main__ import main

    sys.exit(main())
