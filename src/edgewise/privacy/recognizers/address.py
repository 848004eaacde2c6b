"""ADDRESS: Chinese administrative/street sequences, and street addresses in
English (US, UK, Canada) and continental European formats.

Only street- or building-level addresses are flagged: "北京市朝阳区" or
"New York" alone name a place, not a person's home.
"""
from __future__ import annotations

import re

from .base import Recognizer

# A Han char that can be part of a place name. Function words and verbs that
# usually precede an address (住在, 寄到, 地址是...) cannot, which keeps a
# leftmost match from swallowing "我住在" into the city name. Built as one
# explicit character class: much faster than a per-char lookahead.
_NOT_PLACE = "我你他她它们的了是在住到往从把被给和与跟及或请寄送发收位址要去来自喺係佢咗"


def _han_class(excluded: str) -> str:
    cps = sorted(ord(c) for c in excluded)
    parts, lo = [], 0x4E00
    for cp in cps + [0xA000]:
        if cp > lo:
            parts.append(f"{chr(lo)}-{chr(cp - 1)}" if cp - 1 > lo else chr(lo))
        lo = cp + 1
    return "[" + "".join(parts) + "]"


_H = _han_class(_NOT_PLACE)
_N = r"[0-9０-９]"
_CN_NUM = r"[0-9一二三四五六七八九十百零〇两]"

_PROV = rf"(?:{_H}{{2,3}}省|{_H}{{2,7}}?自治区|(?:北京|上海|天津|重庆)市|(?:香港|澳门)(?:特别行政区)?)"
_CITY = rf"(?:{_H}{{2,5}}?(?:市|自治州|地区|盟))"
_DIST = rf"(?:{_H}{{1,5}}?(?:区|县|旗)|九龙|新界|港岛)"
_TOWN = rf"(?:{_H}{{2,5}}?(?:镇|乡|街道))"
# A road may carry a section (人民南路四段) and, in Shanghai style, a lane
# number before the house number (张江路123弄4号).
_ROAD = (rf"(?:(?:{_H}|{_N}){{1,8}}?(?:大道|大街|路|街|巷|弄|胡同|道)(?:[东南西北中](?={_N}))?"
         rf"(?:(?:{_CN_NUM}{{1,3}}|[东南西北中]|{_H}{{2,5}}?)段)?(?:{_N}{{1,5}}[弄巷](?={_N}|{_H}))?)")
_HAO = rf"(?:{_N}{{1,5}}(?:[-之]{_N}{{1,4}})?[号號](?:院|{_N}{{1,4}}号院)?)"  # 27号院, 139号2号院
_COMM = rf"(?:{_H}{{2,8}}?(?:小区|花园|公寓|大厦|广场|新村|家园|苑|村|社区|中心|城|[一二三四五六七八九十]区)(?:{_CN_NUM}{{1,2}}期)?)"
_BLDG = rf"(?:(?:{_H}{{2,8}}?)?(?:[A-Za-z]?{_N}{{1,2}}区)?(?:{_N}{{1,4}}|[A-Za-z]|{_CN_NUM}{{1,3}})(?:号楼|栋|幢|座))"  # 颐和国际A座, E1区12栋
_UNIT = rf"(?:{_CN_NUM}{{1,3}}单元)"
_FLOOR = rf"(?:{_N}{{1,3}}(?:楼|层))"
_ROOM = rf"(?:(?:{_N}{{1,5}}|[A-Za-z])(?:室|房)|(?:(?<=单元)|(?<=楼)|(?<=栋)|(?<=座)|(?<=幢)){_N}{{3,4}}(?![0-9]))"

_CN = re.compile(
    rf"(?P<v>{_PROV}?{_CITY}?{_DIST}?{_TOWN}?"
    rf"(?:(?P<road>{_ROAD}{_HAO}?)(?P<comm1>{_COMM})?|(?P<comm2>{_COMM}))"
    rf"(?P<bldg>{_BLDG})?(?P<unit>{_UNIT})?(?P<floor>{_FLOOR})?(?P<room>{_ROOM})?)")

_SUFFIX = (r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct"
           r"|Place|Pl|Terrace|Ter|Way|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq"
           r"|Trail|Trl|Plaza|Alley|Close|Crescent|Cres|Grove|Gardens|Gdns|Mews|Walk|Rise|Row|Parade"
           r"|Quay|Wharf|Wall|Esplanade|Embankment)")
