"""The layout rules of docs/decisions/0012 and 0014, checked on the source tree.

* Interfaces stay thin: web, API, admin and command-line code never write models, and never
  read them except through a scoped selector (STYLE.md §7 rules 1, 2 and 4).
* Each app owns its screens: views live in ``views.py`` or ``views/``, templates under
  ``templates/<app_label>/``, and an app renders only its own templates and the shared ones
  of ``tdkt.web``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin

SRC = Path(__file__).resolve().parents[1] / "src" / "tdkt"
APPS = sorted(p.parent.name for p in SRC.glob("*/apps.py"))


def _modules(*patterns: str) -> list[Path]:
    return sorted({path for pattern in patterns for path in SRC.glob(pattern)})


INTERFACE_MODULES = _modules(
    "web/**/*.py",
    "api/**/*.py",
    "*/views.py",
    "*/views/*.py",
    "*/forms.py",
    "*/forms/*.py",
    "*/urls.py",
    "*/admin.py",
    "*/management/commands/*.py",
)

# --- no model writes in interfaces ------------------------------------------------------------

WRITE_METHODS = {
    "save",
    "create",
    "update",
    "delete",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}


def _writes(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(SRC)}:{node.lineno} .{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in WRITE_METHODS
    ]


def test_interface_modules_make_no_model_writes():
    """No view, form, API module, admin or command calls save/create/update/delete on a model."""
    assert len(INTERFACE_MODULES) > 30
    offenders = [line for path in INTERFACE_MODULES for line in _writes(path)]
    assert offenders == []


# --- no model reads in interfaces except through scoped selectors -----------------------------

MANAGERS = {"objects", "_default_manager", "_base_manager"}
QUERYSET_BUILDERS = {
    "aggregate",
    "alias",
    "annotate",
    "complex_filter",
    "dates",
    "datetimes",
    "defer",
    "difference",
    "distinct",
    "exclude",
    "extra",
    "filter",
    "in_bulk",
    "intersection",
    "only",
    "order_by",
    "prefetch_related",
    "raw",
    "select_for_update",
    "select_related",
    "union",
    "using",
    "values_list",
}
QUERY_EXPRESSIONS = {
    "Avg",
    "Case",
    "Count",
    "Exists",
    "F",
    "Max",
    "Min",
    "OuterRef",
    "Prefetch",
    "Q",
    "Subquery",
    "Sum",
    "Value",
    "When",
    "prefetch_related_objects",
}
# The few interface modules allowed to read models themselves, each with its reason.
READS_ALLOWED = {
    "audit/admin.py": (
        "The read-only audit admin's list filter narrows the queryset Django's admin hands it "
        "(administrators only); the column has no choices, so the filter lists the enum."
    ),
    "accounts/admin.py": (
        "Django's own user admin, for administrators only; it locks the account row it saves "
        "to record the audit event in the same transaction (docs/decisions/0014)."
    ),
    "documents/management/commands/import.py": (
        "Resolves the account named by --as (or the first administrator): the shell user is "
        "trusted, and the import then runs with that account's scope."
    ),
}


def _reads(path: Path, root: Path = SRC) -> list[str]:
    """Return the lines where ``path`` reads models without a selector."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(root)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in MANAGERS:
            found.append(f"{where}:{node.lineno} .{node.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            # dict.values() and dict.get(key) share names with queryset methods: only the
            # queryset forms (values("field"), get(pk=…)) are reads.
            field_names = bool(node.args) and all(
                isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in node.args
            )
            if (
                name in QUERYSET_BUILDERS
                or (name == "values" and (field_names or node.keywords))
                or (name == "get" and node.keywords)
            ):
                found.append(f"{where}:{node.lineno} .{name}()")
        elif isinstance(node, ast.ImportFrom) and node.module == "django.db.models":
            found.extend(
                f"{where}:{node.lineno} import {alias.name}"
                for alias in node.names
                if alias.name in QUERY_EXPRESSIONS
            )
    return found


def test_interface_modules_read_models_only_through_selectors():
    """No view, form, API module, admin or command builds a queryset or touches a manager:
    each read goes through a selector that is already scoped to the actor."""
    offenders = [
        line
        for path in INTERFACE_MODULES
        if str(path.relative_to(SRC)) not in READS_ALLOWED
        for line in _reads(path)
    ]
    assert offenders == []


def test_the_read_check_catches_what_it_forbids(tmp_path):
    """The check flags a manager, a queryset filter, a keyword get and a Q import, and lets
    dict methods pass."""
    sample = tmp_path / "views.py"
    sample.write_text(
        "from django.db.models import Q, QuerySet\n"
        "a = Person.objects.all()\n"
        "b = qs.filter(x=1)\n"
        "c = qs.get(pk=1)\n"
        "d = {}.get('k')\n"
        "e = {}.values()\n"
        "f = qs.values('name')\n"
        "g = registry.values(rule_set, overrides)\n",
        encoding="utf-8",
    )
    found = sorted(
        _reads(sample, root=tmp_path), key=lambda line: int(line.split(":")[1].split()[0])
    )
    assert [line.split(" ", 1)[1] for line in found] == [
        "import Q",
        ".objects",
        ".filter()",
        ".get()",
        ".values()",
    ]


def test_every_allowed_read_names_an_existing_module_and_a_reason():
    """The allow-list stays short and honest: each entry exists and says why."""
    for module, reason in READS_ALLOWED.items():
        assert (SRC / module).exists(), module
        assert len(reason) > 40, module


@pytest.mark.django_db
def test_admin_pages_of_tdkt_models_read_through_selectors():
    """Every admin page of a tdkt model overrides ``get_queryset`` (a scoped selector), except
    the administrators-only pages of accounts and the audit trail."""
    administrators_only = {"accounts.user", "audit.auditevent"}
    offenders = []
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        if not model.__module__.startswith("tdkt.") or label in administrators_only:
            continue
        if type(model_admin).get_queryset is admin.ModelAdmin.get_queryset:
            offenders.append(label)
    assert offenders == []


# --- each app owns its screens ----------------------------------------------------------------

SHARED_TEMPLATES = re.compile(r"^web/(base\.html|partials/[\w.]+\.html|(40[034]|500)\.html)$")
TEMPLATE_NAME = re.compile(r"""["']([\w/.-]+\.html)["']""")
# tdkt.web's own pages: the dashboard, every user's background jobs, the official calendar
# (tdkt.core's models have no app of screens, decision 0052) and the error handlers.
WEB_VIEW_MODULES = {"__init__.py", "dashboard.py", "jobs.py", "calendar.py", "errors.py"}


def test_app_labels_match_their_package_names():
    """``templates/<app_label>/`` and URL namespaces rely on label == package name."""
    for app in APPS:
        assert apps.get_app_config(app).name == f"tdkt.{app}"


def test_only_tdkt_web_holds_base_and_shared_templates():
    """No app but tdkt.web has a base template or a ``templates/web/`` folder."""
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.glob("*/templates/**/*")
        if path.is_file()
        and path.relative_to(SRC).parts[0] != "web"
        and (path.name == "base.html" or path.relative_to(SRC).parts[2] == "web")
    ]
    assert offenders == []


