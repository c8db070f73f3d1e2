"""Tests of the quotes part of newsgraph."""
