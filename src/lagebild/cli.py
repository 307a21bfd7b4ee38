"""The ``lagebild`` command: thin commands that parse, call one library function, print.

Errors are one line on stderr and a non-zero exit (1 for a user error, 2 for
a bug, 130 for an interrupt); set ``LAGEBILD_DEBUG=1`` to see tracebacks.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from lagebild import render
from lagebild.api import analyze
from lagebild.config import Config, load_config
from lagebild.errors import LagebildError
from lagebild.ingest import IngestReport, count_files, ingest, source_file
from lagebild.pipeline import registry
from lagebild.records import Analysis

if TYPE_CHECKING:  # the store (SQLAlchemy, Alembic) loads only for commands that open it
    from lagebild.store import Store

FORMATS = click.Choice(["json", "text"])
#: ``lagebild.export.FORMATS`` and ``ALL_KINDS``, spelt out so ``--help`` loads no exporter.
EXPORT_FORMATS = ("stix", "geojson", "acled", "jsonl", "parquet", "timeml")
RECORD_KINDS = ("documents", "entities", "times", "claims", "assessments", "events")


class Context:
    """What every command may need: the config and the store URL, opened lazily."""

    def __init__(self, config_path: str | None, db: str | None) -> None:
        self.config_path = config_path
        self.db = db

    def config(self) -> Config:
        return load_config(self.config_path)

    @contextmanager
    def store(self) -> Iterator[Store]:
        from lagebild.store import Store

        store = Store(self.db)
        try:
            yield store
        finally:
            store.close()


pass_context = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lagebild")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    envvar="LAGEBILD_CONFIG",
    help="TOML config merged over the defaults.",
)
@click.option("--db", envvar="LAGEBILD_DB", help="SQLAlchemy URL or SQLite path [./lagebild.db].")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, db: str | None) -> None:
    """lagebild: a source-attributed, time-resolved knowledge base from conflict reporting."""
    ctx.obj = Context(config_path, db)


def _set_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """A command's own ``--db`` wins over the group's (``lagebild ingest X --db URL``)."""
    if value is not None:
        ctx.ensure_object(Context).db = value


db_option = click.option(
    "--db",
    callback=_set_db,
    expose_value=False,
    is_eager=True,
    help="SQLAlchemy URL or SQLite path (overrides lagebild --db and LAGEBILD_DB).",
)


format_option = click.option(
    "--format", "output_format", type=FORMATS, default="text", show_default=True
)


def limit_option(default: int, most: int = 10_000) -> Callable[[Any], Any]:
    return click.option("--limit", default=default, show_default=True, type=click.IntRange(1, most))


def _echo_json(value: Any) -> None:
    """Records, dataclasses or plain data as indented JSON, umlauts kept."""
    click.echo(json.dumps(_jsonable(value), indent=2, ensure_ascii=False, default=str))


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from error


@cli.command("analyze")
@click.argument("path")
@click.option("--published", callback=_parse_date, help="Document date, YYYY-MM-DD.")
@click.option("--lang", type=click.Choice(["de", "en"]), help="Language, instead of detecting it.")
@format_option
@pass_context
def analyze_command(
    obj: Context, path: str, published: date | None, lang: str | None, output_format: str
) -> None:
    """Analyse one document (a file, or - for stdin) and print the result."""
    if path != "-" and not os.path.exists(path):
        raise LagebildError(f"{path}: no such file or directory")
    document = analyze(Path(path), language=lang, published=published, config=obj.config())
    if output_format == "json":
        click.echo(Analysis.of(document).model_dump_json(indent=2))
    else:
        render.console().print(render.document_view(document))


@cli.command("ingest")
@db_option
@click.argument("paths", nargs=-1, required=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=0,
    help="Analyse on a local Dask cluster of N single-threaded processes.",
)
@click.option("--scheduler", help="Analyse on the Dask cluster at this address (tcp://host:8786).")
@pass_context
def ingest_command(
    obj: Context, paths: tuple[str, ...], quiet: bool, workers: int, scheduler: str | None
) -> None:
    """Read, analyse and store documents from files, directories, http(s) URLs (pages, RSS/Atom
    feeds, web archives) or - (stdin)."""
    config = obj.config()
    with obj.store() as store, _progress(quiet, count_files(paths)) as on_item:
        report = ingest(paths, store, config, on_item, workers, scheduler)
    _print_report(report)


@contextmanager
def _progress(quiet: bool, total: int | None) -> Iterator[Callable[[str, str], None]]:
    """A progress bar over files on a terminal (documents inside files counted too)."""
    err = render.console(stderr=True)
    if quiet or not err.is_terminal:
        yield lambda _outcome, _source: None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files · {task.fields[documents]} documents"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingest", total=total, documents=0)
        seen: set[str] = set()

        def advance(outcome: str, source: str) -> None:
            path = source_file(source)
            step = 0 if path in seen else 1
            seen.add(path)
            documents = progress.tasks[0].fields["documents"] + (outcome != "skipped")
            progress.update(task, advance=step, documents=documents)

        yield advance


def _print_report(report: IngestReport, heading: str = "") -> None:
    out = render.console()
    out.print(f"{heading}{report.summary()}")
    if report.skipped:
        rows = [(skip.source, skip.reason) for skip in report.skipped]
        out.print(render.rows_table("Skipped", ("source", "reason"), rows))


@cli.command("watch")
@db_option
@click.argument("folder", type=click.Path(file_okay=False))
@click.option(
    "--interval",
    default=5.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds between polls.",
)
@click.option("--once", is_flag=True, help="Poll once, ingest what is new, and exit.")
@pass_context
def watch_command(obj: Context, folder: str, interval: float, once: bool) -> None:
    """Ingest new and changed files in FOLDER as they arrive, until Ctrl-C."""
    from lagebild.watch import watch_folder

    config = obj.config()
    with obj.store() as store:
        report = watch_folder(
            folder,
            store,
            config,
            interval=interval,
            once=once,
            on_file=lambda path, part: _print_report(part, f"{path}: "),
        )
    stopped = " (stopped by Ctrl-C)" if report.interrupted else ""
    render.console().print(f"{report.summary()}{stopped}")


@cli.command("search")
@db_option
@click.argument("query")
@limit_option(20, most=1000)
@format_option
@pass_context
def search_command(obj: Context, query: str, limit: int, output_format: str) -> None:
    """Full-text search over stored documents (German and English)."""
    with obj.store() as store:
        hits = store.search(query, limit=limit)
    if output_format == "json":
        _echo_json(hits)
        return
    rows = [(h.document_id[:12], h.published or "", h.title or h.source, h.snippet) for h in hits]
    render.console().print(
        render.rows_table(
            f"{len(hits)} hits for {query!r}", ("id", "date", "title", "snippet"), rows
        )
    )


@cli.command("show")
@db_option
@click.argument("document_id")
@format_option
@pass_context
def show_command(obj: Context, document_id: str, output_format: str) -> None:
    """Show a stored document by id (or a unique prefix of at least 6 characters)."""
    with obj.store() as store:
        document = store.get(document_id)
    if output_format == "json":
        click.echo(Analysis.of(document).model_dump_json(indent=2))
    else:
        render.console().print(render.document_view(document))


@cli.command("stats")
@db_option
@format_option
@pass_context
def stats_command(obj: Context, output_format: str) -> None:
    """Counts of what the store holds."""
    with obj.store() as store:
        stats = _jsonable(store.stats())
    if output_format == "json":
        _echo_json(stats)
    else:
        render.console().print(render.mapping_table("lagebild store", stats))


@cli.command("entities")
@db_option
@click.option("--unknown", is_flag=True, help="Only names the knowledge base does not know.")
@click.option(
    "--type",
    "entity_type",
    type=click.Choice(["PERSON", "ORGANIZATION", "PLACE", "WEAPON"], case_sensitive=False),
    help="Only this type.",
)
@limit_option(50)
@format_option
@pass_context
def entities_command(
    obj: Context, unknown: bool, entity_type: str | None, limit: int, output_format: str
) -> None:
    """Entities across stored documents; --unknown lists candidates for the knowledge base."""
    with obj.store() as store:
        rows = store.entity_summary(unknown, entity_type, limit)
    if output_format == "json":
        _echo_json(rows)
        return
    table = [(r.entity_id, r.name, r.type, r.documents, r.mentions) for r in rows]
    title = "Unknown entities (add them to the knowledge base)" if unknown else "Entities"
    render.console().print(
        render.rows_table(title, ("id", "name", "type", "documents", "mentions"), table)
    )


@cli.command("claims")
@db_option
@click.option("--speaker", help="Entity id, a name the knowledge base knows, or text.")
@click.option("--about", help="An entity (any spelling the knowledge base knows) or text.")
@click.option("--since", help="Statement date, YYYY[-MM[-DD]].")
@click.option("--stance", type=click.Choice(["supported", "neutral", "disputed", "refuted"]))
@limit_option(50)
@format_option
@pass_context
def claims_command(
    obj: Context,
    speaker: str | None,
    about: str | None,
    since: str | None,
    stance: str | None,
    limit: int,
    output_format: str,
) -> None:
    """Claims across stored documents: who said what, when, about what."""
    from lagebild.store.claims import ClaimFilter
    from lagebild.store.claims import rows as claim_rows

    wanted = ClaimFilter(speaker=speaker, about=about, since=since, stance=stance)
    with obj.store() as store:
        hits = store.claims(wanted, limit)
    if output_format == "json":
        _echo_json(hits)
        return
    columns = ("date", "speaker", "mode", "stance", "content", "document")
    render.console().print(render.rows_table(f"Claims ({len(hits)})", columns, claim_rows(hits)))


@cli.command("events")
@db_option
@click.option("--type", "event_type", help="PLOVER event type, e.g. ASSAULT.")
@click.option("--actor", help="A participant: entity id, any known spelling, or text.")
@click.option("--place", help="The place: entity id, any known spelling, or text.")
@click.option("--since", help="Event date from, YYYY[-MM[-DD]].")
@click.option("--until", help="Event date up to, YYYY[-MM[-DD]].")
@click.option(
    "--min-sources",
    default=1,
    show_default=True,
    type=click.IntRange(1, 100),
    help="Independent origins at least (copies and translations count once).",
)
@click.option(
    "--min-reports",
    default=1,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="Reporting documents at least.",
)
@limit_option(50)
@format_option
@pass_context
def events_command(
    obj: Context,
    event_type: str | None,
    actor: str | None,
    place: str | None,
    since: str | None,
    until: str | None,
    min_sources: int,
    min_reports: int,
    limit: int,
    output_format: str,
) -> None:
    """Events merged across documents: what happened, where, when, how many sources."""
    from lagebild.store.events import EventFilter
    from lagebild.store.events import rows as event_rows

    wanted = EventFilter(event_type, actor, place, since, until, min_sources, min_reports)
    with obj.store() as store:
        found = store.events(wanted, limit)
    if output_format == "json":
        _echo_json(found)
        return
    columns = ("date", "type", "actors", "place", "modality", "sources", "reports")
    title = f"Events ({len(found)})"
    render.console().print(render.rows_table(title, columns, event_rows(found)))


@cli.command("assessments")
@db_option
@click.option("--assessor", help="Entity id, a name the knowledge base knows, or text.")
@click.option("--about", help="An entity (any spelling the knowledge base knows) or text.")
@click.option(
    "--min-reports",
    default=2,
    show_default=True,
    type=click.IntRange(1),
    help="Reports per thread.",
)
@click.option("--since", help="Report date, YYYY[-MM[-DD]].")
@limit_option(50)
@format_option
@pass_context
def assessments_command(
    obj: Context,
    assessor: str | None,
    about: str | None,
    min_reports: int,
    since: str | None,
    limit: int,
    output_format: str,
) -> None:
    """Assessment threads: one assessor judging one proposition across reports."""
    from lagebild.store.assessments import ThreadFilter

    wanted = ThreadFilter(assessor=assessor, about=about, since=since, min_reports=min_reports)
    with obj.store() as store:
        threads = store.assessments(wanted, limit)
    if output_format == "json":
        _echo_json(threads)
        return
    out = render.console()
    out.print(f"Assessment threads ({len(threads)})")
    for thread in threads:
        out.print(render.thread_table(thread))


@cli.command("export")
@db_option
@click.option("--format", "export_format", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option("--since", help="Record date from, YYYY[-MM[-DD]] (else its document's date).")
@click.option("--until", help="Record date up to, YYYY[-MM[-DD]].")
@click.option("--about", help="Records naming an entity: id, any known spelling, or a name.")
@click.option("--type", "event_type", help="Only events of this PLOVER type, e.g. ASSAULT.")
@click.option("--document", "document_ids", multiple=True, help="A document id or prefix.")
@click.option("--kind", type=click.Choice(RECORD_KINDS), help="One record kind (jsonl, parquet).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File or folder [stdout].")
@pass_context
def export_command(
    obj: Context,
    export_format: str,
    since: str | None,
    until: str | None,
    about: str | None,
    event_type: str | None,
    document_ids: tuple[str, ...],
    kind: str | None,
    output: Path | None,
) -> None:
    """Export stored records as STIX 2.1, GeoJSON, ACLED CSV, JSON Lines, Parquet or TimeML."""
    from lagebild.export import Selection, from_store, write_export

    selection = Selection(since, until, about, event_type, document_ids)
    with obj.store() as store:
        counts = write_export(from_store(store, selection), export_format, output, kind)
    if output is not None:
        written = ", ".join(f"{count} {name}" for name, count in counts.items())
        click.echo(f"lagebild: wrote {output} ({written or 'nothing'})", err=True)


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token",
    envvar="LAGEBILD_TOKEN",
    help="Token that uploads must give (LAGEBILD_TOKEN); without it the server is read-only.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes (about one per core); more than one serves read-only.",
)
@pass_context
def serve_command(obj: Context, host: str, port: int, token: str | None, workers: int) -> None:
    """Serve the REST API and the web UI over the store (read-only without a token)."""
    from lagebild.serve import create_app, run, run_processes

    if workers > 1 and token:
        raise click.UsageError("uploads need one process: give --token or --workers, not both")
    click.echo(f"lagebild: serving on http://{host}:{port} (API: /api, schema: /openapi.json)")
    if workers > 1:
        _export_for_workers(obj)
        run_processes(workers, host=host, port=port)
        return
    run(create_app(obj.db, token=token, config=obj.config()), host=host, port=port)


def _export_for_workers(obj: Context) -> None:
    """Worker processes start fresh: they find the store and config in the environment."""
    from lagebild.config import CONFIG_ENV
    from lagebild.store.engine import DB_ENV, resolve_url

    obj.config()  # a broken config fails here, once, not in every worker
    os.environ[DB_ENV] = resolve_url(obj.db)
    if obj.config_path:
        os.environ[CONFIG_ENV] = str(obj.config_path)


@cli.command("stages")
def stages_command() -> None:
    """List the registered pipeline stages with what they require and assign."""
    rows = []
    for name in registry.names():
        spec = registry.get(name)
        summary = spec.doc.strip().splitlines()[0] if spec.doc.strip() else ""
        rows.append(
            (name, ", ".join(sorted(spec.requires)), ", ".join(sorted(spec.assigns)), summary)
        )
    render.console().print(
        render.rows_table("Stages", ("name", "requires", "assigns", "does"), rows)
    )


def _jsonable(value: Any) -> Any:
    """Dataclasses and pydantic models to plain data."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if hasattr(value, "__dataclass_fields__"):
        return {name: _jsonable(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI, turning every error into one line on stderr."""
    try:
        cli.main(args=argv, prog_name="lagebild", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("lagebild: interrupted", err=True)
        return 130
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except LagebildError as error:
        click.echo(f"lagebild: error: {error}", err=True)
        return 1
    except KeyboardInterrupt:
        click.echo("lagebild: interrupted", err=True)
        return 130
    except Exception as error:  # a bug still gets one readable line
        if os.environ.get("LAGEBILD_DEBUG"):
            raise
        click.echo(
            f"lagebild: internal error: {type(error).__name__}: {error} "
            "(set LAGEBILD_DEBUG=1 for a traceback)",
            err=True,
        )
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
