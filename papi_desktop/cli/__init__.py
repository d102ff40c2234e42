"""The command line: the same operations as the GUI, for scripting. No Qt imported here.

main holds the parser and the commands of the registers and the plan; each other module adds the
sub-commands of one area (reports and keys, postings, sync and the province, backups, the province's
consolidated view); common holds what they share."""

from .main import build_parser, run

__all__ = ["build_parser", "run"]
