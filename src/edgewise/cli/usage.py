"""`edgewise usage`: totals from the ledger, share per tier, savings vs all-cloud."""
from __future__ import annotations

import re
import time

import typer

from edgewise.cli.common import fail


def _since(text: str | None) -> float:
    if not text:
        return 0.0
    m = re.fullmatch(r"(\d+)([smhdw])", text)
    if m:
        return time.time() - int(m[1]) * {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[m[2]]
    try:
        from datetime import datetime

        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        fail(f"--since {text!r}: use e.g. 30m, 12h, 7d or an ISO date")


def usage(since: str = typer.Option(None, help="Window: 30m, 12h, 7d or an ISO date."),
          ledger: str = typer.Option(None, help="Ledger file (default: config router.ledger or the data dir)."),
          json_out: bool = typer.Option(False, "--json"), config: str = typer.Option(None, "--config")):
    """Print request totals, the share per tier and the savings against sending everything to the cloud."""
    import json

    from rich.console import Console
    from rich.table import Table

    from edgewise.cli.common import load
    from edgewise.router.ledger import Ledger

    cfg = load(config)
    s = Ledger(ledger or cfg.router.get("ledger")).summary(_since(since))
    if json_out:
        print(json.dumps(s, indent=2))
        return
    t = Table("tier", "requests", "share", "cost (USD)")
    for tier, row in sorted(s["tiers"].items()):
        t.add_row(str(tier), str(row["requests"]), f"{row['share']:.0%}", f"{row['cost']:.6f}")
    c = Console()
    c.print(t)
    c.print(f"requests {s['requests']}  tokens {s['prompt_tokens']}+{s['completion_tokens']}  "
            f"cost ${s['cost']:.6f}  all-cloud ${s['cloud_cost']:.6f}  saved ${s['savings']:.6f}")
