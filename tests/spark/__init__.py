"""Tests of the spark part of newsgraph."""
