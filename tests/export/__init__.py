"""Tests of the export part of newsgraph."""
