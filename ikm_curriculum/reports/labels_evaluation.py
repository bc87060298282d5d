"""Report text of the full cohort report (cover, attendance, pre/post, item analysis, survey, centres, Excel).

Merged into :data:`ikm_curriculum.reports.labels.LABELS`; kept apart only so
that neither file grows too long. Indonesian first, for the city office.
"""

from __future__ import annotations

_ID: dict[str, str] = {
    # cover and file names
    "training": "Pelatihan",
    "dates": "Tanggal pelaksanaan",
    "place": "Tempat",
    "organiser": "Penyelenggara",
    "facilitators": "Narasumber",
    "lesson_hours": "Jumlah jam pelajaran",
    "anonymized_note": "Versi tanpa nama: nama peserta diganti kode (P01, P02, …). Daftar kode disimpan narasumber.",
    "report_stem": "laporan-{cohort}",
    "anonymous_suffix": "anonim",
    "n_cohorts": "{n} angkatan",
    # attendance
    "attendance_heading": "Kehadiran dan penyelesaian tugas",
    "attendance_note": "Kehadiran dilihat dari tugas yang dikumpulkan: peserta dihitung hadir pada suatu hari bila "
    "mengumpulkan setidaknya satu buku kerja hari itu. Daftar hadir tertulis tetap menjadi acuan resmi.",
    "what": "Keterangan",
    "day_n": "Hari ke-{day}",
    "all_days": "Tiga hari",
    # heat map
    "heatmap_heading": "Peta nilai: peserta × modul",
    "heatmap_note": "Setiap kotak = nilai peserta pada modul itu (%). Merah = rendah, kuning = sedang, hijau = "
    "tinggi. Baris abu-abu: peserta belum mengumpulkan tugas.",
    "heatmap_scale": "Nilai (%)",
    # pre/post
    "pre_post_heading": "Tes awal dan tes akhir: peningkatan pengetahuan",
    "pre_post_none": "Belum ada tes awal atau tes akhir yang dikumpulkan.",
    "pre_post_intro": "Setiap hari peserta mengerjakan soal yang sama sebelum dan sesudah materi (tes awal dan tes "
    "akhir). Hanya peserta yang mengerjakan keduanya yang dihitung. Nilai tes tidak masuk nilai akhir pelatihan.",
    "pre_post_people": "Nilai tes per peserta (%)",
    "test": "Tes",
    "mean_pre": "Rata-rata tes awal (%)",
    "mean_post": "Rata-rata tes akhir (%)",
    "class_gain": "N-gain kelas ⟨g⟩",
    "mean_individual_gain": "Rata-rata N-gain peserta",
    "gain_band": "Kategori",
    "p_t": "p (uji t berpasangan)",
    "p_wilcoxon": "p (uji Wilcoxon)",
    "pre_day": "Awal hari {day}",
    "post_day": "Akhir hari {day}",
    "gain_day": "N-gain hari {day}",
    "gain_note": "N-gain = (rata-rata akhir − rata-rata awal) ÷ (100 − rata-rata awal) (Hake, 1998): rendah di "
    "bawah 0,3; sedang 0,3 sampai di bawah 0,7; tinggi 0,7 ke atas. N-gain peserta yang nilai awalnya 100 tidak "
    "dapat dihitung dan tidak dimasukkan. p di bawah 0,05 berarti kenaikan itu kecil kemungkinannya hanya kebetulan.",
    # item analysis
    "item_analysis_heading": "Analisis butir soal",
    "item_analysis_intro": "Untuk narasumber: soal mana yang bekerja baik. Tingkat kemudahan = persentase peserta "
    "yang menjawab benar; daya beda = seberapa kuat soal memisahkan peserta yang nilainya tinggi dan rendah "
    "(definisi statistik kuis Moodle). Soal bertanda perlu ditinjau sebelum angkatan berikutnya.",
    "item_analysis_too_few": "Terlalu sedikit peserta untuk analisis butir (paling sedikit {n} orang).",
    "n_items": "Jumlah soal",
    "test_mean": "Rata-rata tes akhir",
    "test_sd": "Simpangan baku",
    "alpha": "Konsistensi internal (alfa Cronbach / KR-20)",
    "error_ratio": "Rasio galat",
    "standard_error": "Galat baku pengukuran",
    "alpha_note": "Alfa di atas 0,7 biasanya dianggap cukup untuk tes kelas; dengan sedikit peserta dan soal, "
    "angka ini kurang stabil.",
    "question": "Soal",
    "facility": "Tingkat kemudahan (%)",
    "facility_pre": "Kemudahan tes awal (%)",
    "facility_post": "Kemudahan tes akhir (%)",
    "discrimination": "Daya beda (%)",
    "efficiency": "Efisiensi daya beda (%)",
    "flags": "Perlu ditinjau",
    "exercises_review": "Latihan modul yang perlu ditinjau",
    "exercises_review_note": "Latihan bernilai dalam buku kerja modul, dengan definisi yang sama; hanya yang "
    "bertanda yang ditampilkan (lengkapnya di lembar Excel 'Analisis butir').",
    "nothing_flagged": "Tidak ada latihan yang perlu ditinjau.",
    # simulation
    "simulation_heading": "Simulasi teknis sentra",
    "simulation_none": "Simulasi belum dijalankan (perintah: ikm simulate).",
    "simulation_intro": "Keputusan setiap peserta dijalankan pada skenario tersembunyi yang sama untuk semua. "
    "Indeks = indeks kartu skor KPI sentra, rata-rata empat triwulan dan semua skenario. Rentang: 8 dari 10 "
    "skenario berada di antaranya (persentil 10 dan 90). Pembanding: kebijakan acuan narasumber.",
    "sim_index": "Indeks",
    "sim_range": "Rentang",
    "sim_reference": "Indeks kebijakan acuan",
    "sim_refused": "keputusan tidak dapat dijalankan",
    "rank": "Peringkat",
    # survey
    "survey_heading": "Survei kepuasan peserta",
    "survey_none": "Belum ada jawaban survei kepuasan.",
    "survey_note": "Skala 1 (sangat tidak setuju) sampai 5 (sangat setuju). Setuju = jawaban 4 atau 5.",
    "survey_overall": "Rata-rata kepuasan (1–5)",
    "survey_statements": "Per pernyataan",
    "survey_comments": "Saran dan komentar peserta",
    "aspect": "Aspek",
    "statement": "Pernyataan",
    "mean_rating": "Rata-rata (1–5)",
    "favourable": "Setuju (%)",
    # readiness
    "readiness_heading": "Kesiapan sentra dan daftar tindak lanjut",
    "readiness_intro": "Kartu skor setiap sentra memakai cara modul pendampingan: setiap modul satu indikator, "
    "target {target} % dari nilai modul. Hijau: sesuai rencana; kuning: perlu perhatian; merah: perlu tindakan.",
    "readiness_index": "Indeks kesiapan",
    "participants_n": "Peserta",
    "n_actions": "Tindak lanjut",
    "status": "Status",
    "no_work": "belum ada tugas",
    "readiness_ready": "Semua modul mencapai target; cukup pemantauan rutin.",
    "readiness_note": "Batas waktu = kunjungan monitoring dan evaluasi (monev) pertama, sekitar tiga bulan "
    "setelah pelatihan. Target dan batas warna adalah nilai bawaan yang dapat diubah sesuai kebijakan Dinas.",
    "priority": "Prioritas",
    "action": "Tindakan",
    "owner": "Penanggung jawab",
    "due": "Batas waktu",
    "measure": "Ukuran keberhasilan",
    # Excel
    "sheet_rekap": "Rekap",
    "sheet_modules": "Per modul",
    "sheet_item_analysis": "Analisis butir",
    "sheet_pre_post": "Pre-Post",
    "sheet_survey": "Survei",
    "sheet_item_scores": "Nilai per soal",
    "source_test": "Sumber",
    "source_test_value": "Tes akhir",
    "source_exercise_value": "Latihan modul",
    "comment": "Komentar",
    "fb_comment": "Catatan narasumber",
    "statistic": "Statistik tes akhir",
}

