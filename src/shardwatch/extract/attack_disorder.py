"""What makes violence unrest rather than an attack, at the level of the whole report: a
protest told as the report's lede (its attack words are what people protest), property burned
with no one hurt, harm done by villagers, party activists or locals that kills no one, and
casualties of a state's action ("injured when police opened fire"). ACLED codes these as
protests, riots and strategic developments; the figures that chose each rule are in its
docstring (ACLED tuning part, lines i % 9 != 4; the part i % 9 == 4 is never tuned on).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from shardwatch.extract.attack_lexicon import ATTACKER_NOUNS, STATE_NOUNS, VICTIM_NOUNS, _violence_cues, _weapons, trigger_of
from shardwatch.extract.casualties import PERSON_WORDS, to_death
from shardwatch.extract.mentions import actors

if TYPE_CHECKING:  # the frame is built in attacks, which imports this module
    from shardwatch.extract.attacks import AttackFrame
    from shardwatch.types import Quantity

# Words of gangs and armed groups inside a doer phrase: "members of the Gulf Cartel", "MS-13 members".
# Also the sides that make a clash armed ("cult militias clashed", "members of a gang clashed
# with police"): on the ACLED tuning part (i % 9 != 4) such clashes were missed attack notes.
ARMED_MEMBERS = {"gang", "gangs", "cartel", "cartels", "militia", "militias", "militiaman", "militiamen", "armed",
                 "army", "front", "brigade", "mafia", "syndicate", "maoist", "maoists", "naxal", "naxals",
                 "naxalite", "naxalites"}
# Words of an armed group's name (no parties, no bare acronyms: those name parties as often).
# The Arabic article only as written in names ("al-Sharqiyah", "Al Shabaab"), not the capitals
# of an acronym: "AL supporters", "AL-backed activists" (Bangladesh's Awami League) are a
# party's men (ACLED tuning slice i % 9 == 0: 2 false alarms taken out, detection unchanged).
_ARMED_WORDS = re.compile(r"\b(front|army|brigades?|liberation|jihad|mujahideen|mujahidin|taliban|militia|commando|"
                          r"battalion|legion|tigers|resistance|(?-i:[Aa]l)-\w+|(?-i:[Aa]l)|ahrar|ansar|jaish|lashkar|"
                          r"harakat|tehrik|shabaab)\b", re.I)
# Words that name only armed groups, whatever entity the tagger gives them ("members of Ahrar
# al Sharqiyah assaulted a civilian": ACLED tuning part, i % 9 != 4, 2 missed attack notes, no
# false alarm; not "Tehrik", which names Pakistan's PTI party as well).
_JIHADI_NAME = re.compile(r"(ahrar|ansar|ansaru|jaish|lashkar|shabaab|taliban|mujahideen|mujahidin)", re.I)
# Killing words: a civil doer who kills makes violence against civilians, not a riot
# ("villagers lynched a suspected thief", ACLED's violence against civilians).
_LETHAL_LEMMAS = {"kill", "murder", "lynch", "behead", "slaughter", "execute", "massacre", "assassinate"}


# Words of a crowd's size that stand for it as a doer: "hundreds of inmates attacked policemen".
_MANY = {"hundreds", "dozens", "scores", "thousands", "hundred", "dozen", "score", "thousand"}


def civil_doer(token: Token, trigger: Token, token_actor: dict[int, str]) -> bool:
    """"villagers", "party activists", "locals", "nearly 300 people": a doer of no armed group
    whose harm is unrest, unless the harm kills ("villagers killed two policemen"). On the ACLED
    tuning part (i % 9 != 4) such doers were in 204 of 676 false alarms; killings by them are
    mostly ACLED's violence against civilians, so those stay attacks."""
    cues = _violence_cues()
    civil = cues["civil_doer"]
    if (token.lemma_.lower() in ("group", "crowd", "band", "section") or token.lower_ in _MANY) and not any(
            c.lower_ in cues["unknown_doer"] for c in token.children):
        # "a group of people", "a group of youth", "hundreds of inmates": the people the group is of
        token = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), token)
    token = _antecedent(token)
    if token.lemma_.lower() not in civil and token.lower_ not in civil and not _on_strike(token):
        return False
    if lethal(trigger) or trigger.lemma_.lower() == "hijack":
        return False  # "a student hijacked a small plane": no unrest seizes a plane (one missed report of the incidents measuring part)
    if token.tag_ == "NN" and any(w.pos_ == "VERB" and w.lemma_.lower() in _LONE_ARMED for w in (trigger, *trigger.conjuncts)):
        return False  # "a student stabbed three worshippers": one man's knife or gun is no unrest
    # a party's men: "cadres of the Democratic Front", not "members of the Azure Front dissidents"
    partisans = token.lemma_.lower() in _PARTISANS
    for t in token.subtree:
        if partisans and t.lower_ == "alleged" and t.head.i == token.i:
            # "alleged LDF activists": a party's men, whoever reports them. ACLED tuning part (i % 9 != 4):
            # 1 false alarm fewer; with "suspected" too 2, but a firebombing by "suspected hartal
            # supporters" was an attack note lost
            continue
        if t.lower_ in cues["unknown_doer"] or t.lemma_.lower() in ATTACKER_NOUNS or (
                t.lower_ in ARMED_MEMBERS and not (partisans and t.lower_ == "front")):
            return False  # "unknown persons", "members of an armed gang"
        actor = actors().get(token_actor.get(t.i, ""))
        if (actor is not None and actor.kind == "organisation") or (
                t.ent_type_ == "ORG" and not (partisans and t.lower_ == "front") and _ARMED_WORDS.search(t.text)) or (
                t.pos_ == "PROPN" and _JIHADI_NAME.fullmatch(t.text)):
            # "members of Ahrar al-Sharqiyah"; not "Front", which names parties and alliances as
            # often ("cadres of the Democratic Front attacked a leader": ACLED tuning slice
            # i % 9 == 0, 1 false alarm fewer, detection unchanged); the armed fronts are in the
            # actor data or say what they are ("Liberation Front")
            return False
    return True


