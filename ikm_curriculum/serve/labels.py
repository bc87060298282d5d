"""What ``ikm cards``, the hub's login page and the participant's list of workbooks say, in Bahasa Indonesia
(default) and English.

Kept here, not in :data:`ikm_curriculum.reports.labels.LABELS`, because ``serve/`` sits above ``reports/`` and a
lower layer may not import a higher one. The Indonesian is written for a centre manager holding a phone: short
sentences, everyday words ("ketik", "pindai", "masuk"). This module imports nothing heavy: every participant's
server loads it for the list page.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

_ID: dict[str, str] = {
    "page_title": "Kartu login peserta",
    "admin_page_title": "Kartu login fasilitator",
    "cut_here": "Gunting di sepanjang garis putus-putus. Satu kartu untuk satu peserta.",
    "admin_sheet_note": "Kartu ini untuk fasilitator saja. Jangan dibagikan kepada peserta.",
    "address": "Alamat",
    "username": "Nama pengguna",
    "pin": "PIN",
    "password": "Kata sandi",
    "wifi": "Wi-Fi",
    "step_wifi": "Sambungkan HP atau laptop Anda ke Wi-Fi ruangan pelatihan.",
    "step_open": "Pindai kode QR dengan kamera HP, atau ketik alamatnya di browser.",
    "step_pin": "Ketik PIN (dan nama pengguna bila masih kosong), lalu tekan Masuk.",
    "step_password": "Ketik kata sandi (dan nama pengguna bila masih kosong), lalu tekan Masuk.",
    "keep_secret": "PIN ini rahasia: jangan diberikan kepada orang lain.",
    "admin_role": "Fasilitator (admin hub)",
    "admin_note": "Login ini adalah admin hub: dapat membuka server dan berkas setiap peserta. Simpan baik-baik.",
    "qr_title": "Kode QR alamat login {username}",
    # the hub's login page (templates/hub/login.html) and its messages
    "login_title": "Masuk ke buku kerja pelatihan",
    "login_username": "Nama pengguna (ada di kartu Anda)",
    "login_pin": "PIN (6 angka di kartu Anda)",
    "login_button": "Masuk",
    "login_wrong_pin": "Nama pengguna atau PIN salah. Periksa kartu Anda dan coba lagi.",
    "login_help": "Lupa PIN atau kartu hilang? Minta kartu baru kepada fasilitator.",
    "login_http_note": "Halaman ini hanya untuk dibuka di Wi-Fi ruang pelatihan.",
    "too_many_tries": (
        "Terlalu banyak PIN salah. Tunggu {seconds} detik, lalu coba lagi, atau minta bantuan fasilitator."
    ),
    # the participant's list of workbooks (landing.py)
    "list_title": "Buku kerja saya",
    "list_intro": "Pilih buku kerja yang diminta fasilitator. Jawaban Anda tersimpan otomatis setiap kali diubah.",
    "list_day": "Hari ke-{day}",
    "list_other": "Lainnya",
    "list_saved": "{n} jawaban tersimpan",
    "list_none_saved": "belum ada jawaban",
    "list_empty": "Belum ada buku kerja untuk Anda. Tanyakan kepada fasilitator.",
    "list_logout": "Keluar",
}

_EN: dict[str, str] = {
    "page_title": "Participant login cards",
    "admin_page_title": "Facilitator login cards",
    "cut_here": "Cut along the dashed lines. One card per participant.",
    "admin_sheet_note": "These cards are for facilitators only. Do not hand them to participants.",
    "address": "Address",
    "username": "User name",
    "pin": "PIN",
    "password": "Password",
    "wifi": "Wi-Fi",
    "step_wifi": "Connect your phone or laptop to the training room's Wi-Fi.",
    "step_open": "Scan the QR code with your phone, or type the address in a browser.",
    "step_pin": "Type your PIN (and user name if it is empty), then press Sign in.",
    "step_password": "Type the password (and user name if it is empty), then press Sign in.",
    "keep_secret": "This PIN is secret: do not give it to anyone.",
    "admin_role": "Facilitator (hub admin)",
    "admin_note": "This login is an admin of the hub: it can open every participant's server and files. Keep it safe.",
    "qr_title": "QR code of the login address of {username}",
    # the hub's login page (templates/hub/login.html) and its messages
    "login_title": "Sign in to your training workbooks",
    "login_username": "User name (on your card)",
    "login_pin": "PIN (the 6 digits on your card)",
    "login_button": "Sign in",
    "login_wrong_pin": "Wrong user name or PIN. Check your card and try again.",
    "login_help": "Forgot your PIN or lost your card? Ask a facilitator for a new card.",
    "login_http_note": "Open this page only on the training room's Wi-Fi.",
    "too_many_tries": "Too many wrong PINs. Wait {seconds} seconds and try again, or ask a facilitator for help.",
    # the participant's list of workbooks (landing.py)
    "list_title": "My workbooks",
    "list_intro": "Open the workbook the facilitator asks for. Your answers are saved each time you change them.",
    "list_day": "Day {day}",
    "list_other": "Other",
    "list_saved": "{n} answers saved",
    "list_none_saved": "no answers yet",
    "list_empty": "No workbooks for you yet. Ask a facilitator.",
    "list_logout": "Sign out",
}

SERVE_LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {"id": MappingProxyType(_ID), "en": MappingProxyType(_EN)}
)
"""Text by language, then by key; both languages have the same keys."""


def serve_label(key: str, lang: str = "id", **fields: Any) -> str:
    """The text ``key`` in ``lang`` (Indonesian unless ``lang`` is "en"), with ``{field}`` placeholders filled in.

    >>> serve_label("qr_title", "id", username="wa-ode-sarimah-3f2a")
    'Kode QR alamat login wa-ode-sarimah-3f2a'
    >>> serve_label("too_many_tries", "en", seconds=30)
    'Too many wrong PINs. Wait 30 seconds and try again, or ask a facilitator for help.'
    """
    text = SERVE_LABELS["en" if lang == "en" else "id"][key]
    return text.format(**fields) if fields else text


def login_labels(lang: str = "id") -> dict[str, str]:
    """The login page's words in ``lang``: what the hub's templates get as ``ikm`` (``templates/hub/login.html``)."""
    return {key: text for key, text in SERVE_LABELS["en" if lang == "en" else "id"].items() if key.startswith("login_")}
