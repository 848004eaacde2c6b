"""Red flags of triage/hazards.py (from a third blind probe): each fires on new
wordings of its sign, and look-alikes stay quiet.  The texts here are written
for this test; the probe itself (heldout_probe3.jsonl) stays a measurement."""
from __future__ import annotations

import pytest

from edgewise.triage import triage
from edgewise.triage.hazards import HAZARD_FLAGS
from edgewise.triage.rules import red_flags

FIRES = {
    "swallowed_magnet_or_battery": ["my 2 year old may have swallowed two small magnets from the fridge set",
                                    "女儿把遥控器里的纽扣电池吞下去了"],
    "bleeding_through_pressure": ["cut my hand on glass, still bleeding after 15 minutes of pressing on it",
                                  "手指被刀划了，按着十分钟了还一直流血",
                                  "a dog bit my son's cheek, there are two deep puncture wounds"],
    "child_working_hard_to_breathe": ["baby's chest is sucking in with every breath, she's 4 months",
                                      "宝宝喘气的时候锁骨上面往里凹",
                                      "used my puffer 6 times and it isn't helping, I'm wheezing",
                                      "he can't finish a sentence without stopping for air"],
    "late_pregnancy_danger": ["I'm 38 weeks and the baby has barely moved since yesterday",
                              "32 weeks pregnant, constant pain in my belly for the last hour, bump is rock hard"],
    "overdose_or_plan": ["my brother took a whole bottle of sleeping pills an hour ago",
                         "我已经攒够了安眠药，打算今晚结束自己"],
    "carbon_monoxide": ["we've had the gas heater on all night and now we all have headaches",
                        "屋里烧着蜂窝煤，老人头晕想吐"],
    "unrousable": ["my 80 year old dad is very hard to wake and has a fever"],
    "electric_injury": ["my husband got an electric shock from the socket and now his heart is racing",
                        "装灯的时候触电了，手上有个小黑点"],
    "mushroom_poisoning": ["we ate wild mushrooms we picked on our walk and now we're vomiting",
                           "吃了山上采的野生菌，现在上吐下泻"],
    "bleeding_after_birth": ["gave birth 4 days ago, now soaking a pad an hour and passing big clots",
                             "产后一周，血越流越多，还有大血块"],
    "spinal_cord_or_cauda_equina": ["sciatica flared up, now my bum and inner thighs feel numb",
                                    "腰疼好几天了，今天两条腿没劲，还尿不出来"],
    "diabetic_ketoacidosis": ["my type 1 son has been vomiting and his breath smells fruity",
                              "老公有糖尿病，今天呼吸又深又快，嘴里有烂苹果味"],
    "smoke_in_the_airway": ["got out of a house fire, my voice is getting hoarse",
                            "厨房着火后，爸爸鼻毛烧焦了，声音越来越哑"],
    "curtain_over_vision": ["a dark curtain is coming down over my left eye, no pain",
                            "左眼前面好像有黑影挡住了一半，看不清"],
    "seizure_not_stopping": ["her seizure has been going for more than 5 minutes",
                             "孩子抽了快8分钟了还没停"],
    "black_stool_with_faintness": ["my poo has been jet black for two days and I nearly fainted",
                                   "这两天大便发黑，早上起来头晕眼前发黑"],
    "elder_not_drinking_and_drowsy": ["grandad 91 won't drink and is hard to wake this morning",
                                      "奶奶85岁，这两天不吃不喝，叫了好几声才醒"],
    "bleeding_inside_after_impact": ["fell off my bike onto the handlebars, belly hurts more and more and I feel faint",
                                     "下午出了车祸，现在肚子越来越疼，一站起来就头晕"],
    "bowel_obstruction": ["haven't passed wind or pooped in 3 days and keep vomiting",
                          "三天没排气了，一直吐，肚子胀得像鼓"],
    "shock_or_low_oxygen": ["mum's oxygen sats are 86% on the finger monitor",
                            "爸爸发烧，血压85/50，人有点糊涂"],
    "bleeding_on_blood_thinners": ["dad is on xarelto and his nosebleed won't stop",
                                   "鼻血流了一个小时了还是止不住"],
    "chemical_in_the_eye": ["splashed oven cleaner in my eye, it burns", "消毒液溅到眼睛里了，睁不开"],
    "possible_ectopic": ["period is 10 days late, sharp pain low in my belly on the right and I nearly fainted",
                         "例假推迟了一周，小腹一侧很痛，刚才差点晕倒"],
    "head_injury_on_blood_thinners": ["grandma takes warfarin and hit her head on the table", "爷爷吃华法林，刚才摔了一跤磕到头"],
    "fever_in_a_young_baby": ["my 6 weeks old feels hot, temp 38.4", "宝宝刚满月，额温38.1"],
    "dry_nappies": ["no wet nappies since last night, baby is 9 months", "孩子一整天尿不湿都是干的"],
    "broken_limb_losing_blood_supply": ["fell off his bike, wrist is at a funny angle and his fingers are white",
                                        "摔了一跤，小腿变形了，脚趾冰凉"],
    "pre_eclampsia": ["34 weeks pregnant, bad headache and seeing flashing lights, my face is puffy",
                      "怀孕36周，头痛得厉害，看东西模糊，手也肿了"],
    "hip_fracture": ["grandma 79 fell in the kitchen and can't stand up", "爷爷摔倒后右腿变短了，往外翻"],
    "stroke_signs_zh": ["爷爷突然嘴角歪了，口水往外流", "我妈说话含糊，右手连杯子都拿不稳", "刚才开始右手右脚使不上劲"],
    "clot_in_the_lung": ["calf has been swollen since my flight and now I'm short of breath", "小腿肿痛三天，今天喘不上气"],
    "infection_after_surgery": ["appendix out 4 days ago, now fever 39 and my heart is racing", "做完手术一周，发烧还寒战"],
    "allergic_airway": ["ate shrimp and now my throat feels tight", "吃了海鲜，嗓子发紧，咽不下东西", "他口水都咽不下去，下巴底下肿"],
    "fainting_with_palpitations": ["她刚才晕倒了，心跳乱七八糟的", "心脏跳得像擂鼓，眼前一阵一阵发黑"],
    "child_swallowed_medicine": ["my 3 year old ate two of grandma's blood pressure pills", "孩子两岁，误吃了一片降糖药"],
    "bulging_fontanelle": ["baby's soft spot looks bulging and she's very sleepy", "宝宝前囟门鼓起来了"],
    "missed_dialysis": ["dad missed dialysis on monday and now feels weak and numb", "我爸做透析的，这周少去了一次，现在没劲还心慌"],
    "snake_bite": ["a snake bit my ankle on the trail", "在草丛里被蛇咬了一口"],
    "floppy_unresponsive": ["toddler is floppy and not responding normally after the vomiting", "孩子软绵绵的，叫他也不理"],
    "atypical_heart_attack": ["mum 72 says her jaw aches, she's sweaty and feels sick",
                              "我爸下巴疼，出冷汗，想吐"],
    "fever_during_chemo": ["had my second round of chemo last week and now my temperature is 38.4",
                           "爸爸正在化疗，今晚发烧38度6"],
    "spinal_cord_compression": ["prostate cancer that spread, now back pain and his legs are weak",
                                "腰疼了好几天，今天腿发软，还尿不出来"],
    "elder_confused_and_unwell": ["my grandpa is not making any sense today and he fell in the garden",
                                  "奶奶今天说话颠三倒四，摸着有点烫"],
    "psychosis_after_birth": ["she gave birth last month and now she's hearing voices telling her to leave",
                              "老婆产后三周，这几天说有人要害宝宝，整夜不睡"],
    "possible_appendicitis": ["his tummy ache went down to the right side and it hurts when he walks",
                              "孩子肚子疼到右下边了，还有点发烧"],
    "kawasaki_signs": ["fever for 5 days and his tongue looks like a strawberry", "宝宝高烧不退，舌头红得像草莓"],
    "undiagnosed_dka": ["she's been really thirsty for weeks and now her breath smells fruity",
                        "儿子最近喝很多水，现在呼吸又深又快"],
    "overdose_count": ["I took about 40 of my paroxetine an hour ago", "他一口气吃了一整瓶药"],
    "suicide_with_means": ["I can't go on, I've bought a rope", "活不下去了，炭都买好了"],
    "alcohol_withdrawal": ["quit drinking on friday, today he is shaking and seeing spiders on the ceiling",
                           "我爸戒酒第三天，浑身发抖还说看到虫子在爬"],
    "sexual_assault": ["my friend was raped last night and hasn't told anyone", "昨晚被下药了，醒来什么都不记得"],
    "psychosis_with_danger": ["he hasn't slept in 4 days, says people are out to get him and is holding a knife",
                              "我哥说有人要害他，刚刚拿着刀不让人靠近"],
    "bone_stuck_in_gullet": ["swallowed a chicken bone yesterday, now pain behind my breastbone", "鱼刺卡了两天，今天发烧了"],
    "penetrating_eye_injury": ["was using an angle grinder and a chip of metal flew into my eye",
                               "电焊的时候有铁屑溅进眼睛，现在看东西模糊"],
    "adrenal_crisis": ["I have Addison's and can't stop vomiting since this morning", "我有肾上腺皮质功能减退，今天一直吐"],
    "crush_injury": ["his arm was crushed under a pallet for an hour and his pee is cola coloured now",
                     "腿被水泥板压住半天，现在又肿又硬"],
    "diving_sickness": ["went scuba diving this morning, now my arms are tingling", "潜完水两个小时，关节疼得厉害"],
    "paracetamol_liver_harm": ["been taking lots of paracetamol for a week and the whites of my eyes look yellow",
                               "连吃了一周扑热息痛，现在右上腹痛"],
    "very_high_blood_pressure": ["my bp is 210/125 and I have a bad headache", "血压测出来190/120，头疼得厉害"],
    "legs_and_bladder": ["since the fall he can't move his legs and has wet himself", "双腿突然没力，还尿裤子了"],
    "hair_tourniquet": ["there's a hair wound tight around his big toe and the toe is purple",
                        "宝宝脚趾被头发丝缠住了，勒得发紫"],
    "caustic_swallowed": ["my toddler bit into a dishwasher tablet and is drooling", "孩子趁我不注意喝了一口洁厕灵"],
}

