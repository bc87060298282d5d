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
from ikm_curriculum.reports.labels_evaluation import EVALUATION_LABELS

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
    # participant feedback pages (reports/feedback.py) and answers in words (reports/answer_text.py)
    "fb_dir": "umpan-balik",
    "fb_title": "Umpan Balik Hasil Belajar",
    "fb_intro": "Halaman ini merangkum nilai Anda, jawaban yang belum tepat beserta jawaban yang benar, dan "
    "apa yang sebaiknya dipelajari lagi.",
    "fb_scores_heading": "Nilai Anda per modul",
    "fb_total": "Nilai pelatihan",
    "fb_not_submitted": "belum dikumpulkan",
    "fb_scores_note": "Nilai dalam persen dari poin maksimal. Tes awal, tes akhir dan survei tidak masuk nilai "
    "pelatihan.",
    "fb_tests_heading": "Tes awal dan tes akhir",
    "fb_day": "Hari ke-{day}",
    "fb_pre": "Tes awal",
    "fb_post": "Tes akhir",
    "fb_change": "Perubahan (poin %)",
    "fb_not_taken": "belum dikerjakan",
    "fb_sim_heading": "Simulasi sentra",
    "fb_sim_text": "Indeks kinerja sentra Anda {index}, dibanding {reference} untuk kebijakan acuan ({ratio} % dari "
    "acuan). Poin: {points} dari {max}. Peringkat {rank} dari {size} peserta.",
    "fb_sim_refused": "Keputusan Anda tidak dapat dijalankan, jadi belum mendapat poin: {reason}",
    "fb_sim_none": "Anda belum mengirim keputusan untuk simulasi.",
    "fb_items_heading": "Jawaban yang belum tepat",
    "fb_items_none": "Semua jawaban Anda yang sudah dinilai benar. Bagus!",
    "fb_points_of": "{points} dari {max} poin",
    "fb_your_answer": "Jawaban Anda",
    "fb_right_answer": "Jawaban yang benar",
    "fb_rubric": "Pedoman penilaian",
    "fb_explanation": "Penjelasan",
    "fb_study_again": "Pelajari lagi: {topic}",
    "fb_followup_heading": "Saran tindak lanjut",
    "fb_followup_module": "{module} ({percent} %): pelajari lagi {topics}.",
    "fb_followup_missing": "{module}: buku kerja belum dikumpulkan. Kerjakan dan kumpulkan kepada narasumber.",
    "fb_followup_none": "Tidak ada modul dengan nilai di bawah {threshold} %. Pertahankan!",
    "fb_awaiting": "Jawaban yang masih menunggu penilaian narasumber (nilainya akan ditambahkan)",
    "fb_printed": "Dicetak {day}",
    "at_no_answer": "(tidak dijawab)",
    "at_none_chosen": "(tidak ada yang dipilih)",
    "at_tolerance": "boleh selisih ± {tolerance}",
    "at_layout": "tata letak dengan biaya aliran {cost} meter-angkut per hari (terbaik {best})",
    "at_layout_best": "tata letak terbaik, biaya aliran {best} meter-angkut per hari",
    "at_layout_incomplete": "belum semua ruang ditempatkan",
    "at_row": "Baris {row}",
    "at_by_facilitator": "(dinilai oleh narasumber)",
    # certificates (reports/certificates.py)
    "cert_dir": "sertifikat",
    "cert_title": "Sertifikat",
    "cert_subtitle": "Tanda Selesai Pelatihan",
    "cert_given_to": "diberikan kepada",
    "cert_completed": "yang telah menyelesaikan",
    "cert_hours": "{hours} jam pelajaran (JP)",
    "cert_organiser": "Penyelenggara",
    "cert_facilitators": "Narasumber",
    "cert_code": "Kode verifikasi",
    "cert_check": "Keaslian sertifikat ini dapat diperiksa: sampaikan kode verifikasi kepada penyelenggara, yang "
    "mencocokkannya dengan buku nilai pelatihan.",
    "cert_command": "Perintah pemeriksaan:",
    "verify_format": "kode {code!r} tidak berbentuk IKM-XXXX-XXXX (8 huruf atau angka sesudah IKM)",
    "verify_unknown": "tidak ada sertifikat dengan kode {code} di buku nilai ini",
    "verify_mismatch": "kode {code} tidak cocok dengan peserta yang tercatat; catatan sertifikat ini tidak sah",
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
    # participant feedback pages (reports/feedback.py) and answers in words (reports/answer_text.py)
    "fb_dir": "feedback",
    "fb_title": "Your Learning Feedback",
    "fb_intro": "This page sums up your scores, the answers that were not right with the right ones, and what "
    "to study again.",
    "fb_scores_heading": "Your scores by module",
    "fb_total": "Training score",
    "fb_not_submitted": "not handed in",
    "fb_scores_note": "Scores are percent of the maximum points. Pre-tests, post-tests and the survey do not count "
    "in the training score.",
    "fb_tests_heading": "Pre-tests and post-tests",
    "fb_day": "Day {day}",
    "fb_pre": "Pre-test",
    "fb_post": "Post-test",
    "fb_change": "Change (% points)",
    "fb_not_taken": "not taken",
    "fb_sim_heading": "Centre simulation",
    "fb_sim_text": "Your centre's performance index {index}, against {reference} for the reference policy ({ratio} % "
    "of the reference). Points: {points} of {max}. Rank {rank} of {size} participants.",
    "fb_sim_refused": "Your decisions could not be run, so they earned no points yet: {reason}",
    "fb_sim_none": "You have not sent decisions for the simulation.",
    "fb_items_heading": "Answers that were not right",
    "fb_items_none": "Every answer of yours that has been scored is right. Well done!",
    "fb_points_of": "{points} of {max} points",
    "fb_your_answer": "Your answer",
    "fb_right_answer": "Right answer",
    "fb_rubric": "Scoring guide",
    "fb_explanation": "Explanation",
    "fb_study_again": "Study again: {topic}",
    "fb_followup_heading": "Suggested follow-up",
    "fb_followup_module": "{module} ({percent} %): study again {topics}.",
    "fb_followup_missing": "{module}: workbook not handed in. Work through it and hand it to the facilitators.",
    "fb_followup_none": "No module below {threshold} %. Keep it up!",
    "fb_awaiting": "Answers still awaiting a facilitator's score (their points will be added)",
    "fb_printed": "Printed {day}",
    "at_no_answer": "(no answer)",
    "at_none_chosen": "(none chosen)",
    "at_tolerance": "within ± {tolerance}",
    "at_layout": "a layout with a flow cost of {cost} metre-moves per day (best {best})",
    "at_layout_best": "the best layout, flow cost {best} metre-moves per day",
    "at_layout_incomplete": "not every room placed",
    "at_row": "Row {row}",
    "at_by_facilitator": "(scored by the facilitators)",
    # certificates (reports/certificates.py)
    "cert_dir": "certificates",
    "cert_title": "Certificate",
    "cert_subtitle": "of Completion",
    "cert_given_to": "is awarded to",
    "cert_completed": "for completing",
    "cert_hours": "{hours} lesson hours (JP)",
    "cert_organiser": "Organiser",
    "cert_facilitators": "Facilitators",
    "cert_code": "Verification code",
    "cert_check": "To check that this certificate is genuine, give the verification code to the organiser, who "
    "matches it against the training's gradebook.",
    "cert_command": "Command:",
    "verify_format": "code {code!r} is not of the form IKM-XXXX-XXXX (8 letters or digits after IKM)",
    "verify_unknown": "no certificate with code {code} in this gradebook",
    "verify_mismatch": "code {code} does not match the participant on record; this certificate record is not valid",
}

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "id": MappingProxyType(_ID | EVALUATION_LABELS["id"]),
        "en": MappingProxyType(_EN | EVALUATION_LABELS["en"]),
    }
)
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


def format_date_range(start: date | None, end: date | None, lang: str = "id") -> str:
    """The days of a training as written in a letter; what is not known is left out (``""`` if neither).

    >>> format_date_range(date(2026, 11, 24), date(2026, 11, 26))
    '24–26 November 2026'
    >>> format_date_range(date(2026, 11, 30), date(2026, 12, 2), "en")
    '30 November – 2 December 2026'
    >>> format_date_range(date(2026, 11, 24), None)
    '24 November 2026'
    """
    if start is None or end is None or start == end:
        day = start or end
        return format_date(day, lang) if day else ""
    months = _MONTHS[check_lang(lang)]
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end, lang)}"
    if start.year == end.year:
        return f"{start.day} {months[start.month - 1]} – {format_date(end, lang)}"
    return f"{format_date(start, lang)} – {format_date(end, lang)}"


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
