"""Text of the login cards (``ikm cards``) in Bahasa Indonesia (default) and English.

Kept here, not in :data:`ikm_curriculum.reports.labels.LABELS`, because ``serve/`` sits above ``reports/`` and a
lower layer may not import a higher one. The Indonesian is written for a centre manager holding a phone: short
sentences, everyday words ("ketik", "pindai", "masuk").
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ikm_curriculum.curriculum import check_lang

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
}

CARD_LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {"id": MappingProxyType(_ID), "en": MappingProxyType(_EN)}
)
"""Card text by language, then by key; both languages have the same keys."""


def card_label(key: str, lang: str = "id", **fields: Any) -> str:
    """The card text ``key`` in ``lang``, with ``{field}`` placeholders filled in.

    >>> card_label("qr_title", "id", username="wa-ode-sarimah-3f2a")
    'Kode QR alamat login wa-ode-sarimah-3f2a'
    >>> card_label("username", "en")
    'User name'
    """
    text = CARD_LABELS[check_lang(lang)][key]
    return text.format(**fields) if fields else text
