"""The ``ikm`` command: thin wrappers that parse arguments and call one library function each."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Callable

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ikm_curriculum import __version__
from ikm_curriculum.errors import IkmError

console = Console(soft_wrap=True)  # never break a path in two
LANG = click.Choice(["id", "en"])


def workspace_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--workspace",
        "-w",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Workspace folder (default: $IKM_WORKSPACE, else the current folder).",
    )(command)


def _workspace(path: Path | None) -> Any:
    from ikm_curriculum.cohort.workspace import open_workspace

    return open_workspace(path)


class IkmGroup(click.Group):
    """Prints an :class:`IkmError` as one clear message (exit code 1) instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except IkmError as exc:
            console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
            ctx.exit(1)


@click.group(cls=IkmGroup)
@click.version_option(__version__, prog_name="ikm")
def cli() -> None:
    """ikm-curriculum: workbooks, grading and reports for the training of sentra IKM managers."""
    from ikm_curriculum import curriculum

    curriculum.default_curriculum()  # every content.yaml is checked before any command runs


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Make a workspace in DIRECTORY (config ikm.toml and the gradebook ikm.db)."""
    from ikm_curriculum.cohort.workspace import init_workspace

    workspace, created = init_workspace(directory)
    verb = "Created" if created else "Already a workspace, left as it is:"
    console.print(
        f"{verb} {workspace.root}\n  config:    {workspace.root / 'ikm.toml'}\n  gradebook: {workspace.database_url}"
    )


@cli.command()
@click.option("--lang", type=LANG, default="id", show_default=True)
def curriculum(lang: str) -> None:
    """Print the three-day agenda of the training."""
    from ikm_curriculum.agenda import format_agenda
    from ikm_curriculum.curriculum import default_curriculum

    click.echo(format_agenda(default_curriculum(), lang=lang))


@cli.command("register")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", type=LANG, default="id", show_default=True)
def register_command(path: Path, lang: str) -> None:
    """Check a centre's asset register (KIB, CSV or XLSX): totals by card and condition, write-off candidates.

    Every problem is listed by row and field; nothing is stored.
    """
    from ikm_curriculum.modules.assets.cards import CARDS, CONDITIONS
    from ikm_curriculum.modules.assets.sample_data import rupiah
    from ikm_curriculum.register_files import read_register

    register = read_register(path)
    totals = register.totals().to_dict()
    cards = Table("KIB", "", "barang" if lang == "id" else "items", "Rp", title=path.name)
    for card, row in totals["by_card"].items():
        cards.add_row(card, getattr(CARDS[card], lang), str(row["records"]), rupiah(row["cost"])[lang])
    conditions = Table("kondisi" if lang == "id" else "condition", "barang" if lang == "id" else "items", "Rp")
    for code, row in totals["by_condition"].items():
        conditions.add_row(
            f"{getattr(CONDITIONS[code], lang)} ({code})", str(row["records"]), rupiah(row["cost"])[lang]
        )
    console.print(cards, conditions)
    heading = "Usulan penghapusan (Rusak Berat)" if lang == "id" else "To propose for write-off (major damage)"
    candidates = [f"{r.code} {r.name}" for r in register.write_off_candidates()]
    console.print(f"{heading}: {', '.join(candidates) or '—'}")


@cli.group("rules")
def rules_group() -> None:
    """A centre's house rules (tata tertib): the template, a check of the text, violations in an event log."""


@rules_group.command("template")
def rules_template() -> None:
    """Print the template rule set of a centre with a UPT (YAML, Indonesian): ikm rules template > aturan.yaml"""
    from ikm_curriculum.modules.rules import template_text

    click.echo(template_text(), nl=False)


@rules_group.command("lint")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", type=LANG, default="id", show_default=True)
def rules_lint(path: Path, lang: str) -> None:
    """List every problem of a rule set by line and rule; exit 1 if there is an error."""
    from ikm_curriculum.modules.rules import lint

    issues = lint(path.read_text(encoding="utf-8"))
    for issue in issues:
        console.print(f"{path.name}:{issue.line} {issue.rule or '—'} [{issue.severity}] "
                      f"{escape(getattr(issue.message, lang))}", highlight=False)  # fmt: skip
    if not issues:
        console.print("Tidak ada masalah." if lang == "id" else "No problems found.")
    if any(issue.severity == "error" for issue in issues):
        raise SystemExit(1)


