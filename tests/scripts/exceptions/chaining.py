# __cause__, __context__, __suppress_context__, raise from, raise from None.
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('wrapped') from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        {}['k']
    except KeyError:
        raise RuntimeError('during handling')
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    try:
        [][1]
    except IndexError:
        raise TypeError('no context shown') from None
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError('v') from KeyError('k')
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise ValueError('v') from KeyError
except ValueError as e:
    print(repr(e.__cause__))
try:
    try:
        raise ValueError('inner')
    finally:
        print('finally before propagate')
except ValueError as e:
    print('outer got', e, e.__context__)
def nested():
    try:
        raise KeyError('first')
    except KeyError:
        try:
            raise ValueError('second')
        except ValueError:
            raise TypeError('third')
try:
    nested()
except TypeError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
e = ValueError('manual')
e.__cause__ = KeyError('set')
print(repr(e.__cause__))
try:
    raise ValueError('x') from 5
except TypeError as e:
    print('TypeError:', e)
