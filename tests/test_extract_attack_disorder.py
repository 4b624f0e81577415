"""Violence against people told the ways short conflict-monitor notes tell it, and the unrest
that is no attack: protests about an attack, property burned with no one hurt, harm done by
villagers or party activists that kills no one, casualties of police fire (issue 12, ACLED
detection and false alarms). Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import events_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    # a harm word with people as its agent or its patient
    "On 3 June 2020, a district councillor was killed by an unknown group near Kaya.",
    "On 3 June 2020, a shopkeeper was stoned and stabbed to death by three men in the market of Tula.",
    "On 5 June 2020, private guards beat up a contractor outside the ministry in Monrovia.",
    # weapons thrown, counted and told as done, are no generic mention (grenades: crude bombs that
    # hurt no one are street violence, below)
    "On Sunday night, unidentified assailants hurled two grenades at a passenger bus on the highway.",
    # property set on fire, with people hurt
    "Two passengers sustained burn injuries when militants set a bus afire in Barlekha on Monday night.",
    # a body found with the marks of a killing
    "Around 4 June 2020, two men were found dead in a ravine near Culiacan. Both bodies bore gunshot wounds "
    "and their hands were tied.",
    # the driver is the victim here, not an attacker noun
    "The driver of a lorry carrying vaccines was shot dead by gunmen near Bannu, officials said.",
    # property burned with no one hurt, but claimed: the claimant's attack (a guard on the rule
    # that makes unclaimed arson property damage)
    "Militants burned two lorries of a logging company near Ercilla on Sunday. A radical group claimed "
    "responsibility for the attack.",
    # villagers who kill: violence against a civilian, not a riot (a guard on the rule that
    # makes villagers who hurt no one unrest)
    "On 7 June 2020, villagers lynched a suspected cattle thief in Sitapur.",
    # a ceasefire monitor's counts of what it saw, near villages the gazetteer does not know
    "On 2 March 2021, the monitoring mission observed a total of 41 explosions involving unknown weapons "
    "near Petrivske-2.",
    "On 2 March 2021, the monitoring mission observed a total of 12 shots/bursts of fire involving small arms "
    "near Petrivske-2.",
    "On 2 March 2021, the monitors observed a total of 3 projectiles involving unknown weapons in both directions "
    "of the frontline near Petrivske-2.",
    # a mob's fire that kills: its toll is a massacre's, though the report tells a mob (a guard on
    # the rule that a riot's toll with only a vehicle for a weapon stays the riot's)
    "A mob of fanatics set a theatre housing visiting poets on fire. A total of 20 people die in the fire and "
    "more than 30 are injured.",
    # a blast told with its place, in which no one was hurt: still a blast (a guard on the rule for
    # "no one was hurt in the arson attack")
    "No one was hurt in the blast at a market in Tula on Monday.",
    # a death in a blockade told apart from the attack (a guard on the shutdown rule)
    "A truck helper who received burn injuries from a petrol bomb succumbed to his injuries in hospital today. "
    "He and his driver were injured when some pro-blockade activists threw petrol bombs at their truck in Natore "
    "on 2 February.",
    # fighters who march and kill: a deed of their own (a guard on the rule for reactions)
    "Militants marched into the town of Tula and killed 12 villagers.",
    # a gun battle a monitor records with no sides named
    "On 4 June 2020, a shoot-out took place in the Vila Nova neighbourhood of Tula.",
    # one side hurt by militants told in a clause: still an attack (a guard on the civil doers' clause)
    "Ten villagers were injured after militants attacked them in front of the mosque.",
    # a militia's chief whom militants killed: their attack's victim, not a leadership loss
    "On 18 November 2020, suspected militants shot dead the Koglweogo chief in the village of Tula.",
    # a bomb as the agent of a passive, and a capitalised "IED" read as a name
    "On 18 January 2020, a civilian vehicle was struck by an IED between Tula and Kaya, no casualties reported.",
    "On 8 May 2020, police forces suffered casualties after being hit by a Taliban-planted IED in Charkh district.",
    # explosives set off, told as done (the tagger reads the root "set" as a participle)
    "On 19 September 2020, suspected militants set off explosives and destroyed the bridge linking Tula and Kaya.",
    # a school burned, but by militants who also attacked the village or killed (guards on the
    # rule for schools burned and nothing else)
    "On 2 August 2020, militants attacked the village of Tula and burned a school.",
    "On 2 August 2020, militants burned a school and killed a teacher in Tula.",
    # a state's outpost or a company's trucks attacked and burned (guards on the rule for a town
    # hall attacked and burned)
    "On 3 May 2021, presumed militants attacked and burned a ranger station in Tula. No casualties reported.",
    "On 3 May 2021, gunmen attacked and burned two trucks of a mining company near Tula, no casualties reported.",
    # a gang's killing told beside its barricades of burning tyres (a guard on the symbols' rule)
    "On 30 April 2020, two men were killed by a gang in Tula. The gang also blocked the road with piles of burning "
    "tires.",
    # a movement's fighters, not a state's forces, though called "forces"
    "On 9 May 2020, anti-Houthi National Resistance forces fired mortar shells at farms in the east of Hays "
    "district.",
    # fighters who kill while demanding a release: their own deed (a guard on the reactions' aims)
    "Militants killed two villagers, demanding the release of their commander.",
    # deaths in a blockade that the toll does not count: still an attack (a guard on the shutdown rule)
    "Two people were burnt alive and another suffered burn injuries after assailants hurled a petrol bomb at a "
    "truck during the blockade.",
    # crude bombs that hurt people, or thrown by a named armed party: still attacks (guards on the
    # rule for street bombs that hurt no one)
    # (s27: at a bus; the same bombs near a court, hurting passers-by, are the street's: below)
    "Unknown assailants exploded four crude bombs at a bus near the district court in Khulna, injuring two "
    "rickshaw pullers.",
    "Insurgents hurled two petrol bombs at the house of a ranger in Yala. No one was hurt.",
    "Unknown men hurled two petrol bombs at a police station in the town. No one was hurt. Police blamed a "
    "loyalist group for the attack.",
    # crude bombs that hurt people at a procession, on a bus or thrown at people, or that kill:
    # still attacks (guards on the street bombs in streets)
    "Five people were injured as assailants hurled crude bombs at a procession of the ruling party in Tula.",
    "Three passengers were injured as assailants threw a crude bomb at a bus in the Tula area on Monday night.",
    "Two constables were injured as assailants hurled cocktails at the policemen in the Tula market area.",
    "A vendor was killed when assailants exploded two crude bombs in the Tula market area.",
    # a protest as an attack's aim, its moment or its target: still attacks (guards on the
    # sentences of protest)
    "The Red Dawn Front planted a bomb in the lobby of the oil company's headquarters in Tula to protest its "
    "actions abroad.",
    "As dozens of protesters gathered at the consulate, unknown assailants threw an explosive device at the "
    "building.",
    "A bomb exploded near a protest site in Tula, killing one person and wounding 13 others.",
    # a killing over a dispute: the dispute is what comes after "over" (a guard on the rule for it)
    "Gunmen opened fire over a land dispute in Tula, killing two farmers.",
    # harm told however written: burns "received", a man taken away in an ambulance
    "A rickshaw puller received burn injured when assailants hurled three cocktails at his rickshaw at noon.",
    "About forty petrol bombs were thrown at soldiers in the town as they escorted ballot boxes. The throwers "
    "were youths. One soldier was struck by a bomb and taken away in an ambulance.",
    # a band of gunmen is armed (a guard on the rule for bands of nameless assailants)
    "A gang of gunmen set a bus afire near the bridge in the city at around 4 pm yesterday.",
    # a clash told first, but with a death, or an ambush: still attacks (guards on the clash lede)
    "Clashes broke out between police and opposition activists in the capital on Monday. A bus driver was killed "
    "when activists hurled a petrol bomb at his bus.",
    "On 7 May 2020, cattle raiders clashed with soldiers near Tula. The raiders had ambushed a military vehicle.",
    # an armed party's arson after a clash, and goods burned with a post or in an attack on the
    # village: still attacks (guards on the clash lede and on goods burned)
    "The day after a clash with the police, Naxalites burned 18 trucks carrying iron ore from a mine in the "
    "district.",
    "Militants burned a security post, a shed and a corral belonging to an oil company near Tula.",
    # machinery, vehicles and houses burned by an armed group: the GTD's arsons (guards on the
    # village's property), and a burning beside a killing
    "Guerrillas burned a backhoe and two trucks of a road construction firm near Tula.",
    "A village council office was burned down by militants near Tula.",
    "On 3 May 2021, suspected militants entered the village of Tula, burned a school and killed two teachers.",
    "On 6 July 2021, suspected militants attacked the village of Tula and burned two bars.",
    # a firefight between rebels and the army, told with no toll
    "On 4 May 2020, the rebels and the military engaged in a ten-minute firefight in Barangay Tula, Samar. There "
    "were no reported casualties on either side.",
    # militants who fire in the air and burn: their deed, not a state's warning fire
    "Gunmen fired in the air and set fire to a bar in the village of Tula.",
    "On 3 May 2021, gunmen fired in the air and abducted two traders in the village of Tula.",
    # armed men storming to free their leader; a mob that kills
    "Militants stormed the town of Tula on 3 May 2021 to free their leader, killing four guards and burning the jail.",
    "A mob lynched a suspected thief in Tula on 3 May 2021.",
    # a list of attack words; a police official as the victim
    "A wave of bombings, shootings and kidnappings hit Tula on 1 June 2021, killing 12.",
    "Gunmen shot dead a police official outside the court in Tula on Wednesday.",
    # harm told after a non-state side's fire
    "One villager was killed and four were injured near Tula on Monday after gunmen opened fire on them.",
    "Militants fired on a police post near Tula on Monday, leaving two policemen injured.",
    # a state's men in the clause of the casualties, doing no firing
    "A police officer was killed and two soldiers were wounded in Tula on Monday when officers tried to defuse a "
    "bomb planted by rebels.",
    # gunmen firing on a crowd of protesters, or on the police near a rally: attacks (guards on
    # the state's fire on a crowd)
    "Gunmen opened fire at protesters in the square of Tula, killing four.",
    "Militants opened fire on a police post near the rally in Tula, killing two policemen.",
    # a clash that kills, after which; gunfire heard beside a death; a militant's deed
    "Two soldiers were killed after a clash with rebels near Tula on Monday.",
    "Gunfire was heard in Tula on Monday night, and one protester was killed.",
    "One militant killed by the police while attacking a checkpoint in Tula.",
    # an attack made in retaliation; a purpose beside a deed done; "he" who is the gunman
    "Militants attacked a police post in Tula in retaliation for the arrest of their leader, killing two officers.",
    "Gunmen stormed the village of Tula to loot shops and killed three traders.",
    "Soldiers shot a gunman when he was attacking a school in Tula.",
    "Suspected Maoist cadres attacked a police post in Tula, injuring two constables.",
    "A firebombing by suspected strike supporters on a lorry left two people badly burned in Tula on Tuesday.",
    "Militants responded by attacking a police post in Tula, injuring two officers.",
])
def test_attacks_that_notes_tell_plainly(text):
    assert events_of(text, published="2020-06-08", kind="attack"), text


@pytest.mark.parametrize("text", [
    # a protest about an attack: the attack words are what is protested
    "The families of three traders who were kidnapped by gunmen last week held a demonstration in Kano on "
    "Thursday, demanding their release.",
    "On 2 June 2020, families of the abducted boys held a sit-in outside the governor's office in Kano. "
    "The boys were kidnapped from their school last month.",
    # property burned by no armed party, no one harmed (militants' arson is their attack)
    "On 5 June 2020, villagers burned a school in the village of Tula.",
    "Assailants torched a parked truck on the highway near Natore early on Sunday. No one was injured.",
    # villagers and party activists who hurt but kill no one: unrest
    "On 6 June 2020, villagers attacked a team of health workers in Bihar, injuring two of them.",
    "Party activists injured a rival leader after the results of the municipal election were announced.",
    # casualties of police fire on a crowd
    "Dozens of students were injured after the city police caned them outside the college in Patna.",
    # a body found, with nothing telling a killing (a guard on the rule for bodies found)
    "A missing fisherman was found dead on a beach near Cox's Bazar on Tuesday.",
    # counted shots of a match, not of a war (a guard on the monitors' counts)
    "The striker recorded 12 shots on target in the second half.",
    # "no people" is the subject of the verb the casualty words complete
    "No people were reported injured or killed.",
    # nameless assailants' bombs in a political blockade, killing no one: a riot
    "Two rickshaw pullers were injured when unidentified assailants hurled crude bombs at a bus in Mirpur on "
    "Tuesday, the fifth day of the opposition's countrywide blockade.",
    # the toll of a riot: a damaged police vehicle is no weapon; stones pelted make unrest
    "The reopening of a gold mine led to riots in Tula. Five protesters and two policemen were injured, a police "
    "vehicle was damaged, and 12 people were arrested.",
    "Villagers in Tula pelted stones at police after an attempt to demolish homes. Six policemen were injured in "
    "the incident and nine villagers were arrested.",
    # an attack told before, here only as the one in which no one was hurt
    "No one, however, was reportedly hurt in the arson attack.",
    # a crowd's size tag: what a crowd did, though it killed
    "On 4 June 2020, residents of Tula stoned a police officer to death after he shot a driver. [size=no report]",
    # a monitor's label of another kind of event opens the note
    "Looting: On 4 June 2020, unknown gunmen attacked a market in Tula and seized livestock.",
    "Explosive remnants of war: On 4 June 2020, two shepherds were injured by an old landmine near Tula.",
    # people hurt by party activists, told in a clause of the casualty word
    "Ten members of the youth wing were injured after activists of a rival students' union attacked them in "
    "front of the college.",
    # two sides' harm to each other: a clash
    "Two rival groups of the ruling party lobbed bombs at each other in the market of Tula on Sunday.",
    "Following the quarrel, both groups attacked each other with sticks, leaving six people injured.",
    # schools set on fire and nothing else, no one harmed: property destruction
    "On 2 August 2020, presumed militants burned a school in the village of Tula.",
    "On 2 August 2020, suspected militants set fire to the primary school of Tula.",
    # a football match's shoot-out
    "The final went to a penalty shoot-out, which the visitors won 4-3.",
    # what protesters demand or show for the victims of an attack told elsewhere, and a deed of
    # two attack words ("attacked and killed") below a protest
    "Transport workers began a protest after a fellow driver was attacked and killed near the depot.",
    "Hundreds of residents blocked the road, demanding the arrest of the gang who attacked and killed a rickshaw "
    "driver.",
    "Traders shut their shops demanding the arrest of the robbers who shot dead a jeweller.",
    "Dozens of students marched in Patna on Tuesday, demanding justice for the victims of the recent acid attack.",
    "Two hundred people marched in Tula in solidarity with the victims of the bombings in Colombo.",
    # a protester killed by the police's fire
    "A protester died in police firing in Tula on Tuesday.",
    # an attack told below a verb of reaction is what people react to
    "Opposition members held a protest in Kota after a ruling party worker allegedly murdered a local shopkeeper.",
    # crude bombs and petrol bombs that hurt no one, by no named group: street violence
    "Unknown assailants exploded four crude bombs near the district court in Khulna on Tuesday evening. No one "
    "was hurt in the blasts, police said.",
    "Some men hurled two petrol bombs at a parked bus near the terminal in Comilla at night. None was injured.",
    # ... and those that tell no harm at all, not even one denied
    "Unidentified men hurled three cocktails in front of the district court around 10 am on Sunday.",
    "Assailants set a lorry loaded with rice ablaze by hurling a petrol bomb on the highway in Natore at dawn.",
    # the state's men firing on protesters or a crowd, and the casualties of that fire
    "Security personnel lobbed teargas canisters and later opened fire at demonstrators who were throwing stones "
    "in Tula.",
    "Security personnel opened fire at demonstrators who were throwing stones in Tula, injuring twelve.",
    "A student was killed in Tula on Monday when a police constable opened fire at the group of protesters "
    "blocking the highway.",
    "Miners threw stones at the officers. The police responded by opening fire into the crowd.",
    # a trend of attacks is no attack, however dated and placed the sentence is
    "On October 10, youths in Bobo held a gathering to express their support for the army amid increase in "
    "militant attacks targeting military personnel.",
    # a feud's fight between two groups or factions
    "One person was injured in a gunfight between two groups of the ruling party over a cattle market on "
    "Thursday night.",
    # the police's warning fire ends a riot; it aims at no one
    "Police opened around fifty rounds of gun fire to bring the situation under control.",
    "Two teams of police rushed to the spot and stopped the clash, opening several rounds of gun fire in the air.",
    "Police fired rubber bullets and several rounds of gun fire in the air to disperse the crowd.",
    # a village's shops, bars and granaries burned and nothing else: property destruction
    "On 6 July 2021, suspected militants burned a granary in the area of Tula.",
    "On 6 July 2021, suspected militants burned two bars and a shop in the village of Tula.",
    # a post burned while empty
    "On 5 July 2020, presumed militants of the JNIM entered the village of Kain and burned the police station "
    "while it was unmanned.",
    # ... or not yet in use; a commune's offices and a ranger's outpost; the village entered and
    # the motorbike seized beside the burning
    "On 3 May 2021, presumed militants burned a gendarmerie station under construction in Tula.",
    "On 3 May 2021, presumed militants burned a ranger station and the town hall in Tula.",
    # symbols and a barricade's tyres burned: no one's property or person
    "Members of the Hindu Sena took out a rally through the market of Kanpur. They marked Martyrs' Day burning "
    "the flag of the Islamic State on the streets.",
    "Clashes broke out between rioters marking the anniversary of a journalist's death and police forces in "
    "Koudougou. Rioters threw stones at police and set up barricades of burning tires. Police responded with teargas.",
    # the attack word tells only the burning of a commune's office or a hunting camp
    "On 3 May 2021, presumed militants attacked and burned the town hall in Tula, no casualties reported.",
    "On 3 May 2021, suspected militants attacked the hunting camp of Tula and set it ablaze.",
    "On 3 May 2021, suspected militants entered the hamlet of Tula and burned a granary.",
    "On 3 May 2021, presumed militants burned a bar and seized a motorbike in the village of Tula.",
    "On 3 May 2021, suspected militants burned thirteen harvest machines in the village of Tula.",
    # a clash told first, no death, no armed party: its bombs are the clash's
    "At least 15 people were injured in a clash between the activists of two parties at the main crossing of "
    "Pabna on Monday. Several crude bombs were exploded and five cars vandalised during the incident.",
    "Clashes broke out between police and opposition activists in the capital on Monday. When police tried to "
    "disperse the activists, they hurled several hand-made bombs.",
    # crude bombs and cocktails set off in a street or a market, hurting passers-by but killing no
    # one, at no vehicle, gathering or home: street violence
    "At least four people suffered splinter injuries as assailants exploded three crude bombs in the Tula market "
    "area on Friday night.",
    "Two rickshaw pullers were injured in a cocktail blast near the Tula intersection in the afternoon.",
    "Unknown assailants exploded four crude bombs near the district court in Khulna, injuring two rickshaw pullers.",
    # an attack word in a sentence of protest, however parsed: what people protest
    "Party supporters staged protests in Tula after their local leader was shot dead in Kota, and another leader "
    "escaped an assassination attempt in Tula.",
    "Hundreds of protesters from Tula tried to lynch a man accused of theft, forcing the police to fire in the air.",
    "Relatives of the victims of the bus arson attack demonstrating in Tula on Monday holding candles.",
    # an attack noun after "over": what people are moved about
    "The Hindu community in Tula over the temple bombing the day before.",
    "Tension gripped the town of Tula on Monday over the bombing of a temple the day before.",
    # a band of nameless assailants sets fire to a bus, hurting no one
    "A gang of assailants set a bus afire near the bridge in the city at around 4 pm yesterday.",
    # fire into the air aims at no one, whoever fires it
    "Gunmen on motorbikes shot into the air as they rode through the market of Tula on 3 May 2021 and took away "
    "sacks of grain.",
    # the state's fire as the cause of casualties hung on the last of them, or told by "leaving"
    "A farmer died and three others were hurt near Tula on Monday after jawans of the border force opened fire on "
    "the fields.",
    "Officers shot at a gang of robbers fleeing a bank in Tula on Monday, leaving two of them wounded.",
    # a past attack named in a compound; a catalogue of wrongs
    "Shops stayed shut in Tula on 3 May 2021, a day after a young man died at a rally held for a hotel attack "
    "convict.",
    "Reports from Tula on 1 June 2021 told of ballot stuffing, booth capturing, gun-shooting and impersonation.",
    # a threat: what people are at risk of has not happened
    "On 28 June 2021, gunmen went through Tula telling shopkeepers who opened on Fridays that they were at risk of "
    "being shot.",
    # a habit of attacks is no attack
    "On 1 May 2021, UN troops opened a post in the town of Tula to shield residents from repeated attacks by the "
    "militia.",
    # a man hurt by the police's blows, told in a phrase of the casualty word
    "Ravi, who was badly injured after being beaten up by policemen near Tula last month, died in hospital on "
    "Friday.",
    # a clash told as what came before the news, with no dead
    "Hundreds of families left Tula on 3 May 2021, following a clash between the army and rebels near the town.",
    "Extra troops reached Tula on 5 May 2021, two days after an armed clash occurred between soldiers and a gang.",
    "Earlier, a clash had taken place between the militia and the police at the bridge.",
    # gunfire only heard; a rioter's deed
    "Gunfire was heard from the barracks in Tula overnight as mutinous troops demanded their back pay.",
    "One rioter killed by troops while attacking the governor's residence in Tula.",
    # "he" is whom the police shot, not the police
    "Police shot a picket in Khulna as he was hurling a petrol bomb at a lorry.",
    # a killing that set off a riot, or that the riot pays back; the toll of violence that broke out
    "Residents rioted through the night in Tula after a ward councillor was stabbed to death.",
    "Youths in Tula threw stones at the police on Friday in retaliation for a rebel being killed in a raid nearby.",
    "Twenty officers were wounded with machetes in Tula as violence broke out while the council cleared a market.",
    # a party's men however the report hedges who they were
    "Two party workers were hurt in Kollam on Monday when alleged activists of the ruling front stormed their "
    "office.",
    # the state's men named in a phrase's modifier; citizens' deed told as the means of their response
    "At one point both the RAB and Police force fired blank shots to disperse the workers in Tula.",
    "After a policeman shot a driver, angry citizens of Tula responded by burning the police post.",
])
def test_unrest_and_reactions_are_no_attacks(text):
    assert events_of(text, published="2020-06-08", kind="attack") == [], text


@pytest.mark.parametrize("text", [
    # a party's acronym in capitals is no Arabic article of an armed group's name
    "On Monday, a group of AL supporters attacked a meeting of opposition lawyers at the press club in Tula, "
    "leaving several lawyers injured.",
    # a town's population is its people
    "On 3 May 2021, the local population of Tula attacked a police post with sticks and injured two officers.",
    # people on a labour strike
    "On 1 November, prison guards on strike raided the residence of the interior minister in Tula and disarmed "
    "his bodyguards.",
    # a fight told in the clause of what the crowd reacted to
    "Angry villagers attacked a police station with stones after two rebels were killed in a gunfight near Tula "
    "on Sunday.",
    # a party's front is no armed group's; the doers named by a pronoun who try to burn
    "Cadres of the United Democratic Front attacked a rival party leader at Tula on Sunday afternoon. Two of his "
    "cadres sustained minor injuries in the attack.",
    "Five party cadres suffered burn injuries at the border bridge on Friday evening as they tried to torch a "
    "motorcycle.",
    # a crowd however named ("a group of" demonstrators), a mob whose deed hangs below its purpose,
    # a lynching that was not carried out
    "A group of 500 demonstrators hurled a petrol bomb at the police office in Tula on Tuesday.",
    "A vigilante mob attacked the gendarmerie in Tula on 3 May 2021 to free a suspected thief, injuring four "
    "gendarmes and setting fires.",
    "An angry mob attacked and nearly lynched a teacher accused of theft in Tula on 3 May 2021.",
    # the crowd's damage told first is what "the attack" later retells
    "Supporters of a regional party smashed the windows of a bus full of pilgrims in Tula on Friday. One passenger "
    "was slightly hurt in the attack.",
])
def test_civil_doers_harm_that_kills_no_one_is_unrest(text):
    assert events_of(text, published="2020-06-08", kind="attack") == [], text


@pytest.mark.parametrize("text, killed", [
    ("Around 4 June 2020, in Culiacan, a man was found dead in a ravine. His hands were tied.", 1),
    ("On 4 June 2020, the bodies of two men were found near the bridge in Tula. Both bore signs of torture.", 2),
    ("On 7 June 2020, a mob lynched two suspected thieves in a village of Sitapur district.", 2),
])
def test_the_dead_counted_where_no_figure_says_it(text, killed):
    [attack] = events_of(text, published="2020-06-08", kind="attack")
    assert attack.killed is not None and attack.killed.low == killed == attack.killed.high


@pytest.mark.parametrize("text, attacks", [
    # a village or its market raided to burn and loot, no shot and no one harmed: property destruction
    ("On 3 May 2021, suspected militants attacked the village of Tula, several granaries were set ablaze and three "
     "motorbikes seized.", 0),
    ("On 3 May 2021, presumed militants attacked the weekly market of Tula and torched two stalls and seized a "
     "motorbike.", 0),
    ("On 3 May 2021, suspected militants burned shops and storage buildings and seized two hundred heads of cattle "
     "in the village of Tula.", 0),
    ("On 3 May 2021, Boko Haram fighters stopped a lorry near Tula, seized its cargo of rice and burned the "
     "vehicle.", 0),
    # a named group's arson with no looting stays its attack
    ("On 3 May 2021, Boko Haram fighters stopped a lorry near Tula and burned the vehicle.", 1),
    # shots fired, a raid that burns nothing, people harmed: attacks
    ("On 3 May 2021, presumed militants attacked the village of Tula, fired in the air, burned a granary and seized "
     "motorbikes.", 1),
    ("On 3 May 2021, militants attacked a cattle camp near Tula, stealing many cattle.", 1),
    ("On 3 May 2021, militants attacked the village of Tula, burned houses and seized cattle, injuring two "
     "herders.", 1),
    # villagers assaulted (tagged an adjective) are people harmed
    ("On April 28, presumed JNIM militants attacked the village of Kanta, assaulted villagers, burned a bar and four "
     "vehicles, and ransacked a school.", 1),
])
def test_a_village_raided_to_burn_and_loot_is_property_destruction(text, attacks):
    assert len(events_of(text, published="2020-06-08", kind="attack")) == attacks, text


@pytest.mark.parametrize("text", [
    # an armed front of the actor data; a pronoun that stands for the police, whom rebels attacked
    "Members of the National Democratic Front of Bodoland attacked a market in Tula, injuring four traders.",
    "Two policemen were injured in Tula as they tried to stop rebels who attacked a checkpoint.",
])
def test_armed_doers_beside_civil_words_stay_attacks(text):
    assert len(events_of(text, published="2020-06-08", kind="attack")) == 1, text


def test_teargas_fired_is_riot_control_however_parsed():
    text = "Rioters set public buildings on fire in Tula and police responded by firing teargas at rioters."
    assert events_of(text, published="2020-06-08", kind="attack") == []


@pytest.mark.parametrize("text, attacks", [
    # crude bombs named in the lede, retold as "bombs": no one hurt, street violence
    ("Two crude bombs were exploded in front of the education board office in Tula on Thursday noon. The "
     "assailants hurled two bombs at the board office and those went off soon. However, no one was injured in the "
     "explosion.", 0),
    # "petrol" hung on "attack" by the parser
    ("An inter-city train came under petrol bomb attack near Tula town on Thursday night. No casualties have been "
     "reported.", 0),
    # the same with people hurt stays an attack
    ("Two crude bombs were exploded in front of the education board office in Tula on Thursday noon. The "
     "assailants hurled two bombs at the board office and fled. Two guards were injured in the explosion.", 1),
])
def test_street_devices_named_anywhere_in_the_report(text, attacks):
    assert len(events_of(text, published="2020-06-08", kind="attack")) == attacks, text


@pytest.mark.parametrize("text, attacks", [
    # a confrontation is a clash: with the police it is unrest, with an armed group fighting
    ("On 3 June 2020, three youths were killed and six others wounded amid violent confrontations with the police "
     "in Tula.", 0),
    ("On 3 June 2020, four soldiers were killed in a confrontation with militants near Tula.", 1),
    ("On 3 June 2020, a soldier and 12 ERP militants were shot dead in a confrontation near Tula.", 1),
    # a group's name on rioters makes them no armed side; on fighters it does
    ("On 3 June 2020, a constable was injured as JKLF rioters clashed with police in Sopore.", 0),
    ("On 3 June 2020, a constable was injured as JKLF fighters clashed with police in Sopore.", 1),
    # drivers are no armed side
    ("On 3 June 2020, truck drivers at the port of Tula were baton-charged by police following a clash.", 0),
])
def test_a_confrontation_or_rioters_clash_is_unrest(text, attacks):
    assert len(events_of(text, published="2020-06-08", kind="attack")) == attacks, text


@pytest.mark.parametrize("text, attacks", [
    # a deadly fight between herders and farmers, named communities or clans is a communal battle
    ("On 3 June 2020, Peul herders clashed with Bwa farmers near Tula over a well. Four people were killed.", 1),
    ("On 3 June 2020, members of the Dagari and Birifor communities clashed in the village of Tula. Two people "
     "were killed and five wounded.", 1),
    ("On 3 June 2020, two men were killed in inter-clan clashes near Tula.", 1),
    # with no one dead it stays a clash
    ("On 3 June 2020, Peul herders clashed with Bwa farmers near Tula over a well. Four people were injured.", 0),
    # two unnamed communities or groups, party men or the police make it a riot
    ("On 3 June 2020, members of two communities clashed in Tula over a temple. One man was killed.", 0),
    ("On 3 June 2020, two Congress groups clashed in Tula over a tender. One man was killed.", 0),
    ("On 3 June 2020, one man was killed in clashes between Dagari community members and the police in Tula.", 0),
])
def test_a_deadly_communal_clash_is_a_battle(text, attacks):
    assert len(events_of(text, published="2020-06-08", kind="attack")) == attacks, text


@pytest.mark.parametrize("text, attacks", [
    # a person set on fire is harm to people, not the arson of property
    ("On 3 June 2020, a 16 year old boy was set on fire by three masked assailants in Tula.", 1),
    ("On 3 June 2020, unknown assailants burnt alive two children in Tula.", 1),
    # property set on fire by assailants, no one harmed, stays unrest
    ("On 3 June 2020, assailants set a bus on fire in Tula.", 0),
    # a note's toll with its verb left out: the locals are the hurt, not the doers
    ("On 3 June 2020, two gunmen on a motorbike dropped a grenade at a market in Tula. Four locals wounded.", 1),
    # bombs tossed at a vehicle, people hurt
    ("On 3 June 2020, a driver sustained burn injuries after assailants tossed a petrol bomb at his truck near Tula.", 1),
])
def test_people_burned_and_hurt_by_devices_are_attacked(text, attacks):
    assert len(events_of(text, published="2020-06-08", kind="attack")) == attacks, text


@pytest.mark.parametrize("text, attacks", [
    # the crowd's aim or a shutdown makes the lede a protest, whose attack words are its cause
    ("About 200 farmers marched to the district office in Tula to demand action against the policemen involved "
     "in the killing of a farmer.", 0),
    ("Hartal (bandh) on the Tula road affects normal traffic on Monday. The hartal was imposed against the killing "
     "of one Ram Singh.", 0),
    ("A large number of traders and relatives of a jeweller who was shot dead by robbers protested in Tula.", 0),
    # a bomb planted to protest is a bombing, a drone strike no shutdown
    ("Anarchists planted a bomb in the lobby of a bank in Tula to protest its loans.", 1),
    ("A drone strike killed six militants near Tula on Tuesday.", 1),
    # a crowd that blocks a road demanding something protests; men who take hostages demanding a release attack
    ("Colleagues of a murdered journalist sat on the road outside the court in Tula on 3 May 2021, demanding a fair "
     "trial.", 0),
    ("Militants took hostage 20 workers in Tula on 3 May 2021, demanding the release of their leader.", 1),
])
def test_a_lede_that_sets_out_to_protest_tells_a_protest(text, attacks):
    assert len(events_of(text, published="2020-06-08", kind="attack")) == attacks, text


def test_members_of_a_group_named_as_armed_are_no_civil_doers():
    text = "On 2 June 2020, members of Ahrar al Sham assaulted a shepherd in the village of Tula for smoking in Ramadan."
    assert len(events_of(text, published="2020-06-08", kind="attack")) == 1
