"""``accords.toml``: where the records are, which rules run and how severe their findings are.

[dataset]
name = "Syria 2016–2017"       # shown in reports
exclude = ["tests", "docs/*.yml"]  # paths not read: a bare name matches at any depth,
                                   # a path with a slash from the root (as in .gitignore)

[dataset.folders]              # where each record kind is kept (default: agreements/, actors/ …)
agreement = "records"          # a folder, or a list of folders, relative to the root

[sources]
texts = "../shared/seeds"      # archived source texts, for checking quotes (kept out of the repo)

[check]
select = ["E", "R", "C"]      # replaces the default selection (codes or prefixes)
extend-select = ["E200"]       # adds to it (e.g. rules that are off by default)
ignore = ["S102"]              # removes from it
fail-on = "error"              # the lowest severity that makes the exit code 1

[check.severity]
C104 = "error"                 # per-code severity
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path, PurePosixPath

from accords.errors import ConfigError
from accords.findings import Finding, Severity
from accords.model import FOLDERS

CONFIG_NAME = "accords.toml"


@dataclass(frozen=True)
class Selection:
    """Which codes are reported, at which severity, and which severity fails the run."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR

    def enabled(self, code: str, *, default: bool = True) -> bool:
        """Whether a code is reported; the most specific matching prefix decides."""
        votes: list[tuple[int, bool]] = []
        if self.select is None:
            votes.append((0, default))
        else:
            votes.extend((len(p), True) for p in self.select if code.startswith(p))
            if not votes:
                votes.append((0, False))
        votes.extend((len(p), True) for p in self.extend_select if code.startswith(p))
        votes.extend((len(p), False) for p in self.ignore if code.startswith(p))
        best = max(v[0] for v in votes)
        decisive = [v[1] for v in votes if v[0] == best]
        # At equal specificity, ignore wins over select.
        return all(decisive)

    def severity_of(self, code: str, default: Severity) -> Severity:
        matches = [(len(p), s) for p, s in self.severity.items() if code.startswith(p)]
        return max(matches)[1] if matches else default

    def apply(self, findings: Iterable[Finding], defaults_off: frozenset[str]) -> list[Finding]:
        """The findings this selection reports, with their configured severities."""
        kept = []
        # One verdict per code and severity: a run can hold a hundred thousand findings.
        verdicts: dict[tuple[str, Severity], Severity | None] = {}
        for finding in findings:
            key = (finding.code, finding.severity)
            if key not in verdicts:
                enabled = self.enabled(finding.code, default=finding.code not in defaults_off)
                verdicts[key] = self.severity_of(*key) if enabled else None
            severity = verdicts[key]
            if severity is None:
                continue
            kept.append(
                finding if severity is finding.severity else replace(finding, severity=severity)
            )
        return kept

    def settings(self) -> list[tuple[str, str]]:
        """Every code this selection names, with the ``accords.toml`` setting that names it."""
        named = [
            *((f"{CONFIG_NAME} [check] select", c) for c in self.select or ()),
            *((f"{CONFIG_NAME} [check] extend-select", c) for c in self.extend_select),
            *((f"{CONFIG_NAME} [check] ignore", c) for c in self.ignore),
            *((f"{CONFIG_NAME} [check.severity]", c) for c in self.severity),
        ]
        return named

    def overridden(
        self,
        *,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        strict: bool = False,
    ) -> Selection:
        """This selection with command-line options applied on top."""
        chosen = tuple(select)
        return replace(
            self,
            select=chosen or self.select,
            extend_select=() if chosen else self.extend_select,
            ignore=(*self.ignore, *ignore),
            fail_on=Severity.WARNING if strict else self.fail_on,
        )


@cache
def _parts(folder: str) -> tuple[str, ...]:
    """The parts of a layout folder: asked for every file of the dataset, worked out once."""
    return PurePosixPath(folder).parts


@dataclass(frozen=True)
class Layout:
    """Where a dataset keeps each record kind, and what under its root is not read."""

    folders: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {kind: (folder,) for kind, folder in FOLDERS.items()}
    )
    exclude: tuple[str, ...] = ()

    def kind_of(self, relative: PurePosixPath) -> str | None:
        """The kind whose folder holds ``relative`` (a path from the root); the deepest wins."""
        best: tuple[int, str] | None = None
        for kind, folders in self.folders.items():
            for folder in folders:
                parts = _parts(folder)
                if relative.parts[: len(parts)] == parts and (best is None or len(parts) > best[0]):
                    best = (len(parts), kind)
        return best[1] if best else None

    def kind_by_folder_name(self, path: Path, within: Path | None = None) -> str | None:
        """The kind of the nearest parent of ``path`` named like a folder of the layout,
        looking no higher than ``within`` when given."""
        names = []
        for parent in path.absolute().parents:
            if within is not None and parent == within:
                break
            names.append(parent.name)
        return self.kind_by_name(names)

    def kind_by_name(self, folders: Iterable[str]) -> str | None:
        """The kind of the first of ``folders`` (nearest first) named like a layout folder."""
        by_name = {PurePosixPath(f).name: k for k, fs in self.folders.items() for f in fs}
        return next((by_name[name] for name in folders if name in by_name), None)

    def excluded(self, relative: PurePosixPath) -> bool:
        """Whether ``exclude`` leaves out this path from the root, or a folder it lies in.

        As in .gitignore, a pattern without a slash matches a name at any depth (``tests``),
        and one with a slash matches the path from the root (``docs/*.yml``).
        """
        parts = relative.parts
        for pattern in self.exclude:
            anchored = pattern.strip("/")
            for end in range(1, len(parts) + 1):
                if "/" in anchored or pattern.startswith("/"):
                    if fnmatch.fnmatchcase("/".join(parts[:end]), anchored):
                        return True
                elif fnmatch.fnmatchcase(parts[end - 1], anchored):
                    return True
        return False

    def described(self) -> str:
        """The folders, for messages: ``agreements/, actors/, …``."""
        return ", ".join(f"{folder}/" for folders in self.folders.values() for folder in folders)


