"""The LaTeX table compiles with pdflatex and fits an A4 page: no overfull box anywhere.

Needs pdflatex with booktabs, longtable and array (Debian/Ubuntu: texlive-latex-base,
texlive-latex-recommended); skipped, with that reason, where pdflatex is missing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from support import run_accords

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "data" / "fixture-dataset"

#: The smallest document that takes the fragment, as its first line says.
DOCUMENT = r"""\documentclass[a4paper]{article}
\usepackage{booktabs,longtable,array}
\begin{document}
\input{matrix}
\end{document}
"""

CASES = {
    "bundled": (REPO, ["compare", "--format", "latex"]),
    "bundled-grouped": (
        REPO,
        ["compare", "--group-by", "coalition", "--as-of", "2016-12-25", "-f", "latex"],
    ),
    "fixture-scenario": (
        FIXTURE,
        ["compare", "--scenario", "riverside-what-if", "--as-of", "2031-04-01", "-f", "latex"],
    ),
}


@pytest.mark.skipif(
    shutil.which("pdflatex") is None,
    reason="pdflatex is not installed (apt-get install texlive-latex-base "
    "texlive-latex-recommended)",
)
@pytest.mark.parametrize("name", sorted(CASES))
def test_the_latex_table_compiles_and_fits_the_page(name: str, tmp_path: Path) -> None:
    folder, args = CASES[name]
    result = run_accords(*args, cwd=folder)
    assert result.code == 0, result.output
    assert result.out.startswith("% Requires \\usepackage{booktabs,longtable,array}")
    (tmp_path / "matrix.tex").write_text(result.out, encoding="utf-8")
    (tmp_path / "document.tex").write_text(DOCUMENT, encoding="utf-8")
    compiled = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "document.tex"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    log = (tmp_path / "document.log").read_text(encoding="utf-8", errors="replace")
    assert compiled.returncode == 0, log[-3000:]
    problems = [line for line in log.splitlines() if line.startswith(("Overfull", "!"))]
    assert problems == [], log[-3000:]
    assert (tmp_path / "document.pdf").stat().st_size > 0
