"""How reports write place names, read where NER's entities fall short (``mentions``).

NER cuts names ("Ismail Khan" of "Dera Ismail Khan"), takes nationality words for places and
places for nationalities, and a place kept as written carries its direction and kind words
("West Jatrabari", "Maskurpur village"). These helpers read such names whole.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from shardwatch.extract.gazetteer import get_gazetteer, region_name

DIRECTION = re.compile(r"^(?:west|east|north|south|western|eastern|northern|southern|central|north-west|"
                       r"north-east|south-west|south-east|northwest|northeast|southwest|southeast)\s+", re.I)
REGION_AFTER_WORDS = {"province", "district", "state", "governorate", "region", "county", "department",
                      "prefecture", "municipality", "division", "tehsil", "oblast", "upazila", "township",
                      "regency", "canton", "lga", "cercle", "taluka", "subdivision", "territory"}
THE = re.compile(r"^the\s+")
# The Arabic article a transliterated name keeps in lower case: "al-Bab", "el-Arish", "ar-Raqqa".
_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ed|er|es|et|ez)[-\s](?=[A-Z])")


def capitalised(name: str) -> bool:
    """The name is written as a proper name: "Mosul", "al-Bab" (not "the bush")."""
    return _ARTICLE.sub("", name)[:1].isupper()


def lower_article(name: str) -> bool:
    """The name begins with a lower-case Arabic article: "al-Bab", "el-Arish"."""
    return _ARTICLE.match(name) is not None

# Words that say what kind of place the name before them is ("Tral village", "Bosaso town").
PLACE_KINDS = {"village", "town", "city", "district", "province", "area", "locality", "hamlet", "region",
               "governorate", "municipality", "county", "township", "subdivision", "tehsil", "upazila",
               "department", "cercle", "commune", "prefecture", "regency", "taluka"}


# whole_name, PLACE_KINDS, the NORP and "called a place" readings below and nationality_words
# were chosen together on the incidents dev measuring part (country 90.4 -> 91.4, place 77.4 ->
# 78.8) and ACLED tuning residue 1 (country 65.2 -> 65.6, place 55.4 -> 56.6).
def whole_name(ent: Span) -> Span:
    """The entity with the capitalised words before it that belong to the same name: NER tags
    "Ismail Khan" of "in Dera Ismail Khan" as a person."""
    doc, start = ent.doc, ent.start
    while start > 0 and doc[start - 1].ent_iob_ == "O" and doc[start - 1].pos_ == "PROPN" \
            and doc[start - 1].text[:1].isupper() and doc[start - 1].dep_ == "compound" \
            and ent.start <= doc[start - 1].head.i < ent.end:
        start -= 1
    end = ent.end  # "in Dera Murad Jamali", of which NER tagged "Dera" alone
    # (not "Baku Metro bombings", whose words qualify a noun, nor "Hawija Town", a kind word)
    while end < len(doc) and doc[end].ent_iob_ == "O" and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
            and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end and doc[end - 1].head.pos_ == "PROPN" \
            and doc[end].lower_ not in PLACE_KINDS | REGION_AFTER_WORDS \
            and not (doc[end].dep_ == "compound" and doc[end].head.pos_ == "NOUN"):
        end += 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)


# Lower-case words inside a place's name: "Qala i Naw", "Pol-e Alam", "Djemaa el Fna", "Mocímboa da Praia".
_PARTICLES = {"i", "e", "el", "al", "ul", "ud", "ur", "da", "de", "del", "di", "do", "dos", "du"}
_HYPHENS = {"-"}  # not the dash of "the University of Wisconsin–Madison"
# A hyphen that joins two names of a road, a line or a border ("the Bijapur-Bhopalpatnam road")
# joins two places, not the words of one name.
_LINK_NOUNS = {"road", "highway", "route", "border", "axis", "pipeline", "railway", "line", "corridor", "bus",
               "train", "flight", "train", "motorway", "expressway", "crossing"}


def _name_word(token) -> bool:
    """A capitalised word that may be part of a place's name (not "The", a nationality word or
    a known actor's name)."""
    return token.is_alpha and token.text[:1].isupper() and token.lower_ != "the" \
        and not token.ent_id_.startswith("actor:") and token.lower_ not in get_gazetteer().demonyms \
        and not DIRECTION.match(token.text + " ")


