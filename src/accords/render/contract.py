"""The one renderer contract: a typed result and a text stream in, the result written out.

Every output format of every command is a :data:`Renderer` of that command's result type, and
each command keeps its formats in one table, ``FORMATS: dict[str, Renderer[Result]]``, in its
render module. The command line parses options, calls one library function, looks the
format up in the table and hands the renderer ``sys.stdout``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO, TypeAlias, TypeVar

R = TypeVar("R")

#: Writes one result of type ``R`` to a text stream, in one format.
Renderer: TypeAlias = Callable[[R, TextIO], None]
