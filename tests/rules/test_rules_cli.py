"""The command line, driven through `main()` as a user would drive `tdkt rules`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from tdkt.rules.cli import main

CASE = {
    "as_of": "2026-01-15",
    "year": 2025,
    "rule_set": "auto",
    "subject": {"kind": "individual", "recruited_on": "2022-03-01"},
    "ratings": {"2023": "excellent", "2024": "excellent", "2025": "good"},
    "awards": [
        {"year": 2023, "code": "grassroots_emulation_fighter"},
        {"year": 2019, "code": "provincial_certificate_of_commendation"},
    ],
    "initiatives": [{"id": "SK-2024-07", "year": 2024, "scope": "grassroots", "used_for": None}],
    "discipline": [],
    "ballot": {"yes": 13, "members": 15},
    "collective": None,
    "candidates": ["advanced_worker", "grassroots_emulation_fighter"],
}


def cli(*argv: str, stdin: str = "", overrides=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err, stdin=io.StringIO(stdin), overrides=overrides)
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, doc: dict) -> str:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_evaluate_prints_the_contract_shape_and_exits_0(tmp_path):
    """The output has exactly the contract's keys, with the LĐTT verdict of example 1."""
    code, out, err = cli("evaluate", write(tmp_path, CASE))
    doc = json.loads(out)
    assert (code, err) == (0, "")
    assert list(doc) == ["rule_set", "as_of", "year", "base_salary_vnd", "results"]
    first = doc["results"][0]
    assert list(first) == [
        "code",
        "eligible",
        "vote",
        "prize_coefficient",
        "prize_vnd",
        "conditions",
    ]
    assert first["conditions"][0] == {
        "ok": True,
        "text": "Hoàn thành tốt nhiệm vụ năm 2025",
        "citation": "Luật TĐKT 2022, Điều 24",
    }
    assert (first["code"], first["eligible"], first["prize_vnd"]) == (
        "advanced_worker",
        True,
        710000,
    )
    assert first["prize_coefficient"] == 0.3


def test_evaluate_reads_standard_input_and_speaks_english():
    """`-` reads the case from standard input; `--lang en` renders English text."""
    code, out, _ = cli("evaluate", "-", "--lang", "en", stdin=json.dumps(CASE))
    texts = [c["text"] for r in json.loads(out)["results"] for c in r["conditions"]]
    assert code == 0
    assert "Completed tasks well in 2025" in texts


def test_pending_vote_is_null_and_keeps_eligibility():
    """Without a ballot the vote is pending, its condition `ok` is null, eligible stays true."""
    doc = {
        **CASE,
        "ratings": {"2025": "excellent"},
        "ballot": None,
        "candidates": ["grassroots_emulation_fighter"],
    }
    _, out, _ = cli("evaluate", "-", stdin=json.dumps(doc))
    (result,) = json.loads(out)["results"]
    assert (result["eligible"], result["vote"]) == (True, "pending")
    assert result["conditions"][-1]["ok"] is None


def test_malformed_case_lists_every_problem_with_its_path():
    """Exit 2 and one line per problem, each naming the JSON path."""
    bad = {
        **CASE,
        "as_of": "2025-02-30",
        "ratings": {"2024": "excelent"},
        "awards": [{"year": 2023}],
        "subject": {"kind": "individual", "recruited": "x"},
        "candidates": ["advanced_collective"],
    }
    del bad["year"]
    code, out, err = cli("evaluate", "-", stdin=json.dumps(bad))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        'as_of: impossible date "2025-02-30"',
        "year: missing required field",
        "subject.recruited: unknown field",
        'ratings.2024: unknown rating "excelent"',
        "awards[0].code: missing required field",
        'candidates[0]: "advanced_collective" does not apply to an individual subject',
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("{not json", "$: invalid JSON at line 1, column 2"),
        ("[]", "$: expected an object, got a list"),
        (json.dumps({**CASE, "year": 2025.5}), "year: expected a year (whole number)"),
        (
            json.dumps({**CASE, "ballot": {"yes": 3, "members": 0}}),
            "ballot.members: expected a positive whole number",
        ),
        (json.dumps({**CASE, "as_of": "2016-01-01", "year": 2015}), "as_of: no active rule set"),
        (json.dumps({**CASE, "rule_set": "R2026"}), 'rule_set: rule set "R2026" is not active'),
        (json.dumps({**CASE, "year": 2027}), "year: 2027 is after the decision date"),
    ],
)
def test_invalid_input_exits_2_naming_the_problem(text, line):
    """Wrong types, impossible values and unknown rule sets are usage errors (exit 2)."""
    code, out, err = cli("evaluate", "-", stdin=text)
    assert (code, out) == (2, "")
    assert err.startswith(line)


def test_missing_file_exits_2(tmp_path):
    """A case file that does not exist is reported, not a traceback."""
    code, _, err = cli("evaluate", str(tmp_path / "nope.json"))
    assert code == 2 and "cannot read" in err


def batch(n_advanced: int, n_fighters: int, extra: int = 0) -> dict:
    people = []
    for i in range(n_advanced):
        person = {
            "id": f"p{i}",
            "subject": {"kind": "individual"},
            "ratings": {"2022": "excellent" if i < n_fighters else "good"},
        }
        if i < n_fighters:
            person["initiatives"] = [{"id": f"SK{i}", "year": 2022, "scope": "grassroots"}]
        people.append(person)
    return {
        "as_of": "2023-01-10",
        "year": 2022,
        "unit": {"name": "Phòng Quản lý Đầu tư", "advanced_workers": extra},
        "cases": people,
    }


