"""Stores of hand-made records for the trend analyses (no model): attacks abroad and at home,
territorial losses, claims and quotes, each article's text made up for the test."""

from __future__ import annotations

import datetime as dt

from shardwatch.resolve.corpus import update
from shardwatch.types import ActorRef, Article, Claim, Claimant, Event, Evidence, Extraction, Place, Quantity, Quote

# Words to make each made-up article's text its own, so near-duplicate detection leaves it alone.
WORDS = ("amber", "basalt", "cedar", "delta", "ember", "fjord", "garnet", "harbor", "indigo", "juniper", "kelp",
         "lagoon", "meadow", "nickel", "orchid", "pewter", "quartz", "russet", "saffron", "tundra", "umber", "violet",
         "willow", "xenon", "yarrow", "zephyr")


def text_for(number: int, sentence: str) -> str:
    words = " ".join(WORDS[(number * 7 + k * 3) % len(WORDS)] + str(number + k) for k in range(12))
    return f"{sentence} Notes: {words}."


def article(aid: str, published: dt.date, sentence: str, number: int, source: str = "Test Wire") -> Article:
    return Article(id=aid, text=text_for(number, sentence), title=f"report {aid}", source=source,
                   published=published, published_precision="day")


def attack(a: Article, *, date: dt.date, country: str, lat: float, lon: float, killed: float | None = None,
           link: str = "inspired", city: str | None = None) -> Event:
    sentence = a.text.split(" Notes:")[0]
    name = city or f"Town {a.id}"
    return Event(
        id=f"{a.id}-e0", kind="attack", article_id=a.id, date=date, date_precision="day", reported=a.published,
        modality="asserted", place=Place(name, name, country, lat, lon, None, 1),
        actors=(ActorRef("islamic-state", "Islamic State", "perpetrator", "the Islamic State"),),
        evidence=(Evidence(a.id, 0, len(sentence), sentence, "test", "1"),), trigger="attack", confidence=0.9,
        killed=None if killed is None else Quantity(killed, killed, None, str(killed)), link=link)


def territory_loss(a: Article, *, date: dt.date, lat: float, lon: float) -> Event:
    sentence = a.text.split(" Notes:")[0]
    name = f"Village {a.id}"
    return Event(
        id=f"{a.id}-t0", kind="territory", article_id=a.id, date=date, date_precision="day", reported=a.published,
        modality="asserted", place=Place(name, name, "IQ", lat, lon, None, 1),
        actors=(ActorRef("islamic-state", "Islamic State", "losing", "the Islamic State"),
                ActorRef("iraqi-forces", "Iraqi forces", "gaining", "Iraqi forces")),
        evidence=(Evidence(a.id, 0, len(sentence), sentence, "test", "1"),), trigger="retook", confidence=0.9,
        change="retaken")


def claim(a: Article, cid: str, measure: str, value: float, *, as_of: dt.date, text: str) -> Claim:
    return Claim(id=cid, article_id=a.id, measure=measure, measure_text=measure, low=value, high=value,
                 unit="people", qualifier=None, value_text=str(value), as_of=as_of, as_of_precision="day",
                 claimant=Claimant("Interior Ministry", None, "organisation"),
                 evidence=(Evidence(a.id, 0, len(text), text, "test", "1"),), scope="France",
                 scope_countries=("FR",), reported=a.published)


def quote(a: Article, qid: str, text: str, speaker: str = "A Minister") -> Quote:
    return Quote(id=qid, article_id=a.id, speaker=Claimant(speaker, "minister", "person"), text=text, direct=True,
                 evidence=(Evidence(a.id, 0, len(text), text, "test", "1"),))


def write(store, extractions: list[Extraction]) -> None:
    store.write_batch(extractions)
    update(store)


def attacks_abroad(store, rows: list[tuple[dt.date, float | None]], *, country: str = "FR") -> list[str]:
    """One article and one attack for each (date, deaths), each in a town of its own; the event ids."""
    items, ids = [], []
    for number, (date, killed) in enumerate(rows):
        a = article(f"a{number:04d}", date, f"Attackers struck town {number}, killing {killed} people.", number)
        event = attack(a, date=date, country=country, lat=40 + (number % 40) * 0.9, lon=-5 + (number // 40) * 0.9,
                       killed=killed)
        items.append(Extraction(a, (event,)))
        ids.append(event.id)
    write(store, items)
    return ids
