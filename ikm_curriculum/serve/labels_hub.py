"""Words the hub says to participants and facilitators (Indonesian first, English with lang="en")."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "sign_in_title": {"id": "Masuk ke buku kerja pelatihan", "en": "Sign in to your training workbooks"},
    "username": {"id": "Nama pengguna (ada di kartu Anda)", "en": "User name (on your card)"},
    "pin": {"id": "PIN (6 angka di kartu Anda)", "en": "PIN (the 6 digits on your card)"},
    "sign_in": {"id": "Masuk", "en": "Sign in"},
    "wrong_pin": {
        "id": "Nama pengguna atau PIN salah. Periksa kartu Anda dan coba lagi.",
        "en": "Wrong user name or PIN. Check your card and try again.",
    },
    "pin_help": {
        "id": "Lupa PIN atau kartu hilang? Minta kartu baru kepada fasilitator.",
        "en": "Forgot your PIN or lost your card? Ask a facilitator for a new card.",
    },
    "http_note": {
        "id": "Sambungan ini tidak disandikan (http). Gunakan hanya di jaringan Wi-Fi ruang pelatihan.",
        "en": "This connection is not encrypted (http). Use it only on the training room's Wi-Fi.",
    },
    "too_many_tries": {
        "id": "Terlalu banyak PIN salah. Tunggu {seconds} detik, lalu coba lagi, atau minta bantuan fasilitator.",
        "en": "Too many wrong PINs. Wait {seconds} seconds and try again, or ask a facilitator for help.",
    },
}


def hub_label(key: str, lang: str = "id", **fields: object) -> str:
    """The text ``key`` in ``lang`` (Indonesian when ``lang`` is not "en"), with ``fields`` filled in.

    >>> hub_label("too_many_tries", "en", seconds=30)
    'Too many wrong PINs. Wait 30 seconds and try again, or ask a facilitator for help.'
    """
    return LABELS[key]["en" if lang == "en" else "id"].format(**fields)


def hub_labels(lang: str = "id") -> dict[str, str]:
    """Every label in ``lang``: what the hub's templates get as ``ikm`` (``templates/hub/login.html``)."""
    return {key: hub_label(key, lang) for key in LABELS if "{" not in LABELS[key]["id"]}
