"""DATE_OF_BIRTH: a real date, only when phrased as a birth date."""
from __future__ import annotations

import re
from datetime import date

from .base import Recognizer
from .numbers import real_date
from .public_figures import PUBLIC_FIGURES

_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split())}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_TRIGGER = (
    r"(?:出生(?:日期|年月日|年月|时间|于|在)?|出世(?:日期)?|生于|生日|诞辰"
    r"|(?i:d\.o\.b\.?|dob|date\s+of\s+birth|birth\s*date|birthday|born\s+on|born))"
)
# Up to a few non-digit filler chars between trigger and date: ': ', '是', '(公历)：'.
_GAP = r"[^0-9\n。；;!?！？]{0,14}?"
_DATES = (
    r"(?P<y1>(?:19|20)[0-9]{2})\s*[-/.年]\s*(?P<m1>[0-9]{1,2})\s*[-/.月]\s*(?P<d1>[0-9]{1,2})(?:\s*[日号])?",
    r"(?P<y2>(?:19|20)[0-9]{2})(?P<m2>[0-9]{2})(?P<d2>[0-9]{2})",
    r"(?P<a3>[0-9]{1,2})[/.-](?P<b3>[0-9]{1,2})[/.-](?P<y3>(?:19|20)[0-9]{2})",
    r"(?i:(?P<mn4>" + _MON + r")\s+(?P<d4>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?P<y4>(?:19|20)[0-9]{2}))",
    r"(?i:(?P<d5>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mn5>" + _MON + r"),?\s+(?P<y5>(?:19|20)[0-9]{2}))",
    # travel documents: 12-Aug-1965, 12APR71 (a two-digit year only ever after a cue)
    r"(?i:(?P<d6>[0-9]{1,2})[- ]?(?P<mn6>" + _MON + r")[- ]?(?P<y6>(?:19|20)?[0-9]{2}))",
    r"(?P<y7>[0-9]{2})\s*年\s*(?P<m7>[0-9]{1,2})\s*月\s*(?P<d7>[0-9]{1,2})\s*[日号]",  # 95年8月12号
    r"民国\s*(?P<y8>[0-9]{1,3})\s*年\s*(?P<m8>[0-9]{1,2})\s*月\s*(?P<d8>[0-9]{1,2})\s*[日号]",  # Taiwan: year + 1911
)
_PATTERN = re.compile(
    _TRIGGER + _GAP + r"(?<![0-9])(?P<v>" + "|".join(_DATES) + r")(?![0-9])")

# The cue may follow the date: 我是1985年7月23日出生的 / 1990.5.12生人.
# Found from the cue backwards: scanning every digit run for a date that
# might precede a cue would cost more than the whole remaining recognizer.
_AFTER_CUE = re.compile(r"出生|出世|生人|诞生|生的|(?<=[日号])生")
_DATE_BEFORE_CUE = re.compile(r"(?<![0-9])(?P<v>" + "|".join(_DATES) + r")\s*\Z")


def _date_ok(m: re.Match) -> bool:
    g = m.groupdict()
    if g["y1"]:
        return real_date(int(g["y1"]), int(g["m1"]), int(g["d1"]))
    if g["y2"]:
        return real_date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
    if g["y3"]:  # M/D/Y or D/M/Y: accept when either reading is a real date
        a, b, y = int(g["a3"]), int(g["b3"]), int(g["y3"])
        return real_date(y, a, b) or real_date(y, b, a)
    if g["y4"]:
        return real_date(int(g["y4"]), _MONTHS[g["mn4"].lower().rstrip(".")], int(g["d4"]))
    if g["y5"]:
        return real_date(int(g["y5"]), _MONTHS[g["mn5"].lower().rstrip(".")], int(g["d5"]))
    if g["y6"]:
        return real_date(_full_year(g["y6"]), _MONTHS[g["mn6"].lower().rstrip(".")], int(g["d6"]))
    if g["y7"]:
        return real_date(_full_year(g["y7"]), int(g["m7"]), int(g["d7"]))
    return real_date(int(g["y8"]) + 1911, int(g["m8"]), int(g["d8"]))


