"""Learned components: a CRF tagger of attack role fillers trained on MUC-4 (``make train``)."""
