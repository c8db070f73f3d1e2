"""Tests of the store part of newsgraph."""
