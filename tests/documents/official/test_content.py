"""The texts the documents print: Vietnamese dates, money, counts, and totals that agree."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tdkt.core.vnwords import amount_in_words
from tdkt.documents.official import (
    DecisionLine,
    DocumentReference,
    RecipientKind,
)
from tdkt.documents.official.content import decision_view, minutes_view, proposal_view
from tdkt.documents.official.formatting import (
    long_date,
    money,
    number_symbol,
    place_and_date,
    punctuate,
    roman,
)
from tdkt.documents.official.samples import (
    sample_decision,
    sample_minutes,
    sample_proposal,
)


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (date(2026, 6, 9), "ngày 09 tháng 6 năm 2026"),
        (date(2025, 12, 31), "ngày 31 tháng 12 năm 2025"),
    ],
)
def test_dates_pad_day_and_the_first_two_months(day, text):
    """Day below 10 and months 1–2 are zero-padded, other months are not (Decree 30)."""
    assert long_date(day) == text


def test_document_numbers_pad_below_ten_and_drafts_leave_blanks():
    """ "Số: 05/QĐ-BQL" for a number below 10; a draft has no number, day or month."""
    assert number_symbol(DocumentReference(symbol="QĐ-BQL", number=5)) == "05/QĐ-BQL"
    assert number_symbol(DocumentReference(symbol="QĐ-BQL", number=125)) == "125/QĐ-BQL"
    draft = DocumentReference(symbol="QĐ-BQL", issued_on=date(2026, 3, 2))
    assert number_symbol(draft).strip("\u00a0") == "/QĐ-BQL"
    text = place_and_date("Hà Nội", draft)
    assert text.startswith("Hà Nội, ngày") and text.endswith("năm 2026")
    assert not any(ch.isdigit() for ch in text.removesuffix("2026"))


def test_money_roman_and_punctuation():
    """Amounts group with dots; groups use Roman numerals; bases end ";" and the last "."."""
    assert money(41_580_000) == "41.580.000"
    assert money(0) == "0"
    assert [roman(n) for n in (1, 2, 3, 4, 9, 14)] == ["I", "II", "III", "IV", "IX", "XIV"]
    assert punctuate(["Căn cứ A;", "Căn cứ B", "Xét đề nghị C."]) == [
        "Căn cứ A;",
        "Căn cứ B;",
        "Xét đề nghị C.",
    ]


def test_decision_counts_and_total_come_from_the_list():
    """Điều 1 counts and Điều 2's total equal the attached list, in figures and words."""
    doc = sample_decision(lines=24)
    view = decision_view(doc)
    total = sum(line.amount for line in doc.lines)
    article1, article2, article3 = (a.text for a in view.articles)
    assert "cho 04 tập thể và 20 cá nhân (có danh sách kèm theo)" in article1
    assert f"Tổng số tiền thưởng là {money(total)} đồng" in article2
    assert f"(Bằng chữ: {amount_in_words(total)})" in article2
    assert "Mỗi tập thể được thưởng 890.000 đồng; mỗi cá nhân được thưởng 450.000 đồng." in (
        article2
    )
    assert article3.endswith("chịu trách nhiệm thi hành Quyết định này./.")
    assert view.total == money(total)
    assert [g.heading for g in view.groups] == ["I. Tập thể (4)", "II. Cá nhân (20)"]
    assert sum(len(g.rows) for g in view.groups) == 24
    assert [r.index for r in view.groups[1].rows][:3] == [1, 2, 3]


def test_group_order_is_configurable_and_empty_groups_are_skipped():
    """Individuals first when asked; a kind with no line gets no heading."""
    doc = replace(
        sample_decision(lines=6),
        group_order=(RecipientKind.INDIVIDUAL, RecipientKind.HOUSEHOLD, RecipientKind.COLLECTIVE),
    )
    assert [g.heading for g in decision_view(doc).groups] == ["I. Cá nhân (5)", "II. Tập thể (1)"]


def test_varied_amounts_refer_to_the_list_and_a_single_awardee_goes_inline():
    """Different amounts in a group are not summarised as "mỗi …"; one awardee needs no list."""
    doc = sample_decision(lines=6)
    varied = replace(doc, lines=(*doc.lines[:-1], replace(doc.lines[-1], amount=1_000_000)))
    article2 = decision_view(varied).articles[1].text
    assert "theo danh sách kèm theo" in article2 and "mỗi cá nhân" not in article2
    single = replace(doc, lines=(doc.lines[-1],))
    view = decision_view(single)
    assert view.has_list is False
    assert f"cho {doc.lines[-1].name}" in view.articles[0].text
    assert "kèm theo tiền thưởng 450.000 đồng" in view.articles[0].text


def test_inputs_refuse_what_no_document_can_print():
    """No decision without lines, no negative prize, no number 0, no unlisted group."""
    doc = sample_decision(lines=3)
    with pytest.raises(ValueError):
        replace(doc, lines=())
    with pytest.raises(ValueError):
        replace(doc.lines[0], amount=-1)
    with pytest.raises(TypeError):
        replace(doc.lines[0], amount=1.5)
    with pytest.raises(ValueError):
        DocumentReference(symbol="QĐ-BQL", number=0)
    with pytest.raises(ValueError):
        replace(doc, group_order=(RecipientKind.INDIVIDUAL,))
    with pytest.raises(ValueError):
        DecisionLine(kind=RecipientKind.INDIVIDUAL, name="A", amount=-5)


def test_proposal_counts_match_its_nominees_and_cites_the_council():
    """The tờ trình's request counts its nominees; the council minutes are the last basis."""
    doc = sample_proposal()
    view = proposal_view(doc)
    assert "cho 05 cá nhân và 01 tập thể (có danh sách kèm theo)" in view.request
    assert view.bases[-1].startswith("Căn cứ Biên bản họp Hội đồng")
    assert view.bases[-1].endswith(".")
    assert all(b.endswith(";") for b in view.bases[:-1])
    assert [g.heading for g in view.groups] == ["I. Cá nhân (5)", "II. Tập thể (1)"]
    assert view.addressee_lines[-1].endswith(".") and view.addressee_inline == ""
    assert view.closing.endswith("xem xét, quyết định./.")


def test_minutes_take_the_percentage_over_all_members():
    """5 votes of 7 members is 71,43 % even though only 6 attended (§4)."""
    view = minutes_view(sample_minutes())
    assert [(r.votes_for, r.members_total, r.percent, r.outcome) for r in view.results] == [
        (6, 7, "85,71", "Đạt"),
        (5, 7, "71,43", "Đạt"),
        (3, 7, "42,86", "Không đạt"),
    ]
    assert "6/7 thành viên Hội đồng có mặt" in view.opening[2]
    assert "vắng có ý kiến bằng văn bản: 1" in view.ballot[0]
    assert view.header.place_date == ""  # minutes carry no date line
    assert view.closing == "Cuộc họp kết thúc lúc 11 giờ 00 phút cùng ngày./."
