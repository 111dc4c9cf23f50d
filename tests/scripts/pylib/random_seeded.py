# random: seeded runs repeat CPython's Mersenne Twister sequences exactly.
import random

for seed in (42, 0, 12345, 2 ** 70, -5, 'text seed', b'bytes'):
    random.seed(seed)
    print(seed, random.random(), random.random())
    print(random.randint(1, 6), random.randint(-100, 100), random.randrange(10),
          random.randrange(0, 100, 5), random.randrange(50, 0, -7),
          random.randrange(10 ** 20))
    print(random.getrandbits(1), random.getrandbits(31), random.getrandbits(32),
          random.getrandbits(64), random.getrandbits(100))
    print(random.choice('abcdefgh'), random.choice([10, 20, 30]))
    deck = list(range(15))
    random.shuffle(deck)
    print(deck)
    print(random.sample(range(100), 5), random.sample('abcdef', 6))
    print(random.sample(range(10 ** 6), 3))
    print(random.choices('xyz', k=5), random.choices([1, 2, 3], weights=[1, 0, 8], k=6))
    print(random.choices('ab', cum_weights=[1, 10], k=4))
    print(random.uniform(2.5, 7.5), random.gauss(0, 1), random.gauss(10, 2))
    print(random.normalvariate(0, 1), random.expovariate(2.0), random.triangular(0, 1, 0.2))

r1 = random.Random(7)
r2 = random.Random(7)
print([r1.random() for _ in range(3)] == [r2.random() for _ in range(3)])
print(r1.randint(0, 1000), r2.randint(0, 1000))
state = r1.getstate()
a = [r1.random() for _ in range(3)]
r1.setstate(state)
print(a == [r1.random() for _ in range(3)])
random.seed(99)
x = random.random()
random.seed(99)
print(x == random.random())

for bad in [(0,), (5, 2), (1, 10, 0), (10, 1, 1)]:
    try:
        random.randrange(*bad)
    except ValueError as e:
        print(bad, 'ValueError:', e)
try:
    random.randrange(5, step=2)
except TypeError as e:
    print('TypeError:', e)
try:
    random.choice([])
except IndexError as e:
    print('IndexError:', e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print('ValueError:', e)
try:
    random.sample({1, 2}, 1)
except TypeError as e:
    print('TypeError:', e)
try:
    random.getrandbits(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    random.choices('ab', [1])
except ValueError as e:
    print('ValueError:', e)
print(random.getrandbits(0))
random.seed()
v = random.random()
print(0.0 <= v < 1.0)
