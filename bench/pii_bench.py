"""PII scan / privacy_level benchmark.

    python bench/pii_bench.py [--requests 300] [--out bench/results/pii.json]

Measures, on 500-char Chinese and English requests (prose from the topic
dataset with PII sprinkled in):
  - cold start: first Chinese scan in this process (jieba dictionary load),
    first privacy_level (topic model load) -- reported separately;
  - warm scan latency p50/p95 and throughput (KB/s of UTF-8 input);
  - warm privacy_level and redact+restore latency.
Goal: scan < 5 ms per 500-char request.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import time
from importlib import resources
from pathlib import Path

T0 = time.perf_counter()
from edgewise.privacy import PrivacySession, privacy_level, redact, restore, scan  # noqa: E402

IMPORT_S = time.perf_counter() - T0
REQUEST_CHARS = 500
PII = {
    "zh": ["联系人：张伟，手机13812345678。", "身份证号11010519491231002X。", "收货地址：北京市朝阳区建国路88号。",
           "邮箱 wei.zhang@example.com。", "卡号6222 0200 0000 0000 018。", "我叫欧阳娜娜，生日是1990年3月7日。"],
    "en": ["Contact John Smith at john@example.com. ", "My SSN is 536-22-5678. ",
           "Ship to 1600 Main Street, Springfield, IL 62704. ", "Card 4111 1111 1111 1111. ",
           "Server 203.0.113.9 logged in. ", "Date of birth: March 5, 1978. "],
}


def corpus(lang: str) -> str:
    ref = resources.files("edgewise").joinpath("data", "privacy", "topics.jsonl")
    rows = [json.loads(x) for x in ref.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(0)
    parts = []
    for r in rows:
        if r["lang"] == lang:
            parts.append(r["text"])
            if rng.random() < 0.25:
                parts.append(rng.choice(PII[lang]))
    return ("" if lang == "zh" else " ").join(parts)


def requests(lang: str, n: int) -> list[str]:
    text = corpus(lang)
    rng = random.Random(1)
    return [text[i:i + REQUEST_CHARS] for i in
            (rng.randrange(0, len(text) - REQUEST_CHARS) for _ in range(n))]


def timed(fn, items) -> list[float]:
    out = []
    for x in items:
        t = time.perf_counter()
        fn(x)
        out.append((time.perf_counter() - t) * 1000)
    return out


def summary(ms: list[float], reqs: list[str] | None = None) -> dict:
    qs = statistics.quantiles(ms, n=100)
    res = {"p50_ms": round(qs[49], 3), "p95_ms": round(qs[94], 3), "mean_ms": round(statistics.fmean(ms), 3)}
    if reqs:
        kb = sum(len(r.encode()) for r in reqs) / 1024
        res["kb_per_s"] = round(kb / (sum(ms) / 1000), 1)
    return res


def roundtrip(text: str) -> None:
    s = PrivacySession()
    red, _ = redact(text, s)
    restore(red, s)


def run(n: int) -> dict:
    zh, en = requests("zh", n), requests("en", n)
    t = time.perf_counter()
    scan(zh[0])
    cold_scan = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    privacy_level(en[0])
    cold_level = (time.perf_counter() - t) * 1000
    for r in zh[:20] + en[:20]:  # warm caches
        scan(r)
        privacy_level(r)
    res = {"cold": {"import_ms": round(IMPORT_S * 1000, 1),
                    "first_zh_scan_ms_incl_jieba_init": round(cold_scan, 1),
                    "first_privacy_level_ms_incl_model_load": round(cold_level, 1)}}
    for lang, reqs in (("zh", zh), ("en", en)):
        res[f"scan_{lang}"] = summary(timed(scan, reqs), reqs)
        res[f"privacy_level_{lang}"] = summary(timed(privacy_level, reqs), reqs)
        res[f"redact_restore_{lang}"] = summary(timed(roundtrip, reqs), reqs)
        res[f"spans_per_request_{lang}"] = round(statistics.fmean(len(scan(r)) for r in reqs), 2)
    return res


def machine() -> dict:
    return {"platform": platform.platform(), "machine": platform.machine(),
            "processor": platform.processor() or "unknown", "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")}


def table(res: dict) -> str:
    lines = [f"{'measure':<22}{'p50 ms':>9}{'p95 ms':>9}{'mean ms':>9}{'KB/s':>9}"]
    for key, v in res.items():
        if isinstance(v, dict) and "p50_ms" in v:
            lines.append(f"{key:<22}{v['p50_ms']:>9.2f}{v['p95_ms']:>9.2f}{v['mean_ms']:>9.2f}"
                         f"{v.get('kb_per_s', 0):>9.0f}")
    lines += [f"{k}: {v}" for k, v in res["cold"].items()]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "pii.json")
    args = ap.parse_args()
    res = run(args.requests)
    report = {"machine": machine(), "request_chars": REQUEST_CHARS, "requests": args.requests,
              "goal": "scan < 5 ms per 500-char request (warm)",
              "goal_met": max(res["scan_zh"]["p95_ms"], res["scan_en"]["p95_ms"]) < 5.0, **res}
    m = report["machine"]
    print(f"{m['platform']} | {m['cpu_count']} CPUs | Python {m['python']} | {m['date']}")
    print(table(res))
    print(f"goal met (p95 < 5 ms): {report['goal_met']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
