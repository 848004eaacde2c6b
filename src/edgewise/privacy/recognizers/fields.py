"""PERSON in the labelled fields of a pasted document: "Patient: Okonkwo,
Chidinma A.", "Next of kin: Emeka Okonkwo (husband)", "Witnesses: Terrence
Jackson, Mai Linh Pham", "审批人：赵国强", "学生姓名：艾孜买提·吐尔逊".

The label says a person follows, so the value needs only the shape of a name,
not a dictionary entry: capitalised words, initials, particles (van der, bin,
al-), SURNAME, GIVEN and SURNAME/GIVEN on the English side; two to four Han
characters, or a transliteration with a middle dot, on the Chinese side.  A
field that holds a company or a department is not a person.
"""
from __future__ import annotations

import re

from .base import Recognizer
from .names import NON_NAME_WORDS
from .numbers import CnIdCard, UsSsn

_EN_LABELS = (
    r"patient(?: name)?|name|full (?:legal )?name|legal name|next of kin|tenants?|tenant\(s\)|landlord|landlady|"
    r"signed|signature|complainant|remitter|beneficiary|account holder|witness(?:es)?|first aid given by|"
    r"requester|requested by|applicant|(?:accompanying )?guest|passenger|employee|manager|supervisor|"
    r"prepared by|approved by|reported by|submitted by|reviewed by|attendees|present|apologies|absent|"
    r"(?:emergency )?contact(?: person)?|guardian|parent|student|child|insured|policyholder|claimant|driver|"
    r"owner|customer|client|member|candidate|referee|caller|visitor|attn|care of|c/o|examined by|"
    r"(?:attending |treating )?(?:physician|doctor|clinician|nurse)|patient's (?:mother|father)"
)
_EN_FIELD = re.compile(rf"(?im)(?:^|[|;]\s*|\s{{2,}})(?:{_EN_LABELS})\s*[:：]\s*(?P<v>[^\n|;]{{2,120}})")

_PARTICLES = {"van", "der", "den", "de", "del", "della", "la", "le", "bin", "binti", "bint", "al", "el", "da", "di",
              "du", "von", "dos", "das", "y", "ibn", "ben"}
_TOKEN = re.compile(r"[A-ZÀ-Þ][A-Za-zÀ-ÿ'’-]*\.?|[a-z]{1,4}(?=\s)|[A-ZÀ-Þ]\.")
_NOT_PERSON = re.compile(r"(?i)\b(?:ltd|limited|inc|llc|plc|gmbh|corp|company|co\.|bank|hospital|clinic|school|"
                         r"university|department|dept|team|office|services?|group|council|police|n/a|none|unknown|"
                         r"tbc|tbd|self|same|yes|no)\b")


# Field words and roles that follow a name in the same field ("..., DOB 02.11.1979")
# or fill it instead of one ("Present: Chair, Treasurer").
_NOT_NAME = frozenset("""dob d.o.b age sex gender tel tel. phone mobile email e-mail id ref no nhs ssn mrn address
chair chairperson treasurer secretary president director manager officer members member staff all everyone
tbc tbd n/a none unknown""".split())


def _name_run(value: str) -> int:
    """Length of the name at the start of ``value`` (0: none).  Stops at a
    bracket, a second comma, a lower-case word that is not a particle, or two
    spaces."""
    pos, words, commas = 0, 0, 0
    end = 0
    while pos < len(value):
        m = _TOKEN.match(value, pos)
        if not m:
            break
        tok = m.group().rstrip(".")
        if tok.islower() and tok not in _PARTICLES:
            break
        if tok.lower() in _NOT_NAME or not tok.islower() and tok.lower() in NON_NAME_WORDS:
            break
        words += not tok.islower()
        end = m.end()
        pos = end
        sep = re.match(r", (?=[A-ZÀ-Þ])|/(?=[A-Z])| (?! )", value[pos:])
        if not sep or words >= 5:
            break
        if sep.group().startswith(","):
            commas += 1
            if commas > 1 or words > 1:  # "SURNAME, GIVEN" once; otherwise a list (see _english)
                break
        pos += len(sep.group())
    return end if words else 0


_NEXT = re.compile(r"\s*(?:,|&|/|\band\b)\s*")


