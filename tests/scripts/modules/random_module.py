# random: seeded sequences must equal CPython's exactly.
import random
random.seed(42)
print(random.random(), random.random())
print([random.randint(1, 100) for _ in range(10)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 50, 5) for _ in range(5)])
print(random.choice('abcdefg'), random.choice([10, 20, 30]), random.choice(range(100)))
deck = list(range(20))
random.shuffle(deck)
print(deck)
print([round(random.uniform(1, 2), 12) for _ in range(3)])
random.seed(42)
again = random.random()
random.seed(42)
print(again == random.random())
random.seed(0)
print(random.random(), random.randint(0, 10 ** 12), random.randrange(2 ** 70))
random.seed(12345)
print([random.randint(-5, 5) for _ in range(20)])
random.seed(2 ** 80 + 7)
print(random.random())
random.seed(-3)
print(random.random())
random.seed(1)
xs = list('abcdef')
random.shuffle(xs)
print(xs, random.choice(xs))
try:
    random.choice([])
except IndexError as e:
    print('IndexError:', e)
try:
    random.randrange(0)
except ValueError as e:
    print('ValueError:', e)
try:
    random.randint(5, 1)
except ValueError as e:
    print('ValueError:', e)
random.seed(99)
print(all(0 <= random.random() < 1 for _ in range(1000)), all(1 <= random.randint(1, 6) <= 6 for _ in range(1000)))
counts = [0] * 6
for _ in range(600):
    counts[random.randint(1, 6) - 1] += 1
print(counts)
