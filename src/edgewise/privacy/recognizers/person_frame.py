"""Chinese names in a verb frame, with no cue word before them:

  sentence start + name + verb/particle   孙鹏飞说明天开会 / 刘宏伟来电话了
  addressing verb + name                  请联系李娜 / 你找曾立新吧 / 跟欧阳欣怡说

The frame replaces the cue: a surname character (even a weak one such as
马/林/高) followed by 1-2 given characters is a name when it sits on jieba
token boundaries, is not itself a common dictionary word (王国, 高兴, 马上,
方法 ...) and, at a sentence start, is followed by a typical verb/particle.
"""
from __future__ import annotations

from .names import COMPOUND_SURNAMES, GIVEN_CHARS, SURNAMES, WEAK_SURNAMES

# What typically follows a subject name at the start of a sentence.
FOLLOW = ("说", "讲", "来", "去", "在", "是", "的", "给", "让", "和", "跟", "要", "会", "能", "也",
          "都", "就", "还", "又", "把", "被", "对", "向", "从", "到", "不", "没", "已经", "正在",
          "刚才", "刚刚", "明天", "今天", "昨天", "后天", "下午", "上午", "晚上", "早上", "打电话",
          "发", "问", "告诉", "通知", "觉得", "认为", "表示", "同意", "请假", "负责", "找", "想",
          "回", "吗", "呢", "吧")
# Verbs (and coverbs) whose object is usually a person: 联系/找/问 + name.
ADDRESS_VERBS = ("联系", "找", "问", "告诉", "通知", "请", "让", "和", "跟", "给", "叫", "转告",
                 "提醒", "麻烦", "谢谢", "感谢", "邀请", "拜托", "交给", "发给", "打给", "等")
# Words that may open a sentence before its subject: 昨天孙鹏飞来找我了.
LEAD_INS = ("昨天", "今天", "明天", "刚才", "后来", "然后", "但是", "所以", "其实", "听说", "不过")
# Characters that never sit inside a given name: particles, pronouns, verbs
# that end the name (说/来/去 ...), and 地/得/着 (高兴地说, 张开着).
GIVEN_STOP = frozenset("的了是在和与及说道问跟把被给对也都就又还要会能吗呢吧啊呀哦嗯很不没来去到从向往"
                       "这那个们我你他她它年月日时分秒号先女发送打写寄地得着过么啥谁找请让叫已正")
# A given-name part that is a frequent time word/adverb/pronoun/numeral is
# not a name: 于|明天, 查|一下 (rare ones such as 立新 still are).
_FUNCTION_TAGS = frozenset(("t", "d", "c", "p", "r", "f", "u", "q", "m"))
_FUNCTION_FREQ = 1000
# Single characters that turn the preceding character into an ordinary noun.
NOUN_SUFFIXES = frozenset("子儿头")
COMMON = 50  # jieba frequency above which a word is "ordinary", not a name


def frame_names(word: str, seg, tags, freq):
    """(start, end, score) of framed names inside one Han run `word`."""
    for i, need_follow in _starts(word):
        end = _name_at(word, i, need_follow, seg, tags, freq)
        if end:
            yield i, end, 0.7
        elif _given_only(word, i, need_follow, tags, freq):
            yield i, i + 2, 0.6


# Friends and family are called by the given name alone: 和欣怡去看房, 跟淑芬讲,
# 家豪说他, 秀英阿姨, 婷婷她们.  Without a surname the frame must be tighter.
GIVEN_FOLLOW = ("说", "說", "讲", "講", "你", "我跟你", "今天", "明天", "昨天", "刚才", "已经", "阿姨", "叔叔",
                "姐", "哥", "她们", "他们", "一起", "去", "来", "要", "想")


