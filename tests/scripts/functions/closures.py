# Closures, nonlocal, global, lambdas capturing variables, late binding.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())
def adder(n):
    return lambda x: x + n
add5 = adder(5)
print(add5(10), adder(-1)(1))
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
def outer():
    x = 'outer'
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
def rebind():
    x = 1
    def set_x():
        nonlocal x
        x = 2
    set_x()
    return x
print(rebind())
g = 'global'
def read_global():
    return g
def write_global():
    global g
    g = 'changed'
print(read_global())
write_global()
print(read_global(), g)
def shadow():
    g = 'local'
    return g
print(shadow(), g)
def cell_after_def():
    def get():
        return late
    late = 'late value'
    return get()
print(cell_after_def())
def nested_nonlocal():
    a = 0
    def level1():
        def level2():
            nonlocal a
            a += 10
        level2()
        level2()
    level1()
    return a
print(nested_nonlocal())
def accumulate():
    items = []
    def add(x):
        items.append(x)
        return items
    return add
acc = accumulate()
acc(1)
print(acc(2))
def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
    y = 1
unbound()
def free_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ':', e)
    z = 1
free_unbound()
compose = lambda f, g: lambda x: f(g(x))
print(compose(lambda x: x * 2, lambda x: x + 1)(5))
print((lambda *a: sum(a))(1, 2, 3), (lambda **k: sorted(k))(b=1, a=2))
def counter_pair():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter_pair()
inc(); inc()
print(get())
x = 'module'
class K:
    x = 'class'
    def m(self):
        return x
    y = [x for _ in range(1)]
print(K().m(), K.y)
print(make_counter.__name__, c1.__name__, (lambda: 0).__name__)