_PARTISANS = {"cadre", "activist", "supporter", "worker"}
# Harm one man does with a weapon (``civil_doer``): a crowd riots, a lone student or villager who
# stabs or shoots attacks (not "a picket hurling a petrol bomb", unrest's weapon: with bombs in
# this set, 1 false alarm of ACLED's tuning part). Incident reports of the tuning residues 0-3:
# 1 more detected (a prisoner who stabbed two guards); ACLED's tuning part unchanged.
_LONE_ARMED = {"stab", "shoot", "behead"}


def _antecedent(token: Token) -> Token:
    """"Five party cadres suffered burns as they tried to torch a motorcycle": a pronoun subject
    of a clause stands for the subject of the clause it hangs on (ACLED tuning slice i % 9 == 0:
    1 false alarm fewer, detection unchanged)."""
    if token.lower_ not in ("they", "he", "she") or token.dep_ != "nsubj":
        return token
    clause = token.head
    handled = None  # the people a clause up the chain acts on
    for _ in range(3):
        if clause.dep_ not in ("xcomp", "advcl", "conj", "ccomp") or clause.head.i == clause.i:
            return token
        clause = clause.head
        handled = handled or next((c for c in clause.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and _state_word(subject) and handled is not None and clause.dep_ != "conj":
            # "police shot a picket when he was hurling a petrol bomb", "police fired to disperse
            # the workers when they attacked the station": the state's men are not who attacked,
            # those they acted on are (ACLED tuning part, i % 9 != 4: 1 false alarm, the picket)
            return handled
        if subject is not None:
            return subject if subject.pos_ in ("NOUN", "PROPN") else token
    return token


def _on_strike(token: Token) -> bool:
    """"strikers", "guards on strike", "striking workers": people on a labour strike, whose harm
    is a strike's unrest whoever they are (ACLED tuning slice i % 9 == 0: 1 false alarm taken
    out, prison guards on strike raiding a minister's house; detection unchanged)."""
    if token.lemma_.lower() == "striker" or token.lower_ == "strikers":
        return True
    return any((c.dep_ == "amod" and c.lower_ == "striking") or (
        c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ == "strike" for g in c.children)) for c in token.children)


def lethal(trigger: Token) -> bool:
    """The harm word kills: "killed", "lynched", "shot dead", "beaten to death"."""
    # not "nearly lynched", "almost beaten to death": no one died (ACLED tuning part: 1 false alarm)
    words = [w for w in (trigger, *trigger.conjuncts) if not any(
        c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") for c in w.children)]
    if any(w.lemma_.lower() in _LETHAL_LEMMAS for w in words):
        return True
    if any(c.lower_ == "dead" for w in words for c in w.children):
        return True  # "shot dead"
    return any(to_death(w) for w in words)


def protest_lede(doc: Doc) -> Span | None:
    """The report's first sentence when it tells a protest: its main verb is a protest word
    ("residents protested", "families demonstrated"), or stages one ("staged a sit-in", "took to
    the streets", "protests erupted"), and is itself no attack word. On the ACLED tuning part
    (i % 9 != 4) 206 of 676 false alarms opened so, their attack words being what was protested
    ("to protest against the massacre", "demanding justice for the murdered girl")."""
    sent = next(iter(doc.sents), None)
    if sent is None:
        return None
    root = sent.root
    cues = _violence_cues()
    protest = cues["protest"]

    def is_protest(t: Token) -> bool:
        # verbs only of protest ("protested", "demonstrated"), not "marched" or "struck", which
        # militias and bombs do as well; nouns of protest ("a sit-in", "a hunger strike")
        words = cues["protest_verb"] if t.pos_ in ("VERB", "AUX") else protest
        return t.lemma_.lower() in words or t.lower_ in words or (t.lower_ == "strike" and t.pos_ == "NOUN")

    # "A rally was attacked": a lede whose own verb is an attack word tells the attack; its
    # conjuncts may still stage a protest ("families whose children were kidnapped continued their sit-in")
    verbs = list(root.conjuncts) if (trigger_of(root) or {}).get("kind") == "attack" else [root, *root.conjuncts]
    if root.pos_ in ("NOUN", "PROPN"):
        # "A large number of traders ... protested": the parser made the crowd the root
        verbs += [t for t in sent if t.dep_ == "acl" and t.pos_ == "VERB"]
    if any(c.dep_ == "nsubj" and (c.lower_ in _SHUTDOWN_NOUNS or c.lower_ == "strike" and any(
            g.lower_ in _SHUTDOWN_NOUNS for g in c.children)) for c in root.children):
        return sent  # "Strike (bandh) on the highway affects normal traffic"
    for verb in verbs:
        if is_protest(verb):
            return sent
        if any(c.dep_ in ("xcomp", "advcl") and (is_protest(c) or c.lemma_.lower() in _PROTEST_AIMS)
               and (c.dep_ == "xcomp" or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                    or c.tag_ == "VBG" and c.lemma_.lower() in _PROTEST_AIMS and not any(
                        (trigger_of(g) or {}).get("kind") == "attack" or g.lemma_.lower() in ATTACKER_NOUNS
                        for g in verb.children))  # "blocked the road, demanding"; not "took hostage ..."
               for c in verb.children) and not any((trigger_of(c) or {}).get("kind") == "attack"
                                                   for c in verb.children if c.dep_ in ("dobj", "nsubj")):
            # (not "planted a bomb in the lobby to protest the company's actions": a bombing)
            return sent  # "began rioting", "marched to the town to demand that ..."
        if verb.lemma_.lower() in cues["stage_verb"] or verb.lower_ in cues["stage_verb"]:
            near = [c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "xcomp", "advcl", "prep")]
            if any((trigger_of(c) or {}).get("kind") == "attack" for c in near):
                continue  # "carried out an attack on a crowd", "launched an assault"
            # "took to the streets", not "fired into the crowd"
            near += [g for c in near if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj" and g.lower_ != "crowd"]
            near += [g for c in near for g in c.children if g.dep_ == "compound"]
            if any(is_protest(t) for t in near):
                return sent
    return None


# What a lede's crowd sets out to do, and a shutdown as its subject: protests whose attack words
# are their cause ("marched to demand action against the police who shot", "began rioting after a
# driver was lynched", "Strike (bandh) ... against the killing of"). ACLED tuning part (i % 9 != 4):
# 5 false alarms fewer (2.22 -> 2.17%), detection unchanged; incidents residues 0-3 unchanged once
# a bomb planted "to protest" and a "drone strike" were kept out (they had lost 8 reports).
_PROTEST_AIMS = {"demand", "denounce", "condemn", "protest", "riot"}
_SHUTDOWN_NOUNS = {"bandh", "hartal", "shutdown"}  # not "strike": "a drone strike killed five"


def protested(frame: AttackFrame, lede: Span) -> bool:
    """An attack word of a protest report that tells what was protested, not an attack of its
    own: in the lede itself, or later with no armed doer ("The girl was abducted by the landlord's
    men", "The attack had left a guard injured")."""
    if frame.sentence.start == lede.start:
        return True
    attackers = [text for _, text in frame.perpetrator_people if text.split()[-1].lower() in ATTACKER_NOUNS]
    return not frame.perpetrator_orgs and not attackers


# Harm to people anywhere in the report: a burning with any of these is no mere property damage.
_HARM_LEMMAS = {"kill", "wound", "injure", "hurt", "die", "death", "dead", "injury", "casualty", "victim", "abduct",
                "kidnap", "hostage", "rape", "shoot", "stab", "beat", "body", "fatality", "torture", "assault"}
_BURN_LEMMAS = {"burn", "torch", "set", "arson"}  # not "firebomb": a firebombing is a bombing
_NEGATIONS = {"no", "nobody", "none", "not", "neither", "nor", "never", "without", "n't"}


def property_only(frame: AttackFrame) -> bool:
    """Property set on fire with no one harmed in the report ("militants burned a school",
    "assailants torched a bus"): ACLED's property destruction and riots, not an attack. On the
    ACLED tuning part (i % 9 != 4) 895 notes told property burned, looted or destroyed with no
    harm to people, 88 of them attack notes (mostly told by "attacked", which this leaves); the
    rule took out 155 false alarms there and 7 attack notes."""
    if frame.trigger.lemma_.lower() not in _BURN_LEMMAS or frame.killed is not None or frame.wounded is not None:
        return False
    if person_burned(frame.trigger):
        return False  # "assailants burnt alive two children": people burned, not property
    if frame.perpetrator_orgs or any(t.lemma_.lower() == "responsibility" for t in frame.sentence.doc):
        # a claimed arson is its claimant's attack ("X claimed responsibility for the attack")
        # a named armed group's arson stays its attack, as the GTD counts it ("FARC dissidents
        # burned a bus"): on the incidents dev measuring part (residue 3) this rule without the
        # exception lost 5 of 968 reports, 2 of them named groups'; ACLED keeps 53 false alarms
        return False
    return not _harm_told(frame)


def person_burned(trigger: Token) -> bool:
    """What the fire was set to is a person: "set a boy on fire", "a 14-year-old boy was set
    ablaze" (ACLED tuning part, i % 9 != 4: 2 attack notes more, children burnt alive and a boy
    set on fire; no false alarm)."""
    # by someone: "burnt alive two children", "was set on fire by two assailants"; not "four
    # passengers were burnt", the toll of a bus set on fire (ACLED's riots as often)
    by_someone = any(c.dep_ == "agent" for c in trigger.children)
    # (the words, not the tagger's PERSON: "set a tank-lorry afire", "burnt Ruma Rice Mills")
    return any(c.lemma_.lower() in PERSON_WORDS or c.lower_ in PERSON_WORDS
               or c.lemma_.lower() in ("child", "man", "woman", "youth", "villager")
               for c in trigger.children if c.dep_ == "dobj" or (c.dep_ == "nsubjpass" and by_someone))


def _harm_told(frame: AttackFrame) -> bool:
    """Harm to people anywhere in the report, not negated ("four passengers were burnt")."""
    cues = _violence_cues()
    for t in frame.sentence.doc:
        if t.i == frame.trigger.i:
            continue
        lemma = t.lemma_.lower()
        if lemma == "burn":  # "four passengers were burnt", not "burning down documents"
            if any(c.dep_ in ("nsubjpass", "dobj") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in VICTIM_NOUNS
                                                        or c.lemma_.lower() in cues["person_victim"])
                   for c in t.children):
                return True
            continue
        if lemma in _HARM_LEMMAS and not _negated_harm(t):
            return True
    return False


def _negated_harm(token: Token) -> bool:
    """"No one was injured", "nobody was hurt", "no casualties were reported"."""
    near = [token, token.head, *token.children]
    near += [g for t in near[2:] for g in t.children]
    return any(t.lower_ in _NEGATIONS for t in near)


def _state_word(token: Token) -> bool:
    """A noun of state forces (``state_force`` in ``attack_words.jsonl``), by lemma or form."""
    return token.lemma_.lower() in STATE_NOUNS or token.lower_ in STATE_NOUNS


def state_cause(trigger: Token) -> bool:
    """"12 people were injured when police opened fire", "students were injured after the
    police caned them": the casualties of a state's action told in a clause of the casualty
    word (ACLED's excessive force and protests with intervention)."""
    casualty = ("kill", "wound", "injure", "hurt", "die", "shoot")
    head = trigger.head
    if trigger.dep_ == "acl" and trigger.lower_ in ("firing", "shooting") and head.dep_ == "pobj" and (
            _state_word(head)) and head.head.lower_ in ("in", "by") \
            and head.head.head.lemma_.lower() in casualty:
        return True  # "killed in [security forces [firing]]": the fire word itself
    if trigger.lemma_.lower() not in casualty:
        return False
    # "shot in police firing", "injured in the BSF firing": the state's fire as the cause. It
    # changed no note of the ACLED tuning part (i % 9 != 4) by itself (the notes that tell it
    # tell the shooting again in another sentence) nor any incident report of residues 0-3
    fires = ("firing", "fire", "shooting")
    for cause in (g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("in", "by")
                  for g in c.children if g.dep_ == "pobj"):
        if cause.lower_ in fires and any(_state_word(w) for w in cause.children
                                         if w.dep_ in ("compound", "amod", "nmod")):
            return True
        if _state_word(cause) and any(
                c.dep_ == "acl" and c.lower_ in fires for c in cause.children):
            return True  # the parser's "in [police [firing on a procession]]"
    leaving = next((v for v in (trigger.head, trigger.head.head) if v.lemma_.lower() == "leave"
                    and v.dep_ in ("advcl", "xcomp")), None)
    if leaving is not None and any(_state_word(w) for c in leaving.head.children if c.dep_ == "nsubj"
                                   for w in (c, *c.children)):
        return True  # "police fired six rounds at the robbers, leaving two injured" (ACLED tuning part: 1 false alarm)
    # "one was killed and four were injured after BSF jawans opened fire": the parser hangs the
    # shared cause on the last casualty word (ACLED tuning part, i % 9 != 4: 1 false alarm)
    # Only fire told so: "one was killed and four soldiers wounded when an officer tried to defuse a
    # bomb", "after security forces raided a camp" stay attacks (2 incident reports of residues 0-3)
    clauses = [c for c in trigger.children if c.dep_ == "advcl"] + [
        c for v in trigger.conjuncts for c in v.children if c.dep_ == "advcl" and c.lemma_.lower() in ("open", "fire", "shoot")
        and any(m.lower_ in ("after", "when", "as") for m in c.children if m.dep_ in ("mark", "advmod"))]  # not "before"
    # "seriously injured after being beaten up by police": the parser's prepositional clause, its
    # doer the agent (ACLED tuning part, i % 9 != 4: 1 false alarm)
    clauses += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("after", "when", "as")
                for g in c.children if g.dep_ == "pcomp" and g.lemma_.lower() in ("beat", "shoot", "fire", "open",
                                                                                     "assault", "cane", "thrash")]
    for clause in clauses:
        agents = [g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        for subject in (*(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), *agents,
                        *(w for a in agents for w in a.conjuncts)):
            words = [subject, *(c for c in subject.children if c.dep_ in ("compound", "amod"))]
            if any(_state_word(w) or w.lower_ == "personnel" for w in words):
                return True
    return False


def civil_cause(trigger: Token, token_actor: dict[int, str]) -> bool:
    """"Ten party members were injured after activists of a rival union attacked them": people
    hurt (not killed) by a civil doer's deed told in a clause of the casualty word, as
    ``state_cause`` tells a state's; the doer test is ``civil_doer``'s (villagers, party
    activists, supporters, students). Either word may be the trigger. On the ACLED tuning part
    (i % 9 != 4) it took out 4 false alarms and lost 2 attack notes (a party's members' bomb at a
    rally, "a group of people" attacking dalits)."""
    hurt = ("wound", "injure", "hurt")
    if trigger.lemma_.lower() in hurt:
        pairs = [(trigger, c) for c in trigger.children if c.dep_ == "advcl"]
    elif trigger.dep_ == "advcl" and trigger.head.lemma_.lower() in hurt:
        pairs = [(trigger.head, trigger)]
    else:
        return False
    from shardwatch.extract.doers import _subject_or_agent  # doers imports the lexicon this module shares
    for casualty, clause in pairs:
        if (trigger_of(clause) or {}).get("kind") != "attack" or lethal(clause) or lethal(casualty):
            continue
        doers = _subject_or_agent(clause) or [
            # "injured after activists of a rival union attacked them": the parser may hang the
            # doers on "after" and leave the clause's verb with no subject
            g for c in casualty.children if c.dep_ == "prep" and c.lower_ in ("after", "as", "when") and c.i < clause.i
            for g in c.children if g.dep_ == "pobj"]
        if any(civil_doer(t, clause, token_actor) for t in doers):
            return True
    return False


def reciprocal(trigger: Token) -> bool:
    """"Both groups attacked each other", "lobbed bombs at one another": harm two sides do to
    each other is a clash, not one side's attack (ACLED tuning part, i % 9 != 4: 3 false alarms
    of riots and mob violence taken out, no attack note lost; deadly ones stay, see is_violence)."""
    verb = trigger.head if trigger.dep_ == "dobj" else trigger  # "lobbed bombs at each other"
    words = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod")]
    words += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any((w.lower_ == "other" and any(c.lower_ == "each" for c in w.children))
               or (w.lower_ == "another" and any(c.lower_ == "one" for c in w.children))
               or (w.lower_ == "other" and w.i > 0 and w.doc[w.i - 1].lower_ == "each")
               or (w.lower_ == "another" and w.i > 0 and w.doc[w.i - 1].lower_ == "one") for w in words)


# Fights that are a feud's when two groups or factions fight them: "a gunfight between two groups
# of the ruling party", "infighting between two rival groups", "clashes between two communities".
_FIGHT_NOUNS = {"gunfight", "fight", "fighting", "infighting", "battle", "clash", "clashes", "confrontation",
                "skirmish", "violence"}
_FEUD_SIDES = {"group", "groups", "faction", "factions", "community", "communities", "clan", "clans"}


def feud_fight(token: Token) -> bool:
    """A fight between two (rival) groups, factions or communities: a feud, not an armed
    party's attack (ACLED codes these as riots, the GTD does not list them). On the ACLED tuning
    part (i % 9 != 4) 9 false alarms told such a fight and no attack note (2 attack notes told
    clashes between named sides, "members of X and opposition militants", which this leaves);
    no incident report of the tuning residues (0-3) did. An armed side in the phrase keeps it a
    fight (``attack_violence._disorder``)."""
    if token.lemma_.lower() not in _FIGHT_NOUNS and token.lower_ not in _FIGHT_NOUNS:
        return False
    sides = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "between"
             for g in c.children if g.dep_ == "pobj"]
    return any(s.lower_ in _FEUD_SIDES and any(c.lower_ in ("two", "rival", "both") for c in s.children)
               for s in sides)


# The sides of a communal fight, which conflict monitors code as a battle when it kills: herders
# and farmers, named communities, clans, tribes and ethnic groups ("members of the Lobi and
# Dogosse communities clashed", "Bissa farmers clashed with Fula herders", "inter-clan clashes").
_COMMUNAL_SIDES = {"farmer", "herder", "herdsman", "herdsmen", "pastoralist", "tribesman", "tribesmen", "clan",
                   "tribe", "ethnie", "ethnies", "miner", "miners"}
_NAMED_SIDES = {"community", "communities", "family", "families", "ethnic"}
_COMMUNAL_FIGHTS = {"intercommunal", "inter-communal", "communal", "inter-clan", "interclan", "inter-ethnic",
                    "interethnic", "ethnic", "tribal", "inter-tribal", "intertribal"}
# A side that makes the fight unrest or a riot's, whatever else fights it ("Sikh community members
# and the police", "supporters of two candidates").
_UNREST_SIDES = {"police", "policeman", "policemen", "protester", "protesters", "demonstrator", "demonstrators",
                 "rioter", "rioters", "supporter", "supporters", "activist", "activists", "worker", "workers",
                 "student", "students", "cadre", "cadres", "party"}


def communal_clash(token: Token) -> bool:
    """A fight word ("clashed", "clashes", "fought", "fighting") between communities, ethnic
    groups, clans or herders and farmers, none of them police, protesters or a party's men:
    with its dead, a battle of a communal conflict, as ACLED codes it. Not "two communities
    clashed" or "two rival groups" (``feud_fight``): the notes that tell those are riots.
    ACLED tuning part (i % 9 != 4): figures in ``attack_violence.is_violence``."""
    lemma = token.lemma_.lower()
    if lemma not in ("clash", "fight") and token.lower_ not in _FIGHT_NOUNS:
        return False
    modifiers = [c.lower_ for c in token.children if c.dep_ in ("amod", "compound")]
    # "inter-clan clashes": the tokenizer splits the prefix off ("inter", "-", "clan")
    if any(m in _COMMUNAL_FIGHTS or (m == "clan" and "inter" in modifiers) for m in modifiers):
        sides = [token]
    else:
        sides = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        sides += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("between", "with", "among")
                  for g in c.children if g.dep_ == "pobj"]
        sides += [c for s in sides for c in s.conjuncts]
        if not any(_communal_side(s) for s in sides):
            return False
    return not any(t.lemma_.lower() in _UNREST_SIDES or t.lower_ in _UNREST_SIDES for s in sides for t in s.subtree
                   if t.i != token.i)


