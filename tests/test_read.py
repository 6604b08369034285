"""Readers: real articles in every supported form, and every kind of bad input kept in."""

from __future__ import annotations

import csv
import gzip
import html
import io
import itertools
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from chronique.model import PartialDate
from chronique.read import ReadItem, read_inputs
from chronique.read.base import clean_text, normalize_date

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "corpus" / "seed.txt"
CORPUS = SHARED / "corpus" / "orangesum_fr_politics.jsonl.gz"


@pytest.fixture(scope="module")
def shared() -> Path:
    if not SEED.exists() or not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {SHARED} (expected ../shared beside the repo)")
    return SHARED


@pytest.fixture(scope="module")
def seed_text(shared: Path) -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def corpus_records(shared: Path) -> list[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in itertools.islice(f, 5)]


def read_all(*paths: str | Path, **kw) -> list[ReadItem]:
    return list(read_inputs([str(p) for p in paths], **kw))


def only(items: list[ReadItem]) -> ReadItem:
    assert len(items) == 1, [i.error or i.origin for i in items]
    return items[0]


def assert_one_line_error(item: ReadItem, origin: str, problem: str) -> None:
    assert item.article is None
    assert item.error is not None and "\n" not in item.error
    assert item.error.startswith(f"{origin}: "), item.error
    assert problem in item.error, item.error
    assert item.origin == origin


# --- seed format -----------------------------------------------------------------------------


def test_seed_keeps_month_precision_and_paragraphs(shared: Path) -> None:
    item = only(read_all(SEED))
    assert item.error is None and item.warnings == []
    a = item.article
    assert a.id == "seed"
    assert a.published == "2023-09" and a.precision == "month"
    assert PartialDate.parse(a.published).month == 9
    assert a.origin == str(SEED)
    paras = a.paragraphs()
    assert len(paras) == 15
    assert paras[0].text.startswith("Le Kremlin a déclaré mardi")
    assert paras[-1].text.startswith("La Russie s'est jointe à la Chine")
    assert "date 2023" not in a.text and a.title is None


@pytest.mark.parametrize(
    ("first_line", "published"),
    [
        ("date 2023-09 ", "2023-09"),  # no leading space
        (" Date: 2023-09-05 ", "2023-09-05"),
        (" date 2023-9 ", "2023-09"),
        (" date 2023-09\n\n", "2023-09"),  # the text starts on the next line
    ],
)
def test_seed_date_line_variants(tmp_path: Path, seed_text: str, first_line, published) -> None:
    body = seed_text.split(" ", 3)[3]  # drop ' date 2023-09 '
    p = tmp_path / "variant.txt"
    p.write_text(first_line + body, encoding="utf-8")
    a = only(read_all(p)).article
    assert a.published == published
    assert a.paragraphs()[0].text.startswith("Le Kremlin")
    assert a.id == "variant"


def test_given_published_does_not_override_the_date_line(shared: Path) -> None:
    assert only(read_all(SEED, published="2020-01-01")).article.published == "2023-09"


# --- plain text --------------------------------------------------------------------------------


def test_plain_text_without_date_warns(tmp_path: Path, seed_text: str) -> None:
    p = tmp_path / "kremlin.txt"
    p.write_text(seed_text.split(" ", 3)[3], encoding="utf-8")
    item = only(read_all(p))
    assert item.article is not None and item.article.published is None
    assert item.warnings == [f"{p}: publication date unknown"]
    assert item.article.paragraphs()[0].text.startswith("Le Kremlin")

    dated = only(read_all(p, published="2023-09-12T08:00:00Z"))
    assert dated.article.published == "2023-09-12" and dated.warnings == []


def test_one_line_per_paragraph_text_gets_blank_lines() -> None:
    text = "Le Kremlin a déclaré mardi qu'il n'avait rien à dire.\nMoscou et Pyongyang ont démenti."
    assert clean_text(text) == text.replace("\n", "\n\n")
    wrapped = "Le Kremlin a déclaré mardi qu'il\nn'avait rien à dire au sujet des affirmations."
    assert clean_text(wrapped) == wrapped  # hard-wrapped lines stay one paragraph


# --- JSONL ------------------------------------------------------------------------------------


