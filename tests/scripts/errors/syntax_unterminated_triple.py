# SyntaxError: an unterminated triple-quoted string.
x = 1
s = """never
closed
