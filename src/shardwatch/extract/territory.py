"""Territory events: a place changing hands, besieged, or under offensive.

One frame per place: "retreated from Ramadi, Tikrit, Abu Ghraib and Falluja" gives four.

Cue words (``data/event_cues.jsonl``) come with a frame that says where the arguments are:

- take ("retook", "captured", "seized", "overran", "liberated"): the subject gains, the object
  is the place, "from X" loses; in the passive the subject is the place and "by X" gains.
- fall ("Tikrit fell to the jihadists"): the subject is the place, "to X" gains.
- lose ("the group lost Tikrit", "the loss of Mosul to Iraqi forces"): the subject (or the
  article's organisation) loses, "to X" gains.
- drive_out ("drove the group out of Mosul"): the subject gains, the object loses.
- withdraw ("retreated from Ramadi"): the subject loses.
- besiege ("encircled the town", "are besieged in the Old City").
- offensive ("launched an offensive to retake Mosul", "the offensive began on 2 March") and
  enter ("entered Raqqa", "broke into Raqqa", "fighting their way into Ramadi").

The change, a consistent rule (the export contract's values):

- ``besieged`` and ``under_offensive`` come from the frame;
- a place taken by someone is ``retaken`` when the words say so ("retook", "recaptured",
  "regained", "again", "back") or when the gaining side is the forces of the state the place
  lies in (``country`` in ``data/actors.jsonl``: Iraqi forces in Iraq, the GNA in Libya);
  otherwise ``captured`` (the Islamic State taking Mosul, the SDF taking Manbij);
- a place the organisation gave up with no gaining side named is ``lost``.

When the text does not name the losing side of a place taken by another side, it is the
organisation the article is about (the militants hold what others take); a place the
organisation takes has no losing side unless the text names one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from shardwatch.extract.common import (DocContext, clause_date, deed_modality, is_passive, prep_objects, subject_of,
                                       verb_children)
from shardwatch.extract.cues import cue_of
from shardwatch.extract.gazetteer import get_gazetteer
from shardwatch.extract.mentions import actors
from shardwatch.extract.temporal import ResolvedDate
from shardwatch.extract.territory_places import fallback_place, home_country, places_of
from shardwatch.types import Mention
from shardwatch.extract.versions import version_of

EXTRACTOR = "territory"
VERSION = version_of(__name__)
CHANGES = ("captured", "lost", "retaken", "besieged", "under_offensive")
# Verbs of intending or expecting: what they govern has not happened.
_INTENT = {"expect", "hope", "vow", "promise", "want", "plan", "prepare", "aim", "intend", "seek", "pledge"}
# Verbs that start an offensive: "launched an offensive", "the assault began".
_LAUNCH = {"launch", "begin", "began", "start", "open", "mount"}
# Verbs that carry on or finish one under way: "continue their offensive", "completing the
# operation to recapture Mosul".
_ONGOING = {"continue", "complete", "lead", "wage", "conduct", "press", "step", "intensify", "resume", "join"}
# Verbs whose subject tells a taking it achieved: "Iraqi forces announce the recapture of Ramadi".
_ANNOUNCE = {"announce", "declare", "complete", "celebrate", "confirm", "claim", "proclaim", "achieve"}
# Verbs an infinitive deed can hang on: "continue to besiege the port" is a siege now.
_ASPECT = {"continue", "keep", "manage", "succeed"}

@dataclass
class TerritoryFrame:
    sentence: Span
    trigger: Token
    place: Mention
    change: str
    modality: str
    gaining: list[tuple[str, str]] = field(default_factory=list)  # (actor id, text)
    losing: list[tuple[str, str]] = field(default_factory=list)
    date: ResolvedDate | None = None
    tense_present: bool = False


def _family(actor_id: str | None) -> str | None:
    """An organisation's top parent: an affiliate counts as its parent organisation."""
    seen = set()
    while actor_id and actor_id not in seen:
        seen.add(actor_id)
        actor = actors().get(actor_id)
        if actor is None or not actor.parent:
            return actor_id
        actor_id = actor.parent
    return actor_id


def _refs(ctx: DocContext, ids: list[str], head: Token | None) -> list[tuple[str, str]]:
    out = []
    for actor_id in ids:
        text = next((m.text for m in ctx.actor_mentions
                     if m.actor_id == actor_id and head is not None and head.sent.start_char <= m.start < head.sent.end_char),
                    None)
        if text is None:
            text = head.text if head is not None else actors()[actor_id].name
        out.append((actor_id, text))
    return out