def test_corpus_streams_lazily(shared: Path, monkeypatch, corpus_records) -> None:
    opened: list = []
    real_open = gzip.open

    def spy(*args, **kwargs):
        f = real_open(*args, **kwargs)
        opened.append(f)
        return f

    monkeypatch.setattr(gzip, "open", spy)
    items = read_inputs([str(CORPUS)])
    assert isinstance(items, Iterator)
    assert opened == []  # nothing is read before the first item is asked for
    first3 = list(itertools.islice(items, 3))
    # only the beginning of the 5.5 MB compressed file has been read
    assert opened and opened[0].fileobj.tell() < 1_000_000
    for n, (item, rec) in enumerate(zip(first3, corpus_records, strict=False), start=1):
        a = item.article
        assert item.error is None and item.warnings == []
        assert a.id == rec["id"] and a.published == rec["published"]
        assert a.precision == "day" and a.source == "orangesum"
        assert a.origin == item.origin == f"{CORPUS}:{n}"
        assert a.title == rec["title"].strip()
        paras = a.paragraphs()
        assert paras[0].text == a.title  # the title is coded as the first paragraph
        assert paras[1].text == rec["text"].split("\n\n")[0].strip()
    assert first3[0].article.id == "orangesum-19785"


def test_jsonl_bad_lines_do_not_stop_the_file(tmp_path: Path, corpus_records) -> None:
    good1, good2, good3 = corpus_records[:3]
    p = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps(good1, ensure_ascii=False),
        '{"id": "x" "text": "Le Kremlin a déclaré."}',  # malformed
        "",
        json.dumps({**good2, "published": "2023-09-05T10:00:00Z", "language": "fr-FR"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "no-text", "published": "2020-01-01"}),
        json.dumps({"id": "blank", "text": "   ", "published": "2020-01-01"}),
        json.dumps({**good3, "published": "2020-02-30"}),
        json.dumps({"text": "Moscou a démenti.", "date": "2019-07"}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(p)
    assert len(items) == 8  # the blank line is skipped
    ok = [i for i in items if i.article]
    assert [i.article.id for i in ok] == [good1["id"], good2["id"], good3["id"], "corpus:9"]
    assert items[0].article.text.startswith(good1["title"].strip() + "\n\n")
    assert_one_line_error(items[1], f"{p}:2", "malformed JSON (Expecting ',' delimiter at col 12)")
    assert items[2].article.published == "2023-09-05"  # a datetime keeps its day
    assert items[2].article.language == "fr"
    assert_one_line_error(items[3], f"{p}:5", "not a JSON object (got list)")
    assert_one_line_error(items[4], f"{p}:6", "missing text")
    assert_one_line_error(items[5], f"{p}:7", "empty text")
    bad_date = items[6]
    assert bad_date.article.published is None
    assert bad_date.warnings == [
        f"{p}:8: unparseable date '2020-02-30' (no such day or month); publication date unknown"
    ]
    assert items[7].article.published == "2019-07" and items[7].article.precision == "month"


def test_jsonl_line_over_the_limit_is_skipped(tmp_path: Path) -> None:
    p = tmp_path / "big.ndjson"
    long_text = "Le Kremlin a déclaré. " * 200
    p.write_text(
        json.dumps({"id": "a", "text": "Moscou.", "published": "2020"})
        + "\n"
        + json.dumps({"id": "b", "text": long_text, "published": "2020"})
        + "\n"
        + json.dumps({"id": "c", "text": "Séoul.", "published": "2020"})
        + "\n",
        encoding="utf-8",
    )
    items = read_all(p, max_bytes=1000)
    assert [i.article.id if i.article else None for i in items] == ["a", None, "c"]
    assert_one_line_error(items[1], f"{p}:2", "line longer than the limit of 1,000 bytes")


def test_jsonl_gz_written_here(tmp_path: Path) -> None:
    p = tmp_path / "small.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "g", "text": "Pyongyang a démenti.", "published": "2023"}))
    a = only(read_all(p)).article
    assert (a.id, a.published, a.precision) == ("g", "2023", "year")


def test_corrupt_gzip_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "broken.jsonl.gz"
    data = gzip.compress(b'{"id": "a", "text": "Moscou.", "published": "2020"}\n' * 2000)
    p.write_bytes(data[: len(data) // 2])
    items = read_all(p)
    assert items[-1].article is None and "truncated" in items[-1].error
    assert all(i.article for i in items[:-1])

    fake = tmp_path / "fake.jsonl.gz"
    fake.write_text('{"id": "a", "text": "Moscou."}\n', encoding="utf-8")
    assert_one_line_error(only(read_all(fake)), str(fake), "not a gzip file")


# --- JSON -------------------------------------------------------------------------------------


def test_json_object_and_list(tmp_path: Path, corpus_records) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({k: v for k, v in corpus_records[0].items() if k != "id"}))
    a = only(read_all(one)).article
    assert a.id == "one" and a.title == corpus_records[0]["title"].strip()
    many = tmp_path / "many.json"
    many.write_text(json.dumps(corpus_records[:2] + [{"id": "z"}]))
    items = read_all(many)
    assert [i.article.id for i in items[:2]] == [r["id"] for r in corpus_records[:2]]
    assert_one_line_error(items[2], f"{many}[2]", "missing text")


# --- CSV --------------------------------------------------------------------------------------


def _write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)


def test_csv_with_date_column(tmp_path: Path, corpus_records) -> None:
    r0, r1 = corpus_records[:2]
    p = tmp_path / "articles.csv"
    _write_csv(
        p,
        [
            ["ID", "Title", "Text", "Date", "URL"],
            [r0["id"], r0["title"], r0["text"], "2014-10-15T10:00:00Z", "https://example.org/a"],
            ["no-text", "Titre", "", "2020-01-01", ""],
            [r1["id"], r1["title"], r1["text"], "15/10/2014", ""],
            ["", "", "Le Kremlin a déclaré.", "2023-09", ""],
        ],
    )
    items = read_all(p)
    assert len(items) == 4
    a = items[0].article
    assert a.id == r0["id"] and a.published == "2014-10-15" and a.url == "https://example.org/a"
    assert a.origin == f"{p}:2"
    assert [x.text for x in a.paragraphs()[1:]] == [
        x.strip() for x in r0["text"].split("\n\n") if x.strip()
    ]
    # r0's text spans several physical lines: the next record's line number accounts for them
    line_of_no_text = 2 + r0["text"].count("\n") + 1
    assert_one_line_error(items[1], f"{p}:{line_of_no_text}", "empty text")
    assert items[2].article.published is None
    assert "unparseable date '15/10/2014'" in items[2].warnings[0]
    assert items[3].article.id.startswith("articles:") and items[3].article.published == "2023-09"


def test_csv_semicolon_gz_and_missing_text_column(tmp_path: Path) -> None:
    p = tmp_path / "export.csv.gz"
    buf = io.StringIO()
    csv.writer(buf, delimiter=";").writerows(
        [["id", "text", "published"], ["s1", "Séoul a protesté, vivement.", "2018-04-27"]]
    )
    p.write_bytes(gzip.compress(buf.getvalue().encode("utf-8")))
    a = only(read_all(p)).article
    assert (a.id, a.text, a.published) == ("s1", "Séoul a protesté, vivement.", "2018-04-27")

    no_text = tmp_path / "notext.csv"
    _write_csv(no_text, [["id", "body"], ["1", "Moscou"]])
    assert_one_line_error(only(read_all(no_text)), str(no_text), "no 'text' column")


# --- HTML -------------------------------------------------------------------------------------


def _page(rec: dict, meta_date: str | None) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in rec["text"].split("\n\n"))
    meta = f'<meta property="article:published_time" content="{meta_date}">' if meta_date else ""
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>{html.escape(rec["title"])} - Orange Actu</title>{meta}
<link rel="canonical" href="https://actu.orange.fr/monde/{rec["id"]}.html"></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>{html.escape(rec["title"])}</h1>
{body}
</article><footer>Mentions légales - Orange</footer></body></html>"""


def test_html_page_title_date_and_paragraphs(tmp_path: Path, corpus_records) -> None:
    rec = next(r for r in corpus_records if r["text"].count("\n\n") >= 2)
    p = tmp_path / "page.html"
    p.write_text(_page(rec, "2014-10-15T08:30:00+02:00"), encoding="utf-8")
    item = only(read_all(p))
    a = item.article
    assert item.warnings == []
    assert a.id == "page" and a.title == rec["title"].strip()
    assert a.published == "2014-10-15"  # from the meta tag, not today's date
    assert a.language == "fr" and a.url.endswith(f"{rec['id']}.html")
    paras = [x.text for x in a.paragraphs()]
    assert paras[0] == a.title  # once, though the page has it in <title> and <h1>
    assert paras[1:] == [" ".join(x.split()) for x in rec["text"].split("\n\n")]
    assert "Accueil" not in a.text and "Mentions légales" not in a.text


def test_html_without_date_falls_back(tmp_path: Path, corpus_records) -> None:
    p = tmp_path / "undated.htm"
    p.write_text(_page(corpus_records[2], None), encoding="utf-8")
    item = only(read_all(p))
    assert item.article.published is None and item.warnings == [f"{p}: publication date unknown"]
    assert only(read_all(p, published="2016-03")).article.published == "2016-03"


# --- directories and stdin --------------------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path, seed_text: str) -> None:
    d = tmp_path / "in"
    (d / "a" / "sub").mkdir(parents=True)
    (d / ".git").mkdir()
    (d / "b.txt").write_text(seed_text, encoding="utf-8")
    (d / "a" / "sub" / "x.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Moscou.", "published": "2020"})
        + "\n"
        + json.dumps({"id": "x2", "text": "Séoul.", "published": "2021"})
        + "\n",
        encoding="utf-8",
    )
    _write_csv(d / "a" / "y.csv", [["text", "date"], ["Pékin a protesté.", "2019-05"]])
    (d / ".hidden.txt").write_text(seed_text, encoding="utf-8")
    (d / ".git" / "c.txt").write_text(seed_text, encoding="utf-8")
    (d / "notes.md").write_text("# notes", encoding="utf-8")
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items = read_all(d)
    assert [i.origin for i in items] == [
        f"{d}/a/sub/x.jsonl:1",
        f"{d}/a/sub/x.jsonl:2",
        f"{d}/a/y.csv:2",
        f"{d}/b.txt",
    ]
    assert [i.article.id for i in items] == ["x1", "x2", "y:2", "b"]
    assert items[-1].article.published == "2023-09"

    empty = tmp_path / "empty"
    (empty / "deeper").mkdir(parents=True)
    (empty / "readme.md").write_text("nothing", encoding="utf-8")
    assert_one_line_error(only(read_all(empty)), str(empty), "no readable files")


def test_stdin_seed_plain_and_jsonl(monkeypatch, seed_text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(seed_text))
    item = only(read_all("-"))
    assert (item.article.id, item.article.published, item.origin) == ("stdin", "2023-09", "-")
    assert len(item.article.paragraphs()) == 15

    monkeypatch.setattr(sys, "stdin", io.StringIO("Le Kremlin a déclaré mardi."))
    item = only(read_all("-"))
    assert item.article.text == "Le Kremlin a déclaré mardi."
    assert item.warnings == ["-: publication date unknown"]

    lines = [
        json.dumps({"id": "s1", "text": "Moscou.", "published": "2020-01-02"}),
        "",
        json.dumps({"id": "s2", "text": "Séoul.", "published": "2020-01-03"}),
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    items = read_all("-")
    assert [(i.article.id, i.origin) for i in items] == [("s1", "-:1"), ("s2", "-:3")]


def test_stdin_bytes_follow_the_encoding_policy(monkeypatch) -> None:
    raw = " date 2023-09 Le Kremlin a déclaré mardi.".encode("latin-1")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    item = only(read_all("-"))
    assert item.article.text == "Le Kremlin a déclaré mardi."
    assert item.warnings == ["-: not UTF-8; decoded as Windows-1252 (cp1252)"]


# --- bad input --------------------------------------------------------------------------------


def test_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "seed.bin"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert_one_line_error(only(read_all(p)), str(p), "binary file, not text")
    j = tmp_path / "blob.jsonl"
    j.write_bytes(b"\x00\x01\x02" * 1000)
    assert_one_line_error(only(read_all(j)), str(j), "binary file, not text")


def test_latin1_is_read_with_a_warning_other_encodings_fail(tmp_path: Path, seed_text) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes(seed_text.encode("latin-1", errors="replace"))
    item = only(read_all(p))
    assert item.article.published == "2023-09"
    assert item.article.text.startswith("Le Kremlin a déclaré mardi")
    assert item.warnings == [f"{p}: not UTF-8; decoded as Windows-1252 (cp1252)"]

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Le Kremlin a d\x81clar\x8d mardi.")  # neither UTF-8 nor cp1252
    assert_one_line_error(only(read_all(bad)), str(bad), "not UTF-8 text")


@pytest.mark.parametrize("content", ["", "   \n\n  \n", " date 2023-09 \n\n"])
def test_empty_text(tmp_path: Path, content: str) -> None:
    p = tmp_path / "empty.txt"
    p.write_text(content, encoding="utf-8")
    assert_one_line_error(only(read_all(p)), str(p), "empty text")


def test_unparseable_date_line(tmp_path: Path) -> None:
    p = tmp_path / "baddate.txt"
    p.write_text(" date 2023-13 Le Kremlin a déclaré mardi.", encoding="utf-8")
    item = only(read_all(p))
    assert item.article.text == "Le Kremlin a déclaré mardi."  # the date token is not coded
    assert item.article.published is None
    assert item.warnings == [
        f"{p}: unparseable date '2023-13' (no such day or month); publication date unknown"
    ]
    fallback = only(read_all(p, published="2023-09"))
    assert fallback.article.published == "2023-09" and "using 2023-09" in fallback.warnings[0]


def test_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(50_000_000)  # sparse: instant, no disk used
    t = time.perf_counter()
    item = only(read_all(p))
    assert time.perf_counter() - t < 2
    assert_one_line_error(item, str(p), "file too large (50.0 MB, limit 20.0 MB per article)")
    h = tmp_path / "huge.html"
    h.write_bytes(b"<html>" + b"x" * 2000)
    assert_one_line_error(only(read_all(h, max_bytes=1000)), str(h), "file too large")


def test_missing_path_and_batch_goes_on(tmp_path: Path, shared: Path) -> None:
    missing = tmp_path / "nope.txt"
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00" * 100)
    items = read_all(missing, binary, SEED)
    assert len(items) == 3
    assert_one_line_error(items[0], str(missing), "no such file or directory")
    assert_one_line_error(items[1], str(binary), "binary file, not text")
    assert items[2].article.id == "seed"


def test_bad_arguments_raise_at_once(shared: Path) -> None:
    with pytest.raises(ValueError, match="published"):
        read_inputs(["whatever.txt"], published="sept 2023")
    with pytest.raises(ValueError, match="language"):
        read_inputs(["whatever.txt"], language="français")
    assert only(read_all(SEED, language="FR-fr")).article.language == "fr"


def test_html_and_json_without_article(tmp_path: Path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<html><head><title>Rien</title></head><body></body></html>")
    assert_one_line_error(only(read_all(page)), str(page), "no article text found")
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": "a", "text": "Moscou."')
    assert_one_line_error(only(read_all(broken)), str(broken), "malformed JSON")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023", "2023"),
        ("2023-09", "2023-09"),
        ("2023-09-05", "2023-09-05"),
        ("2023-09-05T23:30:00-05:00", "2023-09-05"),
        ("2023-09-05 10:00", "2023-09-05"),
        ("2023/09/05", "2023-09-05"),
        ("20230905", "2023-09-05"),
        ("Tue, 05 Sep 2023 10:00:00 GMT", "2023-09-05"),
        (2023, "2023"),
    ],
)
def test_normalize_date(raw, expected) -> None:
    assert normalize_date(raw) == expected


@pytest.mark.parametrize("raw", ["2023-13", "2023-02-30", "hier", "05/09/2023", "", True])
def test_normalize_date_rejects(raw) -> None:
    with pytest.raises(ValueError):
        normalize_date(raw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire copy flattened to one line keeps its subheads between dashes
        (
            "Le port a rouvert lundi.- Une ville en attente -Le maire a salué la décision."
            "\n\nIl a dit « oui ».- « Jamais » -Les syndicats refusent. Un - deux - trois.",
            [
                "Le port a rouvert lundi.",
                "Une ville en attente",
                "Le maire a salué la décision.",
                "Il a dit « oui ».",
                "« Jamais »",
                "Les syndicats refusent. Un - deux - trois.",
            ],
        ),
        # a scrape without markup glues a subhead to its paragraph: split at the seam, but
        # not inside names, hashtags or links
        (
            "Le conseil a voté la réforme. Une majorité courteLe ministre a salué le vote."
            " McCain, TikTok et l'iPhone restent entiers, comme #alerteRouge et www.siteLe.",
            [
                "Le conseil a voté la réforme. Une majorité courte",
                "Le ministre a salué le vote. McCain, TikTok et l'iPhone restent entiers, comme"
                " #alerteRouge et www.siteLe.",
            ],
        ),
        # a subhead in capitals, or a paragraph that begins with a one-letter preposition;
        # a Roman numeral's ordinal ending is no seam
        (
            "Le vote a eu lieu. LA RUE GRONDEDes milliers ont défilé au XXe siècle de nouveau"
            "A Lyon, la marche a duré. Le CNRS et la SNCF restent entiers.",
            [
                "Le vote a eu lieu. LA RUE GRONDE",
                "Des milliers ont défilé au XXe siècle de nouveau",
                "A Lyon, la marche a duré. Le CNRS et la SNCF restent entiers.",
            ],
        ),
    ],
)
def test_subheads_split_paragraphs_and_keep_offsets(text, expected) -> None:
    from chronique.model import split_paragraphs

    paras = split_paragraphs(text)
    assert [p.text for p in paras] == expected
    assert all(text[p.start : p.end] == p.text for p in paras)
