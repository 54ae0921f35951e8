"""Run the teacher once over the vocabulary and the sentence set; cache as .npy.

Usage: cache_teacher.py WORKDIR
Writes WORKDIR/teacher_tokens.npy (30522 x 384, the output at the token
position of `[CLS] id [SEP]`) and WORKDIR/teacher_sentences.npy (N x 384,
the teacher's normalised sentence embeddings of WORKDIR/sentences.txt).
Existing files are kept, so an interrupted run resumes at the missing step.
"""

import sys
import time
from pathlib import Path

import numpy as np

from teacher import Teacher, vocab

work = Path(sys.argv[1])
teacher = Teacher()
tokens_path = work / "teacher_tokens.npy"
if not tokens_path.exists():
    t0 = time.time()
    vecs = teacher.token_vectors(list(range(len(vocab()))))
    np.save(tokens_path, vecs)
    print(f"token vectors: {vecs.shape} in {time.time() - t0:.0f}s", flush=True)
sents_path = work / "teacher_sentences.npy"
if not sents_path.exists():
    t0 = time.time()
    sents = (work / "sentences.txt").read_text(encoding="utf-8").splitlines()
    vecs = teacher.encode(sents, log_every=200)
    np.save(sents_path, vecs)
    print(f"sentence vectors: {vecs.shape} in {time.time() - t0:.0f}s", flush=True)