def _communal_side(token: Token) -> bool:
    """"Fula herders", "farmers", "the Gourmantche and Fulani communities", "members of the Lobi
    community", "tribesmen", "two clans"; not "two communities" or "two groups" alone."""
    if token.lemma_.lower() in ("member", "members", "people", "inhabitant", "youth", "youths"):
        token = next((g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                      for g in c.children if g.dep_ == "pobj"), token)
    if token.lemma_.lower() in _COMMUNAL_SIDES or token.lower_ in _COMMUNAL_SIDES:
        return True
    if token.lower_ in _NAMED_SIDES or token.lemma_.lower() in _NAMED_SIDES:
        # named: "the Lobi and Dogosse communities", "the Dabre and Zampaligre families"
        # (the tagger reads such names as adjectives or organisations as often: "the Dagari communities")
        return any(c.dep_ in ("compound", "amod", "nmod", "conj") and (
            c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "ORG") or (c.is_title and c.i > token.sent.start))
            for c in token.subtree if c.i < token.i)
    return token.ent_type_ == "NORP" and token.pos_ in ("PROPN", "NOUN")


# What makes a state's fire no harm aimed at anyone: fired "in the air", "blank" or "warning"
# shots, or fire "to disperse" a crowd or "bring the situation under control".
_WARNING_WORDS = {"blank", "warning"}
_CONTROL_VERBS = {"disperse", "control", "scatter", "quell"}


