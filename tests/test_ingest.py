"""Ingest: every input kind, furniture removal, article identity, publication dates, failures."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys

import pytest

import shardwatch.ingest.sources as sources
from shardwatch.ingest import read_articles
from shardwatch.ingest.clean import article_id, normalise, remove_furniture
from shardwatch.ingest.dates import date_from_text, parse_metadata_date
from shardwatch.types import Article, IngestFailure, IngestWarning

PARA1 = (
    "A car bomb exploded in a crowded market in the northern Iraqi city of Kirkuk on Sunday morning, "
    "killing at least 12 people and wounding more than 30, police and hospital officials said."
)
PARA2 = (
    "The blast struck shortly after nine o'clock, when the market was full of families buying food ahead "
    "of the holiday. Witnesses described a column of black smoke rising over the old quarter."
)
PARA3 = (
    "No group immediately claimed responsibility for the attack, but security officials said it bore the "
    "hallmarks of earlier bombings carried out by Islamic State militants in the province."
)
BODY = f"{PARA1}\n\n{PARA2}\n\n{PARA3}"

HTML = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Car bomb kills 12 in Kirkuk market | Meridian Wire</title>
<meta property="og:title" content="Car bomb kills 12 in Kirkuk market">
<meta property="og:site_name" content="Meridian Wire">
<meta property="article:published_time" content="2016-07-03T09:30:00Z">
<link rel="canonical" href="https://meridianwire.example/world/kirkuk-car-bomb">
</head>
<body>
<header><nav><ul>
<li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>
</ul></nav></header>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
<main>
<article>
<h1>Car bomb kills 12 in Kirkuk market</h1>
<p>{PARA1}</p>
<p>{PARA2}</p>
<p>{PARA3}</p>
<p>The provincial governor ordered additional checkpoints on the roads into the city and called on
residents to report suspicious vehicles to the police.</p>
</article>
</main>
<aside><h3>Related articles</h3><ul>
<li><a href="/a">Mosul offensive enters third week</a></li><li><a href="/b">Floods hit Basra</a></li>
</ul></aside>
<footer><p>Subscribe to our newsletter</p><p>Contact us</p></footer>
</body>
</html>
"""


def read(*paths) -> list[Article | IngestFailure]:
    return list(read_articles([str(p) for p in paths]))