def _actors_of(ctx: DocContext, tokens: list[Token]) -> list[str]:
    found: list[str] = []
    for token in tokens:
        for actor_id in ctx.actors_in(token):
            if actor_id not in found:
                found.append(actor_id)
        if token.lower_ in ("them", "it") and token.dep_ == "dobj" and ctx.main_org:
            # "drove them out", "pushed it out": the organisation the article is about
            if ctx.main_org not in found:
                found.append(ctx.main_org)
    return found


# Words that name a state's forces without saying which state: "the army", "government forces".
# The parser's lemmas are singular ("forces" -> "force", "troops" -> "troop"), so both forms.
_GENERIC_FORCES = {"army", "troops", "troop", "military", "government", "forces", "force", "soldiers", "soldier"}


def _generic_force(ctx: DocContext, trigger: Token, place: Mention) -> str | None:
    """"The army retook the town": the forces of the state the place lies in, only where the
    side is told as the army, troops or government forces without a state's name."""
    side = subject_of(trigger) if not is_passive(trigger) else next(iter(prep_objects(trigger, "by")), None)
    if side is None or side.lemma_.lower() not in _GENERIC_FORCES or ctx.actors_in(side):
        return None
    demonyms = get_gazetteer().demonyms
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() not in _GENERIC_FORCES | {"security", "national"}
           and demonyms.get(c.lower_) != place.place.country for c in side.children):
        return None  # "Kurdish troops", "rebel forces": a side, but not the state's ("the Iraqi government" in Iraq is)
    return next((a for a, country in home_country().items() if country == place.place.country), None)


def _to_actor_after(ctx: DocContext, noun: Token) -> list[str]:
    """"The fall of Mosul to ISIS in June 2014 shocked ...": the small model reads "to ISIS" as an
    infinitive; the actor right after the first "to" following the noun, before any other verb."""
    doc = noun.doc
    for token in doc[noun.i + 1: noun.sent.end - 1]:
        if token.pos_ in ("VERB", "AUX") and token.i not in ctx.token_actor:
            return []
        if token.lower_ == "to":
            after = doc[token.i + 1: min(token.i + 4, noun.sent.end)]
            return [ctx.token_actor[t.i] for t in after if t.i in ctx.token_actor][:1]
    return []


def _objects(verb: Token) -> list[Token]:
    # "oprd": the small model sometimes reads the object of "IS seized Ramadi" so
    return verb_children(verb, "dobj") + verb_children(verb, "oprd")


