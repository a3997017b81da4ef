"""Renderers: plain results in, text out. One small class per format, kept in registries."""
