# Closures and nested loops.
def make_adder(k):
    def add(x):
        return x + k
    return add

def run(n):
    adders = [make_adder(k) for k in range(10)]
    total = 0
    for i in range(n):
        for add in adders:
            total = add(total) % 1_000_003
    return total

print(run(150_000))