@rules_group.command("check")
@click.argument("events", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--rules", "rules_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="The centre's rule set (YAML); default: the template.")  # fmt: skip
@click.option(
    "--until", default=None, help="The log is complete up to this date (judges deadlines); default: last event."
)
@click.option("--lang", type=LANG, default="id", show_default=True)
def rules_check(events: Path, rules_path: Path | None, until: str | None, lang: str) -> None:
    """Every violation in an event log (CSV) with its evidence and the sanction due."""
    from ikm_curriculum.modules import rules
    from ikm_curriculum.modules.rules.sanctions import step_label

    ruleset = rules.load(rules_path.read_text(encoding="utf-8")) if rules_path else rules.template()
    found = rules.check(ruleset, events.read_text(encoding="utf-8-sig"), until=until, lang=lang)
    title = f"{ruleset.centre}: {len(found)} " + ("pelanggaran" if lang == "id" else "violations")
    table = Table("rule", "member", "time", "evidence", "sanction", title=title)
    for row in found.itertuples(index=False):
        sanction = getattr(step_label(row.sanction), lang)  # the ladder step as people say it
        table.add_row(row.rule, row.member, row.time.strftime("%Y-%m-%d %H:%M"), row.evidence, sanction)
    console.print(table)


@cli.group()
def cohort() -> None:
    """Create and list cohorts."""


@cohort.command("create")
@click.argument("name")
@click.option("--roster", required=True, type=click.Path(dir_okay=False, path_type=Path), help="CSV or XLSX roster.")
@click.option("--lang", type=LANG, default=None, help="Language of workbooks and reports (default: workspace's).")
@workspace_option
def cohort_create(name: str, roster: Path, lang: str | None, workspace: Path | None) -> None:
    """Create cohort NAME from a roster (columns nama, sentra, komoditas, kabupaten_kota)."""
    from ikm_curriculum.cohort.cohorts import create_cohort

    created = create_cohort(_workspace(workspace), name, roster, lang)
    table = Table("id", "nama", title=f"Cohort {created.name}: {len(created.participants)} participants")
    for code, nama in created.participants:
        table.add_row(code, nama)
    console.print(table)


@cohort.command("list")
@workspace_option
def cohort_list(workspace: Path | None) -> None:
    """List the cohorts of the workspace."""
    from sqlalchemy import select

    from ikm_curriculum.cohort.gradebook import Cohort

    gradebook = _workspace(workspace).gradebook()
    with gradebook.session() as session:
        table = Table("cohort", "participants", "created")
        for row in session.scalars(select(Cohort).order_by(Cohort.name)):
            table.add_row(row.name, str(len(row.participants)), row.created_at.strftime("%Y-%m-%d %H:%M"))
    gradebook.dispose()
    console.print(table)


@cli.command()
@click.argument("cohort_name", metavar="COHORT")
@click.option("--module", "-m", default=None, help="Release only this module (e.g. quality).")
@click.option("--lang", type=LANG, default=None, help="Language of the workbooks (default: the cohort's).")
@workspace_option
def release(cohort_name: str, module: str | None, lang: str | None, workspace: Path | None) -> None:
    """Write each participant's workbooks and empty answer files."""
    from ikm_curriculum.workbooks.release import release_cohort

    summary = release_cohort(_workspace(workspace), cohort_name, module, lang)
    console.print(
        f"Released {', '.join(summary.workbooks)} to {summary.participants} participants "
        f"({summary.files} files) in {summary.folder}"
    )


@cli.command()
@click.argument("cohort_name", metavar="COHORT")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@workspace_option
def collect(cohort_name: str, source: Path, workspace: Path | None) -> None:
    """Read answer files from SOURCE (a folder or .zip of participant folders) into the gradebook."""
    from ikm_curriculum.workbooks.collect import collect as collect_answers

    outcomes = collect_answers(_workspace(workspace), cohort_name, source)
    print_collect_summary(outcomes)


