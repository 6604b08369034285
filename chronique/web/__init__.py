"""`chronique serve`: the event store as a JSON API and dashboard pages (see `app`)."""

from __future__ import annotations

from chronique.web.app import create_app

__all__ = ["create_app"]