_DIR = r"(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?"
_WORD = r"(?:[A-Z][a-z]+|[A-Z]{2,3}|[0-9]{1,3}(?:st|nd|rd|th))"  # ..., MG Road, 5th Avenue
_UNIT_EN = r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Flat|Fl|Floor|Rm|Room|#)\.?\s*#?[0-9A-Za-z-]{1,6})"
_UK_POST = r"[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}"  # NW1 6XE, SW1A 1AA
_CA_POST = r"[A-Z][0-9][A-Z]\s?[0-9][A-Z][0-9]"  # M8V 3X7
_EIRCODE = r"[A-Z][0-9][0-9W]\s?[A-Z0-9]{4}"  # D11 X2F4
_CITY_EN = (r"(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?:\s+[0-9]{1,2})?,?\s+"
            rf"(?:{_UK_POST}|{_EIRCODE}|(?:NSW|VIC|QLD|TAS|ACT|WA|SA|NT)\s+[0-9]{{4}}|[0-9]{{6}}"
            rf"|[A-Z]{{2}}(?:\s+(?:[0-9]{{5}}(?:-[0-9]{{4}})?|{_CA_POST}))?))")
# A flat or unit written before the house number: "Flat 4, 9 Carlton Terrace", "Unit 5/42 Beach Rd".
_UNIT_FIRST = r"(?:(?:Flat|Unit|Apt|Apartment|Suite)\s*[0-9A-Za-z]{1,4}(?:,\s*|\s*/\s*)|[0-9]{1,2}(?:st|nd|rd|th) Floor,\s*)"
_US = re.compile(
    rf"(?<![0-9A-Za-z])(?P<v>{_UNIT_FIRST}?[0-9]{{1,6}}(?:-?[A-Z])?\s+(?:{_DIR}\s+)?{_WORD}"
    rf"(?:\s+{_WORD}){{0,3}}\s+{_SUFFIX}\.?(?:\s+{_DIR}(?![a-z]))?"
    rf"(?P<unit>{_UNIT_EN})?(?P<city>{_CITY_EN})?)(?![A-Za-z0-9])")

# Continental Europe: "55 Rue de Rivoli, 75001 Paris", "Calle de Alcalá 112, 3ºB, 28009 Madrid",
# "Hauptstraße 5, 10115 Berlin".
_L = "A-Za-zÀ-ÖØ-öø-ÿ'’-"
_EU_NAME = rf"(?:\s+(?:de|du|des|de la|d'|la|le|les|del|della|di|da|do|dos|das))*\s+[A-ZÀ-Þ][{_L}]+(?:\s+[A-ZÀ-Þ][{_L}]+){{0,3}}"
_COUNTRY = (r"(?:,\s*(?:España|Spain|France|Deutschland|Germany|Italia|Italy|Norway|Norge|Sweden|Sverige|Denmark"
            r"|Danmark|Nederland|Netherlands|Portugal|Brasil|Brazil|México|Mexico|Belgique|Belgium|Österreich"
            r"|Austria|Schweiz|Suisse|Switzerland|Finland|Suomi|Polska|Poland))?")
_EU_TOWN = rf"(?:,\s*[0-9]{{4,5}}\s+[A-ZÀ-Þ][{_L}]+{_COUNTRY})"
# Japan: "2-14-5 Dogenzaka, Shibuya-ku, Tokyo 150-0043".
_JP = re.compile(r"(?<![0-9A-Za-z-])(?P<v>[0-9]{1,4}-[0-9]{1,4}(?:-[0-9]{1,4})?\s+[A-Z][a-z]+(?:,\s*[A-Z][a-z]+-(?:ku|shi|cho|machi|gun))"
                 r"(?:,\s*[A-Z][a-z]+)?(?:\s+[0-9]{3}-[0-9]{4})?)")
_EU_FLAT = r"(?:,\s*(?:apto|apt|ap|sala|bloco|piso|andar|esc|puerta)\.?\s*[0-9A-Za-z]{1,4})?"
_EU_BR = r"(?:,\s*[A-ZÀ-Þ][\w ]{2,30}?\s*-\s*[A-Z]{2})?(?:,\s*[0-9]{5}-[0-9]{3})?"  # São Paulo - SP, 01304-001
_EU = re.compile(
    rf"(?<![0-9A-Za-z])(?P<v>[0-9]{{1,4}}(?:\s?(?:bis|ter))?,?\s+(?:Rue|Avenue|Boulevard|Bd|Chemin|Allée|Place|Quai|Impasse)"
    rf"{_EU_NAME}{_EU_TOWN}?"
    rf"|(?:Calle|C/|Carrer|Avenida|Av\.|Rua|Via|Viale|Piazza|Corso|Paseo|Plaza|Largo){_EU_NAME},?\s+[0-9]{{1,4}}[A-Za-z]?"
    rf"(?:,\s*[0-9]{{1,2}}\s?[ºª°]?\s?[A-Za-z]?)?{_EU_FLAT}{_EU_TOWN}?{_EU_BR}"
    rf"|[A-ZÄÖÜÅØÆ][a-zäöüßåøæ]+(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|gata|gatan|gade|vej|veien"
    rf"|vägen|straat|laan|gracht|kade)\s+[0-9]{{1,4}}[a-z]?{_EU_TOWN}?)"
    rf"(?![A-Za-z0-9])")

