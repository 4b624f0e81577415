"""A small hand-made database for the API, dashboard, brief and export tests (no model).

The texts are written for these tests. What each record checks:
- nice: an attack abroad, inspired, with a point figure; the map, the timeline's "inspired".
- istanbul: an attack abroad, enabled; a second country abroad.
- baghdad: an attack in Iraq: on the map, never in the attacks-abroad series.
- fallujah: a territory change the organisation lost (role "losing"): the timeline's losses.
- arish: an article whose text holds <script> and <b> inside the evidence sentence: must show
  as text everywhere (dashboard, brief, exports).
- undated: an event with no date and no place: listed, but on no map and in no month.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from shardwatch.store import Store
from shardwatch.types import ActorRef, Article, Event, Evidence, Extraction, Place, Quantity

IS = ActorRef("islamic-state", "Islamic State", "perpetrator", "the Islamic State")
SCRIPT_SENTENCE = ("<script>window.__pwned = true;</script> Gunmen attacked a checkpoint near Arish on Monday, "
                   "killing 3 soldiers & wounding <b>5</b>.")


def _article(key: str, text: str, published: dt.date | None, title: str) -> Article:
    return Article(id=f"art-{key}", text=text, title=title, source="Test Wire", url=f"https://example.org/{key}",
                   published=published, published_precision="day" if published else "unknown",
                   published_from="metadata" if published else "none")


def _span(article: Article, sentence: str) -> Evidence:
    start = article.text.index(sentence)
    return Evidence(article.id, start, start + len(sentence), sentence, "test", "1")


def _event(key: str, article: Article, sentence: str, *, kind: str = "attack", date: dt.date | None,
           place: Place | None, actors=(IS,), **fields) -> Event:
    return Event(id=f"ev-{key}", kind=kind, article_id=article.id, date=date,
                 date_precision="day" if date else "unknown", reported=article.published, modality="asserted",
                 place=place, actors=tuple(actors), evidence=(_span(article, sentence),), trigger="attack",
                 confidence=0.9, **fields)


def extractions() -> list[Extraction]:
    nice_text = ("Nice, 15 July 2016\nA man drove a lorry into a crowd on the seafront in Nice on Thursday night, "
                 "killing 84 people. Prosecutors said the driver had been inspired by the group's propaganda but "
                 "had no contact with it.")
    nice = _article("nice", nice_text, dt.date(2016, 7, 15), "Lorry attack in Nice")
    nice_event = _event(
        "nice", nice, "A man drove a lorry into a crowd on the seafront in Nice on Thursday night, killing 84 people.",
        date=dt.date(2016, 7, 14), place=Place("Nice", "Nice", "FR", 43.7031, 7.2661, "geonames:2990440", 1),
        killed=Quantity(84.0, 84.0, None, "84"), link="inspired", attack_type="Unarmed Assault",
        weapon_type="Vehicle", weapon="lorry")

    istanbul_text = ("A gunman who killed 39 people at a nightclub in Istanbul on 1 January 2017 had been guided by "
                     "handlers over a messaging app, prosecutors said.")
    istanbul = _article("istanbul", istanbul_text, dt.date(2017, 1, 17), "Nightclub gunman was guided from afar")
    istanbul_event = _event(
        "istanbul", istanbul, istanbul_text, date=dt.date(2017, 1, 1),
        place=Place("Istanbul", "Istanbul", "TR", 41.0138, 28.9497, "geonames:745044", 1),
        killed=Quantity(39.0, 39.0, None, "39"), link="enabled", attack_type="Armed Assault", weapon_type="Firearms")

    baghdad_text = "A car bomb killed 12 people at a market in Baghdad on Sunday, police said."
    baghdad = _article("baghdad", baghdad_text, dt.date(2016, 7, 4), "Market bombing in Baghdad")
    baghdad_event = _event(
        "baghdad", baghdad, baghdad_text, date=dt.date(2016, 7, 3),
        place=Place("Baghdad", "Baghdad", "IQ", 33.3406, 44.4009, "geonames:98182", 1),
        killed=Quantity(12.0, 12.0, None, "12"), attack_type="Bombing/Explosion", weapon_type="Explosives")

    fallujah_text = ("Iraqi forces retook Fallujah from the Islamic State in late June 2016, ending two years of "
                     "the group's rule in the city.")
    fallujah = _article("fallujah", fallujah_text, dt.date(2016, 6, 28), "Fallujah retaken")
    fallujah_event = _event(
        "fallujah", fallujah, fallujah_text, kind="territory", date=dt.date(2016, 6, 26),
        place=Place("Fallujah", "Fallujah", "IQ", 33.3496, 43.7858, "geonames:97270", 1),
        actors=(ActorRef("islamic-state", "Islamic State", "losing", "the Islamic State"),
                ActorRef("iraqi-forces", "Iraqi security forces", "gaining", "Iraqi forces")),
        change="retaken")

    arish_text = "Notes on a page that carried code.\n" + SCRIPT_SENTENCE + "\nNo group said it was behind it."
    arish = _article("arish", arish_text, dt.date(2016, 10, 11), "Checkpoint attack <i>near</i> Arish")
    arish_event = _event(
        "arish", arish, SCRIPT_SENTENCE, date=dt.date(2016, 10, 10),
        place=Place("Arish", "Arish", "EG", 31.1316, 33.7984, "geonames:361546", 1),
        killed=Quantity(3.0, 3.0, None, "3"), wounded=Quantity(5.0, 5.0, None, "5"), link="claimed",
        attack_type="Armed Assault", weapon_type="Firearms")

    undated_text = "An attack was reported, but the report gave neither a place nor a date."
    undated = _article("undated", undated_text, None, "A report without a date")
    undated_event = _event("undated", undated, undated_text, date=None, place=None, actors=())

    return [Extraction(nice, (nice_event,)), Extraction(istanbul, (istanbul_event,)),
            Extraction(baghdad, (baghdad_event,)), Extraction(fallujah, (fallujah_event,)),
            Extraction(arish, (arish_event,)), Extraction(undated, (undated_event,))]


def build(path: Path) -> str:
    """Write the fixture database at ``path``; returns the path as a string."""
    with Store(path) as store:
        store.write_batch(extractions())
    return str(path)
