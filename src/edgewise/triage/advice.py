"""Level-appropriate, generic advice and the disclaimer, in zh or en.

Wording never names a condition: pre-triage sorts by urgency, it does not
diagnose.
"""
from __future__ import annotations

DISCLAIMER = {
    "en": ("This is an automated pre-triage, not a diagnosis or medical advice. If this may be an "
           "emergency, call your local emergency number now (911 in the US, 112 in the EU, 120 in "
           "mainland China). If symptoms change or you are unsure, contact a health professional."),
    "zh": ("本结果仅为自动预分诊，不是诊断，也不能代替医生的意见。如可能是紧急情况，请立即拨打当地急救电话"
           "（中国大陆 120，美国 911，欧盟 112）。症状有变化或拿不准时，请及时咨询医护人员。"),
}

ADVICE = {
    "en": {
        "emergency": ("Call emergency services now or go to the nearest emergency department. Do not "
                      "drive yourself; stay with the person until help arrives and keep their phone nearby."),
        "clinic": ("Arrange to see a doctor or clinic within the next day or two, sooner if it gets worse. "
                   "Note when the symptoms started, how they have changed and any medicines taken."),
        "self-care": ("This can usually be looked after at home for now: rest, drink fluids, and ask a "
                      "pharmacist about over-the-counter remedies. See a doctor if it gets worse, new "
                      "symptoms appear, or it has not improved within a few days."),
        "general": ("This reads as a general question, not something happening now. If these signs ever "
                    "appear, call your local emergency number at once; a first-aid course teaches what to do."),
    },
    "zh": {
        "emergency": "请立即拨打急救电话或前往最近的急诊。不要自己开车；在救援到达前请守在患者身边，保持电话畅通。",
        "clinic": "建议在一到两天内到医院或诊所就诊，如加重请尽快就医。请记下症状开始的时间、变化情况和已用过的药物。",
        "self-care": "目前一般可以在家自我护理：注意休息、多喝水，可咨询药师使用非处方药。如果症状加重、出现新症状，"
                     "或几天内没有好转，请去看医生。",
        "general": "这看起来是一般性的提问，而不是正在发生的情况。如果将来真的出现这些表现，请立即拨打急救电话；参加急救培训可以学到具体做法。",
    },
}

# One extra first-aid line for some red flags (generic, no diagnosis).
FIRST_AID = {
    "en": {
        "severe_bleeding": "Press firmly on any bleeding wound with a clean cloth and keep pressing.",
        "self_harm_risk": ("Do not leave the person alone and remove anything they could use to hurt "
                           "themselves. In the US you can also call or text 988."),
        "seizure": "Do not put anything in the mouth; move hard objects away and time the episode.",
        "poisoning_or_overdose": "Keep the packaging or substance to show the responders; do not induce vomiting.",
        "unresponsive": "If they are not breathing normally, start chest compressions if you know how.",
        "severe_burn": "Cool the burn under cool running water; do not apply ice or creams.",
        "throat_swelling_or_allergic_breathing": "If an adrenaline auto-injector has been prescribed, use it now.",
    },
    "zh": {
        "severe_bleeding": "用干净的布用力按压出血处，并持续按压。",
        "self_harm_risk": "不要让其独处，移开可能用来伤害自己的物品；也可拨打当地心理援助热线。",
        "seizure": "不要往嘴里塞任何东西，移开周围硬物，并记录发作时间。",
        "poisoning_or_overdose": "保留药品或物质的包装给急救人员看；不要催吐。",
        "unresponsive": "如果没有正常呼吸，会做的话请立即开始胸外按压。",
        "severe_burn": "用流动的凉水冲洗烧烫伤处；不要冰敷或涂抹药膏。",
        "throat_swelling_or_allergic_breathing": "如果医生开过肾上腺素自动注射笔，请立即使用。",
    },
}


def advice(level: str, lang: str, red_flags: list[str]) -> str:
    lines = [ADVICE[lang][level]]
    lines += [FIRST_AID[lang][f] for f in red_flags if f in FIRST_AID[lang]]
    return ("" if lang == "zh" else " ").join(lines)


def disclaimer(lang: str) -> str:
    return DISCLAIMER[lang]
