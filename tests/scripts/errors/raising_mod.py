# Helper module whose function raises (not a test itself).
def explode(value):
    check = value * 2
    raise LookupError('exploded with %r' % check)
