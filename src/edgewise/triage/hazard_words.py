"""The words and phrases behind triage/hazards.py's red flags: one regex per
concept, bilingual, matched negation-aware on normalised text (rules.Facts).
Data only, same conventions as patterns.py.
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
        rf"(?:按着|按压|压着|捂着|摁着){_NP}{{0,6}}(?:一直|不停|还在|仍然)(?:地)?(?:流血|出血|冒血|渗血|往外冒血|流|淌)"),
    "deep_wound": (r"deep (?:cut|wound|gash|bite|puncture|lacerations?)s?|gaping|(?:很|特别|好)深的(?:口子|伤口)|伤口(?:很|特别|好)深|深可见骨|皮开肉绽"
                   r"|撕开(?:了)?一大块|撕了(?:一)?个大口子|a chunk (?:of|out of) (?:\w+ ){0,2}(?:cheek|face|arm|leg|lip)"),
    "retractions": alt(
        r"(?:skin|chest|belly|tummy|neck) (?:\w+ ){0,2}(?:sucking|pulling|caving|sinking) in|sucking in (?:\w+ ){0,3}ribs|retractions?",
        rf"(?:肋骨|锁骨|脖子下面|胸口|肋间|胸骨){_NP}{{0,10}}(?:往里|向里|向内)(?:凹|陷|缩)"),
    "cant_finish_sentence": r"(?:can't|cannot|unable to|couldn't) (?:finish|complete|say) (?:a |one )?(?:full |whole |complete )?sentence",
    "inhaler_failing": alt(
        r"(?:inhaler|puffer|ventolin|salbutamol)\S*(?: [\w']+){0,10} (?:not|isn't|isnt|doesn't|doesnt|no longer) (?:helping|working|help|work)",
        r"(?:喷雾|吸入剂|气雾剂|万托林|沙丁胺醇)\S{0,12}(?:不管用|没用|不起作用|没效果|不见好)"),
    "grey_lips": r"(?:lips?|face|mouth) (?:look|looks|are|is|went|turning|gone) (?:a bit |slightly |kinda |kind of |a little |pretty )?(?:blue|grey|gray|purple|dusky)",
    "term_pregnant": (r"(?:i'?m|im|she'?s|shes|at|am|is) \d{1,2} ?(?:wks?|weeks?)\b(?! (?:ago|later|old))|孕\s?\d{1,2}\s?周|怀孕\s?\d{1,2}\s?周"
                      r"|^(?:2\d|3\d|4[0-2]) ?(?:wks?|weeks?)\b(?! (?:ago|later|old|of))"),
    "less_movement": alt(
        r"(?:he|she|baby|bub|bump)(?:'s| has| is)? (?:hardly|barely|not|n't|stopped) (?:moved|moving|kicked|kicking)",
        r"(?:hardly|barely) (?:any )?(?:kicks|movements?)|(?:not|no) (?:feeling|felt) (?:any )?(?:kicks|movements?)",
        r"(?:haven't|have not|hasn't|not) felt (?:the )?(?:baby|him|her) move|一次胎动都没|胎动都没(?:感觉|有)|没(?:有)?感觉到胎动",
        r"(?:宝宝|胎儿)?(?:今天)?(?:几乎)?(?:不怎么|没怎么|很少)动|胎动(?:很少|几乎没有)"),
    "constant_pain": alt(
        r"constant (?:hard |severe |bad |sharp )?(?:pain|cramp\w*|ache) in (?:my|her|the) (?:belly|tummy|stomach|abdomen|bump|uterus)",
        r"(?:bump|belly|tummy|uterus) (?:is |feels |has gone |gone |went )?(?:rock )?hard|持续(?:性)?(?:的)?(?:腹痛|肚子痛)|肚子(?:一直)?(?:发)?硬"),
    "overdose_amount": (r"(?:took|taken|swallowed|downed|ate) (?:most of |half of |all of |the rest of )?(?:a |an |the |her |his |my |their )?"
                        r"(?:whole |full |entire |new )?(?:box|bottle|pack|packet|strip|blister pack|tub|jar) of (?:\w+ ){0,2}"
                        r"(?:pills|tablets|meds|medication|paracetamol|tylenol|acetaminophen|ibuprofen|aspirin|painkillers|"
                        r"antidepressants|sleeping pills|insulin|iron)"),
    "saved_pills": alt(
        r"(?:saved|stockpiled|collected|hoarded|saving|stockpiling) (?:up )?(?:enough )?(?:\w+ )?(?:pills|tablets|meds|medication)",
        r"结束(?:我)?自己|了结(?:我)?自己|(?:药|安眠药)\S{0,4}攒(?:够|好|齐)了?|攒(?:够|了)\S{0,3}(?:药|安眠药)|写好了?遗言"),
    "co_source": r"炭盆|烧炭|炭火|煤炉|蜂窝煤|燃气热水器|煤气|gas (?:heater|fire|boiler)|charcoal|generator (?:indoors|inside|in the)|paraffin heater|kerosene heater",
    "hard_to_wake": r"叫了?(?:好几声|好久|半天|几次|很多声|好几遍)才(?:醒|有反应)|叫不(?:太)?醒|(?:hard|difficult|impossible) to (?:wake|rouse)|won't wake (?:up)?",
    "electric": r"触电|被电(?:了|到|击)|电击|electrocut\w*|electric(?:al)? shock|got (?:a )?shock(?:ed)? (?:from|by|off) (?:a |the )?(?:socket|outlet|wire|cable|plug|mains)",
    "electric_harm": r"弹开|被弹|甩开|thrown (?:back|across|off)|(?:小)?黑点|burn mark|entry (?:wound|mark)|心跳(?:乱|不齐|很乱)|heart (?:is |was |keeps |feels )?(?:racing|skipping|irregular|fluttering|weird|pounding)|palpitations",
    "wild_mushroom": r"野生菌|野蘑菇|野生蘑菇|采的(?:蘑菇|菌)|毒蘑菇|毒菌|wild mushrooms?|foraged mushrooms?|mushrooms? (?:\w+ ){0,2}(?:picked|found|foraged)",
    "gut_upset": r"vomit\w*|throw\w* up|threw up|diarrh\w*|nause\w*|sick to (?:my|his|her) stomach|(?:been|being) sick\b|上吐下泻|呕吐|吐了|想吐|一直吐|吐(?:个)?不停|恶心|拉肚子|腹泻",
    "postpartum": r"顺产|剖腹产|剖宫产|产后|生完(?:孩子|宝宝)?|坐月子|after (?:giving )?birth|postpartum|post-partum|gave birth|since (?:the )?delivery|had (?:our|the|her|my|a) (?:baby|son|daughter)|刚生(?:了|完)?|生了(?:孩子|宝宝|儿子|女儿)",
    "heavy_pp_bleeding": alt(
        r"(?:一|1|每)(?:个)?小时\S{0,3}(?:湿透|换|用)\S{0,6}(?:卫生巾|护垫|夜用|垫子)|大血块|出血越来越多|血越流越多",
        r"soak\w* (?:through )?(?:a |one |\d+ )?(?:pads?|maxi pads?) (?:an|per|every|in an?) hour|(?:big|large|huge) clots|clots (?:the size of|as big as)|bleeding (?:is )?(?:getting )?heavier"),
    # --- a fourth probe ---------------------------------------------------
    "saddle_numbness": alt(
        r"numb\w* (?:\w+ ){0,2}(?:around|in|on) (?:my |his |her |their )?(?:bum|butt|bottom|groin|genitals|saddle|inner thighs|back passage)",
        r"saddle (?:numbness|an(?:a)?esthesia)",
        r"(?:bum|butt|bottom|groin|genitals|inner thighs)(?: and (?:\w+ ){0,2})? (?:\w+ ){0,2}(?:feel|feels|are|is|went|gone|going) numb",
        rf"(?:会阴|屁股|肛门周围|裆部|大腿内侧){_NP}{{0,6}}(?:麻|没感觉|没知觉|木了)"),
    "bladder_loss": alt(
        r"wet (?:himself|herself|myself|themselves) (?:\w+ ){0,4}(?:didn't|didnt|did not|not) (?:even )?(?:feel|notice)",
        r"(?:can't|cannot|unable to|couldn't) (?:pee|urinate|wee|pass urine)|(?:lost|losing|no) (?:control of (?:my |his |her )?)?bladder(?: control)?",
        r"尿不出|憋不住尿|尿失禁|尿(?:了)?裤子(?:都)?(?:不知道|没感觉)|大小便失禁"),
    "both_legs_weak": r"(?:can't|cannot|can not|couldn't) (?:feel|move) (?:or (?:feel|move) )?(?:my|his|her|their) legs|both (?:of (?:my|his|her) )?legs (?:\w+ ){0,2}(?:weak|numb|giving way|gave way)|(?:两条腿|双腿|两腿|两只脚)(?:都|突然)?(?:发软|没力|无力|麻|没劲|没感觉|没知觉|不能动|动不了)",
    "diabetic": r"diabet\w*|type ?1\b|\bt1d\b|insulin|糖尿病|胰岛素",
    "dka_signs": r"fruity|pear drops|nail polish|acetone|ketones?|烂苹果味|水果味|酮体|deep (?:and )?(?:fast|rapid) breath\w*|breathing (?:really |very )?deep and fast|呼吸(?:又)?深(?:又)?快",
    "fire_smoke": r"\bfire\b|smoke inhalation|(?:inhaled|breathed in|breathing in|full of|thick|black) smoke|smoke-filled|着火|火灾|失火|浓烟|烟雾|被烟熏|熏黑",
    "airway_burn": r"nose hairs? (?:are |were |got )?(?:burnt|burned|singed)|singed (?:nose|nasal) hairs?|hoarse|soot (?:in|around) (?:the |her |his )?(?:mouth|nose)|鼻毛(?:被)?(?:烧焦|烧了)|声音(?:越来越)?(?:嘶哑|哑)|嗓子(?:越来越)?哑|熏黑",
    "curtain_vision": rf"curtain (?:\w+ ){{0,5}}(?:over|across|in front of|covering) (?:my |his |her |the )?(?:\w+ )?(?:eye|vision|sight)|(?:eye|vision|sight) (?:\w+ ){{0,4}}(?:curtain|shadow)|shadow (?:coming|moving) (?:down|up|across)|(?:黑幕|幕布|帘子|窗帘|黑影){_NP}{{0,8}}(?:遮|挡|盖)|(?:半边|一半)看不见",
    "long_seizure": rf"抽了{_NP}{{0,4}}(?:分钟|min)|一直在抽|抽个不停|抽(?:了)?(?:快|将近|有)?\d+分钟|(?:seizure|fit|shaking) (?:\w+ ){{0,3}}(?:(?:for|over|more than|longer than) )+(?:\d+|five|ten) min",
    "tarry_stool": rf"(?:大便|便便|屎|拉的){_NP}{{0,6}}(?:黑乎乎|发黑|乌黑|像柏油|柏油)|(?:poo|poop|stool)s? (?:\w+ ){{0,3}}(?:like tar|tarry|jet black)",
    "old_age": (r"\b(?:nan|nanna|gran|grandad|granddad)\b|奶奶|爷爷|外婆|外公|姥姥|姥爷|老太太|老大爷|老人家|(?:aged?|nan|gran|mum|mom|dad|father|mother|grandma|grandpa) \(?(?:[7-9]\d|1[01]\d)\b"
                r"|\b(?:[7-9]\d|1[01]\d) ?(?:yo|y/o|years?|yrs?)\b|(?:[7-9]\d|1[01]\d)岁"),
    # --- a fifth probe ----------------------------------------------------
    "impact": r"car crash|crashed|collision|accident|airbag|(?:fell|fall|fallen) (?:off|from|down)|kicked in|hit in the (?:belly|stomach)|车祸|撞车|被撞|摔(?:倒|下)",
    "belly": r"belly|stomach|tummy|abdom\w*|肚子|腹部|腹痛",
    "no_passage": r"(?:haven't|hasn't|havent|hasnt|not|no|can't|cannot) (?:\w+ ){0,3}(?:pooped|pooed|passed wind|farted|had a bowel movement|passing wind)|不排气|不放屁|没(?:有)?放屁|没(?:有)?排气|(?:几天|两天|三天)没(?:有)?(?:大便|排便)",
    "green_vomit": r"(?:throwing up|vomiting|vomited|sick) (?:\w+ ){0,2}green|green (?:vomit|sick|bile)|吐(?:出)?(?:了)?(?:黄)?绿(?:色)?(?:的)?(?:水|东西|液体)",
    "distended": r"胀得?(?:跟|像)鼓|swollen like a drum|(?:belly|stomach|tummy) (?:\w+ ){0,2}blown up|distended|(?:belly|stomach|tummy) (?:\w+ ){0,2}(?:swollen|bloated) (?:and )?(?:hard|tight|like)|(?:肚子|腹部)胀(?:得)?(?:像鼓|很硬|鼓鼓)",
    # "血压"/"blood pressure" are blanked by MASKS (they are not bleeding): the blank run stands for them
    "low_bp": r"(?:\bbp\b|\s{2,})\D{0,4}(?<!\d)(?:[4-8]\d)\s*/\s*[2-5]\d(?!\d)|收缩压\D{0,3}[4-8]\d\b",
    "low_spo2": (r"(?:spo2|sats?|oxygen(?: level| saturation)?|(?:pulse )?ox(?:imeter|y)?|o2|血氧(?:饱和度)?|饱和度|血氧仪)\D{0,8}(?:[5-8]\d|9[01])\s*%"
                 r"|(?:oximeter|血氧仪|血氧)\D{0,8}(?:[6-8]\d|9[01])(?![\d.]|\s*(?:块|元|bucks|dollars|\$))"),
    # --- a sixth probe ----------------------------------------------------
    "anticoagulant": r"eliquis|apixaban|xarelto|rivaroxaban|warfarin|coumadin|blood thinners?|clopidogrel|plavix|华法林|利伐沙班|阿哌沙班|抗凝|氯吡格雷",
    "bleed_not_stopping": alt(
        r"(?:nosebleed|nose bleed|bleed\w*|blood) (?:\w+ ){0,2}(?:won't|wont|doesn't|will not|not|isn't) (?:stop|stopping|slowing)",
        r"(?:nosebleed|nose bleed|bleed\w*) (?:\w+ ){0,3}(?:non-?stop|(?:gone|going) on for|even with (?:pinching|pressure))",
        rf"血{_NP}{{0,3}}止不住|止不住(?:血|地流)|鼻血{_NP}{{0,12}}(?:止不住|停不下来|不停)"),
    "long_minutes": r"(?:[3-9]\d|1\d\d) ?(?:min|mins|minutes)|(?:half an|an|over an) hour|半个?小时|[3-9]\d分钟|(?:一|\d+)个(?:多)?小时|\d+ ?(?:hours?|hrs?)",
    "deep_cut": r"(?:划|割|切)得(?:很|特别|好)深|口子(?:是)?张开|(?:cut|slash\w*) (?:\w+ ){0,2}deep|gaping|can see (?:fat|bone|yellow)|能看到里面",
    "chemical": r"bleach|chemical|cleaner|acid|\blye\b|ammonia|洁厕灵|消毒液|漂白剂|清洁剂|石灰|烧碱|强酸|强碱|84",
    "in_eye": r"(?:in|into) (?:my |his |her |their |the )?eyes?|(?:溅|喷|进|弄)(?:到|进)?(?:了)?(?:眼睛|眼里|眼)",
    "missed_period": r"(?:大姨妈|月经|例假)(?:推迟|晚了|没来|迟了)|period (?:is |was )?(?:\w+ (?:days?|weeks?) )?(?:late|overdue)|missed (?:my |her )?period|positive pregnancy test|pregnancy test (?:was |came back )?positive|验孕棒两条杠",
    "low_belly": r"belly|stomach|tummy|abdom\w*|pelvi\w*|low on one side|lower (?:left|right)|肚子|腹部|下腹|小腹|腹",
    "head_bump": r"(?:磕|撞|碰|摔)(?:到|在)?(?:了)?(?:头|脑袋|后脑勺|额头)|(?:后脑勺|头|脑袋|额头)(?:磕|撞|着地)|hit (?:my |his |her |their )?head|bumped (?:my |his |her |their )?head|head (?:injury|bump)",
    "young_infant": r"(?:才|刚)?\s?(?:一|两|1|2)\s?个(?:多|半)?月(?:大)?|\b[1-8] ?(?:weeks?|wks?) old|newborn|新生儿|满月",
    "dry_nappies": rf"(?:尿不湿|纸尿裤|尿布|尿片){_NP}{{0,6}}(?:没湿|都是干的|干的)|no wet (?:nappies|diapers|nappy|diaper)|(?:nappy|diaper) (?:has been |is |was )?dry|哭(?:都)?没(?:有)?眼泪|crying (?:with )?no tears",
    "jaw_pain": r"\bjaw\b|下巴|下颌|牙根",
    "floppy": r"floppy|\blimp\b|软软的|软绵绵|蔫(?:蔫)?的?|浑身没劲",
    "poor_response": r"(?:叫|喊)(?:她|他|也)*不(?:怎么)?(?:理|应)|不理人|没(?:什么)?反应|眼睛半睁|not responding (?:normally|properly|to us)|barely respond\w*|staring blankly|won't look at (?:me|us)",
    # --- a seventh probe --------------------------------------------------
    "deformed": r"\bbent\b|deformed|crooked|out of shape|(?:at )?a (?:funny|weird|strange) angle|变形|弯了|歪了|畸形|骨头(?:戳|露)出来",
    "cold_pale_distal": r"(?:fingers?|toes?|hand|foot|feet) (?:\w+ ){0,3}(?:cold|pale|white|blue|numb)|(?:手指|脚趾|手|脚)(?:头)?(?:发凉|冰凉|发白|发紫|发麻|没知觉)",
    "preeclampsia_signs": (r"眼前\S{0,8}(?:闪光|冒金星|发花)|看(?:东西)?(?:模糊|重影)|flashing lights|seeing (?:spots|stars)|blurr\w* vision"
                           r"|(?:脸|面部|手)\S{0,4}(?:浮肿|水肿)|(?:face|hands) (?:\w+ ){0,2}(?:swollen|puffy)|swelling (?:in|of) (?:my |her )?(?:face|hands)"),
    "leg_shortened": r"(?:leg|腿)\S{0,6}(?:变短|短了|外翻|向外翻|外旋)|(?:leg|foot) (?:\w+ ){0,3}(?:shortened|shorter|turned out\w*|rotated out\w*)|shortened,? (?:and )?(?:outward|turned)",
    "cant_stand": r"(?:can't|cannot|unable to|couldn't) (?:bear weight|stand|put (?:any )?weight|get up)|不能站立|站不起来|不能着地|没法站",
    "fell": r"\bfell\b|\bfall(?:s|en)?\b|slipped|tripped|摔|滑倒|跌倒",
    # --- an eighth probe: dangers in combinations -------------------------
    "face_droop_zh": (r"嘴角(?:往下|向下|往一边)?(?:耷拉|歪|下垂)|口角(?:歪斜|下垂)|嘴(?:巴)?歪(?:了|向)|脸(?:都|一边|有点)?(?:歪|耷拉)"
                      r"|嘴角漏水|(?:一只|右|左)?眼(?:睛)?闭不上|(?:eye|eyelid) (?:won't|doesn't|can't|cannot) (?:close|shut)"),
    "speech_zh": r"说话(?:有点|有些|突然)?(?:含糊|含含糊糊|不清楚|不利索|大舌头|不清)|口齿不清|吐字不清|话(?:都)?说不清",
    "arm_zh": r"(?:筷子|碗|杯子|东西|手机)(?:老|总是|一直|都)?(?:拿不稳|拿不住|掉)|(?:一边|左边|右边|一侧|半边)(?:的)?(?:胳膊|手|腿|身子)(?:没劲|无力|抬不起来|发麻|不听使唤)",
    "calf_pain": r"calf (?:\w+ ){0,3}(?:sore|pain\w*|hurts|swollen|tender|tight)|(?:sore|painful|swollen) calf|小腿(?:肚)?(?:又)?(?:疼|痛|肿|胀)",
    "out_of_breath": r"out of breath|short of breath|breathless|winded|喘不上气|气短|气喘|上不来气|喘得厉害",
    "post_op": r"(?:had|after) (?:my |his |her )?(?:\w+ ){0,2}(?:out|surgery|operation|removed|op)\b|surgery (?:\w+ ){0,2}(?:\d+|a few|two|three) (?:days?|weeks?) ago|(?:out|removed|surgery|operation|op) (?:\w+ )?(?:\d+|a few|two|three|four|five) (?:days?|weeks?) ago|术后|做完手术|手术后|开完刀",
    "throat_signs": r"hoarse|hard to swallow|(?:can't|cannot|difficulty|trouble) swallow\w*|throat (?:feels )?(?:tight|closing)|咽不下|吞不下|喉咙(?:发紧|肿|堵)|声音(?:变)?哑",
    "cant_swallow_saliva": r"口水(?:都)?咽不下|咽不下口水|can't swallow (?:\w+ )?(?:spit|saliva)|drooling and (?:can't|cannot|unable)",
    "palp_zh": r"心跳(?:得)?(?:乱|很乱|乱七八糟|不齐|好快|特别快)|心(?:里)?(?:发慌|慌)|心脏?跳得(?:像打鼓|像擂鼓|飞快|特别快|很快|厉害)|心(?:脏)?(?:怦怦|砰砰|咚咚)(?:乱|直)?跳",
    "dangerous_med": r"降压药|降糖药|安眠药|抗抑郁药|心脏(?:病)?药|止痛药|铁剂|硝苯地平|(?:pressure|heart|diabetes|sleeping|\s{3,})\s*(?:pill|tablet|medicine|med)s?|opioid|oxycodone|fentanyl|methadone|iron (?:pill|tablet)s?",
    "ingest_verb": r"偷吃|误吃|误服|吃了|吞了|swallowed|\bate\b|got into|chewed",
    "bulging_fontanelle": rf"囟门{_NP}{{0,6}}(?:鼓|凸|膨)|bulging (?:soft spot|fontanelle)|soft spot (?:\w+ ){{0,2}}bulging",
    "dialysis_missed": r"(?:透析|dialysis)[^。.!?\n]{0,30}(?:少去|没去|漏|错过|missed|skipped)|(?:missed|skipped|少去了?|没去)[^。.!?\n]{0,14}(?:透析|dialysis)|做透析的",
    "weak_or_numb": r"浑身没劲|没劲|使不上劲|无力|手脚发麻|发麻|麻得|麻木|weak\w*|numb\w*|tingl\w*",
    "hemi_zh": r"半边(?:身子|身体|脸)|半身|(?:左|右)手(?:和)?(?:左|右)(?:腿|脚)|(?:左|右)(?:胳膊|半边)(?:和)?(?:左|右)?(?:腿|脚)?",
    "food_allergen": r"prawns?|shrimp|shellfish|crab|lobster|peanuts?|\bnuts?\b|sesame|bee sting|wasp|stung|虾|蟹|海鲜|花生|坚果|蜂蜇|被蜂",
    "snake_bite": r"snake ?bit(?:e|ten)?|snake (?:\w+ ){0,2}bit\b|bitten by (?:a |the )?(?:\w+ )?snake|(?:被)?蛇咬|被咬了?[^。.!?\n]{0,16}蛇|蛇[^。.!?\n]{0,6}咬(?:了|伤)",
    "fever_number": r"(?:i'?m|she'?s|he'?s|they'?re|temp(?:erature)?'?s?) at (?:3[89]|4[0-2])(?:\.\d)?\b|(?:肛温|体温|腋温|耳温|额温|温度|temp\w*|fever of)\D{0,4}(?:3[89]|4[0-2])(?:\.\d)?|摸(?:着|起来)?(?:很|有点)?烫",
    # --- a ninth probe (atypical presentations) ------------------------------
    "chemo": r"chemo\w*|on (?:\w+ )?(?:cancer treatment|immunotherapy)|oncology|化疗|放化疗",
    "cancer_history": r"cancer|tumou?r|lymphoma|leuk(?:a)?emia|myeloma|metasta\w*|癌|肿瘤|淋巴瘤|白血病|骨髓瘤|转移",
    "legs_weak": r"(?:my|his|her|their) legs (?:\w+ ){0,2}(?:weak|numb|tingly|wobbly|giving way|like jelly)|(?:腿|双腿|两条腿)(?:有点|越来越)?(?:发软|没力|无力|发麻|麻木|没劲|不听使唤)",
    "retention": r"(?:trouble|difficulty|struggling|hard) (?:starting to |to )?(?:pee|wee|urinate|passing urine)|(?:can't|cannot|can not) (?:start|get) (?:my |the )?(?:pee|wee|stream)|尿不出|排尿困难|解不出小便|小便(?:解不出|困难)",
    "warm_touch": r"(?:feels?|felt|is|was|seems?) (?:a bit |quite |very |really )?(?:warm|hot)\b(?! (?:in here|outside|today|weather))|摸(?:着|起来)?(?:有点|很)?(?:热|烫)",
    "new_confusion": alt(
        r"not making (?:much |any )?sense|(?:keeps|kept) asking (?:what|where|who) (?:\w+ ){0,2}(?:year|day|she is|he is|we are)|"
        r"(?:doesn't|does not|didn't) (?:know|recogni[sz]e) (?:what year|what day|where (?:she|he) is|(?:me|us))|"
        r"(?:talking|speaking) (?:nonsense|rubbish|gibberish|funny|weird|strange)|muddled|confused about where",
        r"说话(?:颠三倒四|前言不搭后语|不着调)|认不出(?:人|我|家人)|(?:不知道|不认得)(?:自己)?(?:在哪|今天几号|是哪年)"),
    "psychosis_signs": alt(
        r"(?:messages|signals|talking to (?:her|him|me)) (?:\w+ ){0,2}(?:through|from|on) the (?:tv|telly|radio|walls?)|hearing voices|"
        r"(?:baby|child) (?:is ?n't|isn't|is not|wasn't) (?:ours|hers|his|mine|really (?:ours|hers))|"
        r"(?:hasn't|hasnt|has not|haven't|not) slept (?:for |in )?(?:like |about )?(?:\d+|a few|several) (?:days|nights)|"
        r"(?:people|someone|they) (?:are|is) (?:out to get|poisoning|watching|following) (?:her|him|me)",
        r"幻听|幻觉|听到(?:有人|声音)|(?:觉得|说)(?:有人|别人)(?:要)?(?:害|监视|跟踪)|(?:孩子|宝宝)不是(?:她|我们|我|他)的|"
        r"(?:\d+|几)天(?:几夜)?(?:都)?没(?:有)?(?:合眼|睡)"),
    "right_lower_more": r"(?:疼|痛)(?:跑)?到(?:了)?右下|按(?:着)?右下|右下(?:边|面|方)(?:疼|痛)|(?:pain|ache|hurts?) (?:\w+ ){0,3}(?:moved|moving|went|gone) (?:down )?(?:to )?(?:the )?(?:right|lower right)",
    "periumbilical": r"肚脐(?:周围|附近|眼)|belly ?button|navel|around (?:his|her|my|the) (?:tummy button|middle)",
    "walks_bent": r"走路弯(?:着)?腰|弯着腰(?:走|不敢直)|(?:walks?|walking) (?:\w+ ){0,2}(?:bent|hunched)|hurts (?:\w+ ){0,2}(?:to walk|when (?:he|she) walks|going over bumps)",
    "strawberry_tongue": r"草莓舌|舌头\S{0,6}(?:像|跟)?草莓|strawberry tongue|tongue (?:\w+ ){0,3}(?:like a )?strawberr\w*",
    "thirst_polyuria": r"口渴|喝很多水|多饮|多尿|尿(?:也|特别|很)?多|(?:very|really|always|so|constantly) thirsty|drinking (?:loads|lots|tons|litres)|(?:peeing|weeing) (?:all the time|a lot|constantly|loads)",
    "overdose_count": (r"(?:took|taken|swallowed|ate|downed|had) (?:about |around |like |maybe |nearly |almost |over |at least )?(?:[1-9]\d|\d{3,}) "
                       r"(?:of (?:my|her|his|their|the|mum's|mom's|dad's) )?(?:\w+ ){0,2}(?:pills|tablets|caps|capsules|tylenol|panadol|\w+(?:ine|ol|am|pam|done|pine|mab|fen))\b|"
                       r"吃了(?:差不多|大概|将近|快|至少|有)?(?:\d{2,}|一整瓶|一整盒|一整板|整瓶|整盒)(?:片|粒|颗)?|"
                       r"\d+ ?mg ?(?:x|×|\*) ?[1-9]\d\b|[1-9]\d ?(?:x|×) ?\d+ ?mg"),
    "despair": (r"(?:can't|cannot|cant) (?:go on|do this anymore|take (?:it|this) anymore)|(?:don't|dont) want to (?:be here|live|wake up)|"
                r"(?:didn't|don't|dont|didnt) see the point|no point (?:anymore|in living|going on)|"
                r"撑不下去|活不下去|不想活|活着太累|不想再(?:麻烦|拖累)|活着没意思|解脱|一了百了|不想醒"),
    "suicide_means": (r"(?:bought|got|have) (?:a |some |the )?(?:rope|charcoal|helium)|(?:炭|木炭|烧炭|绳子|安眠药|农药|百草枯)(?:已经|都)?(?:买|准备|备)好|"
                      r"(?:买|准备|备)好(?:了)?(?:炭|木炭|绳子|安眠药|农药)|烧炭|上吊|跳楼|跳河"),

    # --- an eleventh and twelfth probe (forgotten areas, tricky wording) ---------
    "alcohol_stop": r"(?:stopped|quit|stop|quitting) drinking|cold turkey|off the (?:booze|drink)|戒酒|停酒|(?:不|没)喝酒(?:了)?(?:\S{0,3}天)",
    "withdrawal_danger": (r"hallucinat\w*|seeing (?:things|bugs|spiders)|bugs (?:\w+ ){0,2}crawling|(?:doesn't|does not|don't) know (?:what day|where (?:he|she) is)|"
                          r"confus\w*|seizure|\bfit\b|幻觉|看到(?:虫|有人)|(?:虫子|虫)在爬|胡言乱语|抽搐|神志不清|不认人"),
    "sexual_assault": r"sexually assaulted|(?:was|been|got) raped|\brape\b|spiked|(?:something|drugs?) (?:was |were )?(?:put|slipped) in (?:my|her|his) drink|性侵|被强奸|被迷奸|被下药|下了药",
    "weapon_threat": r"菜刀|拿(?:着)?刀|持刀|\bknife\b|\bgun\b|枪|weapon|threaten\w*|威胁|要杀|(?:hurt|kill) (?:someone|us|me|people)|打人",
    "fish_bone": r"鱼刺|鱼骨|卡了?(?:一)?根刺|(?:fish|chicken) bone",
    "chest_behind": r"胸口(?:后面)?(?:很|特别)?(?:痛|疼)|胸骨后|chest (?:pain|hurts)|pain (?:behind|in) (?:my|the) (?:chest|breastbone)",
    "eye_projectile": (r"(?:飞|溅|崩|弹|扎)(?:进|到|入)(?:了)?(?:\S{0,2})?眼睛|(?:metal|steel|iron|glass|debris|shard|splinter|chip|fragment|something)\w* "
                       r"(?:\w+ ){0,4}(?:flew|went|got|shot|flicked) (?:\w+ ){0,2}(?:in|into) (?:my|his|her|the) eye"),
    "power_tool": r"打磨|切割|砂轮|电焊|锤|钻|grind\w*|hammer\w*|drill\w*|chisel\w*|angle grinder|lathe",
    "blurred_eye": r"看(?:东西)?(?:模糊|不清)|视力(?:下降|模糊)|blurr\w*|can't see (?:properly|well|out of)|扎着东西",
    "adrenal": r"艾迪生|阿狄森|肾上腺皮质功能(?:减退|不全)|addison\w*|adrenal insufficiency|氢化可的松|hydrocortisone",
    "crush": r"压住|(?:被|给)(?:\S{0,4})?(?:砸|压)(?:住|伤|了)|被?压在\S{0,6}(?:下面|底下|下)|crush\w*|pinned (?:under|by)|trapped under",
    "crush_signs": r"(?:尿|小便)\S{0,3}(?:酱油|浓茶|茶|可乐)色|(?:dark|cola|tea|brown)[- ]colou?red (?:urine|pee|wee)|(?:urine|pee|wee) (?:is |looks |was |went )?(?:dark brown|cola|tea|brown)|肿(?:又|而|得)?硬|又肿又硬|swollen and (?:hard|tight)",
    "diving": r"潜水|潜完水|scuba|(?:went|been|after|from) (?:a )?div(?:e|ing)|减压病|the bends",
    "joint_or_numb": r"关节\S{0,3}(?:疼|痛)|joint (?:pain|ache)|发麻|麻木|numb\w*|tingl\w*|走路\S{0,3}不稳|unsteady|dizz\w*",
    "paracetamol": r"泰诺(?:林)?|对乙酰氨基酚|扑热息痛|必理通|paracetamol|acetaminophen|tylenol|panadol",
    "liver_signs": r"(?:eyes|skin) (?:look|looks|are|is|have gone|has gone|turned|went) (?:a bit |quite |slightly )?yellow|眼睛(?:有点|有些)?(?:发)?黄|皮肤(?:有点)?(?:发)?黄|黄疸|右上腹(?:痛|疼)|yellow (?:eyes|skin)|jaundice\w*|whites? of (?:my|his|her) eyes (?:\w+ ){0,2}yellow",
    "high_bp": r"(?<![\d/.-])(?:1[89]\d|2\d\d)\s*/\s*(?:[5-9]\d|1\d\d)(?![\d/.-])",
    "bp_danger": r"headache|头(?:痛|疼)|blurr\w*|看(?:东西)?模糊|vision|chest pain|胸(?:痛|闷)|confus\w*|weak\w*|numb\w*|nose ?bleed|鼻(?:子)?出血",
    "incontinent": r"wet (?:my|him|her|them)sel(?:f|ves)|(?:peed|pissed|soiled) (?:my|him|her)self|尿裤子|尿失禁|大小便失禁",

    # --- a thirteenth and fourteenth probe (sensations, children) --------------
    "hair_tourniquet": (r"(?:hair|thread|string) (?:\w+ ){0,3}(?:wrapped|wound|tied|tight|twisted) (?:\w+ ){0,3}(?:around|round) (?:\w+ ){0,3}"
                        r"(?:toe|finger|penis|willy)|头发(?:丝)?\S{0,4}(?:缠|勒|绕)\S{0,6}(?:脚趾|手指|小鸡鸡)|(?:脚趾|手指|小鸡鸡)\S{0,4}(?:头发|线)(?:丝)?\S{0,2}(?:缠|勒|绕)"),
    "discoloured": r"swollen|purple|dark|blue|black|white|肿|发紫|发黑|发白|变紫|变黑",
    "caustic": (r"bleach|\blye\b|drain cleaner|oven cleaner|(?:dishwasher|laundry|detergent) (?:tablet|pod|capsule)s?|"
                r"洁厕灵|消毒液|漂白(?:剂|水)|84|烧碱|管道疏通剂|洗衣凝珠|洗碗块|除垢剂"),
    "drank": r"喝了|喝下|喝进|误喝|误服|吞了|舔了|drank|swallowed|\bate\b|(?:took|had) a (?:sip|gulp|swig|mouthful)|bit into",
    # --- a fifteenth probe (code-switching) --------------------------------------
    "nitro": r"硝酸甘油|速效救心丸|救心丸|nitroglycerin|\bgtn\b|nitro (?:spray|tablet|pill)s?|\bnitro\b",
    "chest_any": r"chest (?:pain|tight\w*|pressure|hurts|ache|discomfort)|胸(?:口|部)?\S{0,4}(?:痛|疼|闷|压)|心口\S{0,3}(?:痛|疼|闷)",
    "loc": r"\bloc\b|knocked (?:him |her |me )?out|lost consciousness|passed out|blacked out|晕过去|昏过去|不省人事|失去(?:了)?意识|昏迷",
    # --- a sixteenth probe (adults and older people) ----------------------------
    "retention_strong": (r"(?:hasn't|has not|haven't|have not|hadn't|can't|cannot|couldn't) (?:passed|pass|done|had) (?:any )?(?:urine|water|a wee|a pee)"
                         r"|only (?:a few )?(?:drops|dribbles?) (?:come|came|comes) out|一滴尿都(?:尿|解|排)?不出|尿不出(?:来)?|憋不出尿|解不出小便"),
    "bladder_swollen": r"(?:lower )?(?:tummy|belly|abdomen|stomach) (?:\w+ ){0,2}(?:swollen|distended|hard|tight|bulging)|小肚子\S{0,4}(?:鼓|胀|硬)|膀胱\S{0,3}(?:胀|鼓)|groaning|疼得\S{0,4}打滚",
    "priapism": (r"erection (?:\w+ ){0,4}(?:\d+|four|five|six|seven|eight) hours|erection (?:\w+ ){0,4}(?:won't|will not|doesn't|isn't) go(?:ing)? (?:down|away)"
                 r"|勃起\S{0,8}(?:[4-9]|四|五|六|七|八|十)\S{0,2}小时|勃起\S{0,10}消不下去|(?:下面|那里|小弟弟)\S{0,4}硬着?\S{0,6}消不下去"),
    "renal_colic": r"kidney stone|renal colic|(?:side|flank|loin) (?:\w+ ){0,6}groin|肾结石|输尿管结石|肾绞痛|腰(?:部)?\S{0,4}(?:绞痛|剧痛)",
    "shingles": r"shingles|herpes zoster|带状疱疹|缠腰龙|蛇盘疮|生蛇",
    "eye_trouble": r"(?:eye|vision) (?:\w+ ){0,4}(?:red|painful|sore|blurry|blurred)|blurr\w*|眼睛\S{0,4}(?:红|痛|疼|模糊)|看东西模糊",
    "hot_joint": (r"(?:knee|hip|ankle|elbow|shoulder|wrist|joint) (?:\w+ ){0,5}(?:hot|red|swollen|swelled)|(?:hot|red|swollen) (?:\w+ ){0,3}(?:knee|hip|ankle|joint)"
                  r"|(?:膝盖|关节|脚踝|髋)\S{0,6}(?:红肿|发热|发烫|肿)"),
    "scope_procedure": r"colonoscopy|endoscopy|gastroscopy|polyps? (?:\w+ ){0,2}removed|removed (?:\w+ ){0,2}polyps?|肠镜|胃镜|息肉",
    "belly_worse": r"(?:stomach|belly|tummy|abdomen|abdominal)\w* (?:\w+ ){0,4}(?:worse|rock hard|hard|rigid)|(?:肚子|腹部|腹痛)\S{0,6}(?:越来越|加重|硬)",
    "hernia_stuck": (r"(?:lump|bulge|hernia) (?:\w+ ){0,10}(?:won't|will not|doesn't|can't|cannot) (?:go|push|pop|be pushed) back"
                     r"|(?:疝|包|鼓包|疙瘩)\S{0,8}(?:推不回去|回不去|缩不回去|按不回去|塞不回去)"),
    "wont_go_back": r"(?:won't|will not|doesn't|can't|cannot) (?:go|push|pop|be pushed) back(?: in)?",
    "groin_lump": r"(?:lump|bulge|hernia|swelling) (?:\w+ ){0,3}(?:groin|belly ?button|navel)|groin|腹股沟|大腿根",
    "systemic_fever": r"fever of|temp\w* (?:of |is |was )?(?:3[89]|4[01])|shiver\w*|rigors|chills|发烧|高烧|寒战|打冷战|打寒战",
    "epigastric_to_back": (r"(?:upper|top of (?:my|the)) (?:stomach|belly|tummy|abdomen|abdominal) (?:\w+ ){0,8}(?:back)|(?:through|goes|going|radiat\w*) (?:\w+ ){0,2}to (?:my|the|his|her) back"
                           r"|上腹(?:部)?\S{0,14}(?:后背|背)|(?:痛|疼)到后背|往后背窜|窜到后背|放射到(?:后)?背"),
    "fast_rr": (r"(?:一分钟|1分钟|每分钟)\S{0,2}(?:[3-6]\d|[三四五六]十)(?:多)?次|呼吸(?:频率)?\D{0,6}(?:[3-6]\d)次"
                r"|breath(?:ing|s)? (?:rate )?(?:of |is |at )?(?:[3-6]\d) (?:a|1|per|each) min\w*|\brr\s*[3-6]\d"),
    # --- a seventeenth probe (as broad as possible) ---------------------------
    "cast": r"\bcast\b|plaster|石膏|夹板",
    "cord_prolapse": r"cord (?:\w+ ){0,3}(?:hanging|coming out|poking out|visible|down there)|脐带\S{0,4}(?:掉|脱|露|垂)(?:出|下)",
    # --- an eighteenth probe (online consultations) --------------------------
    "upper_belly": r"上腹(?:部)?\S{0,4}(?:闷|痛|疼|不舒服|难受)|胃\S{0,2}(?:不舒服|疼|痛|难受)|upper (?:stomach|abdomen|belly|tummy)|indigestion|heartburn",
    "pale_zh": r"脸色(?:发白|苍白|煞白|很差)|(?:looks|went|gone|is) (?:very )?(?:pale|grey|gray)",
    "jelly_stool": r"果酱(?:样|一样)|像果酱|currant jelly|jelly[- ]like (?:poo|stool)|(?:大便|便便|屎)\S{0,8}(?:血\S{0,3}黏液|黏液\S{0,3}血)|blood and mucus",
    "legs_drawn": r"腿缩起来|蜷着腿|(?:pull|draw)\w* (?:his|her|their) (?:legs|knees) up",
    "halos": r"光晕|彩虹(?:一样)?(?:的)?(?:光|圈)|halos?\b|rainbow",
    "eye_pain": r"眼(?:睛|球)?\S{0,3}(?:胀痛|疼|痛|胀)|(?:eye|eyeball) (?:\w+ ){0,2}(?:pain|hurts|ache|painful)",
    "neck_swelling": r"swell\w* (?:\w+ ){0,4}(?:into|down|to) (?:my|his|her|the) neck|(?:下巴底下|下颌|脖子|颈部|颌下)\S{0,4}肿|swollen (?:under (?:my|his|her|the) (?:jaw|chin)|neck)|(?:neck|jaw) (?:\w+ ){0,2}swollen",
    "swallow_hard": r"(?:barely|hardly) open (?:my|his|her) mouth|吞(?:东西|咽)?\S{0,3}(?:困难|费劲)|咽不下|吞不下|嘴张不开|hard to swallow|can't swallow|difficulty swallowing|can't open (?:my|his|her) mouth",
    "spreading_fast": r"(?:红|范围)\S{0,6}(?:一下子|迅速|很快)?扩大|一下子扩大|(?:一直)?往上蔓延|蔓延得(?:很快|厉害)|spreading (?:fast|quickly|rapidly)|(?:red(?:ness)?|red area|rash) (?:\w+ ){0,3}(?:spreading|spread|growing|doubled)",
    "skin_dusky": r"发紫|发黑|水泡|血泡|blisters?|purple|black|dusky",
    # --- wording variants found in the training vignettes (train_a, train_b) ---
    "pain_low_side": r"(?:pain|ache|cramp\w*) (?:\w+ ){0,3}low (?:down )?on (?:my|the|her) (?:right|left)|low (?:down )?on the (?:right|left)|下腹\S{0,2}(?:一侧|右边|左边)",
    "spotting": r"spotting|a bit of (?:bleeding|blood)|见红|少量出血",
    "decided_plan": r"decided how and when|(?:written|wrote|left) (?:the|my|a) (?:notes?|letters?)|tonight'?s the night|(?:know|planned|worked out) (?:exactly )?how (?:i'?ll|i will|to) do it|已经想好了|不用劝我|别劝我|不要劝我",
    "means_ready": (r"(?:pills|tablets|meds) (?:\w+ ){0,2}(?:saved|stockpiled|hoarded|stashed|ready|lined up|counted out|laid out)|(?:药|炭|绳子)(?:都|已经)?(?:准备|买|备)好"),
    "sunken_fontanelle": r"囟门\S{0,4}(?:凹|陷|塌)|sunken (?:soft spot|fontanelle)|soft spot (?:\w+ ){0,2}(?:sunken|dipped|sinking)",
    "no_wee": r"(?:没|没有)尿|no (?:wee|pee|urine)|(?:hasn't|has not|hasnt) (?:had a )?(?:wee|pee|weed|peed)",
    "knocked_zh": r"晕了(?:几|一|\d)|(?:knocked|blacked) out for",
    "green_vomit_more": r"吐(?:出来)?的(?:东西)?是?(?:黄)?绿色|(?:vomit|sick)\w* (?:\w+ ){0,3}(?:green|bile)|green (?:vomit|sick)",
    "sleepy_after": r"(?:just )?wants to sleep|very sleepy|drowsy|老想睡|想睡觉|嗜睡|睡不醒",
    "exertion": r"打(?:篮)?球|踢球|跑步|运动|体育课|playing (?:football|basketball|soccer|sport|rugby|tennis)|while running|during (?:a |the )?(?:run|race|game|match|practice|training|pe)",
    "collapse": r"倒了|倒地|晕倒|昏倒|collapsed|fainted|passed out|dropped to the ground",
    "grey_lips_more": r"(?:lips?|face) (?:\w+ ){0,2}(?:a )?(?:greyish|bluish|grey|gray|blue|purple|dusky)(?:[- ](?:blue|grey|gray))?(?: colou?r)?|嘴唇\S{0,3}(?:发紫|发青|发乌|青紫)",
    "spo2_more": r"(?:oxygen|o2|sats?)(?: reader| monitor| meter| level)?\D{0,14}(?:[6-8]\d|9[01])(?!\d)",
    "button_cell": r"纽扣电池|button batter\w*|coin batter\w*|coin cell",
    "inhaler_more": (r"(?:only|barely) helps? (?:for )?(?:a few|a couple of)? ?minutes|inhaler every (?:half hour|\d+ minutes|few minutes)"
                     r"|(?:can only|only able to) (?:get|say) (?:a few|one or two|two or three|\d(?:-\d)?) words"
                     r"|inhaler\S*(?:[ ,]+[\w']+){0,8}?[ ,]+(?:no help|no use|didn't help|not helping|isn't helping)"),
    "chemical_more": r"管道疏通剂|疏通剂|洗衣凝珠|漂白水|drain (?:unblocker|opener)",
    "movement_more": r"(?:barely|hardly) felt (?:anything|her|him|the baby|baby|any (?:movement|kicks))|(?:no|not) (?:felt|feeling) (?:the )?baby move",
    "mottled": r"blotchy|mottled|purplish|花斑|发花|一块一块(?:的)?紫",
    "tongue_swell": r"tongue (?:\w+ ){0,4}swol\w*|swollen tongue|tongue (?:is |has )?swelling|(?:one side of|side of) (?:my|his|her) tongue|舌头(?:(?!不|没)\S){0,4}肿",
    "tarry_more": r"(?:poo|stool)s? (?:\w+ ){0,4}black|black (?:and )?(?:sticky|tarry)|like tar",
    "no_passage_more": r"(?:haven't|hasn't|havent|hasnt|not) passed (?:any )?wind|(?:no|not) (?:had a )?poo (?:or|and) (?:no )?wind",
    "scald_source": r"boiling (?:oil|water)|hot (?:oil|fat|water|tea|coffee)|kettle|开水|热水|热油|油锅|滚油",
    "burn_deep_or_wide": (r"leathery|charred|white (?:\w+ ){0,2}patches|(?:skin|it) (?:\w+ ){0,2}peeling|whole (?:front|back|chest|arm|leg)|"
                          r"(?:chest|face|belly|back) and (?:her|his|my|the) (?:arm|chest|face|leg)s?|发白|焦黑|皮(?:都)?(?:掉了|脱了)|整个(?:胸口|后背|肚子|胳膊|腿)"),
    "spurting": r"血\S{0,8}(?:呲|喷|涌|止不住)|(?:按|压|捂)不住|(?:按|压|捂)着\S{0,6}止不住|spurting|squirting|pumping out|gushing",
    "missing_item": r"(?:is|are) missing|can't find (?:it|one|the)|少了(?:一)?(?:颗|个|粒)|不见了|找不到了",
    "sun_exposure": r"(?:in|out in) (?:the )?(?:sun|heat)|heat ?wave|hot day|暴晒|太阳底下|大太阳|高温|中暑",
    "not_sweating": r"not sweating|no sweat|stopped sweating|dry (?:and )?hot skin|不出汗|没(?:有)?汗",
    "dive_shallow": r"(?:dived|dove|diving|jumped) (?:\w+ ){0,3}(?:shallow|head ?first)|hit the bottom|跳水|扎猛子|头朝下",
    "neck_hurt": r"neck (?:\w+ ){0,2}(?:hurts|pain|sore|injur\w*)|脖子\S{0,3}(?:疼|痛|扭)|颈部\S{0,2}(?:疼|痛)",
    "degloving": (r"degloving|(?:skin|flesh) (?:\w+ ){0,4}(?:peeled|ripped|torn|stripped) (?:\w+ ){0,2}off|like a glove"
                  r"|(?:pulled|caught|dragged) (?:\w+ ){0,2}into (?:a |the )?(?:roller|machine|press|mangle)|卷进\S{0,4}(?:机器|滚筒|滚轴)|皮(?:都)?被?(?:撕|剥|扯|撸)(?:掉|下来)"),
    "tick": r"\bticks?\b|蜱虫|草爬子|狗豆子",
    "rash_any": r"rash|spots|疹|红点",
    "red_streaks": r"red (?:streaks?|lines?)|streaks? (?:\w+ ){0,3}up (?:my|his|her|the) (?:arm|leg)|红线|红色的线|一条红",
    "wound_pus": r"(?:伤口|刀口)\S{0,4}(?:红肿|流脓|化脓|裂开)|(?:wound|incision|scar|stitches) (?:\w+ ){0,3}(?:pus|oozing|weeping|red and hot|opened)",
    "seizure_ongoing": r"抽\S{0,12}(?:还没停|停不下来|没停)|(?:fit|seizure|shaking|convulsing) (?:\w+ ){0,4}(?:still going|hasn't stopped|won't stop|not stopping)",
    "low_temp": r"(?:temp\w*|thermometer)\D{0,14}(?<![\d.])(?:2\d|3[0-4])\.\d(?![\d.])|(?:体温|腋温|肛温)(?:只有|才|是|为|量出来|[:：])?\s*(?:2\d|3[0-4])(?:\.\d)?(?![\d.])(?!\s*岁)",
    "freezing_touch": r"(?:freezing|ice[- ]cold|stone cold|very cold) to (?:the )?touch|浑身冰凉|全身冰冷|身上冰凉|摸着冰凉",
    "waters_broke": r"waters? (?:\w+ )?(?:broke|broken|went|gone|breaking|leaking)|破水|羊水破",
    "preterm_weeks": r"(?<!\d)(?:2\d|3[0-6]) ?(?:wks?|weeks?)\b|孕\s?(?:2\d|3[0-6])\s?周",
    "contractions": r"contractions?|tightenings?|肚子\S{0,4}(?:发紧|发硬)|宫缩",
    "contractions_regular": r"(?:every|apart) \d|一阵(?:一)?阵|(?:\d+|几)分钟一次|越来越(?:疼|痛|紧|频繁)|getting (?:stronger|closer|worse)|regular",
    "apnea": r"stop(?:s|ped|ping)? breathing|breathing pauses|pauses in (?:\w+ )?breathing|停止呼吸|呼吸暂停|不喘气|憋气",
    "blue_round_lips": r"(?:blue|bluish|grey|gray|purple)\w* (?:round|around) (?:the |his |her )?(?:lips|mouth)|嘴唇\S{0,3}(?:发紫|发青|发乌)|口周发青",
    "tampon": r"tampon|卫生棉条|棉条|menstrual cup|月经杯",
    "foul_discharge": r"恶露\S{0,4}(?:臭|异味)|(?:smelly|foul|offensive|bad-smelling) (?:discharge|lochia|bleeding)",
    "mania_danger": r"(?:can|could) fly|会飞|jump (?:off|from) (?:the )?(?:roof|balcony|building|bridge)|(?:阳台|楼顶|天台)\S{0,4}跳|跳给\S{0,2}看|跳楼",
    "motionless": r"一动不动|won't move at all|frozen in (?:one )?(?:place|position)|摆成什么样\S{0,4}保持|stays? in (?:whatever|any) position",
    "not_eat_drink": r"不吃不喝|(?:not|stopped|hasn't been|hasn't|isn't|is not|not been) (?:eating|drinking) (?:or|and) (?:drinking|eating)",
    "at_height": r"楼顶|天台|(?:on|at) (?:the )?(?:roof|ledge|bridge|cliff edge)",
    "not_coming_down": r"不想下(?:去|来)|不下去了|(?:won't|will not|don't want to) (?:come|get) down",
    "lockjaw": (r"jaw (?:\w+ ){0,2}(?:tight|locked|stiff|clenched)|(?:can|could) (?:hardly|barely|not|n't|'t) open (?:my|his|her) mouth"
                 r"|牙关紧闭|嘴张不开|张不开嘴|嘴巴张不开"),
    "spasms": r"spasm\w*|locking up|抽筋|痉挛|僵硬",
    "puncture": r"rusty|nail|puncture|钉子|生锈|扎(?:到|了|伤)",
    "ivf": r"\bivf\b|egg (?:collection|retrieval)|取卵|促排|试管婴儿",
    "hardly_peeing": r"(?:hardly|barely|not) (?:peeing|weeing|passing urine)|尿(?:很|特别)?少|尿不(?:出|多)",
    "toe_black": r"(?:脚趾|趾头)\S{0,6}(?:发黑|变黑|黑了|发紫)|(?:black|blackened|purple) toe|toe (?:\w+ ){0,3}(?:black|gone black|turned black)",
    "low_sugar": (r"(?:血糖|blood sugar|sugar|glucose|\bbg\b|\bbm\b)\D{0,10}(?<![\d.])(?:[0-2](?:\.\d)?|3\.[0-4])(?![\d.])(?! ?mg)"
                   r"|(?:血糖|blood sugar|sugar|glucose)\D{0,10}(?<![\d.])(?:[1-4]\d|5[0-4]) ?mg"),
    "chest_weight": (r"心里堵得慌|(?:像|跟)\S{0,4}石头压着|胸口(?:像)?\S{0,2}压(?:了|着)|weight on (?:my|his|her) chest|elephant (?:\w+ ){0,3}chest"
                     r"|bra (?:\w+ ){0,2}(?:too )?tight|(?:band|vice) (?:\w+ ){0,2}(?:round|around) (?:my|his|her) chest"),
    "arm_or_jaw_spread": r"左(?:边)?(?:肩膀|胳膊|手臂)|下巴|left (?:arm|shoulder)|\bjaw\b|往\S{0,6}窜",
}
