# An uncaught exception raised while a class body runs.
def compute():
    return {}['missing']


class Config:
    name = 'config'
    value = compute()
