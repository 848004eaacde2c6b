"""Built-in name lists (pure data, no I/O)."""
from __future__ import annotations

import re

# ~250 common single-character Chinese surnames, and some rarer ones.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦"
    "俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝"
    # rarer ones, found missing by a blind probe; characters seldom used otherwise
    "逯冼亓蒯芮禤訾阚嵇濮邰蔺鄢郦郗邸訚鞠贝揭"
    # Korean surnames as written in Chinese (朴志勋, 崔, 郑 and 金 are above)
    "朴")

COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 令狐 慕容 尉迟 公孙 夏侯 宇文 长孙 司徒 端木 独孤 南宫 "
    "百里 轩辕 呼延 万俟 闻人 澹台 申屠 太史 西门 钟离 宗政 濮阳 公冶 赫连 拓跋".split())

# Compound surnames that are also ordinary words (东方明珠, 西门口, 百里挑一):
# they count as surnames only with context, like WEAK_SURNAMES.
WEAK_COMPOUND = frozenset("东方 百里 西门 南宫 长孙 太史 闻人 万俟 公孙".split())

# Surnames that are also very common words or particles; they need context
# (我叫/先生/...) before a bare occurrence counts as a name.
WEAK_SURNAMES = frozenset("于和时明路成单解全应车连司古吉简项商沙师安易常文方白高金石江向万龙史"
                          "关包宁符舒管华房艾尤阳农卓景党宫费冷席卫米宗边荣桑郎麻查池苑迟谷曲"
                          "盛季毕童梅甘左兰欧申齐牛温康武严毛雷段黎熊田林马黄钱余鞠贝揭")

# Characters frequent in given names (used for bare, context-free detection).
GIVEN_CHARS = frozenset(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红丹辉鑫鹏宇浩婷雪琳晨欣怡梓涵轩睿博萱"
    "妍嘉俊泽彤诗雨佳思晓建志海波斌燕飞慧颖瑶琪璐倩蕾婉瑞凯昊然若诺依雅琦蓉薇菲莉凤梅琴莹晶珍素"
    "云亮峰坤帆航宏伦彬翔旭岚雯悦婧馨蕊茜妮露璇欢佩晴诚永福贵荣庆辉毅健耀宾聪鸣锋豪彦哲晗铭煜逸"
    "皓宸瑜瑾珊黛婕曦卓熙淼森柏松楠桐媛娇姗嫣莎琳婷倩颖蓓娴珂璐筱沁琬瑛瑗钰骏骁琛玮炜烨焱昕晟"
    "昱晖曜旻翊翰琨锦钧铮锐鑫淇沐涵澜潇霖霏霄婉娅娉妤姝娟嫦丰奇巍峻嵘崇岩栋梁杉桦榕槐枫"
    "梦洁淑兰春志德立家子天佑凤桂芬美")

HONORIFICS = ("先生", "女士", "小姐", "老师", "医生", "大夫", "教授", "经理", "主任", "总监", "同学",
              "律师", "护士", "师傅", "阿姨", "叔叔", "老板", "博士", "书记", "局长", "处长", "科长",
              "部长", "校长", "院长", "总经理", "董事长", "主管", "工程师", "同志")

CN_TRIGGERS = ("我叫", "我是", "名叫", "叫做", "姓名", "名字", "患者", "病人", "联系人", "收件人",
               "收货人", "寄件人", "申请人", "负责人", "经办人", "持卡人", "户主", "签名", "署名",
               "客户", "本人", "乘客", "学生", "员工", "同事", "朋友", "同学", "丈夫", "妻子", "老公",
               "老婆", "儿子", "女儿", "父亲", "母亲", "爸爸", "妈妈", "哥哥", "姐姐", "弟弟", "妹妹",
               "姓名是", "真名", "法人", "业主", "租客", "房东", "领导",
               # relatives and roles in forms, contracts and transfers
               "奶奶", "爷爷", "外婆", "外公", "姥姥", "姥爷", "表姐", "表哥", "表妹", "表弟", "堂哥", "堂姐",
               "舅舅", "姑姑", "叔叔", "阿姨", "邻居", "室友", "男朋友", "女朋友", "男友", "女友", "车主",
               "访客", "用户", "户名", "收款人", "付款人", "汇款人", "借款人", "出借人", "担保人", "承租人",
               "出租人", "承租方", "出租方", "甲方", "乙方", "买方", "卖方", "投保人", "被保险人", "受益人",
               "参会人有", "参会人", "候选人", "应聘人", "职员", "会员", "顾客", "住户", "学员",
               "全名", "投诉人", "委托人", "当事人", "举报人", "受害人", "兹证明", "被告人", "原告",
               "报案人", "证人", "目击证人", "患儿", "家长", "大名", "驾驶人", "驾驶员", "收款方",
               "闺蜜", "我爸", "我妈", "我哥", "我姐", "我弟", "我妹", "帮", "回复", "问一下", "找一下", "问问",
               # verbs that address a person: 给张伟发消息, 通知李娜, 转告王强
               "发给", "给", "通知", "转告", "告诉", "提醒", "抄送")

