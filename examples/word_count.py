"""Word frequencies of a built-in text: dicts, sorting with keys, string methods, formatting.

Run: cargo run --release -- examples/word_count.py
"""

TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair, we had everything before us,
we had nothing before us, we were all going direct to Heaven, we were all going
direct the other way.
"""


def words(text):
    for line in text.splitlines():
        for raw in line.split():
            word = raw.strip('.,;:!?"\'').lower()
            if word:
                yield word


def count(text):
    counts = {}
    for word in words(text):
        counts[word] = counts.get(word, 0) + 1
    return counts


def main():
    counts = count(TEXT)
    total = sum(counts.values())
    print('%d words, %d distinct' % (total, len(counts)))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    width = max(len(w) for w, _ in ranked[:10])
    for word, n in ranked[:10]:
        bar = '#' * n
        print(f'{word:<{width}} {n:3d} {n / total:6.1%} {bar}')
    by_length = {}
    for word in counts:
        by_length.setdefault(len(word), []).append(word)
    for length in sorted(by_length):
        print(length, ', '.join(sorted(by_length[length])))
    longest = max(counts, key=lambda w: (len(w), w))
    print('longest word:', longest.upper(), '| title case:', longest.title())


if __name__ == '__main__':
    main()
