"""Login cards (``ikm cards``): PINs stored only as hashes, reprinting one card, the sheets, the QR code, file modes.

The cohort is the three fictional participants of tests/conftest.py; the PDF test makes a cohort of nine, so that
the cards need two A4 pages (8 per page).
"""

from __future__ import annotations

import json
import math
import re
import stat
from pathlib import Path

import pypdf
import pytest
import segno
from sqlalchemy import select

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.gradebook import HubLogin
from ikm_curriculum.errors import ReportError, WorkspaceError
from ikm_curriculum.serve import cards as cards_module
from ikm_curriculum.serve.address import hub_url, login_url
from ikm_curriculum.serve.cards import ADMIN_SHEET, LOGIN_SHEET, group_pin, print_cards
from ikm_curriculum.serve.pins import DEFAULT_ADMIN, FACILITATOR, PARTICIPANT, issue_logins, login_matches

URL = "http://192.168.1.10:8000/"  # an address on a training room's Wi-Fi router (RFC 1918 private range)
NAMES = ("Wa Ode Sarimah", "La Ode Kasim", "Hasniah Rauf")  # tests/conftest.py ROSTER_CSV
A4_POINTS = (595, 842)  # ISO 216: A4 = 210 × 297 mm = 595.3 × 841.9 pt (1 pt = 1/72 inch)


def hashes(workspace) -> dict[str, str]:
    gradebook = workspace.gradebook()
    try:
        with gradebook.session() as session:
            return {row.username: row.pin_hash for row in session.scalars(select(HubLogin))}
    finally:
        gradebook.dispose()


def matches(workspace, username: str, pin: str, cohort: str = "uji") -> str | None:
    gradebook = workspace.gradebook()
    try:
        return login_matches(gradebook, cohort, username, pin)
    finally:
        gradebook.dispose()


def other_pin(pin: str) -> str:
    return f"{(int(pin) + 1) % 10**6:06d}"


def sheet(result, stem: str) -> str:
    return next(p for p in result.html_paths if p.stem == stem).read_text("utf-8")


def qr_matrix_of_svg(svg: str) -> list[list[bool]]:
    """The QR modules drawn by segno's SVG path (``M x y`` / ``m dx dy`` moves, ``h n`` dark runs), quiet zone off.

    segno draws each row of dark modules as horizontal strokes of width 1 whose centre line is at ``y + 0.5``.
    """
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    path = re.search(r'<path[^>]* d="([^"]+)"', svg).group(1)
    x = y = 0.0
    dark = set()
    for op, a, b in re.findall(r"([MmHh])(-?[\d.]+)(?: (-?[\d.]+))?", path):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:  # "h": a run of dark modules to the right
            dark.update((int(y - 0.5), int(x) + i) for i in range(int(float(a))))
            x += float(a)
    border = cards_module.QR_BORDER
    n = size - 2 * border
    return [[(r + border, c + border) in dark for c in range(n)] for r in range(n)]


def segno_matrix(text: str) -> list[list[bool]]:
    code = segno.make(text, error="m", micro=False)
    return [[bool(v) for v in row] for row in code.matrix]


def card_svgs(html: str) -> dict[str, str]:
    """User name → the inline SVG on that user's card (the QR wrapper's aria-label names the user)."""
    found = re.findall(r'aria-label="[^"]*? ([a-z][a-z0-9-]*)">\s*(<svg.*?</svg>)', html, flags=re.S)
    return dict(found)


# --------------------------------------------------------------------------- PINs stored as hashes


def test_gradebook_holds_hashes_never_the_printed_pins(workspace, cohort) -> None:
    result = print_cards(workspace, cohort, url=URL, pdf=False)
    people = [x for x in result.logins if x.role == PARTICIPANT]
    assert [x.nama for x in people] == list(NAMES)  # roster order
    assert [x.username for x in result.logins if x.role == FACILITATOR] == [DEFAULT_ADMIN]
    assert result.replaced_all
    database = Path(workspace.database_url.removeprefix("sqlite:///"))
    stored = b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))  # the file, its WAL
    for login in result.logins:
        assert re.fullmatch(r"\d{6}", login.pin) if login.role == PARTICIPANT else len(login.pin) == 12
        assert login.pin.encode() not in stored, login.username
        assert matches(workspace, login.username, login.pin) == login.role
        wrong = other_pin(login.pin) if login.role == PARTICIPANT else login.pin[::-1]
        assert matches(workspace, login.username, wrong) is None
    assert all(h.startswith("scrypt$") for h in hashes(workspace).values())


