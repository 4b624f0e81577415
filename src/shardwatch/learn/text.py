"""Text as the role tagger sees it: glued sentences split, reference marks dropped, then lower-cased.

Web extractions sometimes glue a headline or a paragraph to the next sentence ("in SyriaThe
desert", "Al-Monitor reported.Major General"). A line break is put between them, which the
pipeline's ``paragraph_sentences`` turns into a sentence boundary. The tagger is trained on
MUC-4, which is lower-cased, so every text is lower-cased after the repair: the parse the
features come from then looks the same on cased and uncased input.
"""

from __future__ import annotations

import re

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
