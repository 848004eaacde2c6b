"""PII in pasted documents and regional formats (from the sixth and seventh blind
probes): labelled fields, chat logs, national ids, phone and date shapes,
address tails, Traditional characters.  The texts are written for this test;
the probes themselves stay measurements (bench/pii_probe.py)."""
from __future__ import annotations

import pytest

from bench.pii_probe import caught
from edgewise.privacy import scan


@pytest.mark.parametrize("text,value", [
    # labelled fields: the label says a person follows
    ("ADMISSION NOTE\nPatient: Adeyemi, Folasade B.\nWard: 4", "Adeyemi, Folasade B."),
    ("Next of kin: Kwame Mensah (brother), 07700 900111", "Kwame Mensah"),
    ("Witnesses: Ingrid Holm, Tran Van Duc\nNotes: none", "Ingrid Holm"),
    ("Witnesses: Ingrid Holm, Tran Van Duc\nNotes: none", "Tran Van Duc"),
    ("Signed: P. Okafor  /  L. M. Serrano", "L. M. Serrano"),
    ("Beneficiary: Hendrik van den Broek\nIBAN follows", "Hendrik van den Broek"),
    ("Patient: OYELARAN, TEMITOPE   Sex: F", "OYELARAN, TEMITOPE"),
    ("报销单\n审批人：仉振华  出纳：刘婷\n金额：320元", "仉振华"),
    ("学生姓名：热依拉·买买提  性别：女", "热依拉·买买提"),
    ("家庭成员：符海燕（妻子）、符小宇（儿子）", "符小宇"),
    ("律师函\n致：禚志远先生\n地址：略", "禚志远"),
    # chat logs
    ("[03/04/24, 08:15] Kofi: running late\n[03/04/24, 08:16] Ama Owusu: ok", "Ama Owusu"),
    ("群聊\n晏子墨：今晚几点集合？\n邱雨桐：七点吧\n晏子墨：好", "晏子墨"),
    ("#standup\nPriya S.: blocked on review\nTomás: I'll take it\nPriya S.: thanks", "Priya S."),
    # national ids: by check digit, or after a cue
    ("香港身份證 C668668(9) 已影印", "C668668(9)"),
    ("身分證字號 A123456789，請核對", "A123456789"),
    ("PAN: AFZPK7190K for the tax form", "AFZPK7190K"),
    ("NIN: 71645290381 (Nigeria)", "71645290381"),
    ("Driving licence no.: MORGA753116SM9IJ", "MORGA753116SM9IJ"),
    # phones
    ("call me on 0802 123 4567 tonight", "0802 123 4567"),
    ("手機 0987-654-321 隨時打", "0987-654-321"),
    ("landline (03) 9123 4567 after 6", "(03) 9123 4567"),
    ("Phone: 080-2649 1130 / 99001 23456", "99001 23456"),
    ("hp 8123 4567 if lost", "8123 4567"),
    # birth dates
    ("DOB 07-Feb-1959, allergies none", "07-Feb-1959"),
    ("MR SMITH/JOHN DOB 23NOV84 SEAT 12C", "23NOV84"),
    ("我生日是88年12月3号", "88年12月3号"),
    ("生日：民國72年6月1日", "民國72年6月1日"),
    ("奶奶（1938年7月9日生）身体还好", "1938年7月9日"),
    # addresses: tails, labels, more formats, Traditional characters
    ("寄到杭州市西湖区文三路90号东部软件园3号楼A座1102", "杭州市西湖区文三路90号东部软件园3号楼A座1102"),
    ("住址：天津市南开区鞍山西道300号7栋2单元501号，", "天津市南开区鞍山西道300号7栋2单元501号"),
    ("地址：九龍觀塘道388號創紀之城1期15樓C室", "九龍觀塘道388號創紀之城1期15樓C室"),
    ("Address: Plot 4, Adeola Odeku Street, Victoria Island, Lagos\nPhone: none", "Plot 4, Adeola Odeku Street, Victoria Island, Lagos"),
    ("residing at Villa 9, Street 22, Al Wasl, Dubai, has applied", "Villa 9, Street 22, Al Wasl, Dubai"),
    ("Karl Johans gate is nice but I live at Thorvald Meyers gate 12, 0555 Oslo.", "Thorvald Meyers gate 12, 0555 Oslo"),
])
def test_document_values_are_found(text, value):
    assert covered(text, value), [(s.type, s.text) for s in scan(text)]


@pytest.mark.parametrize("text", [
    "Present: Chair, Treasurer, Secretary and four members",
    "Contact: Customer Services Team",
    "Status: Approved\nOwner: N/A\nManager: TBC",
    "Note: buy milk\nTodo: call the bank\nIdea: write a book",
    "Input: 5\nOutput: 25\nInput: 6\nOutput: 36",
    "甲方：杭州某某科技有限公司\n乙方：本人",
    "申请表\n申请人：见附件\n车辆信息：无\n付款方式：现金",
    "the address is in the email I sent",
    "PIN 1234, version 2.3.4567, order ABCDE12345",
    "我家在万达城3期，门口有2家店",
])
def test_document_look_alikes_stay_clean(text):
    assert scan(text) == [], [(s.type, s.text) for s in scan(text)]