def test_printed_pin_is_the_one_that_opens_the_hub(workspace, cohort) -> None:
    result = print_cards(workspace, cohort, url=URL, pdf=False)
    html = sheet(result, LOGIN_SHEET)
    for login in result.logins:
        if login.role == PARTICIPANT:
            shown = f"{login.pin[:3]} {login.pin[3:]}"  # the gap in the middle
            assert shown in html and login.nama in html and login.sentra in html
            assert matches(workspace, login.username, shown.replace(" ", "")) == PARTICIPANT


def test_reprinting_one_card_changes_only_that_hash(workspace, cohort) -> None:
    first = print_cards(workspace, cohort, url=URL, pdf=False)
    before = hashes(workspace)
    lost = first.logins[1]
    again = print_cards(workspace, cohort, url=URL, participants=[lost.username], pdf=False)
    after = hashes(workspace)
    assert [x.username for x in again.logins] == [lost.username]  # no facilitator login by default
    assert not again.replaced_all and "still works" in again.note
    assert {u for u in before if before[u] != after[u]} == {lost.username}
    new_pin = again.logins[0].pin
    # the lost card no longer opens the hub (unless the new PIN happens to be the old one: 1 in 10^6)
    assert matches(workspace, lost.username, lost.pin) is None or new_pin == lost.pin
    assert matches(workspace, lost.username, new_pin) == PARTICIPANT
    kept = first.logins[0]
    assert matches(workspace, kept.username, kept.pin) == PARTICIPANT
    html = sheet(again, LOGIN_SHEET)
    assert lost.nama in html and kept.nama not in html
    assert ADMIN_SHEET not in {p.stem for p in again.html_paths}


def test_reprinting_all_replaces_every_card(workspace, cohort) -> None:
    first = print_cards(workspace, cohort, url=URL, pdf=False)
    second = print_cards(workspace, cohort, url=URL, pdf=False)
    assert second.replaced_all and "no longer work" in second.note
    for old, new in zip(first.logins, second.logins, strict=True):
        assert matches(workspace, old.username, old.pin) is None or old.pin == new.pin  # same by chance: 1 in 10^6


def test_unknown_participant_code_is_named_and_nothing_changes(workspace, cohort) -> None:
    first = print_cards(workspace, cohort, url=URL, pdf=False)
    before, page = hashes(workspace), sheet(first, LOGIN_SHEET)
    known = first.logins[0].username
    with pytest.raises(WorkspaceError, match="no participant tidak-ada-9999"):
        print_cards(workspace, cohort, url=URL, participants=[known, "tidak-ada-9999"], pdf=False)
    assert hashes(workspace) == before
    assert first.html_paths[0].read_text("utf-8") == page


@pytest.mark.parametrize(
    ("kwargs", "error", "named"),
    [
        ({"url": "192.168.1.10:8000"}, ReportError, "url"),
        ({"url": "ftp://192.168.1.10/"}, ReportError, "url"),
        ({"admins": ["Pak Budi"]}, WorkspaceError, "facilitator login 'Pak Budi'"),
        ({"participants": [], "admins": []}, ReportError, "no participant and no facilitator"),
        ({"lang": "fr"}, ValueError, "unknown language 'fr'"),
    ],
)
def test_bad_arguments_are_named_and_issue_nothing(workspace, cohort, kwargs, error, named) -> None:
    with pytest.raises(error, match=re.escape(named)):
        print_cards(workspace, cohort, **{"url": URL, "pdf": False, **kwargs})
    assert hashes(workspace) == {}
    assert not (workspace.cohort_dir(cohort) / "cards").exists()


def test_unknown_cohort_is_named(workspace, cohort) -> None:
    with pytest.raises(WorkspaceError, match="no cohort 'lain'"):
        print_cards(workspace, "lain", url=URL, pdf=False)


# --------------------------------------------------------------------------- the sheets


def test_facilitator_login_is_on_its_own_sheet(workspace, cohort) -> None:
    result = print_cards(workspace, cohort, url=URL, pdf=False)
    admin = next(x for x in result.logins if x.role == FACILITATOR)
    people = [x for x in result.logins if x.role == PARTICIPANT]
    handed_out, kept = sheet(result, LOGIN_SHEET), sheet(result, ADMIN_SHEET)
    assert group_pin(admin.pin) not in handed_out and admin.pin not in handed_out
    assert f'aria-label="Kode QR alamat login {DEFAULT_ADMIN}"' not in handed_out
    assert group_pin(admin.pin) in kept and "Login ini adalah admin hub" in kept
    assert all(group_pin(p.pin) not in kept and p.nama not in kept for p in people)


