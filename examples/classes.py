"""A small class hierarchy: shapes with properties, operators, sorting and a registry.

Run: cargo run --release -- examples/classes.py
"""
import math


class Shape:
    registry = []

    def __init__(self, name):
        self.name = name
        Shape.registry.append(self)

    @property
    def area(self):
        raise NotImplementedError

    def __lt__(self, other):
        return self.area < other.area

    def __repr__(self):
        return '%s(%s, area=%.2f)' % (type(self).__name__, self.name, self.area)


class Circle(Shape):
    def __init__(self, name, radius):
        super().__init__(name)
        self.radius = radius

    @property
    def area(self):
        return math.pi * self.radius ** 2


class Rect(Shape):
    def __init__(self, name, w, h):
        super().__init__(name)
        self.w, self.h = w, h

    @property
    def area(self):
        return self.w * self.h

    def __add__(self, other):
        return Rect(self.name + '+' + other.name, self.w + other.w, max(self.h, other.h))


class Square(Rect):
    def __init__(self, name, side):
        super().__init__(name, side, side)

    @classmethod
    def unit(cls):
        return cls('unit', 1)


def main():
    shapes = [Circle('c1', 1.5), Rect('r1', 2, 5), Square('s1', 3), Square.unit()]
    shapes.append(shapes[1] + shapes[2])
    for shape in sorted(shapes):
        print(shape)
    print('largest:', max(shapes).name)
    print('total area: %.3f' % sum(s.area for s in shapes))
    print('registered:', len(Shape.registry))
    print('MRO of Square:', ' -> '.join(c.__name__ for c in Square.__mro__))
    by_kind = {}
    for s in shapes:
        by_kind.setdefault(type(s).__name__, []).append(s.name)
    for kind in sorted(by_kind):
        print(kind, by_kind[kind])


if __name__ == '__main__':
    main()
