# Generators: creation, resumption and iteration.
def numbers(n):
    for i in range(n):
        yield i * 2

def evens(source):
    for x in source:
        if x % 4 == 0:
            yield x

print(sum(evens(numbers(2_000_000))))