def test_named_admins_and_admin_only_reprint(workspace, cohort) -> None:
    result = print_cards(workspace, cohort, url=URL, participants=[], admins=["bu-ani"], pdf=False)
    assert [(x.username, x.role) for x in result.logins] == [("bu-ani", FACILITATOR)]
    assert [p.stem for p in result.html_paths] == [ADMIN_SHEET]
    assert set(hashes(workspace)) == {"bu-ani"}


def test_labels_in_indonesian_and_english(workspace, cohort) -> None:
    indonesian = sheet(print_cards(workspace, cohort, url=URL, wifi="Pelatihan-IKM", pdf=False), LOGIN_SHEET)
    english = sheet(print_cards(workspace, cohort, url=URL, wifi="Pelatihan-IKM", lang="en", pdf=False), LOGIN_SHEET)
    for text, lang in ((indonesian, "id"), (english, "en")):
        assert f'<html lang="{lang}">' in text
        assert "http://192.168.1.10:8000<" in text  # the address, shown without the trailing slash
        assert "Wi-Fi: <b>Pelatihan-IKM</b>" in text
        assert len(re.findall(r"<li>", text)) == 3 * len(NAMES)  # three numbered steps per card
    assert "Nama pengguna" in indonesian and "Pindai kode QR" in indonesian and "User name" not in indonesian
    assert "User name" in english and "Scan the QR code" in english and "Nama pengguna" not in english
    assert "Sambungkan" not in english


def test_wifi_line_only_when_given(workspace, cohort) -> None:
    assert "Wi-Fi: <b>" not in sheet(print_cards(workspace, cohort, url=URL, pdf=False), LOGIN_SHEET)


def test_qr_code_holds_each_participants_login_address(workspace, cohort) -> None:
    result = print_cards(workspace, cohort, url=URL, pdf=False)
    svgs = card_svgs(sheet(result, LOGIN_SHEET))
    people = [x.username for x in result.logins if x.role == PARTICIPANT]
    assert sorted(svgs) == sorted(people)
    for username in people:
        drawn = qr_matrix_of_svg(svgs[username])
        # login_url's doctest: http://192.168.1.10:8000/hub/login?username=<code>
        assert drawn == segno_matrix(f"http://192.168.1.10:8000/hub/login?username={username}")
        assert drawn == segno_matrix(login_url(URL, username))
        assert drawn != segno_matrix(URL)  # not the bare address
    assert qr_matrix_of_svg(svgs[people[0]]) != qr_matrix_of_svg(svgs[people[1]])


def test_page_is_self_contained(workspace, cohort) -> None:
    result = print_cards(workspace, cohort, url=URL, pdf=False)
    for path in result.html_paths:
        text = path.read_text("utf-8")
        assert not re.search(r"<(img|script|link|iframe)\b|\bsrc=|\bhref=|url\(", text), path.name


def test_default_address_is_this_machines_hub(workspace, cohort) -> None:
    result = print_cards(workspace, cohort, pdf=False)
    assert result.url == hub_url() and result.url.endswith(":8000/")


def test_group_pin_bad_and_odd_lengths() -> None:
    assert group_pin("") == "" and group_pin("7") == "7" and group_pin("1234") == "12 34"


# --------------------------------------------------------------------------- files: modes, PDF, no PIN in the result


def fake_printer(pairs, engine: str = "auto"):
    """Stands in for Chromium: writes a PDF-looking file with the process's ordinary (umask) mode."""
    for _, target in pairs:
        target.write_bytes(b"%PDF-1.4 fake")
    return [target for _, target in pairs]


