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
        f"{verb} {workspace.root}\n  config:    {workspace.root / 'ikm.toml'}\n"
        f"  gradebook: {workspace.database_url_shown}"
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


@cohort.command("info")
@click.argument("name")
@click.option("--title", default=None, help="Name of the training (default: the programme's name).")
@click.option("--place", default=None, help="Where it was held, e.g. 'Aula Dinas Perindustrian, Kendari'.")
@click.option("--organiser", default=None, help="Who organised it, e.g. the city's industry office.")
@click.option("--start", "start", default=None, help="First day, YYYY-MM-DD.")
@click.option("--end", "end", default=None, help="Last day, YYYY-MM-DD.")
@click.option("--facilitator", "facilitators", multiple=True, help="A facilitator's name (repeat for each).")
@workspace_option
def cohort_info(
    name: str,
    title: str | None,
    place: str | None,
    organiser: str | None,
    start: str | None,
    end: str | None,
    facilitators: tuple[str, ...],
    workspace: Path | None,
) -> None:
    """Show, or change, the training details of cohort NAME that the report's cover and certificates print."""
    from ikm_curriculum.cohort.training_info import parse_date, set_training_info

    info = set_training_info(
        _workspace(workspace),
        name,
        title=title,
        place=place,
        organiser=organiser,
        start_date=parse_date(start, "--start") if start else None,
        end_date=parse_date(end, "--end") if end else None,
        facilitators=list(facilitators) if facilitators else None,
    )
    table = Table("field", "value", title=f"Cohort {name}")
    for key, value in info.to_dict().items():
        if key != "cohort":
            table.add_row(key, ", ".join(value) if isinstance(value, list) else str(value or "–"))
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
@click.argument("source", type=click.Path(exists=True, path_type=Path), required=False)
@workspace_option
def collect(cohort_name: str, source: Path | None, workspace: Path | None) -> None:
    """Read answer files into the gradebook: from SOURCE (a folder or .zip of participant folders), else from the
    cohort's own release folders (where `ikm serve` saves participants' answers)."""
    from ikm_curriculum.workbooks.collect import collect as collect_answers

    opened = _workspace(workspace)
    outcomes = collect_answers(opened, cohort_name, source or opened.release_dir(cohort_name))
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
@click.argument("cohort_names", metavar="COHORT...", nargs=-1, required=True)
@click.option("--lang", type=LANG, default=None, help="Language of the report (default: the workspace's).")
@click.option("--anonymize", is_flag=True, help="Replace participants' names by codes (P01, P02, ...).")
@click.option("--no-pdf", "no_pdf", is_flag=True, help="Write the HTML and Excel files only.")
@workspace_option
def report(
    cohort_names: tuple[str, ...], lang: str | None, anonymize: bool, no_pdf: bool, workspace: Path | None
) -> None:
    """Write the cohort report: one offline HTML file, its PDF, and the Excel workbook.

    Several cohorts make one combined report (reports/gabungan/).
    """
    from ikm_curriculum.reports.cohort_report import build_report

    cohorts = cohort_names[0] if len(cohort_names) == 1 else list(cohort_names)
    paths = build_report(_workspace(workspace), cohorts, lang, anonymize=anonymize, pdf=not no_pdf)
    console.print(f"Report: {paths.html}", highlight=False)
    if paths.pdf:
        console.print(f"PDF:    {paths.pdf}", highlight=False)
    elif paths.pdf_problem:
        console.print(f"[yellow]No PDF:[/] {paths.pdf_problem}", highlight=False)
    console.print(f"Excel:  {paths.excel}\nNotebook: {paths.notebook}", highlight=False)


@cli.command("hand-grade")
@click.argument("cohort_name", metavar="COHORT")
@click.option("--lang", type=LANG, default=None, help="Language of the notebook (default: the cohort's).")
@click.option("--grader", default="", help="Your name, saved with every score you give.")
@workspace_option
def hand_grade(cohort_name: str, lang: str | None, grader: str, workspace: Path | None) -> None:
    """Prepare the notebook to score the short answers by hand, and say how to open it."""
    from ikm_curriculum.workbooks.hand_grading import prepare_hand_grading

    prepared = prepare_hand_grading(_workspace(workspace), cohort_name, lang, grader)
    console.print(f"Notebook: {prepared.path}\n{prepared.how_to_open()}", highlight=False)


