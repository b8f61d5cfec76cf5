"""Command-line interface: ``tipanalysis run``, ``tipanalysis data ...``, ``tipanalysis brief``.

Each sub-command is a thin wrapper: it parses arguments, calls one package function and turns
its errors into a message on stderr and a non-zero exit code. Heavy modules are imported inside
the handlers so that ``tipanalysis --help`` is instant.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

__all__ = [
    "build_parser",
    "main",
]


def _cmd_run(args: argparse.Namespace) -> int:
    import os

    from tipanalysis.report import run

    if args.data_dir is None:
        return run.main(args)
    # The kernels read the data through tipanalysis.paths: point it at the folder given.
    saved = os.environ.get("TIPANALYSIS_DATA_DIR")
    os.environ["TIPANALYSIS_DATA_DIR"] = str(Path(args.data_dir).resolve())
    try:
        return run.main(args)
    finally:
        if saved is None:
            os.environ.pop("TIPANALYSIS_DATA_DIR", None)
        else:
            os.environ["TIPANALYSIS_DATA_DIR"] = saved


def _cmd_data_validate(args: argparse.Namespace) -> int:
    from tipanalysis.core.errors import problem_lines
    from tipanalysis.data import descriptor as validate

    problems = validate.validate_package(args.data_dir)
    for line in problem_lines(problems, prefix="ERROR "):
        print(line, file=sys.stderr)
    if problems:
        print(f"data validate: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("data validate: OK")
    return 0


def _cmd_data_accept_edits(args: argparse.Namespace) -> int:
    from tipanalysis.data import descriptor as validate

    # Under the data folder's lock, as one atomic commit (descriptor + log), or nothing.
    changed = validate.accept_edits(args.reason, args.data_dir, who=args.who)
    if not changed:
        print(f"no edited file: every file matches {validate.DESCRIPTOR}; nothing written")
    for path in changed:
        print(f"accepted the edit of {path} (logged in {validate.ACCEPTED_EDITS})")
    return 0


def _cmd_data_list(args: argparse.Namespace) -> int:
    from tipanalysis import data

    table = data.datasets(args.data_dir)
    columns = ["name", "rows", "licence", "path", "sources"]
    rows = [["" if v is None or str(v) in ("<NA>", "nan") else str(v) for v in rec]
            for rec in table[columns].itertuples(index=False)]
    print(format_table(columns, rows, _width()))
    return 0


def _width() -> int:
    """Terminal width on a terminal; 100 columns otherwise (files, pipes, CI logs)."""
    import shutil

    if sys.stdout.isatty():
        return max(40, shutil.get_terminal_size((100, 24)).columns)
    return 100


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]], width: int = 100) -> str:
    """A plain-text table no wider than ``width``: long cells wrap inside their column.

    Examples
    --------
    >>> print(format_table(["name", "sources"], [["tiers", "State Department; CIA"]], 24))
    name   sources
    -----  -----------------
    tiers  State Department;
           CIA
    """
    import textwrap

    gap = 2
    natural = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    widths = list(natural)
    budget = width - gap * (len(header) - 1)
    while sum(widths) > budget:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= max(6, len(header[widest])):
            break
        widths[widest] -= 1
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for row in rows:
        cells = [textwrap.wrap(c, w, break_long_words=True, break_on_hyphens=False) or [""]
                 for c, w in zip(row, widths, strict=True)]
        for k in range(max(len(c) for c in cells)):
            lines.append("  ".join((c[k] if k < len(c) else "").ljust(w)
                                   for c, w in zip(cells, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _cmd_data_add_tiers(args: argparse.Namespace) -> int:
    from tipanalysis.data import ingest

    summary = ingest.add_tiers(
        args.file, year=args.year, source_url=args.source, replace=args.replace,
        data_dir=args.data_dir,
    )
    print(summary)
    return 0


def _cmd_data_add_enforcement(args: argparse.Namespace) -> int:
    from tipanalysis.data import ingest

    new_measures: dict[str, str] = {}
    for name, definition in args.new_measure or []:
        if name in new_measures:  # two definitions for one name: refuse rather than pick one
            raise ValueError(f"--new-measure {name} is given twice")
        new_measures[name] = definition
    summary = ingest.add_enforcement(
        args.file, source_url=args.source, reported_by=args.reported_by, replace=args.replace,
        new_measures=new_measures, data_dir=args.data_dir,
    )
    print(summary)
    return 0


def _cmd_strategy_template(args: argparse.Namespace) -> int:
    from tipanalysis import strategy

    if args.out_file is None:
        raise ValueError("strategy template: give the workbook to write with --out-file "
                         "FILE.xlsx")
    path = strategy.write_template(args.out_file, data_dir=args.data_dir)
    print(f"template written to {path}")
    return 0


def _cmd_strategy_import(args: argparse.Namespace) -> int:
    from tipanalysis import strategy

    summary = strategy.import_observations(args.file, replace=args.replace, data_dir=args.data_dir)
    print(summary)
    return 0


def _cmd_brief(args: argparse.Namespace) -> int:
    from tipanalysis.core import paths
    from tipanalysis.report import brief

    out = args.out_dir if args.out_dir is not None else paths.reports_dir()
    written = brief.write_brief(args.country, args.lang, out, year=args.year, pdf=args.pdf,
                                data_dir=args.data_dir)
    for path in written:
        print(f"brief written to {path}")
    return 0


class _Parser(argparse.ArgumentParser):
    """Errors in one line that says what to do (argparse prints usage on a line of its own)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("tipanalysis")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``tipanalysis`` command.

    ``--data-dir`` is accepted at every level (``tipanalysis --data-dir X data validate``,
    ``data --data-dir X validate``, ``data validate --data-dir X``); output options say what
    they take: ``--out-dir`` a folder, ``--out-file`` a file (``--out`` is a hidden alias).
    """
    # SUPPRESS: a level that is not given the option does not overwrite a level that is.
    common = _Parser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="data folder (default: $TIPANALYSIS_DATA_DIR, else the "
                             "repository's data/)")

    def out_dir(p: argparse.ArgumentParser, what: str) -> None:
        p.add_argument("--out-dir", type=Path, default=None,
                       help=f"output folder for {what} (default: reports/)")
        p.add_argument("--out", dest="out_dir", type=Path, help=argparse.SUPPRESS)

    parser = _Parser(prog="tipanalysis", description=__doc__.splitlines()[0],
                     parents=[common])
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p_run = sub.add_parser("run", help="execute report notebooks and write HTML reports",
                           parents=[common])
    p_run.add_argument("notebooks", nargs="*", type=Path,
                       help="notebooks to run, .ipynb or their paired .py scripts "
                            "(default: every notebooks/NN_*.ipynb)")
    p_run.add_argument("-p", "--parameter", action="append", default=[], metavar="KEY=VALUE",
                       help="parameter of the notebooks' 'parameters' cell (repeatable); "
                            "unknown names are refused")
    p_run.add_argument("--jobs", type=int, default=None,
                       help="notebooks run in parallel (default: number of cores)")
    out_dir(p_run, "the reports")
    p_run.add_argument("--force", action="store_true",
                       help="rerun every notebook, even those whose inputs are unchanged")
    p_run.add_argument("--clean", action="store_true",
                       help="remove what the runner wrote into the output folder (its "
                            "manifest lists it) and nothing else; run nothing")
    p_run.add_argument("--no-progress", action="store_true", help="do not show progress bars")
    p_run.set_defaults(handler=_cmd_run)

    p_data = sub.add_parser("data", help="inspect, validate and update the shipped data",
                            parents=[common])
    dsub = p_data.add_subparsers(dest="data_command", required=True, parser_class=_Parser)

    dsub.add_parser("validate", help="check descriptor, checksums and schemas",
                    parents=[common]).set_defaults(handler=_cmd_data_validate)
    dsub.add_parser("list", help="list the datasets with source and licence",
                    parents=[common]).set_defaults(handler=_cmd_data_list)

    p_acc = dsub.add_parser(
        "accept-edits", help="record deliberate edits of data files (logged)", parents=[common],
        description="Loaders refuse a data file whose sha256 or size differs from "
                    "datapackage.json. When an edit is deliberate, this checks the edited tables "
                    "against their schema, updates their sha256 and size in datapackage.json and "
                    "appends who, when, why and the old and new hashes to accepted_edits.jsonl, "
                    "in one locked, atomic write.")
    p_acc.add_argument("--reason", required=True, help="why the files were edited")
    p_acc.add_argument("--who", default=None, help="who edited them (default: the user name)")
    p_acc.set_defaults(handler=_cmd_data_accept_edits)

    p_add = dsub.add_parser("add-tiers", help="ingest a TIP report's tier placements",
                            parents=[common])
    p_add.add_argument("file", type=Path, help="text as the report prints it, CSV or XLSX")
    p_add.add_argument("--year", type=int, required=True, help="TIP report year")
    p_add.add_argument("--source", required=True, help="URL of the source of these placements")
    p_add.add_argument("--replace", action="store_true",
                       help="overwrite existing country-years that disagree")
    p_add.set_defaults(handler=_cmd_data_add_tiers)

    p_enf = dsub.add_parser(
        "add-enforcement", help="ingest enforcement / protection figures", parents=[common],
        description="Add figures to kuwait/enforcement.csv. A measure that is not yet in the "
                    "data is refused unless declared with --new-measure, which records it "
                    "with its definition in datapackage.json, in the same atomic write.")
    p_enf.add_argument("file", type=Path, help="CSV or XLSX in the enforcement layout")
    p_enf.add_argument("--source", required=True, help="URL of the source of these figures")
    p_enf.add_argument("--reported-by", choices=["tip_report", "government"], required=True,
                       help="who published the figures (TIP Report or Kuwait's government)")
    p_enf.add_argument("--replace", action="store_true",
                       help="overwrite shipped rows with the same key that disagree")
    p_enf.add_argument("--new-measure", nargs=2, action="append", metavar=("NAME", "DEFINITION"),
                       help="add a measure not yet in the data, e.g. --new-measure "
                            "shelter_exits \"Women who left the PAM shelter in the period\" "
                            "(repeatable; NAME in lower_snake_case, used by the file's rows)")
    p_enf.set_defaults(handler=_cmd_data_add_enforcement)

    p_str = sub.add_parser("strategy", help="the 2025-2028 strategy monitor: data entry",
                           parents=[common])
    ssub = p_str.add_subparsers(dest="strategy_command", required=True, parser_class=_Parser)
    p_tpl = ssub.add_parser("template", help="write a fill-in workbook for ministries",
                            parents=[common])
    p_tpl.add_argument("--out-file", type=Path, default=None,
                       help="path of the .xlsx file to write (required)")
    p_tpl.add_argument("--out", dest="out_file", type=Path, help=argparse.SUPPRESS)
    p_tpl.set_defaults(handler=_cmd_strategy_template)
    p_imp = ssub.add_parser("import", help="validate and store a completed workbook or CSV",
                            parents=[common])
    p_imp.add_argument("file", type=Path, help="completed .xlsx or .csv (UTF-8 or Windows-1256)")
    p_imp.add_argument("--replace", action="store_true",
                       help="overwrite stored observations for the same indicator and period")
    p_imp.set_defaults(handler=_cmd_strategy_import)

    p_brief = sub.add_parser("brief", help="write a policy brief (HTML, optionally PDF)",
                             parents=[common])
    p_brief.add_argument("--country", default="KWT", help="ISO3 code or name (default: KWT)")
    p_brief.add_argument("--lang", choices=["en", "ar"], default="en")
    p_brief.add_argument("--year", type=int, default=None,
                         help="TIP report year (default: the latest with a placement)")
    p_brief.add_argument("--pdf", action="store_true", help="also write the PDF (WeasyPrint)")
    out_dir(p_brief, "the brief")
    p_brief.set_defaults(handler=_cmd_brief)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from tipanalysis.core.errors import DataValidationError

    parser = build_parser()
    args = parser.parse_args(argv)
    args.data_dir = getattr(args, "data_dir", None)
    try:
        return int(args.handler(args) or 0)
    except DataValidationError as exc:
        _say(f"error: {exc}")
        return 1
    except UnicodeError as exc:
        _say(f"error: cannot decode or encode text: {_one_line(exc)}; files must be UTF-8")
        return 1
    except (ValueError, OSError) as exc:
        _say(f"error: {_one_line(exc)}")
        return 1
    except RecursionError:
        _say("error: an input is nested too deeply to read (e.g. a JSON file with thousands of "
             "nested brackets); nothing was written")
        return 1
    except MemoryError:
        _say("error: out of memory reading the input; is the file far larger than expected? "
             "nothing was written")
        return 1
    except KeyboardInterrupt:
        _say("error: interrupted; nothing was replaced, run the command again")
        return 130
    except Exception as exc:  # a bug: still one line, and where to report it
        _say(f"error: {type(exc).__name__}: {_one_line(exc)} (unexpected: please report it "
             "with the command you ran)")
        return 1


def _say(message: str) -> None:
    """Print an error on stderr; a closed or broken stderr is not a reason for a traceback."""
    with contextlib.suppress(OSError, ValueError):
        print(message, file=sys.stderr)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if isinstance(exc, OSError) and exc.filename and exc.strerror:
        text = f"{exc.filename}: {exc.strerror}"
        if exc.filename2:
            text = f"{exc.filename} -> {exc.filename2}: {exc.strerror}"
    elif isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    if len(text) > 2000:
        text = text[:2000] + " ..."
    return text or type(exc).__name__


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
