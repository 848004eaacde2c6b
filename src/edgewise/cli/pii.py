"""`edgewise pii scan`: find personal data in text on stdin (JSON spans)."""
from __future__ import annotations

import sys

import typer

app = typer.Typer(help="Personal-data tools (all local).", no_args_is_help=True)


@app.command()
def scan():
    """Read text on stdin; print [{"start","end","type","text"}] with str offsets."""
    from edgewise.privacy.cli_scan import scan_json

    print(scan_json(sys.stdin.read()))


@app.command()
def level(text: str = typer.Argument(None, help="Text (default: stdin).")):
    """Print the privacy level (none | pii | sensitive) and why."""
    import json

    from edgewise.privacy import privacy_level

    v = privacy_level([{"role": "user", "content": text if text is not None else sys.stdin.read()}])
    print(json.dumps({"level": v.level, "reasons": v.reasons}, ensure_ascii=False))
