"""Amber concepts and rules: signs that need a clinician, not an ambulance.

Data only, same conventions as patterns.py. An amber rule never makes a text
an emergency; it lifts the model's answer to at least "clinic".
"""
from __future__ import annotations

from .patterns import alt

AMBER_CONCEPTS: dict[str, str] = {
    "spotting": r"spotting|light bleeding|少量出血|点滴出血|一点(?:点)?(?:血|出血)",
    "urinary": alt(
        r"(?:burn\w*|sting\w*|pain\w*|hurts?) (?:when|while|on) (?:i |he |she |they )?(?:pee|urinat|wee)\w*|(?:painful|burning|frequent|urgent) (?:urination|peeing)",
        r"pain(?:ful)? (?:when )?passing (?:urine|water)|urinary tract|\buti\b",
        r"尿频|尿急|尿痛|小便(?:时)?(?:疼|痛|刺痛|烧灼|灼热)|排尿(?:时)?(?:疼|痛|灼)|尿(?:的时候)?(?:疼|痛|火辣辣)|尿路感染|尿道炎|膀胱炎",
        r"bladder infection|cystitis"),
    "blood_urine_stool": alt(
        r"blood (?:in|on) (?:my |his |her |the )?(?:urine|pee|wee|stool|poo|poop|toilet paper|bowel movements?)|bloody (?:urine|stool|diarrh\w*|poo)",
        r"(?:urine|pee) (?:is |looks )?(?:red|pink|bloody|brown like cola)|ha?ematuria|rectal bleeding",
        r"(?:streaks?|flecks?|specks?|tinge) of blood|blood[- ](?:streaked|tinged|stained|flecked)",
        r"尿(?:里|中)?(?:有|带)血|血尿|尿(?:是|成|有点|有些|发|呈)?(?:红色|粉红色|洗肉水|红|粉红)|便血|大便(?:里|上)?(?:有|带)(?:血|血丝)|拉血|(?:擦屁股|手纸上)(?:有|带)血",
        r"痰(?:中|里)(?:带|有)血(?:丝)?|血丝痰|(?:咳出|咳)血丝"),
    "animal_bite": alt(
        r"(?:dog|cat|bat|monkey|rat|fox|raccoon|stray|animal|human) (?:bite|bit|scratch)",
        r"bitten by (?:a |an |the |our |my |his |her )?(?:\w+ )?(?:dog|cat|bat|monkey|rat|fox|raccoon|stray|animal)",
        r"(?:狗|猫|蝙蝠|猴子|老鼠|动物)(?:给)?(?:咬|抓)(?:伤|破|了)|被\S{0,4}(?:狗|猫|蝙蝠|猴子|老鼠)(?:给)?(?:咬|抓)"),
    "lump_or_weight_loss": alt(
        r"lump (?:in|on) (?:my|his|her) (?:breast|neck|armpit|testicle|groin)|(?:unexplained|unintentional|unintended) weight loss",
        r"lost (?:\d+ ?(?:kg|kilos|pounds|lbs)|a lot of weight) without (?:trying|dieting)",
        r"(?:乳房|脖子|颈部|腋下|腋窝|睾丸)(?:里|上)?(?:摸到|发现|长了)?(?:一个)?(?:肿块|包块|硬块|疙瘩)|(?:不明原因|莫名其妙|无缘无故)(?:地)?(?:体重下降|瘦了|消瘦)"),
    "one_sided_blister_rash": alt(
        r"shingles|(?:rash|blisters?)\b.{0,40}\bone side|(?:band|strip|belt|line|cluster) of (?:\w+ )?(?:rash|blisters)",
        r"带状疱疹|缠腰(?:龙|蛇)|一侧[^。]{0,10}(?:水泡|疱疹)|(?:一串|一条|一圈|一簇)(?:小)?(?:水泡|疱疹)"),
    "drug_rash": alt(
        r"(?:rash|hives|welts)\b.{0,40}(?:after|since) (?:starting|taking) (?:\w+ ){0,2}(?:antibiotics?|amoxicillin|penicillin|medication|medicine|pills?|tablets?)",
        r"(?:after|since) (?:starting|taking) (?:\w+ ){0,2}(?:antibiotics?|amoxicillin|penicillin|medication|medicine)\b.{0,40}(?:rash|hives|welts)",
        r"(?:吃|用|打|服)(?:了)?[^。]{0,8}(?:药|头孢|青霉素|阿莫西林|抗生素)[^。]{0,4}(?:后|以后)[^。]{0,8}(?:疹|风团|荨麻疹)"),
    "swallowed_object": r"swallow\w* (?:a |an |the )?(?:coin|small toy|toy|marble|lego|bead|pin|screw|nail|earring)|吞(?:了|下)?(?:一枚|一个|一颗)?(?:硬币|玩具|珠子|弹珠|钉子|别针|耳环)",
    "high_bp_reading": r"(?<!\d)(?:1[6-9]\d|2\d\d) ?/ ?(?:9\d|1\d\d)(?!\d)",
    "fainted_once": r"\bfaint(?:ed|ing)\b|passed out|blacked out|晕倒|晕厥|昏倒",
    "road_accident": r"(?:car|road|traffic|bike|motorbike|motorcycle|scooter) (?:accident|crash|collision)|车祸|被车(?:蹭|撞)",
    "exertional_breathless": alt(
        r"(?:short of breath|breathless|out of breath|winded)\b.{0,30}(?:stairs|walking|uphill|hills?|exert\w*|slightest)",
        r"(?:stairs|walking|uphill)\b.{0,20}(?:short of breath|breathless|out of breath)",
        r"(?:爬楼|上楼|走路|走几步|爬坡|活动)[^。]{0,6}(?:喘|气短|气促|喘不上气|上不来气)"),
    "low_mood": alt(
        r"(?:feel\w*|been|very|really|so) (?:really |very |so |pretty )?(?:down|low|depressed|hopeless|empty|numb inside)\b|low mood|depress(?:ed|ion)|unmotivated|no motivation|lost interest",
        r"心情(?:很|特别|一直)?(?:差|低落|不好|压抑)|情绪(?:很|一直)?低落|抑郁|提不起(?:劲|兴趣)|什么都不想做|对什么都没兴趣"),
    "possible_fracture": alt(
        r"(?:can't|cannot|unable to) (?:put|bear) (?:any )?weight|(?:looks|is) (?:deformed|bent|crooked|out of place)|(?:heard|felt) a (?:crack|snap|pop)",
        r"(?:脚|腿|手腕|胳膊)(?:不能|没法|无法)(?:着地|受力|用力)|(?:变形|畸形)|听到(?:咔|喀)(?:嚓)?(?:的)?(?:一声)"),
}