def _english(text: str):
    for m in _EN_FIELD.finditer(text):
        v, pos = m.group("v"), 0
        if _NOT_PERSON.search(v.split("(")[0]):
            continue
        while pos < len(v):  # one name, or a list: "Terrence Jackson, Mai Linh Pham", "G. Hallman / M. E. Gutiérrez"
            n = _name_run(v[pos:])
            if not n:
                break
            yield m.start("v") + pos, m.start("v") + pos + n, 0.8
            nxt = _NEXT.match(v, pos + n)
            if not nxt:
                break
            pos = nxt.end()


_ZH_LABELS = ("姓名", "学生姓名", "患者姓名", "客户姓名", "名字", "审批人", "经办人", "负责人", "联系人", "紧急联系人", "监护人",
              "家长", "父亲", "母亲", "配偶", "丈夫", "妻子", "客户", "报警人", "报案人", "走访人", "访客", "新郎", "新娘",
              "收件人", "寄件人", "收货人", "发件人", "签名", "签字", "致", "租客", "房东", "承租人", "出租人", "担保人",
              "被保险人", "投保人", "受益人", "驾驶人", "证人", "学生", "班主任", "主治医师", "医生", "护士", "家庭成员",
              "当事人", "当事人甲", "当事人乙", "申请人", "患者", "病人", "乘客", "员工", "记录人", "值班人", "报修人",
              "借款人", "出借人", "甲方", "乙方", "法定代表人", "委托人", "受托人", "开户名", "户名", "持卡人")
_ZH_FIELD = re.compile(r"(?:^|(?<=[\s，,；;。]))(?:" + "|".join(sorted(_ZH_LABELS, key=len, reverse=True)) + r")"
                       r"(?:[（(][^）)\n]{1,6}[）)])?[：:]\s*(?P<v>[\u4e00-\u9fff·•]{2,16})")
_ZH_NOT = re.compile(r"^(?:见|详见|同上|暂无|待定|不详|本人|无)|附件|(?:公司|集团|银行|医院|学校|大学|中心|部|局|处|科|所|院|店|厂|委员会|办公室|政府|有限|本人|同上|无)$")


_LISTED = re.compile(r"(?:[（(][^）)\n]{1,6}[）)])?、\s*(?P<v>[\u4e00-\u9fff]{2,4})(?=[（(、，,；;。\s]|$)")


def _more_listed(text: str, end: int):
    """家庭成员：冯少华（妻子）、何嘉欣（女儿）: the field holds a list."""
    while (m := _LISTED.match(text, end)) and not _ZH_NOT.search(m.group("v")):
        yield m.start("v"), m.end("v"), 0.75
        end = m.end("v")


_TITLE = re.compile(r"(?:先生|女士|小姐|老师|律师|医生|同学|同志|阿姨|叔叔)$")


def _chinese(text: str):
    for m in _ZH_FIELD.finditer(text):
        v = _TITLE.sub("", m.group("v"))
        if "·" in v or "•" in v:  # 买买提·艾力, 阿不都热依木·吐尔地
            name = re.match(r"[\u4e00-\u9fff]{1,8}(?:[·•][\u4e00-\u9fff]{1,8})+", v)
        else:
            name = re.match(r"[\u4e00-\u9fff]{2,4}(?=[^\u4e00-\u9fff]|$)", v + " ")
        if name and not _ZH_NOT.search(name.group()):
            yield m.start("v"), m.start("v") + len(name.group()), 0.8
            yield from _more_listed(text, m.start("v") + len(name.group()))


class FieldPerson(Recognizer):
    entity = "PERSON"
    base_score = 0.8

    def candidates(self, text):
        if ":" in text:
            yield from _english(text)
        if "：" in text or ":" in text:
            yield from _chinese(text)


