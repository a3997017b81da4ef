"""The record models: one module per record kind, plus dates and shared types.

Each folder of a dataset holds one kind of file; :data:`FILE_MODELS` maps the folder to the
model of one file.
"""

from __future__ import annotations

from pydantic import BaseModel

from accords.model.actors import Actor
from accords.model.agreements import Agreement
from accords.model.events import Event, EventFile
from accords.model.scenarios import Scenario
from accords.model.sources import Source

#: The model of one file in each dataset folder, keyed by the record kind's name.
FILE_MODELS: dict[str, type[BaseModel]] = {
    "agreement": Agreement,
    "actor": Actor,
    "event": EventFile,
    "source": Source,
    "scenario": Scenario,
}

#: The dataset folder that holds each record kind.
FOLDERS: dict[str, str] = {
    "agreement": "agreements",
    "actor": "actors",
    "event": "events",
    "source": "seeds",
    "scenario": "scenarios",
}

__all__ = [
    "FILE_MODELS",
    "FOLDERS",
    "Actor",
    "Agreement",
    "Event",
    "EventFile",
    "Scenario",
    "Source",
]
