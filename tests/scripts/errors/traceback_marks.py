# The `^^^` marks under traceback lines (PEP 657), one thread per error so
# that every traceback reaches stderr; the harness compares each frame's marks.
import threading


class Box:
    pass


def binary_operands():
    a, b = {"k": "s"}, 1
    return a["k"] + b


def parenthesised_operand():
    return ((1)) + None


def two_character_operator():
    zero = 0
    return 10 // zero


def subscript():
    table = {}
    return table["missing"]


def attribute():
    return Box().missing


def method_call():
    return Box().missing(1, 2)


def call_arguments():
    def f(a):
        return a
    return [f(1, 2)]


def attribute_on_a_later_line():
    text = "abc"
    return (text
            .upper()
            .nope())


def expression_over_lines():
    return (1 +
            "s")


def augmented_attribute():
    box = Box()
    box.count += 1


def augmented_subscript():
    counts = {}
    counts["k"] += 1


def augmented_name():
    total = "s"
    total += 1


def unpacking():
    first, second = [1, 2, 3]


def deletion():
    del undefined_name


def failed_comparison():
    value = 1
    assert value == 2, "not two"


def deco(function):
    return function.nope


def decorated():
    @deco
    def inner():
        pass


def wide_characters():
    text = "日本"
    return text + 1 + 2


def in_a_comprehension():
    return [x + 1 for x in [1, "s"]]


def in_a_lambda():
    shout = lambda s: s.upper() + None
    return shout("a")


def in_an_fstring():
    value = None
    return f"{value + 1}"


def walrus_condition():
    if (n := None + 1):
        return n


def whole_line():
    raise ValueError("no marks: the line is the statement")


def nested_calls():
    return str(len(attribute_holder()))


def attribute_holder():
    return Box().nothing


for work in [binary_operands, parenthesised_operand, two_character_operator, subscript,
             attribute, method_call, call_arguments, attribute_on_a_later_line,
             expression_over_lines, augmented_attribute, augmented_subscript,
             augmented_name, unpacking, deletion, failed_comparison, decorated,
             wide_characters, in_a_comprehension, in_a_lambda, in_an_fstring,
             walrus_condition, whole_line, nested_calls]:
    thread = threading.Thread(target=work, name=work.__name__)
    thread.start()
    thread.join()
    print("done", work.__name__)

values = [1, 2, 3]
print(values[0] + values[1] * values[10])
