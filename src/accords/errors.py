"""The one exception hierarchy, for what cannot continue.

Problems in the data are never raised: they are :class:`accords.findings.Finding` records.
These exceptions are for the environment: no dataset root, an unreadable configuration,
a file that would be overwritten.
"""

from __future__ import annotations


class AccordsError(Exception):
    """Something stops the command; the CLI prints the message and exits with code 2."""


class DatasetNotFound(AccordsError):
    """No ``accords.toml`` in the working directory or any parent."""


class ConfigError(AccordsError):
    """``accords.toml`` cannot be read or names something unknown."""


class UsageError(AccordsError):
    """The request itself is wrong: an unknown id, an empty selection, a bad option value."""


class WouldOverwrite(AccordsError):
    """A write would replace a file the user owns; ``--force`` allows it."""


class KeysDoNotHold(AccordsError):
    """An export with keys (a Data Package, an SQLite file) would hold a primary key twice."""


class CannotWrite(AccordsError, OSError):
    """A file cannot be written: no such folder, no permission, a full disk. It is an
    :class:`OSError` too, for callers that catch those."""
