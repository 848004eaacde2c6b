"""A SQLite ledger of every routed request (a real file, by default
``$XDG_DATA_HOME/edgewise/ledger.sqlite``).  Only counts and labels are
stored, never prompt or answer text."""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from edgewise.config import data_dir

SCHEMA = """CREATE TABLE IF NOT EXISTS requests (
  id INTEGER PRIMARY KEY, ts REAL NOT NULL, tier INTEGER NOT NULL, model TEXT, served_by TEXT,
  prompt_tokens INTEGER, completion_tokens INTEGER, local_tokens INTEGER, remote_tokens INTEGER,
  cost REAL, cloud_cost REAL, privacy TEXT, redacted INTEGER, ms REAL)"""
COLUMNS = ("ts", "tier", "model", "served_by", "prompt_tokens", "completion_tokens", "local_tokens",
           "remote_tokens", "cost", "cloud_cost", "privacy", "redacted", "ms")


def default_path() -> Path:
    return data_dir() / "ledger.sqlite"


class Ledger:
    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute(SCHEMA)

    def _db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)  # one connection per call: safe across threads

    def record(self, **row) -> None:
        row.setdefault("ts", time.time())
        values = [row.get(c) for c in COLUMNS]
        with self._db() as db:
            db.execute(f"INSERT INTO requests ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                       values)

    def summary(self, since: float = 0.0) -> dict:
        with self._db() as db:
            total = db.execute("SELECT COUNT(*), COALESCE(SUM(cost),0), COALESCE(SUM(cloud_cost),0), "
                               "COALESCE(SUM(prompt_tokens),0), COALESCE(SUM(completion_tokens),0) "
                               "FROM requests WHERE ts >= ?", (since,)).fetchone()
            tiers = db.execute("SELECT tier, COUNT(*), COALESCE(SUM(cost),0) FROM requests WHERE ts >= ? "
                               "GROUP BY tier ORDER BY tier", (since,)).fetchall()
            privacy = db.execute("SELECT privacy, COUNT(*), SUM(redacted) FROM requests WHERE ts >= ? "
                                 "GROUP BY privacy", (since,)).fetchall()
        n, cost, cloud, p_tok, c_tok = total
        return {"requests": n, "cost": cost, "cloud_cost": cloud, "savings": cloud - cost,
                "prompt_tokens": p_tok, "completion_tokens": c_tok,
                "tiers": {t: {"requests": c, "share": c / n if n else 0.0, "cost": s} for t, c, s in tiers},
                "privacy": {lvl or "none": {"requests": c, "redacted": r or 0} for lvl, c, r in privacy}}
