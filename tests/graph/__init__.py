"""Tests of the graph part of newsgraph."""
