"""`edgewise triage TEXT` prints the triage JSON."""
from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from edgewise.cli.triage import triage_cmd

app = typer.Typer()
app.command(name="triage")(triage_cmd)
app.command(name="noop")(lambda: None)  # two commands, so "triage" is a real subcommand


def test_cli_prints_json_unescaped():
    result = CliRunner().invoke(app, ["triage", "我爸爸胸口痛，喘不上气"])
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert out["level"] == "emergency"
    assert "120" in result.stdout  # ensure_ascii=False: Chinese stays readable


def test_cli_empty_text_exits_2():
    result = CliRunner().invoke(app, ["triage", " "])
    assert result.exit_code == 2