_CONTEXT = ("地址", "住址", "住在", "家住", "寄到", "寄往", "送到", "送至", "收货", "位于", "搬到",
            "address", "addr", "live at", "lives at", "living at", "ship to", "mail to",
            "deliver to", "located at", "residence", "home")


class ChineseAddress(Recognizer):
    entity = "ADDRESS"
    patterns = (_CN,)
    context = _CONTEXT
    context_boost = 0.3
    code_factor = 0.3

    def candidates(self, text):
        if not _ANCHOR.search(text):
            return
        for m in _CN.finditer(text):
            parts = _cn_parts(m)
            # Need street or building detail, and at least two components.
            street = m["road"] and (_has_hao(m["road"]) or parts >= 3)
            building = m["bldg"] or m["room"] or m["unit"]
            if parts < 2 or not (street or building):
                continue
            yield _trim_verb(text, m.start("v")), _tail_end(text, m.end("v")), 0.8 if parts >= 3 else 0.6


# What the grammar above leaves after a house number or building: an estate
# name, tower, unit and door ("2378号海岸城东座1903", "312号楼1门602", "2栋3-1",
# "环球中心E1区1508").  Each step is a few name characters, then a number
# (letters allowed) with an optional marker; the tail must end on a marker or
# on a number that closes the text, so a sentence that goes on ("88号附近有2家店")
# is not swallowed.
_STEP = (r"(?:[\u4e00-\u9fffA-Za-z]{0,12}?[A-Za-z0-9]{1,5}(?:-[0-9]{1,4})?"
         r"(?:号楼|号院|单元|[号號栋幢座区门楼層层室房户])?)")
_TAIL = re.compile(rf"{_STEP}{{1,4}}")
_MARK_END = re.compile(r"(?:号楼|号院|单元|[号號栋幢座区门楼層层室房户])$")


def _tail_end(text: str, e: int) -> int:
    """End of the address once its building-and-room tail (if any) is added."""
    if text[e:e + 1] in ("号", "號", "户", "室", "房") and text[e - 1:e].isdigit():
        return e + 1  # the grammar's bare room number: "1单元1503号", "302户"
    m = _TAIL.match(text, e)
    while m and m.end() > e:
        t = m.end()
        nxt = text[t:t + 1]
        if _MARK_END.search(m.group()) or not (nxt.isalnum() or "\u4e00" <= nxt <= "\u9fff"):
            return t
        m = _TAIL.match(text[:t - 1], e)  # one character shorter, try again
    return e


# Verbs whose second character can pass for a place character: in
# "已到达成都市" the leftmost match starts at 达. Cut such a verb off.
_LEAD_VERBS = ("到达", "抵达", "送达", "寄达", "直达", "位于", "地处", "寄至", "送至", "发至",
               "运至", "搬至", "迁至", "迁往", "飞往", "前往", "来到", "回到", "去往", "达到")


def _trim_verb(text: str, s: int) -> int:
    for v in _LEAD_VERBS:
        for k in range(len(v)):  # the verb may start before s
            if k <= s and text.startswith(v, s - k):
                return s - k + len(v)
    return s


# Every flagged address has a street or building marker; skip text without one.
_ANCHOR = re.compile(r"[路街巷弄号號栋幢座室房苑村道]|胡同|大道|单元|小区|花园|公寓|大厦|广场|新村|家园|社区|中心")


def _has_hao(road: str) -> bool:
    return road.endswith(("号", "號", "院"))


_ADMIN = re.compile(rf"{_PROV}|{_CITY}|{_DIST}|{_TOWN}")


def _cn_parts(m: re.Match) -> int:
    head = m.group("v")[: m.start("road") - m.start("v")] if m["road"] else \
        m.group("v")[: m.start("comm2") - m.start("v")]
    n = len(_ADMIN.findall(head))
    n += bool(m["road"]) + (bool(m["road"]) and _has_hao(m["road"]))
    n += sum(bool(m[g]) for g in ("comm1", "comm2", "bldg", "unit", "floor", "room"))
    return n


