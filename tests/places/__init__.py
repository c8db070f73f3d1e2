"""Tests of the places part of newsgraph."""
