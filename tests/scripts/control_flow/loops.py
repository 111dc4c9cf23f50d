# while/for with break, continue and else; nested loops; loop variables after the loop.
for i in range(5):
    if i == 1:
        continue
    if i == 4:
        break
    print('i', i)
else:
    print('not reached')
print('after for', i)
n = 0
while n < 10:
    n += 1
    if n % 3:
        continue
    print('n', n)
else:
    print('while else', n)
found = None
for row in range(3):
    for col in range(3):
        if row * col == 2:
            found = (row, col)
            break
    else:
        continue
    break
print('found', found)
for ch in 'abc':
    print(ch, end=' ')
print()
for k, v in {'x': 1, 'y': 2}.items():
    print(k, v)
for i, ch in enumerate('xy', start=10):
    print(i, ch)
for a, b in zip([1, 2, 3], 'ab'):
    print(a, b)
total = 0
for x in range(100):
    total += x
print(total)
count = 0
while True:
    count += 1
    if count >= 1000:
        break
print(count)
items = [1, 2, 3]
for x in items:
    if x == 2:
        items.append(4)
print(items)
for x in range(3, 0, -1):
    print('down', x)
for x in range(0):
    print('never')
print([x for x in range(-5, 5, 3)])
i = 10
for i in range(2):
    pass
print(i)
def first_negative(xs):
    for x in xs:
        if x < 0:
            return x
    return None
print(first_negative([3, -1, -2]), first_negative([]))
def loop_in_try():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print('try body', i)
        finally:
            print('finally', i)
    return 'done'
print(loop_in_try())
def return_in_finally_loop():
    for i in range(3):
        try:
            return i
        finally:
            print('cleanup', i)
print(return_in_finally_loop())
while 0:
    print('never')
else:
    print('while 0 else')
