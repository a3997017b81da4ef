"""``python -m accords`` runs the command-line interface."""

from __future__ import annotations

from accords.cli.app import main

if __name__ == "__main__":
    main()
