"""PII said rather than typed (voice input, dictation, people who avoid digits):
"four one five, five five five, zero one nine nine", "幺三八 幺二三四 五六七八",
"sarah dot oneil at gmail dot com", "九零年三月五号", "北京市海淀区中关村大街二十七号".

`spoken_form` rewrites such runs into the written form the recognizers know,
keeping for every output character the span of the input it came from, so a
span found in the rewrite maps back onto the original words.  Only runs are
rewritten (three or more digit words, a Chinese numeral run next to an
address or date marker, an email or IP said aloud), so "one of them" stays.
Pure: no I/O.
"""
from __future__ import annotations

import re

_DIGIT_WORDS = {"zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             "twentieth": 20, "thirtieth": 30}
_NUMBER_WORD = "|".join(sorted([*_DIGIT_WORDS, *_TEENS, *_TENS, *_ORDINALS, "hundred", "thousand", "double", "triple"],
                               key=len, reverse=True))
# a run of number words, with the separators people say between groups
_EN_RUN = re.compile(rf"(?i)\b(?:{_NUMBER_WORD})(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and[ \t]+|dash[ \t]+|-[ \t]*)?|-)"
                     rf"(?:{_NUMBER_WORD}))+\b")
_WORD = re.compile(r"[A-Za-z]+|,|-")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "幺": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_NUM = "零〇一幺二两三四五六七八九十百"
# Chinese numerals said for a phone, an id or a card (7+ digits, maybe grouped),
# or next to a date or address marker (二十七号, 三号楼, 一二零二室, 九零年三月五号).
_CN_RUN = re.compile(rf"[{_CN_NUM}](?:[ ，,]?[{_CN_NUM}]){{6,}}|[{_CN_NUM}]{{1,6}}(?=年|月|日|号|號|栋|幢|楼|樓|室|层|单元|弄|座)"
                     rf"|(?:(?<=[栋幢楼樓座])|(?<=单元))[{_CN_NUM}]{{3,4}}|(?<=月)[{_CN_NUM}]{{1,3}}(?=日|号|號)")

_EMAIL = re.compile(r"(?i)\b[a-z0-9][a-z0-9._]*(?:[ \t]+(?:dot|underscore|点)[ \t]+[a-z0-9]+)*[ \t]+(?:at|艾特|@)[ \t]+"
                    r"[a-z0-9-]+(?:[ \t]+(?:dot|点)[ \t]+[a-z0-9-]+|\.[a-z0-9-]+)*(?:[ \t]+(?:dot|点)[ \t]+|\.)"
                    r"(?:com|net|org|cn|io|me|co|uk|edu|gov|de|fr|jp|hk|tw|sg|au|ca|in|info|biz|ai|app|dev)\b")
_IP = re.compile(r"\b\d{1,3}(?:[ \t]+(?:dot|点)[ \t]+\d{1,3}){3}\b")
# single characters said one by one: "d 4 5 6 2 8 9 1", "8 G H J 2 1 4"
_SPACED = re.compile(r"(?<![A-Za-z0-9])(?:[A-Za-z0-9] ){4,}[A-Za-z0-9](?![A-Za-z0-9])")
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# a lone ordinal in a date: "the fifth of march", "march fifth"
_ORD_DATE = re.compile(rf"(?i)\b(?:the )?(?P<o>{'|'.join(_ORDINALS)})(?= of (?:{_MONTHS})\b)")
_HAN_DIGIT_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[0-9])|(?<=[0-9]) (?=[\u4e00-\u9fff])")
_PLUS = re.compile(r"(?i)\bplus[ \t]+(?=\d)")


def _en_value(words: list[str]) -> str | None:
    """Digits for a run of English number words: digit by digit for phones and ids
    ("four one five"), a year for two pairs ("nineteen ninety"), else a cardinal."""
    low = [w.lower() for w in words if w not in (",", "-", "dash", "and")]
    parts, i = [], 0
    while i < len(low):
        w = low[i]
        if w in ("double", "triple") and i + 1 < len(low) and low[i + 1] in _DIGIT_WORDS:
            parts.extend(str(_DIGIT_WORDS[low[i + 1]]) * (2 if w == "double" else 3))
            i += 2
            continue
        n, i = _cardinal(low, i)
        if n is None:
            return None
        parts.append(n)
    if all(len(p) == 1 for p in parts):
        return "".join(parts)  # said digit by digit: a phone, an id
    out = []
    for p in parts:  # "nineteen eighty seven" -> 1987; otherwise numbers stay apart
        if out and out[-1] in ("19", "20") and len(p) == 2:
            out[-1] += p
        else:
            out.append(p)
    return " ".join(out)