def _given_only(word, i, need_follow, tags, freq) -> bool:
    name = word[i:i + 2]
    if len(name) < 2 or not all(c in GIVEN_CHARS and c not in GIVEN_STOP for c in name):
        return False
    f = freq.get(name, 0)
    if f > 300 or f > COMMON and tags.get(name) not in ("nr", "nrfg"):
        return False  # 明天, 美丽, 建国, 天亮 (tagged nr but a word first): ordinary words
    rest = word[i + 2:]
    if rest.startswith(GIVEN_FOLLOW):
        return True
    return not rest and not need_follow  # 跟淑芬 / 通知欣怡 ending the clause


def _starts(word: str):
    """Positions that open a frame; True = a following verb is required."""
    yield 0, True  # the run begins a sentence or clause
    for lead in LEAD_INS:
        if word.startswith(lead):
            yield len(lead), True
    for verb in ADDRESS_VERBS:
        k = word.find(verb)
        while k >= 0:
            yield k + len(verb), False
            k = word.find(verb, k + 1)


def _name_at(word, i, need_follow, seg, tags, freq) -> int:
    sur = _surname_len(word, i)
    if not sur:
        return 0
    a, b = max(0, i - 2), min(len(word), i + sur + 4)
    toks = [(w, s + a, e + a) for w, s, e in seg.tokenize(word[a:b], HMM=False)]
    ends = {e for _, _, e in toks if e < b or b == len(word)}
    glued = next((w for w, s, e in toks if s < i < e), None)
    if glued and freq.get(glued, 0) > COMMON:
        return 0  # 和平 / 跟上官方: the verb is part of an ordinary word
    # On a token boundary first (prefer the longer name), then glued onto a
    # following verb: 许晓东|来 segments as 许|晓|东来.
    for on_bound in (True, False):
        for e in (i + sur + 2, i + sur + 1):
            if (e in ends) == on_bound and _framed(word, i, sur, e, need_follow, on_bound) \
                    and _plausible(word, i, sur, e, tags, freq):
                return e
    return 0


def _framed(word, i, sur, e, need_follow, on_bound) -> bool:
    if e > len(word):
        return False
    if word.startswith(FOLLOW, e):
        return True
    if e < len(word):
        return on_bound and not need_follow  # 让田欣|处理
    # the name ends the run (张伟，/ 请联系李娜): a sentence-initial one must
    # look like a name on its own, or 向前走 / 钱不够 would count
    return not need_follow or all(c in GIVEN_CHARS for c in word[i + sur:e])


def _surname_len(word: str, i: int) -> int:
    if word[i:i + 2] in COMPOUND_SURNAMES:
        return 2
    return 1 if i < len(word) and word[i] in SURNAMES else 0


def _famous(name, sur, tags) -> bool:
    """李娜 is a frequent jieba word because it is a well-known person's name
    (tag nr); 张开/高明 are tagged nr too, so the given char must look like one."""
    given = name[sur:]
    if len(given) == 1 and given in NOUN_SUFFIXES:
        return False  # 李子, 孙子: surname char + noun suffix is a plain noun
    return (tags.get(name) in ("nr", "nrt", "nrfg") and name[0] not in WEAK_SURNAMES
            and all(c in GIVEN_CHARS for c in given))


def _plausible(word, i, sur, e, tags, freq) -> bool:
    name, given = word[i:e], word[i + sur:e]
    if not all("\u4e00" <= c <= "\u9fff" and c not in GIVEN_STOP for c in given):
        return False
    if freq.get(name, 0) > COMMON and not _famous(name, sur, tags):
        return False  # 黄金, 周末, 方法: an ordinary word
    if len(given) == 2 and tags.get(given) in _FUNCTION_TAGS and freq.get(given, 0) > _FUNCTION_FREQ:
        return False  # 于|明天
    if name[0] in WEAK_SURNAMES and sur == 1 and not any(c in GIVEN_CHARS for c in given):
        return False  # 车|贷: a word-like surname needs a name-like given char
    if sur == 1 and len(given) == 2 and freq.get(name[:2], 0) > COMMON:
        return given[1] in GIVEN_CHARS  # 王国|华 is a name, 高兴|地 is not
    return True