def print_collect_summary(outcomes: list[Any]) -> None:
    table = Table("participant", "file", "status", "attempt", "reason", title="Collect")
    colours = {"accepted": "green", "unchanged": "dim", "rejected": "red"}
    for o in outcomes:
        table.add_row(o.participant, o.file, f"[{colours[o.status]}]{o.status}[/]", str(o.attempt or ""), o.reason)
    console.print(table)
    counts = {s: sum(o.status == s for o in outcomes) for s in colours}
    console.print(f"accepted {counts['accepted']}, unchanged {counts['unchanged']}, rejected {counts['rejected']}")


@cli.command()
@click.argument("cohort_name", metavar="COHORT")
@workspace_option
def grade(cohort_name: str, workspace: Path | None) -> None:
    """Score the whole cohort in one run of the grading notebook."""
    from ikm_curriculum.workbooks.grading import run_grading

    result = run_grading(_workspace(workspace), cohort_name)
    console.print(
        f"Graded {result.participants} participants ({result.submitted} with answers): "
        f"{result.scores} item scores, {result.awaiting_manual} awaiting hand scoring.\n"
        f"Run {result.run_id}; notebook: {result.notebook}"
    )


@cli.command()
@click.argument("cohort_name", metavar="COHORT")
@workspace_option
def simulate(cohort_name: str, workspace: Path | None) -> None:
    """Score every participant's simulation decisions on the cohort's hidden scenarios (one notebook run)."""
    from ikm_curriculum.workbooks.simulation import run_simulation

    result = run_simulation(_workspace(workspace), cohort_name)
    console.print(
        f"Simulated {result.scored} participants' decisions; {result.without_decisions} without decisions."
        f"\nRun {result.run_id}; notebook: {result.notebook}"
    )
    for nama, reason in result.refused.items():
        console.print(f"  refused {escape(nama)}: {escape(reason)} (0 points)", highlight=False)


@cli.command()
@click.argument("cohort_name", metavar="COHORT")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@workspace_option
def scores(cohort_name: str, fmt: str, workspace: Path | None) -> None:
    """Print each participant's total and per-module scores."""
    from ikm_curriculum.cohort.scores import cohort_scores

    result = cohort_scores(_workspace(workspace), cohort_name)
    rows = [p.to_dict() for p in result.participants]
    if fmt == "json":
        click.echo(
            json.dumps({"cohort": result.cohort, "modules": list(result.modules), "participants": rows}, indent=1)
        )
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["code"])
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buffer.getvalue(), nl=False)
    else:
        table = Table("id", "nama", "sentra", *result.modules, "total", "%", "to score by hand", title=result.cohort)
        for p in result.participants:
            per_module = [p.points_text(m) for m in result.modules]
            table.add_row(
                p.code,
                p.nama,
                p.sentra,
                *per_module,
                p.points_text(),
                f"{p.percent:.1f}",
                str(p.awaiting_manual or ""),
            )
        console.print(table)


@cli.command()
@click.argument("cohort_name", metavar="COHORT")
@click.option("--lang", type=LANG, default=None, help="Language of the report (default: the workspace's).")
@workspace_option
def report(cohort_name: str, lang: str | None, workspace: Path | None) -> None:
    """Write the cohort report (one offline HTML file) and the Excel workbook of scores."""
    from ikm_curriculum.reports.cohort_report import build_report

    paths = build_report(_workspace(workspace), cohort_name, lang)
    console.print(f"Report: {paths.html}\nExcel:  {paths.excel}\nNotebook: {paths.notebook}")


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=Path("ikm-demo"))
@click.option("--lang", type=LANG, default="id", show_default=True)
def demo(directory: Path, lang: str) -> None:
    """Run the whole pipeline on a fictional cohort of 18 participants in DIRECTORY."""
    from ikm_curriculum.demo import run_demo

    run_demo(directory, lang=lang, console=console)


def main() -> None:
    cli()
