"""Pseudo-random numbers: the Mersenne Twister (MT19937), seeded and consumed
exactly as CPython does, so a script seeded with the same value draws the
same numbers under gilvm as under CPython.
"""

import math as _math
import time as _time
import os as _os

__all__ = ['Random', 'seed', 'random', 'uniform', 'randint', 'choice',
           'sample', 'randrange', 'shuffle', 'normalvariate', 'gauss',
           'expovariate', 'triangular', 'lognormvariate', 'choices',
           'getrandbits', 'getstate', 'setstate', 'randbytes']

_N = 624
_M = 397
_MATRIX_A = 0x9908b0df
_UPPER = 0x80000000
_LOWER = 0x7fffffff
_MASK32 = 0xffffffff

# The subset interpreter may lack bytearray and frozenset; name them only
# where they exist.
_SEED_BYTES_TYPES = (str, bytes)
_UNORDERED_TYPES = (set, dict)
try:
    _SEED_BYTES_TYPES += (bytearray,)
    _UNORDERED_TYPES += (frozenset,)
except NameError:
    pass

_TWOPI = 2.0 * _math.pi
_NV_MAGICCONST = 4 * _math.exp(-0.5) / _math.sqrt(2.0)


class Random:
    """A generator with its own state; the module functions share one."""

    VERSION = 3

    def __init__(self, x=None):
        self._mt = [0] * _N
        self._index = _N
        self.gauss_next = None
        self.seed(x)

    # ------------------------------------------------------------ seeding

    def seed(self, a=None, version=2):
        """Start a new sequence determined by `a` (from the clock if None)."""
        if a is None:
            a = _entropy()
        elif isinstance(a, _SEED_BYTES_TYPES):
            if version != 2:
                raise ValueError("only seed version 2 is supported for str")
            data = _to_byte_list(a)
            a = _bytes_to_int(data + _sha512(data))
        if isinstance(a, bool):
            a = int(a)
        if not isinstance(a, int):
            # CPython seeds other hashable values by their hash, as a size_t.
            a = hash(a) & 0xffffffffffffffff
        self._init_by_array(_int_to_words(abs(a)))
        self.gauss_next = None

    def _init_genrand(self, s):
        mt = self._mt
        mt[0] = s & _MASK32
        for i in range(1, _N):
            prev = mt[i - 1]
            mt[i] = (1812433253 * (prev ^ (prev >> 30)) + i) & _MASK32
        self._index = _N

    def _init_by_array(self, key):
        # The reference initialisation of MT19937 (2002/1/26 version).
        self._init_genrand(19650218)
        mt = self._mt
        i = 1
        j = 0
        n = len(key)
        for _ in range(max(_N, n)):
            prev = mt[i - 1]
            mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1664525))
                     + key[j] + j) & _MASK32
            i += 1
            j += 1
            if i >= _N:
                mt[0] = mt[_N - 1]
                i = 1
            if j >= n:
                j = 0
        for _ in range(_N - 1):
            prev = mt[i - 1]
            mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - i) & _MASK32
            i += 1
            if i >= _N:
                mt[0] = mt[_N - 1]
                i = 1
        mt[0] = 0x80000000

    # ------------------------------------------------------------ raw bits

    def _twist(self):
        # Regenerate all 624 words at once (the "generate N words" step).
        mt = self._mt
        for k in range(_N):
            y = (mt[k] & _UPPER) | (mt[(k + 1) % _N] & _LOWER)
            value = mt[(k + _M) % _N] ^ (y >> 1)
            if y & 1:
                value ^= _MATRIX_A
            mt[k] = value
        self._index = 0

    def _genrand32(self):
        if self._index >= _N:
            self._twist()
        y = self._mt[self._index]
        self._index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        y ^= y >> 18
        return y

    def random(self):
        """A float in [0.0, 1.0) with 53 random bits."""
        a = self._genrand32() >> 5
        b = self._genrand32() >> 6
        return (a * 67108864 + b) / 9007199254740992

    def getrandbits(self, k):
        """An int with k random bits; 32-bit words fill it from the low end."""
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        if k == 0:
            return 0
        if k <= 32:
            return self._genrand32() >> (32 - k)
        result = 0
        shift = 0
        while k > 0:
            word = self._genrand32()
            if k < 32:
                word >>= 32 - k
            result |= word << shift
            shift += 32
            k -= 32
        return result

    def randbytes(self, n):
        bits = self.getrandbits(n * 8)
        return bytes([(bits >> (8 * i)) & 0xff for i in range(n)])

    def getstate(self):
        return (self.VERSION, tuple(self._mt) + (self._index,), self.gauss_next)

    def setstate(self, state):
        version, internal, self.gauss_next = state
        if version != self.VERSION or len(internal) != _N + 1:
            raise ValueError("state with version %s passed to "
                             "Random.setstate() of version %s" %
                             (version, self.VERSION))
        self._mt = [x & _MASK32 for x in internal[:_N]]
        self._index = internal[_N]

    # ------------------------------------------------------------ integers

    def _randbelow(self, n):
        # Rejection sampling on just enough bits: uniform, no modulo bias.
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r

    def randrange(self, start, stop=None, step=1):
        """A random int from range(start, stop, step)."""
        istart = _as_int(start, "non-integer arg 1 for randrange()")
        if stop is None:
            if step != 1:
                raise TypeError("Missing a non-None stop argument")
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")
        istop = _as_int(stop, "non-integer stop for randrange()")
        width = istop - istart
        istep = _as_int(step, "non-integer step for randrange()")
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)"
                             % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        """A random int N with a <= N <= b."""
        return self.randrange(a, b + 1)

    # ------------------------------------------------------------ sequences

    def choice(self, seq):
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        """Shuffle list x in place (Fisher-Yates, from the end)."""
        for i in reversed(range(1, len(x))):
            j = self._randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        """k distinct elements of population, in selection order."""
        if isinstance(population, _UNORDERED_TYPES):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            return self._sample_counted(population, k, counts)
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        # Small populations: partial shuffle of a copy. Large ones: draw
        # indices and re-draw repeats (cheaper than copying). The threshold
        # must be CPython's so that both draw the same numbers.
        setsize = 21
        if k > 5:
            # 4 ** ceil(log(3k, 4)) in CPython; 3k is never a power of 4,
            # so the smallest power of 4 above 3k is the same number.
            power = 1
            while power < k * 3:
                power *= 4
            setsize += power
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = self._randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            for i in range(k):
                j = self._randbelow(n)
                while j in selected:
                    j = self._randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result

    def _sample_counted(self, population, k, counts):
        cum_counts = _accumulate(counts)
        if len(cum_counts) != len(population):
            raise ValueError('The number of counts does not match the population')
        total = cum_counts.pop()
        if not isinstance(total, int):
            raise TypeError('Counts must be integers')
        if total <= 0:
            raise ValueError('Total of counts must be greater than zero')
        picks = self.sample(range(total), k=k)
        return [population[_bisect_right(cum_counts, s, 0, len(cum_counts))]
                for s in picks]

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """k elements chosen with replacement, optionally weighted."""
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0
                return [population[_math.floor(self.random() * n)]
                        for i in range(k)]
            cum_weights = _accumulate(weights)
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not _math.isfinite(total):
            raise ValueError('Total of weights must be finite')
        hi = n - 1
        return [population[_bisect_right(cum_weights, self.random() * total, 0, hi)]
                for i in range(k)]

    # ------------------------------------------------------------ real-valued

    def uniform(self, a, b):
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _math.sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        # Kinderman and Monahan's ratio-of-uniforms method.
        while True:
            u1 = self.random()
            u2 = 1.0 - self.random()
            z = _NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -_math.log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        # Box-Muller: one draw gives two normal values; keep the second.
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = self.random() * _TWOPI
            g2rad = _math.sqrt(-2.0 * _math.log(1.0 - self.random()))
            z = _math.cos(x2pi) * g2rad
            self.gauss_next = _math.sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        return _math.exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        return -_math.log(1.0 - self.random()) / lambd