@cli.command()
@click.argument("cohort_name", metavar="COHORT")
@click.option("--lang", type=LANG, default=None, help="Language of the pages (default: the workspace's).")
@click.option("--no-pdf", "no_pdf", is_flag=True, help="Write the HTML pages only.")
@workspace_option
def feedback(cohort_name: str, lang: str | None, no_pdf: bool, workspace: Path | None) -> None:
    """Write one feedback page per participant (HTML and PDF): scores, mistakes with the right answers, follow-up."""
    from ikm_curriculum.reports.feedback import write_feedback_pages

    opened = _workspace(workspace)
    paths = write_feedback_pages(opened, cohort_name, lang or opened.lang, pdf=not no_pdf)
    console.print(f"{len(paths)} files in {paths[0].parent if paths else opened.report_dir(cohort_name)}")


@cli.command()
@click.argument("cohort_name", metavar="COHORT")
@click.option("--lang", type=LANG, default=None, help="Language of the certificates (default: the workspace's).")
@click.option("--min-percent", type=float, default=0.0, show_default=True, help="Lowest final score for one.")
@click.option("--no-pdf", "no_pdf", is_flag=True, help="Write the HTML certificates only.")
@workspace_option
def certificates(cohort_name: str, lang: str | None, min_percent: float, no_pdf: bool, workspace: Path | None) -> None:
    """Issue certificates of completion, each with a code that `ikm verify` checks."""
    from ikm_curriculum.reports.certificates import CompletionRule, certificate_eligibility, issue_certificates

    opened = _workspace(workspace)
    lang = lang or opened.lang
    issued = issue_certificates(opened, cohort_name, lang, pdf=not no_pdf, min_percent=min_percent)
    table = Table("code", "nama", "%", "file", title=f"Certificates, cohort {cohort_name}: {len(issued)}")
    for cert in issued:
        table.add_row(cert.code, cert.nama, f"{cert.percent:.1f}", str(cert.pdf or cert.html or ""))
    console.print(table)
    for entry in certificate_eligibility(opened, cohort_name, CompletionRule(min_percent), lang):
        if not entry.eligible:
            why = ", ".join(entry.missing) or f"below {min_percent:g} %"
            console.print(f"[yellow]no certificate[/] {entry.nama}: {why}", highlight=False)


@cli.command()
@click.argument("code")
@click.option("--lang", type=LANG, default="id", show_default=True)
@workspace_option
def verify(code: str, lang: str, workspace: Path | None) -> None:
    """Check a certificate's code (e.g. IKM-7K2D-9QXM) against the gradebook."""
    from ikm_curriculum.reports.certificates import verify_certificate

    result = verify_certificate(_workspace(workspace), code, lang)
    if not result.valid:
        console.print(f"[red]NOT VALID[/] {code}: {result.reason}", highlight=False)
        raise SystemExit(1)
    table = Table("field", "value", title=f"[green]VALID[/] {result.code}")
    for key, value in result.to_dict().items():
        if key not in ("valid", "code", "reason") and value not in (None, ""):
            table.add_row(key, f"{value:.1f}" if key == "percent" else str(value))
    console.print(table)


