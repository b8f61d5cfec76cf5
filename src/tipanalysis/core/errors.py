"""Error types shared by the data layer: every problem names file, row, column and value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "MAX_PROBLEMS_SHOWN",
    "AmbiguousDateError",
    "DataValidationError",
    "ImpactInputError",
    "Problem",
    "problem_lines",
]

#: Problems listed in a message; the rest are counted (as Frictionless caps its errors).
MAX_PROBLEMS_SHOWN = 1000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input.

    ``row`` is the 1-based line number in the file as a person sees it (the header is line 1),
    or ``None`` when the problem concerns the whole file.
    """

    file: str
    row: int | None
    column: str | None
    value: Any
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column {self.column!r}"
        shown = repr(self.value)
        if len(shown) > 200:  # a cell of megabytes is not printed whole
            shown = shown[:200] + f"... ({len(shown) - 200} more characters)"
        value = "" if self.value is None else f" (value {shown})"
        return f"{where}: {self.message}{value}"


def problem_lines(problems: list[Problem], *, prefix: str = "  - ",
                  limit: int = MAX_PROBLEMS_SHOWN) -> list[str]:
    """One line per problem, the first ``limit`` only, then one line counting the rest.

    Examples
    --------
    >>> ps = [Problem("f.csv", i, None, None, "bad") for i in range(2, 5)]
    >>> problem_lines(ps, limit=2)
    ['  - f.csv, row 2: bad', '  - f.csv, row 3: bad', '  ... and 1 more problem(s) not shown']
    """
    lines = [f"{prefix}{p}" for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"  ... and {len(problems) - limit} more problem(s) not shown")
    return lines


class DataValidationError(ValueError):
    """Raised with every problem found in an input; nothing has been written when it is raised.

    ``problems`` holds them all; the message lists the first :data:`MAX_PROBLEMS_SHOWN`.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        lines = [f"{len(self.problems)} problem(s) found; nothing was written:"]
        lines += problem_lines(self.problems)
        super().__init__("\n".join(lines))



class ImpactInputError(ValueError):
    """Input that an analysis cannot use; the message names the problem.

    Defined here because the report-year rule (:mod:`tipanalysis.core.reportyear`) raises it
    too; :mod:`tipanalysis.impact` re-exports it with its subclasses.
    """


class AmbiguousDateError(ImpactInputError):
    """A year-precision date straddles two TIP reporting periods and ``policy='strict'``."""


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