# Singapore and Malaysia: "Blk 218 Bishan St 23 #08-145, Singapore 570218",
# "15 Lorong 24 Geylang #03-02, S398533", "No. 12, Jalan SS 2/64, 47300 Petaling Jaya".
_SG_UNIT = r"(?:,?\s*#[0-9]{1,3}-[0-9]{1,5})?(?:,?\s*(?:Singapore\s*)?S?\(?[0-9]{6}\)?)?"
_SEA = re.compile(
    rf"(?<![A-Za-z0-9])(?P<v>(?:Blk|Block)\s+[0-9]{{1,4}}[A-Z]?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,3}}(?:\s+(?:Ave|Avenue|St|Street|Rd|Road|Dr|Drive|Cres|Close|Ring\s+Rd))?(?:\s+[0-9]{{1,3}})?{_SG_UNIT}"
    rf"|[0-9]{{1,4}}[A-Z]?\s+Lorong\s+[0-9A-Z]{{1,4}}(?:\s+[A-Z][a-z]+){{1,3}}{_SG_UNIT}"
    rf"|(?:No\.?\s*)?[0-9]{{1,4}}[A-Z]?,?\s+(?:Jalan|Jln\.?|Lorong|Persiaran|Lebuh)\s+[A-Z0-9][A-Za-z0-9/ ]{{1,30}}?"
    rf"(?:,\s*[A-Z][A-Za-z ]{{2,30}}?){{0,3}},?\s+[0-9]{{5}}\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?(?:,\s*[A-Z][a-z]+)?)")


# A labelled address in a form or a message ("Address: ...", "residing at ...",
# "ship to: ...") is taken whole, up to where the sentence goes on: formats
# from Lagos to Gurugram to Dubai have no shape in common, but the label says
# what follows.
_LABEL = re.compile(
    r"(?i:\b(?:(?:home|mailing|postal|delivery|current|permanent|residential|patient|billing|shipping|new|"
    r"correspondence|registered)\s+)?address(?:\s+for\s+\w+)?\s*(?:is\s+|,?\s*it'?s\s+|[:：-]\s*)"
    r"|\b(?:residing|resides|resident|living|lives|lived|live)\s+at\s+|\b(?:ship|deliver|send|mail)\s+(?:it\s+)?to\s*:\s*"
    r"|\b(?:send|ship|deliver|mail|bring)\s+(?:it|this|them|the\s+\w+)\s+to\s+(?=\d))"
    r"(?P<v>[A-Z0-9#][^\n]{7,160})")
# Where the address stops: a sentence going on in lower case, a dash, a bar, a
# phone cue.
_STOP = re.compile(r"\s+[—–|]\s+|;\s|\.\s+(?=[a-z])|\.\s*$|,?\s+(?i:hp|tel|phone|mobile|mob|ph|email)\b"
                   r"|,\s+(?=(?:[a-z]+\s+){0,3}(?:has|have|is|was|are|were|will|and|please|thanks|i|we|you|he|she|they|it|"
                   r"for|to|the|a|an|so|but|which|who|can|could|should|would)\b)|\s+\(")


_PERIOD = re.compile(r"(\S+)\.\s+(?=[A-Z])")


def _sentence_end(v: str) -> str:
    """Cut at a full stop before a capital ("HG2 0AB. Please call"), not after an
    abbreviation (St. Mary's, Av. Insurgentes, Depto. 502, No. 7)."""
    for m in _PERIOD.finditer(v):
        word = m.group(1)
        if not (word.isalpha() and word[:1].isupper() and len(word) <= 5 and word[1:].islower()):
            return v[:m.start() + len(word)]
    return v


_STREET_WORD = re.compile(rf"(?i)\b{_SUFFIX}\b|\b(?:apt|apartment|flat|unit|suite)\b")


def labelled_addresses(text: str):
    if "addr" not in text.lower() and " at " not in text and " to" not in text:
        return
    for m in _LABEL.finditer(text):
        v = m.group("v")
        cut = _STOP.search(v)
        v = _sentence_end(v[:cut.start()] if cut else v).rstrip(" ,.")
        if any(c.isdigit() for c in v) and len(v) >= 8 and (
                sum(w[:1].isupper() for w in v.split()) >= 2 or _STREET_WORD.search(v)):
            yield m.start("v"), m.start("v") + len(v), 0.7


class UsAddress(Recognizer):
    entity = "ADDRESS"
    patterns = (_US,)
    context = _CONTEXT
    context_boost = 0.3
    code_factor = 0.3

    def candidates(self, text):
        for m in _US.finditer(text):
            yield m.start("v"), m.end("v"), 0.8 if m["city"] or m["unit"] else 0.6
        for rx in (_EU, _JP, _SEA):
            for m in rx.finditer(text):
                yield m.start("v"), m.end("v"), 0.75
        yield from labelled_addresses(text)
