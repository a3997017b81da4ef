"""Find the dataset root and the record files in it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from accords.errors import DatasetNotFound, UsageError
from accords.model import FOLDERS

CONFIG_NAME = "accords.toml"
_KIND_BY_FOLDER = {folder: kind for kind, folder in FOLDERS.items()}


@dataclass(frozen=True, slots=True)
class RecordFile:
    """A file to load: its path, its record kind, and how to show its path."""

    path: Path
    kind: str
    display: str


def find_root(start: Path | None = None) -> Path:
    """The nearest directory at or above ``start`` that holds an ``accords.toml``."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / CONFIG_NAME).is_file():
            return candidate
    raise DatasetNotFound(
        f"no {CONFIG_NAME} in {here} or any parent directory; "
        f"run accords inside a dataset, or create an empty {CONFIG_NAME} at its root"
    )


def dataset_files(root: Path) -> list[RecordFile]:
    """Every record file of the dataset at ``root``, in a stable order."""
    files: list[RecordFile] = []
    for kind, folder in FOLDERS.items():
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix in (".yaml", ".yml") and not path.name.startswith("."):
                files.append(RecordFile(path, kind, _display(path, root)))
    return files


def select_files(
    paths: Iterable[Path], root: Path | None, kind: str | None = None
) -> list[RecordFile]:
    """The record files named by ``paths`` (files or folders), each with its kind.

    A file's kind is ``kind`` when given, else the dataset folder it sits in (``agreements/``,
    ``actors/`` …); a path of unknown kind is a usage error, not a silent skip.
    """
    chosen: dict[Path, RecordFile] = {}
    for given in paths:
        if not given.exists() and not given.is_symlink():
            raise UsageError(f"{given}: no such file or directory")
        candidates: Iterator[Path] = (
            (p for p in sorted(given.rglob("*")) if p.suffix in (".yaml", ".yml"))
            if given.is_dir() and given.suffix not in (".yaml", ".yml")
            else iter([given])
        )
        for path in candidates:
            file_kind = kind or kind_of(path)
            if file_kind is None:
                raise UsageError(
                    f"{path}: cannot tell the record kind; keep it in one of the folders "
                    + ", ".join(f"{f}/" for f in FOLDERS.values())
                    + " or name it with --kind"
                )
            chosen.setdefault(path, RecordFile(path, file_kind, _display(path, root)))
    return list(chosen.values())


def kind_of(path: Path) -> str | None:
    """The record kind of a file, from the nearest dataset folder among its parents."""
    for parent in path.absolute().parents:
        kind = _KIND_BY_FOLDER.get(parent.name)
        if kind is not None:
            return kind
    return None


def _display(path: Path, root: Path | None) -> str:
    try:
        base = Path.cwd()
        return str(path.absolute().relative_to(base))
    except ValueError:
        if root is not None:
            try:
                return str(path.absolute().relative_to(root))
            except ValueError:
                pass
        return str(path)