def _cardinal(low: list[str], i: int) -> tuple[str | None, int]:
    """One number starting at low[i]: 'four hundred and eight' -> 408, 'twenty first' -> 21."""
    w = low[i]
    if w in _DIGIT_WORDS and not (i + 1 < len(low) and low[i + 1] in ("hundred", "thousand")):
        return str(_DIGIT_WORDS[w]), i + 1
    total, cur = 0, 0
    while i < len(low):
        w = low[i]
        if w in _DIGIT_WORDS:
            cur += _DIGIT_WORDS[w]
        elif w in _TEENS:
            if cur:  # "nineteen ninety": two pairs make a year
                break
            cur += _TEENS[w]
        elif w in _TENS:
            if cur % 100:
                break
            cur += _TENS[w]
        elif w in _ORDINALS:
            cur += _ORDINALS[w]
            i += 1
            break
        elif w == "hundred":
            cur = (cur or 1) * 100
        elif w == "thousand":
            total, cur = total + (cur or 1) * 1000, 0
        else:
            return None, i
        i += 1
        if i < len(low) and low[i] in _DIGIT_WORDS and cur % 10 and cur < 100:
            break  # "twenty one two": a new number starts
    return str(total + cur), i


def _cn_value(s: str) -> str:
    """九零 -> 90, 二十七 -> 27, 五百 -> 500, 幺三八 -> 138 (digit by digit unless 十/百 are said)."""
    s = s.replace(" ", " ").replace("，", " ").replace(",", " ")
    if "十" not in s and "百" not in s:
        return "".join(str(_CN_DIGITS[c]) if c in _CN_DIGITS else c for c in s)
    n, cur = 0, 0
    for c in s:
        if c in _CN_DIGITS:
            cur = _CN_DIGITS[c]
        elif c == "十":
            n += (cur or 1) * 10
            cur = 0
        elif c == "百":
            n += (cur or 1) * 100
            cur = 0
    return str(n + cur)


def spoken_form(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """(rewritten text, source span of each rewritten char), or None when nothing is said aloud."""
    edits = []  # (start, end, replacement)
    for m in _EN_RUN.finditer(text):
        words = _WORD.findall(m.group())
        if sum(w.lower() in _DIGIT_WORDS or w.lower() in _TEENS or w.lower() in _TENS or w.lower() in _ORDINALS
               for w in words) < 2:
            continue
        v = _en_value(words)
        if v:
            edits.append((m.start(), m.end(), _regroup(m.group(), v)))
    for m in _CN_RUN.finditer(text):
        edits.append((m.start(), m.end(), _cn_value(m.group())))
    for rx, fix in ((_EMAIL, _email), (_IP, _ip), (_SPACED, lambda s: s.replace(" ", ""))):
        for m in rx.finditer(text):
            edits.append((m.start(), m.end(), fix(m.group())))
    for m in _HAN_DIGIT_SPACE.finditer(text):  # 文三路 388 号 5 幢 602
        edits.append((m.start(), m.end(), ""))
    for m in _ORD_DATE.finditer(text):
        edits.append((m.start(), m.end(), str(_ORDINALS[m.group("o").lower()])))
    if not edits:
        return None
    out, src = _apply(text, edits)
    plus = [(m.start(), m.end()) for m in _PLUS.finditer(out)]  # "plus 44 ..." once the digits are written
    for a, b in reversed(plus):
        out, src = out[:a] + "+" + out[b:], src[:a] + [(src[a][0], src[b - 1][1])] + src[b:]
    return out, src


def _regroup(said: str, digits: str) -> str:
    """Keep the speaker's grouping: commas and dashes between groups become spaces or dashes."""
    groups = [g for g in re.split(r"\s*,\s*|\s+dash\s+|\s*-\s*", said) if g.strip()]
    if len(groups) < 2:
        return digits
    sizes = [len(_en_value(_WORD.findall(g)) or "") for g in groups]
    if sum(sizes) != len(digits) or 0 in sizes:
        return digits
    sep = "-" if "dash" in said or "-" in said else " "
    out, pos = [], 0
    for n in sizes:
        out.append(digits[pos:pos + n])
        pos += n
    return sep.join(out)


def _email(s: str) -> str:
    s = re.sub(r"(?i)[ \t]+(?:dot|点)[ \t]+|[ \t]*\.[ \t]*", ".", s)
    s = re.sub(r"(?i)[ \t]+underscore[ \t]+", "_", s)
    return re.sub(r"(?i)[ \t]+(?:at|艾特|@)[ \t]+", "@", s)


def _ip(s: str) -> str:
    return re.sub(r"[ \t]+(?:dot|点)[ \t]+", ".", s)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int]]]:
    out, src, pos = [], [], 0
    for s, e, rep in sorted(edits):
        if s < pos:
            continue  # overlapping edits: the first wins
        for k in range(pos, s):
            out.append(text[k])
            src.append((k, k + 1))
        for c in rep:
            out.append(c)
            src.append((s, e))
        pos = e
    for k in range(pos, len(text)):
        out.append(text[k])
        src.append((k, k + 1))
    return "".join(out), src


# Names spelled out letter by letter after a cue: "that's P-A-T-E-L".
SPELLED = re.compile(r"(?i)(?:spell\w*|that's|that is|surname|last name|name is|name's)[ \t:,]*(?:it[ \t]*)?"
                     r"(?P<v>(?<![A-Za-z-])[A-Za-z](?:[ \t]?-[ \t]?[A-Za-z]){2,})(?![A-Za-z-])")
