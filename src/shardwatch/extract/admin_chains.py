"""Places written with the regions they lie in: "Posso (Titao, Loroum)", "in Rosales,
Chihuahua", "at Taung Bway, Kyauktaw Township, Rakhine State".

Conflict monitors (ACLED's notes, wire copy from small places) name a village, then its
district and province. The village is often too small for the gazetteer, or shares its name
with a bigger place elsewhere (Posso is also Poso, Indonesia; Kain is also a Belgian town), but
the province almost always resolves, and says the country. So a chain is read from its top:

1. find the chains: a name before an administrative parenthesis, and a name after a preposition
   of place followed by one to three ", Name" (not a list: no "and" after it);
2. the country: that of the largest unit the gazetteer knows as a region (read from the last
   name back), else the one country every known name of the chain can lie in;
3. each name of the chain resolved in that country; the first, when the gazetteer has no place
   of its name there, kept as written in that country, without coordinates.

Chosen on the ACLED tuning part (``i % 9 != 4``; scripts/eval_events.py): most country errors
of notes with such a chain were the first name resolved elsewhere, or not resolved at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from shardwatch.extract.gazetteer import Gazetteer, km_between, normalise_name, region_name
from shardwatch.extract.place_names import bare_written
from shardwatch.types import Place

# a name of capitalised words, with the lower-case joiners of Spanish, Portuguese, French and
# Arabic names ("Norte de Santander", "Valle del Cauca"); a dangling joiner is not taken
_NAME = r"[A-Z][\w'&\-]*(?:[ -](?:(?:de|del|de la|da|do|dos|das|di|du|des|la|le|el|al) )?[A-Z][\w'\-]*){0,3}"
# "(Budgam district, J&K)": a unit's kind word may follow its name in the brackets
_UNIT_NAME = _NAME + r"(?: (?:district|province|state|region|county|division|governorate))?"
ADMIN_PARENS = re.compile(r"\((?P<inner>" + _UNIT_NAME + r"(?:,\s*" + _UNIT_NAME + r"){0,3})\)")
# "Kipulu village (Shabunda, Sud-Kivu)": the kind word may stand between name and bracket
_BEFORE_PARENS = re.compile(r"([A-Z][\w'\-]*(?:[ -][A-Z][\w'\-]*){0,2})(?: (?:village|town|city|area|camp|market|commune|hill|locality|district|county|sector|settlement|"
                            r"neighbou?rhood))?$")
_RESPELT = re.compile(r"\[([A-Z][\w'\-]*(?: [A-Z][\w'\-]*){0,2})\]$")
# "in Nawa-e Barakzayi district, Helmand": the first name's kind word may stand before the comma,
# and each region's after its name ("Zhob district, Balochistan province, Pakistan"). Without it
# the chain was lost and the district's first word ("Nawa", the tagger's name) placed the attack
# at Naha, Japan. ACLED tuning part (i % 9 != 4): country 2,128 -> 2,132 of 2,321, place 2,003 ->
# 2,007 of 2,299 (14 notes' places won, 3 lost, 2 of them unsure); incidents dev residues 0-3 place
# 2,478 -> 2,477 of 2,762 ("Meghalaya's East Garo Hills district, India" took the possessor in).
# Keeping a district's kind word in the first name and dropping a tagger's name inside a chain's
# was tried after: ACLED place 2,007 -> 2,004 (municipalities read as regions lose to finer places).
_FIRST_KIND = r"(?: (?:district|province|county|municipality|tehsil|upazila|sub-district|village|town|city|area))?"
_COMMA_CHAIN = re.compile(r"(?<![\w'\-])(?P<first>" + _NAME + r")" + _FIRST_KIND
                          + r"(?P<rest>(?:,\s*" + _UNIT_NAME + r"){1,3})")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|around|of|from)\s+(?:the\s+)?$", re.I)
_LIST_AFTER = re.compile(r",?\s+(?:and|or)\b")
_BETWEEN_PAIR = re.compile(r"\bbetween (?:the )?(?:(?:villages?|towns?|localities) of )?(" + _NAME + r") and (?:the )?$")


@dataclass(frozen=True)
class Chain:
    """A place name and the names of the regions it lies in, smallest first."""

    first: Span
    inner: tuple[Span, ...]
    bracketed: bool  # "Posso (Titao, Loroum)", not "Rosales, Chihuahua"


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def chains(doc: Doc) -> list[Chain]:
    """Every administrative chain of the text (step 1)."""
    text = doc.text
    found: list[Chain] = []
    for match in ADMIN_PARENS.finditer(text):
        before = match.start()
        while before > 0 and text[before - 1] == " ":
            before -= 1
        # "Kobongo [Kobango] (Fada Ngourma, Gourma)": the monitor's own spelling in
        # square brackets is the name the chain places (ACLED tuning residue 1: country 68.0 -> 68.8,
        # place 57.8 -> 58.6)
        spelled = _RESPELT.search(text, 0, before)
        word = spelled or _BEFORE_PARENS.search(text, 0, before)
        inner = _names(doc, match.group("inner"), match.start("inner"))
        if any(_acronym(span.text) for span in inner) or len(inner) == 1 and _initials(inner[0].text, text[:before]):
            continue  # "Awami League (AL)", "volunteer fighters (VDP)", "the Line of Control (LoC)": a name's short form
        if word and inner:
            first = _span(doc, word.start(1), word.end(1))
            if first is not None and _name_word(first[0]):
                found.append(Chain(first, inner, True))
                # "between Nongoudoum and Banh (Banh, Loroum)": the road's first end lies in the
                # chain's region too (the place a monitor codes such an event to, attack_places)
                pair = _BETWEEN_PAIR.search(text, 0, first.start_char)
                other = pair and _span(doc, pair.start(1), pair.end(1))
                if other is not None and other and _name_word(other[0]):
                    found.append(Chain(other, inner, True))
    for match in _COMMA_CHAIN.finditer(text):
        if not _LOCATIVE_BEFORE.search(text, 0, match.start()) or _LIST_AFTER.match(text, match.end()):
            continue
        first = _span(doc, match.start("first"), match.end("first"))
        inner = _names(doc, match.group("rest"), match.start("rest"))
        if first is not None and inner:
            found.append(Chain(first, inner, False))
    return found


def _name_word(token) -> bool:
    """A proper name's first word: the tagger's proper noun, or a capitalised word inside the
    sentence it read as a common noun ("attacked the gendarmerie in Dablo (Sanmatenga)": Dablo a
    NOUN, its chain lost, and the village with it). With the readings of mentions and
    attack_places of the same commit, on ACLED's tuning attack notes (lines i % 9 != 4 that expect
    an attack, 2,887): country 73.7 -> 73.9, place 64.3 -> 81.1."""
    return token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.text[:1].isupper() and not token.is_sent_start


def _acronym(name: str) -> bool:
    return name.isupper() and len(name) <= 6 and "&" not in name  # not "J&K", Jammu and Kashmir


def _initials(name: str, before: str) -> bool:
    """"LoC" after "the Line of Control": the initials of the words before the bracket, in any
    case (a short form in mixed case, which ``_acronym`` does not see; as a region it had placed
    Kashmir's border firing in Vietnam, "Loc" being an alternate name of Binh Long: incidents dev
    tuning residues 0-3, one report's country and place won, none lost; ACLED tuning part unchanged,
    its 32 notes of the Line of Control being scored as neither attack nor none)."""
    words = before.split()
    return " " not in name and 2 <= len(name) <= len(words) \
        and name.lower() == "".join(word[0] for word in words[-len(name):]).lower()


def _names(doc: Doc, listed: str, offset: int) -> tuple[Span, ...]:
    spans = []
    for piece in re.finditer(r"[^,]+", listed):
        name = piece.group(0).strip()
        if not name:
            continue
        start = offset + piece.start() + piece.group(0).index(name)
        span = _span(doc, start, start + len(name))
        if span is not None:
            spans.append(span)
    return tuple(spans)


def region_lookup(name: str) -> str:
    """The name to look a chain's region up by: "Loroum" -> "Loroum region" (a region of the
    name first), "Rakhine State" as it is."""
    return name if region_name(name) else f"{name} region"


def chain_country(gazetteer: Gazetteer, chain: Chain) -> str | None:
    """The chain's country (step 2), or None when its names do not agree on one."""
    for span in reversed(chain.inner):
        code = gazetteer.country_of(span.text)
        if code:
            return code
        regional = {p.country for p in gazetteer.candidates(region_lookup(span.text))
                    if p.precision == 2 and p.country}
        if len(regional) == 1:
            return next(iter(regional))
        if regional:
            break
    known = [{p.country for p in gazetteer.candidates(region_lookup(s.text)) if p.country} for s in chain.inner]
    known = [k for k in known if k]
    if not known:
        return None
    common = set.intersection(*known)
    return next(iter(common)) if len(common) == 1 else None