def test_traditional_text_keeps_its_offsets():
    text = "請聯絡陳大文，電話 9123 4567，地址：九龍旺角彌敦道123號4樓A室"
    spans = scan(text)
    assert spans and all(text[s.start:s.end] == s.text for s in spans)
    assert covered(text, "九龍旺角彌敦道123號4樓A室")


@pytest.mark.parametrize("text,value", [
    ("下午和思琪去逛街，晚点回", "思琪"), ("你先跟雅琴讲一声", "雅琴"), ("俊豪说他不来了", "俊豪"),
    ("丽萍阿姨送了些水果", "丽萍"), ("周末跟莹莹她们去爬山", "莹莹"), ("tests pass now - Anjali", "Anjali"),
])
def test_given_names_in_a_frame(text, value):
    assert covered(text, value), [(s.type, s.text) for s in scan(text)]


@pytest.mark.parametrize("text", ["明天你来吗", "美丽的风景", "静静地看着窗外", "和平去哪里了", "浩然正气",
                                  "that was fine - Standard"])
def test_given_name_look_alikes(text):
    assert not [s for s in scan(text) if s.type == "PERSON"]


@pytest.mark.parametrize("text,value", [
    # key-value data and tables pasted for debugging (from the eighth blind probe's themes)
    ('{"code":0,"data":{"realName":"濮阳静姝","mobile":"13912345678"}}', "濮阳静姝"),
    ("user = {\n  firstName: 'Aroha',\n  lastName: 'Ngata',\n}", "Ngata"),
    ("GET /verify?name=%E5%BC%A0&birth=1993.07.14&x=1", "1993.07.14"),
    ('{"dob": "14/07/1993", "address": "Flat 3, 22 Elm Road, Leeds LS6 2AB"}', "Flat 3, 22 Elm Road, Leeds LS6 2AB"),
    ("<Customer><Name>Rafael Quispe</Name></Customer>", "Rafael Quispe"),
    ('{"passport":"K41236987","nationality":"PE"}', "K41236987"),
    ("name\tphone\tid_no\nLiang Wei\t+65 8123 4567\tS1234567D", "S1234567D"),
    ("入住人,证件号码,房号\n闾丘子安,E41236987,1208", "E41236987"),
    ("学生姓名\t家长电话\t家庭住址\n诸葛雨彤\t13566778899\t杭州市拱墅区丽水路12号3幢201", "杭州市拱墅区丽水路12号3幢201"),
    ("nombre;dni;telefono\nMarta Ruiz;12345678Z;+34 600 123 456", "12345678Z"),
    ("rrn: '900101-1234568'", "900101-1234568"),
])
def test_key_value_and_table_data(text, value):
    assert covered(text, value), [(s.type, s.text) for s in scan(text)]


@pytest.mark.parametrize("text", [
    '{"name": "requests", "version": "2.31.0"}', '{"name":"build","address":"0x7f3a"}',
    "```\nssn = '123-45-6789'\n```", "id\tcount\n1\t20\n2\t35", '"birthday": null',
])
def test_key_value_look_alikes(text):
    assert scan(text) == [], [(s.type, s.text) for s in scan(text)]


def test_a_birth_date_beside_its_id_card():
    row = "('祁文昊','13800001111','110101199003074514','1990-03-07','2019-06-01')"
    found = {(s.type, s.text) for s in scan(row)}
    assert ("DATE_OF_BIRTH", "1990-03-07") in found
    assert not any(t == "DATE_OF_BIRTH" and v == "2019-06-01" for t, v in found)


def covered(text: str, value: str) -> bool:
    return caught(text, value, scan(text))


@pytest.mark.parametrize("text,value", [
    # code-switched and Southeast Asian messages (tenth probe's themes)
    ("份子钱：堂弟 Kevin 600，嫂子 龚雪 800", "龚雪"), ("份子钱：堂弟 Kevin 600，嫂子 龚雪 800", "Kevin"),
    ("我是乐乐（陶思远）的爸爸", "陶思远"), ("有事联系 Sandra 139 1234 5678", "Sandra"),
    ("unit at Blk 432 Tampines St 42 #05-118, Singapore 520432, viewing sat", "Blk 432 Tampines St 42 #05-118, Singapore 520432"),
    ("hantar ke No. 7, Jalan Ampang 3, 50450 Kuala Lumpur ya", "No. 7, Jalan Ampang 3, 50450 Kuala Lumpur"),
    ("call my cousin 012-884 3321 if lost", "012-884 3321"), ("office Tel 03-2161 8890", "03-2161 8890"),
    ("her new number 9123 4567", "9123 4567"),
])
def test_code_switched_and_regional(text, value):
    assert covered(text, value), [(s.type, s.text) for s in scan(text)]