def warning_fire(trigger: Token) -> bool:
    """Fire aimed at no one: shots "in" or "into the air", whoever fires them, and a state's
    riot control ("Police opened blank fire to disperse the workers", "police stopped the clash,
    opening rounds of fire"; ACLED's notes tell it beside the riot it ended). On the ACLED tuning
    part (i % 9 != 4) 5 false alarms were the state's such fire, and 1 attack note, told by
    another sentence too; no incident report of the tuning residues (0-3) told such fire."""
    words = {"fire", "shoot", "shot", "shots", "round", "rounds", "open", "gunfire", "gun-fire"}
    if trigger.lemma_.lower() not in words and trigger.lower_ not in words:
        return False
    verb = trigger
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    phrase = [*trigger.subtree, *verb.children, *(g for c in verb.children if c.dep_ == "prep" for g in c.children)]
    if any(t.lower_ == "air" and t.head.lower_ in ("in", "into") for t in phrase):
        # "militants fired gunshots in the air and burned a school", "border police fired shots
        # into the air": fire aimed at no one, whoever fires it; what else they did may still be
        # an attack ("fired in the air and abducted two villagers"). ACLED tuning part (i % 9 != 4):
        # 2 false alarms fewer, no attack note lost; incident reports of residues 0-3 unchanged
        return True
    aimed_off = any(t.lower_ in _WARNING_WORDS and t.dep_ == "amod" for t in trigger.subtree) or any(
        _riot_control(t) for t in phrase) or any(
        c.dep_ in ("advcl", "xcomp") and (c.lemma_.lower() in _CONTROL_VERBS or any(
            g.lower_ == "control" for g in c.subtree)) for c in verb.children)
    if not aimed_off:
        return False
    if any(_riot_control(t) for t in trigger.subtree):
        # "police responded by firing teargas at rioters": what is fired tells the firer, however
        # the parser hangs the subject (ACLED tuning slice i % 9 == 2: 1 false alarm fewer,
        # detection unchanged on slices 0-2 and incidents r0/r1)
        return True
    node, subjects = verb, []
    while not subjects:
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        if node.head.i == node.i:
            break
        node = node.head
    words_of = [w for s in subjects for w in (s, *s.conjuncts, *(g for c in s.children if c.dep_ == "prep"
                                                                  for g in c.children),
                                              *(c for c in s.children if c.dep_ == "compound"),  # "police personnel"
                                              # "both the RAB and Police force" (ACLED tuning part: 1 false alarm)
                                              *(w for c in s.children if c.dep_ == "nmod" for w in (c, *c.conjuncts)))]
    return any(_state_word(w) for w in words_of)


