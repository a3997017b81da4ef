"""``accords check``: validate, then every consistency rule."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from accords.cli.common import FindingsFormat, NoCache, emit_findings, split_list

HELP = """Validate the dataset, then check it for consistency with the rule catalogue.

Rules, their severities and what is selected come from accords.toml ([check]); --select and
--ignore take codes or prefixes (C, C101) and override it. --strict fails on warnings too.

--fix applies the safe fixes (they change how a record is written, not what it says: quoting a
date); --unsafe-fixes applies the unsafe ones too (a did-you-mean word or id, a file renamed
after its id): review them in the diff. Only the edited text changes; comments stay. The check
runs again afterwards and reports what remains. `accords rules` shows which rules can fix.

Example:

    accords check --select R,C --format github
    accords check --texts ../shared/seeds
    accords check --fix
"""


EventsOption = Annotated[
    Path | None,
    typer.Option(
        "--events",
        help="An ACLED-format events file to check the record against (.csv, .csv.gz or .parquet).",
    ),
]
MaxFieldBytes = Annotated[
    int,
    typer.Option(
        "--max-field-bytes",
        min=1,
        help="With --events: refuse an events file with a line longer than this (bytes).",
    ),
]
TextsOption = Annotated[
    Path | None,
    typer.Option(
        "--texts",
        help="The folder of archived source texts to check quotes against "
        "(default: [sources] texts in accords.toml).",
    ),
]


def _codes(values: list[str] | None) -> tuple[str, ...]:
    return tuple(code.upper() for code in split_list(values) or ())


def check(
    events: EventsOption = None,
    max_field_bytes: MaxFieldBytes = 1 << 20,
    texts: TextsOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="Only these codes or prefixes (repeat or comma-separate)."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore", help="Leave out these codes or prefixes (repeat or comma-separate)."
        ),
    ] = None,
    fmt: Annotated[
        FindingsFormat, typer.Option("--format", "-f", help="Output format.")
    ] = FindingsFormat.text,
    no_cache: NoCache = False,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply the safe fixes, then check again.")
    ] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option("--unsafe-fixes", help="Apply the unsafe fixes too (implies --fix)."),
    ] = False,
) -> None:
    from accords.checking.runner import CheckOptions
    from accords.checking.runner import check as check_dataset
    from accords.cli.progress import progress
    from accords.findings import FixSafety

    options = CheckOptions(
        select=_codes(select),
        ignore=_codes(ignore),
        strict=strict,
        events=events,
        texts=texts,
        max_field_bytes=max_field_bytes,
        cache=not no_cache,
        fix=FixSafety.UNSAFE if unsafe_fixes else FixSafety.SAFE if fix else FixSafety.NONE,
    )
    with progress("finding the files") as step:
        result = check_dataset(options=options, step=step)
    raise typer.Exit(emit_findings(result, fmt))
