"""Placeholder syntax: canonical `<TYPE_N>` plus tolerant matching of the
mangled forms models produce (`< person 1 >`, `[PERSON_1]`, `{Person1}`,
`【PERSON_1】`, bare `PERSON_1`).

Three regexes are built per set of entity types:
  match    - complete placeholders, bracketed or bare, case-insensitive;
  loose    - `TYPE sep digits` anywhere, no boundaries: used to reserve
             numbers already present in the input so ours never collide;
  partial  - the longest text at the end of a buffer that could still grow
             into a placeholder: what a stream must hold back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

OPEN = "<[{【〈《＜［｛"
CLOSE = ">]}】〉》＞］｝"
_WORD = r"[A-Za-z0-9_]"
GENERIC = re.compile(r"<\s*[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_[0-9]+\s*>")


def canonical(entity: str, n: int) -> str:
    return f"<{entity}_{n}>"


def _type_rx(entity: str, strict: bool) -> str:
    sep = "_" if strict else r"[\s_-]?"
    return sep.join(re.escape(p) for p in entity.split("_"))


def _nested(atoms: list[str]) -> str:
    """a1(?:a2(?:a3)?)? -- matches exactly the prefixes of a1 a2 a3 when
    every atom's language is closed under prefixes."""
    out = ""
    for atom in reversed(atoms):
        out = f"{atom}(?:{out})?" if out else atom
    return out


def _atoms(entity: str, strict: bool) -> list[str]:
    atoms: list[str] = []
    for i, part in enumerate(entity.split("_")):
        if i:
            atoms.append("_" if strict else r"[\s_-]?")
        atoms += [re.escape(c) for c in part]
    return atoms


@dataclass(frozen=True)
class Syntax:
    types: tuple[str, ...]
    match: re.Pattern
    loose: tuple[tuple[str, re.Pattern], ...]
    partial: re.Pattern
    window: int

    def parse(self, m: re.Match) -> tuple[str, int]:
        """(entity, number) of a `match` hit."""
        for i, t in enumerate(self.types):
            if m.group(f"b{i}") is not None:
                return t, int(m.group("bn"))
            if m.group(f"s{i}") is not None:
                return t, int(m.group("sn"))
        raise AssertionError("unreachable")

    def numbers_in(self, text: str) -> dict[str, set[int]]:
        """Every number that follows a type name anywhere in text, with all
        its digit prefixes (a value may start right after a digit)."""
        out: dict[str, set[int]] = {}
        for t, rx in self.loose:
            for m in rx.finditer(text):
                d = m.group(1)
                out.setdefault(t, set()).update(int(d[:k]) for k in range(1, min(len(d), 9) + 1))
        return out

    def hold_from(self, ctx: str, buf: str) -> int:
        """Index in buf from which text must be held back (len(buf): none)."""
        s = ctx + buf
        start = max(len(ctx), len(s) - self.window)
        m = self.partial.search(s, start)
        return len(buf) if m is None else m.start() - len(ctx)


@lru_cache(maxsize=64)
def syntax_for(types: tuple[str, ...]) -> Syntax:
    types = tuple(sorted(set(types), key=lambda t: (-len(t), t)))
    o, c = re.escape(OPEN), re.escape(CLOSE)
    br = "|".join(f"(?P<b{i}>{_type_rx(t, False)})" for i, t in enumerate(types))
    bare = "|".join(f"(?P<s{i}>{_type_rx(t, True)})" for i, t in enumerate(types))
    match = re.compile(
        rf"[{o}]\s{{0,2}}(?:{br})[\s_-]{{0,2}}(?P<bn>[0-9]{{1,6}})\s{{0,2}}[{c}]"
        rf"|(?<!{_WORD})(?:{bare})_(?P<sn>[0-9]{{1,6}})(?!{_WORD})", re.I)
    loose = tuple((t, re.compile(rf"{_type_rx(t, False)}[\s_-]{{0,2}}([0-9]+)", re.I))
                  for t in types)
    tail = [r"[\s_-]{0,2}", "[0-9]", "[0-9]{0,5}", r"\s{0,2}"]
    br_p = "|".join(_nested(_atoms(t, False) + tail) for t in types)
    bare_p = "|".join(_nested(_atoms(t, True) + ["_", "[0-9]", "[0-9]{0,5}"]) for t in types)
    partial = re.compile(
        rf"(?:[{o}](?:\s{{0,2}}(?:{br_p})?)?|(?<!{_WORD})(?:{bare_p}))\Z", re.I)
    window = 2 * max((len(t) for t in types), default=1) + 16
    return Syntax(types, match, loose, partial, window)
