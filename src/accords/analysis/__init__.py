"""Analyses over a loaded dataset; each returns plain data for :mod:`accords.render`."""
