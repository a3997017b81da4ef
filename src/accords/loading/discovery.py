"""Find the dataset root and the record files in it.

Every YAML file under the root is a record file unless ``accords.toml`` excludes it, it is
hidden (``.github/``), or it belongs to a nested dataset (a folder with its own
``accords.toml``). Its record kind is decided when it is read (see
:func:`accords.loading.records.load_file`): the ``--record-kind`` option, the ``$schema``
modeline, the folder it is kept in, then its keys. Symbolic links are never followed while
walking: a link inside the root leads to a file that is read where it lies, and a link out of
the root is reported, not read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from accords.config import CONFIG_NAME, Config, Layout, load_config
from accords.errors import DatasetNotFound, UsageError

__all__ = ["CONFIG_NAME", "RecordFile", "dataset_files", "display_path", "find_root"]

YAML_SUFFIXES = (".yaml", ".yml")
#: Folders that never hold records: tools' caches and virtual environments.
_NEVER_READ = frozenset(("node_modules", "__pycache__", "site-packages"))


@dataclass(frozen=True, slots=True)
class RecordFile:
    """A file to read, how to show its path, and what is known of its kind before reading.

    ``kind`` is the kind named on the command line (it overrides everything the file says);
    ``folder_kind`` is the kind of the dataset folder it is kept in. ``boundary`` is the folder
    that a symbolic link may not lead out of.
    """

    path: Path
    display: str
    kind: str | None = None
    folder_kind: str | None = None
    boundary: Path | None = None


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


def dataset_files(root: Path, layout: Layout | None = None) -> list[RecordFile]:
    """Every record file of the dataset at ``root``, in a stable order."""
    layout = layout or Layout()
    root = root.resolve()
    here = Path.cwd()
    files: list[RecordFile] = []
    for path, relative in _walk(root, root, layout):
        kind = layout.kind_of(relative) or layout.kind_by_name(relative.parts[-2::-1])
        files.append(RecordFile(path, display_path(path, here), None, kind, root))
    return files


def nothing_found(root: Path, layout: Layout) -> UsageError:
    """The error of a dataset without a single YAML file: never an empty pass."""
    return UsageError(
        f"no record files in the dataset at {root}: looked for YAML files under it, "
        f"in {layout.described()} and elsewhere; `accords new` makes one"
    )


def select_files(
    paths: Iterable[Path], root: Path | None, layout: Layout, kind: str | None = None
) -> list[RecordFile]:
    """The record files named by ``paths`` (files or folders).

    Inside the dataset a file's folder kind comes from the layout; outside it, from the nearest
    parent named like a dataset folder (``agreements/`` …). A named file is read whatever its
    name; a named folder gives its YAML files.
    """
    chosen: dict[Path, RecordFile] = {}
    for given in paths:
        if not given.exists() and not given.is_symlink():
            raise UsageError(f"{given}: no such file or directory")
        boundary = _boundary(given, root)
        is_folder = given.is_dir() and not given.is_symlink()
        if is_folder:
            candidates = [path for path, _ in _walk(given.absolute(), boundary, Layout())]
        else:
            candidates = [given]
        for path in candidates:
            record_file = RecordFile(
                path, display_path(path), kind, _folder_kind(path, root, layout), boundary
            )
            chosen.setdefault(path.absolute(), record_file)
    return list(chosen.values())


def _boundary(given: Path, root: Path | None) -> Path:
    """What a link may not lead out of: the dataset root, or else the folder named."""
    absolute = given.absolute()
    if root is not None and absolute.resolve().is_relative_to(root.resolve()):
        return root.resolve()
    folder = absolute if given.is_dir() and not given.is_symlink() else absolute.parent
    return folder.resolve()


def _folder_kind(path: Path, root: Path | None, layout: Layout) -> str | None:
    """The kind of the layout folder that holds ``path``, or else of the nearest parent
    named like one (``archive/agreements/x.yaml`` holds an agreement)."""
    absolute = path.absolute()
    if root is not None:
        folder = absolute.parent.resolve()
        if folder.is_relative_to(root.resolve()):
            relative = folder.relative_to(root.resolve()) / absolute.name
            kind = layout.kind_of(PurePosixPath(relative.as_posix()))
            return kind or layout.kind_by_folder_name(folder / absolute.name, root.resolve())
    return layout.kind_by_folder_name(absolute)


def _walk(
    folder: Path, root: Path, layout: Layout, within: PurePosixPath | None = None
) -> Iterator[tuple[Path, PurePosixPath]]:
    """YAML files under ``folder`` with their paths from it, sorted, links out of ``root``
    included so they get reported.

    Links are not followed: a link inside the root is skipped (its target is read where it
    lies), so a loop of links costs nothing.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in _NEVER_READ:
            continue
        path = Path(entry.path)
        relative = within / entry.name if within is not None else PurePosixPath(entry.name)
        if layout.excluded(relative):
            continue
        if entry.is_symlink():
            if not _leads_inside(path, root) and (_is_yaml(path) or path.is_dir()):
                yield path, relative
            continue
        if _is_yaml(path):
            yield path, relative  # a folder named like a YAML file is reported when read
        elif entry.is_dir() and not _is_other_tree(path):
            yield from _walk(path, root, layout, relative)


def _is_yaml(path: Path) -> bool:
    return path.suffix.lower() in YAML_SUFFIXES


def _is_other_tree(folder: Path) -> bool:
    """A nested dataset or a virtual environment: not part of this dataset."""
    return (folder / CONFIG_NAME).is_file() or (folder / "pyvenv.cfg").is_file()


def _leads_inside(link: Path, root: Path) -> bool:
    try:
        return link.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):
        return False  # broken, or a loop: reported when read


def display_path(path: Path, here: Path | None = None) -> str:
    """``path`` as messages show it: relative to the working directory (``here``, when the
    caller has asked for it already), as git and ruff do."""
    absolute, here = path.absolute(), here or Path.cwd()
    try:
        if os.path.commonpath((absolute, here)) == absolute.anchor:
            return str(absolute)  # nothing in common but the file system's root
        return os.path.relpath(absolute, here)
    except ValueError:  # another drive, on Windows
        return str(absolute)


def chosen_files(
    paths: Sequence[Path], verb: str, kind: str | None = None
) -> tuple[Path | None, Config, list[RecordFile]]:
    """What a command given ``paths`` works on: the dataset root (``None`` for files outside
    any dataset), its configuration, and the record files ``paths`` name, or with none every
    record file of the dataset found from the working directory. ``verb`` names the command's
    work in the message about paths that hold no YAML file; ``kind`` is ``--record-kind``."""
    try:
        root: Path | None = find_root()
    except DatasetNotFound:
        if not paths:
            raise
        root = None
    if kind is not None and not paths:
        raise UsageError("--record-kind needs the files it applies to")
    config = load_config(root)
    if paths:
        files = select_files(paths, root, config.layout, kind)
        if not files:
            raise UsageError(f"no YAML files to {verb} in the given paths")
        return root, config, files
    assert root is not None  # find_root raised otherwise
    files = dataset_files(root, config.layout)
    if not files:
        raise nothing_found(root, config.layout)
    return root, config, files
