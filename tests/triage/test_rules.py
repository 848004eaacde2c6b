"""Red-flag and amber rules: every category fires in zh and en; negations and
benign look-alikes do not; the patient may be someone else."""
from __future__ import annotations

import pytest

from edgewise.triage.patterns import RED_FLAGS
from edgewise.triage.rules import amber_flags, red_flags

# flag -> (English, Chinese) texts that must fire it.
FIRES = {
    "chest_pain_with_danger_signs": ("Chest pain with shortness of breath for an hour",
                                     "胸口痛，还喘不上气"),
    "face_arm_speech_signs": ("Her face is drooping and her left arm went weak", "口角歪斜，一侧肢体无力，说话不清"),
    "sudden_confusion": ("My grandmother suddenly became confused this afternoon", "外公突然神志不清，认不出人"),
    "sudden_severe_headache": ("Worst headache of my life, came on in seconds", "突然剧烈头痛，是有生以来最严重的"),
    "sudden_vision_loss_or_eye_injury": ("Suddenly lost the sight in one eye", "左眼突然看不见了"),
    "severe_bleeding": ("The bleeding won't stop after 20 minutes of pressure", "伤口大出血，血止不住"),
    "self_harm_risk": ("I want to end my life", "我不想活了，想自杀"),
    "throat_swelling_or_allergic_breathing": ("Tongue swelling and throat closing after a bee sting",
                                              "吃了海鲜过敏后呼吸困难，喉咙肿"),
    "unresponsive": ("My dad is unconscious and unresponsive", "爷爷昏迷了，叫不醒"),
    "seizure": ("He has been having a seizure for 6 minutes", "孩子抽搐不停，口吐白沫"),
    "severe_breathing_difficulty": ("She can't breathe and her lips are blue", "嘴唇发紫，严重呼吸困难"),
    "fever_with_danger_signs": ("High fever and a stiff neck since this morning", "高烧39度，脖子僵硬"),
    "poisoning_or_overdose": ("He took an overdose of sleeping pills", "老人误服了农药"),
    "major_trauma": ("Hit by a car on the way home", "被汽车撞了，从高处坠落"),
    "infant_fever": ("My 2-month-old baby has a fever of 38.3", "宝宝出生40天，发烧38.2度"),
    "pregnancy_bleeding_or_pain": ("12 weeks pregnant with heavy bleeding", "怀孕10周，肚子剧烈疼痛"),
    "severe_burn": ("Severe burns on his chest and arms", "大面积烫伤，皮肤发白"),
    "severe_abdominal_pain": ("Right lower abdominal pain with fever and vomiting", "右下腹痛，发烧，呕吐"),
    "sudden_testicle_pain": ("Sudden severe testicle pain", "睾丸突然剧痛"),
    "back_pain_with_numbness_or_incontinence": ("Back pain and I lost control of my bladder", "腰痛，大小便失禁"),
    "palpitations_with_fainting": ("Heart racing and then I fainted", "心慌，刚才晕倒了"),
    "possible_clot_in_lung": ("Left calf swollen since the flight and now short of breath",
                              "一侧小腿肿了两天，现在气短"),
    "severe_dehydration": ("Baby has had no wet diapers since yesterday morning", "宝宝一整天没有尿，哭的时候没有眼泪"),
    "very_unwell_child_or_elder": ("My 85-year-old mum is unusually drowsy and barely drinking",
                                   "宝宝软绵绵的，喝水就吐"),
}


def test_every_flag_has_cases():
    assert set(FIRES) == set(RED_FLAGS)


@pytest.mark.parametrize("flag", sorted(FIRES))
@pytest.mark.parametrize("lang", [0, 1], ids=["en", "zh"])
def test_flag_fires(flag, lang):
    assert flag in red_flags(FIRES[flag][lang])


NEGATED = [
    "No chest pain, no shortness of breath, just a runny nose",
    "Denies chest pain, shortness of breath, or sweating.",
    "I don't have any chest pain and I'm not short of breath.",
    "No fever, no stiff neck, no rash.",
    "No thoughts of suicide or self-harm, just feeling low.",
    "He is not suicidal.",
    "Denies vomiting blood; no black stools.",
    "No seizures since 2019, well controlled.",
    "History of stroke 5 years ago, no new weakness or slurred speech.",
    "Not pregnant, no bleeding, mild period cramps.",
    "没有胸痛，也没有气短，只是流鼻涕",
    "否认胸痛、呼吸困难",
    "没有自杀的想法，只是情绪有点低落",
    "无发热，无颈部僵硬",
    "没有吐血，也没有黑便",
    "没有口角歪斜，说话清楚，手脚有力",
    "不发烧，不抽搐，精神很好",
]


@pytest.mark.parametrize("text", NEGATED)
def test_negation_does_not_fire(text):
    assert red_flags(text) == []


BENIGN = [
    "Food poisoning, vomiting since last night",
    "I have a stuffy nose and can't breathe through my nose",
    "Eyelid twitching for a week",
    "Takes seizure medication, now has a cold",
    "Stiff neck from sleeping wrong, no fever",
    "Heavy periods for months, feel tired",
    "I hurt myself playing football, ankle swollen",
    "Sore, swollen throat and a cough for 3 days",
    "Can't talk to anyone about my low mood",
    "Took 2 tablets of paracetamol for a headache",
    "My dad had a heart attack two years ago, today I have a cold",
    "喉咙肿痛三天，没发烧",
    "眼皮抽搐一周了",
    "吃了火锅以后有点拉肚子",
    "嗓子哑了说不出话，呼吸正常",
    "没有呼吸困难，也没有心跳加快",
    "40岁，感冒三天，不发烧",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_lookalikes_do_not_fire(text):
    assert red_flags(text) == []


@pytest.mark.parametrize("text", [
    "My father has chest pain spreading to his left arm and he is sweating",
    "I think my husband is having a stroke, his face is drooping",
    "我妈妈胸口痛，喘不上气",
    "我爸爸说话不清，右手抬不起来",
    "My friend says she wants to kill herself",
    "他说不想活了",
])
def test_someone_else_fires(text):
    assert red_flags(text)


def test_negation_scope_ends_at_contrast():
    assert red_flags("No fever, but crushing chest pain and sweating")
    assert red_flags("没有发烧，但是胸痛，喘不上气")
    assert red_flags("No fever, chest pain and shortness of breath since this morning")


@pytest.mark.parametrize("text, flag", [
    ("Burning when I pee for 2 days", "urinary_symptoms"),
    ("尿频尿急，小便时疼", "urinary_symptoms"),
    ("Fever for 5 days and a productive cough", "long_fever"),
    ("发烧五天了", "long_fever"),
    ("Blood in my urine this morning", "blood_in_urine_stool_or_sputum"),
    ("被狗咬了一口", "animal_bite"),
])
def test_amber_flags(text, flag):
    assert flag in amber_flags(text)
    assert red_flags(text) == []
