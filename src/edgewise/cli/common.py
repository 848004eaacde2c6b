"""Helpers shared by CLI commands: config loading and clean error exits."""
from __future__ import annotations

import sys
from contextlib import contextmanager

import typer
from rich.console import Console

err = Console(stderr=True, highlight=False)


def fail(message: str, code: int = 1):
    err.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code)


@contextmanager
def user_errors():
    """Turn expected failures (bad config, missing model, auth) into one line and exit 1."""
    from edgewise.config import ConfigError
    from edgewise.edge.node_link import NodeDown, NodeError
    from edgewise.engine import EngineError
    from edgewise.store import StoreError

    try:
        yield
    except (ConfigError, StoreError, EngineError, NodeError, NodeDown) as e:
        fail(str(e))
    except KeyboardInterrupt:
        err.print("[dim]interrupted[/]")
        raise typer.Exit(130)


def load(config: str | None, **overrides):
    from edgewise.config import load_config

    return load_config(config, overrides)


def is_tty() -> bool:
    return sys.stdout.isatty()
