"""Relational fine-tuning of a static token table (the code path to fold into distill.py).

After the "tokenlearn" refit, the table is tuned so that the student ranks sentences like the
teacher does: for each in-batch sentence i, KL(p_i || q_i) where p_i = softmax_j(t_i.t_j / tau_t)
is the teacher's neighbour distribution over the other sentences of the batch (full 384-d,
unit vectors, diagonal masked) and q_i the same for the student, s_i = normalise(A_i E), with
a learned student temperature. Gradients are written out by hand (through the normalisation
and the sparse bag matrix) and applied with Adam. No random state except a seeded permutation
per epoch; run single-threaded BLAS (OMP_NUM_THREADS=1 ...) for byte-identical output.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import scipy.sparse as sp


@dataclass
class RelationalConfig:
    """Defaults: the setting chosen on held-out sentences and the probe."""

    epochs: int = 6
    batch: int = 1024
    lr: float = 2e-3          # Adam, cosine-decayed to 0 over all steps
    tau_t: float = 0.05       # teacher temperature
    tau_s: float = 0.05       # student temperature, initial value (learned)
    tau_lr: float = 0.05      # Adam step on 1 / tau_s
    beta1: float = 0.9
    beta2: float = 0.999
    seed: int = 0


def _softmax_rows(x: np.ndarray) -> np.ndarray:
    x = x - x.max(1, keepdims=True)
    np.exp(x, out=x)
    x /= x.sum(1, keepdims=True)
    return x


def relational_finetune(a_mat: sp.csr_matrix, teacher: np.ndarray, table: np.ndarray,
                        cfg: RelationalConfig = RelationalConfig(),
                        log: Callable[[str], None] | None = None) -> tuple[np.ndarray, float]:
    """Tune `table` (vocab x d) so the in-batch similarity distributions of the sentences
    (rows of `a_mat`, weighted bags) match the teacher's (`teacher`, rows = sentences, any
    dims). Returns the tuned table and the learned student temperature."""
    n = a_mat.shape[0]
    e = table.copy()
    m = np.zeros_like(e)
    v = np.zeros_like(e)
    inv_tau = 1.0 / cfg.tau_s
    mt = vt = 0.0
    b1, b2 = cfg.beta1, cfg.beta2
    steps_per_epoch = n // cfg.batch
    total_steps = cfg.epochs * steps_per_epoch
    step = 0
    for epoch in range(cfg.epochs):
        perm = np.random.default_rng([cfg.seed, epoch]).permutation(n)
        loss_sum = 0.0
        for s0 in range(0, steps_per_epoch * cfg.batch, cfg.batch):
            idx = perm[s0:s0 + cfg.batch]
            ab = a_mat[idx]
            bsz = len(idx)
            t = teacher[idx].astype(np.float64)
            t /= np.linalg.norm(t, axis=1, keepdims=True)
            lt = t @ t.T / cfg.tau_t
            np.fill_diagonal(lt, -np.inf)
            p = _softmax_rows(lt)
            u = ab @ e
            nu = np.maximum(np.linalg.norm(u, axis=1, keepdims=True), 1e-12)
            s = u / nu
            ss = s @ s.T
            ls = ss * inv_tau
            np.fill_diagonal(ls, -np.inf)
            q = _softmax_rows(ls.copy())
            with np.errstate(divide="ignore", invalid="ignore"):
                logq = ls - ls.max(1, keepdims=True)
                logq -= np.log(np.exp(logq).sum(1, keepdims=True))
                kl = np.where(p > 0, p * (np.log(np.where(p > 0, p, 1)) - logq), 0.0)
            loss_sum += kl.sum() / bsz
            g = (q - p) / bsz  # d loss / d student logits; zero on the diagonal
            ds = (g + g.T) @ s * inv_tau
            du = (ds - s * (s * ds).sum(1, keepdims=True)) / nu
            grad = ab.T @ du
            step += 1
            lr = cfg.lr * 0.5 * (1 + np.cos(np.pi * (step - 1) / total_steps))
            m *= b1
            m += (1 - b1) * grad
            v *= b2
            v += (1 - b2) * grad * grad
            mhat = m / (1 - b1 ** step)
            vhat = v / (1 - b2 ** step)
            e -= lr * mhat / (np.sqrt(vhat) + 1e-8)
            gt = (g * ss).sum()  # d loss / d (1 / tau_s)
            mt = b1 * mt + (1 - b1) * gt
            vt = b2 * vt + (1 - b2) * gt * gt
            inv_tau -= cfg.tau_lr * (mt / (1 - b1 ** step)) / (np.sqrt(vt / (1 - b2 ** step)) + 1e-8)
        if log:
            log(f"relational epoch {epoch + 1}: KL {loss_sum / steps_per_epoch:.4f}, tau_s {1 / inv_tau:.4f}")
    return e, 1.0 / inv_tau
