"""Leadership events: a leader killed, captured or arrested, with role, means and date."""

from __future__ import annotations

import pytest

from extract_helpers import events_of, roles

pytestmark = pytest.mark.model


def test_a_known_leader_killed_in_an_airstrike():
    text = "Abu Omar al-Shishani, the Islamic State's minister of war, was killed in a US airstrike near Shirqat in July 2016."
    found = events_of(text, published="2016-07-14")
    [event] = [e for e in found if e.kind == "leadership"]
    assert roles(event, "subject") == {"abu-omar-al-shishani"}
    assert (event.outcome, event.means) == ("killed", "airstrike")
    assert (event.date.isoformat(), event.date_precision) == ("2016-07-01", "month")
    assert event.role and "commander" in event.role
    assert not [e for e in found if e.kind == "attack"]


def test_the_spokesman_resolves_to_the_canonical_person():
    text = "Abu Muhammad al-Adnani, the group's spokesman, was killed in Aleppo province on 30 August 2016."
    [event] = events_of(text, published="2016-08-31", kind="leadership")
    assert roles(event, "subject") == {"abu-mohammed-al-adnani"}
    assert event.date.isoformat() == "2016-08-30" and event.place.country == "SY"


def test_a_leader_not_in_the_data_is_kept_with_the_role_the_text_gives():
    text = ("Hafiz Saeed Khan, the leader of the Islamic State's Khorasan province, was killed in a US drone "
            "strike in Nangarhar in July 2016.")
    [event] = events_of(text, published="2016-08-12", kind="leadership")
    assert roles(event, "subject") == {"person:hafiz-saeed-khan"}
    assert event.means == "drone strike" and "leader" in event.role
    assert (event.place.canonical, event.place.country) == ("Nangarhar Province", "AF")


@pytest.mark.parametrize("text", [
    "Police shot dead the attacker, Omar Mateen, after a three-hour standoff.",
    "Abdelhamid Abaaoud, the suspected ringleader of the Paris attacks, was killed in a police raid.",
    "Russia said it may have killed Abu Bakr al-Baghdadi in an airstrike near Raqqa.",
    "If Adnani's death is confirmed, it would be a heavy blow to the group.",
])
def test_attackers_ringleaders_and_unconfirmed_deaths_are_not_leadership_events(text):
    assert events_of(text, kind="leadership") == []
