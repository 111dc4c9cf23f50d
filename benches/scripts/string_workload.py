# String building, splitting, joining and methods.
def run(n):
    words = []
    for i in range(n):
        words.append("w" + str(i % 97))
    text = " ".join(words)
    parts = text.split(" ")
    upper = 0
    for p in parts:
        if p.upper().startswith("W1"):
            upper += 1
    return len(text), upper

print(run(400_000))
