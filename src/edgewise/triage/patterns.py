"""Bilingual symptom concepts and the red-flag rules built from them.

Data only. Each concept is one regex over normalise()d text (lower case,
ASCII punctuation, digits). A rule fires when every concept of one of its
alternatives has a match that is not negated. Patterns that contain their own
negation ("not breathing", "叫不醒", "血止不住") must start at that word, so
the negation cue sits inside the match and does not cancel it.
"""
from __future__ import annotations

P = r"(?:my|his|her|their|the|your|a|our)"  # possessives: the patient may be someone else


def alt(*parts: str) -> str:
    return "|".join(parts)


# Benign phrases blanked out before matching, so "food poisoning" is not poisoning.
MASKS = alt(
    r"food poisoning", r"poison (?:ivy|oak|sumac)", r"(?:flu|booster|covid|tetanus) shot",
    r"heavy (?:menstrual )?(?:periods?|menstrual bleeding)", r"(?:anti-?)?seizure (?:medication|medicine|meds|drugs?|pills?)",
    r"epilepsy (?:medication|meds)", r"swollen (?:and |, ?)?(?:sore|red|painful) throat",
    r"throat (?:is |feels )?(?:sore|red|painful) and swollen", r"throat is swollen and (?:sore|red|painful)",
    r"swollen (?:glands|tonsils|lymph nodes)", r"blood (?:test|pressure|sugar|work|type|glucose|donation)s?",
    r"食物中毒", r"(?:咽喉|喉咙|嗓子)肿痛", r"扁桃体肿", r"(?:眼皮|眼睛|肌肉|嘴角|面部|眼角)(?:跳|抽搐|抽动)",
    r"(?:嗓子|喉咙|声音)(?:都)?(?:哑|沙哑)\S{0,4}说不出(?:话)?", r"月经量(?:大|多)|经量(?:大|多)",
    r"血压|血糖|验血|抽血|血常规|血脂",
)

