# os._exit(4) ends the process at once with status 4: no finally, no atexit.
import os
import sys
print('before _exit')
sys.stdout.flush()
try:
    os._exit(4)
finally:
    print('never printed')
