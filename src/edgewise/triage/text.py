"""Text helpers shared by the red-flag rules and the classifier features.

Pure functions, no I/O. Everything downstream works on the string returned by
normalise(); spans are offsets into that string.
"""
from __future__ import annotations

import re
import unicodedata

from ..algo.t2s import to_simplified

_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[a-z]+")

# --- normalisation ---------------------------------------------------------

_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = re.compile(r"[零一二两三四五六七八九十]+(?=\s*(?:个|天|日|周|星期|岁|小时|钟头|年|月|分钟|度|次))")
_EN_NUMS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
            "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "couple of": 2, "couple": 2, "few": 3}
_EN_NUM = re.compile(r"\b(" + "|".join(sorted(_EN_NUMS, key=len, reverse=True)) +
                     r")(?=[- ](?:minutes?|hours?|days?|weeks?|months?|years?)\b)")
# People type "cant breathe", "dont know": restore the apostrophe so every
# pattern and negation cue written for "can't" also reads the bare form.
_BARE_NT = re.compile(r"\b(can|don|doesn|didn|isn|aren|wasn|weren|couldn|wouldn|shouldn|hasn|haven|hadn|won)t\b")


def _cn_number(s: str) -> int:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 三十五 -> 35 (enough for ages and durations)."""
    if "十" not in s:
        return int("".join(str(_CN_DIGITS[c]) for c in s)) if s else 0
    tens, _, ones = s.partition("十")
    return (_cn_number(tens) if tens else 1) * 10 + (_cn_number(ones) if ones else 0)


def normalise(text: str) -> str:
    """NFKC (full-width -> ASCII punctuation), Traditional -> Simplified, lower case, number words -> digits."""
    t = to_simplified(unicodedata.normalize("NFKC", text)).lower()
    t = t.replace("\u2019", "'").replace("\u2018", "'")
    t = _BARE_NT.sub(r"\1't", t)
    t = _CN_NUM.sub(lambda m: str(_cn_number(m.group())), t)
    t = _EN_NUM.sub(lambda m: str(_EN_NUMS[m.group(1)]), t)
    return re.sub(r"[ \t]+", " ", t)


def language(text: str) -> str:
    """'zh' when Han characters dominate, else 'en'."""
    han = len(_HAN.findall(text))
    words = len(_LATIN_WORD.findall(text.lower()))
    return "zh" if han and han >= words else "en"


def has_han(s: str) -> bool:
    return bool(_HAN.search(s))


# --- clauses and negation --------------------------------------------------

# Sentence ends and contrast words end a clause: "no fever but chest pain".
_CLAUSE_END = re.compile(
    r"[!?;。\n]+|(?<!\d)\.|\.(?!\d)|\b(?:but|however|although|though|except|yet|whereas)\b"
    r"|但是|但|可是|不过|然而|却|只是|就是")


def clauses(t: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _CLAUSE_END.finditer(t):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(t):
        out.append((start, len(t)))
    return out


# English cues. do/does/has... + not count only before have/get/any ("doesn't
# have"), so "doesn't respond" or "can't speak" stay symptoms.
_AUX = r"(?:do|does|did|has|have|had|is|are|was|were)(?:n't| not)"
_NO_PSEUDO = (r"longer|idea|doubt|matter|way|one|better|improvement|relief|change|end|sooner|"
              r"reason|more|less|response|wet|urine|pee|tears")
# Bare "not" negates ("not suicidal") unless it is part of a verb ("can not",
# "does not") or starts a symptom ("not breathing", "not really responding").
_NOT_PSEUDO = (r"able|sure|certain|only|just|breath\w*|respond\w*|conscious|awake|alert|wak\w*|mov\w*|"
               r"stop\w*|improv\w*|get\w*|help\w*|work\w*|eat\w*|drink\w*|sleep\w*|feel\w*|well|right|"
               r"mak\w*|keep\w*|go\w*|normal|acting|talk\w*|speak\w*|walk\w*|swallow\w*|pass\w*|pee\w*|"
               r"urinat\w*|recogni\w*|know|much|better|really|too|very|completely|fully|quite|always|even|"
               r"him|her|my|them|themselves|himself|herself|myself|making sense")
_NOT = "".join(f"(?<!{w} )" for w in ("can", "could", "will", "would", "does", "did", "do", "has", "have",
                                     "had", "should", "must", "might", "may")) + r"\bnot"
_EN_CUE = re.compile(
    rf"\b(?:no(?!\s+(?:{_NO_PSEUDO})\b)|{_NOT}(?! (?:{_NOT_PSEUDO})\b)|"
    rf"(?:isn't|aren't|wasn't|weren't)(?! (?:{_NOT_PSEUDO})\b)|denies|denied|deny|denying|without|nor|neither|"
    r"negative for|free of|absence of|ruled out|not any|not a|"
    r"(?:family )?history of|hx of|"
    rf"{_AUX} (?:have|has|had|get|got|experienc\w*|notic\w*|any|a|an|having|getting|been having))\b")
# Chinese cues, minus the ones that are symptoms themselves (没力气, 无法呼吸, 没反应 ...).
_ZH_CUE = re.compile(
    r"否认|并无|并没有|从未|不再|不伴有?|未(?:见|出现|发现|伴有?|感到|诉)|"
    # 不 negates "不发烧" but not verb complements (叫不醒, 止不住) or set phrases (不适, 不褪色,
    # 不小心 "accidentally").
    r"不(?!小心|想活|想死|省人事|能|会|知道|太|舒服|适|停|断|止|了|出|清|醒|见|行|对|好|畅|褪|认|肯|退|动|安|"
    r"到|起|下|过|齐|稳|灵|通|住|上|开|着|来|去|得|少|一|同|怎|听|便|良|规|注意|留神|经意|在)|"
    r"没(?:有)?+(?!想到|事|办法|法|力|劲|反应|知觉|意识(?!障碍|模糊|不清)|呼吸(?!困难|急促|不畅|费力|道|问题)|了|尿|小便|精神|完|用|怎么|感觉|"
    r"戴|系|带|穿|注意|大便|放屁|排气|排便)|"
    r"无(?!力|法|意识(?!障碍|模糊|不清)|反应|知觉|呼吸(?!困难|急促|不畅|费力|道|问题)|尿|故|缘|精打采|明显诱因)|"
    r"不是|不会|从没")
# A later comma piece stays negated only if it is a short bare list item.
_EN_STOP = re.compile(r"\b(?:no|not|and|now|since|for|then|still|today|yesterday|tonight|this|last|ago|after|"
                      r"when|while|suddenly|i|he|she|they|we|my|his|her|their|has|have|had|is|are|"
                      r"was|were|got|gets|feel|feels|felt|started|developed|began)\b|\d")
_ZH_STOP = re.compile(r"[,:]|只|就|而|反而|倒|还有|而且|并且|同时|现在")
_EN_WORDS = 8
_ZH_CHARS = 12


def _en_scope(seg: str, i: int) -> int:
    """End of an English cue's scope: first comma piece, plus short list items after it."""
    pieces = seg[i:i + 200].split(",")  # 8 words fit; bounds the work on long texts
    end, words = i, 0
    for k, piece in enumerate(pieces):
        if k and (len(piece.split()) > 5 or _EN_STOP.search(piece)):
            break
        m = re.search(r"\band\b", piece)  # "and" ends scope: conservative for "no X and Y"
        body = piece[:m.start()] if m else piece
        toks = list(re.finditer(r"\S+", body))
        room = _EN_WORDS - words
        if len(toks) > room:
            return end + (toks[room - 1].end() if room > 0 else 0)
        words += len(toks)
        end += len(body)
        if m:
            break
        end += 1  # the comma
    return min(end, len(seg))


