"""``accords fmt``: record files rewritten into one canonical form, comments and words kept.

``rules`` states the canonical form (widths, which lists are flow lists, which text is folded,
the modeline); ``yaml_io`` is the round-trip YAML reader and writer (ruamel.yaml, imported only
here); ``arrange`` applies the rules to a round-trip tree; ``layout`` settles what the writer
leaves to the text (comment indentation, the modeline); ``files`` formats files and proves that
each formatted file holds the same records as before. It sits beside the flow, like
``importing``: it reads with ``loading`` and writes with ``writing``; ``cli`` is its only caller.
"""