def test_templates_live_under_their_app_label():
    """Every template of an app sits under ``templates/<app_label>/`` (or ``templates/admin/``
    for an override of the Django admin's own templates)."""
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.glob("*/templates/**/*.html")
        if path.relative_to(SRC).parts[2] not in (path.relative_to(SRC).parts[0], "admin")
    ]
    assert offenders == []


def test_views_live_in_views_modules():
    """A module that renders a page or wraps a web view is its app's ``views.py``/``views/``
    (the error mapping in ``tdkt.web.decorators`` is the shared exception)."""
    offenders = []
    for path in SRC.glob("**/*.py"):
        where = path.relative_to(SRC)
        if where.parts[-1] == "views.py" or "views" in where.parts[:-1]:
            continue
        if str(where) == "web/decorators.py" or where.parts[0] == "api":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*@web_view\b|\brender\(request,", text, re.MULTILINE):
            offenders.append(str(where))
    assert offenders == []
    web_views = {p.name for p in (SRC / "web" / "views").glob("*.py")}
    assert web_views <= WEB_VIEW_MODULES


def _template_references(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return re.findall(r"""\{%\s*(?:extends|include)\s+["']([^"']+)["']""", text)
    return TEMPLATE_NAME.findall(text)


OFFICIAL_DOCUMENTS = SRC / "documents" / "official"


def test_apps_render_only_their_own_and_the_shared_templates():
    """Python code and templates of an app name only templates of that app or the shared
    ones of tdkt.web (base layout, partials, error pages)."""
    offenders = []
    for app in APPS:
        files = [*(SRC / app).glob("**/*.py"), *(SRC / app).glob("templates/**/*.html")]
        for path in files:
            if OFFICIAL_DOCUMENTS in path.parents:
                continue  # Jinja2 templates of its own environment, not Django templates
            for name in _template_references(path):
                if name.startswith(f"{app}/") or SHARED_TEMPLATES.match(name):
                    continue
                if name.startswith(("admin/", "registration/", "rest_framework/")):
                    continue
                offenders.append(f"{path.relative_to(SRC)} → {name}")
    assert offenders == []
