"""Tests of the api part of newsgraph."""
