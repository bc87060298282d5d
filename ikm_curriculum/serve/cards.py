"""Login cards of ``ikm cards``: new PINs issued and printed on A4 sheets to cut and hand out.

Each participant's card (*kartu login*) carries the training's title, their name and centre, the hub's address
in large type, their user name (the participant code), their PIN in large digits, a QR code of the hub's login
page with their user name filled in, the room's Wi-Fi name when given, and three steps in plain Indonesian
(English with ``lang="en"``). Eight cards fit on one A4 page, 2 columns × 4 rows, with dashed cut lines.

Facilitator logins (hub admins) are printed on a separate sheet, ``kartu_fasilitator``, so that the sheet cut
and handed out holds no admin password.

The PINs exist only in these files (the gradebook keeps salted hashes, :mod:`ikm_curriculum.serve.pins`), so
every file is written under a temporary name and renamed, with mode 0600 in a folder of mode 0700: readable by
the facilitator's account alone. The QR code is made by segno (ISO/IEC 18004, error correction level M, which
restores up to ~15 % of damaged modules: a creased or smudged card still scans) and embedded as inline SVG: the
page loads nothing from the internet and needs no image files.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ikm_curriculum.cohort.training_info import TrainingInfo, training_info
from ikm_curriculum.cohort.workspace import Workspace
from ikm_curriculum.curriculum import check_lang
from ikm_curriculum.errors import ReportError
from ikm_curriculum.reports.labels import format_date_range
from ikm_curriculum.reports.pdf import html_to_pdf_many, render_page
from ikm_curriculum.serve.address import hub_url, login_url
from ikm_curriculum.serve.labels import serve_label
from ikm_curriculum.serve.pins import DEFAULT_ADMIN, FACILITATOR, PARTICIPANT, IssuedLogin, issue_logins
from ikm_curriculum.widgets.autosave import write_atomic

CARDS_DIR = "cards"
LOGIN_SHEET = "kartu_login"
"""File stem of the participants' sheet (``.html`` and ``.pdf``), the one that is cut and handed out."""
ADMIN_SHEET = "kartu_fasilitator"
"""File stem of the facilitators' sheet."""
CARDS_PER_PAGE = 8
"""2 columns × 4 rows on A4 portrait (cards of 97 × 68 mm inside 8 mm margins)."""
QR_ERROR = "m"
"""QR error correction level M (ISO/IEC 18004: ~15 % of the code may be damaged and it still reads)."""
QR_BORDER = 4
"""Quiet zone around the QR code in modules; 4 is the minimum ISO/IEC 18004 asks for."""
FILE_MODE = 0o600
DIR_MODE = 0o700
TEMPLATE_DIR = ("templates", "cards")


@dataclass(frozen=True)
class CardsResult:
    """What :func:`print_cards` wrote and issued.

    ``logins`` holds the new PINs (they are nowhere else); it is left out of ``repr`` and :meth:`to_dict`, so that
    printing or logging the result does not show a PIN.
    """

    html_paths: tuple[Path, ...]
    pdf_paths: tuple[Path, ...]
    logins: tuple[IssuedLogin, ...] = field(repr=False)
    replaced_all: bool
    note: str
    url: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain data without any PIN: paths as strings, each login's user name, role, name and centre."""
        return {
            "html_paths": [str(p) for p in self.html_paths],
            "pdf_paths": [str(p) for p in self.pdf_paths],
            "logins": [
                {"username": x.username, "role": x.role, "nama": x.nama, "sentra": x.sentra} for x in self.logins
            ],
            "replaced_all": self.replaced_all,
            "note": self.note,
            "url": self.url,
        }


