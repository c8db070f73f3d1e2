"""Tests of the document part of newsgraph."""