@cli.command()
@click.argument("cohort_name", metavar="COHORT")
@click.option("--url", default=None, help="The hub's address for participants (default: this machine, port 8000).")
@click.option("--participant", "participants", multiple=True, help="Only this participant (a lost card); repeatable.")
@click.option("--admin", "admins", multiple=True, help="Facilitator login to (re)issue (default: fasilitator).")
@click.option("--wifi", default="", help="Name of the training room's Wi-Fi, printed on each card.")
@click.option("--lang", type=LANG, default=None, help="Language of the cards (default: the workspace's).")
@click.option("--no-pdf", "no_pdf", is_flag=True, help="Write the HTML cards only.")
@workspace_option
def cards(
    cohort_name: str,
    url: str | None,
    participants: tuple[str, ...],
    admins: tuple[str, ...],
    wifi: str,
    lang: str | None,
    no_pdf: bool,
    workspace: Path | None,
) -> None:
    """Issue new PINs and print the login cards for `ikm serve` (name, address, PIN, QR code)."""
    from ikm_curriculum.serve.cards import print_cards

    opened = _workspace(workspace)
    result = print_cards(
        opened,
        cohort_name,
        url=url,
        participants=list(participants) or None,
        admins=list(admins) or None,
        wifi=wifi,
        lang=lang or opened.lang,
        pdf=not no_pdf,
    )
    for path in [*result.pdf_paths, *result.html_paths]:
        console.print(f"wrote {path}", highlight=False)
    if result.note:
        console.print(f"[yellow]{escape(result.note)}[/]", highlight=False)


@cli.command()
@click.argument("cohort_name", metavar="COHORT")
@click.option(
    "--ui",
    type=click.Choice(["voila", "lab"]),
    default="voila",
    show_default=True,
    help="What participants see: their workbooks as apps (voila) or JupyterLab with code collapsed.",
)
@click.option("--host", default="0.0.0.0", show_default=True, help="Address to listen on (0.0.0.0: every network).")
@click.option("--port", type=int, default=8000, show_default=True, help="Port participants connect to.")
@click.option("--hub-port", type=int, default=8081, show_default=True, help="Internal port of the hub (localhost).")
@click.option("--proxy-api-port", type=int, default=8001, show_default=True, help="Internal port of the proxy's API.")
@click.option("--create-users", is_flag=True, help="Create one operating-system user per participant (root; lab).")
@click.option(
    "--cull-idle",
    "cull_idle",
    type=int,
    default=60,
    show_default=True,
    help="Stop a participant's server after this many idle minutes (0: never); answers are kept.",
)
@click.option(
    "--prestart/--no-prestart",
    default=True,
    show_default=True,
    help="Start every participant's server as soon as the hub is up (logins are then quick).",
)
@click.option("--lang", type=LANG, default=None, help="Language of the login page (default: the workspace's).")
@workspace_option
def serve(
    cohort_name: str,
    ui: str,
    host: str,
    port: int,
    hub_port: int,
    proxy_api_port: int,
    create_users: bool,
    cull_idle: int,
    prestart: bool,
    lang: str | None,
    workspace: Path | None,
) -> None:
    """Serve the cohort's workbooks to participants' browsers with JupyterHub (PIN login from `ikm cards`)."""
    from ikm_curriculum.serve.hub_config import ServeSettings
    from ikm_curriculum.serve.run import prepare_serve, run_hub

    opened = _workspace(workspace)
    settings = ServeSettings(
        cohort_name,
        ui,
        host,
        port,
        hub_port,
        proxy_api_port,
        create_users or ui == "lab",
        cull_idle,
        lang or opened.lang,
    )
    plan = prepare_serve(opened, settings, create_users=create_users)
    for warning in plan.warnings:
        console.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False)
    if plan.created_users:
        console.print(f"created {len(plan.created_users)} operating-system users", highlight=False)
    console.print(
        f"Serving {cohort_name} ({plan.participants} participants, {ui}). Give participants this address:\n"
        f"  [bold]{plan.url}[/]\nStop with Ctrl-C; then `ikm collect {cohort_name}` reads the answers.",
        highlight=False,
    )
    raise SystemExit(run_hub(plan, report=lambda line: console.print(line, highlight=False)))


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=Path("ikm-demo"))
@click.option("--lang", type=LANG, default="id", show_default=True)
def demo(directory: Path, lang: str) -> None:
    """Run the whole pipeline on a fictional cohort of 18 participants in DIRECTORY."""
    from ikm_curriculum.demo import run_demo

    run_demo(directory, lang=lang, console=console)


def main() -> None:
    cli()
