# List comprehensions and sorted with a key lambda.
def run(rounds):
    total = 0
    for r in range(rounds):
        data = [(i * 7919 + r) % 10007 for i in range(10_000)]
        ordered = sorted(data, key=lambda v: -v)
        total += ordered[0] + ordered[-1]
    return total

print(run(40))
