"""Tests of the gold part of newsgraph."""
