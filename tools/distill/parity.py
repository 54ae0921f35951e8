"""Write the tokenizer parity set: strings with the teacher tokenizer's ids.

Usage: parity.py SENTENCES_TXT OUT_JSON

Cases (fixed seed, so the file is reproducible): hand-written edge cases,
English sentences from the distillation set, and seeded random strings that
stress accents, punctuation, digits, emoji, CJK, Hangul, other scripts,
very long words, whitespace oddities, control and unassigned code points.

Each case holds `ids`: the teacher's ids with padding, truncation and
[CLS]/[SEP] off. Where the text contains a literal special token such as
"[CLS]", the teacher maps it to the special id; the app deliberately treats
it as plain text, so such cases also hold `ids_as_text`: the same tokenizer
pipeline (BertNormalizer, BertPreTokenizer, WordPiece) without special-token
matching. The Rust test expects `ids_as_text` when present, else `ids`.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

from teacher import MODEL_DIR, tokenizer

SEED = 4242
SPECIALS = ("[CLS]", "[SEP]", "[PAD]", "[UNK]", "[MASK]")

HAND_WRITTEN = [
    "", " ", "\t\n\r", "Hello, world!", "HELLO WORLD", "héllo wörld", "Crème brûlée à la carte",
    "naïve café résumé coöperate", "Ångström Øresund Æsir Œuvre", "straße STRASSE ẞ", "İstanbul ıi",
    "ΟΔΟΣ οδός Σίσυφος", "Привет, мир! ЁЖИК", "Ελληνικά και English", "日本語のテキストです。",
    "中文字符测试，标点！", "한국어 텍스트입니다", "ﾊﾟﾋﾟﾌﾟ half-width kana", "ｆｕｌｌｗｉｄｔｈ　ＡＢＣ１２３",
    "ﬁnancial ﬂow ﬀ ﬃ", "①②③ ⅰⅱⅲ ½ ¼ ²³", "x\u0301y\u0327z\u0308", "e\u0301\u0301\u0301",
    "a\u200bb\u200cc\u200dd\ufeffe", "left\u202eright\u202c", "tab\tnew\nline\rcr\u000bvt\u000cff",
    "nbsp\u00a0thin\u2009em\u2003ideographic\u3000space", "line\u2028sep\u2029para", "nel\u0085x",
    "null\u0000byte", "bell\u0007esc\u001b[0m", "del\u007fdel", "\ufffd replacement \ufffd",
    "private \ue000\uf8ff use", "unassigned \u0378 \U000e0001 tag", "emoji 😀 🎉 👍🏽 👨‍👩‍👧 🇫🇷",
    "newer emoji 🥰 🫠 🦩 🧋", "keycap 1️⃣ #️⃣ ©️ ™", "math 𝐀𝐁𝐂 𝔸𝔹 ∑∫√∞≠≤", "arrows → ← ↔ ⇒",
    "quotes “double” ‘single’ «guillemets» „low“", "dashes - – — ― ‐", "ellipsis… and · bullets •",
    "$100.00 €5,50 £3 ¥1000 ₹20 ₿0.1", "3.14159 1,000,000 -42 +7 1e-9 0x1F 10%", "2024-06-11T12:34:56Z",
    "v1.2.3-beta+exp.sha.5114f85", "user@example.com https://example.com/path?q=1&r=2#frag",
    "C++ C# F# .NET node.js", "ERR_CONNECTION_REFUSED E1234 HTTP/1.1 404", "snake_case camelCase kebab-case",
    "don't won't it's o'clock rock'n'roll", "(parentheses) [brackets] {braces} <angles>",
    "!!!???...,,,;;;:::", "@#$%^&*~`|\\/", "a" * 100, "a" * 101, "b" * 250,
    "pneumonoultramicroscopicsilicovolcanoconiosis", "supercalifragilisticexpialidocious" * 3,
    "antidisestablishmentarianism's", "ab" * 60, "xqzjkvw qqqq zzzz", "##hash ##es", "## ### #",
    "مرحبا بالعالم", "שלום עולם", "नमस्ते दुनिया", "สวัสดีชาวโลก", "ሰላም ዓለም", "Γειά σου Κόσμε",
    "Tiếng Việt có dấu", "Ελληνικά mixed 中文 and English 한국어", "Zalgo t̷̢͖e̵̙̓x̴̛̮t̶̰̿",
    "[CLS]", "[SEP]", "[CLS] [SEP] [UNK] [MASK]", "[PAD]hello[PAD]", "text [MASK] more", "[cls] [Sep]",
    "x[UNK]y", "[[CLS]]", "[ CLS ]", "The [SEP] is here.", "CLS SEP MASK", "[unused1] [unused99]",
]


def random_codepoint_string(rng: random.Random) -> str:
    """Arbitrary code points from all planes, including controls and unassigned ones."""
    out = []
    for _ in range(rng.randint(1, 24)):
        plane = rng.choice([0, 0, 0, 0, 1, 2, 14, 15])
        cp = rng.randrange(plane * 0x10000, plane * 0x10000 + 0x10000)
        if not 0xD800 <= cp <= 0xDFFF:
            out.append(chr(cp))
        if rng.random() < 0.3:
            out.append(" ")
    return "".join(out)


POOLS = {
    "latin": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "accents": "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝŞşĞğıİŁłŒœŠšŽžČčŘřŮů",
    "digits": "0123456789٠١٢٣٤٥٦٧٨٩０１２３",
    "punct": ".,;:!?'\"()[]{}<>-_/\\|@#$%^&*~`+=–—…«»“”‘’¡¿·•§¶†‡※、。，！？「」『』【】",
    "space": " \t\n\r\u00a0\u2000\u2003\u2009\u200b\u3000\u0085\u000b\u000c",
    "control": "\u0000\u0001\u0007\u001b\u007f\u0080\u009f\u00ad\u200e\u200f\u2060\ufeff\ufffd",
    "combining": "\u0300\u0301\u0302\u0303\u0308\u030a\u0327\u0328\u0331\u20dd\u0489",
    "cjk": "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年日本語漢字",
    "kana": "あいうえおかきくけこアイウエオカキクケコンー",
    "hangul": "가나다라마바사아자차카타파하한글국어",
    "greek_cyr": "αβγδεζηθικλμνξοπρσςτυφχψωΑΒΓΔΣΩабвгдежзийклмнопрстуфхцчшщыэюяЖЩЯ",
    "other": "مرحباשלוםनमस्तेสวัสดีሰላምᏣᎳᎩ𐐀𐐨ꙁ",
    "emoji": ["😀", "🎉", "👍", "👍🏽", "🇫🇷", "👨‍👩‍👧", "🥰", "🫠", "❤️", "✨", "🔥", "1️⃣", "🦀"],
}


def random_mixed_string(rng: random.Random) -> str:
    """Words drawn from a few character pools, joined by random separators."""
    names = rng.sample(sorted(POOLS), rng.randint(1, 4))
    words = []
    for _ in range(rng.randint(1, 8)):
        pool = POOLS[rng.choice(names)]
        words.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 12))))
    seps = [" ", " ", " ", "", "-", "\t", "  ", "\u00a0", "\n"]
    return "".join(w + rng.choice(seps) for w in words).rstrip(" ")


def long_word(rng: random.Random) -> str:
    """A word near or past the 100-character WordPiece limit."""
    n = rng.choice([98, 99, 100, 101, 102, 150, rng.randint(20, 300)])
    pool = POOLS[rng.choice(["latin", "accents", "latin", "cjk", "digits"])]
    return "".join(rng.choice(pool) for _ in range(n))


def english_with_noise(rng: random.Random, sentence: str) -> str:
    """A real sentence with case, spacing, special-token or symbol perturbations."""
    choice = rng.randrange(5)
    if choice == 0:
        return sentence.upper()
    if choice == 1:
        return sentence.replace(" ", rng.choice(["  ", "\t", "\u00a0", " \n "]))
    if choice == 2:
        words = sentence.split(" ")
        words.insert(rng.randrange(len(words) + 1), rng.choice(SPECIALS))
        return " ".join(words)
    if choice == 3:
        return sentence + " " + rng.choice(POOLS["emoji"]) + rng.choice(["!", "?!", "...", ""])
    return "".join(c + ("\u0301" if c in "aeiou" and rng.random() < 0.2 else "") for c in sentence)


def plain_tokenizer() -> Tokenizer:
    """The teacher's pipeline without special-token matching inside the text."""
    vocab = {t: i for i, t in enumerate((MODEL_DIR / "vocab.txt").read_text(encoding="utf-8").splitlines())}
    tok = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]", max_input_chars_per_word=100))
    tok.normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True
    )
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    return tok


