"""Building blocks of the distiller: tokenising, PCA, SIF weights, the regression refit,
quantisation and retrieval metrics. Everything is deterministic (no random state,
single-threaded BLAS when run through run.sh)."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

SPECIALS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")


def wordpiece(tokens: list[str]) -> Tokenizer:
    """The teacher's pipeline (BertNormalizer, BertPreTokenizer, WordPiece) over `tokens`,
    with special tokens read as plain text, exactly like src/core/tokenizer.rs."""
    vocab = {t: i for i, t in enumerate(tokens)}
    tok = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]", max_input_chars_per_word=100))
    tok.normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True
    )
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    return tok


def encode_ids(tok: Tokenizer, texts: list[str], max_tokens: int) -> list[list[int]]:
    return [e.ids[:max_tokens] for e in tok.encode_batch(texts, add_special_tokens=False)]


def token_counts(ids: list[list[int]], vocab_size: int) -> np.ndarray:
    counts = np.zeros(vocab_size, dtype=np.int64)
    for row in ids:
        np.add.at(counts, row, 1)
    return counts


def bag_matrix(ids: list[list[int]], weights: np.ndarray, vocab_size: int) -> sp.csr_matrix:
    """Rows = texts, columns = tokens; each row is the weighted mean operator (sums to 1)."""
    indptr, cols, vals = [0], [], []
    for row in ids:
        w = weights[row] if row else np.zeros(0)
        total = w.sum()
        cols.extend(row)
        vals.extend((w / total) if total > 0 else w)
        indptr.append(len(cols))
    mat = sp.csr_matrix(
        (np.asarray(vals, dtype=np.float64), np.asarray(cols, dtype=np.int64), np.asarray(indptr)),
        shape=(len(ids), vocab_size),
    )
    mat.sum_duplicates()
    return mat


def pca(x: np.ndarray, dims: int) -> tuple[np.ndarray, np.ndarray]:
    """Mean and top-`dims` principal axes (384 x dims), each axis signed so that its
    largest-magnitude loading is positive (eigenvector signs are otherwise arbitrary)."""
    mean = x.mean(0, dtype=np.float64)
    centered = x.astype(np.float64) - mean
    cov = centered.T @ centered / len(x)
    vals, vecs = np.linalg.eigh(cov)
    axes = vecs[:, np.argsort(-vals)[:dims]]
    signs = np.sign(axes[np.abs(axes).argmax(0), np.arange(dims)])
    return mean, axes * signs


def sif_weights(kind: str, a: float, counts: np.ndarray) -> np.ndarray:
    """SIF weight a / (a + p(token)); p from real counts or Zipf over the id order."""
    n = len(counts)
    if kind == "zipf":
        ranks = np.arange(1, n + 1, dtype=np.float64)
        p = (1.0 / ranks) / (1.0 / ranks).sum()
    elif kind == "freq":
        p = (counts + 1.0) / (counts.sum() + n)
    else:
        raise ValueError(kind)
    return a / (a + p)


def refit(a_mat: sp.csr_matrix, targets: np.ndarray, e0: np.ndarray, lam: float,
          iters: int = 150) -> np.ndarray:
    """Solve min ||A E - T||^2 + lam ||E - E0||^2 by Jacobi-preconditioned conjugate
    gradient, one independent CG per column, vectorised, fixed iteration count."""
    at = a_mat.T.tocsr()
    precond = np.asarray(a_mat.multiply(a_mat).sum(0)).ravel() + lam

    def apply(p: np.ndarray) -> np.ndarray:
        return at @ (a_mat @ p) + lam * p

    b = at @ targets + lam * e0
    x = e0.copy()
    r = b - apply(x)
    z = r / precond[:, None]
    p = z.copy()
    rz = (r * z).sum(0)
    for _ in range(iters):
        q = apply(p)
        alpha = rz / np.maximum((p * q).sum(0), 1e-300)
        x += alpha * p
        r -= alpha * q
        z = r / precond[:, None]
        rz_new = (r * z).sum(0)
        p = z + (rz_new / np.maximum(rz, 1e-300)) * p
        rz = rz_new
    return x


def to_f16(x: np.ndarray) -> np.ndarray:
    return np.asarray(x, dtype=np.float16)


def quantize(table: np.ndarray, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric per-row quantisation with an f16 scale; returns (codes, scales).

    Each row's scale is the one, among clipping the row at 50%..100% of its peak, that
    minimises the row's squared error (clipping a few outliers buys finer steps for the
    rest, which matters at 4 bits)."""
    top = (1 << (bits - 1)) - 1
    peak = np.abs(table).max(1)
    best_err = np.full(len(table), np.inf)
    best_scale = np.ones(len(table))
    for ratio in np.linspace(0.5, 1.0, 11):
        scales = to_f16(np.where(peak > 0, peak * ratio / top, 1.0)).astype(np.float64)
        codes = np.clip(np.rint(table / scales[:, None]), -top, top)
        err = ((codes * scales[:, None] - table) ** 2).sum(1)
        better = err < best_err
        best_err[better], best_scale[better] = err[better], scales[better]
    codes = np.clip(np.rint(table / best_scale[:, None]), -top, top).astype(np.int8)
    return codes, to_f16(best_scale)


def embed(ids: list[list[int]], table: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The student: weighted sum of rows, L2-normalised (zero vector for no tokens)."""
    out = np.zeros((len(ids), table.shape[1]), dtype=np.float64)
    for i, row in enumerate(ids):
        if row:
            out[i] = weights[row] @ table[row]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)


def retrieval_metrics(q: np.ndarray, docs: np.ndarray, gold: list[int]) -> dict[str, float]:
    """recall@1, recall@5 and MRR of cosine ranking (rows already unit length)."""
    scores = q @ docs.T
    return ranks_metrics([list(np.argsort(-s, kind="stable")) for s in scores], gold)


def ranks_metrics(rankings: list[list[int]], gold: list[int]) -> dict[str, float]:
    r1 = r5 = mrr = 0.0
    for ranking, g in zip(rankings, gold):
        rank = ranking.index(g) + 1
        r1 += rank == 1
        r5 += rank <= 5
        mrr += 1.0 / rank
    n = len(gold)
    return {"recall_at_1": r1 / n, "recall_at_5": r5 / n, "mrr": mrr / n}


def bm25_rankings(q_ids: list[list[int]], d_ids: list[list[int]], k1=1.2, b=0.75) -> list[list[int]]:
    """A plain BM25 over word pieces, for the probe report only."""
    n = len(d_ids)
    df: dict[int, int] = {}
    for d in d_ids:
        for t in set(d):
            df[t] = df.get(t, 0) + 1
    avg = sum(map(len, d_ids)) / n
    out = []
    for q in q_ids:
        scores = np.zeros(n)
        for j, d in enumerate(d_ids):
            for t in set(q):
                f = d.count(t)
                if f:
                    idf = np.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
                    scores[j] += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * len(d) / avg))
        out.append(list(np.argsort(-scores, kind="stable")))
    return out
