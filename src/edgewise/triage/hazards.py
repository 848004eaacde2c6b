"""More red flags: exposures, swallowed objects, babies' breathing, pregnancy and
after birth, a calm plan for suicide.  Data only, same conventions as
patterns.py; rules.py merges these with the main table.

Found by a third blind probe (2026-11-27): 13 of 48 emergencies were
under-triaged, each a sign the main table phrased too narrowly or lacked.
"""
from __future__ import annotations

from .patterns import alt

_NP = r"[^\s，,。.!！?？；;]"  # a character inside one clause

HAZARD_CONCEPTS: dict[str, str] = {
    # two magnets or a button battery can perforate the gut: swallowed = emergency
    "swallowed_object": alt(
        r"swallow\w* (?:[\w']+ ){0,6}(?:magnet\w*|button batter\w*|coin batter\w*|batter(?:y|ies))",
        r"(?:ate|eaten|gulped) (?:[\w']+ ){0,4}(?:magnet\w*|button batter\w*|coin batter\w*)",
        r"(?:magnet\w*|button batter\w*|coin batter\w*) (?:[\w']+ ){0,4}(?:swallow\w*|in (?:his|her|their) (?:tummy|stomach))",
        rf"(?:磁珠|磁力珠|巴克球|磁铁|吸铁石|纽扣电池){_NP}{{0,8}}(?:吞|吃|咽)(?:了|下|进)"
        rf"|(?:吞|吃|咽)(?:了|下|进){_NP}{{0,8}}(?:磁珠|磁力珠|巴克球|磁铁|吸铁石|纽扣电池)"),
    "bleeds_under_pressure": alt(
        r"(?:still|keeps?) bleeding (?:after|despite|through|even with) (?:\w+ ){0,3}(?:pressure|pressing|holding)",
        rf"(?:按着|按压|压着|捂着|摁着){_NP}{{0,6}}(?:一直|不停|还在|仍然)(?:地)?(?:流血|出血|冒血|渗血|往外冒血)"),
    "deep_wound": r"deep (?:cut|wound|gash|bite|puncture|lacerations?)s?|gaping|(?:很|特别|好)深的(?:口子|伤口)|伤口(?:很|特别|好)深|深可见骨|皮开肉绽",
    "retractions": alt(
        r"(?:skin|chest|belly|tummy|neck) (?:\w+ ){0,2}(?:sucking|pulling|caving|sinking) in|sucking in (?:\w+ ){0,3}ribs|retractions?",
        rf"(?:肋骨|锁骨|脖子下面|胸口|肋间|胸骨){_NP}{{0,10}}(?:往里|向里|向内)(?:凹|陷|缩)"),
    "cant_finish_sentence": r"(?:can't|cannot|unable to|couldn't) (?:finish|complete|say) (?:a |one )?(?:full |whole |complete )?sentence",
    "inhaler_failing": alt(
        r"(?:inhaler|puffer|ventolin|salbutamol)\S*(?: [\w']+){0,10} (?:not|isn't|isnt|doesn't|doesnt|no longer) (?:helping|working|help|work)",
        r"(?:喷雾|吸入剂|气雾剂|万托林|沙丁胺醇)\S{0,12}(?:不管用|没用|不起作用|没效果|不见好)"),
    "grey_lips": r"(?:lips?|face|mouth) (?:look|looks|are|is|went|turning|gone) (?:a bit |slightly |kinda |kind of |a little |pretty )?(?:blue|grey|gray|purple|dusky)",
    "term_pregnant": r"(?:i'?m|im|she'?s|shes|at|am|is) \d{1,2} ?(?:wks?|weeks?)\b(?! (?:ago|later|old))|孕\d{1,2}周|怀孕\d{1,2}周",
    "less_movement": alt(
        r"(?:he|she|baby|bub|bump)(?:'s| has| is)? (?:hardly|barely|not|n't|stopped) (?:moved|moving|kicked|kicking)",
        r"(?:hardly|barely) (?:any )?(?:kicks|movements?)|(?:not|no) (?:feeling|felt) (?:any )?(?:kicks|movements?)",
        r"(?:宝宝|胎儿)?(?:今天)?(?:几乎)?(?:不怎么|没怎么|很少)动|胎动(?:很少|几乎没有)"),
    "constant_pain": alt(
        r"constant (?:hard |severe |bad |sharp )?(?:pain|cramp\w*|ache) in (?:my|her|the) (?:belly|tummy|stomach|abdomen|bump|uterus)",
        r"(?:bump|belly|tummy|uterus) (?:is |feels )?(?:rock )?hard|持续(?:性)?(?:的)?(?:腹痛|肚子痛)|肚子(?:一直)?(?:发)?硬"),
    "overdose_amount": (r"(?:took|taken|swallowed|downed|ate) (?:most of |half of |all of |the rest of )?(?:a |an |the |her |his |my |their )?"
                        r"(?:whole |full |entire |new )?(?:box|bottle|pack|packet|strip|blister pack|tub|jar) of (?:\w+ ){0,2}"
                        r"(?:pills|tablets|meds|medication|paracetamol|tylenol|acetaminophen|ibuprofen|aspirin|painkillers|"
                        r"antidepressants|sleeping pills|insulin|iron)"),
    "saved_pills": alt(
        r"(?:saved|stockpiled|collected|hoarded|saving|stockpiling) (?:up )?(?:enough )?(?:\w+ )?(?:pills|tablets|meds|medication)",
        r"结束(?:我)?自己|了结(?:我)?自己|(?:药|安眠药)(?:已经|都)?攒(?:够|好|齐)了|攒(?:够|了)\S{0,3}(?:药|安眠药)|写好了?遗言"),
    "co_source": r"炭盆|烧炭|炭火|煤炉|蜂窝煤|燃气热水器|煤气|gas (?:heater|fire|boiler)|charcoal|generator (?:indoors|inside|in the)|paraffin heater|kerosene heater",
    "hard_to_wake": r"叫了?(?:好几声|好久|半天|几次|很多声|好几遍)才(?:醒|有反应)|(?:hard|difficult|impossible) to (?:wake|rouse)|won't wake (?:up)?",
    "electric": r"触电|被电(?:了|到|击)|电击|electrocut\w*|electric(?:al)? shock|got (?:a )?shock(?:ed)? (?:from|by|off) (?:a |the )?(?:socket|outlet|wire|cable|plug|mains)",
    "electric_harm": r"弹开|被弹|甩开|thrown (?:back|across|off)|(?:小)?黑点|burn mark|entry (?:wound|mark)|心跳(?:乱|不齐|很乱)|heart (?:is |was |keeps |feels )?(?:racing|skipping|irregular|fluttering|weird|pounding)|palpitations",
    "wild_mushroom": r"野生菌|野蘑菇|野生蘑菇|采的(?:蘑菇|菌)|毒蘑菇|毒菌|wild mushrooms?|foraged mushrooms?|mushrooms? (?:\w+ ){0,2}(?:picked|found|foraged)",
    "gut_upset": r"vomit\w*|throw\w* up|threw up|diarrh\w*|nause\w*|上吐下泻|呕吐|吐了|想吐|恶心|拉肚子|腹泻",
    "postpartum": r"顺产|剖腹产|剖宫产|产后|生完(?:孩子|宝宝)?|坐月子|after (?:giving )?birth|postpartum|post-partum|gave birth|since (?:the )?delivery",
    "heavy_pp_bleeding": alt(
        r"(?:一|1|每)(?:个)?小时\S{0,3}(?:湿透|换|用)\S{0,6}(?:卫生巾|护垫|夜用|垫子)|大血块|出血越来越多|血越流越多",
        r"soak\w* (?:through )?(?:a |one |\d+ )?(?:pads?|maxi pads?) (?:an|per|every|in an?) hour|(?:big|large|huge) clots|clots (?:the size of|as big as)|bleeding (?:is )?(?:getting )?heavier"),
}

