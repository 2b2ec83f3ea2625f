"""The ``wirewatch`` command line: run the pipeline or one service, feed it, watch it, analyse offline."""

from __future__ import annotations

import asyncio
import base64
import os
import sys
from pathlib import Path
from typing import Any, TextIO

import click
import orjson

from wirewatch.contracts.aggregates import AGREEMENT_STATUSES, AGREEMENT_TYPES
from wirewatch.runtime.service import configure_logging
from wirewatch.runtime.settings import Settings, SettingsError


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from exc


def _require_broker(settings: Settings) -> Settings:
    """The settings with a broker: ``KAFKA_BOOTSTRAP_SERVERS``, else the one a running ``wirewatch run`` serves."""
    from wirewatch.runtime.discovery import read_address

    if settings.bootstrap_servers:
        return settings
    found = read_address(settings.data_dir)
    if found is None:
        raise click.UsageError(
            "KAFKA_BOOTSTRAP_SERVERS is not set and no `wirewatch run` is serving from this data directory "
            f"({settings.data_dir}): start `wirewatch run`, or `wirewatch broker` and export the address it prints."
        )
    return settings.with_bootstrap(found)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wirewatch")
def main() -> None:
    """Wirewatch: news feeds in, structured events about relations between states out."""


@main.command()
def run() -> None:
    """Run everything: the embedded broker (unless KAFKA_BOOTSTRAP_SERVERS is set), every service, the dashboard."""
    from wirewatch.runtime.launcher import run_all

    settings = _settings()
    configure_logging(settings.log_level)
    sys.exit(asyncio.run(run_all(settings)))


@main.command()
@click.option("--port", type=int, default=None, help="Port to listen on (default: WIREWATCH_BROKER_PORT, 9092).")
def broker(port: int | None) -> None:
    """Run only the embedded broker, with the pipeline's topics created, until Ctrl-C."""
    from wirewatch.runtime.launcher import run_broker_only

    settings = _settings()
    configure_logging(settings.log_level)
    chosen = port if port is not None else settings.broker_port
    asyncio.run(run_broker_only(settings, chosen))


@main.command()
@click.option("--create", is_flag=True, help="Create the topics that do not exist yet.")
def topics(create: bool) -> None:
    """List the pipeline's topic names (with the prefix); with --create, create the missing ones."""
    from wirewatch.runtime.kafka import ensure_topics

    settings = _settings()
    if create:
        created = asyncio.run(ensure_topics(_require_broker(settings)))
        click.echo(f"created {len(created)} topic(s): {', '.join(created) or '-'}", err=True)
    for name in settings.topics.all():
        click.echo(name)


@main.command()
def clean() -> None:
    """Run the cleaner stage alone (articles.raw -> articles.clean)."""
    from wirewatch.cleaner.app import main as cleaner_main

    settings = _require_broker(_settings())
    configure_logging(settings.log_level)
    cleaner_main(settings)


@main.command()
def tag() -> None:
    """Run the tagger stage alone (articles.clean -> articles.tagged, events.agreements)."""
    from wirewatch.tagger.app import main as tagger_main

    settings = _require_broker(_settings())
    configure_logging(settings.log_level)
    tagger_main(settings)


@main.command()
def aggregate() -> None:
    """Run the aggregator alone (articles.tagged -> events.countries, events.relations)."""
    from wirewatch.aggregator.app import main as aggregator_main

    aggregator_main(_require_broker(_settings()))


@main.command()
def archive() -> None:
    """Run the archiver alone (the event topics and articles.tagged -> the archive database)."""
    from wirewatch.archiver.app import main as archiver_main

    settings = _require_broker(_settings())
    configure_logging(settings.log_level)
    archiver_main(settings)


@main.command()
def scrape() -> None:
    """Run the scraper alone (feeds -> articles.raw)."""
    from wirewatch.scraper.app import main as scraper_main

    settings = _require_broker(_settings())
    configure_logging(settings.log_level)
    scraper_main(settings)