def _arguments(ctx: DocContext, trigger: Token, cue: dict, focus: Mention | None
               ) -> tuple[list[Mention], list[str], list[str], bool] | None:
    """(places, gaining ids, losing ids, explicit place) for one cue, or None if it is not a
    territory event (no place, or an object that is not a place)."""
    frame = cue["frame"]
    sent = trigger.sent
    gaining: list[str] = []
    losing: list[str] = []
    places: list[Mention] = []
    vague = False
    passive = is_passive(trigger)
    if frame == "take" and trigger.pos_ == "NOUN" and not passive:  # "was overrun" tagged a noun is a verb
        # "the complete recapture of Ramadi from the Islamic State", "its capture by Iraqi
        # forces", "Iraqi forces announced the liberation of Deir ez-Zor"
        places, vague = places_of(ctx, prep_objects(trigger, "of"))
        if not places:
            return None
        gaining = _actors_of(ctx, prep_objects(trigger, "by") + [c for c in trigger.children if c.dep_ == "poss"])
        if not gaining and trigger.dep_ in ("dobj", "nsubjpass") and trigger.head.lemma_.lower() in _ANNOUNCE:
            subject = subject_of(trigger.head)
            gaining = _actors_of(ctx, [subject]) if subject is not None else []
        losing = _actors_of(ctx, prep_objects(trigger, "from"))
    elif frame == "control":
        # "announces it is in full control of Tal Afar"; not "under the control of" (a state,
        # not a change)
        if trigger.head.lower_ != "in" or trigger.head.dep_ not in ("prep", "acomp"):
            return None
        holder = trigger.head.head
        places, vague = places_of(ctx, prep_objects(trigger, "of"))
        if not places:
            return None
        subject = subject_of(holder)
        gaining = _actors_of(ctx, [subject]) if subject is not None else []
        if not gaining:
            return None
    elif frame == "take":
        # "declares Ramadi fully liberated from the Islamic State": the small model tags the
        # participle of a declaration's small clause VBD as often as VBN (a headline form the
        # territory summaries use; tuning part unchanged, own sentences in the tests)
        participle = trigger.tag_ == "VBN" or (trigger.tag_ == "VBD" and trigger.dep_ in ("ccomp", "oprd")
                                                and trigger.head.lemma_.lower() in _ANNOUNCE)
        small_clause = (participle and not _objects(trigger) and verb_children(trigger, "nsubj")
                        and not any(c.dep_ == "aux" for c in trigger.children))
        if (passive and not _objects(trigger)) or small_clause:
            # "Tikrit had been liberated"; "declared the eastern half of Mosul liberated"
            places, vague = places_of(ctx, verb_children(trigger, "nsubjpass") or verb_children(trigger, "nsubj"))
            gaining = _actors_of(ctx, prep_objects(trigger, "by"))
            declarer = subject_of(trigger.head) if trigger.dep_ in ("ccomp", "oprd") and (
                small_clause or trigger.head.lemma_.lower() in _ANNOUNCE) else None
            if not gaining and declarer is not None and places:
                # "the Iraqi government declares Ramadi liberated", "the SDF announces that Raqqa
                # has been captured": the side that declares it took it
                gaining = _actors_of(ctx, [declarer])
                force = None if gaining else _generic_force(ctx, trigger.head, places[0])
                gaining = gaining or ([force] if force else [])
        else:
            objects = [o for o in _objects(trigger) if o.lower_ not in ("which", "that", "what")]
            if cue.get("particle"):
                objects += prep_objects(trigger, cue["particle"])  # "swept through Mosul and Tikrit"
            if any(o.lower_ == "control" for o in objects):
                objects += prep_objects(trigger, "of")  # "take control of the town", "of" hung on the verb
            relative = not objects and trigger.dep_ == "relcl"
            if relative:
                objects = [trigger.head]  # "the border crossing that Kurdish forces captured"
            if not objects:
                return None
            places, vague = places_of(ctx, objects)
            if relative:
                places = places[:1]  # "Tikrit, which Iraqi forces retook": not the list Tikrit is in
            subject = subject_of(trigger)
            gaining = _actors_of(ctx, [subject]) if subject is not None else []
            if subject is None:
                # a parse without a subject ("IS seized Ramadi" with "IS" read as a verb):
                # the actor named last before the verb
                before = [ctx.token_actor[t.i] for t in sent.doc[sent.start: trigger.i] if t.i in ctx.token_actor
                          and actors().get(ctx.token_actor[t.i]) and actors()[ctx.token_actor[t.i]].kind != "person"]
                gaining = before[-1:]
        losing = _actors_of(ctx, prep_objects(trigger, "from"))
        if not places and not vague:
            return None
    elif frame == "fall":
        if trigger.pos_ == "NOUN":
            places, vague = places_of(ctx, prep_objects(trigger, "of"))
            if not places:
                return None
        else:
            subject = subject_of(trigger)
            if subject is None:
                return None
            places, vague = places_of(ctx, [subject])
            if not places:
                return None
        gaining = _actors_of(ctx, prep_objects(trigger, "to"))
        if not gaining and trigger.pos_ == "NOUN":
            gaining = _to_actor_after(ctx, trigger)
    elif frame == "lose":
        if trigger.pos_ == "NOUN":
            places, vague = places_of(ctx, prep_objects(trigger, "of"))
            owners = [c for c in trigger.children if c.dep_ == "poss"]
            losing = _actors_of(ctx, owners)
            gaining = _actors_of(ctx, prep_objects(trigger, "to"))
            # "the loss of Mosul, the group's largest city, to Iraqi forces": "to" often hangs
            # off the apposition; take the first "to X" before the next verb
            for token in sent.doc[trigger.i + 1: sent.end]:
                if token.pos_ in ("VERB", "AUX"):
                    break
                if token.lower_ == "to" and token.dep_ == "prep":
                    gaining += [a for a in _actors_of(ctx, [c for c in token.children if c.dep_ == "pobj"])
                                if a not in gaining]
                    break
        else:
            objects = _objects(trigger)
            if any(o.lower_ == "control" for o in objects):
                objects += prep_objects(trigger, "over")  # "lost control over Kobane, Manbij and Palmyra"
            places, vague = places_of(ctx, objects)
            subject = subject_of(trigger)
            losing = _actors_of(ctx, [subject]) if subject is not None else []
            gaining = _actors_of(ctx, prep_objects(trigger, "to"))
        if not places:
            return None
    elif frame == "drive_out":
        places, vague = places_of(ctx, prep_objects(trigger, "out", "from", "of"))
        subject = subject_of(trigger)
        gaining = _actors_of(ctx, [subject]) if subject is not None else []
        losing = _actors_of(ctx, _objects(trigger))
        if passive:
            # "the group has been pushed out of Sirte (by ...)"
            gaining = _actors_of(ctx, prep_objects(trigger, "by"))
            losing = _actors_of(ctx, verb_children(trigger, "nsubjpass"))
        if not losing:
            return None
        vague = vague or not places
    elif frame == "withdraw":
        subject = subject_of(trigger)
        losing = _actors_of(ctx, [subject]) if subject is not None else []
        if not losing or actors()[losing[0]].kind != "organisation":
            return None
        places, vague = places_of(ctx, prep_objects(trigger, "from"))
        if not places:
            return None
    elif frame == "besiege":
        if trigger.dep_ in ("amod", "acl") and not passive:
            return None  # "the surrounding area", "surrounded by senior commanders"
        if passive:
            # the small model reads "is all but surrounded" with an active subject
            patients = verb_children(trigger, "nsubjpass") or verb_children(trigger, "nsubj") or [
                c for aux in verb_children(trigger, "auxpass") for c in aux.children if c.dep_ == "nsubj"]
            losing = _actors_of(ctx, patients)
            gaining = _actors_of(ctx, prep_objects(trigger, "by"))
            places, vague = places_of(ctx, prep_objects(trigger, "in", "inside") + patients)
            if not losing and not places and not vague:
                return None
        elif trigger.pos_ == "NOUN":
            places, vague = places_of(ctx, prep_objects(trigger, "of", "on"))
            if not places:
                return None
            # "the siege of Kobane by the Islamic State", "the Islamic State's siege of Kobane"
            gaining = _actors_of(ctx, prep_objects(trigger, "by") + [c for c in trigger.children if c.dep_ == "poss"])
        else:
            if not _objects(trigger):
                return None
            places, vague = places_of(ctx, _objects(trigger))
            subject = subject_of(trigger)
            gaining = _actors_of(ctx, [subject]) if subject is not None else []
        if not gaining:
            # "hemmed in by Iraqi troops": a state force named in the sentence
            gaining = [a for a in dict.fromkeys(ctx.token_actor[t.i] for t in sent if t.i in ctx.token_actor)
                       if actors().get(a) and actors()[a].kind in ("state_force", "coalition")]
        vague = vague or not places
    elif frame == "offensive":
        while trigger.dep_ == "compound" and trigger.head.pos_ == "PROPN" and trigger.head.i > trigger.i:
            trigger = trigger.head  # "Operation Breaking Terrorism": the name's head has the parse
        governor = trigger.head
        if trigger.dep_ == "pobj" and governor.lower_ == "of" and governor.head.pos_ == "NOUN":
            governor = governor.head  # "the start of the Battle of Mosul"
        verb = governor.lemma_.lower()
        under_way = (trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and verb in _LAUNCH | _ONGOING) or (
            trigger.dep_ == "nsubj" and any(c.lower_ in ("underway", "under") for c in governor.children))
        targets: list[Token] = []
        for head in (governor, trigger):
            for child in head.children:
                purpose = child
                if child.dep_ == "acl" and child.lemma_.lower() == "aim":
                    # "Operation Breaking Terrorism, aimed at retaking Fallujah"
                    purpose = next((g for p in child.children if p.lower_ == "at" for g in p.children
                                    if g.dep_ == "pcomp"), child)
                if purpose.dep_ in ("advcl", "xcomp", "acl", "relcl", "pcomp") and cue_of(purpose, "territory"):
                    targets += _objects(purpose)
        named = prep_objects(trigger, "on", "against", "for", "in") + (
            prep_objects(trigger, "of") if trigger.lemma_.lower() == "battle" else [])
        if trigger.dep_ == "nsubj":
            named += prep_objects(governor, "on", "against")  # "an offensive is underway against X"
        if under_way and governor.pos_ == "VERB":
            named += prep_objects(governor, "in")  # "launches an offensive ... in the province of Hasaka"
        # "an offensive against Islamic State forces in the province of Hasaka"
        named += [p for t in named if ctx.actors_in(t) for p in prep_objects(t, "in", "around", "near")]
        places, vague = places_of(ctx, targets + named)
        if not under_way:
            # an operation "to retake Ramadi" that no verb puts under way may be a plan
            # ("precedes major ground operations to retake Ramadi"); one on a named place is not
            places, vague = places_of(ctx, named)
            if not places:
                return None  # "a military operation", "the battle against extremism"
        if governor.pos_ in ("VERB", "AUX") and (verb != "begin" or trigger.dep_ != "nsubj"):
            subject = subject_of(governor)
            gaining = _actors_of(ctx, [subject]) if subject is not None else []
        gaining += [a for a in _actors_of(ctx, [c for c in trigger.children if c.dep_ == "poss"]) if a not in gaining]
        vague = vague or not places
    elif frame == "victory":
        # "declared victory over the Islamic State in Mosul"
        if trigger.head.lemma_.lower() not in ("declare", "claim", "announce", "proclaim"):
            return None
        losing = _actors_of(ctx, prep_objects(trigger, "over", "against"))
        places, vague = places_of(ctx, prep_objects(trigger, "in", "at") + prep_objects(trigger.head, "in", "at"))
        if not losing or not places:
            return None
        gaining = [a for a in dict.fromkeys(ctx.token_actor[t.i] for t in sent if t.i in ctx.token_actor)
                   if actors().get(a) and actors()[a].kind in ("state_force", "coalition")]
    elif frame == "enter":
        lemma = trigger.lemma_.lower()
        if lemma == "clear" and trigger.tag_ != "VBG":
            return None
        if lemma == "fight":
            targets = prep_objects(trigger, "into")
            targets += [p for c in _objects(trigger) for p in prep_objects(c, "into")]
            if not targets and trigger.dep_ == "relcl" and any(c.lower_ == "where" for c in trigger.children):
                targets = [trigger.head]
            if not targets:
                return None
        elif lemma == "break":
            targets = prep_objects(trigger, "into")
        elif lemma == "advance":
            # "advance north towards ISIL-held Qayyarah": the direction word may carry the "towards"
            heads = [trigger] + [c for c in trigger.children if c.dep_ == "advmod"]
            targets = [p for h in heads for p in prep_objects(h, "towards", "toward", "on", "into")]
        else:
            targets = _objects(trigger) + prep_objects(trigger, "into")
        places, vague = places_of(ctx, targets)
        if not places:
            return None
        subject = subject_of(trigger)
        gaining = _actors_of(ctx, [subject]) if subject is not None else []
    else:
        return None
    explicit = bool(places)
    if not places:
        place = fallback_place(ctx, sent, focus, vague=vague)
        if place is None:
            return None
        places = [place]
    return places, gaining, losing, explicit


