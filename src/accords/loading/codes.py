"""The codes of the findings the loader reports (``E``), named once.

The catalogue (:mod:`accords.checking.structure`) gives each its title, severity and explain
text; the loader, which comes before checking in the flow, reports them by these names.
"""

from __future__ import annotations

YAML_SYNTAX = "E001"
DUPLICATE_KEY = "E002"
ANCHOR_OR_ALIAS = "E003"
MERGE_KEY = "E004"
TAG = "E005"
ENCODING = "E006"
FILE_TOO_LARGE = "E007"
NOT_A_MAPPING = "E008"
TOO_DEEP = "E009"
NUMBER_OUT_OF_RANGE = "E010"
COMPLEX_KEY = "E011"
UNREADABLE = "E012"
TOO_MANY_ERRORS = "E013"
UNKNOWN_RECORD_KIND = "E014"
LINK_OUTSIDE_DATASET = "E015"
MISSING_FIELD = "E101"
UNKNOWN_FIELD = "E102"
WRONG_TYPE = "E103"
UNKNOWN_WORD = "E104"
BAD_DATE = "E105"
BAD_ID = "E106"
BAD_VALUE = "E107"
CONTROL_CHARACTER = "E108"
UNQUOTED_DATE = "E200"