@pytest.mark.parametrize("text", [
    "email support@grab.com about the order", "给 service@jd.com 发邮件有用吗", "客服热线 400-666-8800 打不通",
    "他是我高中同学", "用 Python 和 Java 写个脚本", "meeting 改到 周五 下午",
])
def test_code_switched_look_alikes(text):
    assert scan(text) == [], [(s.type, s.text) for s in scan(text)]


@pytest.mark.parametrize("text,value", [
    # an eleventh probe (a random day of requests)
    ("passport numbers E41236987 and E41236995, flight at 9", "E41236995"),
    ("NIE Y1234567X on the form", "Y1234567X"), ("社保卡号是1023 8844 7710，别忘了带", "1023 8844 7710"),
    ("驾驶证号：110105197603218829，准驾车型C1", "110105197603218829"),
    ("我（卢浩宇，身份证号见附件）要报案", "卢浩宇"), ("给韩国同事朴志勋写封感谢信", "朴志勋"),
    ("call his daughter Siobhan on 087 234 5619", "087 234 5619"),
])
def test_random_day_values(text, value):
    assert covered(text, value), [(s.type, s.text) for s in scan(text)]


@pytest.mark.parametrize("text", [
    "why do people use 8.8.8.8 for DNS?", "log in to the router at 192.168.1.1",
    "call the IT helpdesk on 0800 028 0280", "Write a bio of Taylor Swift, born December 13, 1989",
    "介绍一下马云，他1964年9月10日出生于杭州", "It's deep and the blood is spurting", "等天亮去医院可以吗",
])
def test_random_day_look_alikes(text):
    assert not [s for s in scan(text) if s.type in ("IP_ADDRESS", "PHONE_NUMBER", "DATE_OF_BIRTH", "PERSON")], \
        [(s.type, s.text) for s in scan(text)]


@pytest.mark.parametrize("text,value", [
    # health and family records (twelfth probe's themes)
    ("Patient Ana Ruiz, MRN 3301-772-9, please call", "3301-772-9"), ("Member ID: QRT662015938 on the card", "QRT662015938"),
    ("住院号是20230911457，想复印病历", "20230911457"), ("病案号BA2022077310，患者", "BA2022077310"),
    ("就诊卡号是0098127736，怎么预约", "0098127736"), ("保单号P2018330500002291，被保险人", "P2018330500002291"),
    ("接种证上的编号3301060620190031是做什么的", "3301060620190031"),
])
def test_health_record_ids(text, value):
    assert covered(text, value), [(s.type, s.text) for s in scan(text)]


@pytest.mark.parametrize("text", [
    "医院总机021-64370045能帮忙转产科吗", "The clinic's appointment line is 507-284-2511",
    "看了张文宏医生的科普", "My passport number is 987654321 and it expires soon.",
])
def test_organisation_lines_and_public_doctors(text):
    assert not [s for s in scan(text) if s.type in ("PHONE_NUMBER", "PERSON", "ID_NUMBER")], \
        [(s.type, s.text) for s in scan(text)]


@pytest.mark.parametrize("text,value", [
    # work and business (thirteenth probe's themes)
    ("Ticket: user Faith Adeyemi (employee ID E-318822) cannot log in", "Faith Adeyemi"),
    ("Ticket: user Faith Adeyemi (employee ID E-318822) cannot log in", "E-318822"),
    ("新员工工号 GZ20417，请开通邮箱", "GZ20417"), ("实习生的学号 2022110856，需要盖章", "2022110856"),
    ("Bank: 40-11-62 / 71234560 for the refund", "40-11-62 / 71234560"), ("guest passport XKD738210 arriving", "XKD738210"),
])
def test_work_records(text, value):
    assert covered(text, value), [(s.type, s.text) for s in scan(text)]


@pytest.mark.parametrize("text", ["upgrade the firmware to 10.2.1.4 tonight", "the Morgan Stanley renewal is due",
                                  "her Dell Latitude will not boot"])
def test_work_look_alikes(text):
    assert scan(text) == [], [(s.type, s.text) for s in scan(text)]


@pytest.mark.parametrize("text,value", [
    ("邹佳怡 1996.7.12 帮我看看是什么星座", "1996.7.12"), ("Maya Lindqvist 1990-02-11 — what's her star sign?", "1990-02-11"),
    ("许建华叔叔 1958年6月1日 今年能退休吗", "1958年6月1日"),
])
def test_a_date_after_a_name_asked_about_as_a_birthday(text, value):
    assert covered(text, value), [(s.type, s.text) for s in scan(text)]


@pytest.mark.parametrize("text", ["会议定在2024年5月3日，记得带生日蛋糕", "Deadline 2024-05-03, sign the form",
                                  "the release on 2024-05-03 changed the age check"])
def test_event_dates_are_not_birthdays(text):
    assert not [s for s in scan(text) if s.type == "DATE_OF_BIRTH"]
