"""Benchmarks: run by hand (python -m benchmarks.bench_validate), not part of the test suite."""
