"""Read cases from JSON and write evaluations back, as the contract specifies.

Parsing collects *every* problem, each as one line naming its JSON path
(`ratings.2024: unknown rating "excelent"`), so a law expert can fix a case in one pass.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from .codes import (
    AWARD_CODES,
    COLLECTIVE,
    DISCIPLINE_LEVELS,
    INDIVIDUAL,
    MAX_YEAR,
    MIN_YEAR,
    RATINGS,
    SCOPES,
    SUBJECT_KINDS,
    applies_to,
)
from .model import (
    AchievementRecord,
    Ballot,
    Candidate,
    Case,
    CollectiveFacts,
    DisciplineRecord,
    InitiativeRecord,
    UnitCase,
)

_MISSING = object()


class CaseError(ValueError):
    """The case is malformed; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class _Reader:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def bad(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def obj(self, data: Any, path: str, allowed: tuple[str, ...]) -> dict[str, Any] | None:
        if not isinstance(data, dict):
            self.bad(path, f"expected an object, got {_kind(data)}")
            return None
        for key in data:
            if key not in allowed:
                self.bad(_join(path, key), "unknown field")
        return data

    def date(
        self, data: dict[str, Any], key: str, path: str, *, required: bool = False
    ) -> date | None:
        raw = data.get(key, _MISSING)
        p = _join(path, key)
        if raw is _MISSING or raw is None:
            if required:
                self.bad(p, "missing required field")
            return None
        if not isinstance(raw, str):
            self.bad(p, f"expected a date YYYY-MM-DD, got {_kind(raw)}")
            return None
        try:
            return date.fromisoformat(raw) if len(raw) == 10 else _raise()
        except ValueError:
            self.bad(p, f'impossible date "{raw}"')
            return None

    def year(self, raw: Any, p: str) -> int | None:
        if raw is _MISSING or raw is None:
            self.bad(p, "missing required field")
            return None
        if not isinstance(raw, int) or isinstance(raw, bool):
            self.bad(p, f"expected a year (whole number), got {_kind(raw)}")
            return None
        if not MIN_YEAR <= raw <= MAX_YEAR:
            self.bad(p, f"year {raw} is out of range {MIN_YEAR}–{MAX_YEAR}")
            return None
        return raw

    def count(
        self, raw: Any, p: str, *, required: bool = True, positive: bool = False
    ) -> int | None:
        if raw is _MISSING or raw is None:
            if required:
                self.bad(p, "missing required field")
            return None
        if not isinstance(raw, int) or isinstance(raw, bool) or raw < (1 if positive else 0):
            self.bad(
                p,
                f"expected a {'positive' if positive else 'non-negative'} whole number, "
                f"got {json.dumps(raw, ensure_ascii=False)}",
            )
            return None
        return raw

    def choice(
        self, raw: Any, p: str, choices: tuple[str, ...], what: str, *, required: bool = True
    ) -> str | None:
        if raw is _MISSING or raw is None:
            if required:
                self.bad(p, "missing required field")
            return None
        if not isinstance(raw, str) or raw not in choices:
            self.bad(p, f"unknown {what} {json.dumps(raw, ensure_ascii=False)}")
            return None
        return raw

    def items(self, data: dict[str, Any], key: str, path: str) -> list[tuple[str, Any]]:
        raw = data.get(key)
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.bad(_join(path, key), f"expected a list, got {_kind(raw)}")
            return []
        return [(f"{_join(path, key)}[{i}]", item) for i, item in enumerate(raw)]


def _raise() -> date:
    raise ValueError


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(raw: Any) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        type(None): "null",
    }.get(type(raw), "a number")


CASE_FIELDS = (
    "subject",
    "ratings",
    "awards",
    "initiatives",
    "discipline",
    "ballot",
    "collective",
    "candidates",
    "id",
)
TOP_FIELDS = ("as_of", "year", "rule_set", "dossier_lodged_on")


