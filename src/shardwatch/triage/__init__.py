"""Triage: the relevance cascade that runs before the spaCy pipeline.

An article can hold a record (an attack, a territorial change, a leader lost, an allegiance, a
claim about an organisation) only if some sentence of it names such a thing. The cascade decides
that before the model, in two stages (numbered here and in the code):

1. The lexicon, on the raw text (``cascade.py``). Cue words: the surface forms of the attack
   triggers (``triggers.jsonl``), of the territory, leadership and allegiance cues
   (``event_cues.jsonl``) and the words of ``relevance.jsonl``; some are strong (a trigger that
   needs no context, such as "bombing" or "killed"). Context words: the weapon terms
   (``weapons.jsonl``), the violence words (``violence_cues.jsonl``), the aliases of
   ``actors.jsonl`` and the places of ``places.jsonl`` (as written). Candidate words
   (``relevance.jsonl``): words of violence the other lists lack ("bodies", "armed").
   a. No cue, context or candidate word anywhere: not relevant (clear irrelevance).
   b. A sentence with a strong cue and a context word, or with any cue and the alias of an
      armed group (an organisation of ``actors.jsonl``): relevant (clear relevance).
   Otherwise the sentences holding any of these words are the candidates of stage 2.
2. The classifier (``classifier.py``): a shipped spaCy ``textcat`` (bag of words on a blank
   English tokenizer, trained by ``make train-triage``) scores each candidate sentence; the
   text is relevant when its best sentence reaches the threshold of
   ``data/models/relevance.json`` (chosen on dev data: docs/BENCHMARKS.md).

Irrelevant articles are stored and searchable but not parsed (``articles.parsed = 0``).
"""

from shardwatch.triage.cascade import Relevance, relevance, relevances

__all__ = ["Relevance", "relevance", "relevances"]
