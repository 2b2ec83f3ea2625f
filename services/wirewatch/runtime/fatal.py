"""End a stage worker at once when a batch it consumed cannot be delivered.

At-least-once rests on one rule: offsets are committed only for records whose outputs the
broker has acknowledged. When delivery fails, the safe move is to stop before anything else
runs (no ``finally``, no commit); the supervisor or Kubernetes restarts the worker, and the
records are read again from the last commit.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback

log = logging.getLogger(__name__)

#: Exit status of a worker that could not deliver a batch's outputs (EX_SOFTWARE).
EXIT_UNDELIVERED = 70


def exit_unacked(reason: str) -> None:
    """End the process now: no ``finally`` may run, or the failed batch could be committed."""
    log.critical(reason, exc_info=True)
    for handler in logging.getLogger().handlers:
        handler.flush()
    # Also straight to stderr: the process ends before any logging thread or buffer would flush.
    print(f"wirewatch: {reason}", file=sys.stderr)
    traceback.print_exc(file=sys.stderr)
    sys.stderr.flush()
    os._exit(EXIT_UNDELIVERED)
