# Creating, listing, running and closing interpreters; isolation of globals.
from concurrent import interpreters

main = interpreters.get_main()
print("main:", main, main.id, interpreters.get_current() is main)
print("main running:", main.is_running())
print("list:", interpreters.list_all())

interp = interpreters.create()
print("created:", interp, interp.id > main.id)
print("same object for the id:", interpreters.Interpreter(interp.id) is interp)
print("listed:", interp in interpreters.list_all(), len(interpreters.list_all()))
print("running before exec:", interp.is_running())

# exec runs in the interpreter's own __main__, which keeps its globals.
interp.exec("x = 40\nprint('inside: __name__ =', __name__)")
interp.exec("x += 2\nprint('inside: x =', x)")
x = "main's x"
interp.exec("print('inside again:', x)")
print("main's x untouched:", x)

# A global of the main interpreter is absent in the other one.
secret = 123
try:
    interp.exec("print(secret)")
except interpreters.ExecutionFailed as e:
    print("absent:", e.excinfo.type.__name__, "-", e.excinfo.msg)

# Builtins are per interpreter too.
interp.exec("import builtins\nbuiltins.only_here = 1\nprint('set:', only_here)")
print("not in main:", hasattr(__builtins__, "only_here") if not isinstance(__builtins__, dict) else "only_here" in __builtins__)

# get_current inside the other interpreter.
interp.exec("""
from concurrent import interpreters
cur = interpreters.get_current()
print('current inside:', cur.id == %d, cur.id != interpreters.get_main().id)
""" % interp.id)

# prepare_main binds copies.
interp.prepare_main({"a": 1}, b=[2, 3], c="four")
interp.exec("print('prepared:', a, b, c)")
interp.prepare_main(a=10)
interp.exec("print('rebound:', a)")
interp.prepare_main()

# A syntax error is reported like any other exception.
try:
    interp.exec("def (:")
except interpreters.ExecutionFailed as e:
    print("syntax:", e.excinfo.type.__name__)

# exec takes a string.
try:
    interp.exec(42)
except TypeError as e:
    print("TypeError:", e)

# Eight interpreters, each with its own state, then closed.
many = [interpreters.create() for _ in range(8)]
for i, it in enumerate(many):
    it.prepare_main(n=i)
    it.exec("total = n * n")
for it in many:
    it.exec("print('total', total, end='; ')")
print()
ids = [it.id for it in many]
print("distinct ids:", len(set(ids)) == 8, all(i in interpreters.list_all() for i in many))
for it in many:
    it.close()
print("closed ones gone:", [i for i in many if i in interpreters.list_all()])
try:
    many[0].exec("pass")
except interpreters.InterpreterNotFoundError as e:
    print("InterpreterNotFoundError:", str(e).startswith("unrecognized interpreter ID"))
try:
    many[1].close()
except interpreters.InterpreterNotFoundError:
    print("closing twice: InterpreterNotFoundError")
print("is InterpreterError:", issubclass(interpreters.InterpreterNotFoundError, interpreters.InterpreterError))

# The main interpreter cannot be run in or closed from here.
for op in (lambda: main.exec("pass"), main.close, lambda: main.prepare_main(a=1)):
    try:
        op()
    except interpreters.InterpreterError as e:
        print("main:", type(e).__name__, e)

# An interpreter cannot close itself.
try:
    interp.exec("from concurrent import interpreters\ninterpreters.get_current().close()")
except interpreters.ExecutionFailed as e:
    print("self-close:", e.excinfo.formatted)

interp.close()
print("end:", interpreters.list_all() == [main])
