"""The cased-news path of ``shardwatch roles`` (rules over the cased parse).

The reports below are written for these tests; none is taken from a corpus.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

REPORTS = [
    ("checkpoint", "Car bomb kills nine at checkpoint in northern Iraq\n"
     "A car bomb exploded at an army checkpoint near Tikrit on Tuesday, killing nine soldiers and "
     "wounding 14 others, police said. The Islamic State of Iraq and Syria claimed responsibility for "
     "the attack through its Amaq news agency."),
    ("hotel", "Gunmen storm hotel in Mogadishu\n"
     "Al-Shabaab militants stormed a hotel in the Somali capital Mogadishu on Saturday, setting off a "
     "truck bomb at the gate before opening fire on guests. At least 20 people were killed, a police "
     "officer said."),
    ("convoy", "Taliban ambush convoy in Helmand\n"
     "Taliban fighters ambushed a convoy of Afghan soldiers in Helmand province, killing six of them "
     "with rocket-propelled grenades and rifles. A spokesman for the group said the insurgents had "
     "destroyed three vehicles."),
    ("mosque", "A suicide bomber blew himself up inside a crowded mosque in Maiduguri, Nigeria, killing at "
     "least 12 worshippers. No group has claimed the attack, but Boko Haram has carried out similar "
     "bombings in the region."),
    ("blamed", "KANDAHAR (Wire) - A bomb hidden in a motorbike exploded outside a bank, killing 11 people waiting to "
     "collect salaries. The governor blamed the Taliban, who did not comment."),
    ("district", "Attackers stormed a police post in Zhari district overnight, killing four officers, a spokesman for the "
     "governor of Kandahar province said. The gunmen used hand grenades and rifles. Pakistan condemned the raid."),
    ("said_it", "Militants opened fire on a bus near the town of Minya in Egypt, killing 28 Christians. Islamic "
     "State said it had carried out the attack. Two of the gunmen were later killed by police."),
    ("dated", "The bombing was an attack on 13 September 1974 at a cafe in Madrid which killed 13 people."
     "==Aftermath==The bomb exploded inside a bag*2015 inquiry"),
    ("disease", "Eight people have died of an unidentified disease in Aragua state, doctors said. Unions "
     "began a 48-hour strike in the capital, and the government targeted three officials with sanctions."),
    ("coreferent", "A blast injured several people in Lyon on Friday. The explosion targeted a bakery on a busy "
     "street."),
    ("own_men", "Two men drove a van into pedestrians on a bridge in London, then stabbed people in a market. "
     "Islamic State's news agency said a detachment of its fighters had carried out the attack."),
    ("group_men", "Boko Haram fighters stormed an army post in Bosso on Friday and held it for hours. The insurgents "
     "attacked with heavy weapons, and the fighters burned the post before they left."),
    ("occasion", "The BBC bombing injured one man in London. A bomb went off in a car outside the broadcaster's "
     "studios."),
    ("no_attack", "ANTWERP (Port Bulletin) - Dockers stayed away for a third day. The minister accused the unions "
     "of holding the economy hostage, and exporters said the stoppages were hitting fruit shipments hardest. "
     "Two fans died and nine were injured after the minibus carrying them home overturned near Casablanca."),
    ("hyphen", "Militants stormed a hotel in Mogadishu on Friday, after al-Shabaab fighters set off a car bomb at "
     "its gate."),
    ("relative", "A court in Oslo heard from survivors of Anders Breivik, the extremist who killed 77 people in "
     "July 2011."),
    ("relative_man", "Police shot a man who stabbed two commuters at a station in Bergen on Monday."),
    ("named_gunmen", "In July 1997 ETA gunmen abducted a young councillor in the town of Ermua and shot him two days "
     "later."),
    ("laden", "Militants rammed an explosives-laden pickup into a police station in Bannu, then stormed the "
     "building with rifles."),
    ("county", "A car bomb tore through the County Tyrone market town on a Saturday afternoon, killing 29 people."),
    ("agency", "Gunmen storm Mogadishu beach hotel\nMOGADISHU (Horn Dispatch) - Special forces ended a siege at a "
     "beachfront hotel in Mogadishu on Saturday after al-Shabaab fighters stormed it, killing at least 18 people."),
    ("named_site", "A gunman opened fire inside the Al Noor mosque in Christchurch during Friday prayers, killing "
     "dozens of worshippers."),
    ("shot_by_police", "A man drove a van into shoppers in a market in Stockholm, killing five. The driver fled and "
     "was shot dead by police in a suburb the next day. The Grand Hotel nearby was closed."),
    ("blame_only", "Airline profits fell sharply last year. The chief executive blamed the losses on high fuel "
     "prices and a weak dollar, and said the firm would cut 300 jobs."),
    ("figurative", "Sales of the band's records rocketed after the single hit the charts. A funding cut hits "
     "students hardest, the union said, and the firm is targeting young people with its adverts."),
    ("road_accident", "A lorry on the wrong side of the road ploughed into a rental car near Lyon on Sunday, and its "
     "driver was taken to hospital."),
    ("illness", "Tributes. The singer who made his name with Mack the Knife fought illness as a boy and died aged 37 "
     "in Los Angeles."),
    ("film_title", "Box office. The remake of Assault on Precinct 13 topped the charts in London, ahead of a new "
     "film about Mack the Knife."),
    ("pronoun", "Police named the suspect as Omar Khalil, a 26-year-old from Hamburg. He stabbed a woman and two "
     "passengers at the station in Bielefeld on Friday evening, officers said."),
    ("pronoun_they", "Four al-Shabaab gunmen reached the gate of the Sahil Hotel in Mogadishu at dusk. They opened "
     "fire on diners in the restaurant."),
    ("hyphen_weapon", "Gunmen in the hills opened fire on the bus with machine guns and rocket-propelled grenades "
     "near Palmyra."),
    ("hyphen_place", "A suicide bomber blew himself up at a mosque in the western Kabul neighbourhood of "
     "Dasht-e-Barchi during Friday prayers, killing 27 people."),
    ("harmless_doer", "Protest. Police said people near the MEP had also been hit by the waste thrown at him in "
     "Manchester, and the single hit the charts in London."),
    ("hunger_strike", "Protest. A former intelligence officer is in the seventh week of a hunger strike near Downing "
     "Street, and the proposals strike a balance between security and liberty, police said."),
    ("missile_hit", "A missile hit a school in Donetsk on Monday, killing four children."),
    ("dateline_dash", "BEIRUT - Islamic State claimed responsibility for an attack by gunmen on a military parade in "
     "Ahvaz on Saturday."),
    ("beside_bus", "Roadside bomb hits bus. A roadside bomb exploded by a bus carrying passengers in northern Basra "
     "on Sunday, killing seven civilians."),
    ("heart_of", "Gunmen struck the heart of Paris with an attack on the offices of a satirical weekly, killing 12 "
     "people."),
    ("floods", "Torrential rains caused flooding in western Rwanda, killing at least 129 people, the broadcaster "
     "said."),
    ("recalled", "Islamic State militants ambushed a bus carrying soldiers near al-Sukhnah on Wednesday, killing 14 "
     "of them, a war monitor said. The gunmen fired on the bus with machine guns before escaping into the desert. "
     "The militants had attacked the bus from low hills above the road. The army said it had sent reinforcements to "
     "the area. The road links Homs with Deir ez-Zor. Travel on it has been restricted since the spring. Residents "
     "said convoys now move only in daylight. Truffle hunters have stayed away. Prices in the market have doubled. "
     "A local official said the town's clinic was short of staff. Schools reopened last month. Farmers say the "
     "harvest was poor. The governor visited the town on Thursday. He promised new roads. Few believed him. "
     "The province saw worse in May 2015, when Jabhat al-Nusra attacked a checkpoint outside Palmyra, killing 30 "
     "people."),
    ("world_region", "Gunmen stormed a hotel in Mogadishu on Friday, killing nine people. The attack in East Africa "
     "was the deadliest this year, officials said."),
    ("partitive", "Gunmen attacked an army post near Djibo on Monday. The assailants used heavy weapons and burnt a "
     "large portion of the camp, a security source said."),
    ("citation", "A suicide truck bomb exploded in a mainly Shia district of Baghdad, killing 340 civilians and "
     "wounding hundreds more.[4] ISIL claimed the bombing.[5] Officials said an air strike or disease had killed "
     "the group's leader in 2015.[6]"),
    ("quake_toll", "Aid agencies appeal for tents. Two strong earthquakes shook western Afghanistan on Saturday. "
     "The main hospital in Herat had received nearly 200 dead and around 700 injured by the evening, doctors "
     "said."),
    ("group_men_name", "Islamic State militants publicly shot three men in the town of Mayadin on Thursday, a "
     "monitoring group said."),
    ("drone_strike", "A drone strike hit a wedding convoy near Rada on Thursday, killing 12 guests, relatives said."),
    ("strikes_killed", "Mortar strikes have killed nine traders in the market of Bakool this month, elders said."),
    ("named_station", "Two bombs exploded at Waterloo Station in London on Monday, killing four commuters."),
    ("named_square", "Gunmen opened fire in Times Square on Friday night, wounding three tourists."),
    ("aqim", "Gunmen attacked a hotel in Ouagadougou on Friday, killing 30 people. Al-Qaeda in the Islamic "
     "Maghreb claimed the attack."),
]


@pytest.fixture(scope="module")
def lines():
    from shardwatch.extract.roles import role_lines

    return {line["doc_id"]: line["roles"] for line in role_lines(REPORTS)}


def flat(roles, *names):
    return [m[0] for name in names for m in roles[name]]


def test_claimant_is_the_organisation_cut_at_its_head(lines):
    roles = lines["checkpoint"]
    # "Islamic State of Iraq and Syria" ends in its head: "Islamic State"
    assert roles["perpetrator_organization"] == [["Islamic State"]]
    assert roles["weapon"] == [["Car bomb"]]
    assert "army checkpoint" in flat(roles, "target")
    assert "nine soldiers" in flat(roles, "victim")
    # the country is dropped when the text names the town
    assert flat(roles, "place") == ["Tikrit"]


def test_subject_of_the_attack_verb_is_the_perpetrator(lines):
    roles = lines["hotel"]
    assert flat(roles, "perpetrator_individual") == ["Al-Shabaab militants"]
    assert flat(roles, "perpetrator_organization") == ["Al-Shabaab"]
    assert flat(roles, "target")[0] == "hotel"
    assert roles["weapon"] == [["truck bomb"]]
    # "the Somali capital Mogadishu": the city, not the nationality
    assert roles["place"] == [["Mogadishu"]]


def test_object_phrase_ends_in_its_head_and_places_are_grouped(lines):
    roles = lines["convoy"]
    # "a convoy of Afghan soldiers" is given as "convoy", so its end is the head
    assert flat(roles, "target", "victim") == ["convoy"]
    assert "Taliban fighters" in flat(roles, "perpetrator_individual")
    assert flat(roles, "weapon") == ["rocket-propelled grenades", "rifles"]
    # "Helmand" and "Helmand province" are one place
    assert roles["place"] == [["Helmand"]]


def test_attacker_noun_and_victims_without_a_claim(lines):
    roles = lines["mosque"]
    assert flat(roles, "perpetrator_individual") == ["suicide bomber"]
    assert "at least 12 worshippers" in flat(roles, "victim")
    assert roles["weapon"] == []
    assert flat(roles, "target") == ["crowded mosque"]
    assert flat(roles, "place")[0] == "Maiduguri"
    # "Boko Haram has carried out similar bombings" attributes no attack to it
    assert roles["perpetrator_organization"] == []


def test_compact_phrase_cuts_trailing_modifiers():
    from shardwatch.extract.roles import compact_phrase
    from shardwatch.nlp import annotate

    (doc,) = annotate(["Militants attacked the convoy of Russian soldiers near the border."])
    convoy = next(t for t in doc if t.lower_ == "convoy")
    assert compact_phrase(convoy) == "convoy"


def test_compact_phrase_drops_a_possessive_pronoun():
    from shardwatch.extract.roles import compact_phrase
    from shardwatch.nlp import annotate

    (doc,) = annotate(["The bomber detonated his explosive vest at the gate."])
    vest = next(t for t in doc if t.lower_ == "vest")
    assert compact_phrase(vest) == "explosive vest"


def test_lower_case_text_keeps_the_learned_path():
    from shardwatch.extract.roles import role_lines

    (line,) = role_lines([("lc", "urban guerrillas of the shining path dynamited a power station in lima.")])
    # the CRF tagger names the organisation; the rules of the cased path are not used
    assert flat(line["roles"], "perpetrator_organization") == ["the shining path"]


def test_blame_names_the_perpetrator_and_the_dateline_the_place(lines):
    roles = lines["blamed"]
    assert flat(roles, "perpetrator_organization") == ["Taliban"]
    # the dateline is the only place the text gives
    assert flat(roles, "place") == ["Kandahar"]


def test_place_noun_compound_beats_the_country_and_used_weapons_count(lines):
    roles = lines["district"]
    assert flat(roles, "place")[0] == "Zhari"
    assert "Pakistan" not in flat(roles, "place")
    assert "hand grenades" in flat(roles, "weapon")


def test_said_it_carried_out_and_the_town_of(lines):
    roles = lines["said_it"]
    assert flat(roles, "perpetrator_organization") == ["Islamic State"]
    assert flat(roles, "place")[0] == "Minya"
    assert "Egypt" not in flat(roles, "place")
    # the gunmen killed by police are not the attack's victims
    assert "gunmen" not in " ".join(flat(roles, "target", "victim"))


def test_police_who_shot_the_attacker_are_not_perpetrators(lines):
    roles = lines["shot_by_police"]
    assert "police" not in flat(roles, "perpetrator_individual", "perpetrator_organization")
    assert "Grand Hotel" not in flat(roles, "place")
    assert flat(roles, "place")[0] == "Stockholm"
    assert flat(roles, "weapon") == ["van"]


def test_dates_never_fill_a_role_and_wiki_markup_breaks_sentences(lines):
    roles = lines["dated"]
    everything = [m[0] for role in roles.values() for m in role]
    assert not any("September" in text or "1974" in text for text in everything)
    # "==Aftermath==The bomb" and "bag*2015" are cut at the markup, not glued into a weapon
    assert flat(roles, "weapon") == ["bomb"]
    assert "cafe" in flat(roles, "target")


def test_attack_words_in_other_senses_give_no_roles(lines):
    # died of a disease, a labour strike, sanctions that "targeted" officials: no attack at all
    assert all(not fillers for fillers in lines["disease"].values())


def test_violence_told_in_the_previous_sentence_counts(lines):
    # "The explosion" goes on telling the blast that injured people one sentence before
    assert "bakery" in flat(lines["coreferent"], "target")


def test_a_group_claiming_its_own_men_is_the_perpetrator(lines):
    roles = lines["own_men"]
    assert flat(roles, "perpetrator_organization") == ["Islamic State"]
    # "drove a van into pedestrians": the pedestrians were attacked
    assert "pedestrians" in flat(roles, "target", "victim")


def test_a_group_did_what_its_men_did(lines):
    roles = lines["group_men"]
    assert flat(roles, "perpetrator_organization") == ["Boko Haram"]
    assert "Boko Haram fighters" in flat(roles, "perpetrator_individual")


def test_an_occasion_named_before_the_attack_word_is_no_perpetrator(lines):
    roles = lines["occasion"]
    assert flat(roles, "perpetrator_organization", "perpetrator_individual") == []
    # "the BBC bombing": the broadcaster was bombed, it did not bomb
    assert "London" in flat(roles, "place")


def test_a_piece_that_tells_no_attack_gives_nothing_not_even_its_dateline(lines):
    # "holding the economy hostage", "hitting shipments", a road accident, "the minibus carrying them"
    assert all(not fillers for fillers in lines["no_attack"].values())


def test_a_hyphenated_name_is_kept_whole(lines):
    # the parser roots "al-Shabaab" at "al": the name still ends at its last word
    assert flat(lines["hyphen"], "perpetrator_organization") == ["al-Shabaab"]


def test_a_relative_pronoun_stands_for_its_antecedent(lines):
    # "Breivik, the extremist who killed": the name; "a man who stabbed": the man
    assert flat(lines["relative"], "perpetrator_individual") == ["Anders Breivik"]
    assert "man" in flat(lines["relative_man"], "perpetrator_individual")


def test_a_name_the_text_gives_its_gunmen_is_their_group(lines):
    roles = lines["named_gunmen"]
    assert flat(roles, "perpetrator_organization") == ["ETA"]


def test_a_laden_vehicle_is_the_weapon_not_the_target(lines):
    roles = lines["laden"]
    assert "explosives-laden pickup" in flat(roles, "weapon")
    assert "explosives-laden pickup" not in flat(roles, "target", "victim")


def test_a_name_is_not_cut_at_its_first_word(lines):
    assert "County" not in flat(lines["county"], "place")


def test_a_datelines_agency_is_no_place(lines):
    places = flat(lines["agency"], "place")
    assert "Mogadishu" in places and not any("Horn" in p for p in places)


def test_a_named_building_where_the_attack_was_is_its_target(lines):
    roles = lines["named_site"]
    assert "Al Noor mosque" in flat(roles, "target")
    assert "Christchurch" in flat(roles, "place")


@pytest.mark.parametrize("doc_id", ["blame_only", "figurative", "road_accident", "illness", "film_title",
                                    "harmless_doer", "hunger_strike", "floods", "quake_toll"])
def test_words_of_violence_in_other_senses_give_no_roles(lines, doc_id):
    # a blame with no attack ("losses blamed on high fuel prices"), "hit the charts", "targeting
    # young people", a lorry into a car, "died of a heart condition", a film's title
    assert all(not fillers for fillers in lines[doc_id].values())


def test_a_personal_pronoun_stands_for_the_name_or_attacker_before_it(lines):
    # "He stabbed": the suspect named in the sentence before
    assert flat(lines["pronoun"], "perpetrator_individual") == ["Omar Khalil"]
    assert "woman" in flat(lines["pronoun"], "victim", "target")
    # "They opened fire": the subject hangs on "opened", and stands for the gunmen
    assert flat(lines["pronoun_they"], "perpetrator_individual") == ["Four al-Shabaab gunmen"]


def test_a_weapon_word_before_a_hyphen_names_the_noun_it_modifies(lines):
    weapons = flat(lines["hyphen_weapon"], "weapon")
    assert "rocket-propelled grenades" in weapons and "rocket" not in weapons


def test_a_place_name_split_at_its_hyphens_is_kept_whole(lines):
    places = flat(lines["hyphen_place"], "place")
    assert "Dasht-e-Barchi" in places and "Dasht" not in places


def test_a_weapon_that_hits_is_an_attack(lines):
    # "hit" needs a doer that can attack: a missile can, waste thrown at a politician cannot
    roles = lines["missile_hit"]
    assert flat(roles, "weapon") == ["missile"]
    assert flat(roles, "target") == ["school"] and flat(roles, "place") == ["Donetsk"]


def test_a_datelines_dash_is_not_part_of_the_name_after_it(lines):
    assert flat(lines["dateline_dash"], "perpetrator_organization") == ["Islamic State"]


def test_by_beside_an_active_verb_names_no_perpetrator(lines):
    # "exploded by a bus": the bus was beside the bomb; it was hit, it did not attack
    roles = lines["beside_bus"]
    assert "bus" not in flat(roles, "perpetrator_individual", "perpetrator_organization")
    assert flat(roles, "weapon") == ["Roadside bomb"] or "roadside bomb" in [w.lower() for w in flat(roles, "weapon")]


def test_the_heart_of_a_city_is_no_target(lines):
    roles = lines["heart_of"]
    assert "heart" not in flat(roles, "target", "victim")
    assert "offices" in flat(roles, "target")


def test_an_attack_recalled_with_its_own_year_adds_its_attacker_not_its_toll(lines):
    roles = lines["recalled"]
    assert flat(roles, "perpetrator_organization")[0].startswith("Islamic State")
    # the 2015 attack told late in the piece still gives its group and what it hit
    assert "Jabhat al-Nusra" in flat(roles, "perpetrator_organization")
    assert "checkpoint" in flat(roles, "target")
    # but its count of dead is a toll, not another target
    assert "30 people" not in flat(roles, "victim", "target")


def test_a_part_of_the_world_gives_way_to_the_town(lines):
    assert flat(lines["world_region"], "place") == ["Mogadishu"]


def test_a_part_of_a_place_names_the_place(lines):
    # "burnt a large portion of the camp": the camp was hit
    assert "camp" in flat(lines["partitive"], "target")


def test_reference_marks_nationalities_and_illness_fill_no_role(lines):
    roles = lines["citation"]
    assert not any("[" in m for name in roles for m in flat(roles, name))  # "hundreds more.[4]"
    assert "Shia" not in flat(roles, "place")  # "a mainly Shia district" names no place
    assert "Baghdad" in flat(roles, "place")
    assert "disease" not in flat(roles, "perpetrator_individual")  # "killed by an air strike or disease"


def test_a_group_name_that_ner_ran_into_its_men_is_split(lines):
    # NER reads "Islamic State militants" as one name: the group is "Islamic State", its men apart
    roles = lines["group_men_name"]
    assert flat(roles, "perpetrator_organization") == ["Islamic State"]
    assert flat(roles, "perpetrator_individual") == ["Islamic State militants"]


def test_a_group_name_is_cut_at_its_head_only_if_the_cut_names_the_same_group(lines):
    # "Al-Qaeda in the Islamic Maghreb" cut to "Al-Qaeda" would name another group
    assert flat(lines["aqim"], "perpetrator_organization") == ["Al-Qaeda in the Islamic Maghreb"]
    # "the Islamic State of Iraq and Syria" is still given as "Islamic State"
    assert lines["checkpoint"]["perpetrator_organization"] == [["Islamic State"]]


def test_the_weapon_that_names_a_strike_is_its_weapon(lines):
    # "a drone strike", "mortar strikes have killed": the strike's modifier is its weapon
    assert flat(lines["drone_strike"], "weapon") == ["drone"]
    assert flat(lines["strikes_killed"], "weapon") == ["Mortar"]


def test_a_named_site_the_attack_was_in_is_its_place_not_its_target(lines):
    # NER's FAC after "in" in an attack's sentence is where it happened; also taking it as the
    # target was dropped at stop 25 (WikiEvents train: 3 of its 9 such targets right, 1 of 8 on
    # the folds it was not chosen on)
    assert "Times Square" not in flat(lines["named_square"], "target")
    assert flat(lines["named_square"], "place") == ["Times Square"]
    # "exploded at X" of an attack word stays a target, as before the rule
    assert "Waterloo Station" in flat(lines["named_station"], "target")
