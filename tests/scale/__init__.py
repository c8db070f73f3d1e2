"""Tests of the scale part of newsgraph."""