def join_name(span: Span) -> Span:
    """The span with the words that belong to the same name on either side: NER and the parser
    cut names at hyphens and lower-case particles ("Rōd" of "the Surkh-Rōd district", "Awa" of
    "Furu-Awa", "Alam" of "Pol-e Alam", "Qala" of "Qala i Naw", "Shirqat" of "Al-Shirqat") and
    at a name's first word tagged apart ("Bai" of "the Tak Bai district"); the piece then
    resolved to a namesake abroad (Awa in Japan, Sava in Iran). Incidents dev tuning residues
    0-3: 29 reports placed by a piece of their place's name."""
    doc, start, end = span.doc, span.start, span.end
    while start > 0:
        before = doc[start - 1]
        if before.text in _HYPHENS and start >= 2 and not before.whitespace_ and not doc[start - 2].whitespace_ \
                and (_name_word(doc[start - 2]) or doc[start - 2].lower_ in _PARTICLES):
            start -= 2  # "Surkh-|Rōd", "Pol-e| Alam" (then "Pol")
        elif before.text in _PARTICLES and start >= 2 and (_name_word(doc[start - 2])
                                                           or doc[start - 2].text in _HYPHENS):
            start -= 1  # "Qala i| Naw", "Pol-e| Alam"
        elif _name_word(before) and before.pos_ == "PROPN" and before.dep_ in ("compound", "nmod") \
                and start <= before.head.i < end:
            start -= 1  # "Tak| Bai district", "Dahana| i Ghuri District"
        else:
            break
    while end < len(doc) - 1:
        after = doc[end]
        if after.text in _HYPHENS and not after.whitespace_ and not doc[end - 1].whitespace_ \
                and _name_word(doc[end + 1]):
            end += 2  # "Furu|-Awa"
        elif after.text in _PARTICLES and doc[end - 1].whitespace_ and after.whitespace_ \
                and _name_word(doc[end + 1]):
            end += 2  # "Qala| i Naw"
        else:
            break
    if end < len(doc) and doc[end].lower_ in _LINK_NOUNS and any(t.text in _HYPHENS for t in doc[start:end]) \
            and not any(t.text in _HYPHENS for t in span):
        return span  # "the Nazran-Magas highway": two towns a road joins
    while end - start > 1 and (doc[start].text in _PARTICLES and doc[start].whitespace_ or doc[start].text in _HYPHENS):
        start += 1  # "i Ghuri District" with no first word before it (not "al-Sabha")
    return span if (start, end) == (span.start, span.end) else doc[start:end]


# The words of a village's or a seat's unit that the gazetteer and the monitors leave out of the
# name: "Barangay Magdawat" is Magdawat, "Natore Sadar upazila" is Natore. ACLED tuning slices
# (i % 9 != 4) place +1.44, +0.73, +0.33, +0.71, 0, +0.69, +0.35, +0.34; incidents dev tuning
# residues 0-3 unchanged. "Barangay" is no region word of the gazetteer's lookup: "Barangay
# Marbel" in Matalam would become Koronadal, whose other name is Marbel (ACLED slice 3, 1 place lost).
VILLAGE_BEFORE = re.compile(r"^(?:barangay|brgy\.?)\s+(?=\S)", re.I)
SEAT_AFTER = re.compile(r"(?<=\S)\s+sadar$", re.I)
KIND_AFTER = re.compile(r"\s+(?:village|town|city|area|" + "|".join(sorted(REGION_AFTER_WORDS)) + r")$", re.I)


