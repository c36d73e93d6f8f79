"""Stage 5, views: an article highlighted with its findings (``show``), figures (``plots``) and a
one-page report. ``records`` shows long texts (evidence, quotations)
row by row. Views draw the kit's tables; they find nothing of their own. ``plots`` and
``report`` import matplotlib, so they are imported on use.
"""

from kit.views.highlight import show
from kit.views.records import records

__all__ = ["records", "show"]
