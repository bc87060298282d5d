"""Text of the cohort report in Bahasa Indonesia (default) and English.

The Indonesian text is written for the city's industry office (*Dinas*): plain
words, no jargon. Every text of the report, the Excel workbook and the chart
comes from :data:`LABELS`; add a key to both languages when a section needs a
new one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from ikm_curriculum.curriculum import check_lang, default_curriculum

_ID: dict[str, str] = {
    "report_title": "Laporan Hasil Pelatihan Manajemen Mutu dan Pengelolaan Sentra IKM",
    "cohort": "Angkatan",
    "date": "Tanggal laporan",
    "summary_heading": "Ringkasan",
    "field_visit_heading": "Kunjungan lapangan: hasil pengamatan",
    "field_visit_none": "Belum ada lembar pengamatan kunjungan lapangan yang dikumpulkan.",
    "field_visit_note": "Nilai setiap lembar = jumlah 'Ya' ÷ (jumlah 'Ya' + 'Tidak') × 100; 'Tidak berlaku' tidak "
    "dihitung. Tingkat CPPB-IRT adalah panduan pengajaran, bukan hasil pemeriksaan resmi.",
    "findings": "Temuan yang paling sering (tidak terpenuhi)",
    "finding": "Temuan",
    "times_seen": "Dicatat oleh",
    "cppb_grade": "Tingkat CPPB-IRT",
    "overall": "Keseluruhan",
    "name": "Nama",
    "participants_heading": "Nilai peserta",
    "modules_heading": "Nilai per modul",
    "distribution_heading": "Sebaran nilai akhir",
    "n_participants": "Jumlah peserta",
    "n_submitted": "Peserta yang sudah mengumpulkan tugas",
    "mean_percent": "Rata-rata nilai akhir (peserta yang mengumpulkan)",
    "n_below": "Peserta dengan nilai di bawah {threshold} % (perlu pendampingan lanjutan)",
    "awaiting_manual": "Jawaban yang masih menunggu penilaian narasumber",
    "summary_note": (
        "Nilai dalam persen (%) dari nilai maksimal. Peserta yang belum mengumpulkan tugas "
        "mendapat nilai 0 dan termasuk yang perlu pendampingan lanjutan; rata-rata, median, "
        "nilai terendah dan tertinggi dihitung dari peserta yang sudah mengumpulkan."
    ),
    "no": "No.",
    "code": "Kode peserta",
    "nama": "Nama",
    "sentra": "Sentra",
    "komoditas": "Komoditas",
    "kabupaten_kota": "Kabupaten/Kota",
    "submitted": "Mengumpulkan",
    "yes": "Ya",
    "no_answer": "Belum",
    "points": "poin",
    "max": "maks",
    "total_points": "Total poin",
    "total_max": "Total poin maksimal",
    "total_percent": "Nilai akhir (%)",
    "module": "Modul",
    "n": "Jumlah peserta dinilai",
    "mean": "Rata-rata (%)",
    "median": "Median (%)",
    "min": "Terendah (%)",
    "max_stat": "Tertinggi (%)",
    "item": "Soal",
    "item_points": "Poin",
    "item_max": "Poin maksimal",
    "method": "Cara penilaian",
    "method_auto": "otomatis",
    "method_manual": "oleh narasumber",
    "method_simulation": "simulasi (skenario tersembunyi)",
    "method_none": "belum dinilai",
    "method_awaiting": "menunggu penilaian narasumber",
    "range": "Rentang nilai (%)",
    "count": "Jumlah peserta",
    "hist_x": "Nilai akhir (%)",
    "hist_y": "Jumlah peserta",
    "hist_title": "Sebaran nilai akhir peserta",
    "hist_empty": "Belum ada peserta yang mengumpulkan tugas.",
    "key": "Keterangan",
    "value": "Nilai",
    "sheet_participants": "Peserta",
    "sheet_items": "Butir",
    "sheet_summary": "Ringkasan",
    "html_file": "laporan-{cohort}.html",
    "excel_file": "nilai-{cohort}.xlsx",
}

_EN: dict[str, str] = {
    "report_title": "Report of the Training in Quality Management and Management of Sentra IKM",
    "cohort": "Cohort",
    "date": "Report date",
    "summary_heading": "Summary",
    "field_visit_heading": "Field visit: observations",
    "field_visit_none": "No field-visit observation sheets have been collected yet.",
    "field_visit_note": "Each sheet's score = number of 'yes' ÷ (number of 'yes' + 'no') × 100; 'not applicable' is "
    "left out. CPPB-IRT grades are a teaching guide, not the result of an official inspection.",
    "findings": "Findings seen most often (not met)",
    "finding": "Finding",
    "times_seen": "Recorded by",
    "cppb_grade": "CPPB-IRT grade",
    "overall": "Overall",
    "name": "Name",
    "participants_heading": "Participants' scores",
    "modules_heading": "Scores by module",
    "distribution_heading": "Distribution of final scores",
    "n_participants": "Participants",
    "n_submitted": "Participants who submitted their work",
    "mean_percent": "Mean final score (participants who submitted)",
    "n_below": "Participants below {threshold} % (need follow-up mentoring)",
    "awaiting_manual": "Answers still awaiting a facilitator's score",
    "summary_note": (
        "Scores are percent (%) of the maximum. Participants who did not submit score 0 and "
        "count among those needing follow-up; mean, median, lowest and highest scores are "
        "computed over participants who submitted."
    ),
    "no": "No.",
    "code": "Participant code",
    "nama": "Name",
    "sentra": "Sentra",
    "komoditas": "Commodity",
    "kabupaten_kota": "Regency/City",
    "submitted": "Submitted",
    "yes": "Yes",
    "no_answer": "No",
    "points": "points",
    "max": "max",
    "total_points": "Total points",
    "total_max": "Maximum points",
    "total_percent": "Final score (%)",
    "module": "Module",
    "n": "Participants scored",
    "mean": "Mean (%)",
    "median": "Median (%)",
    "min": "Lowest (%)",
    "max_stat": "Highest (%)",
    "item": "Item",
    "item_points": "Points",
    "item_max": "Maximum points",
    "method": "Scored by",
    "method_auto": "automatic",
    "method_manual": "facilitator",
    "method_simulation": "simulation (hidden scenarios)",
    "method_none": "not scored",
    "method_awaiting": "awaiting facilitator",
    "range": "Score range (%)",
    "count": "Participants",
    "hist_x": "Final score (%)",
    "hist_y": "Participants",
    "hist_title": "Distribution of participants' final scores",
    "hist_empty": "No participant has submitted yet.",
    "key": "Item",
    "value": "Value",
    "sheet_participants": "Participants",
    "sheet_items": "Items",
    "sheet_summary": "Summary",
    "html_file": "report-{cohort}.html",
    "excel_file": "scores-{cohort}.xlsx",
}

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType({"id": MappingProxyType(_ID), "en": MappingProxyType(_EN)})
"""Report text by language, then by key."""

_MONTHS = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def label(key: str, lang: str = "id", **fields: Any) -> str:
    """The text ``key`` in ``lang``, with ``{field}`` placeholders filled in.

    >>> label("n_below", "id", threshold=60)
    'Peserta dengan nilai di bawah 60 % (perlu pendampingan lanjutan)'
    >>> label("cohort", "en")
    'Cohort'
    """
    text = LABELS[check_lang(lang)][key]
    return text.format(**fields) if fields else text


def format_number(value: float | None, lang: str = "id", decimals: int = 1) -> str:
    """``value`` with ``decimals`` decimals: decimal comma in Indonesian, point in English.

    A missing value (``None`` or NaN) is shown as a dash.

    >>> format_number(72.456, "id")
    '72,5'
    >>> format_number(1234.5, "en")
    '1,234.5'
    >>> format_number(float("nan"))
    '–'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if check_lang(lang) == "id":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def format_date(day: date, lang: str = "id") -> str:
    """A date as written in a letter, e.g. ``27 November 2026``.

    >>> format_date(date(2026, 8, 17), "id")
    '17 Agustus 2026'
    >>> format_date(date(2026, 8, 17), "en")
    '17 August 2026'
    """
    return f"{day.day} {_MONTHS[check_lang(lang)][day.month - 1]} {day.year}"


def module_title(module_id: str, lang: str = "id") -> str:
    """The title of training module ``module_id`` in ``lang``, from the curriculum.

    A module the curriculum no longer has (an old gradebook) shows its id:
    ``house_rules`` → ``House rules``.

    >>> module_title("quality", "en")
    'Quality Management'
    """
    try:
        return default_curriculum().module(module_id).title.get(check_lang(lang))
    except KeyError:
        return module_id.replace("_", " ").capitalize()
