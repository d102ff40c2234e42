"""Entry point: `papi-desktop` opens the GUI; `papi-desktop <command>` runs the command line.

Absolute imports: PyInstaller runs this file as a script.
"""

from __future__ import annotations

import multiprocessing
import sys


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")  # Vietnamese on any console code page
    from papi_desktop import cli, paths

    paths.make_files_private()  # before the first file is created
    argv = sys.argv[1:] if argv is None else argv
    code = cli.run(argv)
    if code != -1:
        return code
    args = cli.build_parser().parse_args(argv)
    from papi_desktop import app

    return app.run(args)


if __name__ == "__main__":
    multiprocessing.freeze_support()  # frozen build: a workbook reader's child process starts here
    sys.exit(main())
