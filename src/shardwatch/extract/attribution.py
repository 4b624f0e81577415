"""Who says so: the claimant of a figure and the speaker of a quote.

1. A reporting verb above the figure in the parse ("American intelligence agencies estimate
   that ...", "said Brett McGurk, the U.S. envoy", "told reporters that ...") gives its
   subject; a report or figures as subject give their author ("a report ... by the Soufan
   Center", "a Congressional Research Service report").
2. Else "according to X" in the sentence gives X.
3. The subject becomes a ``Claimant``: a person (name without titles; titles and an
   apposition are the role), an organisation, or a group named by a common noun ("US
   officials"). Pronouns go to the last speaker of the right kind; a bare surname or "the
   general" goes to the person of the article it names.
4. Nothing found: the claimant is the publisher (decided by the caller).

``Speakers`` keeps the article's speakers in text order; it is what makes pronouns and
surnames resolvable, so one instance walks one article from start to end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.tokens import Span, Token

from shardwatch.data import load_jsonl
from shardwatch.extract.mentions import actor_of
from shardwatch.types import Claimant

# NP children that are not part of the speaker's name: clauses, appositions, lists.
_CUT_DEPS = {"appos", "relcl", "acl", "punct", "advcl", "cc", "conj", "parataxis"}
_PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "they": "group",
             "them": "group", "it": "organisation", "we": "any", "i": "any"}


@cache
def cues(kind: str) -> frozenset[str]:
    """Lemmas of one kind from ``data/claim_cues.jsonl``."""
    return frozenset(r["lemma"] for r in load_jsonl("claim_cues.jsonl") if r["kind"] == kind and "lemma" in r)


@cache
def speech_verbs() -> frozenset[str]:
    return frozenset(r["lemma"] for r in load_jsonl("claim_cues.jsonl")
                     if r["kind"] == "reporting_verb" and r.get("speech"))


def _strip_the(text: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(text.split()).strip(" ,;:"), flags=re.I)


def _role_text(text: str) -> str:
    """A role as the text gives it, without its article: "a senior fellow at X" -> "senior fellow at X"."""
    return re.sub(r"^(?:the|a|an)\s+", "", " ".join(text.split()).strip(" ,;:"), flags=re.I)


def noun_phrase(head: Token) -> list[Token]:
    """The tokens of the phrase a noun heads, without clauses, appositions or coordination."""
    keep = [head]
    for child in head.children:
        if child.dep_ in _CUT_DEPS:
            continue
        keep.extend(noun_phrase(child) if child.dep_ not in ("prep",) else child.subtree)
    return sorted(keep, key=lambda t: t.i)


def _phrase_text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i: tokens[-1].i + 1].text


def _ents_in(tokens: list[Token], labels: set[str]) -> list[Span]:
    if not tokens:
        return []
    lo, hi = tokens[0].i, tokens[-1].i
    # overlap, not containment: a misparse can split a name ("Haider al" + "-Abadi")
    return [e for e in tokens[0].doc.ents if e.label_ in labels and e.start <= hi and e.end - 1 >= lo]


@dataclass
class Speakers:
    """The speakers an article has named so far, for pronouns and surnames."""

    people: dict[str, Claimant] = field(default_factory=dict)  # full name -> claimant
    main_org: Claimant | None = None  # what "the group" means in this article
    last_person: Claimant | None = None
    last_group: Claimant | None = None
    last_org: Claimant | None = None
    last_any: Claimant | None = None

    def note(self, claimant: Claimant) -> Claimant:
        """Remember a speaker; returns the canonical form (a surname becomes the full name)."""
        if claimant.kind == "person" and claimant.name:
            claimant = self._canonical(claimant)
            if claimant.actor_id and claimant.actor_id.startswith("person:") or " " in claimant.name:
                known = self.people.get(claimant.name)
                if known is None or (claimant.role and not known.role):
                    self.people[claimant.name] = claimant
            self.last_person = claimant
        elif claimant.kind == "organisation":
            self.last_org = claimant
        elif claimant.kind == "group":
            self.last_group = claimant
        if claimant.kind != "publisher":
            self.last_any = claimant
        return claimant

    def _canonical(self, claimant: Claimant) -> Claimant:
        name = claimant.name or ""
        if name in self.people:
            known = self.people[name]
            return replace(known, role=claimant.role or known.role)
        for full, known in self.people.items():
            if " " not in name and full.split()[-1] == name:
                return replace(known, role=claimant.role or known.role)
        return claimant

    def by_surname(self, name: str) -> Claimant | None:
        for full, known in self.people.items():
            if full != name and full.split()[-1] == name:
                return known
        return None

    def by_role_word(self, word: str) -> Claimant | None:
        """The named person whose role has this word: "the general" is Lieutenant General X."""
        for known in reversed(list(self.people.values())):
            if known.role and re.search(rf"\b{re.escape(word)}\b", known.role, re.I):
                return known
        return None

    def pronoun(self, word: str) -> Claimant | None:
        kind = _PRONOUNS.get(word.lower())
        if kind == "person":
            return self.last_person
        if kind == "group":
            return self.last_group or self.last_org or self.last_any
        if kind == "organisation":
            return self.last_org or self.last_group
        return self.last_any


def _person_claimant(ent: Span, np: list[Token], head: Token) -> Claimant:
    titles = cues("title")
    tokens = list(ent)
    role_words = [t for t in np if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod", "poss", "case")
                  and t.lower_ not in ("the", "a", "an")]
    while tokens and tokens[0].lower_ in titles:
        role_words.append(tokens.pop(0))
    name = ent.doc[tokens[0].i: ent.end].text if tokens else ent.text
    actor = actor_of(ent)
    appos = [c for c in head.children if c.dep_ == "appos"]
    for token in ent:
        appos += [c for c in token.children if c.dep_ == "appos" and c not in appos]
    role_parts = []
    if role_words:
        role_parts.append(_phrase_text(sorted(role_words, key=lambda t: t.i)).strip(" ,"))
    for a in appos:
        role_parts.append(_role_text(_phrase_text([t for t in a.subtree if not (t.dep_ == "punct" and t.i == a.right_edge.i)])))
    for sibling in head.head.children if head.dep_ in ("nsubj", "nsubjpass") else ():
        if sibling.i > head.i and sibling.dep_ == head.dep_ and sibling.pos_ == "NOUN":
            role_parts.append(_role_text(" ".join(t.text for t in sibling.subtree if t.dep_ != "punct")))
    role = ", ".join(p for p in role_parts if p) or (actor.role if actor else None)
    if actor is not None:
        return Claimant(actor.name, role, "person", actor.id)
    return Claimant(name, role, "person", "person:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"))


def claimant_of_np(head: Token, speakers: Speakers) -> Claimant | None:
    """The claimant a subject noun phrase names, resolved against the article's speakers."""
    if head.lower_ in _PRONOUNS or head.pos_ == "PRON":
        return speakers.pronoun(head.lower_)
    np = noun_phrase(head)
    if head.pos_ == "PROPN" and len(np) == 1 and speakers.by_surname(head.text) is not None:
        return speakers.note(speakers.by_surname(head.text))  # "MacFarland said"
    if (speakers.main_org is not None and head.lemma_.lower() in ("group", "organisation", "organization", "militant", "jihadist")
            and any(t.lower_ == "the" for t in np) and len(np) <= 2):
        return speakers.note(speakers.main_org)  # "the group said"
    people = _ents_in(np, {"PERSON"})
    if people:
        return speakers.note(_person_claimant(people[0], np, head))
    for child in head.children:
        if child.dep_ == "appos":
            named = _ents_in(list(child.subtree), {"PERSON"})
            if named:  # "the director of national intelligence, James Clapper,"
                person = _person_claimant(named[0], list(named[0]), named[0].root)
                role = _role_text(_phrase_text(np))
                return speakers.note(Claimant(person.name, role, "person", person.actor_id))
    if (head.tag_ == "NNS" and head.lemma_.lower() in ("analyst", "researcher", "expert", "monitor")
            and len(np) <= 2 and np[0].lower_ == "the" and speakers.last_org is not None):
        return speakers.note(speakers.last_org)  # "the analysts estimated", after "IHS said"
    if head.lemma_.lower() in cues("document_noun"):
        # "a report by the Soufan Center", "figures published by IHS", "a CRS report"
        authors = _ents_in(list(head.subtree), {"ORG", "PERSON"})
        if authors:
            author = authors[0]
            if author.label_ == "PERSON":
                return speakers.note(_person_claimant(author, list(author), author.root))
            return speakers.note(_org_claimant(author))
        for child in head.children:
            if child.dep_ in ("relcl", "acl"):
                subject = subject_of(child)
                if subject is not None and subject.i != head.i:
                    return claimant_of_np(subject, speakers)  # "the assessment he submitted"
        named = [t for t in np if t.ent_type_ in ("NORP", "ORG", "GPE") or t.pos_ == "PROPN"]
        if named:  # "earlier American estimates": the estimates of that country's officials
            words = [t.text for t in np if t.lower_ not in ("the", "a", "an", "earlier", "previous", "latest", "new", "own")]
            return speakers.note(Claimant(" ".join(words), None, "group", None))
        return None
    orgs = [e for e in _ents_in(np, {"ORG"}) if e.root.i == head.i or head.i in range(e.start, e.end)]
    if orgs:
        return speakers.note(_org_claimant(orgs[0]))
    if head.pos_ == "PROPN":
        ents = _ents_in(np, {"ORG", "GPE", "NORP"})
        if ents and ents[-1].end - 1 == head.i:
            return speakers.note(_org_claimant(ents[-1]))
        names = [t for t in np if t.pos_ == "PROPN" or (t.i > np[0].i and t.is_title)]
        if names and not _ents_in(np, {"PERSON"}):
            # an organisation the model did not tag: "The IHS Conflict Monitor estimated"
            return speakers.note(Claimant(_strip_the(_phrase_text(np)), None, "organisation", None))
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.tag_ in ("NN", "NNP") and head.lemma_.lower() in cues("title") | {"official", "analyst", "expert", "source", "diplomat", "researcher", "general", "commander", "spokesman", "spokeswoman", "officer", "minister"}:
        named = speakers.by_role_word(head.lemma_.lower())
        if named is not None and any(t.lower_ == "the" for t in np):
            return named
    text = _phrase_text(np)
    lemma = head.lemma_.lower()
    if head.tag_ in ("NNS", "NNPS") or lemma in ("police", "authorities"):
        kind = "group"
    elif lemma in cues("org_noun") or head.pos_ == "PROPN":
        kind = "organisation"
    elif lemma in cues("human_noun") or lemma in cues("title"):
        kind = "person"  # "an analyst in London", "a resident", "the head of the FSB"
    else:
        return None  # "the pattern suggested": not a speaker
    return speakers.note(Claimant(_strip_the(text), None, kind, None))


