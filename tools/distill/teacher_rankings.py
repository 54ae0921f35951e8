"""Write the teacher's rankings of the app's evaluation questions over the app's chunks.

Usage: teacher_rankings.py OUT_JSON [RAGTUNE_COMMAND...]

The chunks and questions come from the Rust CLI (`ragtune corpus chunks --json`,
`ragtune corpus eval --json`), so chunking is the app's own. Every answerable question
(train and held-out phrasings) is ranked against the chunks of every corpus version;
the fixture keeps the top TOP_K chunk ids per (question, version), plus checksums of the
question and chunk texts so `ragtune eval retrieval` can tell when it has gone stale.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from teacher import Teacher

TOP_K = 20
ROOT = Path(__file__).resolve().parents[2]


def cli(command: list[str], *args: str):
    out = subprocess.run([*command, *args], cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def texts_sha256(texts: list[str]) -> str:
    """sha256 of the texts joined by NUL; the Rust side computes the same."""
    return hashlib.sha256("\0".join(texts).encode("utf-8")).hexdigest()


def main(out: Path, command: list[str]) -> None:
    chunks = cli(command, "corpus", "chunks", "--json")
    items = [q for q in cli(command, "corpus", "eval", "--json") if q["category"] in ("train", "heldout")]
    versions = sorted({c["version"] for c in chunks})
    teacher = Teacher()
    q_vecs = teacher.encode([q["text"] for q in items])
    doc = {
        "about": "Teacher (all-MiniLM-L6-v2) rankings of the answerable evaluation questions over "
        "each corpus version's chunks: top chunk ids by cosine. Written by "
        "tools/distill/teacher_rankings.py from the Rust chunk export.",
        "teacher": "sentence-transformers/all-MiniLM-L6-v2 (int8 ONNX, mean pooling, 128 tokens)",
        "top_k": TOP_K,
        "questions_sha256": texts_sha256([q["text"] for q in items]),
        "versions": {},
        "questions": [{"id": q["id"], "rankings": {}} for q in items],
    }
    for v in versions:
        vc = [c for c in chunks if c["version"] == v]
        c_vecs = teacher.encode([c["text"] for c in vc])
        scores = q_vecs @ c_vecs.T
        doc["versions"][v] = {"chunks": len(vc), "chunks_sha256": texts_sha256([c["text"] for c in vc])}
        for row, entry in zip(scores, doc["questions"]):
            order = np.argsort(-row, kind="stable")[:TOP_K]
            entry["rankings"][v] = [vc[i]["id"] for i in order]
    body = ",\n".join(json.dumps(q, ensure_ascii=False) for q in doc.pop("questions"))
    head = json.dumps(doc, ensure_ascii=False)[:-1]
    out.write_text(f'{head}, "questions": [\n{body}\n]}}\n', encoding="utf-8")
    print(f"{len(items)} questions x {len(versions)} versions -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:] or ["cargo", "run", "-q", "--bin", "ragtune", "--"])
