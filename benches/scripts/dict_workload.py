# Dict inserts, lookups and updates with int and str keys.
def run(n):
    counts = {}
    names = {}
    for i in range(n):
        k = i % 1000
        counts[k] = counts.get(k, 0) + 1
        names["key" + str(k)] = i
    total = 0
    for k in counts:
        total += counts[k]
    return total, len(names)

print(run(600_000))
