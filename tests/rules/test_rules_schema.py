"""The case parser never crashes: any JSON gives verdicts or the contract's problems (exit 2).

Hypothesis feeds arbitrary JSON documents, valid cases with one node replaced by arbitrary
JSON (`initiatives[0].id = {}`), and arbitrary text; the answer is always either the
contract's output or a `CaseError` naming JSON paths.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tdkt.rules.cli import main
from tdkt.rules.document import evaluate_text
from tdkt.rules.schema import CASE, CaseError, leaves

VALID = {
    "as_of": "2026-01-15",
    "year": 2025,
    "rule_set": "auto",
    "subject": {"kind": "individual", "recruited_on": "2022-03-01"},
    "ratings": {"2023": "excellent", "2024": "excellent", "2025": "good"},
    "awards": [{"year": 2023, "code": "grassroots_emulation_fighter"}],
    "initiatives": [{"id": "SK-2024-07", "year": 2024, "scope": "grassroots", "used_for": None}],
    "discipline": [{"year": 2025, "level": "reprimand"}],
    "ballot": {"yes": 13, "members": 15},
    "collective": None,
    "candidates": ["advanced_worker", "grassroots_emulation_fighter"],
}
UNIT = {
    "as_of": "2023-01-10",
    "year": 2022,
    "unit": {"name": "Phòng Quản lý Đầu tư", "advanced_workers": 3},
    "cases": [
        {"id": "p1", "subject": {"kind": "individual"}, "ratings": {"2022": "excellent"}},
        {
            "id": 2,
            "subject": {"kind": "collective"},
            "collective": {"members": 10, "members_advanced_worker": 8},
        },
    ],
}

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["2025-02-30", "2024-13-01", "excellent", "auto", "R2013", "", "²", "1e999"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=8), inner, max_size=4),
    ),
    max_leaves=20,
)


def outcome(text: str) -> list[str] | dict[str, Any]:
    """Evaluate; return the problems (one line each) or the output. Anything else fails."""
    try:
        return evaluate_text(text)
    except CaseError as exc:
        assert exc.problems, "a CaseError always names at least one problem"
        for p in exc.problems:
            assert p.path and "\n" not in p.line("en") and "\n" not in p.line("vi")
        return exc.lines()


def paths(doc: Any, prefix: str = "") -> list[str]:
    """Every node of a JSON document, as a list of keys and indexes."""
    out = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += paths(value, f"{prefix}\0{key}")
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out += paths(value, f"{prefix}\0#{i}")
    return out


def replaced(doc: Any, path: str, new: Any) -> Any:
    """Return a copy of `doc` with the node at `path` replaced by `new`."""
    if not path:
        return new
    head, _, rest = path.lstrip("\0").partition("\0")
    rest = "\0" + rest if rest else ""
    if isinstance(doc, list):
        i = int(head[1:])
        return [replaced(v, rest, new) if k == i else v for k, v in enumerate(doc)]
    return {k: replaced(v, rest, new) if k == head else v for k, v in doc.items()}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_any_json_document_is_evaluated_or_refused_with_paths(doc):
    """Arbitrary JSON never crashes the parser."""
    outcome(json.dumps(doc))


@settings(max_examples=600, deadline=None)
@given(st.sampled_from([VALID, UNIT]), st.data())
def test_a_valid_case_with_any_node_replaced_is_evaluated_or_refused(base, data):
    """Any field of a real case replaced by any JSON value: verdicts or problems, never a
    crash (e.g. `initiatives[0].id = {}`, a rating `{}`, a year `1e20`)."""
    where = data.draw(st.sampled_from(paths(base)))
    new = data.draw(json_values)
    outcome(json.dumps(replaced(base, where, new)))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_evaluated_or_refused(text):
    """Text that is not JSON at all is one problem on `$`."""
    outcome(text)


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda d: d["initiatives"][0].update(id={}), "initiatives[0].id"),
        (lambda d: d["initiatives"].append(dict(d["initiatives"][0])), "initiatives[1].id"),
        (lambda d: d["ratings"].update({"²": "good"}), 'ratings."²"'),
        (lambda d: d.update(year=10**30), "year"),
        (lambda d: d["ballot"].update(yes=16), "ballot.yes"),
        (lambda d: d.update(subject={"kind": {}}), "subject.kind"),
        (lambda d: d.update(candidates={}), "candidates"),
        (lambda d: d.update(as_of="2024-W01-1"), "as_of"),
        (lambda d: d["awards"].append({"year": 2024, "code": ["x"]}), "awards[1].code"),
    ],
)
def test_malformed_fields_are_named_by_their_path(mutate, path):
    """Each malformed field is reported at its own JSON path, in English and Vietnamese."""
    doc = json.loads(json.dumps(VALID))
    mutate(doc)
    with pytest.raises(CaseError) as exc:
        evaluate_text(json.dumps(doc))
    assert path in [p.path for p in exc.value.problems]
    assert all(p.message("vi") and p.message("en") for p in exc.value.problems)


@pytest.mark.parametrize(
    "text",
    [
        '{"as_of": NaN}',
        '{"year": Infinity}',
        "[" * 100_000 + "]" * 100_000,
        '{"year": ' + "9" * 5000 + "}",
        json.dumps({"cases": [{}] * 2001, "as_of": "2023-01-10", "year": 2022}),
    ],
)
def test_hostile_documents_exit_2_with_a_problem(text):
    """Constants JSON forbids, deep nesting, huge numbers and huge batches: exit 2."""
    out, err = io.StringIO(), io.StringIO()
    code = main(["evaluate", "-"], stdin=io.StringIO(text), stdout=out, stderr=err)
    assert (code, out.getvalue()) == (2, "")
    assert err.getvalue().count("\n") >= 1 and ": " in err.getvalue()


def test_initiative_id_object_is_exit_2_naming_the_path():
    """The case from the issue: `initiatives[0].id = {}` is a usage error, not a traceback."""
    doc = json.loads(json.dumps(VALID))
    doc["initiatives"][0]["id"] = {}
    err = io.StringIO()
    code = main(["evaluate", "-"], stdin=io.StringIO(json.dumps(doc)), stderr=err)
    assert code == 2
    assert err.getvalue() == "initiatives[0].id: expected a string\n"


def test_every_leaf_of_the_schema_has_labels_in_both_languages():
    """The web form and the API take their labels from the schema: none may be missing."""
    for path, field in leaves(CASE):
        assert field.label.vi and field.label.en, path
