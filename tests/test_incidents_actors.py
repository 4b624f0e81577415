"""Canonical actors across documents: aliases, role descriptors, parents and roles."""

from __future__ import annotations

import datetime as dt

from shardwatch.resolve.actors import canonical, descriptor_mentions
from shardwatch.resolve.corpus import update
from shardwatch.resolve.incident_view import _actors
from shardwatch.types import ActorRef, Article, Event, Extraction, Mention

TEXT = ("Boko Haram's leader, Abubakar Shekau, swore allegiance to the Islamic State. The group's spokesman, "
        "Abu Mohammed al-Adnani, accepted the pledge within days. Its spokesman said more would follow.")


def _mention(text: str, actor_id: str, label: str = "PERSON") -> Mention:
    start = TEXT.index(text)
    return Mention("art", start, start + len(text), text, label, actor_id=actor_id)


MENTIONS = [_mention("Boko Haram", "boko-haram", "ORG"), _mention("Abubakar Shekau", "abubakar-shekau"),
            _mention("the Islamic State", "islamic-state", "ORG"),
            _mention("Abu Mohammed al-Adnani", "abu-mohammed-al-adnani")]


def test_role_descriptors_link_to_the_person_the_article_names():
    found = {(m.text, m.actor_id) for m in descriptor_mentions(Article("art", TEXT), MENTIONS)}
    assert found == {("Boko Haram's leader", "abubakar-shekau"),
                     ("The group's spokesman", "abu-mohammed-al-adnani"),
                     ("Its spokesman", "abu-mohammed-al-adnani")}


def test_a_descriptor_for_someone_the_article_does_not_name_stays_unlinked():
    text = "The group's spokesman said the attack was revenge."
    mentions = [Mention("a", 0, 9, "The group", "ORG", actor_id="islamic-state")]
    assert descriptor_mentions(Article("a", text), mentions) == []


def test_aliases_and_affiliates_are_canonical_with_parent_and_role():
    sinai = canonical("is-sinai")
    assert sinai.parent == "islamic-state"
    assert {"ISNS", "Islamic State in Northern Sinai", "the Sinai affiliate"} <= set(sinai.aliases)
    adnani = canonical("abu-mohammed-al-adnani")
    assert adnani.role.startswith("spokesman") and "al-Adnani" in adnani.aliases


def test_incident_actors_carry_parent_and_role():
    event = Event(id="e", kind="attack", article_id="a", date=dt.date(2015, 10, 31), date_precision="day",
                  reported=None, modality="asserted", place=None,
                  actors=(ActorRef("is-sinai", "Sinai Province", "perpetrator", "ISNS"),
                          ActorRef("abu-mohammed-al-adnani", "Abu Mohammed al-Adnani", "subject", "al-Adnani")),
                  evidence=(), trigger="attack", confidence=0.5)
    actors = {a.actor_id: a for a in _actors([event, event])}
    assert actors["is-sinai"].parent == "islamic-state" and actors["is-sinai"].mentions == 2
    assert actors["abu-mohammed-al-adnani"].person_role.startswith("spokesman")


def test_descriptor_mentions_are_stored_after_ingest(tmp_db):
    article = Article("art", TEXT, published=dt.date(2015, 3, 12), published_precision="day")
    tmp_db.write_batch([Extraction(article, (), tuple(MENTIONS))])
    assert update(tmp_db).descriptors == 3
    counts = tmp_db.actor_mention_counts()
    assert counts["abu-mohammed-al-adnani"] == (3, 1)
    assert update(tmp_db).descriptors == 0  # done once per article
