"""Tests of the evaluate part of newsgraph."""
