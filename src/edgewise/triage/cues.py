"""Soft, bilingual cues used only as classifier features (data only).

Unlike the red-flag concepts these never decide anything on their own. They
map English and Chinese phrasings onto shared tokens ("cue:worse"), so what
the model learns from one language carries over to the other and to wordings
it has not seen.
"""
from __future__ import annotations

CUES: dict[str, str] = {
    "mild": r"\b(?:mild|mildly|slight|slightly|a bit|a little|minor|small|occasional)\b|有点|有些|轻微|稍微|一点|小(?:包|口子|伤)|偶尔",
    "severe": r"\b(?:severe|severely|intense|excruciating|unbearable|terrible|worst|very bad|really bad|extreme)\b|剧烈|剧痛|厉害|受不了|非常|特别|严重",
    "sudden": r"\b(?:sudden|suddenly|all of a sudden|abrupt)\b|突然|忽然",
    "improving": r"\b(?:improv\w*|getting better|better (?:now|after|once|by)|eased|settled|went away|gone|goes away|helps|helped|resolved)\b|好转|好多了|缓解|就好了|好了|见好|消了|有效",
    "worsening": r"\b(?:worse|worsening|getting worse|spreading|expanding|not improving|won't go away|isn't getting better|keeps coming back)\b|加重|越来越|扩大|不见好|没好|一直不好|反复",
    "persistent": r"\b(?:persistent|for weeks|for months|several weeks|chronic|recurring|on and off|keeps|again)\b|好几周|几个月|反复|一直|持续|老是|总是",
    "normal_function": r"\b(?:playing normally|eating (?:and|&) (?:sleeping|drinking)|walk(?:ing)? (?:on it|normally|fine)|otherwise (?:well|fine|healthy|happy)|fine otherwise|full movement|feeding well|vision (?:is )?(?:fine|normal))\b|照常|正常|精神(?:很)?好|玩得很好|其他都好|没问题|其他还好",
    "cant_function": r"\b(?:can't|cannot|unable to|couldn't) (?:walk|eat|drink|sleep|keep|stand|put|get up|work|swallow)\b|吃不下|喝不下|睡不着|走不了|站不起|起不来|不能着地|穿不上",
    "fever": r"fever|temperature|febrile|chills|发烧|发热|高烧|低烧|体温|寒战|烧到",
    "cough": r"cough\w*|phlegm|sputum|咳嗽|咳|痰",
    "coloured_phlegm": r"(?:green|yellow|brown|rusty) (?:phlegm|sputum|mucus)|黄(?:绿)?(?:色)?(?:的)?痰|绿痰|脓痰",
    "cold_symptoms": r"\bcold\b|\bflu\b|runny nose|stuffy nose|sneez\w*|blocked nose|congest\w*|流鼻涕|鼻塞|打喷嚏|感冒",
    "sore_throat": r"sore throat|throat (?:hurts|pain)|嗓子(?:疼|痛|干)|喉咙(?:痛|疼)|咽痛",
    "breathing": r"breath\w*|wheez\w*|呼吸|气短|气促|喘",
    "chest": r"chest|胸",
    "head": r"headache|migraine|head|头痛|头疼|头",
    "abdomen": r"stomach|abdom\w*|belly|tummy|肚子|腹|胃",
    "gi": r"diarrh\w*|vomit\w*|nause\w*|loose stool|constipat\w*|拉肚子|腹泻|呕吐|恶心|便秘|拉稀",
    "urinary": r"urin\w*|pee|bladder|小便|尿",
    "skin": r"rash|itch\w*|spots?|hives|welts|blister\w*|skin|疹|痒|风团|水泡|皮肤",
    "infection_signs": r"\bpus\b|oozing|red,? (?:hot|warm)|warm,? (?:red|swollen)|spreading redness|脓|红肿热痛|红肿发热",
    "wound": r"\bcut\b|wound|graze|scrape\w*|laceration|gash|伤口|划破|割伤|擦伤|口子",
    "bite_sting": r"\bbit(?:e|ten)\b|\bsting|stung|咬|蛰|蜇|叮",
    "injury": r"twist\w*|sprain\w*|fell|fall|fallen|bump\w*|bruise\w*|崴|扭伤|摔|撞|磕|拉伤",
    "swelling": r"swell\w*|swollen|肿",
    "bleeding": r"bleed\w*|blood|出血|流血|血",
    "eye": r"\beyes?\b|vision|eyelid|眼",
    "ear": r"\bears?\b|hearing|耳",
    "mental": r"mood|depress\w*|anxi\w*|panic|stress\w*|worthless|hopeless|情绪|抑郁|焦虑|惊恐|压力|绝望",
    "lump": r"\blump|mass|mole|肿块|包块|硬块|痣",
    "pregnancy": r"pregnan\w*|怀孕|孕",
    "comorbidity": r"diabet\w*|copd|heart (?:disease|failure|condition)|blood thinner\w*|anticoagul\w*|warfarin|chemo\w*|cancer|transplant|immuno\w*|kidney disease|糖尿病|慢阻肺|心脏病|心衰|抗凝|化疗|癌|移植|免疫",
    "dizzy": r"dizz\w*|light[- ]?headed|faint\w*|vertigo|spinning|头晕|晕|天旋地转",
    "weakness": r"weak\w*|tired|fatigue\w*|exhaust\w*|lethargic|floppy|drowsy|乏力|无力|累|疲劳|嗜睡|没精神|软绵绵",
    "otc_tried": r"paracetamol|ibuprofen|antacid|antihistamine|tylenol|advil|over-the-counter|布洛芬|退烧药|胃药|抗过敏药|感冒药",
    "habit_trigger": r"after (?:a |the )?(?:long|big|spicy|new|drinking|eating|gym|workout|running|gardening|swimming|flight|flying|concert|buffet)|吃了|喝多|熬夜|健身|跑步|游泳|出差|看屏幕|新鞋",
}
