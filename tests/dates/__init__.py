"""Tests of the dates part of newsgraph."""
