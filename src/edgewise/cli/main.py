"""Entry point: `edgewise COMMAND`."""
from __future__ import annotations

import typer

from edgewise.cli import gateway as gateway_cmd
from edgewise.cli import grade as grade_cmd
from edgewise.cli import models as models_cmd
from edgewise.cli import pii as pii_cmd
from edgewise.cli import run as run_cmd
from edgewise.cli import serve as serve_cmd
from edgewise.cli import split as split_cmd
from edgewise.cli import triage as triage_cmd
from edgewise.cli import usage as usage_cmd

app = typer.Typer(help="edgewise: big-model answers on a laptop, private by default.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)
app.add_typer(models_cmd.app, name="models")
app.add_typer(pii_cmd.app, name="pii")
app.command()(run_cmd.run)
app.command()(run_cmd.chat)
app.command()(gateway_cmd.gateway)
app.command()(serve_cmd.serve)
app.command()(usage_cmd.usage)
app.command(name="rpc-server")(split_cmd.rpc_server)
app.command()(split_cmd.plan)
app.command()(split_cmd.audit)
app.command(name="triage")(triage_cmd.triage_cmd)
app.command()(grade_cmd.grade)
router_app = typer.Typer(help="Routing: per-deployment calibration.", no_args_is_help=True)
router_app.command()(grade_cmd.calibrate)
app.add_typer(router_app, name="router")

if __name__ == "__main__":
    app()
