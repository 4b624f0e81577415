"""Sentence -> quote, with the model: direct and indirect, speaker and role as the text gives them."""

from __future__ import annotations

import datetime as dt

import pytest

from shardwatch.extract.quotes import quotes_in
from shardwatch.nlp import get_nlp
from shardwatch.types import Article

pytestmark = pytest.mark.model


def quotes_of(text: str):
    return quotes_in(get_nlp()(text), Article(id="q", text=text, published=dt.date(2017, 3, 15)))


def test_direct_quote_with_named_speaker_and_apposition_role():
    [quote] = quotes_of('"They are running out of men and money," said Dana Holloway, a senior fellow at the Harbour '
                        'Institute.')
    assert quote.direct and quote.text == "They are running out of men and money"
    assert quote.speaker.name == "Dana Holloway"
    assert quote.speaker.role == "senior fellow at the Harbour Institute"


def test_indirect_quote_and_surname_resolved_to_the_full_name():
    quotes = quotes_of("Colonel Marek Ostrow, the spokesman of the task force, said the offensive would take months.\n\n"
                       "Ostrow added that the militants had mined the roads into the city.")
    assert [q.direct for q in quotes] == [False, False]
    assert quotes[1].speaker.name == "Marek Ostrow"
    assert "Colonel" in quotes[1].speaker.role and "spokesman of the task force" in quotes[1].speaker.role
    assert quotes[1].text == "the militants had mined the roads into the city"


def test_pronoun_speaker_is_the_last_named_person():
    quotes = quotes_of("Dana Holloway, the envoy, spoke in Geneva on Monday.\n\n"
                       '"We will not negotiate with them," she said.')
    assert quotes[-1].direct and quotes[-1].speaker.name == "Dana Holloway"


def test_scare_quotes_are_not_quotes():
    assert quotes_of('The group calls its territory a "caliphate".') == []
