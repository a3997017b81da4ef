"""The PA-X importer: the Peace Agreements Database export read, mapped and written as records.

``reading`` reads the CSV export, ``mapping`` maps its columns to record fields, ``parties``
splits the party text into candidate actors, ``actors_new`` drafts the actors nobody has written
yet, and ``importer`` plans and writes the records. The modules beside this package (matching,
state, writer) are not PA-X specific.
"""
