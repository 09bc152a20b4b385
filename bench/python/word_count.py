"""word_count: split a generated text into words, count them in a dict, rank them by count:
str methods, dict updates and a keyed sort, after a text generator built on random.choice.

Not a pyperformance benchmark: a small script of the kind users write.  Each call seeds
random (seed 2024), makes a vocabulary of VOCAB (2000) distinct words from random syllables,
a pool in which the word of rank r appears 200 // r + 1 times (so counts fall off like
Zipf's law), then sentences of 4-14 words drawn with random.choice from the pool, the first
word capitalized and a punctuation mark after the last, one sentence per line, until WORDS
words (env WORD_COUNT_WORDS, default 800000: about half a second on CPython 3.11).  Then it
splits the text, strips punctuation, lower-cases, counts in a dict with get(), and sorts the
(word, count) pairs by descending count, then word.  Generation (random.choice is most of it)
and counting are both inside the timing.  Check values: words, distinct words, the top 10 as
text, and a checksum over the whole ranking.  Metrics: cold_s (the first call in the
process), warm_s (median of the next BENCH_REPS calls, default 5).  Twin of
bench/word_count.skein.
"""
import os
import random

from benchutil_local import Bench, cold_and_warm

WORDS = int(os.environ.get("WORD_COUNT_WORDS", "800000"))
VOCAB = 2000
SEED = 2024
SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vel", "qu", "an", "dor",
             "is", "ne", "th", "or", "pe", "li", "um", "ra", "shi", "ble"]
ENDINGS = [".", ".", ".", ".", "!", "?", ";", ","]


def make_vocabulary(size):
    vocab = []
    seen = {}
    while len(vocab) < size:
        w = "".join([random.choice(SYLLABLES) for _ in range(random.randint(1, 4))])
        if w not in seen:
            seen[w] = True
            vocab.append(w)
    return vocab


def make_text(n_words):
    random.seed(SEED)
    vocab = make_vocabulary(VOCAB)
    pool = [w for rank, w in enumerate(vocab) for _ in range(200 // (rank + 1) + 1)]
    sentences = []
    total = 0
    while total < n_words:
        k = random.randint(4, 14)
        s = [random.choice(pool) for _ in range(k)]
        s[0] = s[0].capitalize()
        s[-1] += random.choice(ENDINGS)
        sentences.append(" ".join(s))
        total += k
    return "\n".join(sentences)


def count_words(text):
    counts = {}
    for w in text.split():
        w = w.strip(".,;!?").lower()
        counts[w] = counts.get(w, 0) + 1
    return counts


def run():
    counts = count_words(make_text(WORDS))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    total = sum(c for _, c in ranked)
    checksum = sum((i + 1) * c * len(w) for i, (w, c) in enumerate(ranked)) % 1_000_000_007
    top = " ".join(f"{w}:{c}" for w, c in ranked[:10])
    return [total, len(ranked), top, checksum]


def main():
    b = Bench("word_count")
    total, distinct, top, checksum = cold_and_warm(b, run)
    b.check("words", total)
    b.check("distinct", distinct)
    b.check("top10", top)
    b.check("checksum", checksum)
    b.emit()


if __name__ == "__main__":
    main()
