# Method calls and attribute access on instances.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def norm1(self):
        return abs(self.x) + abs(self.y)

def run(n):
    p = Point(0, 0)
    total = 0
    for i in range(n):
        p = p.moved(1, -1)
        total += p.norm1()
    return total

print(run(600_000))
