"""What a GIL does: CPU-bound threads take as long as running serially, sleeping threads overlap.

Run: cargo run --release -- examples/threads_cpu_vs_io.py
(Timings vary from run to run; the ratios are the point.)
"""
import threading
import time

THREADS = 4


def cpu_work(n=1000000):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def io_work(seconds=0.2):
    time.sleep(seconds)


def timed(label, fn):
    start = time.time()
    fn()
    elapsed = time.time() - start
    print('%-28s %6.3f s' % (label, elapsed))
    return elapsed


def run_threads(target):
    threads = [threading.Thread(target=target) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def serial(target):
    for _ in range(THREADS):
        target()


def main():
    print('%d units of work each way\n' % THREADS)
    cpu_serial = timed('CPU-bound, serial', lambda: serial(cpu_work))
    cpu_threads = timed('CPU-bound, %d threads' % THREADS, lambda: run_threads(cpu_work))
    io_serial = timed('sleep-bound, serial', lambda: serial(io_work))
    io_threads = timed('sleep-bound, %d threads' % THREADS, lambda: run_threads(io_work))
    print()
    print('CPU-bound threads / serial:   %.2fx  (about 1: the GIL lets one thread run at a time)' % (cpu_threads / cpu_serial))
    print('sleep-bound threads / serial: %.2fx  (about 1/%d: sleeping releases the GIL)' % (io_threads / io_serial, THREADS))


if __name__ == '__main__':
    main()
