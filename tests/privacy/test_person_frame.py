"""Chinese names with no cue word: at a sentence start before a verb or
particle (孙鹏飞说...), after an addressing verb (请联系李娜), compound
surnames; ordinary words that start with a surname character stay quiet."""
from __future__ import annotations

import pytest

from edgewise.privacy import scan


def people(text):
    return [s.text for s in scan(text) if s.type == "PERSON"]


@pytest.mark.parametrize("text, name", [
    ("孙鹏飞说明天开会", "孙鹏飞"), ("刘宏伟来电话了", "刘宏伟"), ("马若曦给我发了邮件", "马若曦"),
    ("高文博去北京了", "高文博"), ("林丹丹来电话了", "林丹丹"), ("韦振宇在开会", "韦振宇"),
    ("熊秀兰是我们的经理", "熊秀兰"), ("田欣的电话打不通", "田欣"), ("尹一诺要请假", "尹一诺"),
    ("杜宇轩和我一起去", "杜宇轩"), ("王芳已经走了", "王芳"), ("刘洋明天到", "刘洋"),
    ("马军打电话过来", "马军"), ("李立新让我转告你", "李立新"), ("蒋思远去北京了", "蒋思远"),
    ("欧阳欣怡是新来的", "欧阳欣怡"), ("司马俊杰说他不来", "司马俊杰"),
    ("诸葛明来电话了", "诸葛明"), ("上官婉婷已经到了", "上官婉婷"), ("昨天田欣来找我了", "田欣"),
])
def test_sentence_initial_names(text, name):
    assert name in people(text), scan(text)


@pytest.mark.parametrize("text, name", [
    ("请联系李娜", "李娜"), ("你找曾立新吧", "曾立新"), ("去问高文博", "高文博"),
    ("告诉马军一声", "马军"), ("通知邱振宇开会", "邱振宇"), ("请马若曦来一下", "马若曦"),
    ("让田欣处理", "田欣"), ("跟欧阳欣怡说一下", "欧阳欣怡"), ("给林丹丹打电话", "林丹丹"),
    ("我和韩文博去", "韩文博"), ("联系马军，电话稍后发", "马军"),
])
def test_names_after_addressing_verbs(text, name):
    assert name in people(text), scan(text)


@pytest.mark.parametrize("text", [
    "王国的历史", "张开双手", "高兴地说", "黄金价格", "周末去公园", "林业局", "方法很简单", "白天下雨",
    "马上就到", "向前走", "于是他说", "安全第一", "常常来", "明天见", "江水很清", "文件在哪",
    "金额是多少", "时间到了", "田地里", "钱不够",
    # after addressing verbs / other surname-initial words
    "请马上来", "你去找方法", "和平发展", "跟上官方网站", "请于明天前提交", "问时间", "请高手来",
    "钱包在哪", "车贷已经逾期", "查一下到哪了", "许多人说", "韩国的", "黄色的", "程序的问题",
    "陈旧的房子", "曾经是", "何时来", "毛病是", "马路上", "余额是多少",
])
def test_surname_initial_words_are_not_names(text):
    assert people(text) == []
