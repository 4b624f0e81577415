"""Extraction: an annotated article in, records with evidence out."""

from __future__ import annotations

from spacy.tokens import Doc

from shardwatch.extract import attack_arguments, attacks
from shardwatch.extract.common import DocContext, incidental_places
from shardwatch.extract.events import all_events
from shardwatch.extract.claims import claims_in, main_speaker
from shardwatch.extract.mentions import actor_mentions, place_mentions
from shardwatch.extract.place_coordinates import locate
from shardwatch.extract.quotes import quotes_in
from shardwatch.extract.versions import extraction_version
from shardwatch.types import Article, Extraction

__all__ = ["extract"]


def extract(article: Article, doc: Doc) -> Extraction:
    """Every record one article gives: actor and place mentions and its events of every kind."""
    places = place_mentions(doc, article)
    people = actor_mentions(doc, article)
    incidental = incidental_places(doc, places)
    ctx = DocContext(doc, article, [m for m in places if m not in incidental], people, all_places=places)
    frames = attacks.frames_in(doc, article, places, people, ctx=ctx)
    # imported here: resolve.article reads the gazetteer of this package, so importing it first
    # (as its tests do) would import this module half-made
    from shardwatch.resolve.article import merge_article_events
    events = merge_article_events(all_events(ctx, frames))
    arguments = ()
    if frames or (doc.text.strip() and doc.text == doc.text.lower()):  # cased text with no attack frame has no attack to argue
        found = attack_arguments.document_arguments(doc, article, frames, places=places)
        events, arguments = attack_arguments.attach(events, found)
    events = locate(events, doc, places)
    claims, quotes = claims_in(doc, article, places, people), quotes_in(doc, article, main_org=main_speaker(people))
    return Extraction(article=article, events=tuple(events), mentions=tuple(places + people),
                      claims=tuple(claims), quotes=tuple(quotes), version=extraction_version(), arguments=arguments)