def group_pin(pin: str) -> str:
    """``pin`` as printed: a 6-digit PIN in two groups of 3, a longer password in groups of 4 (easier to copy).

    >>> group_pin("482913"), group_pin("007001")
    ('482 913', '007 001')
    >>> group_pin("abcdefghjkmn")
    'abcd efgh jkmn'
    """
    size = len(pin) // 2 if len(pin) <= 6 else 4
    if size == 0:
        return pin
    return " ".join(pin[i : i + size] for i in range(0, len(pin), size))


def qr_svg(text: str) -> str:
    """An inline ``<svg>`` element of a QR code holding ``text`` (segno, level M, 4-module quiet zone).

    The element has a ``viewBox`` and no width or height, so the page's CSS sizes it; dark modules are one
    ``<path>`` of horizontal strokes.

    >>> svg = qr_svg("http://192.168.1.10:8000/hub/login?username=ani-1a2b")
    >>> svg.startswith("<svg") and 'viewBox="0 0 41 41"' in svg  # version 5 = 37 modules + 2 × 4 quiet zone
    True
    """
    import segno

    code = segno.make(text, error=QR_ERROR, micro=False)
    return str(code.svg_inline(scale=1, border=QR_BORDER, omitsize=True, svgclass="qr", lineclass="qr-dark"))


