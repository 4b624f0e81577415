"""Token features for the role tagger, computed from a spaCy ``Doc`` of ``model_text``.

Every feature is computed from lower-case material (the text itself is lower-cased before
parsing, see ``learn.text``), so the tagger trained on the lower-cased MUC-4 texts sees the
same kind of input on cased modern news. One sequence is one sentence; features describing
the sentence (does it name an attack, where in the document is it) and the document (how
many attack words) are copied onto each of its tokens.

Changing anything here changes what the shipped model expects: bump ``FEATURE_VERSION`` and
retrain (``make train``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.cluster.vq import kmeans2, vq
from spacy.tokens import Doc, Span, Token

FEATURE_VERSION = "4"

# Lemmas that report an attack. Fixed here (not read from data/triggers.jsonl) because the
# trained model depends on them.
ATTACK_LEMMAS = frozenset({
    "attack", "bomb", "bombing", "blast", "explosion", "explode", "detonate", "dynamite",
    "shoot", "shooting", "gunfire", "fire", "massacre", "stab", "stabbing", "ram", "kill",
    "murder", "assassinate", "assassination", "kidnap", "kidnapping", "abduct", "abduction",
    "hostage", "hijack", "ambush", "burn", "arson", "sabotage", "destroy", "damage", "wound",
    "injure", "raid", "assault", "explosive", "grenade", "slay", "execute", "behead",
    "torch", "blow", "strike", "shell", "set",
})
WEAPON_LEMMAS = frozenset({
    "bomb", "dynamite", "explosive", "grenade", "rifle", "gun", "pistol", "revolver",
    "machinegun", "mortar", "rocket", "missile", "mine", "ied", "device", "charge", "knife",
    "machete", "ammunition", "bullet", "firearm", "weapon", "launcher", "shell", "truck",
    "car", "vehicle", "belt", "vest", "tnt", "molotov", "cocktail", "artillery", "drone",
})


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _is_trigger(token: Token) -> bool:
    return token.lemma_.lower() in ATTACK_LEMMAS or token.lower_ in ATTACK_LEMMAS


def _shape(text: str) -> str:
    out = []
    for ch in text:
        kind = "d" if ch.isdigit() else "x" if ch.isalpha() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:6]


def _token_base(token: Token) -> dict[str, str]:
    """Features of one token on its own (used for itself and its neighbours)."""
    return {
        "w": token.lower_,
        "l": token.lemma_.lower(),
        "p": token.pos_,
    }


def _chunk_features(chunk: Span) -> dict[str, float]:
    """v2: what the whole noun chunk is and does, copied onto each of its tokens, so that the
    words of one filler ("the 3d infantry brigade") see the same evidence as its head."""
    root, head = chunk.root, chunk.root.head
    f = {
        "ch_root=" + root.lemma_.lower(): 1.0,
        "ch_dep=" + root.dep_: 1.0,
        "ch_head=" + head.lemma_.lower(): 1.0,
        "ch_dephead=" + root.dep_ + "|" + head.lemma_.lower(): 1.0,
        "ch_len=" + _bucket(len(chunk), (1, 2, 3, 5)): 1.0,
    }
    if head.dep_ == "prep" or root.dep_ == "pobj":  # "kidnapped by | guerrillas", "attack on | the embassy"
        f["ch_prep=" + head.lower_ + "|" + head.head.lemma_.lower()] = 1.0
    return f


# v3: word classes. The shipped pipeline's tok2vec gives every token a 96-dimensional vector
# (``doc.tensor``) that knows its context; k-means on those vectors, unit-normalised, groups the
# tokens into classes of tokens the pipeline reads alike, which generalise past the words the CRF
# saw in training. Features: the class of the token, of its neighbours one away and of its
# syntactic head. Chosen on MUC-4 train only (a CRF on the first 1,100 texts reading the last
# 200, no gate, tau 0.15), at stop 43 with classes fitted by an experiment whose code is lost:
# micro F1 41.71 (v2) -> 43.18 with 200 classes (victims 44.68 -> 49.76, targets 43.62 -> 46.23,
# weapons 43.37 -> 45.78; individual perpetrators 31.79 -> 28.71); 400 classes gave 41.91, the 96
# real-valued dimensions as features 41.24. Out of fold on the first 1,100 (4 CRFs, each on three
# quarters reading the fourth) every quarter rose: mean 36.21 -> 37.25. The head's class (stop
# 44, same protocol, these classes; scripts/crf_folds.py): last 200 42.03 -> 43.37; out of fold
# every quarter up, 36.69 -> 38.16, 39.61 -> 41.27, 35.23 -> 35.88, 31.80 -> 32.19 (mean 35.83
# -> 36.88); the classes of the words two away as well gave 43.16 on the last 200 (with the
# head's, 43.36), a second set of 50 classes beside the 200 41.48.
# v4 (stop 45): the same features over classes of another encoder's vectors. The pipeline's
# tok2vec learned from cased text and reads MUC-4's lower case poorly; all-MiniLM-L6-v2 is uncased
# (``learn.encoder``: its last layer, 384 dimensions). Chosen on MUC-4 train only (a CRF on the
# first 1,100 texts reading the last 200, no gate; micro F1 at tau 0.15 / 0.2 / 0.3; vectors of
# the float32 weights, as ``learn.encoder``'s int8 ones agree to a cosine of 0.999): v3 43.37 /
# 42.67 / 42.18; the encoder's 200 classes in place of the pipeline's 43.96 / 44.08 / 43.70, 400
# classes 43.91 / 45.50 / 45.50 (shipped); both sets of 200 side by side 43.31 / 43.04 / 42.49;
# the encoder's third layer instead of its last 41.50 / 41.02 / 42.74.
WORD_CLASSES = 400
CLASS_SAMPLE = 60_000  # token vectors k-means is fitted on


def _unit_rows(tensor: np.ndarray) -> np.ndarray:
    rows = np.asarray(tensor, dtype=np.float64)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1.0)


class WordClasses:
    """Nearest-centroid classes of token vectors: ``vectors(doc)`` (v4: ``learn.encoder``'s), or
    the pipeline's own ``doc.tensor`` when none is given."""

    def __init__(self, centroids: np.ndarray, vectors: Callable[[Doc], np.ndarray] | None = None):
        self.centroids = np.asarray(centroids, dtype=np.float64)
        self.vectors = vectors

    @property
    def reads_tensor(self) -> bool:
        """Whether the classes come from ``doc.tensor`` (which a DocBin does not keep)."""
        return self.vectors is None

    def _rows(self, doc: Doc) -> np.ndarray:
        if self.vectors is not None:
            return self.vectors(doc)
        if not has_vectors(doc):
            raise ValueError("the doc has no token vectors (doc.tensor): parse it with the full pipeline")
        return doc.tensor

    @classmethod
    def fit(cls, docs, k: int = WORD_CLASSES, sample: int = CLASS_SAMPLE, seed: int = 0,
            vectors: Callable[[Doc], np.ndarray] | None = None) -> WordClasses:
        """k-means (scipy's, k-means++ start, seeded: the same docs give the same classes) on at
        most ``sample`` token vectors drawn from ``docs``; whitespace tokens are left out."""
        made = cls(np.zeros((0, 0)), vectors)
        rows = np.concatenate([_unit_rows(made._rows(doc))[[not t.is_space for t in doc]] for doc in docs
                               if vectors is not None or has_vectors(doc)])
        rng = np.random.default_rng(seed)
        if len(rows) > sample:
            rows = rows[np.sort(rng.choice(len(rows), sample, replace=False))]
        centroids, _ = kmeans2(rows, k, iter=20, minit="++", rng=rng)
        return cls(centroids, vectors)

    def of(self, doc: Doc) -> list[int]:
        """The class of every token of ``doc``."""
        codes, _ = vq(_unit_rows(self._rows(doc)), self.centroids, check_finite=False)
        return [int(c) for c in codes]


def has_vectors(doc: Doc) -> bool:
    """Whether ``doc`` holds one pipeline vector per token (a parse does; a DocBin does not keep them)."""
    tensor = doc.tensor
    return tensor is not None and getattr(tensor, "ndim", 0) == 2 and tensor.shape[0] == len(doc) > 0


def sentence_features(sent: Span, sent_index: int, doc_triggers: int,
                      classes: list[int] | None = None) -> list[dict[str, float]]:
    """One feature dict per token of ``sent`` (whitespace tokens included; callers skip them);
    ``classes``: the word class of every token of the document (``WordClasses.of``), if any."""
    tokens = list(sent)
    trigger_positions = [t.i for t in tokens if _is_trigger(t)]
    sent_flags = {
        "sent_has_trigger": bool(trigger_positions),
        "sent_pos=" + _bucket(sent_index, (0, 1, 2, 4, 8)): True,
        "doc_trig=" + _bucket(doc_triggers, (0, 1, 3, 6)): True,
    }
    # v2: which attack words the sentence holds ("kidnap" tells victims, "bomb" targets)
    trigger_lemmas = sorted({sent.doc[p].lemma_.lower() for p in trigger_positions})
    chunk_of: dict[int, tuple[int, int, int]] = {}
    chunk_feats: dict[tuple[int, int, int], dict[str, float]] = {}
    for chunk in sent.noun_chunks if sent.doc.has_annotation("DEP") else ():
        key = (chunk.start, chunk.end, chunk.root.i)
        for t in chunk:
            chunk_of[t.i] = key
        chunk_feats[key] = _chunk_features(chunk)
    feats: list[dict[str, float]] = []
    for k, token in enumerate(tokens):
        f: dict[str, float] = {"bias": 1.0}
        base = _token_base(token)
        for key, value in base.items():
            f[f"{key}={value}"] = 1.0
        low = token.lower_
        f["suf3=" + low[-3:]] = 1.0
        f["pre3=" + low[:3]] = 1.0
        f["shape=" + _shape(low)] = 1.0
        f["tag=" + token.tag_] = 1.0
        f["dep=" + token.dep_] = 1.0
        head = token.head
        f["head=" + head.lemma_.lower()] = 1.0
        f["dep+head=" + token.dep_ + "|" + head.lemma_.lower()] = 1.0
        f["head_pos=" + head.pos_] = 1.0
        if head.head is not head:
            f["head2=" + head.head.lemma_.lower()] = 1.0
        f["ent=" + (token.ent_iob_ + "-" + token.ent_type_ if token.ent_type_ else "O")] = 1.0
        if token.ent_id_:
            f["ent_kind=" + token.ent_id_.split(":", 1)[0]] = 1.0
        if token.lemma_.lower() in WEAPON_LEMMAS or low in WEAPON_LEMMAS:
            f["weapon_word"] = 1.0
        if _is_trigger(token):
            f["is_trigger"] = 1.0
        if _is_trigger(head):
            f["head_is_trigger"] = 1.0
            f["dep_to_trigger=" + token.dep_] = 1.0
        if trigger_positions:
            dist = min(abs(token.i - p) for p in trigger_positions)
            f["trig_dist=" + _bucket(dist, (1, 3, 6, 12))] = 1.0
            side = "before" if token.i < trigger_positions[0] else "after"
            f["trig_side=" + side] = 1.0
        chunk = chunk_of.get(token.i)
        if chunk is None:
            f["chunk=O"] = 1.0
        else:
            start, end, root = chunk
            f["chunk=" + ("B" if token.i == start else "I")] = 1.0
            if token.i == root:
                f["chunk_root"] = 1.0
            if token.i == end - 1:
                f["chunk_last"] = 1.0
        for offset in (-2, -1, 1, 2):
            j = k + offset
            if 0 <= j < len(tokens):
                other = tokens[j]
                f[f"{offset}:w={other.lower_}"] = 1.0
                if abs(offset) == 1:
                    f[f"{offset}:l={other.lemma_.lower()}"] = 1.0
                    f[f"{offset}:p={other.pos_}"] = 1.0
            else:
                f[f"{offset}:edge"] = 1.0
        if k > 0:
            f["bigram-1=" + tokens[k - 1].lower_ + "|" + low] = 1.0
        for key, value in sent_flags.items():
            if value:
                f[key] = 1.0
        for lemma in trigger_lemmas:
            f["sent_trig=" + lemma] = 1.0
        if chunk is not None:
            f.update(chunk_feats[chunk])
        for offset in (-3, 3):
            j = k + offset
            if 0 <= j < len(tokens):
                f[f"{offset}:w={tokens[j].lower_}"] = 1.0
        if classes is not None:
            f[f"c={classes[token.i]}"] = 1.0
            f[f"head_c={classes[head.i]}"] = 1.0
            for offset in (-1, 1):
                j = k + offset
                if 0 <= j < len(tokens):
                    f[f"{offset}:c={classes[tokens[j].i]}"] = 1.0
        feats.append(f)
    return feats


def doc_sequences(doc: Doc, word_classes: WordClasses | None = None
                  ) -> list[tuple[list[Token], list[dict[str, float]]]]:
    """The document as tagger sequences: per sentence, its non-space tokens and their features
    (with ``word_classes``, the v3 class features too: ``doc`` must then hold its vectors)."""
    doc_triggers = sum(1 for t in doc if _is_trigger(t))
    classes = word_classes.of(doc) if word_classes is not None else None
    out = []
    for index, sent in enumerate(doc.sents):
        feats = sentence_features(sent, index, doc_triggers, classes)
        kept = [(t, f) for t, f in zip(sent, feats) if not t.is_space]
        if kept:
            out.append(([t for t, _ in kept], [f for _, f in kept]))
    return out
