# An uncaught user-defined exception with a custom __str__.
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem

    def __str__(self):
        return '%s: %s' % (self.field, self.problem)


def validate(record):
    if 'age' not in record:
        raise ValidationError('age', 'is required')


validate({'age': 3})
validate({'name': 'x'})
