"""Regression cases from a blind probe of everyday phrasings (heldout_probe.jsonl).

Each pair is (text, level). The first block failed before the fixes that came
with it; the rest passed and guard the same areas (typos, indirect wording,
a third party as the patient).
"""
from __future__ import annotations

import pytest

from edgewise.triage import triage
from edgewise.triage.text import ages, durations_days, negated_spans, normalise

FAILED_FIRST = [
    # a child found with a caustic, nobody saw the swallow
    ("found my 2 year old with an open bottle of drain cleaner, there's some on his mouth", "emergency"),
    ("my 3 yo got into the dishwasher tablets, theres blue stuff around her lips", "emergency"),
    ("孩子把洗衣凝珠咬破了，嘴边都是", "emergency"),
    ("发现我爸旁边有个空药瓶，人迷迷糊糊的", "emergency"),
    # "cant" without the apostrophe; one swollen calf plus breathlessness
    ("no chest pain but i suddenly cant breathe properly and my left calf has been swollen since my long flight",
     "emergency"),
    ("calf has been swollen and sore on the right for 3 days and now im short of breath climbing one flight of stairs",
     "emergency"),
    ("右边小腿肿了三天，现在走几步就喘不上气", "emergency"),
    # age written without "old"
    ("baby is 7 weeks and feels really hot, 38.2 under the arm", "emergency"),
    # indirect suicidal talk
    ("我觉得大家没有我会过得更好", "emergency"),
    ("i feel like everyone would be better off without me", "emergency"),
    # allergy: 嘴巴 (mouth) swelling after peanut butter
    ("孩子吃了花生酱，嘴巴肿起来了，一直咳嗽喘", "emergency"),
    # months of low mood is a clinic visit even without self-harm thoughts
    ("ive been feeling really down and unmotivated for a couple months, not sleeping well, "
     "no thoughts of hurting myself", "clinic"),
    # 不小心 means "accidentally", not a negation of the cut
    ("切菜不小心划了个小口子，已经不流血了", "self-care"),
    # an elder's "long lie" on the floor; age given as "shes 82"
    ("mom fell in the bathroom last night and has been on the floor since, cant get up, shes 82", "emergency"),
    ("我妈在卫生间摔倒了，一晚上都没起来，82岁", "emergency"),
    # stridor in lay words
    ("my 5 year old has a barking cough and is making a high pitched noise when breathing in even when calm, drooling",
     "emergency"),
    # non-blanching rash: 按了也不褪色, 紫红色的小点点
    ("孩子发烧，身上有紫红色的小点点，按了也不褪色", "emergency"),
    # farewells plus a plan
    ("女朋友发消息跟所有人告别，说已经计划好了", "emergency"),
    # overdose and poisoning without "overdose": a count, 误吃, 好几片
    ("i took like 30 of my antidepressants", "emergency"),
    ("孩子误吃了奶奶的降压药，吃了好几片", "emergency"),
    # pregnancy named only by the waters; leaking fluid at 28 weeks
    ("my sister is 36 weeks and her waters broke, its green", "emergency"),
    ("孕28周，肚子一阵阵发紧，下面流水", "emergency"),
    # bleeding that keeps welling out
    ("被狗咬了，伤口很深，血一直往外冒", "emergency"),
    # colic with reddish urine: at least a clinic visit
    ("腰一侧一阵一阵绞痛，痛到大腿根，尿有点红", "clinic"),
]

PASSED = [
    ("my dad's face is drooping on one side and his words are coming out wrong, started like 20 min ago", "emergency"),
    ("我爸突然说话不清楚，一边手没劲，嘴也歪了", "emergency"),
    ("my roommate took a whole bottle of tylenol about an hour ago, she says she feels fine but im scared",
     "emergency"),
    ("不想活了，药都准备好了，活着太累", "emergency"),
    ("had black tarry poop for 2 days and now i almost passed out getting up from the couch", "emergency"),
    ("烧炭取暖，一家人都头晕恶心，有人已经站不起来了", "emergency"),
    ("在工地晒了一下午，工友突然晕倒，身上滚烫，说胡话", "emergency"),
    ("pregnant 20 weeks, some mild swelling in ankles at end of day, bp was normal last visit, no headache", "clinic"),
    ("最近两个月心情很差，什么都不想做，晚上睡不着，但没有想伤害自己", "clinic"),
    ("my kid swallowed a coin an hour ago, breathing fine, no drooling", "clinic"),
    ("no chest pain, no trouble breathing, just a tickly cough for 2 days with a cold", "self-care"),
    ("i dont have a fever, just a runny nose and sneezing since yesterday", "self-care"),
    ("不小心扭了一下脚，有点肿，能走路", "self-care"),
]


@pytest.mark.parametrize("text,level", FAILED_FIRST + PASSED)
def test_probe_level(text, level):
    assert triage(text)["level"] == level


def test_bare_contractions_read_as_negations():
    t = normalise("i dont have a fever and cant sleep")
    assert "don't have" in t and "can't sleep" in t
    assert any(t[a:b].strip().startswith("a fever") for a, b in negated_spans(t))


def test_couple_months_is_a_duration():
    assert durations_days(normalise("feeling low for a couple months")) == [60.0]


@pytest.mark.parametrize("text,age", [("baby is 7 weeks and hot", 7 / 52), ("my son, 3 months, fever", 0.25)])
def test_age_without_old(text, age):
    assert ages(normalise(text)) == [pytest.approx(age)]


def test_age_without_old_ignores_prematurity():
    assert ages(normalise("baby was 3 weeks early, now 2 years old")) == [2.0]


@pytest.mark.parametrize("text", [
    "Swollen, painful right calf for two days after a long flight, no shortness of breath.",
    "I used bleach to clean the bathroom and the smell made me cough a bit.",
    "been feeling a bit down this week since my exams, sleeping ok, seeing friends",
    "said goodbye to my friends at the airport and then got a mild headache on the flight",
])
def test_look_alikes_are_not_emergencies(text):
    assert triage(text)["level"] != "emergency"


# A second blind probe (heldout_probe2.jsonl): red flags buried or understated.
# These three were under-triaged before the rules were widened for them; the
# variants are new wordings of the same signs, written for this test.
@pytest.mark.parametrize("text", [
    "Long week, work stress, had a cold-ish thing. Anyway coughed up about a cupful of bright red blood just now "
    "but otherwise ok? just tired.",
    "coughed up like a mouthful of blood this morning",
    "husband had a UTI few days, now shaking uncontrollably, confused, skin cold and blotchy, breathing fast, "
    "hasnt peed since this morning",
    "my gran has a kidney infection and today she is disoriented and doesn't know where she is",
    "dad's skin went blotchy and he is confused, has been shaking all over",
    "婆婆尿路感染三天了，今天开始说胡话",
    "肚子疼了一下午越来越厉害，现在肚皮硬邦邦的，碰都不能碰，还发烧",
])
def test_probe2_red_flags_are_emergencies(text):
    out = triage(text)
    assert out["level"] == "emergency" and out["red_flags"], out


@pytest.mark.parametrize("text", [
    "tiny streak of blood in the tissue when i blew my nose, air is really dry, stopped straight away",
    "coughed up some blood-streaked phlegm once with this cold",
    "My UTI is back, burning when I pee",
    "skin looks blotchy after the hot shower",
    "肚子有点胀，吃多了",
])
def test_probe2_look_alikes_raise_no_red_flag(text):
    assert triage(text)["red_flags"] == []
