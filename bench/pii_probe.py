"""How much PII blind probes leak: recall of `scan` on chat messages written by
someone who had not read the recognizers.  data/privacy/probe.jsonl: 150
messages (75 en, 75 zh), 299 labelled values, 30 with only look-alikes.
data/privacy/probe3.jsonl: 120 more (60/60), 264 values, 25 look-alike-only,
aimed at names of many cultures, titles and nicknames, and many address formats.
data/privacy/probe4.jsonl: 100 more (50/50), 337 values, 20 look-alike-only:
chat logs, email headers, pasted tables.  data/privacy/probe5.jsonl: 100 plain
one- or two-sentence requests (50/50), 122 values, 20 look-alike-only.  data/privacy/probe11.jsonl: 100 requests of a random
day (letters, forms, speeches, reports, bookings), 186 values, 20 look-alike-only.
data/privacy/probe12.jsonl: 100 health and family messages (record numbers,
policies, relatives, doctors), 162 values, 20 look-alike-only.
data/privacy/probe13.jsonl: 100 work and business messages (HR, CRM, tickets,
logistics, recruitment), 224 values, 20 look-alike-only.
data/privacy/probe14.jsonl: 100 one-line requests with the value at the start or
end, 114 values, 20 look-alike-only (of them, famous example values: 4111 1111
1111 1111, user@example.com, 13800138000, which are deliberately still redacted).
data/privacy/probe6.jsonl: 100 pasted documents of 3-10 lines (50/50: discharge
summaries, CVs, contracts, incident reports, 病历, 简历, 快递单, group chats), 497
values, 15 look-alike-only.  data/privacy/probe7.jsonl: 100 short chat messages
(40 en / 60 zh, Traditional Chinese and Hong Kong/Taiwan formats among them), 164
values, 20 look-alike-only.  Labels that kept an honorific (李先生, 陈老师) were cut
to the name: redacting 李 leaks nothing of 李先生.  data/privacy/probe8.jsonl: 100
technical pastes (50/50: JSON and XML payloads, SQL, CSV and tab-separated rows,
logs, git log, config), 396 values, 15 look-alike-only.  data/privacy/probe9.jsonl:
100 requests as voice input types them (50/50: numbers said as words, "dot"/"at"
emails, 幺三八, spelled names, pinyin), 140 values, 15 look-alike-only.
data/privacy/probe10.jsonl: 100 code-switched and social messages (Chinese with
English, Singapore/Malaysia/Hong Kong styles, listings, invitations), 236
values, 20 look-alike-only.

A value counts as caught when one span covers all of it, whatever its type (a
redacted value leaks nothing).  Also reported: look-alike messages flagged and
spans that cover no labelled value.  First pass (2026-11-27, before the fixes
it prompted): recall 0.70, PERSON 0.50 (69/139).  Third probe, first pass (after
the second's fixes): recall 0.78, PERSON 0.66, ADDRESS 0.50.  Fourth, first pass
(after the third's): recall 0.79, PERSON 0.68, DATE_OF_BIRTH 0.52 (names and
dates in tables and chat labels).  Fifth (after the fourth's): recall 0.84,
PERSON 0.73 (lowercase names after verbs, 闺蜜/我爸/帮X as cues).  Sixth (after
the fifth's): recall 0.77, PERSON 0.68, ADDRESS 0.65, ID_NUMBER 0.68 (labelled
fields, chat logs, regional ids).  Seventh: recall 0.59, PERSON 0.47, ADDRESS
0.38 (Traditional characters were not folded; HK/TW ids and phones; bare given
names).  Eighth (after the seventh's): recall 0.64, PERSON 0.50, DATE_OF_BIRTH
0.41, ID_NUMBER 0.42 (values in code were scored as identifiers; keys and table
columns were not read).  Ninth: recall 0.44 (nothing said aloud was read:
"four one five ...", "sarah dot oneil at gmail dot com", 九零年三月五号).  Tenth:
recall 0.78, ADDRESS 0.41, PERSON 0.71, and 9 of 20 look-alikes flagged (role
mailboxes, 400 hotlines, 高中同学, stars).  Eleventh: recall 0.81, ID_NUMBER 0.61, 8 of
20 look-alikes flagged (a star's birthday, helpdesk numbers, 8.8.8.8).  Twelfth:
recall 0.84, ID_NUMBER 0.39 (MRN, 住院号, 病案号, 保单号, member ids), 4 of 20
look-alikes flagged (hospital switchboards, famous doctors).  Thirteenth:
recall 0.82, ID_NUMBER 0.56 (employee ids, 工号, 学号), PERSON 0.78 (word names
such as Grace, Hope and Faith after a role).  Fourteenth: recall 0.86,
DATE_OF_BIRTH 0.67 (a date right after a name, asked about as a birthday).

    .venv/bin/python -m bench.pii_probe
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from bench.common import machine, table, write
from edgewise.privacy import scan

DATA = Path(__file__).resolve().parent.parent / "src" / "edgewise" / "data" / "privacy"
PROBES = ("probe.jsonl", "probe3.jsonl", "probe4.jsonl", "probe5.jsonl", "probe6.jsonl", "probe7.jsonl", "probe8.jsonl", "probe9.jsonl", "probe10.jsonl", "probe11.jsonl", "probe12.jsonl", "probe13.jsonl", "probe14.jsonl")


def caught(text: str, value: str, spans) -> bool:
    s = text.index(value)
    return any(sp.start <= s and sp.end >= s + len(value) for sp in spans)


def main() -> None:
    results = {name: measure(name) for name in PROBES}
    path = write("pii_probe", {"machine": machine(), "probes": results})
    print(f"wrote {path}")


def measure(name: str) -> dict:
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    hit, total, misses, stray, flagged = Counter(), Counter(), [], 0, 0
    for r in rows:
        text, spans = r["text"], scan(r["text"])
        for p in r["pii"]:
            total[(r["lang"], p["type"])] += 1
            if caught(text, p["value"], spans):
                hit[(r["lang"], p["type"])] += 1
            else:
                misses.append(f'{r["lang"]} {p["type"]}: {p["value"]}')
        starts = [text.index(p["value"]) for p in r["pii"]]
        stray += sum(not any(sp.start < s + len(p["value"]) and s < sp.end for s, p in zip(starts, r["pii"]))
                     for sp in spans)
        flagged += bool(spans) and not r["pii"]
    out = []
    for lang in ("en", "zh", "all"):
        for kind in sorted({k for _, k in total}) + ["all"]:
            keys = [k for k in total if (lang == "all" or k[0] == lang) and (kind == "all" or k[1] == kind)]
            n = sum(total[k] for k in keys)
            if n:
                out.append({"lang": lang, "type": kind, "n": n, "recall": round(sum(hit[k] for k in keys) / n, 3)})
    print(f"== {name}: {len(rows)} messages")
    print(table(out, ["lang", "type", "n", "recall"]))
    clean = sum(not r["pii"] for r in rows)
    print(f"look-alike messages flagged: {flagged}/{clean}; spans covering no labelled value: {stray}")
    print("missed:", *misses, sep="\n  ")
    return {"messages": len(rows), "recall": out, "lookalikes_flagged": flagged, "lookalike_messages": clean,
            "stray_spans": stray, "missed": misses}


if __name__ == "__main__":
    main()
