"""Error types shared by the data layer: every problem names file, row, column and value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "AmbiguousDateError",
    "DataValidationError",
    "ImpactInputError",
    "Problem",
]


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
        value = "" if self.value is None else f" (value {self.value!r})"
        return f"{where}: {self.message}{value}"


class DataValidationError(ValueError):
    """Raised with every problem found in an input; nothing has been written when it is raised."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        lines = [f"{len(self.problems)} problem(s) found; nothing was written:"]
        lines += [f"  - {p}" for p in self.problems]
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