# ---------------------------------------------------------------- helpers

def _as_int(value, message):
    if isinstance(value, int):
        return int(value)
    as_int = int(value)
    if as_int != value:
        raise ValueError(message)
    return as_int


def _int_to_words(n):
    # The seed as little-endian 32-bit words; zero is the one-word key [0].
    words = []
    while n:
        words.append(n & _MASK32)
        n >>= 32
    return words or [0]


def _entropy():
    # No os.urandom here: mix the clock, the process and an address.
    return (_time.time_ns() << 32) ^ (_os.getpid() << 16) ^ id(object())


def _accumulate(values):
    total = None
    out = []
    for v in values:
        total = v if total is None else total + v
        out.append(total)
    return out


def _bisect_right(a, x, lo, hi):
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _to_byte_list(a):
    if isinstance(a, str):
        a = a.encode('utf-8')
    return [b for b in a]


def _bytes_to_int(data):
    n = 0
    for b in data:
        n = (n << 8) | b
    return n


# SHA-512 (FIPS 180-4), only to seed from strings as CPython does. Its
# constants are the fractional bits of square and cube roots of primes,
# computed on first use rather than tabled.

_MASK64 = 0xffffffffffffffff
_sha_constants = None


def _iroot(n, k):
    # Floor of the k-th root of n, by Newton's method on integers.
    x = 1 << ((n.bit_length() + k - 1) // k)
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            return x
        x = y


def _first_primes(count):
    primes = []
    candidate = 2
    while len(primes) < count:
        if all(candidate % p for p in primes):
            primes.append(candidate)
        candidate += 1
    return primes


def _sha_tables():
    global _sha_constants
    if _sha_constants is None:
        primes = _first_primes(80)
        initial = [_iroot(p << 128, 2) & _MASK64 for p in primes[:8]]
        rounds = [_iroot(p << 192, 3) & _MASK64 for p in primes]
        _sha_constants = (initial, rounds)
    return _sha_constants


def _rotr(x, n):
    return ((x >> n) | (x << (64 - n))) & _MASK64


def _sha512(data):
    initial, rounds = _sha_tables()
    length = len(data)
    message = list(data) + [0x80]
    while len(message) % 128 != 112:
        message.append(0)
    bits = length * 8
    message += [(bits >> (8 * i)) & 0xff for i in reversed(range(16))]
    h = list(initial)
    for start in range(0, len(message), 128):
        w = [_bytes_to_int(message[start + 8 * i:start + 8 * i + 8])
             for i in range(16)]
        for t in range(16, 80):
            s0 = _rotr(w[t - 15], 1) ^ _rotr(w[t - 15], 8) ^ (w[t - 15] >> 7)
            s1 = _rotr(w[t - 2], 19) ^ _rotr(w[t - 2], 61) ^ (w[t - 2] >> 6)
            w.append((w[t - 16] + s0 + w[t - 7] + s1) & _MASK64)
        a, b, c, d, e, f, g, hh = h
        for t in range(80):
            s1 = _rotr(e, 14) ^ _rotr(e, 18) ^ _rotr(e, 41)
            ch = (e & f) ^ (~e & g)
            t1 = (hh + s1 + ch + rounds[t] + w[t]) & _MASK64
            s0 = _rotr(a, 28) ^ _rotr(a, 34) ^ _rotr(a, 39)
            maj = (a & b) ^ (a & c) ^ (b & c)
            t2 = (s0 + maj) & _MASK64
            hh = g
            g = f
            f = e
            e = (d + t1) & _MASK64
            d = c
            c = b
            b = a
            a = (t1 + t2) & _MASK64
        h = [(x + y) & _MASK64 for x, y in zip(h, [a, b, c, d, e, f, g, hh])]
    digest = []
    for word in h:
        digest += [(word >> (8 * i)) & 0xff for i in reversed(range(8))]
    return digest


# ---------------------------------------------------------------- module API

_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
gauss = _inst.gauss
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes
