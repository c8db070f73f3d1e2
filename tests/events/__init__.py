"""Tests of the events part of newsgraph."""
