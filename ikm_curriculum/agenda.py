"""The three-day agenda as text for a terminal (``ikm curriculum``)."""

from __future__ import annotations

from ikm_curriculum.curriculum import FORMATS, JP_MINUTES, Curriculum, check_lang

DAY_START_MINUTES = 8 * 60  # sessions start at 08:00
LUNCH_AFTER_MINUTES = 12 * 60  # the lunch break follows the first session ending at or after 12:00
LUNCH_MINUTES = 60

_WORDS = {
    "id": {
        "day": "Hari",
        "lunch": "ISHOMA (istirahat, salat, makan)",
        "total": "Jumlah",
        "grand": "Total pelatihan",
        "jp": f"1 JP = {JP_MINUTES} menit",
        "title": "Agenda pelatihan",
    },
    "en": {
        "day": "Day",
        "lunch": "Lunch break",
        "total": "Total",
        "grand": "Training total",
        "jp": f"1 JP = {JP_MINUTES} minutes",
        "title": "Training agenda",
    },
}


def _clock(minutes: int) -> str:
    """``HH:MM`` of a number of minutes after midnight.

    >>> _clock(8 * 60 + 45)
    '08:45'
    """
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_agenda(curriculum: Curriculum, lang: str = "id") -> str:
    """The three-day agenda as plain text for a terminal.

    Each day starts at 08:00; a session lasts ``lesson_hours × 45`` minutes
    and the next one starts when it ends. One 60-minute lunch break (ISHOMA)
    follows the first session of the day that ends at or after 12:00, when
    another session comes after it. Other breaks are not shown.

    Parameters
    ----------
    curriculum : Curriculum
    lang : {"id", "en"}
        Language of the headings, titles and format labels.

    Returns
    -------
    str
        A heading per day, one block per session (clock times, title,
        module, format, JP), a total per day and a grand total.

    Raises
    ------
    ValueError
        ``lang`` is not ``"id"`` or ``"en"``.
    """
    words = _WORDS[check_lang(lang)]
    rows = curriculum.agenda()
    lines = [f"{words['title']} ({words['jp']})"]
    for day in sorted({r.day for r in rows}):
        day_rows = [r for r in rows if r.day == day]
        lines += ["", f"{words['day']} {day}"]
        clock, lunch_done = DAY_START_MINUTES, False
        for n, row in enumerate(day_rows):
            end = clock + row.lesson_hours * JP_MINUTES
            lines.append(f"  {_clock(clock)}-{_clock(end)}  {row.session_title.get(lang)}")
            lines.append(f"{'':15}{row.module_title.get(lang)} | {FORMATS[row.format][lang]} | {row.lesson_hours} JP")
            clock = end
            if not lunch_done and end >= LUNCH_AFTER_MINUTES and n + 1 < len(day_rows):
                lines.append(f"  {_clock(clock)}-{_clock(clock + LUNCH_MINUTES)}  {words['lunch']}")
                clock, lunch_done = clock + LUNCH_MINUTES, True
        lines.append(f"  {words['total']} {words['day'].lower()} {day}: {sum(r.lesson_hours for r in day_rows)} JP")
    lines += ["", f"{words['grand']}: {curriculum.total_lesson_hours()} JP"]
    return "\n".join(lines)
