"""Tolls as reports list them (extract/casualties.py): lists the parser hangs as appositions,
the attackers left out, "both", and the toll in a clause on a fight."""

from __future__ import annotations

import pytest

from extract_helpers import events_of

pytestmark = pytest.mark.model


def _toll(event):
    return (event.killed and event.killed.low, event.wounded and event.wounded.low)


def test_a_list_of_kinds_of_people_counts_all_but_the_attackers():
    text = ("A suicide bomber struck the army camp in Gao, setting off a gun battle that killed two soldiers, "
            "a trader and two attackers. Four soldiers, three suspected attackers and one trader were also injured.")
    [event] = events_of(text, published="2018-06-29", kind="attack")
    assert _toll(event) == (3, 5)


def test_a_list_that_restates_the_people_adds_nothing():
    [event] = events_of("A bomb exploded in the market of Maiduguri, killing two people, a woman and her son.",
                        published="2018-06-29", kind="attack")
    assert _toll(event) == (2, None)


def test_both_are_two():
    text = "A bomb hit a motorbike carrying two men in Cotabato. Both riders sustained minor injuries."
    [event] = events_of(text, published="2018-07-31", kind="attack")
    assert _toll(event) == (None, 2)


def test_the_death_of_a_person_is_a_toll():
    text = "Clashes with Islamic State militants near Kirkuk resulted in the death of a policeman and the injury of two more."
    [event] = events_of(text, published="2018-10-16", kind="attack")
    assert _toll(event) == (1, 2)
