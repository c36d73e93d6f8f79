"""Stage 3, attribution: who says what, found in the text with the evidence for each part.

``entities`` (the people, organisations and places the text names, grouped) → ``units`` (what is
read) → ``cues`` → ``subjects`` and ``content`` → ``frames`` → ``reader``
(one article) → ``table`` (the corpus); ``speakers`` resolves who a speaker phrase names, and
``evaluation`` scores the table against hand-made gold.
"""

from kit.attribution.table import (
    ATTRIBUTION_COLUMNS,
    ENTITY_COLUMNS,
    attributions,
    entities,
)

__all__ = ["ATTRIBUTION_COLUMNS", "ENTITY_COLUMNS", "attributions", "entities"]
