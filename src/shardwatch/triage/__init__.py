"""Triage: the relevance cascade that runs before the spaCy pipeline.

An article can hold a record (an attack, a territorial change, a leader lost, an allegiance, a
claim about an organisation) only if some sentence of it names such a thing. The cascade decides
that on the raw text, without the model, in stages (numbered here and in the code):

1. Cue words: the surface forms of the attack triggers (``triggers.jsonl``), of the territory,
   leadership and allegiance cues (``event_cues.jsonl``) and of the measure cues
   (``measures.jsonl``), the weapon terms (``weapons.jsonl``), the violence words
   (``violence_cues.jsonl``) and the words of ``relevance.jsonl``. No cue word at all: not
   relevant.
2. Actor patterns: the aliases of ``actors.jsonl`` (organisations, state forces, people), matched
   as words, case-insensitively except the cased aliases ("IS").
3. The sentence rule: a sentence holding a strong cue (a trigger that needs no context, such as
   "bombing" or "beheaded"), or a cue together with a context word (a violence word, a weapon
   or an actor) in the same sentence, makes the article relevant.

Irrelevant articles are stored and searchable but not parsed (``articles.parsed = 0``).
"""

from shardwatch.triage.cascade import Relevance, relevance

__all__ = ["Relevance", "relevance"]