def _change(cue: dict, trigger: Token, place: Mention, gaining: list[str], losing: list[str]) -> str:
    frame = cue["frame"]
    if frame == "besiege":
        return "besieged"
    if frame in ("offensive", "enter"):
        return "under_offensive"
    if gaining:
        # Read from the armed group's side, as the map of who holds what needs it: what the
        # group takes is captured (its "recapture" of Palmyra too), what is taken from it is
        # retaken, whoever takes it (Iraqi forces, the SDF, Kurdish fighters).
        if any(_is_org_side(a) for a in gaining):
            return "captured"
        if any(_is_org_side(a) for a in losing):
            return "retaken"
        # a state's forces "liberating" a town take it back from whoever held it ("the army
        # declared Ramadi liberated"; territory summaries' changes unchanged, 55 of 55 right)
        again = cue.get("again") or cue.get("liberate") or any(c.lower_ in ("again", "back") for c in trigger.children)
        return "retaken" if again else "captured"
    # "Tikrit had been liberated", "Iraqi forces retook ...": taken back, by a side not named here;
    # "following the capture of the Great Mosque" from the group: taken from it (by whoever) is
    # retaken, as above; only its giving up ("lost", "withdrew") with no taker is lost
    if cue.get("again") or cue.get("liberate") or (frame in ("take", "drive_out")
                                                   and any(_is_org_side(a) for a in losing)):
        return "retaken"
    return "lost"


