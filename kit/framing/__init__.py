"""Stage 4, framing: whose voice each stretch is in, and the words each outlet chooses: names,
labels, hedges, numeric claims and sentiment. Every table is built on the attributions;
``analyze`` bundles them all, each computed once per corpus.
"""

from kit.framing.claims import claims, compare_claims
from kit.framing.hedges import hedges
from kit.framing.labels import labels
from kit.framing.naming import naming
from kit.framing.sentiment import sentiment, sentiment_by_article
from kit.framing.tables import Tables, analyze

ANALYSES = {"naming": naming, "labels": labels, "hedges": hedges, "claims": claims,
            "compare_claims": compare_claims, "sentiment": sentiment}


def analysis(name: str):
    """Return the function that computes the table ``name`` (attributions, naming, labels ...)."""
    if name == "attributions":
        from kit.attribution import attributions

        return attributions
    return ANALYSES[name]


__all__ = ["ANALYSES", "Tables", "analysis", "analyze", "claims", "compare_claims", "hedges", "labels", "naming",
           "sentiment", "sentiment_by_article"]
