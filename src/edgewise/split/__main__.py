"""`python -m edgewise.split rpc-server|plan|audit`: the split commands
without the main CLI (tests and benchmarks start real servers this way)."""
from __future__ import annotations

import typer

from edgewise.cli.split import audit, plan, rpc_server

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
app.command("rpc-server")(rpc_server)
app.command()(plan)
app.command()(audit)

if __name__ == "__main__":
    app()