# --- key-value data: JSON, YAML, query strings, XML, dicts ---------------------
# "realName": "巫马天佑", name: 'Park Seo-yeon', birth=1998.01.27, <ns2:Name>毋丘慧敏</ns2:Name>.
# The key says what the value is; the value runs to its closing quote (or to & , < ; in
# unquoted forms).
_KEYS = {
    "PERSON": r"(?:real|full|first|last|given|family|sur|nick|display|user|contact|customer|receiver|consignee|"
              r"sender|emergencycontact|emergency_contact|guardian|parent|patient|author|holder)?_?name(?:en|_en|cn|_cn)?|"
              r"customer|receiver|consignee|emergencycontact|emergency_contact|contactperson|姓名|名字|联系人|收件人|收货人|"
              r"aac003",
    "DATE_OF_BIRTH": r"dob|birth(?:day|date|_?date)?|date_?of_?birth|dateofbirth|出生日期|出生年月|生日|생년월일",
    "ADDRESS": r"(?:home|mailing|postal|current|residential|shipping|billing|street)?_?addr(?:ess)?(?:_?line\d?)?|"
               r"地址|住址|现居地|家庭住址|户籍地址|通讯地址|주소",
    "ID_NUMBER": r"id_?card|id_?no|id_?number|national_?id|ssn|nin|nric|hkid|iqama|rrn|aadhaar|pan|passport(?:_?no)?|"
                 r"licen[cs]e_?no|driver_?licen[cs]e|身份证(?:号|号码)?|证件号码?|护照号?",
}
_KEYED = {kind: re.compile(
    rf"(?i)(?:[\"'](?:{keys})[\"']\s*(?::|=>)\s*[\"'](?P<q>[^\"'\n]{{2,120}})[\"']"
    rf"|(?<![\w-])(?:{keys})\s*[:=]\s*[\"'](?P<y>[^\"'\n]{{2,120}})[\"']"
    rf"|[?&](?:{keys})=(?P<u>[^&\s#]{{2,120}})"
    rf"|<(?:\w+:)?(?:{keys})>(?P<x>[^<\n]{{2,120}})</)") for kind, keys in _KEYS.items()}


def keyed_values(text: str, kind: str):
    """(start, end) of values under a key naming ``kind`` (see _KEYS)."""
    if not any(c in text for c in "\"'=<"):
        return
    for m in _KEYED[kind].finditer(text):
        g = next(k for k in ("q", "y", "u", "x") if m.group(k) is not None)
        v = m.group(g)
        if v.strip() and v.strip().lower() not in ("null", "none", "n/a", "true", "false", "undefined", "[filtered]"):
            yield m.start(g), m.end(g)


# A person's name, not a package or a build target ("name": "requests"):
# capitalised words (particles allowed) or Han characters, no digits or code punctuation.
_PERSON_VALUE = re.compile(r"(?:[A-ZÀ-Þ][A-Za-zÀ-ÿ'’.-]*|[a-z]{1,4})(?:[ ,]+(?:[A-ZÀ-Þ][A-Za-zÀ-ÿ'’.-]*|[a-z]{1,4}))*"
                           r"|[\u4e00-\u9fff]{2,6}(?:[·•][\u4e00-\u9fff]{1,8})*")


class KeyedValue(Recognizer):
    """A value under a key naming ``kind``; subclasses say what such a value looks like."""
    kind = ""
    score = 0.8
    code_factor = 1.0  # the key says so, in code or not

    def accept(self, v: str) -> bool:
        return True

    def candidates(self, text):
        for s, e in keyed_values(text, self.kind):
            if self.accept(text[s:e]):
                yield s, e, self.score


class KeyedPerson(KeyedValue):
    entity = kind = "PERSON"

    def accept(self, v):
        v = v.strip()
        return bool(_PERSON_VALUE.fullmatch(v)) and not v.islower()


class KeyedDob(KeyedValue):
    entity = kind = "DATE_OF_BIRTH"
    score = 0.85

    def accept(self, v):
        return any(c.isdigit() for c in v)


class KeyedAddress(KeyedValue):
    entity = kind = "ADDRESS"

    def accept(self, v):
        return any(c.isdigit() for c in v) and len(v) >= 6 and bool(" " in v or _HAN_OR_HANGUL.search(v))


_SSN_SHAPE = re.compile(r"\d{3}-?\d{2}-?\d{4}")
_CN_ID_SHAPE = re.compile(r"\d{17}[\dXx]")
_HAN_OR_HANGUL = re.compile(r"[\u4e00-\u9fff\uac00-\ud7af]")


class KeyedId(KeyedValue):
    entity = kind = "ID_NUMBER"

    def accept(self, v):
        if sum(c.isdigit() for c in v) < 4:
            return False
        # a sample with a failed checksum (123-45-6789) is not an id
        return not (_SSN_SHAPE.fullmatch(v) and not UsSsn().validate(v)
                    or _CN_ID_SHAPE.fullmatch(v) and not CnIdCard().validate(v))
