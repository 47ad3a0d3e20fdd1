"""Benchmarks of the site build, the edit loop, the study guide and page weight (`make bench`)."""
