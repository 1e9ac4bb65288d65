"""How the language server writes to its log (standard error, which editors
keep as the server's output panel).

pygls logs a malformed message from the editor, and we log a check that
failed, with the exception: Python's default handler would print the whole
traceback there. Each is one line instead, naming what failed and why; the
editor is also told (a diagnostic, or pygls's `window/showMessage`).
"""

from __future__ import annotations

import logging
import sys


class OneLineFormatter(logging.Formatter):
    """`lettercheck lsp: error: <message>: <ExceptionType>: <reason>`, no stack."""

    def format(self, record: logging.LogRecord) -> str:
        text = f"lettercheck lsp: {record.levelname.lower()}: {record.getMessage()}"
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            reason = " ".join(str(error).split()) or "no details"
            text += f": {type(error).__name__}: {reason}"
        return text.replace("\n", " ")


def log_one_line_per_problem() -> None:
    """Send warnings and errors of every logger to standard error, one line each."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLineFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