def _case_body(
    r: _Reader,
    data: dict[str, Any],
    path: str,
    as_of: date | None,
    year: int | None,
    rule_set: str,
    lodged: date | None,
) -> Case | None:
    subject = None
    if "subject" not in data:
        r.bad(_join(path, "subject"), "missing required field")
    else:
        subject = r.obj(data["subject"], _join(path, "subject"), ("kind", "recruited_on"))
    kind = (
        r.choice(
            subject.get("kind", _MISSING),
            _join(path, "subject.kind"),
            SUBJECT_KINDS,
            "subject kind",
        )
        if subject is not None
        else None
    )
    recruited = r.date(subject, "recruited_on", _join(path, "subject")) if subject else None

    ratings: list[tuple[int, str]] = []
    raw_ratings = data.get("ratings") or {}
    if not isinstance(raw_ratings, dict):
        r.bad(_join(path, "ratings"), f"expected an object, got {_kind(raw_ratings)}")
        raw_ratings = {}
    for key, value in raw_ratings.items():
        p = _join(path, f"ratings.{key}")
        y = None
        if key.isdigit():
            y = r.year(int(key), p)
        else:
            r.bad(p, f'"{key}" is not a year')
        rating = r.choice(value, p, RATINGS, "rating")
        if y is not None and rating is not None:
            ratings.append((y, rating))

    awards = []
    for p, item in r.items(data, "awards", path):
        if r.obj(item, p, ("year", "code")) is not None:
            y = r.year(item.get("year", _MISSING), f"{p}.year")
            code = r.choice(item.get("code", _MISSING), f"{p}.code", AWARD_CODES, "award code")
            if y is not None and code is not None:
                awards.append(AchievementRecord(y, code))

    inits, seen = [], set()
    for p, item in r.items(data, "initiatives", path):
        if r.obj(item, p, ("id", "year", "scope", "used_for")) is None:
            continue
        ident = item.get("id")
        if not isinstance(ident, str) or not ident:
            r.bad(f"{p}.id", "missing required field" if ident is None else "expected a string")
        elif ident in seen:
            r.bad(f"{p}.id", f'duplicate initiative "{ident}"')
        seen.add(ident)
        y = r.year(item.get("year", _MISSING), f"{p}.year")
        scope = r.choice(item.get("scope", _MISSING), f"{p}.scope", SCOPES, "scope")
        used = r.choice(
            item.get("used_for"), f"{p}.used_for", AWARD_CODES, "award code", required=False
        )
        if isinstance(ident, str) and ident and y is not None and scope is not None:
            inits.append(InitiativeRecord(ident, y, scope, used))

    discipline = []
    for p, item in r.items(data, "discipline", path):
        if r.obj(item, p, ("year", "level")) is not None:
            y = r.year(item.get("year", _MISSING), f"{p}.year")
            level = r.choice(
                item.get("level", _MISSING), f"{p}.level", DISCIPLINE_LEVELS, "discipline level"
            )
            if y is not None and level is not None:
                discipline.append(DisciplineRecord(y, level))

    ballot = None
    if data.get("ballot") is not None:
        p = _join(path, "ballot")
        b = r.obj(data["ballot"], p, ("yes", "members"))
        if b is not None:
            yes = r.count(b.get("yes", _MISSING), f"{p}.yes")
            members = r.count(b.get("members", _MISSING), f"{p}.members", positive=True)
            if yes is not None and members is not None:
                if yes > members:
                    r.bad(f"{p}.yes", f"{yes} yes votes but only {members} members")
                else:
                    ballot = Ballot(yes, members)

    collective = _collective(r, data, path, kind)

    candidates = None
    if data.get("candidates") is not None:
        candidates = []
        for p, item in r.items(data, "candidates", path):
            code = r.choice(item, p, AWARD_CODES, "award code")
            if code is not None and kind is not None and not applies_to(code, kind):
                r.bad(
                    p,
                    f'"{code}" does not apply to {"an" if kind == INDIVIDUAL else "a"} {kind} '
                    "subject",
                )
            elif code is not None:
                candidates.append(code)
    ident = data.get("id")
    if ident is not None and not isinstance(ident, str | int):
        r.bad(_join(path, "id"), "expected a string")
    if as_of is None or year is None or kind is None or r.problems:
        return None
    return Case(
        as_of=as_of,
        year=year,
        subject=Candidate(kind, recruited),
        ratings=tuple(ratings),
        awards=tuple(awards),
        initiatives=tuple(inits),
        discipline=tuple(discipline),
        ballot=ballot,
        collective=collective,
        candidates=None if candidates is None else tuple(candidates),
        rule_set=rule_set,
        dossier_lodged_on=lodged,
        id=None if ident is None else str(ident),
    )


