"""Bilingual synthetic PII corpus: positives with known spans, look-alike negatives.

generate(seed) is deterministic. Recognizers were tuned on DEV_SEEDS only;
the tests evaluate on TEST_SEEDS, a disjoint family.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from .synth_values import (  # noqa: F401 - re-exported for the tests
    PROVINCES, luhn_complete, group, rand_date, id_check, cn_id, cn_mobile, bank_card, credit_card, email, ssn, phone, cn_landline, ip, zh_name, en_name, zh_address)

DEV_SEEDS = range(1000, 1004)
TEST_SEEDS = range(0, 4)
STRUCTURED = ("CN_ID_CARD", "CN_MOBILE", "BANK_CARD", "CREDIT_CARD", "EMAIL", "US_SSN",
              "IP_ADDRESS", "PHONE_NUMBER")
FUZZY = ("PERSON", "ADDRESS", "DATE_OF_BIRTH")
# Types added later draw after the original corpus, so its cases stay the same.
LATER = ("PHONE_NUMBER",)


@dataclass
class Case:
    text: str
    expected: list[tuple[str, str]] = field(default_factory=list)  # (type, value)
    lang: str = "en"


ZH_FILL = ["请帮我核实一下", "谢谢", "麻烦尽快处理", "这是客户资料", "如下", "备注：加急", "以上信息无误"]
EN_FILL = ["please double-check", "thanks", "asap please", "see below", "FYI", "as discussed"]


US_STREETS = ["Main", "Oak", "Maple", "Pine", "Cedar", "Elm", "Lake View", "Washington", "5th",
              "Sunset"]
US_SUFFIXES = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Lane", "Dr", "Drive", "Way",
               "Court"]


def us_address(rng) -> str:
    out = f"{rng.randint(1, 9999)} {rng.choice(US_STREETS)} {rng.choice(US_SUFFIXES)}"
    if rng.random() < 0.3:
        out += rng.choice([", Apt ", " Apt ", ", Suite ", " #"]) + str(rng.randint(1, 999))
    if rng.random() < 0.6:
        out += f", {rng.choice(['Springfield', 'Austin', 'Portland', 'San Jose', 'Madison'])}, " \
               f"{rng.choice(['IL', 'TX', 'OR', 'CA', 'WI'])} {rng.randint(10000, 99999)}"
    return out


def dob(rng) -> str:
    d = rand_date(rng, 1940, 2015)
    month = d.strftime("%B")
    return rng.choice([d.strftime("%Y-%m-%d"), d.strftime("%Y/%m/%d"), f"{d.year}年{d.month}月{d.day}日",
                       d.strftime("%m/%d/%Y"), f"{month} {d.day}, {d.year}", f"{d.day} {month} {d.year}",
                       d.strftime("%Y%m%d")])


# --- positives: (type, value generator, zh labels, en labels) ------------------
VALUES = {
    "CN_ID_CARD": (cn_id, ["身份证号", "身份证", "证件号码"], ["ID card no.", "Chinese ID"]),
    "CN_MOBILE": (cn_mobile, ["手机", "电话", "联系方式"], ["phone", "mobile", "cell"]),
    "BANK_CARD": (bank_card, ["银行卡号", "卡号", "工资卡"], ["bank card", "UnionPay card"]),
    "CREDIT_CARD": (credit_card, ["信用卡", "卡号"], ["card number", "Visa", "credit card"]),
    "EMAIL": (email, ["邮箱", "电子邮件"], ["email", "e-mail"]),
    "US_SSN": (ssn, ["社会安全号"], ["SSN", "social security number"]),
    "IP_ADDRESS": (ip, ["服务器IP", "登录IP", "IP地址"], ["server", "IP", "client address"]),
    "PHONE_NUMBER": (phone, ["电话", "联系电话", "传真", "座机"], ["phone", "tel", "call", "fax"]),
    "PERSON": (None, [], []),
    "ADDRESS": (None, ["地址", "收货地址"], ["address", "ship to"]),
    "DATE_OF_BIRTH": (dob, [], []),
}
ZH_T = ["我的{label}是{v}，{fill}。", "{label}：{v}", "{fill}，{label} {v}", "{v}", "把{v}发给财务，{fill}",
        "客户资料 - {label}: {v}；{fill}", "（{v}）", "收到，{v}。", "Please use 这个{label} {v} thanks"]
EN_T = ["My {label} is {v}, {fill}.", "{label}: {v}", "{fill} -> {v}", "{v}", "Use {v} for the form.",
        "Customer record | {label} = {v} | {fill}", "({v})", "ok, {v}.", "请核对 {label} {v}，谢谢"]
PERSON_ZH = ["我叫{v}，{fill}。", "姓名：{v}", "联系人：{v}，电话稍后发。", "患者{v}，男，45岁。",
             "{v}先生您好，{fill}。", "请转告{v}女士明天来。", "收件人：{v}", "我的同事{v}明天请假。",
             "{v}说明天开会。", "昨天{v}来找我了。"]
PERSON_EN = ["My name is {v}.", "Name: {v}", "Dear {v},", "Signed, {v}", "Please ask Dr. {v} to call back.",
             "{v} will join the call tomorrow.", "I met {v} at the conference.", "Patient: {v}, 45y",
             "Contact person: {v}", "Thanks, {v}"]
ADDR_ZH = ["收货地址：{v}", "我住在{v}。", "请寄到{v}，{fill}。", "公司位于{v}。", "地址 {v}"]
ADDR_EN = ["I live at {v}.", "Ship to: {v}", "Our office is at {v}.", "Address: {v}", "Mail it to {v} please."]
DOB_ZH = ["出生日期：{v}", "我的生日是{v}。", "他出生于{v}，{fill}。", "出生年月日 {v}"]
DOB_EN = ["DOB: {v}", "Date of birth: {v}", "She was born on {v}.", "Birthday {v}, {fill}"]


def needs_label(kind: str, v: str) -> bool:
    """Phone shapes reported only after a context word: 00…, spaced or bare landlines."""
    if kind != "PHONE_NUMBER":
        return False
    return v.startswith("00") or (v.startswith("0") and not any(c in v for c in "-(（"))


def positive(rng, kind: str, gen=None) -> Case:
    zh = rng.random() < 0.5
    fill = rng.choice(ZH_FILL if zh else EN_FILL)
    if kind == "PERSON":
        v = zh_name(rng) if zh else en_name(rng)
        t = rng.choice(PERSON_ZH if zh else PERSON_EN)
        if "Dr." in t:
            v = v.split()[-1] if rng.random() < 0.5 else v
    elif kind == "ADDRESS":
        v = zh_address(rng) if zh else us_address(rng)
        t = rng.choice(ADDR_ZH if zh else ADDR_EN)
    elif kind == "DATE_OF_BIRTH":
        v, t = dob(rng), rng.choice(DOB_ZH if zh else DOB_EN)
    else:
        default, zl, el = VALUES[kind]
        v = (gen or default)(rng)
        templates = ZH_T if zh else EN_T
        if needs_label(kind, v):
            templates = [x for x in templates if "{label}" in x]
        t = rng.choice(templates)
        label = rng.choice(zl if zh else el)
        if kind == "US_SSN" and v.replace("-", "").replace(" ", "") == v:
            label = "SSN"
        return Case(t.format(label=label, v=v, fill=fill), [(kind, v)], "zh" if zh else "en")
    return Case(t.format(v=v, fill=fill), [(kind, v)], "zh" if zh else "en")


# --- negatives: look-alikes that must not be flagged ---------------------------
def _digits(rng, n):
    return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def negative(rng) -> Case:
    k = rng.randrange(22)
    d = _digits
    if k == 0:
        t = rng.choice(["订单号：{n}", "订单编号 {n}，预计明天发货", "Order #{n} has shipped",
                        "tracking number {n}", "运单号{n}", "invoice no. {n}"])
        n = rng.choice([d(rng, 11), luhn_complete(rng, "62", 19), luhn_complete(rng, "4", 16),
                        cn_id(rng).replace(" ", "").replace("-", ""), d(rng, 18)])
        return Case(t.format(n=n))
    if k == 1:
        return Case(rng.choice([f"¥{rng.randint(1, 99)},{rng.randint(100, 999)}.00",
                                f"售价 {rng.randint(100, 99999)} 元", f"costs ${rng.randint(1, 9999)}.99",
                                f"总价：{rng.randint(1000, 9999)}元，优惠{rng.randint(10, 99)}元"]))
    if k == 2:
        y = rng.randint(1900, 2030)
        return Case(rng.choice([f"in {y} the company grew", f"{y}年的销量", f"Q3 {y} report", f"since {y}"]))
    if k == 3:
        a, b, c = rng.randint(0, 20), rng.randint(0, 30), rng.randint(0, 99)
        return Case(rng.choice([f"v{a}.{b}.{c}", f"version {a}.{b}.{c}.{rng.randint(0, 99)}",
                                f"Python 3.{b}.{c}", f"升级到 {a}.{b}.{c}.{rng.randint(1, 9)}.{rng.randint(1, 9)} 版本",
                                f"build {a}.{b}.{c}", f"{a}.{b}.{c}"]))
    if k == 4:
        n = rng.choice([cn_mobile(rng).replace(" ", ""), luhn_complete(rng, "4", 16), d(rng, 18)])
        return Case(rng.choice([f"```python\nuser_id = {n}\nprint(user_id)\n```",
                                f"```\nconst X = {n};\n```", f"运行 `id = {n}` 试试",
                                f"    long seed = {n}L;", f"mask = 0x{rng.randint(1, 2**48):X}"]))
    if k == 5:
        n = luhn_complete(rng, rng.choice(["4", "62", "51", "37"]), 16)
        bad = n[:-1] + str((int(n[-1]) + rng.randint(1, 9)) % 10)
        return Case(rng.choice(["号码 {n}", "number {n}", "{n}"]).format(n=group(bad, [4, 4, 4, 4], rng.choice(" -"))))
    if k == 6:
        return Case(rng.choice(["号码 {n}", "ID {n}", "{n}"]).format(n=cn_id(rng, valid=False)))
    if k == 7:
        return Case(rng.choice([f"ts={d(rng, 13)}", f"timestamp {rng.randint(1600000000, 1800000000)}",
                                f"时间戳：{rng.randint(1600000000000, 1800000000000)}",
                                f"created_at: {rng.randint(1600000000, 1800000000)}"]))
    if k == 8:
        m = "1" + rng.choice("3456789") + d(rng, rng.choice([8, 10]))
        return Case(rng.choice(["电话 {n}", "call {n}", "{n}"]).format(n=rng.choice([m, "12" + d(rng, 9)])))
    if k == 9:
        return Case(rng.choice(["127.0.0.1", "0.0.0.0", "::1", "255.255.255.0", "localhost 127.0.0.53",
                                "bind to 0.0.0.0:8080", "netmask 255.255.0.0", "arr[::2]", "12:30:45",
                                "multicast 224.0.0.251", "1.2.3.4.5", "10.0.19041.1"]))
    if k == 10:
        return Case(rng.choice(["number {n}", "{n}"]).format(n=ssn(rng, valid=False)))
    if k == 11:
        return Case(rng.choice(["icon@2x.png", "user@localhost", "foo@bar", "git@github.com:org/repo.git",
                                "@decorator", "email@", "see a@b", "npm i pkg@1.2.3"]))
    if k == 12:
        return Case(rng.choice([f"出生日期：{rng.randint(1990, 2000)}-02-30", "生日快乐！",
                                "born in the USA", f"release date: {rand_date(rng).isoformat()}",
                                f"合同签订日期：{rand_date(rng).isoformat()}"]))
    if k == 13:
        return Case(f"{d(rng, 9)} units sold")
    if k == 14:
        return Case(rng.choice(EN_PROSE))
    if k == 15:
        return Case(rng.choice(ZH_PROSE), lang="zh")
    if k == 16:
        return Case(rng.choice(["北京市朝阳区", "上海很大", "New York", "San Francisco, CA",
                                "the road to success", "走在人生的路上", "中山路很堵",
                                f"第{rng.randint(1, 9)}号选手", "Highway to Hell"]))
    if k == 17:
        return Case(f"第{rng.randint(1, 999)}页，共{rng.randint(1000, 9999)}字，阅读量{d(rng, 7)}", lang="zh")
    if k == 18:
        return Case(f"sha {rng.getrandbits(64):016x} commit {rng.getrandbits(32):08x}")
    if k == 19:
        return Case(f"坐标 {rng.uniform(-90, 90):.6f}, {rng.uniform(-180, 180):.6f}")
    if k == 20:
        return Case(rng.choice(["ISBN 978-7-111-54742-6", f"邮编 {rng.randint(100000, 899999)}",
                                f"ZIP {rng.randint(10000, 99999)}", f"room {rng.randint(100, 999)}"]))
    return Case(f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/{rng.randint(1990, 2024)} meeting notes")


EN_PROSE = [
    "The Python Software Foundation released a new version.", "We flew to New York last week.",
    "Visual Studio Code has great extensions.", "Microsoft Azure and Google Cloud both work.",
    "Read the Getting Started guide first.", "Happy New Year to the whole team!",
    "The United States Postal Service is closed on Monday.", "Apple Pay works in most stores.",
    "Machine Learning Engineer wanted.", "Open Source Summit starts in June.",
    "Use Docker Compose for local development.", "The Golden Gate Bridge is in San Francisco.",
    "Our Customer Success team will reply soon.", "Mount Everest is the highest mountain.",
    "Natural Language Processing is fun.", "Welcome to the Jungle is a song.",
]
ZH_PROSE = [
    "这个方法很高明，我们马上开始。", "于是我们决定改用方案二。", "周末去爬山，天气很好。",
    "黄金价格上涨了百分之三。", "文件存储在云端，向量数据库检索很快。", "明天再说吧，今天太累了。",
    "金融市场波动很大，需要谨慎。", "成功的关键在于坚持。", "万一出错怎么办？",
    "林业局发布了防火通知。", "白天黑夜都在加班。", "和平发展是时代的主题。",
    "请把报告发到群里。", "石头剪刀布，谁输谁请客。", "高考成绩下周公布。",
    "这家店的牛肉面很好吃。", "江南的春天很美。", "我们需要更多的测试用例。",
    "钱包忘在家里了。", "马上就要开会了，大家准备一下。", "方便的话帮我看一下代码。",
]


def phone_negative(rng) -> Case:
    """Phone look-alikes: dates, times, versions, sums, ids, prices, ISBNs, code."""
    a, e, line = rng.randint(200, 999), rng.randint(200, 999), f"{rng.randint(0, 9999):04d}"
    bare = f"{a}{e}{line}"
    return Case(rng.choice([
        f"{rng.randint(1990, 2030)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(1990, 2030)}",
        f"{rng.randint(1, 12)}/{rng.randint(1, 28)}", f"at {rng.randint(0, 23)}:{rng.randint(0, 59):02d}",
        f"UTC+{rng.randint(1, 12):02d}:00", f"v{rng.randint(1, 9)}.{a}.{e}", f"升级到 {a}.{e}.{rng.randint(1, 99)}",
        f"what is {bare} / 7", f"{a}-{e} = {a - e}", f"{a} + {e} + {line}", f"seed {bare}",
        f"Order #{a}-{e}-{line} shipped", f"订单号 {a}-{e}-{line}", f"tracking +44 {a} {e} {line}",
        f"invoice {bare}", f"ref {a}.{e}.{line}", f"${a},{e},{rng.randint(100, 999)}.99",
        f"+{rng.randint(10, 99)}.{a}.{e} €", f"ISBN 978-0-{a}-{rng.randint(10000, 99999)}-{rng.randint(0, 9)}",
        f"```\nlong n = {bare}L;\n```", f"`+44 20 {e}{rng.randint(0, 9)} {line}`",
        f"int x = {bare};", f"{rng.randint(100, 199)}-{e}-{line}", f"({a}) {rng.randint(100, 199)}-{line}",
        f"{a} {e} {line}", f"score +{rng.randint(1000000, 9999999)}",
        f"坐标 {rng.uniform(-90, 90):.4f}, {rng.uniform(-180, 180):.4f}",
    ]))


# Sentence-initial English names ("Call Sarah Johnson at …"); capitalised openers
# that are not names. (Chinese sentence-initial names are PERSON_ZH's "{v}说…"
# and LEAD_ZH below.)
LEAD_EN = ["Call {v} at {p}.", "{v} lives at 12 Oak Street.", "{v} called this morning.",
           "Please Call {v} back.", "Email {v} the slides.", "Invite {v} to the review."]
LEAD_NEG = ["Please Call Back Later.", "Meeting Tuesday at 10.", "The Annual Report is due.",
            "Call Center hours are 9 to 5.", "Thanks Team, great work!", "Happy Friday everyone.",
            "Quick Start Guide", "Call Me Maybe is a song.", "Please Review The Draft.",
            "Dear Customer, thanks.", "Send Invoice Today"]


def lead_name(rng) -> Case:
    v, p, t = en_name(rng), cn_landline(rng, rng.randrange(5)), rng.choice(LEAD_EN)
    expected = [("PERSON", v)] + ([("PHONE_NUMBER", p)] if "{p}" in t else [])
    if "Oak Street" in t:
        expected.append(("ADDRESS", "12 Oak Street"))
    return Case(t.format(v=v, p=p), expected)


# Chinese names with no cue word: sentence-initial before a verb/particle, or
# after an addressing verb (drawn last so the other cases keep their values).
LEAD_ZH = ["{v}来电话了。", "{v}已经到了。", "{v}的电话打不通。", "{v}给我发了邮件。", "请联系{v}。",
           "你找{v}吧。", "跟{v}说一下。", "通知{v}明天开会。"]


def lead_name_zh(rng) -> Case:
    v = zh_name(rng)
    return Case(rng.choice(LEAD_ZH).format(v=v), [("PERSON", v)], "zh")


def landline_negative(rng) -> Case:
    """Landline and 00… look-alikes: padded ids, bad area/length, dots, order numbers."""
    area, d4 = f"0{rng.randint(3, 9)}{rng.randint(10, 99)}", f"{rng.randint(0, 9999):04d}"
    return Case(rng.choice([
        "0012 3456 7890", f"00{rng.randint(10, 99)} {d4} {rng.randint(1000, 9999)}",
        f"call 0012 {d4} {rng.randint(1000, 9999)}", f"ID 00{rng.randint(10**9, 10**10 - 1)}",
        f"{area}{rng.randint(2000000, 9999999)}", f"订单号 {area}-{rng.randint(2000000, 9999999)}",
        f"021-{rng.randint(2000000, 9999999)}", f"{area}-0{rng.randint(100, 999)} {d4}",
        f"{area}-{rng.randint(2000, 9999)}", f"v{area}.{rng.randint(2000, 9999)}.{d4}",
        f"{area}.{rng.randint(2000, 9999)}.{d4}", f"¥0.{rng.randint(10, 99)}",
        f"tracking {area}-{rng.randint(20000000, 99999999)}", f"第0{rng.randint(10, 99)}期",
        f"{rng.randint(1000, 1999)} {area} {rng.randint(1000, 9999)} {d4}",  # no card network
        rng.choice(LEAD_NEG),
    ]))


def generate(seed: int, per_type: int = 60, negatives: int = 400) -> tuple[list[Case], list[Case]]:
    """(positive cases, negative cases) for one seed."""
    rng = random.Random(seed)
    pos = [positive(rng, kind) for kind in (*STRUCTURED, *FUZZY) if kind not in LATER
           for _ in range(per_type)]
    neg = [negative(rng) for _ in range(negatives)]
    pos += [positive(rng, kind) for kind in LATER for _ in range(per_type)]
    neg += [phone_negative(rng) for _ in range(negatives // 4)]
    pos += [positive(rng, "PHONE_NUMBER", cn_landline) for _ in range(per_type // 2)]
    pos += [lead_name(rng) for _ in range(per_type // 2)]
    neg += [landline_negative(rng) for _ in range(negatives // 4)]
    pos += [lead_name_zh(rng) for _ in range(per_type // 2)]
    return pos, neg
