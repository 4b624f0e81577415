"""Triage: the relevance cascade that runs before the spaCy pipeline.

An article can hold a record (an attack, a territorial change, a leader lost, an allegiance, a
claim about an organisation) only if some sentence of it names such a thing. The cascade decides
that on the raw text, without the model, in stages (numbered here and in the code):

1. Cue words: the surface forms of the attack triggers (``triggers.jsonl``), of the territory,
   leadership and allegiance cues (``event_cues.jsonl``) and the words of ``relevance.jsonl``.
   No cue word at all: not relevant. (The measure cues of ``measures.jsonl`` are not used:
   with them 37% of BBC articles passed, through words such as "has"; docs/BENCHMARKS.md.)
2. Context: the weapon terms (``weapons.jsonl``), the violence words (``violence_cues.jsonl``),
   the aliases of ``actors.jsonl`` (matched as words, case-insensitively except the cased
   aliases such as "IS") and the places of ``places.jsonl`` (as written).
3. The sentence rule: a sentence holding a strong cue (a trigger that needs no context, such as
   "bombing" or "killed"), two attack cues of different lemmas ("shot and wounded"), or a cue
   together with a context word in the same sentence, makes the article relevant.

Irrelevant articles are stored and searchable but not parsed (``articles.parsed = 0``).
"""

from shardwatch.triage.cascade import Relevance, relevance

__all__ = ["Relevance", "relevance"]
