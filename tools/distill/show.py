"""Print experiment report lines (JSONL) as a compact table."""
import json
import sys

for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    c = {k: v for k, v in d.get("config", {}).items() if k not in ("lambdas", "iters", "dims")}
    held = d.get("held_out", {}).get("chosen, quantised")
    print(f"{d['model']:8} r@1 {d['recall_at_1']:.3f} r@5 {d['recall_at_5']:.3f} mrr {d['mrr']:.3f}"
          f" app {d.get('app_recall_at_1', 0):.3f} {d.get('app_recall_at_5', 0):.3f} {d.get('app_mrr', 0):.3f}"
          f" gz {d.get('gzip_bytes', '-')} held {held if held is None else round(held, 4)} lam {d.get('lambda')} {c}")