def build(sentences: list[str]) -> list[str]:
    rng = random.Random(SEED)
    texts = list(HAND_WRITTEN)
    english = rng.sample(sentences, 900)
    texts += english[:600]
    texts += [english_with_noise(rng, s) for s in english[600:]]
    texts += [random_codepoint_string(rng) for _ in range(400)]
    texts += [random_mixed_string(rng) for _ in range(600)]
    texts += [long_word(rng) for _ in range(120)]
    return texts


def main(sentences_path: Path, out: Path) -> None:
    sentences = sentences_path.read_text(encoding="utf-8").splitlines()
    teacher, plain = tokenizer(), plain_tokenizer()
    cases = []
    for text in build(sentences):
        ids = teacher.encode(text, add_special_tokens=False).ids
        case = {"text": text, "ids": ids}
        as_text = plain.encode(text, add_special_tokens=False).ids
        if as_text != ids:
            if not any(s in text for s in SPECIALS):
                sys.exit(f"plain pipeline differs from the teacher on {text!r}")
            case["ids_as_text"] = as_text
        cases.append(case)
    doc = {
        "about": "Teacher (all-MiniLM-L6-v2 tokenizer.json) ids, no [CLS]/[SEP], no padding or "
        "truncation. ids_as_text: the ids when literal special tokens are treated as text "
        "(the app's choice). Generated by tools/distill/parity.py.",
        "vocab": "tests/fixtures/teacher_vocab.txt",
        "max_input_chars_per_word": 100,
        "cases": cases,
    }
    # One case per line keeps the fixture diffable.
    body = ",\n".join(json.dumps(c, ensure_ascii=False) for c in cases)
    head = json.dumps({k: v for k, v in doc.items() if k != "cases"}, ensure_ascii=False)[:-1]
    out.write_text(f'{head}, "cases": [\n{body}\n]}}\n', encoding="utf-8")
    special = sum("ids_as_text" in c for c in cases)
    print(f"{len(cases)} cases ({special} with literal special tokens) -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
