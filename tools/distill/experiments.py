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


def main(work: Path, settings: list[dict], report: Path) -> None:
    passages, questions, gold = probe()
    tp, tq = teacher_probe(work, passages, questions)
    lines = [{"model": "teacher", **lib.retrieval_metrics(tq, tp, gold)}]
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
            print(json.dumps(line), flush=True)
            f.write(json.dumps(line) + "\n")
            f.flush()


if __name__ == "__main__":
    main(Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text()), Path(sys.argv[3]))
