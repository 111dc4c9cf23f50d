# At exit the interpreter waits for non-daemon threads (their output comes
# after the main script's last line), abandons daemon threads, and an
# executor that was never shut down does not keep the program alive.
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def late():
    time.sleep(0.1)
    print('non-daemon thread finished after the main script')


def forever():
    while True:
        time.sleep(0.05)


ex = ThreadPoolExecutor(max_workers=2)
print(ex.submit(pow, 2, 10).result())
threading.Thread(target=late).start()
threading.Thread(target=forever, daemon=True).start()
print('main script ends')
