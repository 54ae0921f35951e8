"""How far can a retrieval-only reader get on the app's questions, and with which embeddings?

Reads `target/reader_bound/sentences.json` (written by `tests/reader_bound.rs`: the current
version's chunks and sentences with the tiny model's vectors, every evaluation question with
the sentences that state its gold fact, and the passages the app's own retrieval returns) and
encodes the same texts with the teacher (all-MiniLM-L6-v2). For each ranker it prints:

- ceiling: questions with a sentence stating the gold fact in the top k passages (what a
  perfect reader could answer at best);
- similarity reader: pick the sentence with the highest cosine to the question among the top k
  passages (optionally plus alpha x its passage's cosine), answer when that cosine clears a
  threshold; accuracy with no threshold, the threshold that balances held-out accuracy and
  abstention, and held-out accuracy once abstention on the unanswerable questions is >= 0.8.

Not part of the app or its tests; `tools/distill/reader_bound.sh` runs it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from teacher import Teacher


def load(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    chunks, items = data["chunks"], data["items"]
    rows = [(c, s) for c, chunk in enumerate(chunks) for s in range(len(chunk["sentences"]))]
    return data["version"], chunks, items, rows


def matrices(chunks, items, rows):
    """(passages, sentences, questions) for the tiny model and for the teacher."""
    tiny = (
        np.array([c["vector"] for c in chunks], dtype=np.float32),
        np.array([chunks[c]["sentence_vectors"][s] for c, s in rows], dtype=np.float32),
        np.array([i["vector"] for i in items], dtype=np.float32),
    )
    teacher = Teacher()
    big = (
        teacher.encode([c["text"] for c in chunks]),
        teacher.encode([chunks[c]["sentences"][s] for c, s in rows]),
        teacher.encode([i["text"] for i in items]),
    )
    return {"tiny model (dense only)": tiny, "teacher all-MiniLM-L6-v2": big}


def read(items, rows, vectors, k, alpha, fixed_passages=None):
    passages, sentences, questions = vectors
    rows_of = {}
    for row, (c, s) in enumerate(rows):
        rows_of.setdefault(c, []).append((s, row))
    out = []
    for q, item in enumerate(items):
        cosines = passages @ questions[q]
        if fixed_passages is not None:
            top = item[fixed_passages][:k]
        else:
            top = [int(c) for c in np.argsort(-cosines, kind="stable")[:k]]
        gold = {tuple(g) for g in item["gold"]}
        ceiling = any((c, s) in gold for c in top for s, _ in rows_of[c])
        score, pick = max(
            (float(sentences[row] @ questions[q]) + alpha * float(cosines[c]), (c, s))
            for c in top
            for s, row in rows_of[c]
        )
        out.append({"category": item["category"], "abstain": item["abstain"],
                    "ceiling": ceiling, "score": score, "right": pick in gold})
    return out


def report(name, results):
    heldout = [r for r in results if r["category"] == "heldout"]
    train = [r for r in results if r["category"] == "train"]
    unanswerable = [r for r in results if r["abstain"]]
    n = len(heldout)
    print(f"  {name}")
    for label, rs in (("train", train), ("held-out", heldout)):
        print(f"    {label}: ceiling {sum(r['ceiling'] for r in rs)}/{len(rs)}, "
              f"similarity pick right {sum(r['right'] for r in rs)}/{len(rs)}")
    thresholds = sorted({r["score"] for r in results})

    def at(t):
        answered = sum(r["right"] and r["score"] >= t for r in heldout) / n
        abstained = sum(r["score"] < t for r in unanswerable) / len(unanswerable)
        return answered, abstained

    balanced = max(thresholds, key=lambda t: min(at(t)))
    strict = [t for t in thresholds if at(t)[1] >= 0.8]
    best_strict = max(strict, key=lambda t: at(t)[0])
    print(f"    balanced threshold: held-out {at(balanced)[0]:.3f}, abstention {at(balanced)[1]:.3f}; "
          f"with abstention >= 0.8: held-out {at(best_strict)[0]:.3f} "
          f"(abstention {at(best_strict)[1]:.3f})")


def main(path: Path) -> None:
    version, chunks, items, rows = load(path)
    print(f"version {version}: {len(chunks)} passages, {len(rows)} sentences, "
          f"{sum(i['category'] == 'heldout' for i in items)} held-out, "
          f"{sum(i['abstain'] for i in items)} unanswerable questions")
    vectors = matrices(chunks, items, rows)
    tiny = vectors["tiny model (dense only)"]
    for k, key in ((5, "retrieved"), (10, "retrieved_10")):
        print(f"passages: the app's own retrieval (hybrid, k = {k}), sentences by the tiny model")
        report("similarity reader", read(items, rows, tiny, k, 0.0, fixed_passages=key))
    for k in (5, 10):
        for alpha in (0.0, 0.5):
            print(f"k = {k}, alpha = {alpha}")
            for name, v in vectors.items():
                report(name, read(items, rows, v, k, alpha))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