QUIET = [
    "my kid swallowed a watermelon seed", "my phone battery died after I ate lunch", "手机电池不耐用，吃了饭再充",
    "took a box of chocolates to work", "I wrote a thank-you note to my family",
    "mild headache after cooking on my gas stove", "im 34 weeks, constant back ache when standing",
    "static shock from the car door, fine now", "静电电了一下手指", "I cooked mushrooms from the supermarket, all fine",
    "产后第三天还有一点出血，正常吗", "my teenager is hard to wake up in the mornings",
    "Hoarse voice for four weeks, smoker, 60 years old.", "60岁，抽烟，声音嘶哑四周了。",
    "my legs are weak after the marathon", "type 1 diabetic, sugar a bit high after pizza",
    "black stool after taking iron tablets, feel fine", "the shower curtain fell on me lol",
    "heart rate 95 after coffee, feel drowsy after lunch",
    "my BP is usually 85/55 and I feel fine", "sats 97% after the run", "fell off my bike, grazed knee",
    "constipated for 3 days, belly a bit bloated", "胃胀气，有点想吐，吃多了",
    "宝宝两个月，体温36.8，吃奶好", "眼睛进了沙子", "period is late, mild cramps", "家里84消毒液的味道很大",
    "jaw aches after the dentist", "nosebleed stopped after 5 minutes of pinching",
    "feeling a bit limp and tired after the flu", "孩子蔫蔫的，不太想吃饭",
    "sprained my ankle, can still walk on it", "the bent spoon trick", "pregnant, mild headache after work",
    "腿有点肿，站久了", "I fell asleep on the sofa",
    "说话含糊是因为刚拔了牙，打了麻药", "a snake in the garden, no one was bitten", "took my blood pressure pills this morning",
    "calf is sore after the marathon", "had my wisdom teeth out 3 days ago, a bit swollen",
    "finished chemo two years ago, all clear, asking about diet", "back pain after gardening, legs are fine",
    "grandma fell asleep watching tv, she's fine", "it feels warm in here today",
    "we had our baby last week and I haven't slept much, so tired", "肚子右下边有点胀气，不发烧",
    "took 2 of my paracetamol for a headache", "very thirsty after the hot yoga class",
    "this exam is killing me, I can't take it anymore lol", "买好了木炭准备周末烧烤",
    "thinking about quitting drinking for january, any tips", "my drink was too sweet", "切菜的时候用刀要小心",
    "ate fish with lots of bones, all fine", "dust in my eye from the wind", "I take hydrocortisone cream for eczema",
    "my leg was crushed in a football tackle, just bruised", "going scuba diving next month, excited",
    "took 2 paracetamol for a headache", "跑完步心跳得很快，歇一会儿就好了", "半边脸过敏起了红疹", "a hair in my soup", "bleach smell in the bathroom gives me a headache", "blood pressure 120/80, is that fine", "my 4 year old wet himself at school",
]


def test_every_hazard_flag_has_examples():
    assert set(FIRES) == set(HAZARD_FLAGS)


@pytest.mark.parametrize("flag,text", [(f, t) for f, ts in FIRES.items() for t in ts])
def test_hazard_fires_and_makes_an_emergency(flag, text):
    assert flag in red_flags(text)
    assert triage(text)["level"] == "emergency"


@pytest.mark.parametrize("text", QUIET)
def test_look_alikes_raise_no_hazard(text):
    assert not set(red_flags(text)) & set(HAZARD_FLAGS)
