"""The JSON API (FastAPI) and, mounted on the same app, the dashboard: ``create_app(settings)``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pledgewatch.api.app import create_app as create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from pledgewatch.api.app import create_app

        return create_app
    raise AttributeError(name)
