"""Per-tier prices (pure).  Prices are USD per 1M tokens, from config ``prices``:

    prices:
      tier1: {input: 0.0,  output: 0.0}     # tiny local model
      tier2: {input: 0.0,  output: 0.0}     # local main model
      check: {input: 0.05, output: 0.20}    # remote verification of tier-2 tokens
      tier3: {input: 0.50, output: 1.50}    # the cloud

Users see one model name; each response is priced by the tier that served it.
"""
from __future__ import annotations

DEFAULT_PRICES = {
    "tier1": {"input": 0.0, "output": 0.0},
    "tier2": {"input": 0.0, "output": 0.0},
    "check": {"input": 0.05, "output": 0.20},
    "tier3": {"input": 0.50, "output": 1.50},
}


def table(config_prices: dict | None) -> dict:
    merged = {k: dict(v) for k, v in DEFAULT_PRICES.items()}
    for tier, p in (config_prices or {}).items():
        merged.setdefault(tier, {}).update(p or {})
    return merged


def cost(prices: dict, tier: int, prompt_tokens: int, completion_tokens: int, checked: bool = False,
         check_tokens: int = 0, check_written: int = 0) -> float:
    """USD for one request served at ``tier``; ``checked`` adds remote verification of tier-2 output,
    ``check_tokens`` an answer check (the node read that many tokens: remote input) and
    ``check_written`` the tokens the node wrote for it (a program check: remote output)."""
    p = prices[f"tier{tier}"]
    usd = (prompt_tokens * p["input"] + completion_tokens * p["output"] + check_tokens * prices["check"]["input"]
           + check_written * prices["check"]["output"])
    if checked and tier == 2:
        usd += prompt_tokens * prices["check"]["input"] + completion_tokens * prices["check"]["output"]
    return usd / 1e6


def cloud_cost(prices: dict, prompt_tokens: int, completion_tokens: int) -> float:
    """What the same tokens would have cost sent to the cloud: the savings baseline."""
    return cost(prices, 3, prompt_tokens, completion_tokens)
