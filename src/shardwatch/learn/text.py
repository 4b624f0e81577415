"""Text as the role tagger sees it: glued sentences split, reference marks dropped, then lower-cased.

Web extractions sometimes glue a headline or a paragraph to the next sentence ("in SyriaThe
desert", "Al-Monitor reported.Major General"). A line break is put between them, which the
pipeline's ``paragraph_sentences`` turns into a sentence boundary. The tagger is trained on
MUC-4, which is lower-cased, so every text is lower-cased after the repair: the parse the
features come from then looks the same on cased and uncased input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "reported.Major", "hands.” The" glued: sentence punctuation directly followed by a capital.
_GLUED_PUNCT = re.compile(r"(?<=[a-z0-9%)][.!?])(?=[A-Z“‘\"])|(?<=[.!?][”’\"])(?=[A-Z“‘])")
# "SyriaThe", "insurgentsRussia", "MosulISIS": a lower-case run of three letters or more, then
# a capitalised word or an acronym. Three letters spare "McDonald" and "iPhone"; a few brand
# names (JavaScript, macOS) pay for it.
_GLUED_WORD = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]|[A-Z]{2,}\b)")


# Wiki markup left in extracted text: section headings ("==Victims==") and list bullets glued
# to their neighbours ("Bomb*2015 attack"). Each becomes a line break.
_WIKI_MARKUP = re.compile(r"={2,}|(?<=\S)\*(?=\S)")
_BULLET = re.compile(r"^[ \t]*\*+[ \t]*", re.M)
# Wikipedia's reference marks: "wounded hundreds more.[4]", "[citation needed]".
_CITATION = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed|note \d+|nb \d+)\]", re.I)


def repair_glued(text: str) -> str:
    """``text`` with a line break wherever two sentences were glued without a space."""
    text = _WIKI_MARKUP.sub("\n", _BULLET.sub("", _CITATION.sub("", text)))
    return _GLUED_WORD.sub("\n", _GLUED_PUNCT.sub("\n", text))


def model_text(text: str) -> str:
    """The text the role tagger reads: glued sentences split, lower-cased."""
    return repair_glued(text).lower()


# Corpora of NLP research ship their text space-tokenised ("the U . S . Attorney", "a 21 - year
# - old", "King ' s Cross"), which spaCy parses worse than the news it came from, and unlike the
# text the attack-argument tagger was trained on (``scripts/roles_corpus.py`` detokenises
# WikiEvents train with ``detokenise``). No space before these tokens, none after those. A
# hyphen between two word characters joins them ("21-year-old").
_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?)\]}%”’']|'s|’s|n't|n’t|'re|’re|'ll|’ll|'ve|’ve|'d|’d|'m|’m)$")
_NO_SPACE_AFTER = re.compile(r"^[(\[{$“]$")
# Punctuation after a word: written with a space before it in tokenised text, without in news.
_SPACED_PUNCT = re.compile(r"\w [,.;:](?=\s|$)")
_GLUED_PUNCT_AFTER_WORD = re.compile(r"\w[,.;:](?=\s|$)")


def space_tokenised(text: str) -> bool:
    """Whether ``text`` is written as tokens with spaces between ("killed , he said ."): more of
    its commas and stops follow a space than follow a word. WikiEvents train: 205 of 206
    documents; its dev set, MUC-4, the incident reports and ACLED's notes: none."""
    spaced = len(_SPACED_PUNCT.findall(text))
    return spaced >= 3 and spaced > len(_GLUED_PUNCT_AFTER_WORD.findall(text))


def detokenise(text: str) -> tuple[str, list[int]]:
    """Return the text with the tokeniser's spaces taken out, and a map old offset -> new offset
    (one entry per character of the old text, plus one for its end)."""
    pieces = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    out: list[str] = []
    mapping = [0] * (len(text) + 1)  # spaces are filled in below
    pos = 0
    previous = None
    for index, (start, piece) in enumerate(pieces):
        if previous is not None:
            glue = (
                _NO_SPACE_BEFORE.match(piece)
                or _NO_SPACE_AFTER.match(previous)
                or (piece == "-" and previous[-1:].isalnum() and index + 1 < len(pieces)
                    and pieces[index + 1][1][:1].isalnum())
                or (previous == "-" and piece[:1].isalnum() and index >= 2
                    and pieces[index - 2][1][-1:].isalnum())
                or (previous in ("’", "'") and piece.lower() in ("s", "t", "re", "ll", "ve", "d", "m"))
                or (previous == "," and piece.isdigit() and len(piece) == 3 and index >= 2
                    and pieces[index - 2][1].isdigit())
            )
            if not glue:
                out.append(" ")
                pos += 1
        for offset in range(len(piece)):
            mapping[start + offset] = pos + offset
        pos += len(piece)
        mapping[start + len(piece)] = pos
        out.append(piece)
        previous = piece
    # Characters between pieces (the spaces) map to the position of the next piece.
    following = pos
    for i in range(len(text) - 1, -1, -1):
        if text[i].isspace():
            mapping[i] = following
        else:
            following = mapping[i]
    return "".join(out), mapping


@dataclass(frozen=True)
class Untokenised:
    """A space-tokenised text as news writes it, and the way back to the original's offsets."""

    original: str
    text: str
    mapping: list[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of ``text[start:end]``."""
        first = next((i for i, new in enumerate(self.mapping) if new >= start and not self.original[i:i + 1].isspace()),
                     len(self.original))
        last = max((i for i, new in enumerate(self.mapping[:-1]) if new < end and not self.original[i].isspace()),
                   default=first - 1)
        return first, max(last + 1, first)

    def original_mention(self, mention: str, near: int) -> tuple[str, int, int]:
        """``mention`` (found in ``text`` nearest ``near``) as the original writes it, with its
        original offsets; as it is, at the original of ``near``, when the text lacks it."""
        found = [m.start() for m in re.finditer(re.escape(mention), self.text)]
        if not found:
            start, end = self.original_span(near, near + 1)
            return mention, start, end
        at = min(found, key=lambda s: abs(s - near))
        start, end = self.original_span(at, at + len(mention))
        return self.original[start:end], start, end


def untokenise(text: str) -> Untokenised | None:
    """``text`` detokenised when it is space-tokenised (``space_tokenised``), else None."""
    if not space_tokenised(text):
        return None
    detokenised, mapping = detokenise(text)
    return Untokenised(text, detokenised, mapping)
