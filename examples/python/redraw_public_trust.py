"""Redraw public trust from a TrackSim results folder's per-run series.

    python3 redraw_public_trust.py RESULTS OUT.png [--rows ROWS.csv] [--builtin]

For every variant, date and subject: the median of public_trust over the replicates and the
5-95 % band (type-7 quantiles, NumPy's default, as TrackSim's summary.csv has them), one panel
per subject. --rows also writes the numbers drawn as CSV; --builtin reads series.parquet with
tracksim_results' own reader even when pyarrow is installed.
"""

import argparse

import matplotlib
matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402
import numpy  # noqa: E402

from tracksim_results import read_series  # noqa: E402


def bands(series, metric="public_trust"):
    """Median and 5-95 % band of `metric` over replicates, per variant, date and subject."""
    rows = series[series["metric"] == metric]
    if rows.empty:
        raise SystemExit(f"the series has no {metric}")
    grouped = rows.groupby(["variant", "date", "subject"], sort=False)["value"]
    return grouped.agg(p05=lambda v: numpy.quantile(v, 0.05),
                       p50=lambda v: numpy.quantile(v, 0.50),
                       p95=lambda v: numpy.quantile(v, 0.95)).reset_index()


def draw(table, path):
    """One panel per subject, a line and a band per variant."""
    subjects = list(dict.fromkeys(table["subject"]))
    fig, axes = plt.subplots(len(subjects), 1, figsize=(9, 3.2 * len(subjects)), sharex=True, squeeze=False)
    for ax, subject in zip(axes[:, 0], subjects):
        for variant, lines in table[table["subject"] == subject].groupby("variant", sort=False):
            (line,) = ax.plot(lines["date"], lines["p50"], label=variant, linewidth=1.2)
            ax.fill_between(lines["date"], lines["p05"], lines["p95"], color=line.get_color(), alpha=0.15, linewidth=0)
        ax.set_title(f"Public trust, {subject}: median and 5-95 % of replicates")
        ax.set_ylabel("public trust")
    axes[0, 0].legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", help="a results folder of tracksim run")
    parser.add_argument("out", help="the PNG to write")
    parser.add_argument("--rows", help="also write the medians and bands drawn to this CSV")
    parser.add_argument("--builtin", action="store_true", help="read series.parquet without pyarrow")
    args = parser.parse_args()

    table = bands(read_series(args.results, builtin=args.builtin))
    draw(table, args.out)
    if args.rows:
        # pandas writes a float as its shortest text that reads back to the same double.
        table.to_csv(args.rows, index=False, date_format="%Y-%m-%d")

if __name__ == "__main__":
    main()
