"""Annotation: one spaCy pipeline per process, with entity rules from the data files."""

from shardwatch.nlp.pipeline import annotate, doc_text, get_nlp

__all__ = ["annotate", "doc_text", "get_nlp"]
