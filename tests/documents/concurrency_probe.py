"""Use the application as a person would while an import runs, and report every answer.

Run by ``test_import_concurrency`` in its own process, against the database the import
writes to (``TDKT_DATABASE_URL``): again and again until the file named on the command line
appears, a unit head signs in, opens a person's edit form and saves it with a new phone
number, as a browser would (every field of the form sent back, whatever it holds). Prints one
JSON list of ``[what, status, started, ended]`` (wall-clock seconds).
"""

from __future__ import annotations

import json
import os
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tdkt.settings.test")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from tdkt.organizations.models import Person  # noqa: E402
from tests.builders import PASSWORD  # noqa: E402


class FormFields(HTMLParser):
    """The values a browser would submit from the page's form with a phone field."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        name = found.get("name", "")
        if tag == "input" and name and found.get("type") not in {"submit", "button", "file"}:
            if found.get("type") in {"checkbox", "radio"} and "checked" not in found:
                return
            self.fields[name] = found.get("value", "")
        elif tag == "select" and name:
            self.select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and self.select and "selected" in found:
            self.fields[self.select] = found.get("value", "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.fields[self.textarea] += data


def main() -> None:
    stop = Path(sys.argv[1])
    person = Person.objects.get(citizen_id="001085012345")
    edit = f"/people/{person.uuid}/edit/"
    answers: list[list[object]] = []
    number = 0
    while not stop.exists() or number == 0:
        client = Client()
        started = time.time()
        login = client.post("/login/", {"username": "investment_head", "password": PASSWORD})
        answers.append(["login", login.status_code, started, time.time()])
        started = time.time()
        form = FormFields()
        form.feed(client.get(edit).content.decode())
        form.fields["phone"] = f"09{number:08d}"
        saved = client.post(edit, form.fields)
        answers.append(["edit", saved.status_code, started, time.time()])
        number += 1
        time.sleep(0.5)
    print(json.dumps(answers))


if __name__ == "__main__":
    main()
