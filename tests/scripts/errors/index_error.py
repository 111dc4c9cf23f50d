# An uncaught IndexError inside a lambda called from a comprehension.
data = [1, 2, 3]
get = lambda i: data[i]
print([get(i) for i in range(2)])
print([get(i) for i in range(5)])
