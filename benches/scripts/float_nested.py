# Float arithmetic in nested loops.
def run(n):
    total = 0.0
    for i in range(n):
        x = i * 0.5
        for j in range(100):
            total += x * 1.0001 - j / 3.0
    return round(total, 3)

print(run(20_000))