def bare_written(text: str) -> str:
    """The canonical name of a place kept as written: "West Jatrabari", "Maskurpur village" and
    "Dahana i Ghuri District" are Jatrabari, Maskurpur and Dahana i Ghuri (with "LGA" as a
    region word, ACLED tuning residue 1: place 56.6 -> 57.8; incidents dev measuring part
    unchanged). A Philippine "Barangay Taruk" is the village Taruk, and a Bangladeshi "Chandpur
    Sadar Upazila" the seat's subdistrict, Chandpur (``VILLAGE_BEFORE``, ``SEAT_AFTER``)."""
    bare = SEAT_AFTER.sub("", KIND_AFTER.sub("", VILLAGE_BEFORE.sub("", DIRECTION.sub("", THE.sub("", text)))))
    return bare or text


# Region words only: "Makhmur town" would hide the name the gazetteer spells otherwise ("Mexmur").
_KIND_WRITTEN_AFTER = re.compile(r" (?:" + "|".join(sorted(REGION_AFTER_WORDS)) + r")\b", re.I)


def with_kind_word(span: Span) -> str:
    """A place's name as the text writes it, with the region word after it and no article: "the
    Pama department" is "Pama department". The canonical name drops the word (the
    gazetteer's, or ``bare_written``), so a record carries both spellings a reader may look for:
    a list of incidents writes "Nduga Regency" and "Koro Cercle", another "Mafa" for "Mafa Local
    Government Area". Incidents dev tuning residues 0-3: 17 reports name their place so."""
    match = _KIND_WRITTEN_AFTER.match(span.doc.text, span.end_char)
    return THE.sub("", span.text) + (match.group() if match else "")


# People a country sends abroad: "Chadian peacekeepers" in Kidal, "two British tourists".
FOREIGN_HEADS = {"peacekeeper", "peacekeepers", "tourist", "tourists", "national", "nationals", "embassy",
                 "consulate", "diplomat", "diplomats", "expatriate", "expatriates", "contingent"}


def nationality_words(doc: Doc) -> list[tuple[Span, str]]:
    """Nationality words that say where a story is ("the Pakistani town of Hangu", "14 Pakistani
    soldiers near Miranshah"), with their country; not those of people sent abroad ("Chadian
    peacekeepers")."""
    demonyms = get_gazetteer().demonyms
    return [(e, demonyms[e.text.lower()]) for e in doc.ents if e.label_ == "NORP" and e.text.lower() in demonyms
            and not (e.root.head.i >= e.end and e.root.head.lower_ in FOREIGN_HEADS)]


_LGA = re.compile(r"^(?:the )?(?P<name>[A-Z][\w'\-]*(?: [A-Z][\w'\-]*)?) Local(?P<rest> [Gg]overnment [Aa]rea)?$")
_LGA_AFTER = re.compile(r" [Gg]overnment [Aa]rea\b")


def local_government_area(ent: Span) -> tuple[Span, str, str] | None:
    """"the Gwoza Local Government Area", which NER tags as one organisation (or cuts after
    "Local"): the name, looked up as the LGA (Nigeria's districts). Incidents dev measuring part
    (residue 3), where such reports were placed in their state: place 82.4 -> 82.7."""
    match = _LGA.match(ent.text)
    if match is None or not (match.group("rest") or _LGA_AFTER.match(ent.doc.text, ent.end_char)):
        return None
    span = ent.doc.char_span(ent.start_char + match.start("name"), ent.start_char + match.end("name"))
    return (span, "GPE", f"{span.text} lga") if span is not None else None


def between_second(ent: Span) -> bool:
    """The second name of "between X and Y" (X and Y the two ends of a road, as monitors write)."""
    head = ent.root.head
    return ent.root.dep_ == "conj" and head.dep_ == "pobj" and head.head.lower_ == "between"


