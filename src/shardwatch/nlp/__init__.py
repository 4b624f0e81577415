"""Annotation: one spaCy pipeline per process, with entity rules from the data files."""

from shardwatch.nlp.pipeline import annotate, get_nlp

__all__ = ["annotate", "get_nlp"]
