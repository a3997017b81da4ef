"""The site in a real browser (headless Chromium): every page renders, every link resolves,
the matrix keeps its headers in view and filters its rows, the lists sort by keyboard too."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from accords.analysis.compare import ComparisonResult, compare
from accords.dataset import load_dataset
from browser_support import VIEWPORT, chromium
from support import run_accords

REPO = Path(__file__).resolve().parents[2]
SCREENSHOT = REPO / "docs" / "site-matrix.png"

#: The rows of a matrix table as text: the actor, then one string per agreement column.
ROWS = """table => Array.from(table.tBodies[0].rows, row => {
  const cells = [row.cells[0].textContent.trim()];
  for (const cell of Array.from(row.cells).slice(1)) {
    for (let i = 0; i < cell.colSpan; i++) cells.push(i ? "" : cell.textContent.trim());
  }
  return cells;
})"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def comparison() -> ComparisonResult:
    return compare(load_dataset(REPO))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "public"
    result = run_accords("site", out, cwd=REPO)
    assert result.code == 0, result.output
    return out


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page whose script errors fail the test."""
    context = browser.new_context(viewport=VIEWPORT)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield opened
    context.close()
    assert errors == []


def _url(path: Path) -> str:
    return path.resolve().as_uri()


def test_every_page_is_reached_from_the_index_and_every_link_resolves(
    page: Any, site: Path
) -> None:
    _crawl(page, site)


def test_a_site_of_another_dataset_holds_together_too(page: Any, tmp_path: Path) -> None:
    """The fixture dataset, whose actors have hostile names: one called <script>."""
    out = tmp_path / "site"
    assert run_accords("site", out, cwd=REPO / "tests" / "data" / "fixture-dataset").code == 0
    _crawl(page, out)
    page.goto(_url(out / "matrix.html"))
    names = page.eval_on_selector_all("#matrix tbody th", "n => n.map(th => th.textContent)")
    assert "<script>alert('x')</script>" in names


def _crawl(page: Any, site: Path) -> None:
    """From the index, follow every link: each reaches a file, each #fragment an element, and
    every page of the site is reached."""
    pages = {p.resolve() for p in site.rglob("*.html")}
    ids: dict[Path, set[str]] = {}
    links: list[tuple[Path, str]] = []
    waiting = [(site / "index.html").resolve()]
    while waiting:
        current = waiting.pop()
        if current in ids:
            continue
        page.goto(_url(current), wait_until="domcontentloaded")
        assert page.locator("h1").inner_text().strip(), current
        ids[current] = set(page.eval_on_selector_all("[id]", "nodes => nodes.map(n => n.id)"))
        for href in page.eval_on_selector_all("a[href]", "nodes => nodes.map(n => n.href)"):
            links.append((current, href))
            parts = urlsplit(href)
            assert parts.scheme == "file", (current, href)
            target = Path(unquote(parts.path)).resolve()
            assert target.is_file(), (current, href)
            if target.suffix == ".html":
                waiting.append(target)
    assert set(ids) == pages
    broken = [
        (str(origin), href)
        for origin, href in links
        if urlsplit(href).fragment
        and urlsplit(href).fragment not in ids[Path(unquote(urlsplit(href).path)).resolve()]
    ]
    assert broken == []


def test_every_agreement_page_shows_its_record(page: Any, site: Path) -> None:
    dataset = load_dataset(REPO)
    for agreement in dataset.agreements.values():
        page.goto(_url(site / "agreements" / f"{agreement.id}.html"))
        assert page.locator("h1").inner_text() == agreement.title
        participants = page.locator("h2:has-text('Participants') + table tbody tr")
        assert participants.count() == len(agreement.participants), agreement.id
        left_out = page.locator("h2:has-text('Left out') + table tbody tr")
        assert left_out.count() == len(agreement.exclusions), agreement.id
        quotes = [q for _, refs in _claims(agreement) for q in refs]
        assert page.locator("blockquote").count() == len(quotes), agreement.id


def _claims(agreement: Any) -> list[tuple[str, list[str]]]:
    from accords.model.common import Citation
    from accords.model.evidence import cited_claims

    return [
        (claim, [q for r in refs if isinstance(r, Citation) for q in r.quote])
        for claim, refs in cited_claims(agreement)
    ]


def test_the_index_lists_every_agreement_and_sorts_by_keyboard(
    page: Any, site: Path, comparison: ComparisonResult
) -> None:
    page.goto(_url(site / "index.html"))
    titles = page.eval_on_selector_all("#agreements tbody th a", "n => n.map(a => a.textContent)")
    assert titles == [a.title for a in comparison.agreements]
    column = "n => n.map(r => r.cells[2].textContent)"
    kinds = page.eval_on_selector_all("#agreements tbody tr", column)
    kind_button = page.locator("#agreements thead button", has_text="Kind")
    for _ in range(20):  # Tab through the page until the Kind heading's button has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Kind":
            break
    assert kind_button.evaluate("b => b === document.activeElement")
    page.keyboard.press("Enter")
    assert page.eval_on_selector_all("#agreements tbody tr", column) == sorted(kinds)
    page.keyboard.press("Enter")
    assert page.eval_on_selector_all("#agreements tbody tr", column) == sorted(kinds)[::-1]
    assert kind_button.locator("..").get_attribute("aria-sort") == "descending"


def test_the_matrix_built_by_script_is_the_plain_table(
    browser: Any, page: Any, site: Path, comparison: ComparisonResult
) -> None:
    page.goto(_url(site / "matrix.html"))
    built = page.eval_on_selector("#matrix table", ROWS)
    assert [row[0] for row in built] == [a.name for a in comparison.actors]
    assert sum(1 for row in built for cell in row[1:] if cell) == len(comparison.cells)
    assert all(len(row) == len(comparison.agreements) + 1 for row in built)
    without_script = browser.new_context(viewport=VIEWPORT, java_script_enabled=False)
    try:
        plain = without_script.new_page()
        plain.goto(_url(site / "matrix.html"))
        assert plain.eval_on_selector("noscript table, table.matrix", ROWS) == built
    finally:
        without_script.close()


def test_the_matrix_headers_stay_in_view_after_scrolling(page: Any, site: Path) -> None:
    page.goto(_url(site / "matrix.html"))
    _assert_headers_stay(page, "#matrix .matrix-wrap")


def test_the_one_page_matrix_keeps_its_headers_in_view_too(page: Any, tmp_path: Path) -> None:
    result = run_accords("compare", "--format", "html", cwd=REPO)
    assert result.code == 0, result.output
    (tmp_path / "matrix.html").write_text(result.out, encoding="utf-8")
    page.goto(_url(tmp_path / "matrix.html"))
    _assert_headers_stay(page, ".matrix-wrap")


def _assert_headers_stay(page: Any, wrap: str) -> None:
    """Scrolled to the far corner, the corner heading, the last agreement's heading and the
    last actor's heading sit at the frame's edges, and are what the reader sees there."""
    box = page.locator(wrap)
    box.evaluate("w => w.scrollIntoView({block: 'start'})")
    sizes = box.evaluate("w => [w.scrollHeight - w.clientHeight, w.scrollWidth - w.clientWidth]")
    assert sizes[0] > 300 and sizes[1] > 300, f"nothing to scroll: {sizes}"
    box.evaluate("w => { w.scrollTop = w.scrollHeight; w.scrollLeft = w.scrollWidth; }")
    seen = box.evaluate(
        """w => {
      const frame = w.getBoundingClientRect();
      const rows = w.querySelectorAll("tbody tr");
      const cells = {
        corner: w.querySelector("thead th:first-child"),
        lastAgreement: w.querySelector("thead th:last-child"),
        lastActor: rows[rows.length - 1].cells[0],
      };
      const seen = {};
      for (const [name, cell] of Object.entries(cells)) {
        const box = cell.getBoundingClientRect();
        const shown = document.elementFromPoint(box.left + 4, box.top + 4);
        seen[name] = {
          top: name === "lastActor" ? "row" : Math.round(box.top - frame.top - w.clientTop),
          left: name === "lastAgreement"
            ? "column" : Math.round(box.left - frame.left - w.clientLeft),
          shown: shown !== null && shown.closest("th") === cell,
        };
      }
      seen.scrolled = [w.scrollTop > 300, w.scrollLeft > 300];
      return seen;
    }"""
    )
    assert seen == {
        "corner": {"top": 0, "left": 0, "shown": True},
        "lastAgreement": {"top": 0, "left": "column", "shown": True},
        "lastActor": {"top": "row", "left": 0, "shown": True},
        "scrolled": [True, True],
    }


def test_the_matrix_filter_and_more_rows(
    page: Any, tmp_path: Path, comparison: ComparisonResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With five rows a step: five shown, five more on the button, and the filter searches
    every row, shown or not."""
    monkeypatch.setattr("accords.render.site.pages.MATRIX_PAGE_ROWS", 5)
    out = tmp_path / "site"
    assert run_accords("site", out, cwd=REPO).code == 0
    page.goto(_url(out / "matrix.html"))
    names = [a.name for a in comparison.actors]
    shown = "t => Array.from(t.tBodies[0].rows, r => r.cells[0].textContent)"
    assert page.eval_on_selector("#matrix table", shown) == names[:5]
    status = page.locator("#matrix-status")
    assert status.inner_text() == f"5 of {len(names)} matching actors shown ({len(names)} in all)."
    page.locator("#matrix-more").click()
    assert page.eval_on_selector("#matrix table", shown) == names[:10]
    last = names[-1]
    page.locator("#matrix-filter").fill(last.upper())
    matching = [n for n in names if last.casefold() in n.casefold()]
    assert page.eval_on_selector("#matrix table", shown) == matching
    assert status.inner_text() == (
        f"{len(matching)} of {len(matching)} matching actors shown ({len(names)} in all)."
    )
    assert page.locator("#matrix-more").is_hidden()
    page.locator("#matrix-filter").fill("no actor is called this")
    assert page.eval_on_selector("#matrix table", shown) == []
    page.locator("#matrix-filter").fill("")
    assert page.eval_on_selector("#matrix table", shown) == names[:5]


def test_the_screenshot_in_the_docs_is_the_matrix_page(
    page: Any, site: Path, tmp_path: Path
) -> None:
    """The README's picture of the matrix page is made here; ACCORDS_REGEN_SCREENSHOT=1
    writes it to docs/site-matrix.png."""
    page.goto(_url(site / "matrix.html"))
    page.locator("#matrix table").wait_for()
    shot = tmp_path / "site-matrix.png"
    page.screenshot(path=str(shot))
    if os.environ.get("ACCORDS_REGEN_SCREENSHOT") == "1":
        SCREENSHOT.write_bytes(shot.read_bytes())
    assert SCREENSHOT.is_file(), "regenerate it with ACCORDS_REGEN_SCREENSHOT=1"
    assert _png_size(SCREENSHOT.read_bytes()) == _png_size(shot.read_bytes()) == (1280, 800)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