# How far from every located unit of its chain a place of the first name may lie and still be
# the one meant; see _elsewhere.
CHAIN_KM = 150


def _elsewhere(place: Place, inner: list[Place]) -> bool:
    """The first name's place lies in none of the regions its chain names, and far from all of
    them: "near Vodyane, Donetsk" is not the Vodiane of Zaporizhia, 1,000 km away (no place of the
    name lies in Donetsk oblast in GeoNames), so the name is kept as written and place_coordinates
    shows it at the oblast. Both tests are needed: GeoNames' regions are spelt otherwise than the
    chain's ("Lowgar" for Logar, "Muhafazat al Bayda'" for Al Bayda). ACLED's tuning attack notes
    (i % 9 != 4, 2,299 with gold coordinates), by the region's name alone: within 100 km of the
    gold 1,574 -> 1,602 but within 25 km 995 -> 988 (Afghan and Yemeni districts); with CHAIN_KM
    (150, not swept) too, and the corpus's countries given their point (resolve/countries): within
    100 km 1,574 -> 1,632, within 25 km 995 -> 1,004 (one lost: a municipality NER read as a town).
    Incidents residues 0-3 within 25 km 1,119 -> 1,120 of 1,182."""
    named = {normalise_name(p.admin1) for p in inner if p.admin1}
    if not named or place.precision != 1 or normalise_name(place.admin1 or "") in named:
        return False
    distances = [d for p in inner if (d := km_between(place, p)) is not None]
    return bool(distances) and min(distances) > CHAIN_KM


def chain_places(gazetteer: Gazetteer, chain: Chain, country: str, regions: set[str]
                 ) -> dict[tuple[int, int], Place]:
    """The places of a chain's names (step 3), by character bounds."""
    places: dict[tuple[int, int], Place] = {}
    for span in chain.inner:
        place = gazetteer.resolve(region_lookup(span.text), context={country}, regions=regions)
        if place is not None and place.country == country:
            places[(span.start_char, span.end_char)] = place
    name = chain.first.text
    place = gazetteer.resolve(name, context={country}, regions=regions)
    if place is None or place.country != country or _elsewhere(place, list(places.values())):
        place = Place(name=name, canonical=bare_written(name), country=country, lat=None, lon=None,
                      gazetteer_id=None, precision=1)
    places[(chain.first.start_char, chain.first.end_char)] = place
    return places