def test_unit_batch_reports_the_15_percent_cap_of_2013():
    """R2013: 9 eligible CSTĐCS but 15 % × 45 LĐTT allows 6 (contract example)."""
    code, out, _ = cli("evaluate", "-", stdin=json.dumps(batch(40, 9, extra=5)))
    doc = json.loads(out)
    assert code == 0 and doc["rule_set"] == "R2013"
    assert [r["id"] for r in doc["results"]][:2] == ["p0", "p1"]
    cap = next(c for c in doc["caps"] if c["code"] == "grassroots_emulation_fighter")
    assert cap == {
        "code": "grassroots_emulation_fighter",
        "eligible": 9,
        "max": 6,
        "basis": "15% × 45 Lao động tiên tiến",
        "citation": "NĐ 91/2017/NĐ-CP, Điều 9.3",
    }


def test_unit_batch_under_2022_law_has_no_national_cap_unless_set_locally():
    """R2022: no CSTĐCS cap by default; a `--param` cap of 10 % appears in the output."""
    doc = {**batch(20, 5), "as_of": "2025-01-10", "year": 2024}
    for person in doc["cases"]:
        person["ratings"] = {"2024": person["ratings"]["2022"]}
        for i in person.get("initiatives", []):
            i["year"] = 2024
    _, out, _ = cli("evaluate", "-", stdin=json.dumps(doc))
    assert json.loads(out)["caps"] == []
    _, out, _ = cli(
        "evaluate",
        "-",
        "--param",
        "cap.grassroots_emulation_fighter.max_percent=10",
        stdin=json.dumps(doc),
    )
    (cap,) = json.loads(out)["caps"]
    assert (cap["eligible"], cap["max"], cap["basis"]) == (5, 2, "10% × 20 Lao động tiên tiến")


def test_param_overrides_layer_on_top_and_unknown_names_fail():
    """`--param` changes the verdict; a misspelt name is exit 2, never ignored."""
    doc = {
        **CASE,
        "subject": {"kind": "individual", "recruited_on": "2025-08-01"},
        "candidates": ["advanced_worker"],
    }
    _, out, _ = cli("evaluate", "-", stdin=json.dumps(doc))
    assert json.loads(out)["results"][0]["eligible"] is False
    _, out, _ = cli(
        "evaluate", "-", "--param", "advanced_worker.min_months_worked=5", stdin=json.dumps(doc)
    )
    assert json.loads(out)["results"][0]["eligible"] is True
    code, _, err = cli(
        "evaluate", "-", "--param", "advanced_worker.min_month=5", stdin=json.dumps(doc)
    )
    assert code == 2 and err == "--param advanced_worker.min_month: unknown parameter\n"
    code, _, err = cli(
        "evaluate", "-", "--param", "advanced_worker.min_months_worked=six", stdin=json.dumps(doc)
    )
    assert code == 2 and err.startswith("advanced_worker.min_months_worked:")


def test_main_overrides_argument_acts_like_local_parameters():
    """Overrides passed by a caller (a city's settings) apply like `--param`."""
    doc = {
        **CASE,
        "subject": {"kind": "individual", "recruited_on": "2025-08-01"},
        "candidates": ["advanced_worker"],
    }
    _, out, _ = cli(
        "evaluate",
        "-",
        stdin=json.dumps(doc),
        overrides={"R2022b:advanced_worker.min_months_worked": 5},
    )
    assert json.loads(out)["results"][0]["eligible"] is True


def test_explain_prints_conditions_citations_and_flags():
    """`explain` shows each condition with its article and flags unverified parameters."""
    code, out, _ = cli(
        "explain", "grassroots_emulation_fighter", "--rule-set", "R2022b", "--lang", "en"
    )
    assert code == 0
    assert "Luật TĐKT 2022, Điều 23" in out
    assert "vote.grassroots_emulation_fighter.min_percent = 80" in out
    assert "[UNVERIFIED]" in out
    code, _, err = cli("explain", "gold_medal")
    assert code == 2 and 'unknown award code "gold_medal"' in err


def test_list_parameters_shows_unverified_and_null_coefficients():
    """R2022a's unread NĐ 98 Bằng khen coefficient is flagged; an unknown rule set fails."""
    code, out, _ = cli("list-parameters", "--rule-set", "R2022a")
    line = next(
        x
        for x in out.splitlines()
        if x.startswith("prize.provincial_certificate_of_commendation.individual")
    )
    assert code == 0 and "[UNVERIFIED]" in line
    assert cli("list-parameters", "--rule-set", "R1999")[0] == 2


def test_usage_errors_exit_2():
    """A missing sub-command or argument is a usage error."""
    assert cli()[0] == 2
    assert cli("evaluate")[0] == 2


@pytest.mark.django_db
def test_management_command_passes_arguments_through(tmp_path):
    """`tdkt rules evaluate CASE --lang en` reaches the engine and keeps its exit code.

    The command reads officer-set parameters from the database, hence the database mark.
    """
    out = io.StringIO()
    call_command("rules", "evaluate", write(tmp_path, CASE), "--lang", "en", stdout=out)
    assert json.loads(out.getvalue())["rule_set"] == "R2022b"
    with pytest.raises(SystemExit) as exc:
        call_command("rules", "evaluate", str(tmp_path / "missing.json"), stderr=io.StringIO())
    assert exc.value.code == 2