CONCEPTS: dict[str, str] = {
    # --- chest -----------------------------------------------------------
    "chest_pain": alt(
        r"chest (?:pain|pains|tightness|pressure|discomfort|heaviness|ache|hurts?|is (?:tight|hurting|heavy)|feels (?:tight|heavy|like))",
        rf"(?:pain|pressure|tightness|heaviness|squeezing|ache|weight) (?:in|on|across|over|behind) {P}? ?(?:chest|breastbone|sternum)",
        r"(?:tight|heavy|painful|crushing|squeezing) chest",
        r"胸(?:口|部|前|骨后)?(?:刺|隐|闷|胀|绞|剧|钝|锐)?(?:痛|疼|闷|压|发紧|紧|憋)",
        r"胸(?:口|部)?(?:像|好像)?(?:被)?(?:攥|揪|压|捏|勒|箍)(?:紧|住|着)", r"心口(?:痛|疼|闷)", r"心前区(?:痛|疼|不适)", r"心绞痛"),
    "chest_severe": alt(
        r"crushing (?:chest|pain|pressure)", r"(?:severe|intense|excruciating|terrible|worst) (?:\w+ )?chest pain",
        r"having a heart attack", rf"elephant (?:on|sitting on) {P} chest", r"(?:tearing|ripping) (?:pain|sensation)",
        r"胸(?:口|部)?剧(?:烈)?(?:痛|疼)", r"剧烈(?:的)?胸痛", r"胸口像压了\S{0,3}石头", r"撕裂(?:样|般)(?:的)?(?:痛|疼)"),
    "breathless": alt(
        r"short(?:ness)? of breath|breathless\w*|out of breath|winded|\bsob\b",
        r"(?:hard|difficult|struggl\w*|trouble|difficulty|problems?) (?:to |with |in )?breath\w*",
        r"breathing (?:is )?(?:problems?|difficult\w*|trouble|hard|laboured|labored|heavy|fast|rapid)",
        rf"(?:can't|cannot|can not|couldn't|unable to) (?:catch {P} )?breath\w*", r"can't get (?:enough )?air|gasping",
        r"呼吸(?:困难|急促|费力|不畅|不过来)", r"喘不(?:上|过)气|气(?:短|促|喘|急)|憋气|憋得慌|透不过气|上不来气",
        r"喘得厉害|呼吸不上来|(?:无法|没法|不能)呼吸|喘(?:不|得)"),
    "radiating": alt(
        rf"(?:radiat|spread|goes|going|mov|shoot|travel)\w* (?:to|into|down|up|through) (?:{P} )?(?:left |right )?(?:arm|jaw|neck|back|shoulder)",
        r"(?:left )?(?:arm|jaw) (?:pain|ache|hurts|is numb|numb)", rf"pain in {P} (?:left )?(?:arm|jaw)",
        r"放射(?:到|至)", r"(?:左臂|左肩|左胳膊|左手臂|下巴|下颌|牙床)(?:也)?(?:痛|疼|发麻|麻)",
        r"(?:牵扯|牵连|连着)(?:到)?(?:左|后背|肩|下巴|胳膊)|(?:疼|痛)到(?:了)?(?:下巴|左臂|左胳膊|后背|肩膀|脖子)"),
    "sweating": r"\bsweat(?:ing|y|s)?\b|clammy|cold sweats?|diaphore\w*|冷汗|大汗|出汗|冒汗",
    "faint_or_sick": alt(
        r"faint\w*|passed out|pass out|black(?:ed)? out|light[- ]?headed|dizz\w*|nause\w*|vomit\w*",
        r"晕倒|晕厥|昏倒|头晕|眩晕|恶心|呕吐|眼前发黑"),
    # --- stroke signs, head, eyes ----------------------------------------
    "face_droop": alt(
        r"(?:face|mouth|smile|lip) (?:is |was |has |been |looks |seems |started |suddenly )*(?:droop|sag|twist|crook|slant|lopsided|uneven|fallen)\w*",
        r"droop\w* (?:face|mouth|smile|on one side)|facial (?:droop|weakness|paralysis|numbness)",
        rf"(?:one|left|right) side of {P} face (?:is |went |feels |has |been |suddenly )*(?:droop|numb|sag|weak|drop|paralys|frozen|fallen)\w*",
        rf"(?:half|side) of {P} face (?:is |went )?(?:numb|droop|drop|frozen|paralys)\w*",
        r"口角(?:歪斜|歪|下垂)|嘴(?:巴)?(?:突然)?歪|嘴角(?:歪|下垂|流口水)|口眼歪斜|面瘫",
        r"(?:脸|面部)(?:一侧|半边|一边)?(?:突然)?(?:歪|下垂|不对称)",
        r"(?:半边|一侧|一边|左边|右边|左侧|右侧)(?:的)?(?:脸|面部)[^,。]{0,3}(?:麻|歪|下垂|耷拉|没知觉|没有知觉|动不了)"),
    "arm_weak": alt(
        rf"(?:weak\w*|numb\w*|paralys\w*|heav\w*|limp) (?:in |of )?(?:one|{P} (?:left|right)) (?:arm|hand|side)",
        rf"(?:left|right) (?:arm|hand|side of {P} body) (?:is |went |feels |felt |suddenly |has gone |has become |became )*(?:weak|numb|limp|heavy|dead|paralys\w*|useless|floppy)",
        r"(?:left|right) leg (?:is |went |feels |felt |suddenly |has gone |became )*(?:weak|limp|dead|paralys\w*|useless|floppy)",
        rf"(?:weak|numb)\w* (?:on|down|in) (?:the |his |her |my |their )?(?:one|left|right) side(?: of {P} body)?|hemipar\w*",
        rf"(?:sudden\w*|all of a sudden) (?:\w+ )?(?:can't|cannot|couldn't|unable to) (?:lift|raise|move|use|feel) {P} (?:left |right )?(?:arm|hand|leg)",
        r"(?:arm|leg) (?:suddenly )?(?:went|gone|became) (?:weak|limp|dead)",
        r"(?:一侧|半边|单侧|一边|半身)(?:的)?(?:肢体|身体|手脚|胳膊|手臂|手|腿)?(?:突然)?(?:无力|没力气|没劲|麻木|不能动|动不了|不听使唤|瘫)",
        r"半身不遂|偏瘫|突然(?:手脚|肢体)(?:无力|麻木)|拿不住(?:东西|筷子|杯子)",
        r"(?:左|右)(?:侧|边)?(?:的)?(?:手|胳膊|手臂|上肢|肢体|身体|手脚)(?:突然)?(?:无力|没力气|没劲|麻木|抬不起来|不能动|动不了|不听使唤)",
        r"(?:左|右)(?:侧|边)?(?:的)?(?:腿|下肢)(?:突然)?(?:无力|没力气|没劲|不能动|动不了|不听使唤)",
        r"(?:手|胳膊)(?:突然)?(?:抬不起来|举不起来)"),
    "speech": alt(
        r"slurr\w*|garbled|aphasi\w*|dysarthri\w*|not making sense|(?:talking|speaking) (?:gibberish|nonsense)",
        r"speech (?:is |was |became |sounds )?(?:slurred|garbled|jumbled|strange|weird|thick|off)",
        r"(?:can't|cannot|couldn't|unable to|trouble|difficulty|struggling to|hard to) (?:speak|talk)(?! (?:to|about|with|much|in)\b)",
        rf"(?:can't|cannot|couldn't|unable to|trouble|difficulty|struggling to) (?:get (?:{P} )?words out|find (?:{P} )?words|form words)",
        r"words (?:are |were |keep |kept |keeps )?(?:coming |come |came )?(?:out )?(?:jumbled|mixed up|wrong|garbled|nonsense)",
        r"说话(?:突然)?(?:不清|含糊|含混|不利索|不流利|费劲|困难|大舌头)|口齿不清|吐字不清|言语不清|讲话(?:不清|含糊)",
        r"说话(?:突然)?(?:变得)?(?:奇怪|不对劲|怪怪的|颠三倒四)|说不出(?:来)?话|说不了话|讲不出话|舌头(?:发硬|不灵活|打结)|大舌头|语无伦次|答非所问|话都说不清"),
    "confusion": alt(
        r"sudden\w* (?:\w+ )?(?:confus|disorient|delirious)\w*",
        r"(?:suddenly|acutely|very) (?:became |is |got |seems |was )?(?:confused|disoriented|delirious)",
        r"(?:confused|disoriented) (?:all of a sudden|suddenly)",
        r"doesn't (?:know|recogni[sz]e) (?:where|who|me|us|his|her)",
        r"突然(?:意识模糊|糊涂|神志不清|认不出人|胡言乱语|不认人|说胡话)", r"意识(?:模糊|不清|障碍)|神志不清",
        r"认不出(?:家里)?人|不认识(?:家人|人了)|胡言乱语|说胡话|行为(?:怪异|反常|异常)",
        r"acting (?:strangely|strange|oddly|weird\w*|bizarre\w*)|not acting like (?:him|her|them)self"),
    "stroke_words": r"having a stroke|中风了|脑卒中发作",
    "worst_headache": alt(
        r"worst (?:headache|head pain)|headache,? (?:the )?worst (?:ever|i've ever had|of (?:my|his|her) life)|thunderclap|(?:sudden\w*|abrupt\w*|explosive),? (?:\w+ )?(?:severe|excruciating|intense|terrible|violent|blinding|explosive) headache",
        r"(?:severe|excruciating|intense|terrible|blinding) headache (?:that )?(?:came on|started|hit) (?:suddenly|all of a sudden|out of nowhere|within seconds|in seconds)",
        r"突然(?:的)?头(?:痛|疼)得(?:像|厉害|要命|受不了|要炸)|突然(?:的)?(?:剧烈|爆炸样|爆炸般|炸裂(?:般|样)?|撕裂(?:样|般)?)(?:的)?头(?:痛|疼)",
        r"(?:有生以来|这辈子|人生中|从来没有过的|从没这么)(?:最)?(?:严重|剧烈|厉害|痛|疼)(?:的)?头(?:痛|疼)",
        r"头(?:痛|疼)(?:得)?(?:像要)?(?:炸开|裂开|爆炸)|雷击样头痛",
        r"头(?:痛|疼)[^。]{0,8}(?:这辈子|有生以来|人生中|从来没有过)(?:最)?(?:厉害|严重|剧烈|痛|疼)"),
    "vision_loss": alt(
        r"(?:sudden\w*|abrupt\w*|all of a sudden) (?:\w+ )?(?:lost|loss of|losing|lose|blind\w*|can't see|cannot see|couldn't see|went dark|vision loss|double vision)",
        r"(?:lost|losing) (?:the )?(?:vision|sight) in (?:one|my|his|her|both|the)",
        r"(?:vision|sight) (?:suddenly )?(?:went|gone|going) (?:black|dark|dim)|(?:suddenly|just) (?:went |gone )?blind",
        r"(?:curtain|shadow|veil) (?:over|across|coming down|came down|coming across)",
        rf"can't see (?:out of|anything out of|from) (?:one|{P}) (?:left |right )?eye",
        r"突然(?:看不见|看不清|失明|视力(?:下降|丧失|模糊|消失)|眼前(?:一片)?(?:发黑|黑))",
        r"(?:一只|一侧|左|右)眼(?:睛)?(?:突然)?(?:看不见|失明|看不到|看不清)|眼前(?:有)?(?:黑幕|帘子|幕布)|视野(?:缺损|缺了一块)|视物重影"),
    "eye_injury": alt(
        rf"(?:chemical|bleach|acid|alkali|lime|cleaner|cement|lye)s? (?:\w+ ){{0,3}}(?:in|into) (?:{P}|both) eyes?",
        rf"(?:metal|glass|nail|stick|wire|shard|fragment) (?:\w+ ){{0,2}}(?:in|into|stuck in|went into|pierced|poked) {P} eye",
        r"(?:化学(?:品|药剂|液体)?|消毒液|漂白剂|石灰|酸|碱|清洁剂)(?:溅|进|喷)(?:到|入|进)?(?:了)?(?:眼|眼睛)",
        r"(?:铁屑|玻璃|钉子|树枝)(?:扎|刺|戳|溅)(?:进|入|到|伤)?(?:了)?(?:眼|眼睛)|眼球(?:破裂|刺伤|穿通伤)"),
    # --- bleeding --------------------------------------------------------
    "heavy_bleeding": alt(
        r"(?:heavy|severe|massive|uncontrolled|uncontrollable|profuse|serious|major|excessive) (?:\w+ )?(?:bleed\w*|blood loss)",
        r"(?:lots of|a lot of|so much|tons of|pool of) blood|blood everywhere|gush\w* blood|spurt\w*",
        r"bleed\w* (?:heavily|profusely|a lot|badly|everywhere|through)|(?:blood|it) (?:is |keeps )?(?:pouring|gushing|pumping|streaming)|pouring blood",
        r"(?:towel|cloth|bandage|shirt|dressing)s? (?:is |are |already |has |have |got |been )*(?:soaked|drenched)|soaked (?:with|in|through with) blood",
        r"(?:bleeding|blood|it|the wound|the cut) (?:won't|will not|doesn't|does not|isn't|is not|can't|cannot|hasn't|has not|didn't|did not) (?:stop|slow|be stopped)\w*",
        r"(?:won't|can't|cannot|couldn't|unable to) stop(?:ping)? (?:the )?(?:bleed|blood)\w*",
        r"soak\w* (?:through )?(?:a |the |several |multiple |\d+ )?(?:pads?|towels?|bandages?|tampons?|dressings?)",
        r"大出血|大量出血|出血(?:不止|很多|量大|量很大|特别多|止不住|一直不停)",
        r"血(?:还是|仍然|都|也)?(?:止不住|流不止)|血(?:止不住|流不止|一直流|一直在流|喷出来|往外喷|往外冒|流了一地|流得很多)|流了(?:很多|好多|一大滩|一地)(?:的)?血",
        r"血(?:一直|不停|还在)?(?:地)?(?:往外)?(?:涌|喷)|血(?:一直|不停|还在)(?:地)?往外(?:冒|流)|(?:毛巾|纱布|衣服|绷带)(?:都)?(?:湿透|浸透|染红)|(?:伤口|血)(?:一直|不停)(?:地)?(?:流血|出血|冒血)|血流如注|(?:1小时|每小时)(?:湿透|换)\S{0,3}(?:卫生巾|护垫)"),
    "blood_vomit_cough": alt(
        r"(?:vomit\w*|throw\w* up|threw up|puk\w*|cough\w*|spit\w*|bring\w* up|brought up) (?:up )?(?:(?:about|around|maybe|like|almost|nearly|over|at least|a lot|lots|large amounts?|a large amount|some|a little|a bit|bright red|dark red|dark|fresh|a cup(?:ful)?|cupfuls?|a mouthful|mouthfuls|a spoonful|spoonfuls|a handful|a glass|half a cup|a \w+ful)(?: of)? ){0,3}(?:blood|clots|coffee[- ]grounds?)(?![- ]?(?:streak|tinge|stain|fleck))",
        r"(?:bloody|blood in (?:the |his |her |my )?)(?:vomit|sick)|coffee[- ]ground|ha?ematemesis|ha?emoptysis",
        r"(?:black|tarry|tar-like) (?:\w+ )?(?:stools?|poo|poop|bowel movements?)|stools? (?:are |is |look )?(?:black|tarry)",
        r"吐(?:了)?[^\s,。，]{0,7}(?:鲜)?血(?!丝)|呕血|咳血(?!丝)|咯血(?!丝)|(?:咳|吐)出(?:了)?(?:一点|一些|少量|好多|很多)?(?:鲜)?血(?!丝)|呕吐物(?:里)?(?:有|带)血",
        r"(?:拉|解|排)(?:出)?(?:了)?(?:黑|柏油)(?:色)?(?:的)?(?:便|大便|屎)|黑便|柏油(?:样|色)(?:大)?便|大便(?:是)?(?:黑色|柏油)"),
    # --- mental health ---------------------------------------------------
    "self_harm": alt(
        r"suicid\w*|kill (?:my|him|her|them|your|our)sel(?:f|ves)|end(?:ing)? (?:it all|my life|his life|her life|their life)",
        r"take (?:my|his|her|their) (?:own )?life|(?:want|wants|wanted|wanting|ready|plan\w*) to die",
        r"(?:don't|doesn't|do not|does not) want to (?:live|be alive|be here|wake up|go on)",
        r"no (?:reason|point) (?:to live|in living|living)|better off (?:dead|without (?:me|him|her))",
        # Burden talk ("they'd be better without me") is an indirect statement of intent.
        r"(?:be|are|is) better (?:off )?without (?:me|him|her)|(?:not|isn't) worth living|(?:i'm|i am) (?:just )?a burden to",
        r"self[- ]harm\w*|(?:been |keeps |started |is |am )cutting (?:my|him|her|them)sel(?:f|ves)",
        r"(?:hurt|harm)(?:ing)? (?:my|him|her|them)sel(?:f|ves) on purpose|wish (?:i|he|she) (?:was|were) dead",
        r"自杀|轻生|不想活|活不下去|活着没(?:有)?意思|想死|寻死|自残|自伤|割腕|结束(?:自己的)?生命|了结(?:自己|生命)",
        r"(?:想|要)(?:跳楼|跳河)|伤害自己|死了(?:算了|就好了)|一了百了",
        # farewells and a plan are warning signs even without the word suicide
        r"(?:跟|和|向)(?:所有人|大家|家人|朋友|每个人)(?:都)?(?:告别|道别|说再见)|遗书|交代(?:好)?后事",
        r"saying goodbye to (?:everyone|everybody)|goodbye (?:note|letter)|suicide note",
        r"没有我[^,。]{0,6}(?:更好|更轻松)|我(?:死了|不在了|消失了)[^,。]{0,6}(?:更好|轻松|解脱)|(?:只会|就是)?(?:拖累|连累)(?:大家|家人|家里)"),
    # --- allergy ---------------------------------------------------------
    "throat_swelling": alt(
        r"(?:throat|airway) (?:is |feels |feel |started |starting |began |seems )?(?:to )?(?:clos|tight|swell|swollen shut)\w*",
        r"tongue (?:is |feels |started |starting |began )?(?:to )?(?:swell|swollen|thick|huge)\w*|swollen tongue",
        r"swelling (?:of|in) (?:the |my |his |her |their )?(?:tongue|throat|airway)",
        r"喉咙(?:发紧|紧|堵|像被掐住|被堵住)|(?<!扁桃体)喉咙(?:突然)?肿(?![^,。]{0,3}(?:痛|疼))|喉头(?:水肿|发紧|紧)",
        r"舌头(?:突然)?(?:肿|发胀|变大)|(?:嗓子|咽喉)(?:发紧|堵住)"),
    "allergen": alt(
        r"allergic (?:reaction|to)|allergy to|(?:eating|ate|eaten) (?:\w+ ){0,3}(?:peanut|nut|shellfish|shrimp|prawn|seafood|sesame)\w*",
        r"(?:after|since|minutes after|right after|soon after) (?:eating|taking|having|being stung|getting|the (?:sting|injection|shot|bite)|a (?:sting|bite))",
        r"(?:bee|wasp|hornet|jellyfish) sting|stung by",
        r"(?:吃|喝)(?:了)?[^,。]{0,6}(?:花生|坚果|海鲜|虾|蟹|芒果)|过敏(?!性鼻炎|性结膜炎|体质)|(?:吃了|吃完|吃过|喝了)\S{0,8}(?:以后|之后|后|就)|(?:蜜蜂|马蜂|黄蜂|蜂)(?:蛰|蜇|叮)|被\S{0,3}(?:蛰|蜇)",
        r"打(?:了)?(?:针|青霉素|头孢)\S{0,3}(?:以后|之后|后)|(?:吃|服|用|输)(?:了)?\S{0,6}药\S{0,3}(?:以后|之后|后)|输液\S{0,3}(?:以后|之后|后)"),
    "swelling": alt(
        r"(?:lip|lips|face|tongue|throat|mouth|cheeks?) (?:is |are |got |became |look |looks |started |starting |began )?(?:to )?(?:swell|swollen|puff)\w*",
        r"swell\w* (?:of|in|on|around) (?:the |my |his |her |their )?(?:lips?|face|tongue|throat|mouth)|swollen (?:lips?|face|tongue|throat|mouth)",
        r"(?:嘴唇|嘴巴|嘴|口唇|脸|面部|舌头|喉咙|嗓子)(?:突然)?(?:都)?(?:肿|发肿|浮肿)"),
    "wheeze": r"wheez\w*|chest (?:is )?tight|tight chest|哮鸣|喘鸣|胸闷",
    "anaphylaxis_words": r"anaphyla\w*|allergic shock|epi-?pen|adrenaline (?:pen|auto-?injector)|过敏性休克|肾上腺素笔",
    # --- consciousness, seizures, breathing ------------------------------
    "unresponsive": alt(
        r"unconscious|unresponsive|not (?:conscious|responsive|responding|breathing|waking|moving|alert)",
        r"(?:isn't|wasn't|won't|doesn't|didn't|is not|will not|does not|did not) (?:wake|waking|respond|responding|breathing|come to|come round|come around)(?! to (?!(?:me|us|voice|his name|her name|touch|pain|shaking)\b))",
        r"(?:can't|cannot|couldn't) (?:wake|rouse) (?:him|her|them|my|the)|stopped breathing|no longer breathing|collapsed",
        r"passed out and (?:won't|can't|didn't|hasn't|isn't)|knocked (?:out|unconscious)|(?:keeps|kept) (?:passing|blacking) out",
        r"no pulse|limp and (?:floppy|unresponsive)|floppy and (?:unresponsive|won't)",
        r"昏迷|叫不醒|喊不醒|拍不醒|不省人事|失去(?:了)?(?:意识|知觉)|意识丧失|呼吸(?:停止|没了|不正常)|倒地不起|突然倒(?:下|地)|休克|醒不过来|昏过去",
        r"(?:没|没有|无)(?:了)?(?:意识|知觉|反应|呼吸|脉搏|心跳)(?!障碍|模糊|不清|困难|急促|不畅|费力|加快|加速|过快|不齐|异常|问题|方面|道|短)",
        r"晕(?:倒|过去)(?:了)?\S{0,4}(?:叫不醒|没反应|没有反应|醒不过来|一直没醒)"),
    "seizure": alt(
        r"seizur\w*|seizing|convuls\w*|(?:having|had|has|in) a fit\b(?! of)|epileptic (?:fit|attack)|eyes rolled back|grand mal",
        r"(?<!眼皮)(?<!眼睛)(?<!肌肉)(?<!嘴角)(?<!面部)(?<!眼角)抽搐|抽风|惊厥|癫痫(?:大)?发作|羊(?:癫|角)疯|口吐白沫|翻白眼",
        r"(?:四肢|全身)(?:抖动|抽动)"),
    "severe_breathing": alt(
        r"(?:severe|extreme|serious|very bad|really bad|terrible|major|significant) (?:difficulty|trouble|shortness|problems?|struggle) (?:of |with )?(?:breath\w*|his breathing|her breathing|my breathing)",
        r"(?:severely|extremely|very|really|so) (?:short of breath|breathless)",
        rf"(?:can't|cannot|can not|couldn't|unable to|can barely|could barely) (?:catch {P} )?breathe?\b(?! (?:through|out of|via) (?:{P}|one) (?:nose|nostril))",
        r"(?:struggling|fighting|gasping) (?:to breathe|for (?:air|breath))|choking",
        r"too (?:breathless|short of breath) to (?:speak|talk|walk|eat)|(?:can't|cannot|unable to) (?:speak|talk|finish|say) (?:in )?(?:full |whole |complete )?sentences",
        r"(?:inhaler|puffer|nebuli[sz]er) (?:isn't|is not|not|doesn't|does not|hasn't|has not|didn't|did not) (?:help|work|touch)\w*",
        r"(?:ribs|chest|skin between (?:the |his |her )?ribs) (?:is |are )?(?:sucking|pulling) in|stridor|grunt\w*",
        # stridor described by parents: a harsh noise on breathing in
        r"(?:high[- ]pitched|squeaky|squeaking|crowing|harsh) (?:\w+ )?(?:noise|sound)s? (?:\w+ )?(?:when|while|as|on) (?:\w+ )?(?:breath\w*|inhal\w*)",
        r"吸气(?:时|的时候)?[^,。]{0,4}(?:尖|高调|鸡鸣|怪|拉锯)(?:的)?(?:声|音)|喉鸣",
        r"严重(?:的)?呼吸困难|呼吸(?:非常|极度|特别|十分|很|极其)(?:困难|费力|急促)",
        r"(?<!有点)(?<!有些)(?<!稍微)(?<!一点)(?<!偶尔)(?<!轻微)(?:喘不上气|上不来气|透不过气|喘不过气)",
        r"(?:无法|没法|不能|没办法)呼吸|呼吸不了|喘得(?:说不出话|说不了话|不能说话)|憋得(?:说不出话|脸发紫|发紫)",
        r"(?:喷雾|吸入剂|气雾剂|雾化)(?:也|都)?(?:不管用|没用|不起作用|没效果)|只能说(?:几个|一两个)字|说不了完整的(?:句子|话)|话都说不完整",
        r"(?:喉咙|嗓子|气管)(?:里)?(?:被)?(?:异物|东西)?卡住|噎住|鼻翼煽动|三凹征|呼吸(?:时)?(?:都)?(?:哼哼|呻吟)|每次呼吸都哼|吸气时(?:胸口|肋骨)(?:往里|凹陷)"),
    "blue": alt(
        r"(?:lips?|face|fingers?|fingertips|skin|mouth|tongue|nails?) (?:are |is |look |looks |turning |turned |going |went |have gone |has gone |became )*(?:blue|purple|grey|gray|bluish|blueish|dusky)\b",
        r"(?:blue|bluish|purple|grey) (?:lips|face|tinge|around the mouth)|cyano\w*",
        r"(?:嘴唇|口唇|脸色|面色|指甲|手指|脸|嘴)(?:都)?(?:发紫|发绀|青紫|发青|紫了|紫绀|变紫|变青)|紫绀"),
    # --- infection signs -------------------------------------------------
    "fever": alt(
        r"fever\w*|febrile|high temp\w*|feels? (?:very )?hot|burning hot|hot to (?:the )?touch|temperature (?:of|is|was|at|up|over|went|spiked|reached|\d)|running a temp\w*|burning up",
        r"发烧|发热|高烧|高热|低烧|烧到|发烫|浑身烫|体温(?:高|升高|3[89]|4[0-2])|烧得(?:厉害|很高)"),
    "stiff_neck": alt(
        r"stiff neck|neck (?:is |feels |became |very |really )*(?:stiff|rigid)|neck stiffness",
        r"(?:can't|cannot|unable to) (?:bend|touch|put|move) (?:his|her|my|their) (?:chin|neck|head) (?:to|forward|down|onto)",
        r"(?:颈|脖子|脖颈|后颈)(?:部)?(?:也|都|有点)?(?:很|特别|发)?(?:僵硬|发硬|强直|硬|不能弯|低不下|转不动)|低头困难"),
    "nonblanching_rash": alt(
        r"(?:rash|spots?|marks?) (?:that |which )?(?:doesn't|does not|don't|do not|won't|didn't|did not) (?:fade|disappear|go away|blanch|turn white) (?:under|when|with) (?:i |you |we )?(?:a |the )?(?:glass|pressed|pressure|press)",
        r"non-?blanching|glass test|(?:purple|purplish|dark red|red-purple) (?:spots|rash|pinpricks?)|pin ?pricks?|petechi\w*|purpur\w*",
        r"压(?:了|之)?(?:也)?不褪色|按压(?:后)?(?:也)?不(?:褪色|消失|变白)|(?:紫色|紫红色|暗红色)(?:的)?(?:斑点|点|疹子|皮疹)|出血点|瘀点|紫癜",
        r"(?:按|压|摁)(?:压)?(?:了|着|一下)?(?:以后|之后|后)?(?:也|都)?不(?:褪色|消失|变白)|(?:紫|紫红|暗红)(?:色)?(?:的)?小(?:点点|点|斑点|疹子)"),
    "photophobia": r"(?:light|bright lights?) (?:hurts?|bothers?|is painful)|sensitiv\w* to (?:the )?light|photophob\w*|(?:can't|cannot) (?:stand|bear|tolerate) (?:the )?light|怕光|畏光|见光(?:就)?(?:难受|疼|痛)",
    "headache": r"headache|head (?:hurts|pain|is pounding)|migraine|头(?:很|好|特别|有点|一直|老是|越来越)?(?:痛|疼)",
    # --- poisoning, trauma, burns ----------------------------------------
    "poisoning": alt(
        r"overdos\w*|(?<!food )poison(?:ed|ing)\b(?! (?:ivy|oak|sumac))|carbon monoxide|gas (?:leak|poisoning)",
        r"(?:took|taking|taken|had) (?:too many|a (?:whole|full) (?:bottle|pack|packet|box|strip)|an entire (?:bottle|pack|box)|all (?:of )?(?:his|her|my|the) (?:pills|tablets|medication|meds)|(?:[1-9]\d|\d{3,}|lots of|a lot of|handfuls? of|a bunch of) (?:\w+ )?(?:pills|tablets|capsules))",
        r"(?:took|taken|taking|swallowed) (?:loads|lots|a lot|a load|a handful|dozens|handfuls) of (?:[\w']+ ){0,3}(?:pills|tablets|meds|medication|medicine|antidepressants|painkillers|paracetamol|ibuprofen|insulin)",
        r"(?:took|taken|swallowed|had) (?:like |about |around |maybe |over |almost )?(?:[1-9]\d|\d{3,}|a dozen) (?:of )?(?:my |his |her |their |the )?(?:\w+ )?(?:pills|tablets|capsules|meds|antidepressants|painkillers|sleeping pills|paracetamol|tylenol|ibuprofen|advil|aspirin)",
        r"(?:swallow\w*|drank|drunk|ingest\w*|ate|eaten|chewed|got into) (?:some |a |an |the |his |her |my |\w+'s )?(?:\w+ )?(?:bleach|detergent|laundry (?:pod|capsule|tablet)s?|dishwasher (?:pod|tablet)s?|button batter\w*|batter(?:y|ies)|magnets?|poison\w*|pesticide|insecticide|weed ?killer|rat poison|drain cleaner|antifreeze|chemicals?|cleaning (?:fluid|product|liquid)|paint thinner|kerosene|lamp oil|methanol)",
        r"(?:吃|吞|服)(?:了|下)?(?:很多|一整瓶|整瓶|一瓶|一整盒|整盒|一盒|一板|大量|一把|好多|好几|一大把|半瓶|[1-9]\d+)(?:的)?[^,。]{0,6}(?:药|片|粒|颗|胶囊)",
        r"snake ?bite|bitten by a (?:snake|viper|rattlesnake|spider|scorpion)|(?:被)?(?:毒)?蛇咬|被(?:蝎子|毒蜘蛛)(?:蜇|咬)",
        r"(?:服药|药物|吃药)过量|过量服(?:用|药)|吞(?:了|下)?[^,。]{0,8}(?:安眠药|农药|纽扣电池|电池|磁铁|洗涤剂|漂白剂|洗衣凝珠)",
        r"(?:喝|吃|误服|误食|误喝)(?:了|下)?[^,。]{0,4}(?:疏通剂|清洁剂|洁厕灵|农药|百草枯|敌敌畏|消毒液|漂白剂|洗洁精|洗衣液|老鼠药|灭鼠药|杀虫剂|除草剂|汽油|煤油|甲醇|防冻液|洗衣凝珠|毒蘑菇|野(?:生)?蘑菇)",
        r"(?<!食物)中毒|煤气泄漏|一氧化碳|误服|误喝|误吃|误食|吃了过量|过量的?[^,。]{0,8}(?:药|片)"),
    # A child found with a caustic or poison, or an emptied pill bottle, is
    # treated as swallowed: parents rarely see the sip itself.
    "toxic_substance": alt(
        r"bleach|(?:drain|oven|toilet|bowl) cleaner|detergent|laundry (?:pod|capsule|tablet)s?|dishwasher (?:pod|tablet)s?",
        r"antifreeze|pesticide|insecticide|weed ?killer|rat poison|\blye\b|caustic|button batter(?:y|ies)|lamp oil|kerosene|methanol|paint thinner",
        r"疏通剂|清洁剂|洁厕灵|农药|百草枯|敌敌畏|消毒液|漂白剂|洗衣凝珠|洗涤剂|老鼠药|灭鼠药|杀虫剂|除草剂|防冻液|纽扣电池|甲醇"),
    "ingestion_hint": alt(
        rf"(?:on|in|around) {P} (?:mouth|lips|tongue)|(?:may|might|could|must) have (?:swallowed|drunk|drank|eaten|taken|had|licked)",
        r"not sure (?:if|whether|how much) (?:he|she|they|it)|\b(?:licked|sucked on|chewed on|tasted|sipped)\b|got into|found (?:him|her|them|my \w+) with",
        r"嘴(?:里|边|上|角|唇)|舔|可能(?:喝|吃|吞)|不知道(?:喝|吃|吞)(?:没|了)|(?:喝|吃|吞)没(?:喝|吃|吞)"),
    "emptied_pills": alt(
        r"empty (?:pill|medicine|medication|tablet) (?:bottle|box|packet)s?|empty (?:bottles?|packets?|boxes|blister packs?) of (?:\w+ )?(?:pills|tablets|meds|medication|sleeping pills)",
        r"(?:pill|medicine|tablet) bottle (?:was |is )?(?:empty|emptied)",
        r"空(?:的)?药(?:瓶|盒)|药(?:瓶|盒)(?:都|全)?空了|(?:药|安眠药)(?:全|都)(?:吃|吞)(?:光|完)了"),
    # One swollen calf/leg (a clot) next to breathlessness or chest pain: the
    # clot may have reached the lung.
    "leg_clot": alt(
        r"(?:one|left|right) (?:calf|leg|thigh) (?:is |has been |was |got |looks |became )*(?:swollen|swelling|puffy|bigger)",
        r"\bcalf (?:\w+ ){0,4}(?:swollen|swelling|puffy)",  # a swollen calf is usually one-sided
        rf"swollen (?:left |right )?(?:calf|calves)|swelling (?:in|of) (?:{P} )?(?:left |right |one )(?:calf|leg)|\bdvt\b|blood clot in {P} (?:leg|calf)",
        r"(?:一条|一侧|一边|左|右)(?:侧|边)?(?:小)?腿(?:突然)?(?:肿|肿胀|肿痛)|小腿(?:肿|肿胀|肿痛)|(?:腿|下肢)(?:深静脉)?(?:有)?血栓"),
    "trauma": alt(
        r"(?:serious|bad|major|high[- ]speed|head-on|severe) (?:car |road |traffic |motorcycle |motorbike )?(?:crash|accident|collision|wreck)",
        r"(?:crash|accident|collision|wreck)\w* (?:\w+ ){0,6}(?:trapped|unconscious|bleeding|can't move|won't wake|thrown from)",
        r"(?:hit|struck|run over|knocked down) by (?:a |an )?(?:car|truck|lorry|bus|van|vehicle|motorbike|train)|knocked off (?:his|her|my|a|the) (?:motorbike|motorcycle|bike|scooter)",
        r"(?:leg|arm|thigh|hip) (?:is |looks )?(?:bent|twisted) (?:the wrong way|backwards|at (?:a|an) (?:strange|odd|weird|funny|unnatural) angle)",
        r"(?:腿|胳膊|手臂|大腿)(?:弯|扭)(?:成|向)(?:了)?(?:奇怪|反方向|不正常)",
        rf"(?:fell|fall|falling|fallen) (?:from|off|out of) (?:{P} )?(?:roof|ladder|balcony|height|building|window|scaffold\w*|tree|cliff|horse|(?:second|third|2nd|3rd|\d+) (?:floor|storey|story))",
        r"\bstab(?:bed|bing)?\b|knife (?:wound|injury)|gunshot|(?:been|was|got) shot\b|open fracture|impaled|amputat\w*",
        r"(?:bone|bones) (?:is |are )?(?:sticking|poking|protruding|coming) (?:out|through)",
        r"(?:finger|toe|hand|arm|leg|foot) (?:was |got )?(?:cut|sliced|chopped|torn) off|crush(?:ed)? (?:under|by|between)|trapped(?! (?:wind|gas|nerve))",
        r"(?:crash|collision|accident) on the (?:motorway|highway|freeway)",
        r"electrocut\w*|electric shock|struck by lightning|drown\w*",
        r"(?:严重|重大)(?:的)?车祸|车祸[^。]{0,10}(?:昏迷|大出血|流血|动不了|被卡|叫不醒|甩出)|被(?:汽车|车|卡车|货车|公交车|摩托车|电动车)(?:给)?撞(?:了|倒|飞)?",
        r"从[^,。]{0,8}?(?:高处|梯子|屋顶|房顶|阳台|脚手架|树上|\d+楼|楼上|\d+米高?(?:的)?[^,。]{0,3})(?:上)?(?:摔|掉|跌|坠|跳)|高(?:处|空)坠落|坠楼",
        r"(?:被)?(?:刀|匕首)(?:捅|刺|扎)(?:伤|了)|被[^,。]{0,2}捅|捅了一刀|刀伤|枪伤|中枪|骨头(?:都)?(?:露出来|刺出|戳出|穿出)|开放性骨折",
        r"断指|断肢|(?:手指|脚趾|手)(?:被)?(?:切|砍|轧|压)断|(?:被)?(?:压|卡|困)在(?:车|下面|底下|里面)|触电|电击|被[^,。]{0,3}电(?:到|击|伤)|被雷(?:劈|击)|溺水"),
    "head_injury": alt(
        rf"(?:hit\w*|bang\w*|bump\w*|knock\w*|struck|smash\w*|injur\w*|hurt) (?:on )?{P} head|head (?:injury|trauma|knock|bump|wound)",
        r"(?:fell|rolled|fallen|dropped) (?:off|from|onto|down) (?:\w+ ){0,3}(?:bed|sofa|couch|table|changing table|floor|stairs)",
        r"(?:撞|磕|碰|摔|砸|打)(?:到|伤|了|破)?(?:了)?(?:头|脑袋|后脑勺|头部)|头部(?:受伤|外伤|撞击)",
        r"从(?:床|沙发|桌子|椅子|楼梯|婴儿床|尿布台)上?(?:摔|掉|滚)"),
    "head_danger": alt(
        r"vomit\w*|threw up|throw\w* up|drows\w*|sleepy|confus\w*|knocked out|passed out|blacked out|seizur\w*",
        r"clear fluid|blood from (?:his |her |my )?(?:ear|nose)|unequal pupils|(?:can't|doesn't) remember|memory loss|worsening headache",
        r"呕吐|吐了|嗜睡|想睡|昏昏沉沉|迷糊|糊涂|意识|昏|晕过去|抽搐|记不起|不记得|耳朵(?:里)?流(?:血|水)|鼻子流(?:清)?水"),
    "severe_burn": alt(
        r"(?:severe|serious|bad|large|big|deep|extensive|major|third[- ]degree|3rd[- ]degree|full[- ]thickness) burns?\b",
        rf"burn\w* (?:on|to|over|covering|across|all over) (?:{P} )?(?:face|whole|entire|most of|large|half|chest|back|genitals|airway|both)",
        rf"burn\w* (?:bigger|larger) than (?:{P} )?(?:hand|palm)|(?:chemical|electrical|acid) burns?",
        r"burn (?:is |looks )?(?:white|charred|leathery|black)|(?:clothes|clothing|hair) caught fire|smoke inhalation|(?:breathed in|inhaled) (?:smoke|hot)",
        r"(?:大面积|严重|三度|深度|重度)(?:的)?(?:烧伤|烫伤|灼伤)|(?:烧伤|烫伤)(?:面积)?(?:很大|比手掌(?:还)?大|大于手掌|超过手掌)",
        r"(?:全身|脸部|面部|脸上|胸口|整个后背|整条腿|会阴)(?:大面积)?(?:被)?(?:烧伤|烫伤)|化学(?:品)?(?:烧伤|灼伤)|电(?:烧伤|击伤)",
        r"(?:酸|碱)(?:烧伤|灼伤)|衣服(?:着火|烧着)|(?:吸入|呛了)(?:大量)?(?:浓烟|烟雾)",
        r"(?:scald\w*|boiling water|hot oil|hot water)\b.{0,60}(?:large area|big area|whole|chest|face|back|most of)",
        r"(?:开水|热水|热油|沸水|滚油|滚水)[^。]{0,10}(?:一大片|大片|大面积|胸口|脸|全身|后背|半个|整个)",
        r"(?:烧伤|烫伤)(?:了)?(?:半个|整个|大半)"),
    # --- pregnancy, abdomen, other ---------------------------------------
    "pregnant": r"pregnan\w*|\d+ weeks? (?:along|gestation)|waters? (?:broke|broken|has broken|have broken|breaking|leaking)|怀孕|孕\d*(?:周|月)|孕妇|孕期|妊娠|怀了(?:孕)?|有了身孕",
    "pregnancy_bleeding": alt(
        r"(?<!light )(?<!slight )(?<!little )(?<!bit of )(?<!minor )(?:bleed\w*|blood)(?! (?:test|pressure|sugar|work|type)s?)",
        r"(?<!少量)(?<!一点)(?<!少许)(?<!点点)(?:出血|流血|见红)"),
    "pregnancy_danger": alt(
        r"(?:baby|fetus|foetus) (?:is |has )?(?:not moving|hasn't moved|stopped moving|moving less|moves less)",
        r"(?:reduced|decreased|less|no) (?:fetal|foetal|baby's?) movements?|(?:waters?) (?:broke|broken|has broken|leaking)",
        r"(?:severe|bad|terrible) headache (?:and|with) (?:blurred|blurry|flashing|spots|vision)|(?:blurred|blurry) vision|seeing (?:spots|flashing lights)",
        r"胎动(?:减少|消失|明显减少|没了|少了)|(?:没有|感觉不到)胎动|破水|羊水破了|(?:下面|阴道|下身)(?:一直|突然)?(?:流|渗|漏)(?:水|液体)|(?:流|漏)羊水|(?:leaking|gush of) (?:clear )?fluid|视物模糊|(?:头痛|头疼)\S{0,4}(?:眼花|看东西模糊|眼前发黑)"),
    "severe_abdominal": alt(
        r"(?:severe|intense|excruciating|unbearable|agoni[sz]ing|terrible|worst|extreme|really bad|very bad|sharp|stabbing) (?:\w+ ){0,2}(?:abdominal|stomach|belly|tummy|pelvic|abdomen|side|flank) (?:pain|cramps?|ache)",
        r"(?:abdominal|stomach|belly|tummy|pelvic) (?:pain|cramps?) (?:is |are |that is )?(?:severe|excruciating|unbearable|intense)|doubled over (?:in|with) pain",
        r"剧烈(?:的)?(?:腹痛|肚子(?:痛|疼)|下腹(?:痛|疼))|腹部剧痛",
        r"(?:腹部|肚子|小腹|下腹|肚脐)(?:周围|一侧|左侧|右侧|一边|左边|右边)?(?:突然)?(?:剧痛|剧烈(?:疼痛|痛|疼)|绞痛|(?:疼|痛)得(?:厉害|受不了|直不起腰|打滚|冒汗|站不起来))",
        r"疼得(?:直不起腰|打滚|满地打滚)"),
    "right_lower_abdomen": alt(
        r"(?:right (?:lower|bottom)|lower right) (?:side of (?:the |my |his |her )?)?(?:abdomen|abdominal|belly|stomach|tummy|quadrant|side)|\brlq\b",
        r"(?:moved|moving|migrated|shifted|went) (?:down )?to (?:the |my |his |her )?(?:lower right|right lower|bottom right|right side)",
        r"右下腹|(?:肚子|腹部)右下(?:方|边|侧)?|(?:疼|痛)(?:转移|挪|移)(?:到)?(?:了)?右下"),
    "vomiting": r"vomit\w*|throw\w* up|threw up|being sick|puk\w*|呕吐|吐了|想吐",
    "rigid_abdomen": alt(
        r"(?:belly|stomach|abdomen|tummy) (?:is |feels )?(?:rigid|rock[- ]hard|hard (?:as|like) (?:a )?(?:board|rock)|board-?like)|rigid (?:abdomen|belly)",
        r"(?:肚子|腹部|肚皮)(?:像|跟)?(?:木板|板子)(?:一样)?硬|板状腹|硬得像(?:木板|板子|石头)|(?:肚子|腹部|肚皮)(?:摸起来|摸着)?(?:很|特别|发)?硬(?!币)|(?:肚子|腹部|肚皮)\S{0,3}硬邦邦"),
    "testicle": alt(
        r"(?:sudden|severe|intense|excruciating|terrible|bad) (?:\w+ ){0,4}(?:testic\w*|testicle|testes|scrot\w*)",
        r"(?:testicle|testicular|scrotal|scrotum) (?:pain )?(?:is |became |suddenly )?(?:severe|excruciating)",
        r"(?:睾丸|阴囊|蛋蛋)(?:突然)?(?:剧痛|剧烈(?:疼痛|痛|疼)|(?:疼|痛)得(?:厉害|受不了))"),
    "cauda_equina": alt(
        r"(?:lost|losing|loss of|can't control|cannot control|no control (?:of|over)) (?:\w+ ){0,3}(?:bladder|bowels?|pee|urine|poo)",
        r"(?:numb\w*|no feeling) (?:between (?:my|his|her|the) legs|in (?:my|his|her|the) (?:groin|buttocks|saddle|genitals|bottom))",
        r"saddle (?:numbness|anaesthesia|anesthesia|area)|(?:can't|cannot|unable to) (?:pee|urinate|pass urine)",
        r"大小便失禁|(?:小便|大便)(?:失禁|控制不住|解不出)|尿不出(?:来)?|会阴(?:部)?(?:麻木|没感觉)|两腿之间(?:发)?麻|(?:屁股|裆部|肛门周围)(?:发)?麻(?:木)?|鞍区"),
    "back_pain": r"back ?(?:pain|ache)|back (?:is |hurts|injury)|sciatica|(?:腰|背|后背|腰背|腰椎)(?:部)?(?:痛|疼|酸痛)",
    "palpitations": alt(
        r"(?:heart|pulse) (?:is |was |keeps |started )?(?:racing|pounding|fluttering|beating (?:very |really |so )?(?:fast|hard|irregularly))",
        r"palpitations?|(?:heart ?rate|pulse) (?:of |is |was |at |over )?(?:1[5-9]\d|2\d\d)",
        r"心慌|心悸|心跳(?:很|特别|非常|突然)?(?:快|加速|乱|不齐)|心(?:脏)?(?:怦怦|砰砰)(?:直)?跳|心(?:跳|率)(?:每分钟)?(?:1[5-9]\d|2\d\d)"),
    "lightheaded": r"faint\w*|dizz\w*|light[- ]?headed|passed out|shoulder(?: tip)? pain|头晕|晕倒|晕厥|眼前\S{0,4}发黑|要晕|肩(?:膀|尖)?(?:也)?(?:痛|疼)",
    "abdominal_pain": alt(
        r"(?:abdominal|stomach|belly|tummy|pelvic) (?:pain|cramps?|ache)|pain (?:in|on) (?:\w+ ){0,5}(?:abdomen|belly|stomach|tummy|pelvis)",
        r"腹痛|肚子(?:痛|疼)|(?:小腹|下腹|腹部)[^,。]{0,3}(?:痛|疼)"),
    "confused_any": r"confus\w*|disorient\w*|delirious|not making sense|迷糊|糊涂|神志不清|意识模糊|胡言乱语|说胡话",
    "sepsis_signs": alt(
        r"mottled|blotchy (?:skin|and pale)|skin (?:is |looks |feels |gone |went )?(?:\w+ and )?blotchy|cold (?:hands and feet|and clammy)",
        r"皮肤(?:发)?花|(?:身上|皮肤)(?:一块一块|一片一片)(?:的)?(?:发紫|紫|青)|四肢(?:冰凉|发凉|湿冷)|手脚冰凉"),
    "confused_state": r"confused(?! (?:about|by|as to|whether|with|on|why|what|how|if|which|over))|disorient\w*|delirious|not making sense|糊涂了|神志不清|意识模糊|胡言乱语|说胡话|认不出人",
    "no_urine": r"(?:hasn't|has not|haven't|have not|hadn't|not) (?:peed|urinated|passed (?:any )?urine|had a wee)|no (?:urine|pee)\b|(?:一天|一整天|半天|\d+个?小时)?(?:都)?没(?:有)?(?:尿|小便|排尿)|尿不出(?:来)?",
    "infection": r"\buti\b|urinary (?:tract )?infection|kidney infection|pneumonia|infect(?:ed|ion)|cellulitis|(?:尿路|泌尿系|肾|肺部|伤口)感染|感染了|肺炎|发炎",
    "rigors": r"shaking (?:uncontrollably|violently|all over)|uncontrollabl[ey] shak\w*|rigors|(?:浑身|全身)(?:发抖|打颤|哆嗦)|寒战|冷得发抖",
    "age_words": alt(
        r"\b(?:elderly|infant|baby|babies|newborn|toddler|grandma|grandpa|grandmother|grandfather|granny|nana)\b",
        r"老人|老年|婴儿|宝宝|新生儿|幼儿|奶奶|爷爷|外公|外婆|姥姥|姥爷|老太太|老大爷|老父亲|老母亲"),
    "lethargic": alt(
        r"(?:much|very|really|extremely|unusually) (?:weaker and )?(?:sleepier|drowsy|lethargic|floppy)|hard to (?:wake|rouse)|barely (?:drinking|responsive|awake)|floppy",
        r"嗜睡|昏昏沉沉|叫了才醒|几乎不(?:喝|吃)|软绵绵"),
    "cant_keep_fluids": r"(?:can't|cannot|unable to) keep (?:even )?(?:water|fluids|anything|liquids) down|连水都喝不下|喝水(?:都|就)吐|喝什么吐什么",
    "fall_cant_get_up": alt(
        r"(?:fell|fallen|fall)\b.{0,80}(?:can't|cannot|unable to|couldn't) (?:get up|stand|bear weight)",
        r"摔(?:倒|跤)[^。]{0,12}(?:起不来|站不起来|爬不起来|没(?:能)?(?:起来|爬起来|站起来))"),
    # A "long lie" on the floor (hours, overnight) risks muscle breakdown and
    # hypothermia whatever the injury looks like.
    "long_lie": alt(
        r"(?:been|was|lying|lay|laid|stuck) on the floor (?:since|all night|overnight|for (?:\d+ |several |many |a few )?hours)|on the floor (?:all night|overnight)",
        r"(?:在)?地上(?:躺|趴|坐)?(?:了)?(?:一晚上|一夜|一整夜|一宿|好几个小时|\d+个?小时)|(?:一晚上|一整夜|一夜)(?:都)?(?:没|起不来|爬不起来)"),
    "fainted": r"faint(?:ed|ing)|passed out|pass out|black(?:ed|ing)? out|collapsed|晕倒|晕厥|昏倒|晕过去|昏过去",
    "heat_illness": alt(
        r"heat ?stroke|sunstroke|stopped sweating|(?:confused|collapsed|fainted)\w* (?:\w+ ){0,6}(?:heat|sun)\b",
        r"热射病|重(?:度)?中暑|中暑(?:后)?(?:昏迷|晕倒|神志不清|抽搐|意识)|(?:高温|暴晒|太阳下)[^。]{0,12}(?:神志不清|昏|晕倒|抽搐|不出汗)"),
    "dehydration": alt(
        r"no (?:wet )?(?:diapers|nappies)|sunken (?:soft spot|fontanelle|fontanel)|(?:no|without) tears when crying",
        r"(?:hasn't|has not|haven't|not) (?:had a wet (?:diaper|nappy)|peed|urinated|passed urine) (?:for|in|since) (?:over )?(?:\d+|many|a day|all day)",
        r"尿布\S{0,6}(?:没湿|干的|干着)|(?:\d+|大半天|一天|一整天)个?(?:小时)?(?:都)?没(?:有)?(?:尿|小便|排尿)|囟门凹陷|哭(?:的时候)?没(?:有)?(?:眼泪|泪)"),
}

