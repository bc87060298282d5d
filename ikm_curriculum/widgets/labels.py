"""Participant-facing labels of the widgets, in Bahasa Indonesia and English."""

from __future__ import annotations

from ikm_curriculum.curriculum import check_lang

LABELS: dict[str, dict[str, str]] = {
    "id": {
        "invalid_number": "angka tidak valid (contoh: 12,5)",
        "saved": "Tersimpan",
        "line": "baris",
        "sim_seed": "Skenario latihan no.",
        "sim_try": "Coba jalankan",
        "sim_submit": "Kirim keputusan",
        "sim_index": "Indeks kartu skor (rata-rata skenario latihan)",
        "sim_cash": "Kas akhir bulan (juta Rp)",
        "sim_refused": "Keputusan ini belum bisa dijalankan. Ubah dulu:",
        "sim_c_rule": "angka penerimaan c harus lebih kecil dari jumlah sampel n (jika n = 0, c juga 0)",
        "lint_clean": "Aturan terbaca dengan baik, tidak ada masalah.",
        "lint_problems": "Perlu diperbaiki:",
        "not_saved": "Belum tersimpan",
        "correct": "Benar!",
        "not_yet": "Belum tepat, coba lagi.",
        "partly": "Sebagian benar, coba lagi.",
        "practice": "Latihan (tidak dinilai)",
        "graded": "Dinilai",
        "points": "poin",
        "answer": "Jawaban",
        "unit": "Satuan",
        "flow_cost": "Biaya aliran (meter-angkut per hari)",
        "rel_score": "Skor kedekatan (REL)",
        "not_placed": "belum ditempatkan",
        "layout_how": (
            "Klik nama bagian, lalu klik kotak tempatnya. Bagian yang sudah ada di kotak itu bertukar tempat."
        ),
        "worked_example": "Contoh dengan data sejenis produk Anda",
        "ucl": "BKA",
        "lot_percent_defective": "Persen cacat dalam lot (%)",
        "probability_accept": "Peluang lot diterima",
        "lsl_spec": "BSB",
        "usl_spec": "BSA",
        "target": "Target",
        "cl": "GT",
        "lcl": "BKB",
        "subgroup": "Subgrup",
        "count": "Jumlah",
        "defect": "Jenis cacat",
        "percent": "Persen",
        "cumulative": "Persen kumulatif",
        "cumulative_percent": "Persen kumulatif (%)",
        "vital_few": "Sedikit yang penting (sampai 80 %)",
        "characters": "karakter",
        "too_long": "terlalu panjang",
        "greeting": "Buku kerja untuk",
        "how_to": (
            "Isi jawaban Anda pada kotak-kotak di bawah. Setiap jawaban langsung tersimpan; "
            "Anda boleh menutup halaman dan membukanya lagi. Soal latihan langsung memberi tahu "
            "apakah jawaban benar; soal yang dinilai baru diperiksa oleh narasumber setelah dikumpulkan."
        ),
        "answers_restored": "Jawaban yang sudah tersimpan dimuat kembali",
        "file_problem": "Masalah pada berkas jawaban",
        "survey": "Survei (tidak dinilai)",
        "comment_too_long": "komentar terlalu panjang (paling banyak {limit} karakter)",
    },
    "en": {
        "invalid_number": "not a valid number (example: 12.5)",
        "saved": "Saved",
        "line": "line",
        "sim_seed": "Practice scenario no.",
        "sim_try": "Try it",
        "sim_submit": "Submit decisions",
        "sim_index": "Scorecard index (mean of the practice scenarios)",
        "sim_cash": "Cash at month end (million Rp)",
        "sim_refused": "These decisions cannot be run yet. Change first:",
        "sim_c_rule": "the acceptance number c must be smaller than the sample size n (if n = 0, c is 0 too)",
        "lint_clean": "The rules read well; no problems found.",
        "lint_problems": "To fix:",
        "not_saved": "Not saved yet",
        "correct": "Correct!",
        "not_yet": "Not quite, try again.",
        "partly": "Partly right, try again.",
        "practice": "Practice (not scored)",
        "graded": "Scored",
        "points": "points",
        "answer": "Answer",
        "unit": "Unit",
        "flow_cost": "Flow cost (metre-moves per day)",
        "rel_score": "Closeness score (REL)",
        "not_placed": "not placed yet",
        "layout_how": "Click a department's name, then click its cell. A department already in that cell swaps places.",
        "worked_example": "Worked example on data like your product's",
        "ucl": "UCL",
        "lot_percent_defective": "Lot percent defective (%)",
        "probability_accept": "Probability of acceptance",
        "lsl_spec": "LSL",
        "usl_spec": "USL",
        "target": "Target",
        "cl": "CL",
        "lcl": "LCL",
        "subgroup": "Subgroup",
        "count": "Count",
        "defect": "Defect type",
        "percent": "Percent",
        "cumulative": "Cumulative percent",
        "cumulative_percent": "Cumulative percent (%)",
        "vital_few": "Vital few (up to 80 %)",
        "characters": "characters",
        "too_long": "too long",
        "greeting": "Workbook for",
        "how_to": (
            "Fill in your answers in the boxes below. Every answer is saved at once; you may close "
            "the page and open it again. Practice items tell you at once whether you are right; "
            "scored items are checked by the facilitator after collection."
        ),
        "answers_restored": "Saved answers were loaded again",
        "file_problem": "Problem with the answer file",
        "survey": "Survey (not scored)",
        "comment_too_long": "comment too long (at most {limit} characters)",
    },
}


def label(lang: str, key: str) -> str:
    """The label ``key`` in ``lang`` ("id" or "en")."""
    return LABELS[check_lang(lang)][key]


def text(value: object, lang: str) -> str:
    """Pick the language from a bilingual ``{"id": ..., "en": ...}`` value; pass strings through."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("id") or "")
    return "" if value is None else str(value)