# Rule id -> alternatives of concepts (from here or patterns.CONCEPTS) that must all match.
AMBER: dict[str, tuple[tuple[str, ...], ...]] = {
    "urinary_symptoms": (("urinary",),),
    "blood_in_urine_stool_or_sputum": (("blood_urine_stool",),),
    "long_fever": (("fever_any", "days_4"),),
    "pregnancy_with_symptoms": (("pregnant", "fever_any"), ("pregnant", "spotting")),
    "animal_bite": (("animal_bite",),),
    "lump_or_weight_loss": (("lump_or_weight_loss",),),
    "possible_fracture": (("possible_fracture",),),
    "chest_pain": (("chest_pain",),),
    "young_infant_fever": (("infant_6m", "fever_any"),),
    "one_sided_blister_rash": (("one_sided_blister_rash",),),
    "rash_after_medicine": (("drug_rash",),),
    "swallowed_object": (("swallowed_object",),),
    "high_blood_pressure_reading": (("high_bp_reading",),),
    "fainting": (("fainted_once",),),
    "road_accident": (("road_accident",),),
    "breathless_on_exertion": (("exertional_breathless",),),
    # Two weeks of low mood is the usual bar for a depression check-up.
    "persistent_low_mood": (("low_mood", "days_14"),),
}
