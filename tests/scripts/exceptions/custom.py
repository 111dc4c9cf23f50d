# Custom exception classes: subclassing, extra attributes, __str__, catching by base class.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__('not found: ' + key)
        self.key = key
class Detailed(AppError):
    def __init__(self, code, detail):
        self.code = code
        self.detail = detail
    def __str__(self):
        return f'[{self.code}] {self.detail}'
try:
    raise NotFound('user')
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, repr(e))
try:
    raise Detailed(404, 'missing')
except Exception as e:
    print(str(e), e.args, e.code, repr(e))
class WithRepr(Exception):
    def __repr__(self):
        return 'WithRepr!'
print(repr(WithRepr('a')), str(WithRepr('a')))
for exc in [NotFound('x'), Detailed(1, 'd'), ValueError('v'), KeyError('k')]:
    try:
        raise exc
    except NotFound:
        print('NotFound handler')
    except AppError as e:
        print('AppError handler', e)
    except (ValueError, KeyError) as e:
        print('builtin handler', type(e).__name__)
class MyKeyError(KeyError):
    pass
try:
    raise MyKeyError('mk')
except LookupError as e:
    print('LookupError caught', repr(e), str(e))
try:
    raise AppError
except AppError as e:
    print('raised class', repr(e), e.args)
class Base(Exception):
    def describe(self):
        return 'I am ' + type(self).__name__
class Child(Base):
    pass
try:
    raise Child('c')
except Base as e:
    print(e.describe(), isinstance(e, Exception))
e = NotFound('z')
print(e.__traceback__ is None, e.__cause__, e.__context__)
class ErrWithDefault(Exception):
    def __init__(self, msg='default message'):
        super().__init__(msg)
try:
    raise ErrWithDefault()
except ErrWithDefault as e:
    print(e)
try:
    raise ErrWithDefault
except ErrWithDefault as e:
    print(e)
