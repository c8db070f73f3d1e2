"""Tests of the text part of newsgraph."""
