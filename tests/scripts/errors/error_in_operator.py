# An uncaught exception raised inside a user __add__ reached through the + operator.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if not isinstance(other, Money):
            raise TypeError('can only add Money to Money')
        return Money(self.cents + other.cents)


total = Money(1) + Money(2)
print(total.cents)
total = total + 5
