"""``accords site OUT``: every page there, nothing of the user's lost, record text only text."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from accords.analysis.compare import compare
from accords.dataset import load_dataset
from accords.render.site.folder import MARKER
from support import run_accords

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "data" / "fixture-dataset"
FIXED = ["index.html", "matrix.html", "actors.html", "timeline.html", "site.css", "site.js"]


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def _expected(root: Path) -> list[str]:
    """The files a site of the dataset at ``root`` holds: fixed pages, one per record."""
    dataset = load_dataset(root)
    actors = set(dataset.actors) | {r.id for r in compare(dataset).actors}
    return sorted(
        [
            *FIXED,
            MARKER,
            *(f"agreements/{a}.html" for a in dataset.agreements),
            *(f"actors/{a}.html" for a in actors),
        ]
    )


@pytest.mark.parametrize("root", [REPO, FIXTURE], ids=["bundled", "fixture"])
def test_the_site_has_a_page_for_every_agreement_and_actor(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_accords("site", out, cwd=root)
    assert result.code == 0, result.output
    expected = _expected(root)
    assert _files(out) == expected
    assert result.out == f"Wrote {len(expected) - 1} files to {out}; open {out / 'index.html'}\n"
    listed = json.loads((out / MARKER).read_text(encoding="utf-8"))
    assert listed == {"files": [f for f in expected if f != MARKER]}


def test_a_fresh_dataset_gets_a_site(tmp_path: Path) -> None:
    (tmp_path / "accords.toml").write_text("", encoding="utf-8")
    for kind, name in (("actor", "eastland"), ("actor", "westland"), ("agreement", "truce")):
        assert run_accords("new", kind, name, cwd=tmp_path).code == 0
    result = run_accords("site", "public", cwd=tmp_path)
    assert result.code == 0, result.output
    assert _files(tmp_path / "public") == sorted(
        [*FIXED, MARKER, "agreements/truce.html", "actors/eastland.html", "actors/westland.html"]
    )
    page = (tmp_path / "public" / "agreements" / "truce.html").read_text(encoding="utf-8")
    assert "<h1>Truce</h1>" in page


def test_a_folder_accords_did_not_make_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes", encoding="utf-8")
    (out / "index.html").write_text("my page", encoding="utf-8")
    result = run_accords("site", out, cwd=REPO)
    assert result.code == 2
    assert result.err == (
        f"accords: error: {out} is not empty and accords did not make it; "
        "choose a new folder, or pass --force to write the site into it\n"
    )
    assert _files(out) == ["index.html", "notes.txt"]
    assert (out / "index.html").read_text(encoding="utf-8") == "my page"
    forced = run_accords("site", out, "--force", cwd=REPO)
    assert forced.code == 0, forced.output
    assert (out / "notes.txt").read_text(encoding="utf-8") == "my notes"
    assert _files(out) == sorted([*_expected(REPO), "notes.txt"])


def test_a_file_is_not_a_site_folder(tmp_path: Path) -> None:
    target = tmp_path / "site.html"
    target.write_text("mine", encoding="utf-8")
    result = run_accords("site", target, cwd=REPO)
    assert (result.code, result.err) == (2, f"accords: error: {target} is a file, not a folder\n")
    assert target.read_text(encoding="utf-8") == "mine"


def test_writing_again_replaces_its_own_files_and_keeps_the_users(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run_accords("site", out, cwd=FIXTURE).code == 0
    (out / "CNAME").write_text("accords.example.org\n", encoding="utf-8")
    (out / "agreements" / "gone-agreement.html").write_text("old", encoding="utf-8")
    marker = json.loads((out / MARKER).read_text(encoding="utf-8"))
    marker["files"].append("agreements/gone-agreement.html")
    # A tampered marker must not make accords delete anything outside the folder.
    marker["files"].append("../outside.txt")
    (tmp_path / "outside.txt").write_text("keep", encoding="utf-8")
    (out / MARKER).write_text(json.dumps(marker), encoding="utf-8")
    again = run_accords("site", out, cwd=FIXTURE)
    assert again.code == 0, again.output
    assert _files(out) == sorted([*_expected(FIXTURE), "CNAME"])
    assert (tmp_path / "outside.txt").read_text(encoding="utf-8") == "keep"


def test_a_broken_marker_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / MARKER).write_text("{not json", encoding="utf-8")
    result = run_accords("site", out, cwd=FIXTURE)
    assert result.code == 2
    assert result.err.startswith(f"accords: error: {out / MARKER} cannot be read (")
    assert result.err.endswith("); remove it or choose a new folder\n")


def test_record_text_is_only_text_on_every_page(tmp_path: Path) -> None:
    """The fixture holds an actor called <script>alert('x')</script>: no page runs it."""
    out = tmp_path / "site"
    assert run_accords("site", out, cwd=FIXTURE).code == 0
    pages = {name: (out / name).read_text(encoding="utf-8") for name in _files(out)}
    scripts = {
        name: re.findall(r"<script[^>]*>", text)
        for name, text in pages.items()
        if name.endswith(".html")
    }
    data = '<script type="application/json" id="matrix-data">'
    assert {n: s for n, s in scripts.items() if n != "matrix.html"} == {
        n: ['<script src="../site.js" defer>'] if "/" in n else ['<script src="site.js" defer>']
        for n in scripts
        if n != "matrix.html"
    }
    assert scripts["matrix.html"] == ['<script src="site.js" defer>', data]
    escaped = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
    holding = sorted(n for n, text in pages.items() if escaped in text)
    assert "actors.html" in holding and "matrix.html" in holding, holding
    # In the matrix's data the name is JSON with < and > escaped, so it cannot end the element.
    matrix = pages["matrix.html"]
    payload = matrix.split(data, 1)[1].split("</script>", 1)[0]
    assert "\\u003cscript\\u003ealert('x')\\u003c/script\\u003e" in payload
    names = [actor[1] for actor in json.loads(payload)["actors"]]
    assert "<script>alert('x')</script>" in names
    assert all("http" not in text for name, text in pages.items() if name.endswith(".css"))


def test_the_site_help_is_there() -> None:
    result = run_accords("site", "--help")
    assert result.code == 0
    assert "    accords site public\n" in result.out


def test_the_title_comes_from_accords_toml_or_the_option(tmp_path: Path) -> None:
    assert run_accords("site", tmp_path / "a", cwd=REPO).code == 0
    index = (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    assert "<title>Agreements · Syria 2016–2017 agreements</title>" in index
    assert run_accords("site", tmp_path / "b", "--title", "<Us & Them>", cwd=FIXTURE).code == 0
    index = (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
    assert "<title>Agreements · &lt;Us &amp; Them&gt;</title>" in index
    assert run_accords("site", tmp_path / "c", cwd=FIXTURE).code == 0
    index = (tmp_path / "c" / "index.html").read_text(encoding="utf-8")
    assert "<title>Agreements · Fixture: Riverside 2031</title>" in index
    (tmp_path / "fresh").mkdir()
    (tmp_path / "fresh" / "accords.toml").write_text("", encoding="utf-8")
    assert run_accords("new", "agreement", "truce", cwd=tmp_path / "fresh").code == 0
    assert run_accords("site", "out", cwd=tmp_path / "fresh").code == 0
    index = (tmp_path / "fresh" / "out" / "index.html").read_text(encoding="utf-8")
    assert "<title>Agreements · fresh</title>" in index


def test_a_dataset_name_that_is_not_text_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "accords.toml").write_text("[dataset]\nname = 3\n", encoding="utf-8")
    result = run_accords("site", "out", cwd=tmp_path)
    assert (result.code, result.err) == (
        2,
        f"accords: error: {tmp_path / 'accords.toml'}: [dataset] name must be a string\n",
    )
    assert not (tmp_path / "out").exists()


#: Pages of the bundled dataset's site kept as reviewed snapshots (ACCORDS_REGEN_SNAPSHOTS=1).
SNAPSHOT_PAGES = [
    "index.html",
    "matrix.html",
    "actors.html",
    "timeline.html",
    "agreements/ankara-aleppo-evacuation-2016.html",
    "actors/russia.html",
]
SNAPSHOTS = REPO / "tests" / "data" / "snapshots" / "site"


def test_the_bundled_site_pages_are_the_stored_ones(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run_accords("site", out, cwd=REPO).code == 0
    for name in SNAPSHOT_PAGES:
        got = (out / name).read_text(encoding="utf-8")
        stored = SNAPSHOTS / name
        if os.environ.get("ACCORDS_REGEN_SNAPSHOTS"):
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_text(got, encoding="utf-8")
        assert got == stored.read_text(encoding="utf-8"), f"{name}: differs from {stored}"
    assert _files(SNAPSHOTS) == sorted(SNAPSHOT_PAGES)


class _Structure(HTMLParser):
    """What an accessibility review looks for first: headings, header cells, labels."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("root", [REPO, FIXTURE], ids=["bundled", "fixture"])
def test_every_page_is_built_for_assistive_technology(root: Path, tmp_path: Path) -> None:
    """A language, one h1, a scope on every header cell and a label for every input."""
    out = tmp_path / "site"
    assert run_accords("site", out, cwd=root).code == 0
    problems = []
    for name in _files(out):
        if not name.endswith(".html"):
            continue
        parser = _Structure()
        parser.feed((out / name).read_text(encoding="utf-8"))
        tags = parser.tags
        if tags[0] != ("html", {"lang": "en"}):
            problems.append((name, "no lang"))
        if [t for t, _ in tags].count("h1") != 1:
            problems.append((name, "not one h1"))
        labelled = {a.get("for") for t, a in tags if t == "label"}
        for tag, attributes in tags:
            if tag == "th" and attributes.get("scope") not in ("col", "row", "rowgroup"):
                problems.append((name, "th without scope"))
            if tag == "input" and attributes.get("id") not in labelled:
                problems.append((name, "input without label"))
    assert problems == []
