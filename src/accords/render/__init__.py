"""Renderers: typed results in, text out. See :mod:`accords.render.contract` for the one
convention every format follows, and each command's ``FORMATS`` table."""
