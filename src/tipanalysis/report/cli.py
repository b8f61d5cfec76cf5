"""Command-line interface: ``tipanalysis run``, ``tipanalysis data ...``, ``tipanalysis brief``.

Each sub-command is a thin wrapper: it parses arguments, calls one package function and turns
its errors into a message on stderr and a non-zero exit code. Heavy modules are imported inside
the handlers so that ``tipanalysis --help`` is instant.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = [
    "build_parser",
    "main",
]


def _cmd_run(args: argparse.Namespace) -> int:
    from tipanalysis.report import run

    return run.main(args)


def _cmd_data_validate(args: argparse.Namespace) -> int:
    from tipanalysis.data import descriptor as validate

    problems = validate.validate_package(args.data_dir)
    for problem in problems:
        print(f"ERROR {problem}", file=sys.stderr)
    if problems:
        print(f"data validate: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("data validate: OK")
    return 0


def _cmd_data_list(args: argparse.Namespace) -> int:
    from tipanalysis import data

    table = data.datasets(args.data_dir)
    print(table.to_string(index=False))
    return 0


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

    path = strategy.write_template(args.out, data_dir=args.data_dir)
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

    out = args.out if args.out is not None else paths.reports_dir()
    written = brief.write_brief(args.country, args.lang, out, year=args.year, pdf=args.pdf,
                                data_dir=args.data_dir)
    for path in written:
        print(f"brief written to {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``tipanalysis`` command."""
    parser = argparse.ArgumentParser(prog="tipanalysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p_run = sub.add_parser("run", help="execute report notebooks and write HTML reports")
    p_run.add_argument("notebooks", nargs="*", type=Path,
                       help="notebooks to run (default: every notebooks/NN_*.ipynb)")
    p_run.add_argument("-p", "--parameter", action="append", default=[], metavar="KEY=VALUE",
                       help="parameter injected after the cell tagged 'parameters' (repeatable)")
    p_run.add_argument("--jobs", type=int, default=None,
                       help="notebooks run in parallel (default: number of cores)")
    p_run.add_argument("--out", type=Path, default=None, help="output folder (default: reports/)")
    p_run.add_argument("--no-progress", action="store_true", help="do not show progress bars")
    p_run.set_defaults(handler=_cmd_run)

    p_data = sub.add_parser("data", help="inspect, validate and update the shipped data")
    p_data.add_argument("--data-dir", type=Path, default=None,
                        help="data folder (default: the repository's data/)")
    dsub = p_data.add_subparsers(dest="data_command", required=True)

    dsub.add_parser("validate", help="check descriptor, checksums and schemas").set_defaults(
        handler=_cmd_data_validate)
    dsub.add_parser("list", help="list the datasets with source and licence").set_defaults(
        handler=_cmd_data_list)

    p_add = dsub.add_parser("add-tiers", help="ingest a TIP report's tier placements")
    p_add.add_argument("file", type=Path, help="text as the report prints it, CSV or XLSX")
    p_add.add_argument("--year", type=int, required=True, help="TIP report year")
    p_add.add_argument("--source", required=True, help="URL of the source of these placements")
    p_add.add_argument("--replace", action="store_true",
                       help="overwrite existing country-years that disagree")
    p_add.set_defaults(handler=_cmd_data_add_tiers)

    p_enf = dsub.add_parser(
        "add-enforcement", help="ingest enforcement / protection figures",
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

    p_str = sub.add_parser("strategy", help="the 2025-2028 strategy monitor: data entry")
    p_str.add_argument("--data-dir", type=Path, default=None,
                       help="data folder (default: the repository's data/)")
    ssub = p_str.add_subparsers(dest="strategy_command", required=True)
    p_tpl = ssub.add_parser("template", help="write a fill-in workbook for ministries")
    p_tpl.add_argument("--out", type=Path, required=True, help="path of the .xlsx to write")
    p_tpl.set_defaults(handler=_cmd_strategy_template)
    p_imp = ssub.add_parser("import", help="validate and store a completed workbook or CSV")
    p_imp.add_argument("file", type=Path, help="completed .xlsx or .csv (UTF-8 or Windows-1256)")
    p_imp.add_argument("--replace", action="store_true",
                       help="overwrite stored observations for the same indicator and period")
    p_imp.set_defaults(handler=_cmd_strategy_import)

    p_brief = sub.add_parser("brief", help="write a policy brief (HTML, optionally PDF)")
    p_brief.add_argument("--country", default="KWT", help="ISO3 code or name (default: KWT)")
    p_brief.add_argument("--lang", choices=["en", "ar"], default="en")
    p_brief.add_argument("--year", type=int, default=None,
                         help="TIP report year (default: the latest with a placement)")
    p_brief.add_argument("--pdf", action="store_true", help="also write the PDF (WeasyPrint)")
    p_brief.add_argument("--out", type=Path, default=None, help="output folder (default: reports/)")
    p_brief.add_argument("--data-dir", type=Path, default=None,
                         help="data folder (default: the repository's data/)")
    p_brief.set_defaults(handler=_cmd_brief)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from tipanalysis.core.errors import DataValidationError

    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except DataValidationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