def _full_year(y: str) -> int:
    """A two-digit year is a birth year: never in the future."""
    if len(y) == 4:
        return int(y)
    return 2000 + int(y) if int(y) <= date.today().year % 100 else 1900 + int(y)


# A row that holds a mainland ID card also holds its birth date, whatever the
# column is called: "510107200102143819 | 2001-2-14", ('...','1988-03-21').
_CN_ID = re.compile(r"(?<![0-9])[1-9][0-9]{5}(?P<y>(?:19|20)[0-9]{2})(?P<m>[01][0-9])(?P<d>[0-3][0-9])[0-9]{3}[0-9Xx](?![0-9])")
_YMD = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s*[-/.年]\s*(?P<m>[0-9]{1,2})\s*[-/.月]\s*(?P<d>[0-9]{1,2})(?:\s*[日号])?(?![0-9])")


def birth_dates_beside_ids(text: str):
    for idm in _CN_ID.finditer(text):
        born = (int(idm["y"]), int(idm["m"]), int(idm["d"]))
        a = text.rfind("\n", 0, idm.start()) + 1
        b = text.find("\n", idm.end())
        b = len(text) if b < 0 else b
        for m in _YMD.finditer(text, a, b):
            if (int(m["y"]), int(m["m"]), int(m["d"])) == born:
                yield m.start(), m.end()


# Words after a date that make it a birth date.
_LATER_CUE = re.compile(r"星座|生肖|属相|几岁|多大了?|年龄|退休|生日|(?i:star sign|\bsign\b|zodiac|horoscope|how old|\bage\b|birthday|leap year)")
_NAME_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{2,6}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})[,，:：]?\s*\Z")
_EVENT_BEFORE = re.compile(r"(?:定在|定于|会议|开会|截止|日期|时间|发布|上线|(?i:deadline|due|date|until|release[ds]?|meeting|event))[,，:：]?\s*\Z")


def _after_a_name(text: str, start: int) -> bool:
    """The date follows a name directly ("陈静怡 1995.3.8", "Priya Raman 1993-07-21"), not an event."""
    before = text[max(0, start - 20):start]
    return bool(_NAME_BEFORE.search(before)) and not _EVENT_BEFORE.search(before)


_ANY_DATE = re.compile(r"(?<![0-9])(?P<v>" + "|".join(_DATES[:5]) + r")(?![0-9])")


_FIGURES = frozenset(n for n in PUBLIC_FIGURES if " " in n or not n.isascii())  # full names only


def _about_public_figure(text: str, start: int) -> bool:
    before = text[max(0, start - 80):start].lower()
    return any(name in before for name in _FIGURES)


class DateOfBirth(Recognizer):
    entity = "DATE_OF_BIRTH"
    patterns = (_PATTERN,)
    base_score = 0.9
    code_factor = 0.5

    def find(self, text):
        # a famous person's birthday in a question about them is not private (Taylor Swift, 马云)
        return [sp for sp in super().find(text) if not _about_public_figure(text, sp.start)]

    def candidates(self, text):
        for m in _AFTER_CUE.finditer(text):
            d = _DATE_BEFORE_CUE.search(text, max(0, m.start() - 24), m.start())
            if d and _date_ok(d):
                yield d.start("v"), d.end("v"), self.base_score
        if sum(c.isdigit() for c in text) >= 26:  # an 18-digit id and a date
            for s, e in birth_dates_beside_ids(text):
                yield s, e, self.base_score
        if _LATER_CUE.search(text):  # "陈静怡 1995.3.8 帮我算下星座", "1993-07-21 — what's her sign"
            for m in _ANY_DATE.finditer(text):
                if _date_ok(m) and _LATER_CUE.search(text, m.end(), m.end() + 24) and _after_a_name(text, m.start()):
                    yield m.start("v"), m.end("v"), self.base_score
        if not _has_trigger(text):
            return
        for m in _PATTERN.finditer(text):
            if _date_ok(m):
                yield m.start("v"), m.end("v"), self.base_score


_QUICK = ("出生", "出世", "生于", "生日", "诞辰", "dob", "d.o.b", "birth", "born")


def _has_trigger(text: str) -> bool:
    low = text.lower()
    return any(k in low for k in _QUICK)
