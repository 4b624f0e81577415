"""Ingest under hostile input (issue 15): a seeded mix of a few hundred good and bad inputs.

Every good input must be ingested, and every bad one must give exactly one line naming it (the
file, or the file and line of a JSON Lines file) with its reason; a good input read other than
as written (a date that is no date, front matter read line by line) gives one warning line.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from shardwatch.cli import cli
from shardwatch.store import Store

pytestmark = pytest.mark.model

SEED = 15
INPUTS = 300
PLACES = ["Mosul", "Kirkuk", "Ramadi", "Tikrit", "Baiji", "Aleppo", "Homs", "Sirte", "Benghazi", "Kabul"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


class Corpus:
    """Generated inputs in one folder, with what each must give: an article, a warning, or a
    failure line. Sources are named as the ingest names them."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root, self.rng = root, rng
        self.good: set[str] = set()
        self.warned: set[str] = set()
        self.bad: set[str] = set()
        self.serial = 0

    def text(self) -> str:
        """A short report no other input repeats."""
        self.serial += 1
        rng = self.rng
        return (f"A roadside bomb killed {rng.randint(2, 40)} soldiers near {rng.choice(PLACES)} on "
                f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2016, officials said in bulletin {self.serial}.\n\n"
                f"Residents of the district said the road had been closed for {self.serial % 9 + 2} days.")

    def path(self, suffix: str) -> Path:
        self.serial += 1
        return self.root / f"in{self.serial:04d}{suffix}"

    def write(self, suffix: str, data: str | bytes, outcome: str, *, lines: dict[int, str] | None = None) -> None:
        path = self.path(suffix)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        if lines is None:
            getattr(self, outcome).add(str(path))
        for number, line_outcome in (lines or {}).items():
            getattr(self, line_outcome).add(f"{path}:{number}")

    # -- good inputs ----------------------------------------------------------------------

    def good_txt(self):
        self.write(".txt", self.text() + "\n", "good")

    def good_md(self):
        self.write(".md", f"---\ntitle: Bulletin {self.serial}\nsource: Test Wire\npublished: 2016-05-0{self.rng.randint(1, 9)}"
                          f"\nurl: https://wire.example/{self.serial}\n---\n{self.text()}\n", "good")

    def good_json_list(self):
        items = [{"text": self.text(), "title": {"nested": ["a title", 1]}} for _ in range(self.rng.randint(1, 3))]
        self.write(".json", json.dumps(items, indent=1), "good", lines={i: "good" for i in range(1, len(items) + 1)})

    def good_unicode(self):
        self.write(".txt", "\u200f\u202e" + self.text() + " \U0001f4a3 cafe\u0301 \u2028 end\n", "good")

    def csv_rows(self):
        rows = [("title", "text", "published")]
        lines = {}
        for number in range(2, self.rng.randint(3, 6) + 1):
            good = self.rng.random() < 0.7
            rows.append((f"Row {number}", self.text() if good else "", "2016-04-01"))
            lines[number] = "good" if good else "bad"
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        self.write(".csv", buffer.getvalue(), "good", lines=lines)

    def csv_without_text(self):
        self.write(".csv", "city,killed\nKirkuk,12\n", "bad")

    # -- JSON Lines: good lines beside bad ones ---------------------------------------------

    def jsonl_mixed(self):
        bad_lines = [
            '{"text": "unterminated',
            "[" * 50_000 + "]" * 50_000,
            json.dumps([{"text": "a list on one line"}]),
            '{"text": "a number with too many digits", "published": ' + "9" * 5_000 + "}",
            json.dumps({"title": "no text field"}),
            '"just a string"',
            '{"text": "A lone surrogate \\ud800 in the text"}',
        ]
        rows, lines = [], {}
        for number in range(1, self.rng.randint(4, 8) + 1):
            if self.rng.random() < 0.4:
                rows.append(self.rng.choice(bad_lines))
                lines[number] = "bad"
            else:
                rows.append(json.dumps({"text": self.text(), "source": "Test Wire"}))
                lines[number] = "good"
        self.write(".jsonl", "\n".join(rows) + "\n", "good", lines=lines)

    # -- bad inputs -------------------------------------------------------------------------

    def binary(self):
        self.write(".txt", b"SQLite format 3\x00" + bytes(self.rng.randrange(256) for _ in range(200)), "bad")

    def empty(self):
        self.write(self.rng.choice([".txt", ".md", ".json"]), b" \n\t\n", "bad")

    def latin1(self):
        self.write(".txt", "Le pr\xe9sident a condamn\xe9 l'attaque.".encode("latin-1"), "bad")

    def deep_json(self):
        depth = self.rng.randint(20_000, 120_000)
        self.write(".json", "[" * depth + "]" * depth, "bad")

    def empty_json_list(self):
        self.write(".json", "[]", "bad")

    def billion_laughs(self):
        levels = ["a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for i in range(1, 9):
            prev, name = chr(96 + i), chr(97 + i)
            levels.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
        self.write(".md", "---\n" + "\n".join(levels) + "\ntitle: *i\n---\n" + self.text(), "bad")

    def deep_yaml(self):
        self.write(".md", "---\ntitle: " + "[" * 5_000 + "]" * 5_000 + "\n---\n" + self.text(), "bad")

    def unclosed_front_matter(self):
        self.write(".md", "---\ntitle: Never closed\n" + self.text(), "bad")

    def surrogate_title(self):
        self.write(".json", '{"text": "%s", "title": "bad \\udc80 title"}' % self.text().replace("\n", "\\n"), "bad",
                   lines={1: "bad"})

    def only_furniture(self):
        self.write(".txt", "Share on Facebook\nShare on Twitter\n", "bad")

    def no_html_text(self):
        self.write(".html", "<html><body>" + "<div>" * 200 + "</div>" * 200 + "</body></html>", "bad")

    def fifo(self):
        path = self.path(".txt")
        os.mkfifo(path)
        self.bad.add(str(path))

    def symlink_loop(self):
        path = self.path(".txt")
        path.symlink_to(path.name)
        self.bad.add(str(path))

    def broken_symlink(self):
        path = self.path(".md")
        path.symlink_to("nowhere.md")
        self.bad.add(str(path))

    # -- good inputs with a warning ---------------------------------------------------------

    def bad_date(self):
        date = self.rng.choice(["0000", "2016-13", "2016-02-30", "1e308", "-5", "9999-99-99"])
        if self.rng.random() < 0.5:
            self.write(".json", json.dumps({"text": self.text(), "published": date}), "warned", lines={1: "warned"})
        else:
            self.write(".md", f"---\npublished: {date}\n---\n{self.text()}\n", "warned")

    def colon_in_front_matter(self):
        self.write(".md", f"---\ntitle: Mosul: the battle {self.serial}\npublished: 2017-07-10\n---\n{self.text()}\n",
                   "warned")

    def undecodable_name(self):
        path = self.path(".txt")
        raw = os.fsencode(path.with_name(path.stem + "-"))
        weird = Path(os.fsdecode(raw + b"\xff\xfe.txt"))  # bytes that are not UTF-8
        weird.write_text(self.text(), encoding="utf-8")
        self.good.add(f"{path.parent}/{path.stem}-\\xff\\xfe.txt")


GENERATORS = [
    Corpus.good_txt, Corpus.good_md, Corpus.good_json_list, Corpus.good_unicode, Corpus.jsonl_mixed,
    Corpus.binary, Corpus.empty, Corpus.latin1, Corpus.deep_json, Corpus.empty_json_list, Corpus.billion_laughs,
    Corpus.deep_yaml, Corpus.unclosed_front_matter, Corpus.surrogate_title, Corpus.only_furniture,
    Corpus.no_html_text, Corpus.fifo, Corpus.symlink_loop, Corpus.broken_symlink, Corpus.bad_date,
    Corpus.colon_in_front_matter, Corpus.undecodable_name, Corpus.csv_rows, Corpus.csv_without_text,
]


def build(root: Path) -> Corpus:
    rng = random.Random(SEED)
    corpus = Corpus(root, rng)
    for generator in GENERATORS:  # every kind at least once
        generator(corpus)
    for _ in range(INPUTS - len(GENERATORS)):
        rng.choice(GENERATORS)(corpus)
    return corpus


def named(lines: list[str], prefix: str) -> Counter:
    """How often each source is named by the ``PREFIX SOURCE: reason`` lines (the test's
    paths hold no ": ")."""
    out: Counter = Counter()
    for line in lines:
        if line.startswith(prefix):
            source, _, reason = line[len(prefix):].partition(": ")
            assert reason.strip(), line
            out[source] += 1
    return out


def test_hostile_inputs_lose_no_good_input_and_name_every_bad_one(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    corpus = build(folder)
    assert len(corpus.good) + len(corpus.warned) >= 100 and len(corpus.bad) >= 100
    db = tmp_path / "fuzz.db"

    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(folder)])

    assert result.exit_code == 1, (result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    errors, warnings = named(lines, "error: "), named(lines, "warning: ")
    assert set(errors) == corpus.bad
    assert all(n == 1 for n in errors.values()), [s for s, n in errors.items() if n > 1]
    assert set(warnings) == corpus.warned
    assert all(n == 1 for n in warnings.values())
    assert f"{len(corpus.bad)} source(s) failed" in lines[-1]
    with Store(db, readonly=True) as store:
        stored = {a.path for a in store.articles()}
    assert stored == corpus.good | corpus.warned  # zero good inputs lost
