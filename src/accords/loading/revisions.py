"""Read a dataset's files as they were at a git revision, with ``git`` itself and no work tree.

``git ls-tree`` lists the files of the revision under the dataset root and ``git cat-file
--batch`` reads all of them in one process; the bytes then go through the same loader as files
on disk, under the same displayed paths, so that locations and findings read alike. The files
chosen are those :func:`accords.loading.discovery.dataset_files` would walk: YAML files under
the root, not hidden, not excluded by the revision's ``accords.toml``, not in a nested dataset.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from accords.config import CONFIG_NAME, Config, Layout, parse_config
from accords.errors import UsageError
from accords.loading.discovery import YAML_SUFFIXES, display_path
from accords.loading.records import LoadedFile, parse_file, too_large_file
from accords.loading.yaml_positions import MAX_FILE_BYTES

#: Folders that never hold records (as when walking a folder on disk).
_NEVER_READ = frozenset(("node_modules", "__pycache__", "site-packages"))
#: A folder holding one of these is another tree (a nested dataset, a virtual environment).
_OTHER_TREE_MARKS = (CONFIG_NAME, "pyvenv.cfg")
_SHALLOW_HINT = (
    "the clone is shallow and lacks it: fetch the history it needs "
    "(git fetch --unshallow, or actions/checkout with fetch-depth: 0)"
)


@dataclass(frozen=True, slots=True)
class Revision:
    """A commit as the user named it (``main``, ``HEAD~2``) and its full object name."""

    name: str
    commit: str


@dataclass(frozen=True, slots=True)
class _TreeFile:
    path: PurePosixPath  # from the top of the repository
    mode: str
    blob: str
    size: int


class Repository:
    """The git repository that holds a dataset root, asked through the ``git`` command."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        top = self._git("rev-parse", "--show-toplevel", cwd=self.root, what="find the repository")
        self.top = Path(top.decode("utf-8", "surrogateescape").strip()).resolve()
        #: The dataset root as a path from the top of the repository.
        self.prefix = PurePosixPath(self.root.relative_to(self.top).as_posix())

    def revision(self, name: str) -> Revision:
        """The commit ``name`` stands for; an unknown one is a usage error that says when the
        clone is shallow, since then the commit may exist but not have been fetched."""
        if not name or name.startswith("-"):
            raise UsageError(f"{name!r} is not a revision")
        done = self._run(
            "rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}"
        )
        if done.returncode == 0:
            return Revision(name, done.stdout.decode("ascii").strip())
        shallow = self._run("rev-parse", "--is-shallow-repository").stdout.strip() == b"true"
        reason = _SHALLOW_HINT if shallow else "no such commit in the repository"
        raise UsageError(f"unknown revision {name!r}: {reason}")

    def config(self, revision: Revision) -> Config | None:
        """The revision's ``accords.toml`` at the dataset root; ``None`` when it has none."""
        path = self.prefix / CONFIG_NAME
        listed = [f for f in self._tree(revision, str(path)) if f.path == path]
        if not listed:
            return None
        data = self._blobs([listed[0].blob])[listed[0].blob]
        text = data.decode("utf-8", "replace")
        return parse_config(text, self.root / CONFIG_NAME)

    def record_files(self, revision: Revision, layout: Layout) -> Iterator[LoadedFile]:
        """Every record file of the dataset at ``revision``, loaded, in the order a walk of the
        same folder on disk gives; each is parsed as the caller takes it, as files on disk are
        (the caller pauses the garbage collector meanwhile)."""
        chosen = _record_files(self._tree(revision, str(self.prefix)), self.prefix, layout)
        contents = self._blobs([f.blob for f, _ in chosen if f.size <= MAX_FILE_BYTES])
        for tree_file, kind in chosen:
            display = display_path(self.top / tree_file.path)
            if tree_file.size > MAX_FILE_BYTES:
                yield too_large_file(tree_file.size, display, kind)
            else:
                yield parse_file(contents[tree_file.blob], None, display, folder_kind=kind)

    def _tree(self, revision: Revision, path: str) -> list[_TreeFile]:
        listing = self._git(
            "ls-tree", "-r", "-l", "-z", "--full-tree", revision.commit, "--", path,
            what=f"list the files of {revision.name}",
        )  # fmt: skip
        files = []
        for row in listing.split(b"\0"):
            if not row:
                continue
            meta, _, name = row.partition(b"\t")
            mode, kind, blob, size = meta.decode("ascii").split()
            if kind == "blob":
                text = name.decode("utf-8", "surrogateescape")
                files.append(_TreeFile(PurePosixPath(text), mode, blob, int(size)))
        return files

    def _blobs(self, blobs: Sequence[str]) -> dict[str, bytes]:
        """The content of each blob, read by one ``git cat-file --batch``."""
        if not blobs:
            return {}
        request = "".join(f"{blob}\n" for blob in dict.fromkeys(blobs)).encode("ascii")
        output = self._git("cat-file", "--batch", stdin=request, what="read the files")
        contents: dict[str, bytes] = {}
        at = 0
        while at < len(output):
            end = output.index(b"\n", at)
            header = output[at:end].decode("ascii", "replace").split()
            if len(header) != 3:  # "<blob> missing": a partial clone without the content
                raise UsageError(f"git cannot read the files: {' '.join(header)}")
            blob, _, size = header
            start = end + 1
            contents[blob] = output[start : start + int(size)]
            at = start + int(size) + 1
        return contents

    def _run(self, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        return run_git(args, self.top, stdin)

    def _git(
        self, *args: str, what: str, cwd: Path | None = None, stdin: bytes | None = None
    ) -> bytes:
        done = run_git(args, cwd or self.top, stdin)
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            reason = detail[0].removeprefix("fatal: ") if detail else f"exit code {done.returncode}"
            raise UsageError(f"git cannot {what}: {reason}")
        return done.stdout


def run_git(
    args: Sequence[str], cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``git ARGS`` in ``cwd``; a missing ``git`` is a usage error that says so."""
    try:
        return subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise UsageError(
            "git is not installed or not on PATH: reading a revision needs it"
        ) from None


def _record_files(
    files: list[_TreeFile], prefix: PurePosixPath, layout: Layout
) -> list[tuple[_TreeFile, str | None]]:
    """The record files among ``files`` with the kind of the folder each is kept in."""
    inside = [(f, f.path.relative_to(prefix)) for f in files if f.path.is_relative_to(prefix)]
    other_trees = {
        relative.parent
        for _, relative in inside
        if relative.name in _OTHER_TREE_MARKS and relative.parent != PurePosixPath(".")
    }
    chosen = []
    for tree_file, relative in inside:
        folders = relative.parents[:-1]  # every folder from the root down, the root aside
        if (
            tree_file.mode == "120000"  # a link: on disk its target is read where it lies
            or relative.suffix.lower() not in YAML_SUFFIXES
            or any(part.startswith(".") or part in _NEVER_READ for part in relative.parts)
            or any(folder in other_trees for folder in folders)
            or layout.excluded(relative)
        ):
            continue
        kind = layout.kind_of(relative) or layout.kind_by_name(relative.parts[-2::-1])
        chosen.append((tree_file, kind))
    return sorted(chosen, key=lambda pair: pair[0].path.parts)
