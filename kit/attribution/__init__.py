"""Stage 3, attribution: who says what, found in the text with the evidence for each part.

``units`` (what is read) → ``cues`` → ``subjects`` and ``content`` → ``frames`` → ``reader``
(one article) → ``table`` (the corpus); ``speakers`` resolves who a speaker phrase names, and
``evaluation`` scores the table against hand-made gold.
"""

from kit.attribution.table import ATTRIBUTION_COLUMNS, attributions

__all__ = ["ATTRIBUTION_COLUMNS", "attributions"]