def _zh_scope(seg: str, i: int) -> int:
    stop = _ZH_STOP.search(seg, i)
    return min(stop.start() if stop else len(seg), i + _ZH_CHARS)


def negated_spans(t: str) -> list[tuple[int, int]]:
    """Spans of `t` inside a negation scope ("no chest pain", "否认胸痛")."""
    out = []
    for cs, ce in clauses(t):
        seg = t[cs:ce]
        for m in _EN_CUE.finditer(seg):
            end = _en_scope(seg, m.end())
            if end > m.end():
                out.append((cs + m.end(), cs + end))
        for m in _ZH_CUE.finditer(seg):
            end = _zh_scope(seg, m.end())
            if end > m.end():
                out.append((cs + m.end(), cs + end))
    return out


def is_negated(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


# --- numbers: age, temperature, duration -----------------------------------

_AGE_UNITS = {"year": 1.0, "yr": 1.0, "month": 1 / 12, "mo": 1 / 12, "week": 1 / 52,
              "wk": 1 / 52, "day": 1 / 365, "岁": 1.0, "个月": 1 / 12, "月": 1 / 12,
              "周": 1 / 52, "天": 1 / 365}
_AGE_PATTERNS = [
    re.compile(r"(\d+(?:\.\d+)?)[- ]?(year|yr|month|mo|week|wk|day)s?[- ]old"),
    re.compile(r"\b(?:aged?|age) (\d+)()"),
    re.compile(r"\b(\d+) ?(?:yo|y/o|y\.o\.)()"),
    # "she's 82," / "he is 4 and": a bare number closing a clause after "is".
    re.compile(r"\b(?:she's|he's|shes|hes|she is|he is|i'm|im|i am)\s(\d{1,3})"
               r"(?=\s*(?:[,;)]|\.(?!\d)|$|and\b|years?\b|yrs?\b))()"),
    # "baby is 7 weeks", "my son, 3 months": parents often drop "old".
    re.compile(r"\b(?:baby|infant|newborn|son|daughter|little one)(?:,| is| was)? (?:only |just |about )?"
               r"(\d+(?:\.\d+)?) ?(week|wk|month|mo|day)s?\b(?! ago| now| of| since| with| early| late| premature)"),
    re.compile(r"(\d+(?:\.\d+)?) ?周?(岁)"),
    re.compile(r"(\d+) ?(个月|周|天)(?:大|龄)"),
    re.compile(r"出生(?:才|刚|后)?(?:满)?(\d+) ?(个月|周|天)"),
    re.compile(r"(\d+) ?(个月|周|天)(?:的|大的)(?:宝宝|婴儿|孩子|女儿|儿子|小孩|男婴|女婴|宝)"),
    re.compile(r"(?:宝宝|婴儿|孩子|女儿|儿子|小孩)(?:才|刚|刚满|满|今年)(\d+) ?(个月|周|天|岁)"),
    re.compile(r"(?:宝宝|婴儿)(\d+) ?(个月|周|天)(?=[, 了大的])"),
]
_AGE_DECADE = re.compile(r"in (?:his|her|my|their) (\d)0s")
_NEWBORN = re.compile(r"newborn|new-born|neonate|新生儿|刚出生|没满月|未满月")


def ages(t: str) -> list[float]:
    """Every age mentioned, in years ("2-month-old" -> 0.17, "78岁" -> 78)."""
    out = []
    for pat in _AGE_PATTERNS:
        for m in pat.finditer(t):
            out.append(float(m.group(1)) * _AGE_UNITS.get(m.group(2), 1.0))
    out += [int(m.group(1)) * 10 + 5 for m in _AGE_DECADE.finditer(t)]
    if _NEWBORN.search(t):
        out.append(0.05)
    return sorted(set(out))  # several patterns may read the same phrase


_TEMP = re.compile(
    r"(\d{2,3}(?:\.\d+)?) ?(?:°c|°f|°|度|degrees?(?: c| f| celsius| fahrenheit)?|c\b|f\b)|"
    r"(?:temp(?:erature)?|fever|体温|烧到|发烧|发热|高烧)[^\d,;。]{0,10}?(\d{2,3}(?:\.\d+)?)(?! ?(?:岁|years?|yo|y/o|-year|%))|"
    r"\b(3[5-9]\.\d|4[0-2]\.\d)(?!\d| ?(?:kg|%|岁|years?|cm|mm))")


def max_temperature(t: str) -> float | None:
    """Highest plausible body temperature in Celsius, if any is written."""
    best = None
    for m in _TEMP.finditer(t):
        v = float(m.group(1) or m.group(2) or m.group(3))
        if 95 <= v <= 110:
            v = (v - 32) * 5 / 9
        if 35 <= v <= 43 and (best is None or v > best):
            best = v
    return best


_DUR_UNITS = {"minute": 1 / 1440, "min": 1 / 1440, "hour": 1 / 24, "hr": 1 / 24, "day": 1.0,
              "week": 7.0, "wk": 7.0, "month": 30.0, "year": 365.0, "分钟": 1 / 1440,
              "小时": 1 / 24, "钟头": 1 / 24, "天": 1.0, "日": 1.0, "周": 7.0, "星期": 7.0,
              "礼拜": 7.0, "月": 30.0, "年": 365.0}
_DURATION = re.compile(
    r"(\d+(?:\.\d+)?)(?: ?(?:-|to|or) ?(\d+(?:\.\d+)?))? ?(minute|min|hour|hr|day|week|wk|month|year)s?"
    r"\b(?![- ]old)|"
    r"(\d+(?:\.\d+)?)(?: ?(?:-|到|至) ?(\d+(?:\.\d+)?))? ?"
    r"(分钟|个?小时|个?钟头|天|周(?!岁)|个?星期|个?礼拜|个月|年)(?!大|龄|的宝宝|的婴儿|的孩子)")


def durations_days(t: str) -> list[float]:
    """Every duration mentioned, in days ("3 weeks" -> 21, "两天" -> 2)."""
    for pat in _AGE_PATTERNS:  # "3个月大", "2-week-old" are ages, not durations
        t = pat.sub(lambda m: " " * len(m.group()), t)
    out = []
    for m in _DURATION.finditer(t):
        lo, hi, unit = m.group(1, 2, 3) if m.group(3) else m.group(4, 5, 6)
        days = float(hi or lo) * _DUR_UNITS[unit.lstrip("个")]
        if days <= 365 * 100:  # "2023年" is a date, not a duration
            out.append(days)
    return out
