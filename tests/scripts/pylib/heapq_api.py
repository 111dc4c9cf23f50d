# heapq: push/pop order, heapify, replace, pushpop, nlargest/nsmallest.
import heapq

h = []
for x in [5, 1, 8, 3, 9, 2, 7, 1]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 11), data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data)
print(heapq.nlargest(3, [4, 1, 7, 3, 9, 2]), heapq.nsmallest(2, [4, 1, 7, 3, 9, 2]))
words = ['pear', 'fig', 'banana', 'kiwi', 'apple']
print(heapq.nlargest(2, words, key=len), heapq.nsmallest(2, words, key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3])))


class Task:
    def __init__(self, priority, name):
        self.priority = priority
        self.name = name

    def __lt__(self, other):
        return self.priority < other.priority


tasks = []
for p, name in [(2, 'b'), (1, 'a1'), (3, 'c'), (1, 'a2'), (2, 'b2'), (1, 'a3')]:
    heapq.heappush(tasks, Task(p, name))
print([heapq.heappop(tasks).name for _ in range(len(tasks))])
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError:', e)