def articles_of(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def failures_of(items) -> list[IngestFailure]:
    return [i for i in items if isinstance(i, IngestFailure)]


# -- input kinds ------------------------------------------------------------------------------


def test_txt(tmp_path):
    path = tmp_path / "kirkuk.txt"
    path.write_text(f"Car bomb kills 12 in Kirkuk\n\n{BODY}\n", encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.text == f"Car bomb kills 12 in Kirkuk\n\n{BODY}"
    assert article.title == "Car bomb kills 12 in Kirkuk"  # from the first line
    assert article.path == str(path)
    assert article.source is None and article.url is None
    assert article.language == "en"
    assert article.removed_lines == 0
    assert article.id == article_id(article.text)


def test_txt_crlf_bom_and_nbsp_are_normalised(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes(("\ufeff" + PARA1.replace(" ", "\u00a0", 1) + "\r\n\r\n\r\n\r\n" + PARA2 + "  \r\n").encode("utf-8"))
    [article] = read(path)
    assert article.text == f"{PARA1}\n\n{PARA2}"


def test_markdown_front_matter(tmp_path):
    path = tmp_path / "kirkuk.md"
    path.write_text(
        "---\n"
        "title: Car bomb kills 12 in Kirkuk market\n"
        "source: Meridian Wire\n"
        "published: 2016-07-03\n"
        "url: https://meridianwire.example/kirkuk\n"
        "---\n\n" + BODY + "\n",
        encoding="utf-8",
    )
    [article] = read(path)
    assert article.title == "Car bomb kills 12 in Kirkuk market"
    assert article.source == "Meridian Wire"
    assert article.url == "https://meridianwire.example/kirkuk"
    assert article.published == dt.date(2016, 7, 3)
    assert (article.published_precision, article.published_from) == ("day", "metadata")
    assert article.text == BODY
    assert "---" not in article.text


def test_markdown_month_only_date(tmp_path):
    path = tmp_path / "m.md"
    path.write_text('---\ntitle: Monthly round-up\ndate: "2016-07"\n---\n' + BODY, encoding="utf-8")
    [article] = read(path)
    assert (article.published, article.published_precision) == (dt.date(2016, 7, 1), "month")


def test_markdown_front_matter_only_is_a_failure(tmp_path):
    path = tmp_path / "empty-body.md"
    path.write_text("---\ntitle: Nothing here\n---\n\n", encoding="utf-8")
    [failure] = read(path)
    assert isinstance(failure, IngestFailure)
    assert failure.source == str(path)
    assert "no text after the front matter" in failure.reason


def test_html_via_trafilatura(tmp_path):
    path = tmp_path / "kirkuk.html"
    path.write_text(HTML, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.title == "Car bomb kills 12 in Kirkuk market"
    assert article.source == "Meridian Wire"
    assert article.url == "https://meridianwire.example/world/kirkuk-car-bomb"
    assert article.published == dt.date(2016, 7, 3)
    assert article.published_from == "metadata"
    for para in (PARA1, PARA2, PARA3):
        assert para in article.text
    # navigation, share bar, related headlines and footer are gone
    for furniture in ("Politics", "Share on", "Mosul offensive", "Floods hit Basra", "Subscribe", "Contact us"):
        assert furniture not in article.text


def test_json_list(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([
        {"title": "Kirkuk bombing", "text": PARA1, "source": "Meridian Wire", "date": "2016-07-03",
         "url": "https://x.example/1", "language": "en"},
        {"body": PARA2, "publisher": "Other Wire"},
        {"content": PARA3, "published_at": "2016"},
    ], indent=2), encoding="utf-8")
    items = read(path)
    assert [type(i) for i in items] == [Article, Article, Article]
    first, second, third = items
    assert [i.path for i in items] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert (first.title, first.source, first.url, first.published) == (
        "Kirkuk bombing", "Meridian Wire", "https://x.example/1", dt.date(2016, 7, 3))
    assert first.text == PARA1
    assert (second.text, second.source, second.published) == (PARA2, "Other Wire", None)
    assert (third.published, third.published_precision) == (dt.date(2016, 1, 1), "year")


def test_jsonl_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": PARA1, "title": "One"}) + "\n\n" + json.dumps({"text": PARA2, "title": "Two"}) + "\n",
        encoding="utf-8",
    )
    items = read(path)
    assert [(i.title, i.text, i.path) for i in items] == [
        ("One", PARA1, f"{path}:1"), ("Two", PARA2, f"{path}:3")]


def test_stdin_text(monkeypatch):
    class FakeStdin:
        buffer = io.BytesIO(f"Kirkuk bombing\n\n{PARA1}\n".encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    [article] = read("-")
    assert isinstance(article, Article)
    assert article.path == "<stdin>"
    assert article.text == f"Kirkuk bombing\n\n{PARA1}"
    assert article.title == "Kirkuk bombing"


def test_stdin_json_lines_are_sniffed(monkeypatch):
    data = (json.dumps({"text": PARA1}) + "\n" + json.dumps({"text": PARA2}) + "\n").encode("utf-8")

    class FakeStdin:
        buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    items = read("-")
    assert [(i.path, i.text) for i in items] == [("<stdin>:1", PARA1), ("<stdin>:2", PARA2)]


def test_stdin_markdown_is_sniffed(monkeypatch):
    class FakeStdin:
        buffer = io.BytesIO(f"---\ntitle: From a pipe\npublished: 2017-01-02\n---\n{PARA1}\n".encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    [article] = read("-")
    assert (article.title, article.published, article.text) == ("From a pipe", dt.date(2017, 1, 2), PARA1)


def test_folder_is_read_recursively_in_order_skipping_readme_and_other_suffixes(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(PARA2, encoding="utf-8")
    (tmp_path / "a.txt").write_text(PARA1, encoding="utf-8")
    (tmp_path / "README.md").write_text("# About this folder\n\nNot a report.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(PARA3, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items = read(tmp_path)
    assert [i.path for i in items] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]


def test_folder_without_reports_is_a_failure(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    [failure] = read(tmp_path)
    assert failure == IngestFailure(str(tmp_path), "folder holds no .txt, .md, .html, .json, .jsonl or .csv files")


# -- page furniture ----------------------------------------------------------------------------


def test_furniture_lines_removed_and_counted(tmp_path):
    text = (
        "Share this article\n"
        "Bomb kills 12 in Kirkuk market\n"
        "\n"
        f"{PARA1}\n"
        "Tweet\n"
        "\n"
        "Subscribe to our newsletter\n"
        "\n"
        "Related articles\n"
        "Mosul offensive enters third week\n"
        "Floods hit Basra as river bursts its banks\n"
        "\n"
        f"{PARA2}\n"
    )
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    [article] = read(path)
    assert article.removed_lines == 6
    assert article.text == f"Bomb kills 12 in Kirkuk market\n\n{PARA1}\n\n{PARA2}"
    assert article.title == "Bomb kills 12 in Kirkuk market"


def test_related_block_ends_at_blank_line():
    text = f"{PARA1}\n\nRelated:\nMosul offensive enters third week\n\nPolice said the market reopened on Monday.\n"
    cleaned, removed = remove_furniture(normalise(text))
    assert removed == 2
    assert cleaned == f"{PARA1}\n\nPolice said the market reopened on Monday."


def test_long_paragraph_starting_like_furniture_is_kept():
    # a paragraph longer than any furniture line is never removed, whatever its first words
    line = "Share prices in Baghdad fell sharply after the bombing, " + PARA1
    cleaned, removed = remove_furniture(line)
    assert (cleaned, removed) == (line, 0)


def test_only_furniture_is_a_failure(tmp_path):
    path = tmp_path / "furniture.txt"
    path.write_text("Share this article\nSubscribe to our newsletter\nAdvertisement\n", encoding="utf-8")
    [failure] = read(path)
    assert failure == IngestFailure(str(path), "no text left after removing page furniture")


# -- identity ----------------------------------------------------------------------------------


def test_article_id_stable_and_whitespace_case_insensitive(tmp_path):
    (tmp_path / "one.txt").write_text(f"{PARA1}\n\n{PARA2}\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text(
        "  " + PARA1.upper().replace(" ", "   ") + "\n" + PARA2.replace(". ", ".\n") + "\n\n\n", encoding="utf-8")
    (tmp_path / "three.txt").write_text(f"{PARA1}\n\n{PARA3}\n", encoding="utf-8")
    one, two, three = read(tmp_path / "one.txt", tmp_path / "two.txt", tmp_path / "three.txt")
    assert one.id == two.id
    assert one.id != three.id
    assert len(one.id) == 16 and all(c in "0123456789abcdef" for c in one.id)
    # stable across reads and processes: a fixed hash of the folded text
    assert read(tmp_path / "one.txt")[0].id == one.id
    assert article_id("Hello   World") == article_id("hello\nworld") == article_id("HELLO WORLD")


def test_article_id_known_value():
    import hashlib

    assert article_id("  Hello\n\tWORLD ") == hashlib.sha256(b"hello world").hexdigest()[:16]


# -- publication dates -------------------------------------------------------------------------


def test_date_from_dateline(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("BAGHDAD, June 26, 2016 (Meridian Wire) - " + PARA1, encoding="utf-8")
    [article] = read(path)
    assert (article.published, article.published_precision, article.published_from) == (
        dt.date(2016, 6, 26), "day", "dateline")


def test_dateline_without_year_leaves_date_unknown_and_says_why(tmp_path):
    # dates.py (as of this writing) no longer guesses the year from years the story mentions:
    # "since 2014" in the text would date the report wrongly. published_from says why.
    path = tmp_path / "d.txt"
    path.write_text(
        "BAGHDAD, June 26 (Meridian Wire) - A suicide bomber struck a police checkpoint, the third such "
        "attack since the city was retaken from militants in 2014. Officials said 2016 had been quieter.",
        encoding="utf-8",
    )
    [article] = read(path)
    assert article.published is None
    assert article.published_precision == "unknown"
    assert article.published_from == "dateline without year"


def test_dateline_without_year_and_no_year_in_text_is_unknown():
    assert date_from_text("BAGHDAD, June 26 (Meridian Wire) - " + PARA1) == (None, "unknown", "dateline without year")


def test_text_without_dateline_or_byline_is_unknown():
    assert date_from_text("MOSUL (Reuters) - " + PARA1) == (None, "unknown", "none")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("NICE, France, 15 July 2016 - A truck drove into a crowd.", dt.date(2016, 7, 15)),
        ("PARIS, Saturday, November 14, 2015 (AFP) - Gunmen attacked.", dt.date(2015, 11, 14)),
    ],
)
def test_dateline_variants(head, expected):
    assert date_from_text(head) == (expected, "day", "dateline")


def test_date_from_byline(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Bomb kills 12 in Kirkuk market\nPublished: 2 January 2017\n\n" + PARA1, encoding="utf-8")
    [article] = read(path)
    assert (article.published, article.published_precision, article.published_from) == (
        dt.date(2017, 1, 2), "day", "byline")


def test_metadata_date_wins_over_dateline(tmp_path):
    path = tmp_path / "m.md"
    path.write_text("---\npublished: 2016-06-27\n---\nBAGHDAD, June 26, 2016 (Wire) - " + PARA1, encoding="utf-8")
    [article] = read(path)
    assert (article.published, article.published_from) == (dt.date(2016, 6, 27), "metadata")


def test_no_date_is_unknown_never_today(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text(BODY, encoding="utf-8")
    [article] = read(path)
    assert article.published is None
    assert article.published != dt.date.today()
    assert (article.published_precision, article.published_from) == ("unknown", "none")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, (None, "unknown")),
        ("", (None, "unknown")),
        ("2016", (dt.date(2016, 1, 1), "year")),
        ("2016-07", (dt.date(2016, 7, 1), "month")),
        ("2016-07-03T09:30:00Z", (dt.date(2016, 7, 3), "day")),
        (dt.date(2016, 7, 3), (dt.date(2016, 7, 3), "day")),
        (dt.datetime(2016, 7, 3, 23, 59), (dt.date(2016, 7, 3), "day")),
        ("3 July 2016", (dt.date(2016, 7, 3), "day")),
        ("not a date at all", (None, "unknown")),
    ],
)
def test_parse_metadata_date(value, expected):
    assert parse_metadata_date(value) == expected


@pytest.mark.parametrize("byline", ["Published: 3 hours ago", "Updated: yesterday", "Posted: today"])
def test_relative_byline_is_not_today(byline):
    date, precision, how = date_from_text(f"Bomb kills 12 in Kirkuk market\n{byline}\n\n{PARA1}")
    assert date is None
    assert (precision, how) == ("unknown", "none")


def test_byline_without_year_is_unknown():
    assert date_from_text(f"Bomb kills 12\nDate: 12 March\n\n{PARA1}") == (None, "unknown", "none")


def test_html_copyright_year_is_not_a_day_precision_date(tmp_path):
    page = HTML.replace('<meta property="article:published_time" content="2016-07-03T09:30:00Z">', "")
    page = page.replace("<p>Contact us</p>", "<p>&copy; 2016 Meridian Wire. All rights reserved.</p>")
    path = tmp_path / "undated.html"
    path.write_text(page, encoding="utf-8")
    [article] = read(path)
    assert not (article.published == dt.date(2016, 1, 1) and article.published_precision == "day")


# -- failures ----------------------------------------------------------------------------------


def good_file(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(BODY, encoding="utf-8")
    return path


def check_one_failure(items, bad, good, reason_part):
    fails = failures_of(items)
    assert len(fails) == 1
    assert fails[0].source == str(bad)
    assert reason_part in fails[0].reason
    assert [a.path for a in articles_of(items)] == [str(good)]


def test_binary_file(tmp_path):
    good = good_file(tmp_path)
    bad = tmp_path / "blob.txt"
    bad.write_bytes(b"SQLite format 3\x00\x01\x02" + b"\x00" * 100)
    check_one_failure(read(bad, good), bad, good, "binary file (contains NUL bytes)")


def test_empty_file(tmp_path):
    good = good_file(tmp_path)
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"  \n\n")
    check_one_failure(read(bad, good), bad, good, "file is empty")


def test_undecodable_file(tmp_path):
    good = good_file(tmp_path)
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Le président a condamné l'attaque à Nice.".encode("latin-1"))
    check_one_failure(read(bad, good), bad, good, "not valid UTF-8 text (byte 0xe9 at offset 5)")


def test_file_over_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 100)
    good = tmp_path / "small.txt"
    good.write_text("A bomb exploded in Kirkuk, police said.", encoding="utf-8")
    bad = tmp_path / "big.txt"
    bad.write_text(BODY, encoding="utf-8")
    size = bad.stat().st_size
    check_one_failure(read(bad, good), bad, good, f"file is {size:,} bytes, over the 100 byte limit")


def test_malformed_json_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": PARA1}) + "\n" + '{"text": "broken\n' + json.dumps({"text": PARA2}) + "\n",
        encoding="utf-8",
    )
    items = read(path)
    [failure] = failures_of(items)
    assert failure.source == f"{path}:2"
    assert failure.reason.startswith("malformed JSON line")
    assert [(a.path, a.text) for a in articles_of(items)] == [(f"{path}:1", PARA1), (f"{path}:3", PARA2)]


def test_malformed_json_list(tmp_path):
    good = good_file(tmp_path)
    bad = tmp_path / "feed.json"
    bad.write_text('[{"text": "unterminated"', encoding="utf-8")
    check_one_failure(read(bad, good), bad, good, "malformed JSON")


def test_json_object_without_text(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([{"text": PARA1}, {"title": "No body here", "text": "   "}, "just a string"]),
                    encoding="utf-8")
    items = read(path)
    fails = failures_of(items)
    assert [f.source for f in fails] == [f"{path}:2", f"{path}:3"]
    assert fails[0].reason == "JSON item has no text (fields tried: text, body, content)"
    assert fails[1].reason == "JSON item is not an object"
    assert [a.path for a in articles_of(items)] == [f"{path}:1"]


def test_json_line_object_without_text(tmp_path):
    good = good_file(tmp_path)
    bad = tmp_path / "one.jsonl"
    bad.write_text(json.dumps({"title": "Headline only"}) + "\n", encoding="utf-8")
    items = read(bad, good)
    [failure] = failures_of(items)
    assert failure == IngestFailure(f"{bad}:1", "JSON line has no text (fields tried: text, body, content)")
    assert [a.path for a in articles_of(items)] == [str(good)]


def test_pretty_printed_json_object_file(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"title": "Kirkuk bombing", "text": PARA1}, indent=2), encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.text == PARA1


def test_missing_path(tmp_path):
    good = good_file(tmp_path)
    missing = tmp_path / "nope.txt"
    items = read(missing, good)
    assert failures_of(items) == [IngestFailure(str(missing), "no such file or folder")]
    assert [a.path for a in articles_of(items)] == [str(good)]


def test_bad_files_in_a_folder_do_not_stop_good_ones(tmp_path):
    (tmp_path / "a-binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "b-empty.md").write_bytes(b"")
    (tmp_path / "c-good.txt").write_text(PARA1, encoding="utf-8")
    (tmp_path / "d-latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "e-good.md").write_text("---\ntitle: Two\n---\n" + PARA2, encoding="utf-8")
    items = read(tmp_path)
    assert [(type(i).__name__, getattr(i, "source", None) or i.path) for i in items] == [
        ("IngestFailure", str(tmp_path / "a-binary.txt")),
        ("IngestFailure", str(tmp_path / "b-empty.md")),
        ("Article", str(tmp_path / "c-good.txt")),
        ("IngestFailure", str(tmp_path / "d-latin1.txt")),
        ("Article", str(tmp_path / "e-good.md")),
    ]


def test_pretty_printed_json_object_without_text_is_one_failure(tmp_path):
    good = good_file(tmp_path)
    bad = tmp_path / "notext.json"
    bad.write_text(json.dumps({"title": "Headline only", "source": "Meridian Wire"}, indent=2), encoding="utf-8")
    items = read(bad, good)
    assert failures_of(items) == [IngestFailure(f"{bad}:1", "JSON item has no text (fields tried: text, body, content)")]
    assert [a.path for a in articles_of(items)] == [str(good)]


def test_malformed_pretty_printed_json_object_is_one_failure(tmp_path):
    good = good_file(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "title": "Kirkuk",\n  "text": "A bomb exploded in Kirkuk.",\n}\n', encoding="utf-8")
    items = read(bad, good)
    fails = failures_of(items)
    assert len(fails) == 1
    assert fails[0].source == str(bad)
    assert fails[0].reason.startswith("malformed JSON")
    assert [a.path for a in articles_of(items)] == [str(good)]


def test_yearless_dateline_falls_back_to_byline():
    text = f"BAGHDAD, June 26 (Meridian Wire) - {PARA1}\nPublished: 26 June 2016\n\n{PARA2}"
    assert date_from_text(text) == (dt.date(2016, 6, 26), "day", "byline")


@pytest.mark.parametrize(("head", "expected"), [
    ("By Alex Wilner, Feb. 13, 2017", dt.date(2017, 2, 13)),
    ("Ramadi after the fall\nBy A. Writer and B. Writer, staff writers, 3 March 2016", dt.date(2016, 3, 3)),
    ("By Sam Reporter, Reuters", None),
    ("By 2016 the group had lost Ramadi, and by 2017, much of Mosul", None),
])
def test_author_line_with_a_date_dates_the_article(head, expected):
    date, precision, how = date_from_text(f"{head}\n\n{PARA1}")
    assert date == expected
    assert (precision, how) == (("day", "byline") if expected else ("unknown", "none"))


# -- metadata beside a .txt file, and metadata given on the command line (issue 14) -------------


def test_txt_sidecar_json_gives_metadata_and_is_no_report(tmp_path):
    (tmp_path / "kirkuk.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "kirkuk.txt.json").write_text(json.dumps({
        "title": "Car bomb in Kirkuk", "source": "Meridian Wire", "published": "2016-07-03",
        "url": "https://meridianwire.example/kirkuk"}), encoding="utf-8")
    [article] = read(tmp_path)
    assert (article.title, article.source, article.url) == (
        "Car bomb in Kirkuk", "Meridian Wire", "https://meridianwire.example/kirkuk")
    assert (article.published, article.published_from) == (dt.date(2016, 7, 3), "metadata")
    assert article.path == str(tmp_path / "kirkuk.txt")


def test_txt_sidecar_yaml_is_read_safely(tmp_path):
    path = tmp_path / "kirkuk.txt"
    path.write_text(BODY, encoding="utf-8")
    (tmp_path / "kirkuk.txt.yaml").write_text("source: Levant Observer\npublished: 2016-07-04\n", encoding="utf-8")
    [article] = read(path)
    assert (article.source, article.published) == ("Levant Observer", dt.date(2016, 7, 4))


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("kirkuk.txt.json", "{not json", "Expecting property name"),
    ("kirkuk.txt.json", "[1, 2]", "not an object of fields"),
    ("kirkuk.txt.yaml", "a: &x [1]\nb: *x\n", "aliases"),
])
def test_unreadable_sidecar_is_a_warning_and_the_report_is_still_read(tmp_path, name, content, reason):
    path = tmp_path / "kirkuk.txt"
    path.write_text(BODY, encoding="utf-8")
    (tmp_path / name).write_text(content, encoding="utf-8")
    warning, article = read(path)
    assert isinstance(warning, IngestWarning) and warning.source == str(path)
    assert f"metadata sidecar {name} not read" in warning.reason and reason in warning.reason
    assert isinstance(article, Article) and article.source is None


