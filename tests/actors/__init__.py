"""Tests of the actors part of newsgraph."""
