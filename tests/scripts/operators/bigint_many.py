# Many big-integer operations against CPython: + - * // % ** divmod, shifts, bit ops, str, negatives.
seed = 987654321
def lcg():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return seed
nums = []
for i in range(40):
    n = lcg()
    for _ in range(i % 5):
        n = n * lcg() + lcg()
    if i % 3 == 0:
        n = -n
    nums.append(n)
nums += [0, 1, -1, 2 ** 63 - 1, -(2 ** 63), 2 ** 63, 2 ** 64 - 1, -(2 ** 64)]
for a, b in zip(nums, nums[1:] + nums[:1]):
    row = [a + b, a - b, a * b]
    if b:
        row += [a // b, a % b, divmod(a, b)]
    row += [a & b, a | b, a ^ b, ~a, a >> 3, a << 5, abs(a), -a]
    row += [a == b, a < b, a >= b, (a > 0) - (a < 0)]
    print(row)
for n in nums[:20]:
    print(str(n), hex(n), oct(n)[:20], bin(n)[:30], len(str(n)), n.bit_length() if hasattr(n, 'bit_length') else 0)
print(pow(nums[1], 3), pow(abs(nums[2]), 5, 10 ** 9 + 7), pow(3, 1000) % 10 ** 20)
print(int(str(nums[5])) == nums[5], int(hex(abs(nums[6])), 16) == abs(nums[6]))
print(sum(nums), max(nums), min(nums), sorted(nums)[:3])
print(hash(2 ** 100) == hash(2 ** 100), (2 ** 100) // (2 ** 50) == 2 ** 50, 10 ** 40 / 10 ** 20)
print([((-7) ** k) % 13 for k in range(10)], [2 ** k // 3 ** (k // 2) for k in range(0, 200, 25)])
print(12345678901234567890123 * 98765432109876543210 // 1000000007 % 999999937)
f = 1
for k in range(1, 60):
    f *= k
print(f, f % (2 ** 61 - 1), f // 10 ** 70)
