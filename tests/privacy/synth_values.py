"""Value generators for the synthetic PII corpus (synth.py): valid and
near-miss IDs, phones, cards, names, addresses and dates."""
from __future__ import annotations

import datetime
import random

PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45,
             46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65]

def luhn_complete(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def group(n: str, sizes: list[int], sep: str) -> str:
    out, i = [], 0
    for s in sizes:
        out.append(n[i:i + s])
        i += s
    if i < len(n):
        out.append(n[i:])
    return sep.join(out)


def rand_date(rng, lo=1935, hi=2012) -> datetime.date:
    start = datetime.date(lo, 1, 1).toordinal()
    return datetime.date.fromordinal(rng.randint(start, datetime.date(hi, 12, 31).toordinal()))


def id_check(body: str) -> str:
    c = (1 - 2 * int(body, 13)) % 11
    return "X" if c == 10 else str(c)


def cn_id(rng, valid=True) -> str:
    body = (str(rng.choice(PROVINCES)) + f"{rng.randint(1, 99):02d}{rng.randint(1, 99):02d}"
            + rand_date(rng).strftime("%Y%m%d") + f"{rng.randint(0, 999):03d}")
    check = id_check(body)
    if not valid:
        check = rng.choice([c for c in "0123456789X" if c != check])
    n = body + check
    r = rng.random()
    if r < 0.15 and n.endswith("X"):
        n = n[:-1] + "x"
    if r > 0.85:
        return group(n, [6, 8, 4], rng.choice(" -"))
    return n


def cn_mobile(rng) -> str:
    n = "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
    style = rng.randrange(7)
    if style == 1:
        n = group(n, [3, 4, 4], " ")
    elif style == 2:
        n = group(n, [3, 4, 4], "-")
    if rng.random() < 0.3:
        n = rng.choice(["+86 ", "+86-", "+86", "0086 ", "86 ", "(+86) "]) + n
    return n


def bank_card(rng) -> str:
    n = luhn_complete(rng, "62" + rng.choice(["2", "1", "5", "8"]), rng.choice([16, 16, 17, 18, 19]))
    return group(n, [4, 4, 4, 4], rng.choice(" -")) if rng.random() < 0.5 else n


def credit_card(rng) -> str:
    kind = rng.choice(["visa", "visa", "mc", "mc2", "amex", "discover", "jcb"])
    if kind == "visa":
        n = luhn_complete(rng, "4", 16)
    elif kind == "mc":
        n = luhn_complete(rng, str(rng.randint(51, 55)), 16)
    elif kind == "mc2":
        n = luhn_complete(rng, str(rng.randint(2221, 2720)), 16)
    elif kind == "amex":
        n = luhn_complete(rng, rng.choice(["34", "37"]), 15)
        return group(n, [4, 6, 5], rng.choice(" -")) if rng.random() < 0.6 else n
    elif kind == "discover":
        n = luhn_complete(rng, "6011", 16)
    else:
        n = luhn_complete(rng, str(rng.randint(3528, 3589)), 16)
    return group(n, [4, 4, 4, 4], rng.choice(" -")) if rng.random() < 0.5 else n


def email(rng) -> str:
    first = rng.choice(["john", "li.wei", "zhang_san", "m.garcia", "anna", "dev+test", "x9",
                        "wangfang88", "o.connor", "sam-lee", "qa.team01"])
    dom = rng.choice(["example.com", "gmail.com", "qq.com", "163.com", "corp.example.cn",
                      "mail.co.uk", "uni.edu", "sub.domain.io", "outlook.com"])
    return f"{first}{rng.choice(['', str(rng.randint(1, 999))])}@{dom}"


def ssn(rng, valid=True) -> str:
    if valid:
        a = rng.choice([x for x in range(1, 900) if x != 666])
        g, s = rng.randint(1, 99), rng.randint(1, 9999)
    else:
        a, g, s = rng.choice([(0, 12, 3456), (666, 10, 1234), (912, 34, 5678), (123, 0, 4567),
                              (234, 56, 0)])
    n = f"{a:03d}{g:02d}{s:04d}"
    return group(n, [3, 2, 4], rng.choice(["-", "-", " "]))


def phone(rng) -> str:
    """NANP in its usual formats, or international +CC/00CC (never a CN mobile)."""
    def nxx():
        return f"{rng.randint(2, 9)}{rng.randint(0, 99):02d}"
    a, e, line = nxx(), nxx(), f"{rng.randint(0, 9999):04d}"
    if rng.random() < 0.5:
        return rng.choice([f"({a}) {e}-{line}", f"{a}-{e}-{line}", f"{a}.{e}.{line}",
                           f"+1 {a} {e} {line}", f"+1-{a}-{e}-{line}", f"+1 ({a}) {e}-{line}",
                           f"1-800-{e}-{line}", f"+1{a}{e}{line}"])
    cc, sizes = rng.choice([("44", [2, 4, 4]), ("44", [4, 6]), ("49", [2, 8]), ("49", [3, 7]),
                            ("33", [1, 2, 2, 2, 2]), ("81", [2, 4, 4]), ("61", [1, 4, 4]),
                            ("852", [4, 4]), ("91", [5, 5]), ("86", [2, 4, 4]), ("86", [3, 4, 4]),
                            ("34", [3, 3, 3]), ("7", [3, 3, 2, 2])])
    groups = [str(rng.randint(2, 9)) + "".join(rng.choice("0123456789") for _ in range(k - 1))
              for k in sizes]
    sep = rng.choice([" ", " ", "-"])
    if rng.random() < 0.15:
        return "+" + cc + "".join(groups)
    return rng.choice(["+", "+", "+", "00"]) + cc + sep + sep.join(groups)


def cn_landline(rng, style: int | None = None) -> str:
    """Chinese fixed line without +86: area 010/02x (8 digits) or 0[3-9]xx (7-8)."""
    area = rng.choice(["010", f"02{rng.randint(0, 9)}", f"0{rng.randint(3, 9)}{rng.randint(10, 99)}"])
    size = 8 if len(area) == 3 else rng.choice([7, 8])
    sub = str(rng.randint(2, 9)) + "".join(rng.choice("0123456789") for _ in range(size - 1))
    head, tail = sub[:-4], sub[-4:]
    style = rng.randrange(7) if style is None else style
    return [f"{area}-{sub}", f"{area}-{head} {tail}", f"({area}) {head} {tail}", f"（{area}）{sub}",
            f"{area}-{head}-{tail}", f"{area} {head} {tail}", f"{area}{sub}"][style]


def ip(rng) -> str:
    r = rng.random()
    if r < 0.5:
        return f"{rng.choice([8, 23, 45, 61, 101, 114, 172, 185, 203, 220])}.{rng.randint(0, 255)}" \
               f".{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if r < 0.7:
        return rng.choice([f"192.168.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
                           f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"])
    groups = [f"{rng.randint(1, 0xffff):x}" for _ in range(8)]
    groups[0] = rng.choice(["2001", "2400", "2a02", "240e"])
    if rng.random() < 0.6:
        return ":".join(groups[:3]) + "::" + groups[7]
    return ":".join(groups)


ZH_SUR = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏"
              "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛") + ["欧阳", "司马", "诸葛", "上官"]
ZH_GIVEN = ("伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 子涵 梓萱 浩然 宇轩 "
            "欣怡 一诺 思远 佳琪 俊杰 雨桐 晓东 建华 国强 文博 嘉怡 志强 海燕 春梅 立新 振宇 婉婷 天佑 若曦 "
            "晨阳 子豪 诗涵 梦洁 家豪 宏伟 玉兰 淑珍 凤英 德明 永刚 丹丹 鹏飞 雪 琳 晨 欣 瑶").split()
EN_FIRST = ("James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Susan Emily "
            "Daniel Sarah Thomas Karen Kevin Nancy Brian Lisa Jason Anna Olivia Noah Liam Sophia Ethan "
            "Chloe Lucas Hannah Priya Carlos Ahmed Yuki Elena Marco").split()
EN_LAST = ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
           "Wilson Anderson Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis Walker "
           "Young Allen King Wright Scott Nguyen Patel Kim Chen Wang Novak Rossi Schmidt").split()


def zh_name(rng) -> str:
    return rng.choice(ZH_SUR) + rng.choice(ZH_GIVEN)


def en_name(rng) -> str:
    return f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"


def zh_address(rng) -> str:
    prov = rng.choice(["广东省深圳市南山区", "浙江省杭州市西湖区", "北京市朝阳区", "上海市浦东新区",
                       "江苏省南京市鼓楼区", "四川省成都市武侯区", "湖北省武汉市洪山区", "", "天津市河西区"])
    road = rng.choice(["科技园路", "文一西路", "建国路", "世纪大道", "中山北路", "人民南路", "珞喻路",
                       "解放大街", "长江路", "南京东路"])
    out = prov + road + f"{rng.randint(1, 999)}号"
    if rng.random() < 0.5:
        out += rng.choice(["阳光小区", "翠苑新村", "万科城", "金地花园", "华润大厦"]) + \
               rng.choice([f"{rng.randint(1, 30)}栋", f"{rng.randint(1, 12)}号楼", ""])
        out += rng.choice([f"{rng.randint(1, 6)}单元{rng.randint(1, 30)}0{rng.randint(1, 4)}室",
                           f"{rng.randint(101, 2505)}室", ""])
    return out
