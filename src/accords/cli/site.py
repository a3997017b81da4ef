"""``accords site OUT``: the dataset as a static site to browse offline or publish."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

HELP = """Write the dataset as a static site: agreements, actors, the matrix, the timeline.

The site is plain HTML, CSS and a small script, with nothing fetched from the network: open
OUT/index.html in a browser, or publish the folder (GitHub Pages, any web server). Each
agreement has a page with its participants, exclusions, positions, terms, outcome and every
claim with its citations and quotes; each actor a page with its names over time and every
agreement it was part of or left out of. A folder accords did not make is refused unless
--force; writing again into a site folder replaces the files accords wrote there.

Example:

    accords site public
    accords site public --title "Syria 2016–2017"
"""


def site(
    out: Annotated[Path, typer.Argument(metavar="OUT", help="The folder to write the site into.")],
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help="The site's title (default: [dataset] name in accords.toml, else the folder's).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Write into a folder accords did not make.")
    ] = False,
) -> None:
    from accords.analysis.site import site_content
    from accords.dataset import load_dataset
    from accords.render.site.folder import write_site
    from accords.render.site.pages import site_pages

    dataset = load_dataset()
    folder = dataset.root.name if dataset.root is not None else "accords"
    name = title or dataset.config.name or folder
    files = site_pages(site_content(dataset, name))
    write_site(out, files, force=force)
    typer.echo(f"Wrote {len(files)} files to {out}; open {out / 'index.html'}")
