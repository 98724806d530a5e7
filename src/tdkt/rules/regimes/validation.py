"""Check the rule data at import: a registry that is incomplete or inconsistent never loads.

Adding an award code, a condition kind or a regime touches several tables (the code's
declaration, a rule per rule set, its prize coefficient, labels in two languages); the check
names every gap in one message, so a forgotten step fails the first test run instead of an
officer's evaluation (docs/rules/README.md, "Adding an award code").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from tdkt.rules.checks import IMPLICIT_PARAMETERS, KINDS
from tdkt.rules.codes import AWARD, AWARDS, DISCIPLINE_LEVELS, RATINGS, SCOPES, AwardCode
from tdkt.rules.conditions import Cond, Ref
from tdkt.rules.explain import REQ
from tdkt.rules.labels import VOCABULARIES
from tdkt.rules.messages import CATALOGUES
from tdkt.rules.params import CHOICE_TEXT, UNITS, Parameter, ParameterError
from tdkt.rules.text import LANGUAGES, Text

from .base import Rule, RuleSet

# Parameters the engine reads for every rule, whatever its conditions.
ALWAYS_READ = ("prize.rounding",)
_LITERAL_VOCABULARIES = {
    "code": tuple(AWARD),
    "or_award": tuple(AWARD),
    "min_rating": RATINGS,
    "scope": SCOPES,
    "level": DISCIPLINE_LEVELS,
    "field": tuple(VOCABULARIES["field"]),
}


class RegistryError(ValueError):
    """The rule data is incomplete or inconsistent; `problems` lists every finding."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        listing = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"the rule registry is invalid ({len(problems)} problems):\n{listing}")


def _blank(text: Text) -> list[str]:
    return [lang for lang in LANGUAGES if not text.get(lang).strip()]


def _labels(awards: tuple[AwardCode, ...]) -> Iterator[str]:
    for award in awards:
        for lang in _blank(award.label):
            yield f"award code {award.code}: no {lang} label"
    for name, vocabulary in VOCABULARIES.items():
        for value, text in vocabulary.items():
            for lang in _blank(text):
                yield f"{name} {value}: no {lang} label"
    for lang in LANGUAGES:
        if set(REQ[lang]) != set(REQ["vi"]):
            yield f"explanations: {lang} and vi templates differ"
        if set(CATALOGUES[lang]) != set(CATALOGUES["vi"]):
            yield f"messages: {lang} and vi keys differ"


def _parameter(rs: RuleSet, p: Parameter) -> Iterator[str]:
    where = f"{rs.name}: parameter {p.name}"
    for lang in _blank(p.label):
        yield f"{where}: no {lang} label"
    for lang in _blank(p.description):
        yield f"{where}: no {lang} description"
    if p.unit not in UNITS:
        yield f"{where}: unknown unit {p.unit!r}"
    for value in p.choices:
        if value not in CHOICE_TEXT:
            yield f"{where}: choice {value!r} has no label"
    try:
        p.coerce(p.default)
    except ParameterError as exc:
        yield f"{where}: default {p.default!r} is outside its own type or range ({exc})"


def _conditions(conds: Iterable[Cond]) -> Iterator[Cond]:
    for cond in conds:
        yield cond
        yield from _conditions(cond.subs)


def _rule(rs: RuleSet, rule: Rule, parameters: set[str]) -> Iterator[str]:
    where = f"{rs.name}: rule {rule.code} ({rule.kind})"
    if rule.coefficient not in parameters:
        yield f"{where}: prize coefficient {rule.coefficient} is not a parameter of {rs.name}"
    if bool(rule.note.vi.strip()) != bool(rule.note.en.strip()):
        yield f"{where}: the note needs both a vi and an en text"
    for cond in _conditions(rule.all_conditions):
        if cond.kind not in KINDS:
            yield f"{where}: unknown condition kind {cond.kind!r}"
            continue
        if cond.kind not in REQ["vi"]:
            yield f"{where}: condition kind {cond.kind!r} has no explanation text"
        if not cond.citation.strip():
            yield f"{where}: a {cond.kind} condition cites no article"
        needed = [v.name for _, v in cond.args if isinstance(v, Ref)]
        for name in [*needed, *IMPLICIT_PARAMETERS[cond.kind]]:
            if name not in parameters:
                yield f"{where}: parameter {name} is referenced but not declared in {rs.name}"
        for arg, allowed in _LITERAL_VOCABULARIES.items():
            literal = cond.arg(arg)
            if isinstance(literal, str) and literal not in allowed:
                yield f"{where}: {arg} {literal!r} is not a known value"


def _coverage(rs: RuleSet, awards: tuple[AwardCode, ...]) -> Iterator[str]:
    known = {a.code for a in awards}
    declared = Counter((r.code, r.kind) for r in rs.rules)
    declared.update((n.code, n.kind) for n in rs.not_applicable)
    for award in awards:
        for kind in award.subject_kinds:
            n = declared.pop((award.code, kind), 0)
            if n == 0:
                yield (
                    f"{rs.name}: no rule for {award.code} ({kind}) — add a Rule, or a "
                    "NotApplicable entry saying why the rule set has none"
                )
            elif n > 1:
                yield f"{rs.name}: {n} rules or NotApplicable entries for {award.code} ({kind})"
    for code, kind in declared:
        if code not in known:
            yield f"{rs.name}: rule for unknown award code {code!r} — declare it in codes.AWARDS"
        else:
            yield f"{rs.name}: rule for {code} ({kind}), a subject kind the code does not apply to"


def problems_of(rule_sets: Iterable[RuleSet], awards: tuple[AwardCode, ...] = AWARDS) -> list[str]:
    """Return every problem of a set of rule sets (empty when the data is complete).

    `awards` is the table of award codes (`codes.AWARDS`); tests pass another one to show
    what a new code still needs.
    """
    found = list(_labels(awards))
    rule_sets = list(rule_sets)
    names = Counter(rs.name for rs in rule_sets)
    found += [f"rule set {name} is declared {n} times" for name, n in names.items() if n > 1]
    for rs in rule_sets:
        for lang in _blank(rs.title):
            found.append(f"{rs.name}: no {lang} title")
        params = rs.all_parameters()
        counts = Counter(p.name for p in params)
        found += [f"{rs.name}: parameter {n} declared twice" for n, c in counts.items() if c > 1]
        parameter_names = set(counts)
        for p in params:
            found += _parameter(rs, p)
        found += [
            f"{rs.name}: parameter {name} is read by every rule but not declared"
            for name in ALWAYS_READ
            if name not in parameter_names
        ]
        found += _coverage(rs, awards)
        for rule in rs.rules:
            found += _rule(rs, rule, parameter_names)
        for cap in rs.caps:
            if cap.percent not in parameter_names:
                found.append(f"{rs.name}: cap on {cap.code} reads undeclared {cap.percent}")
            for code in (cap.code, cap.basis_code):
                if code not in AWARD:
                    found.append(f"{rs.name}: cap names unknown award code {code!r}")
        for t in rs.transitions:
            if t.use not in names:
                found.append(f"{rs.name}: transition to unknown rule set {t.use!r}")
    return found


def validate(rule_sets: Iterable[RuleSet], awards: tuple[AwardCode, ...] = AWARDS) -> None:
    """Raise `RegistryError` naming every problem of the rule data."""
    found = problems_of(rule_sets, awards)
    if found:
        raise RegistryError(found)