def _present(token: Token) -> bool:
    """Told in the present or present perfect: "are besieged", "have retaken", "are fighting"."""
    if token.tag_ in ("VBZ", "VBP"):
        return True
    if token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp") and token.head.i != token.i:
        return _present(token.head)  # "continue to seize ..., taking over several cities"
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in token.children)


def _is_org_side(actor_id: str) -> bool:
    actor = actors().get(actor_id)
    return actor is not None and actor.kind == "organisation"


def frames_in(ctx: DocContext) -> list[TerritoryFrame]:
    """Every territory frame of an article, in text order, one per place."""
    frames: list[TerritoryFrame] = []
    focus: Mention | None = None
    for sent in ctx.doc.sents:
        for token in sent:
            cue = cue_of(token, "territory")
            if cue is None:
                continue
            if token.lemma_.lower() == "clear" and any(c.lower_ == "out" for c in token.children):
                # "cleared ISIS out of several villages": a driving out, not an entry
                cue = {**cue, "frame": "drive_out", "liberate": True}
            # "an offensive to retake Mosul": the purpose, not the deed ("lose" frames excepted)
            modality = deed_modality(token, infinitive_ok=cue["frame"] == "lose" or (
                token.dep_ == "xcomp" and token.head.lemma_.lower() in _ASPECT
                and not any(c.dep_ == "dobj" for c in token.head.children)))
            if modality is None:
                continue
            if any(a.lemma_.lower() in _INTENT for a in list(token.ancestors)[:3]):
                continue  # "which he wants retaken before the end of the year", "expect to retake"
            args = _arguments(ctx, token, cue, focus)
            if args is None:
                continue
            places, gaining, losing, _explicit = args
            if cue["frame"] in ("take", "control", "drive_out", "besiege", "offensive", "enter") and not losing and ctx.main_org:
                if not any(_family(g) == _family(ctx.main_org) for g in gaining):
                    losing = [ctx.main_org]
            if cue["frame"] in ("fall", "lose", "withdraw") and not losing and not any(
                    _family(g) == _family(ctx.main_org) for g in gaining) and ctx.main_org:
                losing = [ctx.main_org]
            if not gaining and cue["frame"] in ("besiege", "offensive", "enter"):
                previous = next((f for f in reversed(frames) if f.gaining and f.place.place.canonical in
                                 {p.place.canonical for p in places}), None)
                if previous is not None:
                    gaining = [a for a, _ in previous.gaining]
            gaining = [g for g in gaining if g not in losing]
            if not gaining and not losing and places and cue["frame"] in ("take", "control", "drive_out"):
                # "the Iraqi government recaptures the compound in Fallujah": no organisation named
                force = _generic_force(ctx, token, places[0])
                gaining = [force] if force else []
            if not gaining and not losing:
                continue
            if not any(_is_org_side(a) for a in gaining + losing) and not (
                    cue["frame"] in ("take", "control") and gaining):
                # a siege or offensive between states is outside the map of the armed groups; a
                # taking by a named side stays ("the Iraqi army took Kirkuk from the Kurds")
                continue
            owners = ()
            if cue["frame"] == "offensive":
                # "launched an offensive to retake Mosul on Monday": the purpose verb's date
                owners = tuple(c for v in (token, token.head) for c in v.children
                               if c.dep_ in ("advcl", "xcomp", "acl") and c.pos_ == "VERB")
            date = clause_date(token, ctx.article, allow_since=cue["frame"] in ("offensive", "enter"), owners=owners,
                               other_relatives=False)
            present = _present(token)
            for place in places:
                if place.place.precision > 2:
                    continue  # a country is not a place that changes hands in one event
                if not ctx.country_supported(place) and not any(
                        p is not place and p.place.country == place.place.country for p in places):
                    # "the Old City" read as Jerusalem's in a story about Mosul; a town of a
                    # list is supported by the list's other towns
                    continue
                taker = gaining
                if not gaining and cue["frame"] in ("take", "control", "offensive", "enter", "besiege", "drive_out"):
                    force = _generic_force(ctx, token, place)
                    taker = [force] if force and force not in losing else []
                change = _change(cue, token, place, taker, losing)
                frames.append(TerritoryFrame(
                    sentence=sent, trigger=token, place=place, change=change, modality=modality,
                    gaining=_refs(ctx, taker, token), losing=_refs(ctx, losing, token), date=date,
                    tense_present=present,
                ))
                focus = place
    return frames
