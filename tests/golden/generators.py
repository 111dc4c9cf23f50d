def counter(n):
    i = 0
    while i < n:
        sent = yield i
        if sent is not None:
            i = sent
        else:
            i += 1
    return "done"

def delegate():
    result = yield from counter(3)
    try:
        yield result
    finally:
        print("closed")

def pipeline(rows):
    return (r.strip() for r in rows if r)

def nested_comp(matrix):
    return [[cell * 2 for cell in row] for row in matrix]
