from __future__ import annotations

import datetime as dt
import io
import json
import os
import pickle
import pwd
from pathlib import Path

import pytest

from pledgewatch.errors import UnreadableFileError
from pledgewatch.records import Document
from pledgewatch.sources import SourceDefaults, SourceFailure, list_inputs, read_sources
from pledgewatch.sources.base import content_hash

ARTICLE = "Qatar pledged $1 billion to the Board of Peace.\n"


def read(paths: list[str], *, max_bytes: int = 5_000_000, stdin: bytes | None = None, **defaults: object):
    return list(
        read_sources(
            paths,
            defaults=SourceDefaults(**defaults),  # type: ignore[arg-type]
            max_bytes=max_bytes,
            stdin=io.BytesIO(stdin) if stdin is not None else None,
        )
    )


def test_plain_text_takes_its_metadata_from_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "doha.txt").write_text(ARTICLE)
    (doc,) = read(
        [str(tmp_path / "doha.txt")], published=dt.date(2026, 2, 20), outlet="Wire", initiative="BoP"
    )
    assert isinstance(doc, Document)
    assert doc.doc_id == "doha" and doc.text == ARTICLE and doc.content_hash == content_hash(ARTICLE)
    assert (doc.published, doc.outlet, doc.initiative) == (dt.date(2026, 2, 20), "Wire", "BoP")
    assert doc.source_path == str(tmp_path / "doha.txt")


def test_a_sidecar_wins_over_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "doha.md").write_text(ARTICLE)
    sidecar = {"id": "qatar-1", "published": "2026-02-21", "url": "https://x.org/q", "title": "Q"}
    (tmp_path / "doha.meta.json").write_text(json.dumps(sidecar))
    (doc,) = read([str(tmp_path)], published=dt.date(2026, 1, 1), outlet="Wire")
    assert isinstance(doc, Document)
    assert (doc.doc_id, doc.published, doc.url, doc.title) == (
        "qatar-1",
        dt.date(2026, 2, 21),
        "https://x.org/q",
        "Q",
    )
    assert doc.outlet == "Wire"


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        ("{not json", "cannot read the metadata sidecar"),
        ('["a"]', "one JSON object"),
        ('{"publisehd": "2026-02-20"}', "unknown metadata keys"),
        ('{"published": "20 February"}', "is not a date"),
        ('{"title": 5}', '"title" must be a string'),
    ],
)
def test_a_bad_sidecar_fails_the_document_and_names_the_sidecar(
    tmp_path: Path, sidecar: str, reason: str
) -> None:
    (tmp_path / "doha.txt").write_text(ARTICLE)
    (tmp_path / "doha.meta.json").write_text(sidecar)
    (failure,) = read([str(tmp_path / "doha.txt")])
    assert isinstance(failure, SourceFailure)
    assert failure.error.code == "PW110" and reason in str(failure.error)
    assert str(tmp_path / "doha.meta.json") in str(failure.error)


def test_directories_are_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two.")
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a.meta.json").write_text("{}")
    assert [i.path for i in list_inputs([str(tmp_path)])] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "two.txt"),
    ]
    assert [d.text for d in read([str(tmp_path)]) if isinstance(d, Document)] == ["One.", "Two."]


def test_jsonl_lines_become_documents_with_their_metadata(tmp_path: Path) -> None:
    lines = [
        {
            "id": "a",
            "text": "First.\r\nSecond.",
            "published": "2026-02-20",
            "outlet": "Wire",
            "url": "u",
            "title": "t",
        },
        {"text": "No id here."},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n")
    first, second = read([str(path)], outlet="Default", published=dt.date(2026, 1, 1))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.doc_id, first.text, first.published, first.outlet) == (
        "a",
        "First.\nSecond.",
        dt.date(2026, 2, 20),
        "Wire",
    )
    assert (second.doc_id, second.outlet, second.published) == ("batch-2", "Default", dt.date(2026, 1, 1))
    assert second.source_path == f"{path}:2"


def test_html_pages_bring_their_own_metadata(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Gulf pledges</title><meta property='article:published_time' content='2026-02-22'>"
        "</head><body><nav>Home World Sport</nav><article><p>"
        + "The United Arab Emirates pledged $1.2 billion to the Board of Peace, officials said on Sunday. "
        * 3
        + "</p></article></body></html>"
    )
    (tmp_path / "gulf.htm").write_text(html)
    (doc,) = read([str(tmp_path / "gulf.htm")], published=dt.date(2026, 1, 1))
    assert isinstance(doc, Document)
    assert doc.published == dt.date(2026, 2, 22) and doc.title == "Gulf pledges" and doc.doc_id == "gulf"
    assert doc.text.startswith("The United Arab Emirates pledged $1.2 billion")


@pytest.mark.parametrize(
    ("data", "kind", "doc_text"),
    [
        (b"Kuwait pledged $500 million.\r\n", "text", "Kuwait pledged $500 million.\n"),
        (b'{"text": "from a pipe", "id": "p1"}\n{"text": "second"}\n', "jsonl", "from a pipe"),
    ],
)
def test_stdin_is_read_as_text_or_jsonl(data: bytes, kind: str, doc_text: str) -> None:
    docs = read(["-"], stdin=data)
    assert isinstance(docs[0], Document) and docs[0].text == doc_text
    if kind == "text":
        assert docs[0].doc_id == f"stdin-{content_hash(doc_text)[:8]}"
    else:
        assert [d.doc_id for d in docs if isinstance(d, Document)] == ["p1", "stdin-2"]


