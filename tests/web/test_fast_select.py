"""The one-pass <select> of the organisation pickers renders what Django's Select renders."""

from __future__ import annotations

from django import forms

from tdkt.web.forms.widgets import FastSelect


class _Form(forms.Form):
    org = forms.ChoiceField(
        choices=[("", "Tất cả"), ("a1", 'Phòng <Đầu tư> & "Kế hoạch"'), ("b2", "— Tổ Một cửa")],
        required=False,
        widget=FastSelect,
    )


def test_options_are_escaped_and_the_value_is_selected():
    """Names are escaped (no markup from a name), the chosen value is selected, one select."""
    html = str(_Form({"org": "b2"})["org"])
    assert html.count("<select") == 1 and 'name="org"' in html and 'id="id_org"' in html
    assert "&lt;Đầu tư&gt; &amp; &quot;Kế hoạch&quot;" in html
    assert '<option value="b2" selected>— Tổ Một cửa</option>' in html
    assert '<option value="" >' not in html and '<option value="">Tất cả</option>' in html


def test_it_parses_like_any_select():
    """The submitted value is cleaned as by Django's own Select."""
    form = _Form({"org": "a1"})
    assert form.is_valid() and form.cleaned_data["org"] == "a1"
    assert not _Form({"org": "zz"}).is_valid()