def _riot_control(token: Token) -> bool:
    """"teargas shells", "tear gas", "rubber bullets", "water cannon": what a state fires at a
    crowd to break it up, not to kill (ACLED's protests with intervention)."""
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return token.lower_ in ("teargas", "tear-gas") or (token.lower_ == "gas" and before == "tear") or (
        token.lower_ in ("bullet", "bullets") and before == "rubber") or (
        token.lower_ in ("cannon", "cannons") and before == "water")


# Words of a fight between crowds or parties' men that a note's lede may tell.
_CLASH_WORDS = {"clash", "clashes", "skirmish", "scuffle", "brawl", "melee", "fracas", "riot", "rioting"}
# Words that tell a death anywhere in a report.
_DEATH_LEMMAS = {"kill", "die", "dead", "death", "murder", "lynch", "succumb", "fatality", "body", "behead",
                 "slaughter", "massacre", "execute"}


_BEFORE_NOW = {"after", "following", "since"}


def unrest_erupted(trigger: Token, killed: Quantity | None) -> bool:
    """People hurt "as violence erupted during an eviction", "when clashes broke out": the toll of
    unrest that broke out, no one's attack, where no one died. ACLED tuning part (i % 9 != 4): 1
    false alarm; no incident report of residues 0-3 tells a toll so."""
    if killed is not None or trigger.lemma_.lower() not in ("injure", "wound", "hurt"):
        return False
    unrest = _violence_cues()["disorder"] | {"violence", "tension"}  # the cues hold clash, riot, scuffle
    return any(c.dep_ == "advcl" and c.lemma_.lower() in ("erupt", "break", "flare") and any(
        s.dep_ == "nsubj" and s.lemma_.lower() in unrest for s in c.children) for c in trigger.children)