# Rule id -> alternatives of concepts that must all match.
HAZARD_FLAGS: dict[str, tuple[tuple[str, ...], ...]] = {
    "swallowed_magnet_or_battery": (("swallowed_object",),),
    "bleeding_through_pressure": (("bleeds_under_pressure",), ("animal_bite", "deep_wound")),
    "child_working_hard_to_breathe": (("retractions",), ("cant_finish_sentence",), ("inhaler_failing",),
                                      ("grey_lips",)),
    "late_pregnancy_danger": (("term_pregnant", "less_movement"), ("term_pregnant", "constant_pain"),
                              ("pregnant", "less_movement"), ("pregnant", "constant_pain")),
    "overdose_or_plan": (("overdose_amount",), ("saved_pills",)),
    "carbon_monoxide": (("co_source", "headache"), ("co_source", "gut_upset"), ("co_source", "hard_to_wake"),
                        ("co_source", "fainted"), ("co_source", "lightheaded")),
    "unrousable": (("hard_to_wake", "vulnerable_age"), ("hard_to_wake", "fever_any"), ("hard_to_wake", "gut_upset")),
    "electric_injury": (("electric", "electric_harm"),),
    "mushroom_poisoning": (("wild_mushroom", "gut_upset"),),
    "bleeding_after_birth": (("postpartum", "heavy_pp_bleeding"), ("postpartum", "pregnancy_bleeding", "lightheaded")),
}
