"""Rules: one module per family, registered in :mod:`accords.checking.registry`.

Families: ``E`` structure (reported while loading), ``R`` references, ``C`` chronology,
``P`` participation, ``S`` sources, ``F`` scenarios, ``X`` external events.
"""
