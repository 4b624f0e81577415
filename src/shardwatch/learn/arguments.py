"""Document-level fillers from the learned attack-argument tagger (``nlp.arguments``).

``document_roles`` turns the tagger's mentions in one document into ranked fillers, one per
entity, as the ``roles`` view reports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from shardwatch.nlp.arguments import argument_spans

LABEL_ROLES = {"PERPETRATOR": "perpetrator", "TARGET": "target", "WEAPON": "weapon", "PLACE": "place"}
# Mentions that are never fillers on their own, whatever the tagger says.
_UNFIT = frozenset(
    "he she they them it him his her its their who which that this these those one i we you us "
    "the a an".split()
)


@dataclass
class Filler:
    """One document-level filler: the entity's mentions, how often and how early it is named."""

    text: str
    count: int = 0
    first: int = 0
    forms: dict[str, int] = field(default_factory=dict)


def _key(text: str) -> str:
    """Mentions of one entity share their last word ("Naser Jason Abdo", "Abdo")."""
    words = text.lower().replace("’", "'").split()
    return words[-1] if words else ""


def document_roles(doc: Doc) -> dict[str, list[Filler]]:
    """The fillers of each role in a document the tagger has read, most often named first."""
    found: dict[str, dict[str, Filler]] = {role: {} for role in LABEL_ROLES.values()}
    for ent in argument_spans(doc):
        role = LABEL_ROLES.get(ent.label_)
        text = ent.text.strip()
        if role is None or not text or text.lower() in _UNFIT or not any(c.isalpha() for c in text):
            continue
        key = _key(text)
        filler = found[role].setdefault(key, Filler(text=text, first=ent.start_char))
        filler.count += 1
        filler.forms[text] = filler.forms.get(text, 0) + 1
    ranked: dict[str, list[Filler]] = {}
    for role, by_key in found.items():
        for filler in by_key.values():
            # The form named most often, the longer on a tie: the scorer matches a gold head
            # word at the end of a longer mention, never the reverse.
            filler.text = max(filler.forms, key=lambda form: (filler.forms[form], len(form)))
        ranked[role] = sorted(by_key.values(), key=lambda f: (-f.count, f.first))
    return ranked