def background_clash(trigger: Token, killed: Quantity | None) -> bool:
    """A clash told as what came before the report's news, counting no dead: "displaced
    following a clash between the rebels and the army", "the day after the clash", "arrived
    after an armed clash occurred on 3 May", "Earlier, a clash had taken place". ACLED tuning
    part (i % 9 != 4): 3 false alarms fewer (a displacement, a deployment, a sit-in; an arson
    told after a clash stays the arsonists' attack), no attack note lost (an attack note's
    "After the clash, soldiers seized" retells the clash its first sentence told)."""
    if killed is not None or trigger.lower_ not in _CLASH_WORDS:
        return False
    if trigger.dep_ == "pobj" and trigger.head.lower_ in _BEFORE_NOW:
        return True
    verb = trigger.head if trigger.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None:
        return False
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BEFORE_NOW for c in verb.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and any(
        c.dep_ == "advmod" and c.lower_ in ("earlier", "previously") for c in verb.children)


def clash_lede(doc: Doc) -> bool:
    """The report opens on a clash ("15 people were injured in a clash between the activists of
    two parties", "clashes broke out between police and opposition activists") and tells no
    death: its bombs, blows and fires are the clash's. ``attacks`` drops its frames when the
    report also names no armed group or attacker (``attack_violence._disorder_note``). On the
    ACLED tuning part (i % 9 != 4) 21 false alarms opened so with no death and no armed word,
    against 3 attack notes, two of which named their armed side (a cartel, cattle raiders who
    ambushed the army)."""
    sent = next(iter(doc.sents), None)
    if sent is None or not any(t.lemma_.lower() in _CLASH_WORDS or t.lower_ in _CLASH_WORDS for t in sent):
        return False
    if any(t.lower_ in ARMED_MEMBERS and t.lower_ != "front" for t in doc):
        # "after a clash with police, Naxalites burned 18 trucks": an armed party's deed. Not
        # "front", which names parties as often ("supporters of the Left Front clashed with
        # police": 4 of the rule's false alarms of the ACLED tuning part kept with it)
        return False
    # an ambush is no crowd's deed ("cattle raiders clashed with soldiers ... had ambushed a vehicle")
    return not any(t.lemma_.lower() in _DEATH_LEMMAS or t.lower_ in _DEATH_LEMMAS or t.lemma_.lower() == "ambush"
                   for t in doc)


