def loops(items):
    for i in items:
        if i:
            continue
        while i > 0:
            i -= 1
            if i == 3:
                break
        else:
            print("no break")
    else:
        return None

def errors():
    try:
        risky()
    except (ValueError, TypeError) as e:
        print(e)
    except KeyError:
        pass
    except:
        raise
    else:
        print("ok")
    finally:
        print("done")

def returns_in_finally(xs):
    for x in xs:
        try:
            return x
        finally:
            print("cleanup")

def with_blocks(path):
    with open(path) as f, lock:
        return f.read()

def raising():
    raise ValueError("bad") from None