def test_published_and_source_stand_in_only_where_metadata_gives_none(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text(PARA1, encoding="utf-8")
    dated = tmp_path / "dated.md"
    dated.write_text("---\nsource: Meridian Wire\npublished: 2016-07-03\n---\n" + PARA2, encoding="utf-8")
    items = list(read_articles([str(plain), str(dated)], published=dt.date(2017, 2, 13), source="Test Wire"))
    assert [(a.source, a.published, a.published_from) for a in items] == [
        ("Test Wire", dt.date(2017, 2, 13), "metadata"), ("Meridian Wire", dt.date(2016, 7, 3), "metadata")]


def test_csv_rows_with_a_text_column_are_documents(tmp_path):
    path = tmp_path / "feed.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Title", "Text", "Source", "Published"])
        writer.writerow(["Kirkuk bombing", PARA1, "Meridian Wire", "2016-07-03"])
        writer.writerow(["Empty", "  ", "Meridian Wire", ""])
        writer.writerow(["Market", f"{PARA2}\n\n{PARA3}", "", "2016"])
    items = read(path)
    assert [(type(i).__name__, getattr(i, "path", None) or i.source) for i in items] == [
        ("Article", f"{path}:2"), ("IngestFailure", f"{path}:3"), ("Article", f"{path}:4")]
    first, failure, third = items
    assert (first.title, first.source, first.published, first.text) == (
        "Kirkuk bombing", "Meridian Wire", dt.date(2016, 7, 3), PARA1)
    assert failure.reason == "CSV row has no text (columns tried: text, body, content)"
    assert third.text == f"{PARA2}\n\n{PARA3}" and third.published_precision == "year"


def test_csv_without_a_text_column_is_one_failure(tmp_path):
    good = good_file(tmp_path)
    bad = tmp_path / "numbers.csv"
    bad.write_text("city,killed\nKirkuk,12\nMosul,4\n", encoding="utf-8")
    check_one_failure(read(bad, good), bad, good, "CSV has no text column (columns tried: text, body, content)")
