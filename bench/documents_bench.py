"""Benchmark the official documents against the bare libraries they are built on (issue #9 §6).

(1) A decision with a 500-line attached list:
    .docx  — ``render_decision_docx`` vs bare docxtpl rendering the same rows into a template
             that holds only the table;
    PDF    — ``render_decision_pdf`` vs bare WeasyPrint laying out the same rows as a plain
             HTML table. Target: ratio ≤ 1.5×.
(2) 1,000 certificates: ``render_certificates_pdf`` (chunks of 50 pages joined with pypdf) vs
    WeasyPrint laying out the same pages as one combined document. Time (target ≤ 1.5×) and
    peak memory (resident set of a fresh process per run, at 250 and 1,000 pages: the batch
    should stay flat, the combined document grows with the pages).

    .venv/bin/python bench/documents_bench.py            # full run, a few minutes
    .venv/bin/python bench/documents_bench.py --quick    # 100-line decision, 100/200 pages
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx
from docxtpl import DocxTemplate
from weasyprint import HTML

from harness import best_of
from tdkt.documents.official import render_decision_docx, render_decision_pdf
from tdkt.documents.official.certificates import (
    DEFAULT_LAYOUTS,
    _page,
    _page_css,
    render_certificates_pdf,
)
from tdkt.documents.official.formatting import money
from tdkt.documents.official.pdf_render import environment, html_to_pdf
from tdkt.documents.official.samples import sample_certificates, sample_decision

COLUMNS = ("STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị công tác", "Số tiền", "Ghi chú")


def bare_docx_template(folder: Path) -> Path:
    """A .docx holding only the list table, its rows a docxtpl loop."""
    document = docx.Document()
    table = document.add_table(rows=4, cols=len(COLUMNS))
    for cell, text in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for r in rows %}"
    for cell, field in zip(table.rows[2].cells, ("index", "name", "unit", "amount", "note"),
                           strict=True):  # fmt: skip
        cell.text = f"{{{{ r.{field} }}}}"
    table.rows[3].cells[0].text = "{%tr endfor %}"
    path = folder / "bare.docx"
    document.save(str(path))
    return path


def bare_rows(lines: int) -> list[dict[str, object]]:
    doc = sample_decision(lines=lines)
    return [
        {"index": i, "name": line.name, "unit": line.position_unit,
         "amount": money(line.amount), "note": line.note}
        for i, line in enumerate(doc.lines, start=1)
    ]  # fmt: skip


def bare_html(rows: list[dict[str, object]]) -> str:
    head = "".join(f"<th>{c}</th>" for c in COLUMNS)
    body = "".join(
        f"<tr><td>{r['index']}</td><td>{r['name']}</td><td>{r['unit']}</td>"
        f"<td>{r['amount']}</td><td>{r['note']}</td></tr>"
        for r in rows
    )
    return f"<html><body><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def decision_bench(lines: int, repeat: int) -> None:
    doc = sample_decision(lines=lines)
    rows = bare_rows(lines)
    with tempfile.TemporaryDirectory() as folder:
        template = bare_docx_template(Path(folder))

        def bare_docx() -> None:
            tpl = DocxTemplate(template)
            tpl.render({"rows": rows}, autoescape=True)
            tpl.save(io.BytesIO())

        docx_ours, docx_bare = best_of(repeat, lambda: render_decision_docx(doc), bare_docx)
    html = bare_html(rows)
    pdf_ours, pdf_bare = best_of(
        repeat, lambda: render_decision_pdf(doc), lambda: HTML(string=html).write_pdf()
    )
    print(f"\nDecision with a {lines}-line attached list (best of {repeat})")
    print(f"{'format':<6} {'bare library s':>15} {'tdkt s':>8} {'ratio':>7}  target")
    for name, bare, ours in (("docx", docx_bare, docx_ours), ("pdf", pdf_bare, pdf_ours)):
        print(f"{name:<6} {bare:>15.3f} {ours:>8.3f} {ours / bare:>6.2f}×  ≤ 1.5×")


def certificates_child(kind: str, pages: int) -> None:
    """Run in a fresh process: render ``pages`` certificates and print time and peak RSS."""
    certs = sample_certificates(pages)
    started = time.perf_counter()
    if kind == "batch":
        with tempfile.TemporaryFile() as out:
            render_certificates_pdf(certs, out)
    else:
        layouts = DEFAULT_LAYOUTS
        html = (
            environment()
            .get_template("certificate.html")
            .render(pages=[_page(c, layouts[c.kind], on_blank=False) for c in certs])
        )
        html_to_pdf(html, extra_css=_page_css(layouts))
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))


def run_child(kind: str, pages: int) -> dict[str, float]:
    out = subprocess.run(  # noqa: S603 (this script, fixed arguments)
        [sys.executable, __file__, "--child", kind, str(pages)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def certificates_bench(sizes: list[int]) -> None:
    print("\nCertificates (Giấy khen, A4 landscape), one fresh process per run")
    print(f"{'pages':>6} {'combined s':>11} {'batch s':>8} {'ratio':>7}   "
          f"{'combined MB':>11} {'batch MB':>9}")  # fmt: skip
    for pages in sizes:
        combined = run_child("combined", pages)
        batch = run_child("batch", pages)
        print(
            f"{pages:>6} {combined['seconds']:>11.2f} {batch['seconds']:>8.2f} "
            f"{batch['seconds'] / combined['seconds']:>6.2f}×   "
            f"{combined['peak_mb']:>11.0f} {batch['peak_mb']:>9.0f}"
        )
    print("target: batch time ≤ 1.5× combined; batch memory flat in the number of pages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PAGES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        certificates_child(args.child[0], int(args.child[1]))
        return
    if args.quick:
        decision_bench(100, 1)
        certificates_bench([100, 200])
    else:
        decision_bench(500, 3)
        certificates_bench([250, 1000])


if __name__ == "__main__":
    main()
