"""Printing HTML to PDF: both engines, the choice of engine, and the errors a facilitator sees."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pypdf
import pytest

from ikm_curriculum.errors import ReportError
from ikm_curriculum.reports import pdf
from ikm_curriculum.reports.pdf import choose_engine, html_to_pdf, html_to_pdf_many, render_page, write_text_atomic

PAGE = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Uji</title>
<style>@page {{ size: {size}; margin: 15mm; }} body {{ font-family: "DejaVu Sans", sans-serif; }}</style></head>
<body><h1>Laporan Sentra Abon Ikan</h1><p>Nilai akhir 72,5 %</p>{more}</body></html>"""
A4_POINTS = (595, 842)  # ISO 216: A4 = 210 × 297 mm = 595.3 × 841.9 pt (1 pt = 1/72 inch)


def write_page(folder: Path, size: str = "A4", more: str = "", name: str = "uji.html") -> Path:
    path = folder / name
    path.write_text(PAGE.format(size=size, more=more), "utf-8")
    return path


def page_sizes(path: Path) -> list[tuple[int, int]]:
    reader = pypdf.PdfReader(path)
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def check_printed(output: Path, landscape: bool = False) -> None:
    assert output.read_bytes()[:5] == b"%PDF-"
    sizes = page_sizes(output)
    assert len(sizes) == 1
    assert sizes[0] == (A4_POINTS[::-1] if landscape else A4_POINTS)
    text = text_of(output)
    assert "Laporan Sentra Abon Ikan" in text and "72,5 %" in text
    assert not [p for p in output.parent.iterdir() if ".partial" in p.name]  # no temporary file left


def test_weasyprint_prints_a4_with_text(tmp_path: Path) -> None:
    output = html_to_pdf(write_page(tmp_path), tmp_path / "out" / "uji.pdf", engine="weasyprint")
    assert output == tmp_path / "out" / "uji.pdf"
    check_printed(output)


def test_weasyprint_follows_css_page_size_and_breaks_pages(tmp_path: Path) -> None:
    landscape = html_to_pdf(write_page(tmp_path, "A4 landscape"), tmp_path / "l.pdf", engine="weasyprint")
    check_printed(landscape, landscape=True)
    long = write_page(tmp_path, more="<p>baris</p>" * 200, name="panjang.html")
    assert len(page_sizes(html_to_pdf(long, tmp_path / "panjang.pdf", engine="weasyprint"))) > 1


@pytest.mark.slow
def test_chromium_prints_a4_and_landscape(tmp_path: Path) -> None:
    if pdf.find_chromium() is None:
        pytest.skip("no Chromium on this machine")
    check_printed(html_to_pdf(write_page(tmp_path), tmp_path / "c.pdf", engine="chromium"))
    landscape = write_page(tmp_path, "A4 landscape", name="l.html")
    check_printed(html_to_pdf(landscape, tmp_path / "l.pdf", engine="chromium"), landscape=True)


@pytest.mark.slow
def test_chromium_prints_many_in_parallel(tmp_path: Path) -> None:
    if pdf.find_chromium() is None:
        pytest.skip("no Chromium on this machine")
    pairs = [(write_page(tmp_path, name=f"p{i}.html"), tmp_path / f"p{i}.pdf") for i in range(3)]
    printed = html_to_pdf_many(pairs, engine="chromium", workers=3)
    assert printed == [target for _, target in pairs]
    for path in printed:
        check_printed(path)


def test_many_with_weasyprint_keeps_order(tmp_path: Path) -> None:
    pairs = [(write_page(tmp_path, name=f"p{i}.html"), tmp_path / f"p{i}.pdf") for i in range(2)]
    assert html_to_pdf_many(pairs, engine="weasyprint") == [tmp_path / "p0.pdf", tmp_path / "p1.pdf"]
    assert all(path.read_bytes()[:5] == b"%PDF-" for _, path in pairs)


