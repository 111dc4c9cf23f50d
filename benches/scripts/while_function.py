# The same loop inside a function (local slots).
def run(n):
    i = 0
    total = 0
    while i < n:
        total += i * 3 % 7
        i += 1
    return total

print(run(6_000_000))
