"""``make backtest``: rolling-origin backtest of every published tier forecast.

Fits each method on the reports up to year Y (for Y = 2012 .. last - 1, on each estimation
window), forecasts Y+1 .. Y+3 for every ranked country and prints the log score (mean natural
log of the probability given to what happened: higher is better), the Brier score (lower is
better) and the accuracy next to the two baselines (persistence, plain first-order chain), the
window comparison on common origins, the verdicts and Kuwait's window-sensitivity table.
Usage: ``python benchmarks/backtest.py [--reliability]``.
"""

from __future__ import annotations

import argparse

import pandas as pd

from tipanalysis import data
from tipanalysis.data import countries
from tipanalysis.tiers import backtesting as backtest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reliability", action="store_true", help="print reliability tables")
    parser.add_argument("--country", default="KWT")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 160)
    pd.set_option("display.max_rows", 200)
    panel = data.load_tiers()
    regions = countries.reference().set_index("iso3")["region"].dropna().to_dict()
    forecasts = backtest.backtest(panel, regions=regions)
    table = backtest.scores(forecasts)
    print("Scores by method, estimation window and horizon (origins 2012 on; log score: higher "
          "is better; Brier: lower is better)")
    print(table.round(4).to_string(index=False))
    for h in (1, 3):
        print(f"\nWindow comparison, duration chain, horizon {h}, origins every window covers")
        print(backtest.choose_window(forecasts, horizon=h).round(4).to_string(index=False))
    for window in backtest.BACKTEST_WINDOWS:
        print(f"\nVerdict, window {window}:")
        for method in ("duration_chain", "wl_chain", "ordered_logit"):
            for s in backtest.verdict(table, window=window, method=method)["sentence"]:
                print("  " + s)
    if args.reliability:
        rel = backtest.reliability(forecasts[forecasts["window"] == "2009-"])
        print("\nReliability (window 2009-)")
        print(rel.round(3).to_string(index=False))
    history = panel[panel["iso3"] == args.country]
    sens = backtest.window_sensitivity(history, panel, n_boot=1000)
    print(f"\nWindow sensitivity, {args.country}, forecast years "
          f"{sens.attrs['forecast_years'][0]}-{sens.attrs['forecast_years'][1]}")
    print(sens.pivot(index="measure", columns="window", values="estimate").round(3).to_string())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