COLLECTIVE_COUNTS = (
    "members_completing_tasks",
    "members_advanced_worker",
    "members_grassroots_fighter",
    "members_disciplined_warning_or_above",
)


def _collective(
    r: _Reader, data: dict[str, Any], path: str, kind: str | None
) -> CollectiveFacts | None:
    p = _join(path, "collective")
    raw = data.get("collective")
    if raw is None:
        if kind == COLLECTIVE:
            r.bad(p, "missing required field for a collective subject")
        return None
    if kind == INDIVIDUAL:
        r.bad(p, "must be null for an individual subject")
        return None
    c = r.obj(raw, p, ("members", "rating", "leads_block", *COLLECTIVE_COUNTS))
    if c is None:
        return None
    members = r.count(c.get("members", _MISSING), f"{p}.members", positive=True)
    counts = {}
    for name in COLLECTIVE_COUNTS:
        n = r.count(c.get(name, 0), f"{p}.{name}")
        if n is not None and members is not None and n > members:
            r.bad(f"{p}.{name}", f"{n} is more than the {members} members")
        counts[name] = n or 0
    rating = r.choice(c.get("rating"), f"{p}.rating", RATINGS, "rating", required=False)
    leads = c.get("leads_block")
    if leads is not None and not isinstance(leads, bool):
        r.bad(f"{p}.leads_block", f"expected true, false or null, got {_kind(leads)}")
        leads = None
    if members is None:
        return None
    return CollectiveFacts(members=members, rating=rating, leads_block=leads, **counts)


def _header(
    r: _Reader, data: dict[str, Any], rule_sets: tuple[str, ...]
) -> tuple[date | None, int | None, str, date | None]:
    as_of = r.date(data, "as_of", "", required=True)
    year = r.year(data.get("year", _MISSING), "year")
    rule_set = data.get("rule_set", "auto")
    if rule_set != "auto" and rule_set not in rule_sets:
        r.bad("rule_set", f"unknown rule set {json.dumps(rule_set, ensure_ascii=False)}")
    lodged = r.date(data, "dossier_lodged_on", "")
    if as_of is not None and year is not None and year > as_of.year:
        r.bad("year", f"{year} is after the decision date {as_of.isoformat()}")
    return as_of, year, rule_set, lodged


def parse_document(text: str, rule_sets: tuple[str, ...]) -> Case | UnitCase:
    """Parse a single case or a unit batch; raise `CaseError` listing every problem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError(
            [f"$: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"]
        ) from None
    except RecursionError:
        # json.loads recurses per level: a document nested ~1000 deep must not crash the caller.
        raise CaseError(["$: invalid JSON: nested too deeply"]) from None
    r = _Reader()
    if not isinstance(data, dict):
        raise CaseError([f"$: expected an object, got {_kind(data)}"])
    if "cases" in data:
        r.obj(data, "", (*TOP_FIELDS, "unit", "cases"))
        as_of, year, rule_set, lodged = _header(r, data, rule_sets)
        unit = r.obj(data.get("unit") or {}, "unit", ("name", "advanced_workers")) or {}
        extra = r.count(unit.get("advanced_workers", 0), "unit.advanced_workers") or 0
        cases = []
        for p, item in r.items(data, "cases", ""):
            if r.obj(item, p, CASE_FIELDS) is not None:
                cases.append(_case_body(r, item, p, as_of, year, rule_set, lodged))
        if r.problems or as_of is None or year is None:
            raise CaseError(r.problems)
        return UnitCase(
            as_of,
            year,
            tuple(c for c in cases if c is not None),
            str(unit.get("name", "")),
            extra,
            rule_set,
            lodged,
        )
    r.obj(data, "", (*TOP_FIELDS, *CASE_FIELDS))
    as_of, year, rule_set, lodged = _header(r, data, rule_sets)
    case = _case_body(r, data, "", as_of, year, rule_set, lodged)
    if r.problems or case is None:
        raise CaseError(r.problems)
    return case