# Political shutdowns and blockades: a report that tells one makes the unnamed assailants'
# bombs and fires its enforcers' violence (ACLED's riots: "as part of the countrywide blockade").
_SHUTDOWN_WORDS = {"hartal", "blockade", "blockage", "picketer", "picketers", "picketing", "shutdown", "bandh"}
# Doers a report names without naming anyone: "assailants", "unidentified men", "miscreants".
_NAMELESS_DOERS = {"assailant", "assailants", "attacker", "attackers", "miscreant", "miscreants", "man", "men",
                   "person", "persons", "people", "youth", "youths", "someone", "they", "picketer", "picketers"}


def shutdown_violence(frame: AttackFrame) -> bool:
    """Harm that kills no one, by no named group, in a report of a political shutdown or
    blockade ("assailants hurled crude bombs at a bus on the third day of the blockade"):
    ACLED codes these as riots. On the ACLED tuning part (i % 9 in 0-3) 20 false alarms and 5
    attack notes were such reports (on the slice i % 9 == 0 the rule took 3 false alarms and, before
    the "burnt alive" exception, 1 attack note); among the incident reports (tuning residues) none told a
    shutdown with nameless doers and no deaths."""
    if frame.killed is not None or frame.perpetrator_orgs or any(t.lower_ == "alive" for t in frame.sentence):
        return False  # a named group's deed; "two were burnt alive": deaths the toll did not count
    if any(t.lemma_.lower() in ("succumb", "die") or t.lower_ in ("dead", "death") for t in frame.sentence.doc):
        # "the truck's helper succumbed to his burns": a death the report tells apart (the
        # quality floor's ACLED subset lost such an attack note, a tuning line, to the rule)
        return False
    if any(text.split()[-1].lower() not in _NAMELESS_DOERS for _, text in frame.perpetrator_people):
        return False
    return any(t.lemma_.lower() in _SHUTDOWN_WORDS or t.lower_ in _SHUTDOWN_WORDS for t in frame.sentence.doc)


def street_bombs_unharmed(frame: AttackFrame) -> bool:
    """Crude bombs, petrol bombs or "cocktails" (``street_device`` in ``violence_cues.jsonl``)
    thrown or set off by no named group, in a report that tells no harm to anyone, whether it
    says no one was hurt or says nothing of people ("assailants exploded three crude bombs near
    the court; no one was injured", "assailants hurled cocktails in front of the college"):
    conflict monitors code these as riots, the street violence of party politics. On the ACLED
    tuning part (i % 9 != 4) 13 detected false alarms and no attack note told such devices with a
    harm denied (8 more were ACLED's "remote violence", neither attack nor false alarm). Those
    that tell no harm at all were 29 false alarms and 1 attack note (s26: extending the rule to
    them took out 20 more false alarms there and lost 1 attack note, a petrol bomb hurled into a
    party official's house; 10 "unsure" notes went too). Among the incident reports of the
    tuning residues (0-3) 23 name such devices: two told a petrol bomb with no one hurt, one
    naming its doers ("insurgents") and one the group blamed, which this rule leaves; one tells
    its harm only by the ambulance that took a man away (``_HARM_STARTS``); none changed."""
    if frame.killed is not None or frame.wounded is not None or frame.perpetrator_orgs:
        return False
    if any(text.split()[-1].lower() not in _NAMELESS_DOERS for _, text in frame.perpetrator_people):
        return False
    doc = frame.sentence.doc
    # anywhere in the report: "Two crude bombs were exploded in front of the board office. The
    # assailants hurled two bombs at the office" (ACLED tuning slice i % 9 == 1: 2 false
    # alarms fewer, the lede dropped by this rule and the retelling left; detection unchanged on
    # slices 0-2 and incidents r0/r1)
    if not any(_street_device(t) for t in doc):
        return False
    if any(t.lemma_.lower() in ("blame", "responsibility", "claim", "accuse") for t in doc):
        # "a group of the republic blamed the loyalist UDA for the attack": a doer named
        # (one report of the incidents dev residue 2 lost without this)
        return False
    return not _harm_told(frame) and not any(_harm_word(t) for t in doc)


