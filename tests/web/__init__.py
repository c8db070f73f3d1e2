"""Tests of the web part of newsgraph."""
