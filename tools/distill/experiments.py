"""Sweep distillation settings and report held-out and probe retrieval quality.

Usage: experiments.py WORKDIR SETTINGS_JSON REPORT_JSONL
SETTINGS_JSON is a list of Config overrides, e.g. [{"vocab_size": 10000}, {"bits": 4}].
Each line of REPORT_JSONL: the config, held-out cosines, model bytes (raw and gzip)
and probe recall@1/@5/MRR for the student; the teacher and BM25 lines come first.
"""

from __future__ import annotations

import gzip
import json
import sys
from dataclasses import asdict
from pathlib import Path

import numpy as np

import lib
from distill import STUDENT_MAX_TOKENS, Config, distill, table_bytes
from teacher import Teacher, vocab

HERE = Path(__file__).parent


def probe() -> tuple[list[str], list[str], list[int]]:
    doc = json.loads((HERE / "probe.json").read_text(encoding="utf-8"))
    ids = [p["id"] for p in doc["passages"]]
    return ([p["text"] for p in doc["passages"]], [q["q"] for q in doc["questions"]],
            [ids.index(q["gold"]) for q in doc["questions"]])


def teacher_probe(work: Path, passages: list[str], questions: list[str]) -> tuple[np.ndarray, np.ndarray]:
    cache = work / "probe_teacher.npz"
    if not cache.exists():
        t = Teacher()
        np.savez(cache, p=t.encode(passages), q=t.encode(questions))
    data = np.load(cache)
    return data["p"], data["q"]


def app_set(work: Path):
    """The app's chunks and answerable questions, if exported to WORKDIR (see README)."""
    if not (work / "app_chunks.json").exists():
        return None
    chunks = json.loads((work / "app_chunks.json").read_text(encoding="utf-8"))
    items = [q for q in json.loads((work / "app_eval.json").read_text(encoding="utf-8"))
             if q["category"] in ("train", "heldout")]
    return chunks, items


def app_metrics(chunks, items, embed_fn) -> dict[str, float]:
    """Same definition as `ragtune eval retrieval`: every question at every version; a hit is
    a chunk of that version's gold document; ranks past 20 are misses."""
    q_vecs = embed_fn([q["text"] for q in items])
    rankings, gold = [], []
    for v in sorted({c["version"] for c in chunks}):
        vc = [c for c in chunks if c["version"] == v]
        scores = q_vecs @ embed_fn([c["text"] for c in vc]).T
        for q, row in zip(items, scores):
            g = [x["doc_id"] for x in q["gold"] if x["version"] == v]
            if not g:
                continue
            order = np.argsort(-row, kind="stable")[:20]
            hits = [i for i, j in enumerate(order) if vc[j]["doc_id"] == g[0]]
            rankings.append(hits[0] + 1 if hits else None)
    n = len(rankings)
    return {"app_recall_at_1": sum(r == 1 for r in rankings) / n,
            "app_recall_at_5": sum(r is not None and r <= 5 for r in rankings) / n,
            "app_mrr": sum(1 / r for r in rankings if r) / n}


def main(work: Path, settings: list[dict], report: Path) -> None:
    passages, questions, gold = probe()
    tp, tq = teacher_probe(work, passages, questions)
    lines = [{"model": "teacher", **lib.retrieval_metrics(tq, tp, gold)}]
    app = app_set(work)
    if app:
        t = Teacher()
        lines[0].update(app_metrics(*app, lambda texts: t.encode(texts)))
    full = lib.wordpiece(vocab())
    lines.append({"model": "bm25", **lib.ranks_metrics(
        lib.bm25_rankings(lib.encode_ids(full, questions, 512), lib.encode_ids(full, passages, 512)), gold)})
    for line in lines:
        print(json.dumps(line), flush=True)
    with report.open("a", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line) + "\n")
        for overrides in settings:
            cfg = Config(**overrides)
            res = distill(cfg, work)
            tok = lib.wordpiece(res.tokens)
            sp = lib.embed(lib.encode_ids(tok, passages, STUDENT_MAX_TOKENS), res.table, res.weights.astype(np.float64))
            sq = lib.embed(lib.encode_ids(tok, questions, STUDENT_MAX_TOKENS), res.table, res.weights.astype(np.float64))
            blob = table_bytes(res, cfg.bits) + ("\n".join(res.tokens) + "\n").encode()
            line = {"model": "student", "config": asdict(cfg), "lambda": res.lam, "held_out": res.held_out,
                    "bytes": len(blob), "gzip_bytes": len(gzip.compress(blob, 9, mtime=0)),
                    **lib.retrieval_metrics(sq, sp, gold)}
            if app:
                w = res.weights.astype(np.float64)
                line.update(app_metrics(*app, lambda texts: lib.embed(
                    lib.encode_ids(tok, texts, STUDENT_MAX_TOKENS), res.table, w)))
            print(json.dumps(line), flush=True)
            f.write(json.dumps(line) + "\n")
            f.flush()


if __name__ == "__main__":
    main(Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text()), Path(sys.argv[3]))