def test_files_are_private_and_written_by_rename(workspace, cohort, monkeypatch) -> None:
    monkeypatch.setattr(cards_module, "html_to_pdf_many", fake_printer)
    result = print_cards(workspace, cohort, url=URL)
    folder = workspace.cohort_dir(cohort) / "cards"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{stem}.{ext}" for stem in (LOGIN_SHEET, ADMIN_SHEET) for ext in ("html", "pdf")
    )  # no temporary file left behind
    assert [p.name for p in result.pdf_paths] == [f"{LOGIN_SHEET}.pdf", f"{ADMIN_SHEET}.pdf"]
    for path in (*result.html_paths, *result.pdf_paths):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_without_pdf_engine_html_only_and_old_pdf_removed(workspace, cohort, monkeypatch) -> None:
    monkeypatch.setattr(cards_module, "html_to_pdf_many", fake_printer)
    old = print_cards(workspace, cohort, url=URL)
    assert all(p.exists() for p in old.pdf_paths)

    def no_engine(pairs, engine: str = "auto"):
        raise ReportError("no PDF engine found: install Chromium")

    monkeypatch.setattr(cards_module, "html_to_pdf_many", no_engine)
    result = print_cards(workspace, cohort, url=URL)
    assert result.pdf_paths == () and "No PDF was made (no PDF engine found" in result.note
    assert all(p.exists() for p in result.html_paths)
    assert not any(p.exists() for p in old.pdf_paths)  # they held PINs that no longer work
    assert "Removed the older kartu_login.pdf" in result.note
    plain = print_cards(workspace, cohort, url=URL, pdf=False)
    assert plain.pdf_paths == () and "HTML only" in plain.note


def test_result_never_shows_a_pin(workspace, cohort) -> None:
    result = print_cards(workspace, cohort, url=URL, pdf=False)
    shown = json.dumps(result.to_dict()) + repr(result)
    for login in result.logins:
        assert login.pin not in shown and group_pin(login.pin) not in shown
    assert [x["username"] for x in result.to_dict()["logins"]] == [x.username for x in result.logins]


@pytest.mark.slow
def test_pdf_has_one_card_per_participant(workspace, tmp_path) -> None:
    from ikm_curriculum.reports.pdf import choose_engine

    try:
        choose_engine()
    except ReportError:
        pytest.skip("no PDF engine on this machine")
    names = [f"Peserta Uji {letter}" for letter in "ABCDEFGHI"]  # fictional; 9 cards = 2 pages of 8
    roster = tmp_path / "sembilan.csv"
    rows = "".join(f"{n},Sentra Uji {i},Abon ikan,Kota Kendari\n" for i, n in enumerate(names))
    roster.write_text("nama,sentra,komoditas,kabupaten_kota\n" + rows, "utf-8")
    create_cohort(workspace, "besar", roster)
    result = print_cards(workspace, "besar", url=URL)
    login_pdf = next(p for p in result.pdf_paths if p.stem == LOGIN_SHEET)
    reader = pypdf.PdfReader(login_pdf)
    assert len(reader.pages) == math.ceil(len(names) / 8) == 2
    assert all((round(float(p.mediabox.width)), round(float(p.mediabox.height))) == A4_POINTS for p in reader.pages)
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    for login in result.logins:
        if login.role == PARTICIPANT:
            assert re.sub(r"\s+", "", login.nama) in text and login.username in text and login.pin in text
    assert DEFAULT_ADMIN not in text
    admin_text = "".join(p.extract_text() for p in pypdf.PdfReader(result.pdf_paths[1]).pages)
    assert DEFAULT_ADMIN in admin_text and len(pypdf.PdfReader(result.pdf_paths[1]).pages) == 1
    assert stat.S_IMODE(login_pdf.stat().st_mode) == 0o600


# --------------------------------------------------------------------------- pins.py: the same name given twice


def test_issue_logins_code_given_twice_gives_one_working_pin(workspace, cohort) -> None:
    gradebook = workspace.gradebook()
    try:
        code = issue_logins(gradebook, cohort, None, [])[0].username
        issued = issue_logins(gradebook, cohort, [code, code], [])
        assert all(login_matches(gradebook, cohort, x.username, x.pin) == PARTICIPANT for x in issued)
    finally:
        gradebook.dispose()


def test_issue_logins_admin_given_twice_is_not_a_database_error(workspace, cohort) -> None:
    gradebook = workspace.gradebook()
    try:
        issued = issue_logins(gradebook, cohort, [], ["bu-ani", "bu-ani"])
        assert all(login_matches(gradebook, cohort, x.username, x.pin) == FACILITATOR for x in issued)
    finally:
        gradebook.dispose()


def test_print_cards_reads_a_code_given_twice_as_one_card(workspace, cohort) -> None:
    code = print_cards(workspace, cohort, url=URL, pdf=False).logins[0].username
    again = print_cards(workspace, cohort, url=URL, participants=[code, code], admins=["bu-ani", "bu-ani"], pdf=False)
    assert [x.username for x in again.logins] == [code, "bu-ani"]
    assert all(matches(workspace, x.username, x.pin) == x.role for x in again.logins)
