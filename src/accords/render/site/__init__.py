"""The static site (``accords site OUT``) and the one-page HTML matrix, from jinja2 templates.

jinja2 is imported here only, so that no other command pays for it.
"""
