"""The invented LinkedIn export behind `prune demo`, the tests and the benchmarks."""