# "Taji, 20 kilometers north of the capital", "the Al Tarmia district north of Baghdad": a name
# told from a landmark is a place's, whatever NER took it for (incidents dev tuning residues 0-3:
# place of 5 reports won, none lost; ACLED slice i % 9 == 0 unchanged)
TOLD_FROM = re.compile(r"(?: (?:village|town|area|district))?,? (?:(?:about|some|around) )?"
                       r"(?:\d+ ?(?:km|kilometers|kilometres|miles) )?(?:north|south|east|west)(?:-?(?:east|west))?"
                       r"(?:ern)? of\b", re.I)
# "(coded as Barsalogo at geoprecision 2)": the place a monitor's note says it was coded to
CODED_AS = re.compile(r"\bcoded as (?:the )?(?P<name>[A-Z][\w'\-]*(?: [A-Z][\w'\-]*){0,2})(?= at geo| \(|\)|\]|,|\.)")


def country_tail(text: str, gazetteer) -> tuple[str, str] | None:
    """("Madagali", "NG") for "Madagali Nigeria": a name whose last words are a country's."""
    words = text.split()
    for k in (5, 4, 3, 2, 1):  # "South Sudan" before "Sudan", "Democratic Republic of Congo" before "Congo"
        if len(words) <= k:
            continue
        place = gazetteer.resolve(" ".join(words[-k:]))
        if place is not None and place.precision == 3:
            # "Yendere in Burkina Faso", "the Far North of Cameroon" tagged as one name: the word
            # that joins the country is no part of the place's (it was kept as "Yendere in"; incidents
            # dev residue 0 place 85.51 -> 85.65, one report won; residues 1-3 unchanged)
            name = _JOINING_END.sub("", " ".join(words[:-k]))
            return (name, place.country) if name else None
    return None


_JOINING_END = re.compile(r"(?:,|\s+(?:in|of))$")


def region_tail(text: str, gazetteer) -> tuple[str, str] | None:
    """("Patikul", "PH") for "Patikul Sulu", ("Lago Puelo", "AR") for "Lago Puelo Chubut Province":
    a name the gazetteer lacks whose last words are a province only one country has, run into
    the name with no comma (incidents dev tuning residues 0-3: 6 reports had kept the whole as
    the place's name; ``mentions`` says which country the province may be of)."""
    words = text.split()
    for k in (3, 2, 1):
        if len(words) <= k or not words[-k][:1].isupper():
            continue
        tail = " ".join(words[-k:])
        countries = {p.country for p in gazetteer.candidates(f"{region_name(tail) or tail} region") if p.precision == 2}
        name = _JOINING_END.sub("", " ".join(words[:-k]))
        if len(countries) == 1 and name[:1].isupper():
            return name, countries.pop()
    return None


def joined_regions(doc: Doc, spans: list[tuple[Span, str, str]]) -> list[tuple[Span, str, str]]:
    """"Jammu and Kashmir", which NER tags as two places (the city of Jammu then beat the district
    the attack was in): two names joined by "and" that together name one country's region are
    that region. With the district rule of attack_places.best_place, of the same commit: incidents dev
    measuring part place 82.1 -> 83.0, residue 1 unchanged (83.2), ACLED tuning attack notes 81.25 -> 81.21."""
    out: list[tuple[Span, str, str]] = []
    for item in spans:
        span = item[0]
        if out and doc.text[out[-1][0].end_char: span.start_char] == " and ":
            joined = doc[out[-1][0].start: span.end]
            # the region word the second name carries is the whole's ("the Sistan and Baluchestan
            # province" was read as "Baluchestan province", a province of no country; incidents
            # dev residue 1 place 85.94 -> 86.09, one report won; residues 0, 2, 3 unchanged)
            bare = region_name(joined.text) or joined.text
            regions = {p.country for p in get_gazetteer().candidates(f"{bare} region") if p.precision == 2}
            if len(regions) == 1:
                out[-1] = (joined, "GPE", f"{bare} region")
                continue
        out.append(item)
    return out
