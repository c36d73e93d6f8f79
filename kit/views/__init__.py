"""Stage 5, views: an article highlighted with its findings (``show``), figures (``plots``) and a
one-page report. Views draw the kit's tables; they find nothing of their own. ``plots`` and
``report`` import matplotlib, so they are imported on use.
"""

from kit.views.highlight import show

__all__ = ["show"]
