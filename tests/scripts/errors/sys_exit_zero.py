# sys.exit(0) inside nested calls and a finally: status 0, finally runs.
import sys
def work():
    try:
        sys.exit(0)
    finally:
        print('finally runs on exit')
work()
print('never')