@main.command()
def api() -> None:
    """Run the API, dashboard, health and metrics server alone."""
    from wirewatch.api.app import main as api_main

    settings = _settings()
    configure_logging(settings.log_level)
    api_main(settings)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def ingest(paths: tuple[Path, ...]) -> None:
    """Publish files to articles.raw: .txt as text, .html as HTML, .jsonl as raw articles (or common export
    fields), WARC/ARC archives (.warc, .warc.gz, .arc, .arc.gz) as their HTML responses; folders recursively."""
    from wirewatch.scraper.files import FileItem, expand, read_items
    from wirewatch.scraper.ingest import publish_items

    settings = _require_broker(_settings())
    files = expand(paths)
    sizes = {str(f): f.stat().st_size for f in files}
    with click.progressbar(length=sum(sizes.values()) or 1, label="ingesting", file=sys.stderr) as bar:
        done: dict[str, int] = {}

        def advance(item: FileItem) -> None:
            name = next((f for f in sizes if item.source.startswith(f)), item.source)
            step = min(item.position, sizes.get(name, 0)) - done.get(name, 0)
            if step > 0:
                done[name] = done.get(name, 0) + step
                bar.update(step)

        summary = asyncio.run(publish_items(settings, read_items(files, settings.max_body_bytes), advance))
    click.echo(
        f"published {summary.published} article(s) ({summary.bytes} bytes) from {len(files)} file(s); "
        f"{summary.deadlettered} dead-lettered; {summary.skipped} record(s) skipped (not HTML articles)",
        err=True,
    )
    for error in summary.errors[:20]:
        click.echo(f"  {error}", err=True)


def _print_message(out: TextIO, value: bytes | None) -> None:
    try:
        doc: Any = orjson.loads(value or b"null")
    except orjson.JSONDecodeError:
        doc = {"_raw_b64": base64.b64encode(value or b"").decode()}
    out.write(orjson.dumps(doc).decode() + "\n")
    out.flush()


@main.command()
@click.argument("topic")
@click.option("--from-beginning", is_flag=True, help="Start at the oldest message instead of new ones.")
@click.option("--max", "max_messages", type=int, default=None, help="Stop after this many messages.")
@click.option("--timeout", type=float, default=None, help="Stop after this many seconds without a message.")
@click.option("--country", default=None, help="Only messages about this country (ISO 3166-1 alpha-3, e.g. RUS).")
@click.option(
    "--type", "agreement_type", type=click.Choice(AGREEMENT_TYPES), default=None, help="Only this agreement type."
)
@click.option("--status", type=click.Choice(AGREEMENT_STATUSES), default=None, help="Only this agreement status.")
def tail(
    topic: str,
    from_beginning: bool,
    max_messages: int | None,
    timeout: float | None,
    country: str | None,
    agreement_type: str | None,
    status: str | None,
) -> None:
    """Print the messages of TOPIC (e.g. events.agreements) as JSON lines, optionally filtered.

    Example: wirewatch tail events.agreements --country RUS --type military --from-beginning
    """
    from wirewatch.runtime.tailing import TailFilter, tail_topic

    settings = _require_broker(_settings())
    wanted = TailFilter(country.strip().upper() if country else None, agreement_type, status)
    full = topic if topic.startswith(settings.topic_prefix) else settings.topic_prefix + topic
    count = asyncio.run(
        tail_topic(
            settings, full, from_beginning, max_messages, timeout, lambda v: _print_message(sys.stdout, v), wanted
        )
    )
    click.echo(f"{count} message(s)", err=True)


@main.command()
@click.argument("source", type=click.Path(allow_dash=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(allow_dash=True, path_type=Path),
    default=Path("-"),
    help="Where to write the JSON lines (default: standard output).",
)
def analyze(source: Path, output: Path) -> None:
    """Clean and tag articles offline, no broker needed.

    SOURCE is JSONL (or - for standard input) with one {"id", "text"|"html", "lang"?, "published"?,
    "url"?, "title"?} per line, or a .txt/.html file or folder. Writes one tagged-article line per input.
    """
    from wirewatch.cleaner.handler import clean_options
    from wirewatch.core.analysis import Resources
    from wirewatch.offline import OfflineAnalyzer
    from wirewatch.scraper.files import expand, read_items

    settings = _settings()  # the stream's limits, so offline and stream keep or refuse the same article
    analyzer = OfflineAnalyzer(Resources.load(clean_options(settings)))
    if str(source) == "-":
        results = analyzer.analyze_lines(sys.stdin.buffer)
    elif source.is_file() and source.suffix.lower() == ".jsonl":
        with source.open("rb") as lines:
            count = _write_analysis(analyzer.analyze_lines(lines), output)
        click.echo(f"analysed {count} article(s)", err=True)
        return
    else:
        items = read_items(expand([source]), settings.max_body_bytes)
        results = analyzer.analyze_documents(i.document for i in items if i.document is not None)
    count = _write_analysis(results, output)
    click.echo(f"analysed {count} article(s)", err=True)


def _write_analysis(results: Any, output: Path) -> int:
    count = 0
    handle = sys.stdout if str(output) == "-" else output.open("w", encoding="utf-8")
    try:
        for doc in results:
            handle.write(orjson.dumps(doc).decode() + "\n")
            count += 1
    finally:
        if handle is not sys.stdout:
            handle.close()
    return count


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
