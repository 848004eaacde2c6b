"""PII read from pasted structure: chat speaker labels, email headers, table columns."""
from __future__ import annotations

import pytest

from edgewise.privacy import scan
from edgewise.privacy.recognizers.structured import table_values


def found(text, kind):
    return [sp.text for sp in scan(text) if sp.type == kind]


@pytest.mark.parametrize("text, name", [
    ("[09:14] Tunde Bakare: running late\n[09:15] Me: ok", "Tunde Bakare"),
    ("[21:05] 夏雨: 谁有老陈的电话？", "夏雨"),
    ("From: Ines Duarte <ines@example.pt>\nTo: team@example.pt", "Ines Duarte"),
    ('发件人："周海燕" <zhy@example.cn>', "周海燕"),
    ("On Tue, Bogdan Ilić <bogdan@example.rs> wrote:\n> see below", "Bogdan Ilić"),
])
def test_labels_and_headers_name_people(text, name):
    assert name in found(text, "PERSON")


def test_table_columns_say_what_cells_hold():
    text = ("name,email,dob,bank_account\n"
            "Oyelaran Fashola,o@example.ng,1987-03-02,0123456789\n"
            "高山,gs@example.cn,1990-07-22,6222020200112233\n")
    assert {"Oyelaran Fashola", "高山"} <= set(found(text, "PERSON"))
    assert {"1987-03-02", "1990-07-22"} <= set(found(text, "DATE_OF_BIRTH"))
    assert "0123456789" in found(text, "BANK_ACCOUNT")


def test_markdown_tables_and_their_end():
    text = "| 姓名 | 金额 |\n|---|---|\n| 白雪 | 800 |\n| 合计 | 800 |\n\n白雪公主的故事"
    spans = [text[s:e] for s, e in table_values(text, "PERSON")]
    assert spans == ["白雪"]  # the total row and the text after the table are not names


@pytest.mark.parametrize("text", [
    "[10:00] System: backup finished\n[10:01] Bot: ok", "version,date,notes\n3.1,2024-05-01,fixed login",
    "Order <orders@shop.example> shipped", "| item | price |\n|---|---|\n| apples | 3 |",
])
def test_structure_without_people_stays_quiet(text):
    assert found(text, "PERSON") == [] and found(text, "DATE_OF_BIRTH") == []
