"""`briefing serve`: ask for a brief, read the archive and review editions in a browser.

A small server-rendered Starlette app over the library the CLI calls: `search` for the
sources a query matches, `build` (in a worker thread) for on-demand briefs, the state file for
the schedule and the ledger, `review` for edits and approvals.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from briefing.serve.security import is_loopback, token_for

__all__ = ["serve"]


def serve(config_paths: list[Path], *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the app for these configs until interrupted."""
    token = token_for(host, dict(os.environ))  # before anything is loaded: refuse early
    # Builds run in a thread beside the server's; a process forked from threads may inherit
    # a lock another thread held, so parsing pools start from a clean fork server instead.
    multiprocessing.set_start_method("forkserver", force=True)
    import uvicorn

    from briefing.serve.app import create_app

    app = create_app(config_paths, token=token, loopback=is_loopback(host))
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
