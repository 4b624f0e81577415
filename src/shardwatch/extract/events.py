"""Attack frames to ``Event`` records, each with its evidence."""

from __future__ import annotations

import hashlib

from shardwatch.extract import attacks
from shardwatch.extract.mentions import actors
from shardwatch.types import ActorRef, Article, Event, Evidence


def event_id(article_id: str, kind: str, start: int, end: int) -> str:
    """Stable id: the same sentence of the same article gives the same id on every run."""
    return hashlib.sha256(f"{article_id}:{kind}:{start}:{end}".encode()).hexdigest()[:16]


def _evidence(article: Article, sent) -> Evidence:
    text = sent.text.rstrip()
    return Evidence(article_id=article.id, start=sent.start_char, end=sent.start_char + len(text),
                    text=text, extractor=attacks.EXTRACTOR, version=attacks.VERSION)


def _confidence(frame: attacks.AttackFrame) -> float:
    # A frame with more of its slots filled from the sentence is more likely a real,
    # specific attack; 0.5 for the trigger alone, 0.1 per slot, capped below certainty.
    filled = sum(x is not None and x != [] for x in (frame.place, frame.date, frame.killed or frame.wounded,
                                                     frame.perpetrator_orgs or frame.perpetrator_people))
    return min(0.5 + 0.1 * filled, 0.9)


def attack_event(article: Article, frame: attacks.AttackFrame) -> Event:
    refs: list[ActorRef] = []
    for actor_id, text in frame.perpetrator_orgs:
        refs.append(ActorRef(actor_id, actors()[actor_id].name, "perpetrator", text))
    for actor_id, text in frame.perpetrator_people:
        if actor_id:
            known = actors().get(actor_id)
            refs.append(ActorRef(actor_id, known.name if known else text, "perpetrator_individual", text))
    if frame.date is not None:
        date, precision = frame.date.date, frame.date.precision
    elif article.published is not None:
        date, precision = article.published, "reported"
    else:
        date, precision = None, "unknown"
    evidence = [_evidence(article, frame.sentence)]
    for sent in frame.mentions + frame.cue_sentences:
        if all(sent.start_char != ev.start for ev in evidence):
            evidence.append(_evidence(article, sent))
    return Event(
        id=event_id(article.id, "attack", frame.sentence.start_char, frame.sentence.end_char),
        kind="attack",
        article_id=article.id,
        date=date,
        date_precision=precision,
        reported=article.published,
        modality=frame.modality,
        place=frame.place.place if frame.place else None,
        actors=tuple(refs),
        evidence=tuple(evidence),
        trigger=frame.trigger.text,
        confidence=_confidence(frame),
        killed=frame.killed,
        wounded=frame.wounded,
        target="; ".join(frame.targets) or None,
        victims="; ".join(frame.victims) or None,
        weapon=frame.weapon,
        attack_type=frame.attack_type,
        weapon_type=frame.weapon_type,
        link=frame.link,
    )
