# An uncaught NameError at module level.
print('before')
x = 1
print(undefined_variable + x)
