"""Helpers shared by the tests (not tests themselves): sites to build, scripts to run, promises to check."""