_EN: dict[str, str] = {
    "training": "Training",
    "dates": "Dates",
    "place": "Place",
    "organiser": "Organiser",
    "facilitators": "Facilitators",
    "lesson_hours": "Lesson hours",
    "anonymized_note": "Anonymous version: participants' names are replaced by codes (P01, P02, …). The "
    "facilitators keep the list of codes.",
    "report_stem": "report-{cohort}",
    "anonymous_suffix": "anonymous",
    "n_cohorts": "{n} cohorts",
    "attendance_heading": "Attendance and completion",
    "attendance_note": "Attendance is seen from the work handed in: a participant counts as present on a day when "
    "they handed in at least one workbook of that day. The signed attendance list remains the official record.",
    "what": "What",
    "day_n": "Day {day}",
    "all_days": "All three days",
    "heatmap_heading": "Score map: participants × modules",
    "heatmap_note": "Each cell = the participant's score in that module (%). Red = low, yellow = middle, green = "
    "high. Grey rows: no work handed in.",
    "heatmap_scale": "Score (%)",
    "pre_post_heading": "Pre-test and post-test: learning gain",
    "pre_post_none": "No pre-test or post-test has been handed in yet.",
    "pre_post_intro": "Each day the participants answered the same questions before and after the sessions (pre-test "
    "and post-test). Only participants who took both count. Test scores do not count in the training score.",
    "pre_post_people": "Test scores per participant (%)",
    "test": "Test",
    "mean_pre": "Mean pre-test (%)",
    "mean_post": "Mean post-test (%)",
    "class_gain": "Class normalised gain ⟨g⟩",
    "mean_individual_gain": "Mean of individual gains",
    "gain_band": "Band",
    "p_t": "p (paired t-test)",
    "p_wilcoxon": "p (Wilcoxon test)",
    "pre_day": "Pre, day {day}",
    "post_day": "Post, day {day}",
    "gain_day": "Gain, day {day}",
    "gain_note": "Normalised gain = (mean post − mean pre) ÷ (100 − mean pre) (Hake, 1998): low below 0.3; medium "
    "0.3 to below 0.7; high 0.7 and above. The gain of a participant with a perfect pre-test is undefined and left "
    "out. p below 0.05 means the increase is unlikely to be chance alone.",
    "item_analysis_heading": "Item analysis",
    "item_analysis_intro": "For facilitators: which questions worked. Facility = share of participants who answered "
    "right; discrimination = how well the item separates stronger from weaker participants (Moodle's quiz "
    "statistics definitions). Flagged items should be reviewed before the next cohort.",
    "item_analysis_too_few": "Too few participants for an item analysis (at least {n}).",
    "n_items": "Items",
    "test_mean": "Post-test mean",
    "test_sd": "Standard deviation",
    "alpha": "Internal consistency (Cronbach's alpha / KR-20)",
    "error_ratio": "Error ratio",
    "standard_error": "Standard error of measurement",
    "alpha_note": "An alpha above 0.7 is usually taken as enough for a classroom test; with few participants and "
    "items it is not stable.",
    "question": "Question",
    "facility": "Facility (%)",
    "facility_pre": "Facility, pre-test (%)",
    "facility_post": "Facility, post-test (%)",
    "discrimination": "Discrimination (%)",
    "efficiency": "Discriminative efficiency (%)",
    "flags": "To review",
    "exercises_review": "Module exercises to review",
    "exercises_review_note": "Graded exercises of the module workbooks, same definitions; only flagged ones are "
    "shown (all are in the Excel sheet 'Item analysis').",
    "nothing_flagged": "No exercise needs review.",
    "simulation_heading": "Technical simulation of a centre",
    "simulation_none": "The simulation has not been run yet (command: ikm simulate).",
    "simulation_intro": "Each participant's decisions were played on the same hidden scenarios for everyone. Index "
    "= the centre's KPI scorecard index, mean of four quarters and of all scenarios. Range: 8 scenarios in 10 fall "
    "within it (10th and 90th percentiles). Yardstick: the facilitators' reference policy.",
    "sim_index": "Index",
    "sim_range": "Range",
    "sim_reference": "Reference policy's index",
    "sim_refused": "decisions could not be run",
    "rank": "Rank",
    "survey_heading": "Participant satisfaction survey",
    "survey_none": "No survey answers yet.",
    "survey_note": "Scale 1 (strongly disagree) to 5 (strongly agree). Agree = an answer of 4 or 5.",
    "survey_overall": "Mean satisfaction (1–5)",
    "survey_statements": "By statement",
    "survey_comments": "Participants' suggestions and comments",
    "aspect": "Aspect",
    "statement": "Statement",
    "mean_rating": "Mean (1–5)",
    "favourable": "Agree (%)",
    "readiness_heading": "Readiness of each centre and follow-up list",
    "readiness_intro": "Each centre's scorecard is built as the mentoring module teaches: one indicator per module, "
    "target {target} % of the module's points. Green: on track; amber: needs attention; red: action needed.",
    "readiness_index": "Readiness index",
    "participants_n": "Participants",
    "n_actions": "Follow-up items",
    "status": "Status",
    "no_work": "no work yet",
    "readiness_ready": "Every module reached its target; routine monitoring is enough.",
    "readiness_note": "Due date = the first monitoring and evaluation visit (monev), about three months after the "
    "training. Targets and colour limits are defaults that the Dinas can change.",
    "priority": "Priority",
    "action": "Action",
    "owner": "Responsible",
    "due": "Due",
    "measure": "Measure of success",
    "sheet_rekap": "Summary",
    "sheet_modules": "By module",
    "sheet_item_analysis": "Item analysis",
    "sheet_pre_post": "Pre-Post",
    "sheet_survey": "Survey",
    "sheet_item_scores": "Item scores",
    "source_test": "Source",
    "source_test_value": "Post-test",
    "source_exercise_value": "Module exercise",
    "comment": "Comment",
    "fb_comment": "Facilitator's note",
    "statistic": "Post-test statistic",
}

EVALUATION_LABELS: dict[str, dict[str, str]] = {"id": _ID, "en": _EN}
"""Report text by language, then by key (merged into the report's labels)."""
