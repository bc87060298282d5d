"""Participant feedback pages, on a cohort built here: release, answer files, collect, grade (in-process).

Three participants get the quality workbook (40 points over 14 graded items; ``content.yaml``
of the quality module and its ``exercises.py``):

- Wa Ode Sarimah answers four items right (x̄-R table 6, Pareto share 2, vital few 3, 5R 2 =
  13 points) and writes the short text (3 points, awaiting hand scoring): 13 / 40 = 32.5 %;
- La Ode Kasim gets five of six x̄-R cells right (5 of 6 points) and the Pareto share wrong;
- Hasniah Rauf hands in nothing.

Pre/post-test, simulation and survey rows are written straight into the gradebook.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select

from ikm_curriculum.cohort.gradebook import ExerciseInstanceRow, Participant, Response, Score, Submission
from ikm_curriculum.cohort.training_info import set_training_info
from ikm_curriculum.curriculum import default_curriculum
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.reports.feedback import REVISIT_BELOW, participant_feedback, write_feedback_pages
from ikm_curriculum.reports.tables import FOLLOW_UP_BELOW
from ikm_curriculum.workbooks.collect import collect
from ikm_curriculum.workbooks.grading import grade_cohort

QUALITY = default_curriculum().module("quality")


def rows_of(workspace) -> dict[tuple[str, str], ExerciseInstanceRow]:
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        rows = {(r.participant.code, r.exercise_id): r for r in session.scalars(select(ExerciseInstanceRow))}
    gradebook.dispose()
    return rows


def codes_by_name(workspace) -> dict[str, str]:
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        codes = {p.nama: p.code for p in session.scalars(select(Participant))}
    gradebook.dispose()
    return codes


def write_answers(folder: Path, answers: dict) -> None:
    path = folder / "01_manajemen_mutu.answers.json"
    data = json.loads(path.read_text("utf-8"))
    data["answers"] = {k: {"value": v, "saved_at": "2026-11-25T10:00:00+08:00"} for k, v in answers.items()}
    path.write_text(json.dumps(data), "utf-8")


def add_workbook(workspace, code: str, workbook: str, module: str, items: list[dict]) -> None:
    """Instances, one submission with the answers, and scores, as release + collect + grading would store them."""
    gradebook = workspace.gradebook()
    with gradebook.transaction() as session:
        participant = session.scalar(select(Participant).where(Participant.code == code))
        submission = Submission(
            participant_id=participant.id,
            workbook=workbook,
            source=f"{workbook}.answers.json",
            sha256="0" * 64,
            attempt=1,
            raw="{}",
        )
        for item in items:
            session.add(
                ExerciseInstanceRow(
                    participant_id=participant.id,
                    module=module,
                    exercise_id=item["id"],
                    kind=item["kind"],
                    public=item.get("public", {}),
                    key=item.get("key", {}),
                    max_points=item["max"],
                    graded=item.get("graded", True),
                )
            )
            submission.responses.append(Response(exercise_id=item["id"], value=item.get("value")))
            if "points" in item:
                session.add(
                    Score(
                        participant_id=participant.id,
                        exercise_id=item["id"],
                        method=item["method"],
                        points=item["points"],
                        max_points=item["max"],
                        detail=item.get("detail", {}),
                    )
                )
        session.add(submission)
    gradebook.dispose()


@pytest.fixture
def graded(workspace, released) -> dict[str, str]:
    """The cohort of the module docstring, graded; returns name → participant code."""
    rows = rows_of(workspace)
    codes = codes_by_name(workspace)
    wa, la = codes["Wa Ode Sarimah"], codes["La Ode Kasim"]
    release = workspace.release_dir(released)
    write_answers(
        release / wa,
        {
            "mutu.xbar_r_limits": rows[(wa, "mutu.xbar_r_limits")].key["values"],
            "mutu.pareto_top_share": rows[(wa, "mutu.pareto_top_share")].key["value"],
            "mutu.pareto_vital_few": rows[(wa, "mutu.pareto_vital_few")].key["correct"],
            "mutu.5r_scenario": rows[(wa, "mutu.5r_scenario")].key["correct"],
            "mutu.improvement_action": "Penyebab: Metode. Tindakan: catat suhu tiap batch.",
        },
    )
    xbar = dict(rows[(la, "mutu.xbar_r_limits")].key["values"])
    xbar["ucl_x"] += 5.0  # one cell of six wrong
    write_answers(release / la, {"mutu.xbar_r_limits": xbar, "mutu.pareto_top_share": 1.0})
    collect(workspace, released, release)
    grade_cohort(str(workspace.root), released, "uji-run")
    return codes


def topic_title(exercise_id: str, lang: str = "id") -> str:
    (topic,) = [t for t in QUALITY.topics if exercise_id in t.exercises]
    return topic.title.get(lang)


def test_threshold_is_the_cohort_reports() -> None:
    assert REVISIT_BELOW == FOLLOW_UP_BELOW


def test_scores_items_awaiting_and_follow_up(workspace, graded) -> None:
    data = participant_feedback(workspace, "uji", graded["Wa Ode Sarimah"])
    (quality,) = data.modules
    assert (quality.points, quality.max_points, quality.handed_in) == (13.0, 40.0, True)  # module docstring
    assert data.percent == pytest.approx(32.5)
    graded_items = [e for e in QUALITY.exercises if rows_of(workspace)[(data.code, e)].graded]
    right = {"mutu.xbar_r_limits", "mutu.pareto_top_share", "mutu.pareto_vital_few", "mutu.5r_scenario"}
    waiting = {"mutu.improvement_action"}
    assert [i.exercise_id for i in data.items] == [e for e in graded_items if e not in right | waiting]
    assert all(i.given == "(tidak dijawab)" or i.given.startswith("(tidak") for i in data.items)
    assert [i.exercise_id for i in data.awaiting] == ["mutu.improvement_action"]
    (follow,) = data.follow_up
    # topics where points were lost, in topic order; Pareto lost none (its short text awaits a score)
    lost = [e for e in graded_items if e not in right | waiting]
    assert follow.topics == tuple(dict.fromkeys(topic_title(e) for e in lost))
    assert topic_title("mutu.pareto_top_share") not in follow.topics
    assert follow.percent == pytest.approx(32.5)
    plain = json.loads(json.dumps(data.to_dict()))  # plain values only
    assert plain["percent"] == pytest.approx(32.5) and plain["training"]["cohort"] == "uji"


def test_wrong_answers_in_words_with_explanation(workspace, graded) -> None:
    data = participant_feedback(workspace, "uji", graded["La Ode Kasim"])
    rows = rows_of(workspace)
    by_id = {i.exercise_id: i for i in data.items}
    xbar = by_id["mutu.xbar_r_limits"]
    assert xbar.points == pytest.approx(5.0) and xbar.max_points == 6.0
    assert xbar.given.count("✗") == 1 and xbar.given.count("✓") == 5
    assert xbar.explanation == f"Pelajari lagi: {topic_title('mutu.xbar_r_limits')}"
    share = by_id["mutu.pareto_top_share"]
    expected = rows[(data.code, "mutu.pareto_top_share")].key["value"]
    # the key's abs_tol 0.5 → one decimal, decimal comma, a trailing ",0" dropped (64.0 → "64")
    shown = f"{expected:.1f}".replace(".", ",").removesuffix(",0")
    assert share.given == "1 %" and share.right.startswith(shown + " %")
    assert share.right_label == "Jawaban yang benar"
    english = participant_feedback(workspace, "uji", data.code, "en")
    assert {i.exercise_id for i in english.items} == set(by_id)
    assert english.items[0].explanation.startswith("Study again: ")


def test_nothing_handed_in(workspace, graded) -> None:
    data = participant_feedback(workspace, "uji", graded["Hasniah Rauf"])
    (quality,) = data.modules
    assert not quality.handed_in and quality.points == 0.0
    assert data.items == () and data.awaiting == ()
    assert [(f.module, f.missing) for f in data.follow_up] == [("quality", True)]


def test_manual_score_below_full_marks_shows_the_rubric(workspace, graded) -> None:
    code = graded["Wa Ode Sarimah"]
    gradebook = workspace.gradebook()
    with gradebook.transaction() as session:
        pid = session.scalar(select(Participant.id).where(Participant.code == code))
        session.add(
            Score(
                participant_id=pid,
                exercise_id="mutu.improvement_action",
                method="manual",
                points=1.0,
                max_points=3.0,
                detail={},
            )
        )
    gradebook.dispose()
    data = participant_feedback(workspace, "uji", code)
    assert data.awaiting == ()
    item = next(i for i in data.items if i.exercise_id == "mutu.improvement_action")
    assert item.points == 1.0 and item.right_label == "Pedoman penilaian"
    assert item.given.startswith("Penyebab: Metode") and item.right.startswith("3 poin")
    assert data.modules[0].points == 14.0  # 13 + 1 by hand


def test_pre_post_simulation_and_survey(workspace, graded) -> None:
    code = graded["La Ode Kasim"]
    options = {"options": [{"id": x, "label": {"id": f"Pilihan {x}", "en": f"Option {x}"}} for x in "abc"]}
    explain = {"id": "Peta kendali memantau proses, bukan produk.", "en": "A control chart watches the process."}

    def item(phase: str, n: int, answer: str, right: str = "b") -> dict:
        return {
            "id": f"{phase}1.quality.0{n}",
            "kind": "single_choice",
            "public": {"prompt": "Soal", **options},
            "key": {"correct": right, "explanation": explain},
            "max": 1.0,
            "value": answer,
            "points": float(answer == right),
            "method": "auto",
        }

    add_workbook(workspace, code, "pretest_hari1", "pretest_hari1", [item("pre", 1, "a"), item("pre", 2, "c")])
    add_workbook(workspace, code, "posttest_hari1", "posttest_hari1", [item("post", 1, "b"), item("post", 2, "a")])
    add_workbook(
        workspace,
        code,
        "07_simulasi_sentra",
        "technical_simulation",
        [
            {
                "id": "simulasi.decisions",
                "kind": "decisions",
                "max": 10.0,
                "value": {"production_plan": 1.1},
                "points": 7.5,
                "method": "sim",
                "detail": {"index": 88.4, "reference_index": 96.1, "ratio": 0.92, "rank": 2, "cohort_size": 3},
            }
        ],
    )
    add_workbook(
        workspace,
        code,
        "survei_kepuasan",
        "survei_kepuasan",
        [{"id": "survei.materi", "kind": "likert", "max": 0.0, "graded": False, "value": {"ratings": {}}}],
    )
    data = participant_feedback(workspace, "uji", code)
    (day1,) = data.tests
    # pre 0 of 2, post 1 of 2 → 0 % and 50 %, change +50 percentage points
    assert (day1.day, day1.pre, day1.post, day1.max_points, day1.change) == (1, 0.0, 1.0, 2.0, 50.0)
    missed = [i for i in data.items if i.module == "posttest_hari1"]
    assert [i.exercise_id for i in missed] == ["post1.quality.02"]  # the post-test only: the latest taken
    assert (missed[0].given, missed[0].right) == ("Pilihan a", "Pilihan b")
    assert (missed[0].title, missed[0].prompt) == ("Soal", "")  # no title: the question heads the item
    assert missed[0].explanation == explain["id"]
    assert missed[0].section == "Tes akhir — Hari ke-1"
    assert data.simulation is not None and data.simulation["points"] == 7.5 and data.simulation["rank"] == 2
    assert [m.module for m in data.modules] == ["quality", "technical_simulation"]  # no test, no survey
    assert all("survei" not in i.exercise_id for i in data.items + data.awaiting)
    html = (write_feedback_pages(workspace, "uji", pdf=False)[1]).read_text("utf-8")
    assert "88,4" in html and "96,1" in html and "92,0 % dari acuan" in html and "Peringkat 2 dari 3" in html
    assert "Hari ke-1" in html and "+50,0" in html


def test_refused_decisions_are_explained(workspace, graded) -> None:
    code = graded["Wa Ode Sarimah"]
    add_workbook(
        workspace,
        code,
        "07_simulasi_sentra",
        "technical_simulation",
        [
            {
                "id": "simulasi.decisions",
                "kind": "decisions",
                "max": 10.0,
                "value": {"inspection_n": 5},
                "points": 0.0,
                "method": "sim",
                "detail": {"refused": "inspection_c: expected less than the sample size"},
            }
        ],
    )
    data = participant_feedback(workspace, "uji", code)
    assert data.simulation["refused"].startswith("inspection_c")
    assert not any(i.exercise_id == "simulasi.decisions" for i in data.items)  # shown by its result, not as an item


def test_pages_are_self_contained_and_printable(workspace, graded) -> None:
    set_training_info(
        workspace,
        "uji",
        place="Aula Dinas Perindustrian Kota Kendari",
        start_date=date(2026, 11, 24),
        end_date=date(2026, 11, 26),
        facilitators=["Dr. Rahmawati"],
        organiser="Dinas Perindustrian",
    )
    files = write_feedback_pages(workspace, "uji", engine="weasyprint")
    folder = workspace.report_dir("uji") / "umpan-balik"
    codes = sorted(graded.values())
    assert sorted(p.name for p in files) == sorted([f"{c}.html" for c in codes] + [f"{c}.pdf" for c in codes])
    assert all(p.parent == folder for p in files)
    page = (folder / f"{graded['La Ode Kasim']}.html").read_text("utf-8")
    assert not re.findall(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", page)  # nothing outside the file
    assert "http" not in page and "<script" not in page and "@page" in page
    assert "La Ode Kasim" in page and "24–26 November 2026" in page and "Aula Dinas Perindustrian" in page
    reader = pypdf.PdfReader(folder / f"{graded['La Ode Kasim']}.pdf")
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) >= 1 and "Umpan Balik Hasil Belajar" in text and "La Ode Kasim" in text
    assert "Jawaban yang belum tepat" in text


def test_english_pages_and_html_only(workspace, graded) -> None:
    files = write_feedback_pages(workspace, "uji", lang="en", pdf=False)
    assert {p.parent.name for p in files} == {"feedback"} and all(p.suffix == ".html" for p in files)
    page = files[0].read_text("utf-8")
    assert "Your Learning Feedback" in page and 'lang="en"' in page


def test_unknown_participant_or_cohort_is_named(workspace, graded) -> None:
    with pytest.raises(WorkspaceError, match=r"no participant 'siapa-0000'; participants: .*wa-ode"):
        participant_feedback(workspace, "uji", "siapa-0000")
    with pytest.raises(WorkspaceError, match=r"no cohort 'lain'"):
        participant_feedback(workspace, "lain", "x")