def bad_batch(tmp_path: Path) -> dict[str, tuple[str, int | None]]:
    """Every kind of bad input, each with the code and line it must fail with."""
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "broken.txt").write_bytes("Caf\u00e9 ".encode() + b"\xff\xfe\xfd")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "huge.txt").write_text("word " * 400)
    (tmp_path / "batch.jsonl").write_text(
        '{"text": "A good line."}\n{"text": "bad\n{"id": "no-text"}\n{"text": "Good again."}\n'
    )
    (tmp_path / "menu.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav><footer>Subscribe</footer></body></html>"
    )
    os.mkfifo(tmp_path / "pipe.txt")
    return {
        "image.txt": ("PW103", None),
        "broken.txt": ("PW104", None),
        "empty.txt": ("PW105", None),
        "huge.txt": ("PW106", None),
        "batch.jsonl:2": ("PW107", 2),
        "batch.jsonl:3": ("PW108", 3),
        "menu.html": ("PW109", None),
        "pipe.txt": ("PW102", None),
        "missing.txt": ("PW101", None),
    }


def test_every_bad_input_fails_alone_and_names_its_file(tmp_path: Path) -> None:
    expected = bad_batch(tmp_path)
    items = read([str(tmp_path), str(tmp_path / "missing.txt")], max_bytes=1000)
    failures = [i for i in items if isinstance(i, SourceFailure)]
    got = {
        f"{Path(f.path).name}{'' if f.line is None else f':{f.line}'}": (f.error.code, f.line)
        for f in failures
    }
    assert got == expected
    for failure in failures:
        where = failure.path if failure.line is None else f"{failure.path}:{failure.line}"
        assert str(failure.error).startswith(f"{failure.error.code}: {where}: ")
        assert "\n" not in str(failure.error) and "hint:" in str(failure.error)
    stored = sorted(d.text for d in items if isinstance(d, Document))
    assert stored == ["A good line.", "Good again.", ARTICLE]


def test_a_file_that_fails_to_read_is_unreadable(tmp_path: Path) -> None:
    # Reading /proc/self/mem at offset 0 fails with EIO, even for root: a real read error.
    (tmp_path / "mem.txt").symlink_to("/proc/self/mem")
    (failure,) = read([str(tmp_path / "mem.txt")])
    assert isinstance(failure, SourceFailure)
    assert failure.error.code == "PW102" and "cannot read" in str(failure.error)


def test_a_file_without_permission_is_unreadable(tmp_path_factory: pytest.TempPathFactory) -> None:
    """chmod 000 stops everyone but root, so the read runs in a child process as an unprivileged user."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="pw-perm-"))
    try:
        folder.chmod(0o755)
        secret = folder / "secret.txt"
        secret.write_text(ARTICLE)
        secret.chmod(0o000)
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: drop to an unprivileged user, read, report, exit
            try:
                os.close(read_fd)
                if os.geteuid() == 0:
                    nobody = pwd.getpwnam("nobody")
                    os.setgroups([])
                    os.setgid(nobody.pw_gid)
                    os.setuid(nobody.pw_uid)
                result = [(type(i).__name__, str(getattr(i, "error", ""))) for i in read([str(secret)])]
                os.write(write_fd, pickle.dumps(result))
            finally:
                os._exit(0)
        os.close(write_fd)
        with os.fdopen(read_fd, "rb") as pipe:
            result = pickle.loads(pipe.read())
        os.waitpid(pid, 0)
    finally:
        secret.chmod(0o644)
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    assert result == [
        (
            "SourceFailure",
            f"PW102: {secret}: cannot read: Permission denied (hint: {UnreadableFileError.hint})",
        )
    ]


@pytest.mark.parametrize("name", ["notes.pdf", "x.meta.json"])
def test_an_unsupported_file_given_by_name_is_named(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("{}")
    (failure,) = read([str(tmp_path / name)])
    assert isinstance(failure, SourceFailure) and failure.error.code == "PW111"


def test_jsonl_size_limit_applies_per_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "short"}) + "\n" + json.dumps({"text": "long " * 100}) + "\n")
    short, failure = read([str(path)], max_bytes=100)
    assert isinstance(short, Document) and short.text == "short"
    assert isinstance(failure, SourceFailure) and failure.error.code == "PW106" and failure.line == 2


@pytest.mark.parametrize(
    ("line", "code", "reason"),
    [
        ('{"text": ""}', "PW108", '"text" is empty'),
        ('{"text": 5}', "PW108", '"text" is not a string'),
        ('{"text": "x", "url": 3}', "PW108", '"url" must be a string'),
        ('{"text": "x", "published": "soon"}', "PW110", "not a date"),
        ("[1, 2]", "PW107", "not an object"),
        ('"text"', "PW107", "not an object"),
    ],
)
def test_bad_jsonl_lines(tmp_path: Path, line: str, code: str, reason: str) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text(line + "\n")
    (failure,) = read([str(path)])
    assert isinstance(failure, SourceFailure)
    assert failure.error.code == code and reason in str(failure.error) and f"{path}:1" in str(failure.error)
