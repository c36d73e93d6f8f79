"""Errors a reader can act on: in a notebook they show as one plain message, not a traceback."""


class PlainMessageError(Exception):
    """Base of the kit's user-facing errors; the message says what went wrong and what to do."""

    def _render_traceback_(self) -> list[str]:
        # IPython's hook for custom error display: the message alone, without frames a novice must decode.
        return [f"{type(self).__name__}: {self}"]