def _org_claimant(ent: Span) -> Claimant:
    actor = actor_of(ent)
    name = re.sub(r"^(?:a|an)\s+", "", _strip_the(ent.text), flags=re.I)
    return Claimant(name, None, "organisation", actor.id if actor else None)


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or the agent of a passive ("figures published by IHS"), or the
    noun a participle hangs from ("The Soufan Group, a consultancy, estimated ..." misparsed)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN") and any(c.dep_ == "ccomp" for c in verb.children):
        return verb.head
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


# How a statement hangs from the verb that reports it: "said [that X]" (ccomp), "X, he said"
# (parataxis), "estimated [X]" (dobj), "put the number at X" (prep, for the verbs that take one).
_REPORTED_VIA = {"ccomp", "xcomp", "parataxis", "dobj", "conj", "advcl", "nsubj", "nsubjpass", "oprd", "attr"}
_PREP_VERBS = {"put", "place", "peg", "estimate", "count", "calculate", "give"}


def reporting_verb_above(token: Token) -> Token | None:
    """The nearest reporting verb that governs the token's clause, if any."""
    verbs = cues("reporting_verb")
    node = token
    while node.head.i != node.i:
        child, node = node, node.head
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in verbs and subject_of(node) is not None:
            lemma = node.lemma_.lower()
            if child.dep_ in _REPORTED_VIA or (child.dep_ in ("prep", "dative") and lemma in _PREP_VERBS):
                if not (lemma == "claim" and any(c.lemma_.lower() in ("responsibility", "credit") for c in node.children)):
                    return node
    # "..., the general said": the reporting verb is the root and the claim a parataxis or ccomp
    root = token.sent.root
    top = token
    while top.head.i != top.i and top.head.i != root.i:
        top = top.head
    if (root.lemma_.lower() in verbs and root.i != token.i and subject_of(root) is not None
            and top.dep_ in ("ccomp", "parataxis")):
        return root
    # "X have travelled to Syria ..., the director ... told the committee": a misparsed conj
    for child in root.children:
        if (child.dep_ == "conj" and child.lemma_.lower() in speech_verbs() and child.i > token.i
                and subject_of(child) is not None and not child.left_edge.i <= token.i <= child.right_edge.i):
            return child
    return None


