# 20 nested for loops: the most CPython accepts.
count = 0
for i0 in range(2 if 0 < 10 else 1):
    for i1 in range(2 if 1 < 10 else 1):
        for i2 in range(2 if 2 < 10 else 1):
            for i3 in range(2 if 3 < 10 else 1):
                for i4 in range(2 if 4 < 10 else 1):
                    for i5 in range(2 if 5 < 10 else 1):
                        for i6 in range(2 if 6 < 10 else 1):
                            for i7 in range(2 if 7 < 10 else 1):
                                for i8 in range(2 if 8 < 10 else 1):
                                    for i9 in range(2 if 9 < 10 else 1):
                                        for i10 in range(2 if 10 < 10 else 1):
                                            for i11 in range(2 if 11 < 10 else 1):
                                                for i12 in range(2 if 12 < 10 else 1):
                                                    for i13 in range(2 if 13 < 10 else 1):
                                                        for i14 in range(2 if 14 < 10 else 1):
                                                            for i15 in range(2 if 15 < 10 else 1):
                                                                for i16 in range(2 if 16 < 10 else 1):
                                                                    for i17 in range(2 if 17 < 10 else 1):
                                                                        for i18 in range(2 if 18 < 10 else 1):
                                                                            for i19 in range(2 if 19 < 10 else 1):
                                                                                count += 1
print(count)