@dataclass(frozen=True)
class Config:
    """A dataset's ``accords.toml``: its layout, its rule selection, where its texts are."""

    layout: Layout = field(default_factory=Layout)
    selection: Selection = field(default_factory=Selection)
    #: The folder of archived source texts that quotes are checked against.
    texts: Path | None = None
    #: ``[dataset] name``: what the dataset is called, e.g. as the title of its site.
    name: str | None = None


def load_config(root: Path | None) -> Config:
    """The configuration in ``root/accords.toml`` (defaults when there is none)."""
    if root is None:
        return Config()
    path = root / CONFIG_NAME
    if not path.is_file():
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return parse_config(text, path)


def parse_config(text: str, path: Path) -> Config:
    """The configuration in ``text``, the content of ``path`` (named in messages; relative
    folders are taken from its parent), as kept on disk or in a git revision."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    texts = _texts(path, data.get("sources", {}))
    dataset = data.get("dataset", {})
    layout = _layout(path, dataset)
    name = dataset.get("name")
    if name is not None and not isinstance(name, str):
        raise ConfigError(f"{path}: [dataset] name must be a string")
    return Config(layout, _selection(path, data), texts, name)


def _texts(path: Path, sources: object) -> Path | None:
    """``[sources] texts``: a folder, relative to the dataset root unless absolute."""
    if not isinstance(sources, dict):
        raise ConfigError(f"{path}: [sources] must be a table")
    unknown = set(sources) - {"texts"}
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) in [sources]: {', '.join(sorted(unknown))}")
    texts = sources.get("texts")
    if texts is None:
        return None
    if not isinstance(texts, str) or not texts.strip():
        raise ConfigError(f"{path}: [sources] texts must be the path of a folder")
    return path.parent / texts


def load_selection(root: Path | None) -> Selection:
    """The selection configured in ``root/accords.toml`` (defaults when there is none)."""
    return load_config(root).selection


def _layout(path: Path, dataset: object) -> Layout:
    if not isinstance(dataset, dict):
        raise ConfigError(f"{path}: [dataset] must be a table")
    unknown = set(dataset) - {"name", "exclude", "folders"}
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) in [dataset]: {', '.join(sorted(unknown))}")
    exclude = dataset.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(p, str) and p for p in exclude):
        raise ConfigError(f"{path}: [dataset] exclude must be a list of paths or patterns")
    folders = dataset.get("folders", {})
    if not isinstance(folders, dict):
        raise ConfigError(f"{path}: [dataset.folders] must be a table of record kinds")
    layout = Layout(exclude=tuple(exclude))
    for kind, value in folders.items():
        if kind not in FOLDERS:
            raise ConfigError(
                f"{path}: [dataset.folders] has no record kind {kind!r}; "
                f"the kinds are {', '.join(FOLDERS)}"
            )
        chosen = [value] if isinstance(value, str) else value
        if not isinstance(chosen, list) or not all(_is_folder(f) for f in chosen) or not chosen:
            raise ConfigError(
                f"{path}: [dataset.folders] {kind} must be a folder inside the dataset "
                "or a list of them"
            )
        layout.folders[kind] = tuple(PurePosixPath(f).as_posix() for f in chosen)
    return layout


def _is_folder(value: object) -> bool:
    if not isinstance(value, str) or not value.strip():
        return False
    folder = PurePosixPath(value)
    return not folder.is_absolute() and ".." not in folder.parts


def _selection(path: Path, data: dict[str, object]) -> Selection:
    check = data.get("check", {})
    if not isinstance(check, dict):
        raise ConfigError(f"{path}: [check] must be a table")
    known = {"select", "extend-select", "ignore", "fail-on", "severity"}
    unknown = set(check) - known
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) in [check]: {', '.join(sorted(unknown))}")
    try:
        severity = {
            str(k).strip().upper(): Severity.parse(str(v))
            for k, v in check.get("severity", {}).items()
        }
        fail_on = Severity.parse(str(check.get("fail-on", "error")))
    except ValueError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    select = check.get("select")
    return Selection(
        select=tuple(_codes(path, "select", select)) if select is not None else None,
        extend_select=tuple(_codes(path, "extend-select", check.get("extend-select", []))),
        ignore=tuple(_codes(path, "ignore", check.get("ignore", []))),
        severity=severity,
        fail_on=fail_on,
    )


def _codes(path: Path, name: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: [check] {name} must be a list of rule codes")
    return [v.strip().upper() for v in value]
