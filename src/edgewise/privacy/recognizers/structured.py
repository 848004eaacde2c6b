"""PII in pasted structure: chat logs, email headers, tables.

People paste these into an assistant as they are.  The structure says what a
field holds even when the value alone does not look like a name or a date:

  [10:32] 欧阳晓峰: ...          a chat speaker label is a person
  From: Olumide Adeyemi <o@x.io>   a display name before an address is a person
  name,email,dob / | 姓名 | 出生日期 |   a column named like a name, a birth date or
                                   an account holds one in every row
"""
from __future__ import annotations

import re

from .base import Recognizer
from .name_dict import ENGLISH_WORDS, world_first_names
from .names import FIRST_NAMES, NON_NAME_WORDS, SURNAMES, WEAK_SURNAMES

# [10:32] or WhatsApp's [10/02/24, 19:02]
_SPEAKER = re.compile(r"(?m)^[ \t>]*\[(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?[ \t]*)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp][Mm])?\]"
                      r"[ \t]*(?:-[ \t]*)?(?P<v>[^:：\n\[\]]{1,30}?)[ \t]*[:：]")
# A chat pasted without times: "建军：明天谁去？", "Derek M.: hey", "Jasmine (payroll): ..."
_CHAT_LINE = re.compile(r"(?m)^[ \t]*(?P<v>[\u4e00-\u9fff]{2,4}|[A-ZÀ-Þ][a-zß-ÿ]+(?: [A-ZÀ-Þ][a-zß-ÿ]+| [A-Z]\.)?)"
                        r"[ \t]*(?:[（(][^）)\n]{1,12}[）)])?[ \t]*[:：][ \t]*(?=\S)")
_CHAT_NOT = re.compile(r"(?:妈妈|爸爸|老师|同学|家长|客服|群主|管理员|助手|系统|通知|姓名|性别|民族|地址|电话|手机|日期|时间|备注|"
                       r"问题|描述|情况|结果|原因|金额|说明|事由|状态|类型|编号|主题|内容|标题|附件|地点|住址|职业|年龄)$")
_DISPLAY = re.compile(r"(?:(?i:from|to|cc|bcc|reply-to)|发件人|收件人|抄送)[ \t]*[:：][ \t]*\"?(?P<v>[^<>\"\n,;:@]{2,40}?)\"?[ \t]*<[^<>@\s]+@[^<>\s]+>"
                      r"|(?P<w>[A-Z][^<>\"\n,;:@]{2,40}?)[ \t]*<[^<>@\s]+@[^<>\s]+>[ \t]*(?:wrote|写道)")
_ROLE = re.compile(r"^(?:物业|客服|店长|司机|老师|agent|support|customer|user|you|me|bot|system)[-–·]?", re.I)

_COLUMNS = {
    "PERSON": re.compile(r"(?i)^(?:(?:full|first|last|given|family|customer|patient|student|parent|guardian|contact|"
                         r"employee|guest|passenger|holder|account)?[ _]?name|surname|patient|employee|customer|contact|"
                         r"passenger|student|holder|guest|author|nombre|\w{0,4}姓名|名字|患者|员工|乘客|学生|户名|联系人|收件人|"
                         r"收货人|入住人|申请人|客户|家长|监护人)$"),
    "DATE_OF_BIRTH": re.compile(r"(?i)^(?:dob|d\.o\.b\.?|date[ _]?of[ _]?birth|birth[ _]?date|birthday|fecha[ _]de[ _]nacimiento|"
                                r"出生日期|生日|出生年月|생년월일)$"),
    "BANK_ACCOUNT": re.compile(r"(?i)^(?:bank[ _]?account|account[ _]?(?:no|number)?|acct|iban|账号|银行账号|卡号)$"),
    "ID_NUMBER": re.compile(r"(?i)^(?:id|id[ _]?(?:no|number|card)|national[ _]?id|ssn|nin|ni[ _]?number|nric|passport(?:[ _]?no)?|"
                            r"dni|nie|curp|身份证(?:号|号码)?|证件号码?|护照号?)$"),
    "ADDRESS": re.compile(r"(?i)^(?:(?:home|mailing|postal|street|shipping|delivery)?[ _]?address|\w{0,4}地址|\w{0,2}住址)$"),
    "PHONE_NUMBER": re.compile(r"(?i)^(?:phone|mobile|tel|telephone|cell|tel[eé]fono|contact[ _]?(?:no|number)|\w{0,4}电话|手机(?:号)?)$"),
}


_TOTALS = {"合计", "总计", "小计", "共计", "平均", "total", "sum", "subtotal", "average", "n/a", "-", "—"}