def according_to(sent: Span) -> Token | None:
    """The head noun of X in "according to X", if the sentence has one."""
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            for child in token.doc[token.i + 1].children:
                if child.dep_ == "pobj":
                    return child
            for child in token.children:
                if child.dep_ == "prep":
                    for grand in child.children:
                        if grand.dep_ == "pobj":
                            return grand
    return None


def _extent(token: Token) -> tuple[int, int]:
    """Characters of a claimant's phrase with its apposition ("X, a New York-based consultancy,")."""
    tokens = noun_phrase(token)
    for child in token.children:
        if child.dep_ == "appos":
            tokens += list(child.subtree)
    last = max(tokens, key=lambda t: t.i)
    return min(t.idx for t in tokens), last.idx + len(last)


def claimant_for(token: Token, speakers: Speakers) -> tuple[Claimant | None, Token | None, tuple[int, int] | None]:
    """The claimant of the statement the token is in, the reporting verb that names it (if
    any), and the character extent of the claimant's phrase (places there are not the scope)."""
    verb = reporting_verb_above(token)
    if verb is not None:
        subject = subject_of(verb)
        extent = _extent(subject) if subject is not None else None
        if subject is not None and not (extent[0] <= token.idx < extent[1]):
            claimant = claimant_of_np(subject, speakers)
            if claimant is not None:
                return claimant, verb, extent
    source = according_to(token.sent)
    if source is not None:
        claimant = claimant_of_np(source, speakers)
        if claimant is not None:
            return claimant, None, _extent(source)
    return None, verb, None


def register_sentence(sent: Span, speakers: Speakers) -> None:
    """Note the speakers a sentence names ("officials gave their own tally", "X briefed reporters")."""
    verbs = cues("reporting_verb")
    for token in sent:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in verbs:
            subject = subject_of(token)
            if subject is not None and subject.lower_ not in _PRONOUNS:
                claimant_of_np(subject, speakers)
        elif token.pos_ == "VERB":
            subject = subject_of(token)
            if subject is not None and subject.pos_ == "PROPN" and any(e.label_ == "PERSON" for e in token.doc.ents if e.start <= subject.i < e.end):
                claimant_of_np(subject, speakers)
