"""Benchmarks run by ``make bench`` (``python -m benchmarks``).

Each ``benchmarks/bench_<name>.py`` module exposes ``run(quick: bool) -> dict`` returning rows
``{"rows": [{"name", "value", "unit", "reference", "ratio", ...}], ...}``. Figures are always
printed beside a reference measured in the same process, so ratios hold on a noisy machine.
"""