def _cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a comma-, tab- or pipe-separated line, trimmed."""
    sep = "|" if line.count("|") >= 2 else "\t" if "\t" in line else ";" if line.count(";") >= 2 \
        else "," if line.count(",") >= 1 else None
    if sep is None:
        return []
    out, pos = [], 0
    for part in line.split(sep):
        s = pos + len(part) - len(part.lstrip())
        e = pos + len(part.rstrip())
        out.append((s, e))
        pos += len(part) + 1
    if sep == "|":  # "| a | b |": drop the empty edges
        out = out[1:] if line.lstrip().startswith("|") else out
        out = out[:-1] if line.rstrip().endswith("|") else out
    return out


def table_values(text: str, kind: str) -> list[tuple[int, int]]:
    """Spans of the cells under a header naming ``kind`` (PERSON, DATE_OF_BIRTH, BANK_ACCOUNT)."""
    if "\n" not in text:  # a table has a header line and rows: most requests are one line
        return []
    want = _COLUMNS[kind]
    found, col, width, offset = [], None, 0, 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        cells = _cells(body)
        if col is None:
            names = [body[s:e].strip().strip("*#").strip() for s, e in cells]
            hits = [i for i, n in enumerate(names) if want.match(n)]
            if hits and len(cells) >= 2:
                col, width = hits[0], len(cells)
        elif len(cells) == width and not set(body.strip()) <= set("|-: "):
            s, e = cells[col]
            if e > s and body[s:e].strip().lower() not in _TOTALS:
                found.append((offset + s, offset + e))
        elif len(cells) != width:
            col = None  # the table ended
        offset += len(line)
    return found


def chat_speakers(text: str):
    """Speaker labels of a chat log pasted without times: three or more lines
    start with a label, at least two labels differ, and a label counts if it
    speaks twice or has a name's shape (a surname first, or a capitalised word)."""
    if text.count("\n") < 2:
        return
    lines = [m for m in _CHAT_LINE.finditer(text) if not _ROLE.match(m.group("v"))]
    labels = [m.group("v") for m in lines]
    if len(lines) < 3 or len(set(labels)) < 2:
        return
    for m in lines:
        v = m.group("v")
        if _CHAT_NOT.search(v) or v.lower() in NON_NAME_WORDS:
            continue
        if _chat_name(v, labels.count(v)):
            yield m.start("v"), m.end("v"), 0.75


def _chat_name(v: str, times: int) -> bool:
    if not v[0].isascii():  # a form's field label also starts lines: 申请人：, 车辆信息：, 商品：
        return not _FIELD_END.search(v) and (times >= 2 or v[0] in SURNAMES and v[0] not in WEAK_SURNAMES)
    first = v.split()[0].lower()
    if first in ENGLISH_WORDS:
        return False
    return " " in v or first in FIRST_NAMES or first in world_first_names()


_FIELD_END = re.compile(r"[人方号价式息品体辆型码额期址号栏项表单户]$|^[老我你他她咱]")


class StructuredPerson(Recognizer):
    entity = "PERSON"
    base_score = 0.8

    def candidates(self, text):
        if "[" in text:
            for m in _SPEAKER.finditer(text):
                if not _ROLE.match(m.group("v").strip()):
                    yield m.start("v"), m.end("v"), 0.85
        yield from chat_speakers(text)
        if "@" in text:
            for m in _DISPLAY.finditer(text):
                g = "v" if m.group("v") else "w"
                yield m.start(g), m.end(g), 0.85
        for s, e in table_values(text, "PERSON"):
            yield s, e, 0.8


class StructuredColumn(Recognizer):
    """A cell under a birth-date, id, address or phone column (出生日期, 证件号码, Address, 家长电话)."""
    kind = ""
    need_digits = 4
    score = 0.8

    def candidates(self, text):
        for s, e in table_values(text, self.kind):
            if sum(c.isdigit() for c in text[s:e]) >= self.need_digits:
                yield s, e, self.score


class StructuredDob(StructuredColumn):
    entity = kind = "DATE_OF_BIRTH"
    need_digits = 1
    score = 0.85


class StructuredId(StructuredColumn):
    entity = kind = "ID_NUMBER"


class StructuredAddress(StructuredColumn):
    entity = kind = "ADDRESS"
    need_digits = 1


class StructuredPhone(StructuredColumn):
    entity = kind = "PHONE_NUMBER"
    need_digits = 7


class StructuredAccount(Recognizer):
    entity = "BANK_ACCOUNT"

    def candidates(self, text):
        for s, e in table_values(text, "BANK_ACCOUNT"):
            if sum(c.isdigit() for c in text[s:e]) >= 6:
                yield s, e, 0.8
