"""Run every benchmark module, print one table, write ``bench-results.json``.

Usage: ``python -m benchmarks [NAME ...] [--quick]`` (names: the part after ``bench_``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import time
from pathlib import Path
from typing import Any

import benchmarks


def _modules(selected: list[str]) -> list[str]:
    names = sorted(
        m.name[len("bench_") :] for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_")
    )
    unknown = set(selected) - set(names)
    if unknown:
        raise SystemExit(f"unknown benchmark(s): {', '.join(sorted(unknown))}; known: {', '.join(names)}")
    return [n for n in names if not selected or n in selected]


def _format(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
    return "" if value is None else str(value)


def print_table(results: dict[str, dict[str, Any]]) -> None:
    """One table: benchmark, figure, value, unit, reference, ratio."""
    header = ("benchmark", "figure", "value", "unit", "reference", "ratio")
    rows = [header]
    for bench, result in results.items():
        for row in result.get("rows", []):
            rows.append(
                (
                    bench,
                    row["name"],
                    _format(row.get("value")),
                    row.get("unit", ""),
                    _format(row.get("reference")),
                    _format(row.get("ratio")),
                )
            )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for i, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
        if i == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="smaller corpora and shorter runs")
    parser.add_argument("--output", type=Path, default=Path("bench-results.json"))
    args = parser.parse_args(argv)
    results: dict[str, dict[str, Any]] = {}
    for name in _modules(args.names):
        started = time.perf_counter()
        print(f"running {name} ...", file=sys.stderr, flush=True)
        module = importlib.import_module(f"benchmarks.bench_{name}")
        results[name] = module.run(quick=args.quick)
        results[name]["seconds"] = round(time.perf_counter() - started, 1)
    print_table(results)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
