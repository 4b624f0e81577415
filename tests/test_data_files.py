"""The knowledge files in shardwatch/data: they parse, carry their required fields, and agree."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from shardwatch.data import data_path, load_jsonl

DATA_FILES = sorted(p.name for p in resources.files("shardwatch.data").iterdir() if p.name.endswith(".jsonl"))

REQUIRED = {
    "actors.jsonl": ("id", "name", "kind"),
    "places.jsonl": ("name", "canonical", "country", "lat", "lon", "precision"),
    "country_aliases.jsonl": ("name", "country"),
    "triggers.jsonl": ("lemma", "pos", "kind"),
    "attack_words.jsonl": ("class", "note", "words"),
    "weapons.jsonl": ("term", "weapon_type"),
    "link_cues.jsonl": ("pattern", "link"),
    "modality_cues.jsonl": ("lemma", "kind", "scope"),
    "furniture.jsonl": ("pattern", "kind"),
    "pathways.jsonl": ("id", "pathway", "label", "records"),
}


def test_the_expected_files_are_shipped():
    assert set(REQUIRED) <= set(DATA_FILES)


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_file_parses_to_objects(name):
    records = load_jsonl(name)
    assert len(records) > 0
    assert all(isinstance(r, dict) for r in records)


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_required_fields_present(name):
    for i, record in enumerate(load_jsonl(name)):
        missing = [f for f in REQUIRED[name] if record.get(f) in (None, "")]
        assert not missing, f"{name} record {i} ({record}) lacks {missing}"


def test_actor_ids_unique():
    ids = [a["id"] for a in load_jsonl("actors.jsonl")]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes


def test_actor_parents_exist():
    actors = load_jsonl("actors.jsonl")
    ids = {a["id"] for a in actors}
    dangling = [(a["id"], a["parent"]) for a in actors if a.get("parent") and a["parent"] not in ids]
    assert not dangling
    assert not [a["id"] for a in actors if a.get("parent") == a["id"]]


def test_actor_kinds():
    kinds = {a["kind"] for a in load_jsonl("actors.jsonl")}
    assert kinds <= {"organisation", "person", "state_force", "coalition"}


def test_actor_aliases_are_string_lists():
    for a in load_jsonl("actors.jsonl"):
        for field in ("aliases", "aliases_cased"):
            value = a.get(field, [])
            assert isinstance(value, list) and all(isinstance(x, str) and x for x in value), (a["id"], field)


def test_places():
    for p in load_jsonl("places.jsonl"):
        assert p["precision"] in (1, 2, 3), p
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, p
        assert re.fullmatch(r"[A-Z]{2}", p["country"]), p


def test_country_aliases_are_iso2():
    for c in load_jsonl("country_aliases.jsonl"):
        assert re.fullmatch(r"[A-Z]{2}", c["country"]), c


def test_triggers():
    for t in load_jsonl("triggers.jsonl"):
        assert t["pos"] in ("VERB", "NOUN"), t
        assert t["kind"] in ("attack", "territory", "leadership", "allegiance"), t


def test_link_cues_compile_and_links_known():
    for cue in load_jsonl("link_cues.jsonl"):
        re.compile(cue["pattern"], re.IGNORECASE)
        assert cue["link"] in ("directed", "enabled", "inspired", "claimed"), cue


def test_modality_cues():
    for cue in load_jsonl("modality_cues.jsonl"):
        assert cue["kind"] in ("hypothetical", "negated", "reported"), cue
        assert cue["scope"] in ("aux", "governor", "mark"), cue


def test_furniture_patterns_compile():
    for rule in load_jsonl("furniture.jsonl"):
        re.compile(rule["pattern"], re.IGNORECASE)
        assert isinstance(rule.get("block", False), bool), rule


def test_every_data_file_listed_in_readme():
    readme = data_path("README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`([\w-]+\.jsonl)`", readme))
    assert set(DATA_FILES) <= listed, set(DATA_FILES) - listed
    assert listed <= set(DATA_FILES), listed - set(DATA_FILES)


def test_load_jsonl_skips_comments_and_reports_bad_lines(tmp_path, monkeypatch):
    import shardwatch.data as data

    (tmp_path / "x.jsonl").write_text('// a comment\n\n{"a": 1}\n{broken\n', encoding="utf-8")
    monkeypatch.setattr(data, "data_path", lambda name: tmp_path / name)
    data.load_jsonl.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"x\.jsonl:4"):
            data.load_jsonl("x.jsonl")
        (tmp_path / "y.jsonl").write_text('// c\n{"a": 1}\n\n{"b": 2}\n', encoding="utf-8")
        assert data.load_jsonl("y.jsonl") == ({"a": 1}, {"b": 2})
    finally:
        data.load_jsonl.cache_clear()


GTD_WEAPON_TYPES = {"Biological", "Chemical", "Radiological", "Nuclear", "Firearms", "Explosives",
                    "Fake Weapons", "Incendiary", "Melee", "Vehicle", "Sabotage Equipment", "Other", "Unknown"}
GTD_ATTACK_TYPES = {"Assassination", "Armed Assault", "Bombing/Explosion", "Hijacking",
                    "Hostage Taking (Barricade Incident)", "Hostage Taking (Kidnapping)",
                    "Facility/Infrastructure Attack", "Unarmed Assault", "Unknown"}


def test_gtd_categories():
    for w in load_jsonl("weapons.jsonl"):
        assert w["weapon_type"] in GTD_WEAPON_TYPES, w
        assert w.get("attack_type") in GTD_ATTACK_TYPES | {None}, w
    for t in load_jsonl("triggers.jsonl"):
        assert t.get("attack_type") in GTD_ATTACK_TYPES | {None}, t


@pytest.mark.parametrize(
    ("name", "key"),
    [("places.jsonl", ("name",)), ("country_aliases.jsonl", ("name",)), ("weapons.jsonl", ("term",)),
     ("triggers.jsonl", ("lemma", "pos")), ("modality_cues.jsonl", ("lemma", "kind", "scope"))],
)
def test_no_duplicate_keys(name, key):
    keys = [tuple(str(r[k]).lower() for k in key) for r in load_jsonl(name)]
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


def test_an_alias_names_one_actor():
    owner: dict[str, str] = {}
    for a in load_jsonl("actors.jsonl"):
        for alias in a.get("aliases", []):
            assert owner.setdefault(alias.lower(), a["id"]) == a["id"], (alias, owner[alias.lower()], a["id"])


def test_the_followed_organisation_and_gtd_names_name_known_actors():
    from shardwatch.data import gtd_group_names, home_countries, organisation, organisation_ids

    ids = {a["id"] for a in load_jsonl("actors.jsonl")}
    assert organisation()["id"] in ids
    assert organisation_ids() >= {"islamic-state", "is-sinai"}
    assert home_countries() == {"IQ", "SY"}
    records = load_jsonl("gtd_groups.jsonl")
    assert len({r["actor"] for r in records}) == len(records)
    assert set(gtd_group_names()) <= ids


def test_no_organisation_is_named_in_the_presentation_code():
    """What is specific to one organisation lives in data files, not in code."""
    from pathlib import Path

    import shardwatch.present as present

    for path in Path(present.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert '"islamic-state"' not in text and "ISIL" not in text, path.name
        assert '"IQ", "SY"' not in text, path.name


@pytest.mark.parametrize("term", ["ISIS", "Daesh", "islamic-state", "Islamic State", "isil", "the Islamic State group"])
def test_actor_words_resolve_to_one_organisation(term):
    from shardwatch.data import actor_ids_for

    assert actor_ids_for(term) == {"islamic-state"}


def test_communes_name_their_province_and_are_unique_in_it():
    communes = load_jsonl("geo/admin3.jsonl")
    assert all(c.get(f) for c in communes for f in ("name", "country", "admin1", "admin2"))
    keys = [(c["country"], c["admin2"], c["name"]) for c in communes]
    assert len(keys) == len(set(keys))


def test_districts_name_their_state_and_are_unique():
    districts = load_jsonl("geo/admin2.jsonl")
    assert all(d.get(f) for d in districts for f in ("name", "country", "admin1"))
    keys = [(d["country"], d["name"]) for d in districts]
    assert len(keys) == len(set(keys))
