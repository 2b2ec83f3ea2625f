"""``wirewatch analyze`` is the quality contract: its output is the tagger's articles.tagged document."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from wirewatch.contracts.schemas import validate
from wirewatch.offline import OfflineAnalyzer


@pytest.fixture(scope="module")
def analyzer() -> OfflineAnalyzer:
    return OfflineAnalyzer()


def _seed(seeds_dir: Path, prefix: str) -> dict[str, str]:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    return {"id": path.stem, "text": path.read_text(encoding="utf-8")}


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_the_russia_myanmar_deal_comes_out_of_both_languages(analyzer, seeds_dir, prefix) -> None:
    (doc,) = analyzer.analyze_documents([_seed(seeds_dir, prefix)])
    validate("tagged-article.v1", doc)
    deals = [a for a in doc["agreements"] if set(a["parties"]) == {"RUS", "MMR"} and a["type"] == "military"]
    assert deals, doc["agreements"]
    assert deals[0]["status"] == "signed"
    assert deals[0]["duration"] == "P4Y"


def test_german_and_english_reports_share_the_event_id(analyzer, seeds_dir) -> None:
    de, en = analyzer.analyze_documents([_seed(seeds_dir, "000"), _seed(seeds_dir, "002")])

    def military(doc):
        return {a["id"] for a in doc["agreements"] if a["type"] == "military"}

    assert military(de) and military(de) == military(en)


def test_every_seed_gives_a_valid_tagged_document_in_order(analyzer, seeds_dir, gold) -> None:
    docs = [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted(seeds_dir.glob("*.txt"))]
    out = list(analyzer.analyze_documents(docs))
    assert [d["id"] for d in out] == [d["id"] for d in docs]
    for doc in out:
        validate("tagged-article.v1", doc)
        assert doc["lang"] == gold[doc["id"]]["lang"]


def test_bad_lines_give_error_lines_and_do_not_stop_the_rest(analyzer) -> None:
    lines = [b"not json", b'{"id": "e", "text": ""}', b'{"id": "ok", "text": "Frankreich und Polen unterzeichneten."}']
    out = list(analyzer.analyze_lines(lines))
    assert len(out) == 3
    assert out[0]["error"]["kind"] == "not_json"
    assert out[1] == {"id": "e", "error": {"stage": "cleaner", "kind": "empty", "message": out[1]["error"]["message"]}}
    assert out[2]["id"] == "ok" and "error" not in out[2]
    assert orjson.loads(orjson.dumps(out[2]))["countries"]


def test_analyze_and_the_stream_refuse_the_same_article_by_its_utf8_size(tmp_path, monkeypatch) -> None:
    """One limit, in bytes of UTF-8, for ``wirewatch analyze`` and the cleaner stage alike."""
    from click.testing import CliRunner

    from wirewatch.cleaner.handler import CleanerHandler, clean_options
    from wirewatch.cli import main
    from wirewatch.contracts.codec import encode
    from wirewatch.contracts.deadletter import Origin
    from wirewatch.runtime.settings import Settings

    text = "Москва и Минск подписали соглашение. " * 40  # 1,480 characters, 2,680 bytes of UTF-8
    source = tmp_path / "in.jsonl"
    source.write_bytes(orjson.dumps({"id": "ru-1", "text": text}) + b"\n")
    for limit, refused in ((2_000, True), (3_000, False)):
        monkeypatch.setenv("WIREWATCH_MAX_BODY_BYTES", str(limit))
        result = CliRunner().invoke(main, ["analyze", str(source)])
        assert result.exit_code == 0, result.output
        (line,) = [orjson.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
        assert (line.get("error", {}).get("kind") == "too_large") is refused, line
        stream = CleanerHandler(clean_options(Settings.from_env())).handle(
            encode({"id": "ru-1", "text": text}), Origin(), "2026-01-01T00:00:00Z"
        )
        assert (stream.error_kind == "too_large") is refused