def test_missing_chromium_gives_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "no-such-chromium"
    monkeypatch.setenv("IKM_CHROMIUM", str(missing))
    with pytest.raises(ReportError, match=r"IKM_CHROMIUM=.*no-such-chromium.*not an executable"):
        html_to_pdf(write_page(tmp_path), tmp_path / "x.pdf", engine="chromium")
    assert not (tmp_path / "x.pdf").exists()


def test_no_engine_at_all_says_how_to_install_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IKM_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no browser on PATH
    monkeypatch.setattr(pdf, "weasyprint_available", lambda: False)
    with pytest.raises(ReportError) as caught:
        choose_engine("auto")
    assert "apt-get install -y chromium" in str(caught.value)
    assert 'pip install "ikm-curriculum[pdf]"' in str(caught.value)
    with pytest.raises(ReportError, match="no Chromium found"):
        choose_engine("chromium")
    with pytest.raises(ReportError, match="weasyprint"):
        choose_engine("weasyprint")


def test_auto_falls_back_to_weasyprint_without_chromium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IKM_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert choose_engine("auto") == "weasyprint"
    check_printed(html_to_pdf(write_page(tmp_path), tmp_path / "auto.pdf"))


def test_unknown_engine_and_missing_file_are_named(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match=r"PDF engine 'wkhtml': expected one of auto, chromium, weasyprint"):
        choose_engine("wkhtml")
    with pytest.raises(ReportError, match=r"hilang\.html: no such HTML file"):
        html_to_pdf(tmp_path / "hilang.html", tmp_path / "x.pdf", engine="weasyprint")


def fake_browser(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "fake-chromium"
    script.write_text("#!/bin/sh\n" + body, "utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_failing_browser_is_reported_with_its_exit_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IKM_CHROMIUM", str(fake_browser(tmp_path, "echo 'kaput' >&2\nexit 3\n")))
    with pytest.raises(ReportError, match=r"exit code 3.*kaput"):
        html_to_pdf(write_page(tmp_path), tmp_path / "x.pdf", engine="chromium")
    assert not (tmp_path / "x.pdf").exists()


def test_browser_output_that_is_not_a_pdf_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writes_text = 'for a in "$@"; do case "$a" in --print-to-pdf=*) echo hello > "${a#--print-to-pdf=}";; esac; done\n'
    monkeypatch.setenv("IKM_CHROMIUM", str(fake_browser(tmp_path, writes_text)))
    target = tmp_path / "x.pdf"
    target.write_bytes(b"%PDF-1.7 an older good file")
    with pytest.raises(ReportError, match="not a PDF"):
        html_to_pdf(write_page(tmp_path), target, engine="chromium")
    assert target.read_bytes().startswith(b"%PDF-1.7 an older")  # the old file is not replaced by a bad one


def test_browser_that_hangs_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IKM_CHROMIUM", str(fake_browser(tmp_path, "sleep 30\n")))
    with pytest.raises(ReportError, match=r"did not print .* within 0\.5 s"):
        html_to_pdf(write_page(tmp_path), tmp_path / "x.pdf", engine="chromium", timeout=0.5)


def test_render_page_escapes_and_rejects_unknown_names(tmp_path: Path) -> None:
    html = render_page(
        ("templates", "certificate"),
        "certificate.html.j2",
        {
            "t": lambda key, **fields: key,
            "lang": "id",
            "code": "IKM-0000-0000",
            "dates": "",
            "issued": "",
            "hours": 24,
            "p": {"nama": "<b>Wa Ode</b>", "sentra": "S", "kabupaten_kota": ""},
            "info": {"title": "T", "place": "", "organiser": "", "facilitators": []},
        },
    )
    assert "&lt;b&gt;Wa Ode&lt;/b&gt;" in html and "<b>Wa Ode" not in html
    with pytest.raises(Exception, match="undefined"):
        render_page(("templates", "certificate"), "certificate.html.j2", {})


def test_write_text_atomic_replaces_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "a" / "page.html"
    write_text_atomic(path, "satu")
    write_text_atomic(path, "dua")
    assert path.read_text("utf-8") == "dua"
    assert os.listdir(path.parent) == ["page.html"]
