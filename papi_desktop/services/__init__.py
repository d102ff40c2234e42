"""Use cases, one module per capability. Functions take a Database or Session and plain values."""
