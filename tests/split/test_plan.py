"""`edgewise plan`: the link measurement over a real tunnel, and the report."""
from __future__ import annotations

import subprocess
import sys

from tests.split.conftest import TOKEN

MEASURED = {"model": "m", "rpc": "node:1", "n_layers": 28, "remote_layers_measured": 28, "rtt_ms": 20.0,
            "bandwidth_mbps": 100.0, "local_ms_per_token": 80.0, "local_ms_per_layer": 2.5, "local_fixed_ms": 10.0,
            "remote_ms_per_layer": 1.0, "layer_mb": 30.0, "kv_mb_per_layer": 2.0, "fixed_mb": 400.0,
            "local_rss_mb": 1200.0, "mem_available_mb": 8000.0,
            "split": {"ms_per_token": 60.0, "bytes_per_token": 36000, "turns_per_token": 1.0}}


def test_link_measures_rtt_and_bandwidth(rpc):
    from edgewise.split.plan import link

    rtt, bw = link(rpc, TOKEN, pings=5, payload=1 << 20)
    assert 0 < rtt < 50
    assert bw > 10  # Mbit/s, loopback through TLS in Python


def test_report_recommends_and_prints_the_command():
    from edgewise.split.plan import as_json, report

    text = report(MEASURED, target_tps=15.0)
    assert "<-" in text and "edgewise run --rpc node:1 --remote-layers" in text
    assert as_json(MEASURED, target_tps=15.0)["recommendation"]["feasible"]
    text = report(MEASURED)  # fastest: all remote (10 + 20 + 2.9 + 28 < 80), with the embeddings warning
    assert "keep 0 layers local" in text and "raw token embeddings" in text
    assert "do not split" in report(MEASURED, mem_cap_mb=10_000)  # everything fits: keep it all local


def test_module_entry_point_lists_the_commands():
    out = subprocess.run([sys.executable, "-m", "edgewise.split", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    for cmd in ("rpc-server", "plan", "audit"):
        assert cmd in out.stdout
