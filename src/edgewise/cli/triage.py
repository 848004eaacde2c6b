"""`edgewise triage TEXT`: local medical pre-triage, printed as JSON."""
from __future__ import annotations

import json

import typer


def triage_cmd(text: str = typer.Argument(..., help="Symptoms in Chinese or English, e.g. \"胸痛，喘不上气\".")) -> None:
    """Pre-sort symptoms into self-care / clinic / emergency. Runs locally, never diagnoses."""
    from edgewise.triage import triage  # lazy: keeps `edgewise --help` fast

    try:
        result = triage(text)
    except ValueError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
