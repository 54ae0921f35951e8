"""Build the general-English sentence set used to refit the token table.

The text comes only from Debian packages unpacked with `dpkg -x` (see run.sh):
WordNet glosses and usage examples, BSD fortunes, the prose of the Debian
FAQ and Debian Reference, and task-oriented help (GNOME user help, LibreOffice
help, the Debian Administrator's Handbook), which is the packaged English
closest to product docs and FAQs. Never from the app's corpus or evaluation questions.

Output order is deterministic: sources are read in a fixed order, sentences
are de-duplicated, then shuffled with a fixed seed.
"""

from __future__ import annotations

import gzip
import html
import random
import re
from pathlib import Path

SEED = 20240611
MIN_CHARS = 12
MAX_CHARS = 400

_TAG = re.compile(r"<[^>]+>")
_SCRIPT = re.compile(r"<(script|style|pre)[^>]*>.*?</\1>", re.S | re.I)
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
_WS = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip()


def wordnet(root: Path) -> list[str]:
    """Glosses and quoted examples from WordNet's data.* files."""
    out: list[str] = []
    for pos in ("noun", "verb", "adj", "adv"):
        path = root / "usr/share/wordnet" / f"data.{pos}"
        for line in path.read_text(encoding="latin-1").splitlines():
            if line.startswith("  ") or "|" not in line:
                continue  # licence header
            gloss = line.split("|", 1)[1]
            for part in gloss.split(";"):
                part = _clean(part.strip().strip('"'))
                if part:
                    out.append(part)
    return out


def fortunes(root: Path) -> list[str]:
    """Fortune cookies (one cookie per item), skipping ASCII art."""
    out: list[str] = []
    folder = root / "usr/share/games/fortunes"
    for path in sorted(folder.iterdir()):
        if path.suffix in (".dat", ".u8") or path.is_dir() or "art" in path.name:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for cookie in text.split("\n%\n"):
            cookie = _clean(cookie)
            if cookie:
                out.append(cookie)
    return out


def _html_sentences(text: str) -> list[str]:
    text = _SCRIPT.sub(" ", text)
    text = html.unescape(_TAG.sub(" ", text))
    return [_clean(s) for s in _SENT_END.split(_clean(text))]


def debian_docs(root: Path) -> list[str]:
    """Sentences of the Debian FAQ and Debian Reference HTML pages."""
    out: list[str] = []
    paths = sorted((root / "usr/share/doc/debian/FAQ").glob("*.en.html"))
    paths += sorted((root / "usr/share/doc/debian-reference-en").rglob("*.en.html"))
    for path in paths:
        out.extend(_html_sentences(path.read_text(encoding="utf-8", errors="replace")))
    return out


def product_docs(root: Path) -> list[str]:
    """Task-oriented help text, the closest packaged English to product docs and FAQs:
    GNOME user help (Mallard pages), LibreOffice help and the Debian Administrator's Handbook."""
    out: list[str] = []
    paths = sorted((root / "usr/share/help/C").rglob("*.page"))
    paths += sorted((root / "usr/share/libreoffice/help/en-US").rglob("*.html"))
    paths += sorted((root / "usr/share/doc/debian-handbook/html/en-US").glob("*.html"))
    for path in paths:
        out.extend(_html_sentences(path.read_text(encoding="utf-8", errors="replace")))
    return out


def build(root: Path) -> list[str]:
    """All sentences, filtered by length, de-duplicated, shuffled with SEED."""
    seen: set[str] = set()
    kept: list[str] = []
    for source in (wordnet, fortunes, debian_docs, product_docs):
        for s in source(root):
            if not (MIN_CHARS <= len(s) <= MAX_CHARS):
                continue
            if sum(c.isalpha() for c in s) < len(s) // 2:
                continue  # code, tables, punctuation runs
            if s in seen:
                continue
            seen.add(s)
            kept.append(s)
    random.Random(SEED).shuffle(kept)
    return kept


if __name__ == "__main__":
    import sys

    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    sents = build(root)
    out.write_text("\n".join(sents) + "\n", encoding="utf-8")
    print(f"{len(sents)} sentences -> {out}")
