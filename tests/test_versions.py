"""Extractor versions (issue 14): a hash of an extractor's code, the modules it imports and the
data files they name, so that it changes when any of them changes. The hashing is checked on a
package made in a temporary folder, never by editing shardwatch's own files."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from shardwatch.extract.versions import data_files_named, module_closure, source_digest, version_of

FILES = {
    "toypkg/__init__.py": "",
    "toypkg/finder.py": """
        from toypkg.helper import clean
        from . import sibling
        import json

        LEXICON = "cues.jsonl"
        MODELS = "models"

        def find(text):
            return clean(text)
        """,
    "toypkg/helper.py": """
        def clean(text):
            from toypkg.deep import strip  # imported inside a function: still part of the code
            return strip(text)
        """,
    "toypkg/deep.py": "def strip(text):\n    return text.strip()\n",
    "toypkg/sibling.py": "WORDS = 3\n",
    "toypkg/unrelated.py": "NOT_IMPORTED = True\n",
    "toypkg/data/cues.jsonl": '{"word": "attack"}\n',
    "toypkg/data/unused.jsonl": '{"word": "ignored"}\n',
    "toypkg/data/models/tagger.bin": "weights-1",
}


@pytest.fixture
def toy(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path / "toypkg"


def _version(root: Path, extra: tuple[str, ...] = ()) -> str:
    return source_digest(root, "toypkg", ["toypkg.finder"], root / "data", extra=extra)


def test_the_closure_follows_imports_within_the_package_only(toy):
    found = module_closure(toy, "toypkg", ["toypkg.finder"])
    assert sorted(found) == ["toypkg.deep", "toypkg.finder", "toypkg.helper", "toypkg.sibling"]
    named = data_files_named(found.values(), toy / "data")
    assert sorted(p.relative_to(toy / "data").as_posix() for p in named) == ["cues.jsonl", "models/tagger.bin"]


def test_the_version_is_a_short_stable_hash(toy):
    first = _version(toy)
    assert re.fullmatch(r"[0-9a-f]{12}", first)
    assert _version(toy) == first


@pytest.mark.parametrize("changed", [
    "toypkg/finder.py",  # the extractor's own module
    "toypkg/helper.py",  # a module it imports
    "toypkg/deep.py",  # a module imported by that one, inside a function
    "toypkg/sibling.py",  # a relative import
    "toypkg/data/cues.jsonl",  # a data file it names
    "toypkg/data/models/tagger.bin",  # a file in a data folder it names
])
def test_the_version_changes_with_code_or_data_it_reads(toy, changed):
    before = _version(toy)
    path = toy.parent / changed
    original = path.read_bytes()
    path.write_bytes(original + b"\n# edited\n")
    assert _version(toy) != before
    path.write_bytes(original)
    assert _version(toy) == before  # the content decides, not when the file was written


@pytest.mark.parametrize("unread", ["toypkg/unrelated.py", "toypkg/data/unused.jsonl"])
def test_the_version_ignores_files_it_does_not_read(toy, unread):
    before = _version(toy)
    (toy.parent / unread).write_text("# something else entirely\n", encoding="utf-8")
    assert _version(toy) == before


def test_library_versions_enter_the_hash(toy):
    assert _version(toy, ("spacy=3.7.0",)) != _version(toy, ("spacy=3.8.0",))


def test_a_constant_cannot_name_a_file_outside_the_data_folder(toy):
    (toy / "finder.py").write_text('SECRET = "../unrelated.py"\nUP = ".."\n', encoding="utf-8")
    found = module_closure(toy, "toypkg", ["toypkg.finder"])
    assert data_files_named(found.values(), toy / "data") == set()


def test_shardwatch_extractors_have_computed_versions():
    from shardwatch.extract import allegiance, attacks, claims, leadership, mentions, quotes, territory

    modules = (allegiance, attacks, claims, leadership, mentions, quotes, territory)
    versions = {m.EXTRACTOR: m.VERSION for m in modules}
    assert all(re.fullmatch(r"[0-9a-f]{12}", v) for v in versions.values()), versions
    assert len(set(versions.values())) == len(versions)  # each its own code and data
    assert all(version_of(m.__name__) == m.VERSION for m in modules)