# Word starts that tell people hurt, however written or tagged ("received burn injured", "burn
# injurieswhen", "were rushed to hospital", "splinters"), the attack word itself included.
_HARM_STARTS = ("injur", "wound", "kill", "dead", "death", "die", "hurt", "casualt", "victim", "splinter", "burnt",
                "hospital", "ambulance", "succumb", "bullet", "shot", "stab", "beat", "murder", "life", "lives")


def _harm_word(token: Token) -> bool:
    return token.lower_.startswith(_HARM_STARTS) and not _negated_harm(token)


def _street_device(token: Token) -> bool:
    """"crude bombs", "petrol bomb", "hand bombs", "cocktails" (not "Molotov cocktails")."""
    devices = _violence_cues()["street_device"]
    if token.lower_ in ("cocktail", "cocktails"):
        return not any(c.lower_ == "molotov" for c in token.children)
    if token.lemma_.lower() != "bomb":
        return False
    # "petrol bomb attack": the parser may hang "petrol" on "attack" (ACLED tuning slice i % 9 == 3:
    # 1 false alarm fewer, detection unchanged on slices 0-3 and incidents r0/r1)
    before = token.doc[token.i - 1] if token.i > 0 else None
    return any(c.dep_ in ("compound", "amod", "nmod") and (c.lower_ in devices or c.lemma_.lower() in devices)
               for c in token.children) or (before is not None and before.dep_ in ("compound", "amod", "nmod") and (
                   before.lower_ in devices or before.lemma_.lower() in devices))


# A monitor's note of a demonstration gives its crowd's size in a tag: "[size=hundreds]",
# "[size=no report]", "[size=at least 20]".
_CROWD_SIZE = re.compile(r"\[size=[^\]\n]{0,40}\]", re.I)
# A category label opening a note: "Property destruction: On 3 May, ...", "Looting: gunmen ...".
_OPENING_LABEL = re.compile(r"\s*([A-Za-z][A-Za-z /-]{1,40}):")


def demonstration_note(doc: Doc) -> bool:
    """A note that gives a crowd's size ("[size=about 250]") tells what a crowd did: a protest, a
    riot or a mob's violence, whose harm is no armed party's attack. On the ACLED tuning part
    (i % 9 != 4) 1,942 notes had such a tag with no attack found; 61 were false alarms (mobs
    beating thieves, clans fighting with sticks, crowds stoning police) and 2 attack notes were
    found (a clash of villagers, armed men holding up a truck): this rule took out those 61 and
    lost those 2 (measuring part: 11 false alarms taken out)."""
    return _CROWD_SIZE.search(doc.text) is not None


def non_attack_label(doc: Doc) -> bool:
    """The note opens with a monitor's category of an event that is no attack ("Property
    destruction:", "Looting:", "Explosive remnants of war:"; ``monitor_label`` in
    ``violence_cues.jsonl``): its attack words tell that event. On the ACLED tuning part
    (i % 9 != 4) this took out 29 false alarms and no attack note (measuring part: 4 false alarms)."""
    match = _OPENING_LABEL.match(doc.text)
    return match is not None and match.group(1).strip().lower() in _violence_cues()["monitor_label"]


# What a crowd throws: "pelted stones", "hurled bricks and bottles", "injured in brick-batting".
_MISSILES = {"stone", "stones", "brick", "bricks", "brickbat", "brickbats", "brick-bat", "brick-bats", "bottle",
             "bottles", "bating", "batting", "brickbatting", "pelting", "stone-pelting"}


def unrest_missiles(frame: AttackFrame) -> bool:
    """Harm done with stones, bricks or bottles, in a report that tells no death and no weapon
    ("agitating locals hurled stones at an ambulance, injuring a patient", "the driver was injured
    in brick bating"): a crowd's riot, which conflict monitors code as such. An armed group named
    keeps its attack. On the ACLED tuning part (i % 9 != 4) it took out 3 false alarms and no
    attack note; no incident report of the tuning residues (0-3) changed."""
    if frame.killed is not None or frame.perpetrator_orgs:
        return False
    doc = frame.sentence.doc
    if not any(t.lower_ in _MISSILES or (t.lemma_.lower() == "pelt") for t in frame.sentence):
        return False
    if any(t.lemma_.lower() in _DEATH_LEMMAS or t.lower_ in _DEATH_LEMMAS for t in doc):
        return False
    return not any(pattern.search(doc.text) for pattern, weapon in _weapons() if weapon["weapon_type"] != "Vehicle")
