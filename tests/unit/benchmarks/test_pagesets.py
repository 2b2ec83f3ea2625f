"""The page-set loader: gold HTML to text, the hash split, and the committed split agreeing with it."""

from __future__ import annotations

from benchmarks.pagesets import load_sources, load_split, part_of
from benchmarks.pagesets.readers import LFS_MAGIC, html_text


def test_block_elements_give_lines_and_inline_ones_join() -> None:
    html = "<div><h2>Title</h2><p>One <b>bold</b>word, <a href='#'>link</a>.</p><ul><li>a</li><li>b</li></ul></div>"
    assert html_text(html) == "Title\nOne boldword, link.\na\nb"


def test_scripts_and_styles_are_not_text() -> None:
    assert html_text("<p>kept</p><script>var x = 1;</script><style>p {}</style>") == "kept"


def test_the_split_is_a_third_by_hash_and_stable() -> None:
    parts = [part_of("s", f"page-{i}") for i in range(3000)]
    assert 0.3 <= parts.count("test") / len(parts) <= 0.37
    assert parts == [part_of("s", f"page-{i}") for i in range(3000)]


def test_the_committed_split_follows_the_hash_rule() -> None:
    for set_name, pages in load_split().items():
        assert all(part == part_of(set_name, page_id) for page_id, part in pages.items()), set_name


def test_every_source_is_pinned_to_a_commit() -> None:
    for source in load_sources():
        assert len(source.commit) == 40 and source.repo.count("/") == 1, source
    assert LFS_MAGIC.startswith(b"version https://git-lfs")


def test_fetch_clones_where_the_loader_looks(tmp_path) -> None:
    from benchmarks.pagesets.__main__ import clone_command

    source = load_sources()[0]
    command = clone_command(source, tmp_path)
    assert command[:3] == ["git", "clone", "--bare"] and command[3] == f"https://github.com/{source.repo}.git"
    assert command[4] == str(tmp_path / source.repo.replace("/", "+") / "repo")
