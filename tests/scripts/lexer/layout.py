# Line structure: comments, blank lines, backslash continuation, implicit joining, indentation styles.
x = 1  # a trailing comment

# a comment line


    # an indented comment line is ignored too
y = x + \
    2
print(x, y)
total = (1 +
         2 +   # comment inside brackets
         3)
print(total)
items = [
    'a',

    'b',   # blank line above is fine inside brackets
]
print(items)
d = {
    'k':
        'v',
}
print(d)
def f(a,
      b):
    return a + b
print(f(1,
        2))
if x == 1 and \
   y == 3:
    print('continued condition')
s = 'one' \
    'two'
print(s)
def two_space():
  return 'two-space indent'
print(two_space())
def tab_indent():
	return 'tab indent'
print(tab_indent())
class Deep:
        def method(self):
                if True:
                        return 'eight-space indent'
print(Deep().method())
for i in range(2): print('inline body', i)
if x: print('inline if'); print('second stmt')
while False: pass
print('semicolons'); print('work')
z = [i for i in range(3)
     if i]
print(z)
print("""triple quoted
  # not a comment
""")
def g():
    return 1
    # trailing comment at end of block

print(g())
w = 5 # comment without space after value
print(w)
if True:
    pass
# comment at column zero between blocks
else_value = 'after'
print(else_value)
def last():
    return 'last line without newline at end'
print(last())
print('no newline at end of file')