# English first names that are not also common words, places or brands.
FIRST_NAMES = frozenset("""
james john robert michael david richard joseph thomas charles christopher daniel matthew
anthony donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon
benjamin samuel gregory alexander patrick raymond dennis jerry tyler aaron jose adam nathan
henry douglas zachary peter kyle noah ethan jeremy walter christian keith roger terry
sean gerald carl harold dylan arthur lawrence jesse bryan joe billy bruce gabriel logan
albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason
philip louis mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa
nancy betty sandra margaret ashley kimberly emily donna michelle carol amanda melissa
deborah stephanie rebecca sharon laura cynthia dorothy amy kathleen angela shirley brenda
emma anna pamela nicole samantha katherine christine helen debra rachel carolyn janet
maria catherine heather diane olivia julie joyce victoria kelly christina lauren joan
evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa sara madison
frances kathryn janice jean abigail alice judy sophia denise marilyn danielle beverly
isabella theresa diana natalie brittany charlotte marie kayla alexis lori alyssa
tom tim mike jim bob dave steve chris matt dan ben sam nick alex tony jeff greg ken ron
liam oliver lucas elena sofia mia ava chloe zoe ella lily leo jack harry oscar charlie
thomas william wilson ivan dmitri sergei olga natasha yuki hiroshi kenji akira priya
rahul amit raj anil sunil ahmed mohammed fatima omar ali hassan carlos miguel luis
javier diego pablo sofia lucia pierre jean francois hans klaus jurgen giovanni marco
luca francesco anders lars sven jenny wendy tiffany cindy vanessa melanie monica
rita tina jane julia sophie kate katie emma claire fiona shannon erin megan kristen
""".split())

# Capitalised words that end "First Last" candidates: orgs, places, products.
NON_NAME_WORDS = frozenset("""
street st avenue ave road rd boulevard blvd lane ln drive dr court ct place way park close crescent grove mews
heights
city county state states river lake mountain valley island beach bay hill hills center
centre university college school academy institute hospital clinic bank group inc corp
corporation company co ltd llc foundation software systems labs lab studio studios press
times news post journal airport station hotel church hall museum library tower bridge
square plaza mall market store shop cafe restaurant kitchen club team league cup
language programming framework library project server client cloud api sdk app apps
monday tuesday wednesday thursday friday saturday sunday january february march april
june july august september october november december christmas day week month year
north south east west new old great grand saint san santa los las fort port mount
the and of for with to in on at by from is are was were be this that these those
i you he she we they it my your his her our their said says say yes no not
""".split())

# Pinyin surnames for romanised Chinese names ("Wang Fang"); English words excluded.
PINYIN_SURNAMES = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo gao lin luo zheng liang
xie song tang han feng deng cao peng zeng xiao tian dong yuan jiang cai du cheng su wei
lu ding ren shen yao cui zhong tan jin shi liao jia xia fang bai zou meng xiong qin qiu
yin xue yan duan lei hou tao hao gong shao wan qian kong ouyang
""".split())

_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
             r"(?:iang|iong|uang|ang|eng|ing|ong|uan|uai|ian|iao|ai|ei|ao|ou|an|en|er"
             r"|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u|v)")
PINYIN_GIVEN = re.compile(rf"(?:{_SYLLABLE}){{1,2}}")

# Common English surnames: lets an all-lowercase "john smith" count as a name
# (first name from FIRST_NAMES + one of these), where capitals are missing.
EN_SURNAMES = frozenset("""
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez
gonzalez wilson anderson taylor moore jackson martin lee perez thompson harris sanchez
clark ramirez lewis robinson walker allen wright torres nguyen flores adams nelson
hall rivera campbell mitchell carter roberts gomez phillips evans turner diaz parker cruz
edwards collins reyes stewart morris morales murphy rogers gutierrez ortiz morgan cooper
peterson bailey kelly howard ramos kim cox richardson watson brooks chavez bennett
mendoza ruiz hughes alvarez castillo sanders patel myers ross foster jimenez powell jenkins
perry russell sullivan coleman butler henderson barnes fisher vasquez simmons romero
patterson hamilton graham reynolds griffin wallace hayes bryant herrera gibson ellis tran
medina aguilar stevens murray marshall owens harrison fernandez mcdonald kennedy vargas
chen freeman webb tucker guzman crawford olson simpson porter hunter gordon mendez silva
snyder dixon munoz hicks holmes palmer wagner robertson boyd salazar meyer schmidt garza
daniels ferguson nichols stephens soto weaver gardner spencer hawkins pierce hansen
johnston matthews richards contreras willis sandoval o'brien o'connor obrien oconnor
kowalski mueller muller schneider rossi russo ferrari khan singh kumar sharma gupta
""".split())

# Characters used to transliterate foreign names (Xinhua style): 约翰·史密斯,
# 玛丽亚·加西亚. A run made only of these and joined by a middle dot is a name.
TRANSLIT_CHARS = frozenset(
    "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯博布查达戴丹黛道德登迪蒂丁东杜敦多厄恩尔法菲费"
    "芬丰弗伏福富盖冈戈格根古圭哈海汉翰豪赫黑亨洪胡华霍基吉加贾杰金卡凯坎康考柯科克肯库奎拉莱"
    "赖兰朗劳勒雷蕾里利莉丽连林琳留龙隆卢鲁路伦罗洛玛马迈麦曼芒梅门蒙米密敏莫默姆穆纳娜乃奈南"
    "内妮尼涅宁纽努诺欧帕潘庞佩彭皮珀普奇齐恰乔琼丘萨塞桑瑟森沙莎尚舍什施史斯松苏索塔泰坦汤唐"
    "特滕提汀廷通图托瓦万旺威韦维温沃乌伍西希锡夏谢辛休逊雅亚扬耶伊因英尤约泽扎詹兹佐琪芙丝薇"
    "娅莲茨列廉士瑞娃赛绍肖钦歇琴契切萝吕茱嘉珍凡伐弥露芭芮优依卓泊铂迦伽喀楚崔夫")
