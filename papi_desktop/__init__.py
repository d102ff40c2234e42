"""PAPI Desktop: a commune's PAPI plan and accountability records, offline."""

__version__ = "0.1.0"
