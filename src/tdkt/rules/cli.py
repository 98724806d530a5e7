"""Command line of the rule engine: `evaluate`, `explain`, `list-parameters`.

Used as `tdkt rules …` through the Django management command, and directly as
`python -m tdkt.rules.cli …`. Exit 0 when a case was evaluated (whatever the verdicts), 2 for
a malformed case or a usage error, with one line per problem on standard error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol, TextIO

from .document import evaluate_text
from .explain import explain_text
from .params import UNITS, ParameterError, format_plain, split_key
from .regimes.registry import REGISTRY, RuleSetError
from .schema import CaseError
from .text import LANGUAGES

USAGE_ERROR = 2


class Writer(Protocol):
    """Where output goes: a text stream, or a management command's ``OutputWrapper``."""

    def write(self, s: str, /) -> object: ...

    def writelines(self, lines: Iterable[str], /) -> object: ...


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


class _InputError(Exception):
    """Problems with the command's own input (a file, a `--param`, a code): one line each."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tdkt rules", description="Legal rule engine (thi đua – khen thưởng).")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    ev = sub.add_parser("evaluate", help="evaluate a case or a unit batch (JSON file or -)")
    ev.add_argument("case", help="CASE.json, or - for standard input")
    ev.add_argument("--lang", choices=LANGUAGES, default="vi")
    ev.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="local parameter override (repeatable); NAME or RULESET:NAME",
    )
    ex = sub.add_parser("explain", help="print the conditions of a title or form")
    ex.add_argument("code")
    ex.add_argument("--rule-set", default=None, help="default: the latest active rule set")
    ex.add_argument("--lang", choices=LANGUAGES, default="vi")
    ex.add_argument("--param", action="append", default=[], metavar="NAME=VALUE")
    lp = sub.add_parser("list-parameters", help="list the parameters of rule sets")
    lp.add_argument("--rule-set", default=None, help="default: every rule set")
    lp.add_argument("--lang", choices=LANGUAGES, default="vi")
    lp.add_argument("--param", action="append", default=[], metavar="NAME=VALUE")
    return parser


def _overrides(pairs: list[str], base: Mapping[str, Any] | None) -> dict[str, Any]:
    out = dict(base or {})
    problems = []
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name:
            problems.append(f"--param {pair}: expected NAME=VALUE")
            continue
        if split_key(name)[1] not in REGISTRY.known_parameters:
            problems.append(f"--param {name}: unknown parameter")
            continue
        out[name] = raw
    if problems:
        raise _InputError(problems)
    return out


def _evaluate(args: argparse.Namespace, overrides: dict[str, Any], stdin: TextIO) -> dict[str, Any]:
    try:
        text = stdin.read() if args.case == "-" else Path(args.case).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _InputError([f"{args.case}: cannot read ({exc.__class__.__name__}: {exc})"]) from None
    return evaluate_text(text, lang=args.lang, overrides=overrides)


def _list_parameters(args: argparse.Namespace, overrides: dict[str, Any]) -> str:
    names = [args.rule_set] if args.rule_set else list(REGISTRY.names())
    out = []
    for name in names:
        rs = REGISTRY.get(name)
        out.append(f"# {rs.name}: {rs.title.get(args.lang)}")
        for pv in REGISTRY.values(rs, overrides).values():
            p = pv.parameter
            marks = (" [UNVERIFIED]" if p.unverified else "") + (
                " [local]" if pv.overridden else ""
            )
            unit = UNITS[p.unit].get(args.lang)
            out.append(
                f"{p.name} = {format_plain(pv.value) or '—'}{f' ({unit})' if unit else ''}{marks}"
                f" — {p.citation}\n    {p.label.get(args.lang)}: {p.description.get(args.lang)}"
            )
        out.append("")
    return "\n".join(out)


def main(
    argv: list[str] | None = None,
    *,
    stdout: Writer | None = None,
    stderr: Writer | None = None,
    overrides: Mapping[str, Any] | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the command line; return the exit code instead of exiting.

    `overrides` are local parameters (e.g. a city's) applied under any `--param` given.
    """
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    except _UsageError as exc:
        err.write(f"{exc}\n")
        return USAGE_ERROR
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    try:
        local = _overrides(args.param, overrides)
        if args.command == "evaluate":
            doc = _evaluate(args, local, stdin or sys.stdin)
            out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        elif args.command == "explain":
            rs = REGISTRY.get(args.rule_set) if args.rule_set else REGISTRY.latest(local)
            if args.code not in {r.code for r in rs.rules}:
                raise _InputError([f'code: unknown award code "{args.code}"'])
            out.write(explain_text(rs, args.code, REGISTRY.values(rs, local), args.lang))
        else:
            if args.rule_set:
                REGISTRY.get(args.rule_set)
            out.write(_list_parameters(args, local))
    except CaseError as exc:
        err.writelines(f"{line}\n" for line in exc.lines("en"))
        return USAGE_ERROR
    except _InputError as exc:
        err.writelines(f"{line}\n" for line in exc.lines)
        return USAGE_ERROR
    except (RuleSetError, ParameterError) as exc:
        err.write(f"{str(exc).strip(chr(39))}\n")
        return USAGE_ERROR
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