# Rule id -> alternatives; each alternative is a tuple of concepts that must all match.
# "infant" and "fever_any" are computed in rules.py from ages and temperatures.
RED_FLAGS: dict[str, tuple[tuple[str, ...], ...]] = {
    "chest_pain_with_danger_signs": (("chest_pain", "breathless"), ("chest_pain", "radiating"),
                                     ("chest_pain", "sweating"), ("chest_pain", "faint_or_sick"),
                                     ("chest_severe",)),
    "face_arm_speech_signs": (("face_droop",), ("arm_weak",), ("speech",), ("stroke_words",)),
    "sudden_confusion": (("confusion",),),
    "sudden_severe_headache": (("worst_headache",), ("fever_any", "headache", "photophobia")),
    "sudden_vision_loss_or_eye_injury": (("vision_loss",), ("eye_injury",)),
    "severe_bleeding": (("heavy_bleeding",), ("blood_vomit_cough",)),
    "self_harm_risk": (("self_harm",),),
    "throat_swelling_or_allergic_breathing": (("throat_swelling",), ("allergen", "swelling"),
                                              ("allergen", "breathless"), ("allergen", "wheeze"),
                                              ("anaphylaxis_words",)),
    "unresponsive": (("unresponsive",), ("heat_illness",)),
    "seizure": (("seizure",),),
    "severe_breathing_difficulty": (("severe_breathing",), ("blue",)),
    "fever_with_danger_signs": (("fever_any", "stiff_neck"), ("nonblanching_rash",), ("fever_any", "sepsis_signs"),
                                ("fever_any", "confused_any"), ("infection", "confused_state"),
                                ("infection", "sepsis_signs"), ("sepsis_signs", "confused_state"),
                                ("rigors", "confused_state"), ("infection", "no_urine", "rigors")),
    "poisoning_or_overdose": (("poisoning",), ("toxic_substance", "ingestion_hint"), ("emptied_pills",)),
    "possible_clot_in_lung": (("leg_clot", "breathless"), ("leg_clot", "chest_pain")),
    "major_trauma": (("trauma",), ("head_injury", "head_danger"), ("fall_cant_get_up", "vulnerable_age"),
                     ("long_lie",)),
    "very_unwell_child_or_elder": (("lethargic", "vulnerable_age"), ("cant_keep_fluids", "vulnerable_age")),
    "infant_fever": (("infant", "fever_any"),),
    "pregnancy_bleeding_or_pain": (("pregnant", "pregnancy_bleeding"), ("pregnant", "severe_abdominal"),
                                   ("pregnant", "pregnancy_danger"), ("pregnant", "abdominal_pain", "lightheaded")),
    "severe_burn": (("severe_burn",),),
    "severe_abdominal_pain": (("right_lower_abdomen", "fever_any"), ("right_lower_abdomen", "vomiting"),
                              ("rigid_abdomen",), ("severe_abdominal", "fever_any")),
    "sudden_testicle_pain": (("testicle",),),
    "back_pain_with_numbness_or_incontinence": (("back_pain", "cauda_equina"),),
    "palpitations_with_fainting": (("palpitations", "fainted"),),
    "severe_dehydration": (("dehydration",),),
}