def check_url(url: str) -> str:
    """``url`` if it is an ``http``/``https`` address with a host; else an error naming it.

    >>> check_url("http://192.168.1.10:8000/")
    'http://192.168.1.10:8000/'
    >>> check_url("192.168.1.10:8000")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ikm_curriculum.errors.ReportError: url: expected the hub's address like http://192.168.1.10:8000/, got '192...'
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ReportError(f"url: expected the hub's address like http://192.168.1.10:8000/, got {url!r}")
    return url.strip()


def cards_html(logins: Sequence[IssuedLogin], url: str, info: TrainingInfo, wifi: str = "", lang: str = "id") -> str:
    """One sheet of cards for ``logins`` (all participants, or all facilitators), from
    ``templates/cards/cards.html.j2``: self-contained HTML, A4 through CSS ``@page``."""
    from markupsafe import Markup

    lang = check_lang(lang)
    admin = any(x.role == FACILITATOR for x in logins)
    cards = [
        {
            "username": x.username,
            "nama": x.nama,
            "sentra": x.sentra,
            "pin": group_pin(x.pin),
            "qr": Markup(qr_svg(login_url(url, x.username))),  # segno's own markup; holds no text of ours
        }
        for x in logins
    ]
    context = {
        "t": lambda key, **fields: serve_label(key, lang, **fields),
        "lang": lang,
        "admin": admin,
        "info": info,
        "dates": format_date_range(info.start_date, info.end_date, lang),
        "address": url.rstrip("/"),
        "wifi": wifi,
        "cards": cards,
        "per_page": CARDS_PER_PAGE,
    }
    return render_page(TEMPLATE_DIR, "cards.html.j2", context)


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    os.chmod(path, DIR_MODE)  # also when it existed before, or a umask widened it
    return path


def _write_private(path: Path, text: str) -> Path:
    """Write ``text`` atomically; ``tempfile.mkstemp`` under ``write_atomic`` creates the file with mode 0600."""
    write_atomic(path, text)
    os.chmod(path, FILE_MODE)
    return path


def _print_private(pairs: list[tuple[Path, Path]]) -> list[Path]:
    """Print each ``(html, pdf)`` pair under a hidden name, make it 0600, then rename it into place."""
    staged = [(html, pdf.with_name(f".{pdf.stem}.printing.pdf")) for html, pdf in pairs]
    try:
        html_to_pdf_many(staged)
        for (_, tmp), (_, pdf) in zip(staged, pairs, strict=True):
            os.chmod(tmp, FILE_MODE)
            os.replace(tmp, pdf)
    finally:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)
    return [pdf for _, pdf in pairs]


def print_cards(
    workspace: Workspace,
    cohort: str,
    url: str | None = None,
    participants: list[str] | None = None,
    admins: list[str] | None = None,
    wifi: str = "",
    lang: str = "id",
    pdf: bool = True,
) -> CardsResult:
    """Issue new PINs and write the login cards into ``<cohort dir>/cards/``.

    Parameters
    ----------
    workspace, cohort
        The cohort whose hub the cards open.
    url : str, optional
        The hub's address participants use; default :func:`~ikm_curriculum.serve.address.hub_url` (this
        machine's address on the local network, port 8000).
    participants : list of str, optional
        Participant codes to reprint (a lost card: only their PINs change). ``None``: every participant gets a
        new PIN and every card printed before stops working.
    admins : list of str, optional
        Facilitator logins (hub admins) to issue; default ``["fasilitator"]`` when ``participants`` is
        ``None``, else none.
    wifi : str
        The room's Wi-Fi name, printed on each card when given.
    lang : str
        ``"id"`` or ``"en"``.
    pdf : bool
        Also print PDFs; without a PDF engine the HTML is written alone and ``note`` says so.

    Returns
    -------
    CardsResult
        ``kartu_login.html``/``.pdf`` (participants) and ``kartu_fasilitator.html``/``.pdf`` (admins), each
        written only when it has a card; the issued logins.

    Raises
    ------
    ReportError
        ``url`` is not an http(s) address, or there is no login to print; nothing is issued.
    WorkspaceError
        No such cohort, an unknown participant code or a bad facilitator login (named); nothing is issued.
    """
    lang = check_lang(lang)
    url = check_url(hub_url() if url is None else url)
    wifi = wifi.strip()
    if admins is None:
        admins = [DEFAULT_ADMIN] if participants is None else []
    if participants is not None and not participants and not admins:
        raise ReportError(f"cohort {cohort!r}: no participant and no facilitator login to print")
    info = training_info(workspace, cohort)  # also: an unknown cohort fails here, before any PIN changes
    gradebook = workspace.gradebook()
    try:
        logins = issue_logins(gradebook, cohort, participants, admins)
    finally:
        gradebook.dispose()

    folder = _private_dir(workspace.cohort_dir(cohort) / CARDS_DIR)
    sheets = [
        (LOGIN_SHEET, [x for x in logins if x.role == PARTICIPANT]),
        (ADMIN_SHEET, [x for x in logins if x.role == FACILITATOR]),
    ]
    pairs = []
    for stem, people in sheets:
        if people:
            html = _write_private(folder / f"{stem}.html", cards_html(people, url, info, wifi, lang))
            pairs.append((html, folder / f"{stem}.pdf"))

    notes = [_issued_note(cohort, logins, participants is None)]
    printed: list[Path] = []
    if pdf and pairs:
        try:
            printed = _print_private(pairs)
        except ReportError as exc:
            notes.append(f"No PDF was made ({exc}). Open the HTML in a browser and print it on A4.")
    elif pairs:
        notes.append("HTML only (no PDF asked for): open it in a browser and print it on A4.")
    if not printed:
        for _, stale in pairs:
            if stale.exists():  # an older PDF beside the new HTML holds PINs that were just replaced
                stale.unlink()
                notes.append(f"Removed the older {stale.name}: it no longer matches the new cards.")
    return CardsResult(
        tuple(html for html, _ in pairs), tuple(printed), tuple(logins), participants is None, " ".join(notes), url
    )


def _issued_note(cohort: str, logins: Sequence[IssuedLogin], replaced_all: bool) -> str:
    people = [x.username for x in logins if x.role == PARTICIPANT]
    admins = [x.username for x in logins if x.role == FACILITATOR]
    if replaced_all:
        parts = [f"All {len(people)} participants of {cohort} have new PINs: cards printed before no longer work."]
    elif people:
        parts = [f"New PIN for {', '.join(people)}; every other participant's card still works."]
    else:
        parts = []
    if admins:
        parts.append(f"New password for facilitator login {', '.join(admins)}; the one printed before no longer works.")
    return " ".join(parts)
