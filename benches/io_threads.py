# Threads and the GIL, gilvm against CPython side by side (issue 5).
#
#     python3 benches/io_threads.py [GILVM...] [--runs N] [--only CASE]
#
# GILVM defaults to target/release/gilvm. Every case runs as its own process,
# alternately under gilvm and python3, RUNS times (default 3); the table shows
# each one's median and the ratio gilvm / python3 where a time is compared.
# Given several gilvm binaries (say, before and after a change), the runner
# alternates all of them with python3, so they are compared under one load.
# The cases (also runnable alone: `gilvm benches/io_threads.py --case NAME`):
#
#   cpu_split   the same loop work split over 1, 2, 4, 8 threads: time of k
#               threads / time of one (target <= 1.10)
#   io_block    50 threads each blocked 0.1 s in sleep, select, socket recv:
#               wall time (target <= 0.15 s)
#   convoy      request/response round trips over a socketpair (an echo
#               thread at the far end) next to 0, 1, 2, 4 CPU-bound threads:
#               round-trip rate kept, % of the rate alone (target >= 50 %)
#   shares      two CPU-bound threads for one second: each one's share of the
#               work done (target 40-60 %)
#   ping_pong   two threads handing the turn back and forth through Events:
#               round trips per second (target: at least CPython's)
#   pool        ThreadPoolExecutor(8) with its workers idle: cost of one
#               submit, and of submit + result
#   queue_sem   SimpleQueue.put + Semaphore(0).acquire(timeout=0), 2000 rounds
#   start       starting N threads that each wait on one Event, then joining
#               them: cost per thread at N = 1000 and N = 4000
import select
import socket
import sys
import threading
import time

# ---------------------------------------------------------------- workloads


def spin(n):
    x = 0
    for i in range(n):
        x = x + i % 7
    return x


def timed_threads(k, work):
    threads = [threading.Thread(target=spin, args=(work // k,)) for _ in range(k)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def case_cpu_split():
    work = 4_000_000
    serial = timed_threads(1, work)
    for k in (2, 4, 8):
        report('cpu_split x%d' % k, timed_threads(k, work) / serial, 'x serial')


def blocked_sleep(_):
    time.sleep(0.1)


def blocked_select(_):
    select.select([], [], [], 0.1)


def blocked_recv(sock):
    sock.settimeout(0.1)
    try:
        sock.recv(1)
    except socket.timeout:
        pass


def case_io_block():
    pairs = [socket.socketpair() for _ in range(50)]
    for name, target in (('sleep', blocked_sleep), ('select', blocked_select), ('recv', blocked_recv)):
        threads = [threading.Thread(target=target, args=(pairs[i][0],)) for i in range(50)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        report('io_block %s' % name, time.perf_counter() - start, 's')
    for a, b in pairs:
        a.close()
        b.close()


def echo(sock):
    while True:
        data = sock.recv(1)
        if not data:
            return
        sock.sendall(data)


def cpu_until(stop, counts, index):
    n = 0
    while not stop:
        n += 1
    counts[index] = n


def round_trip_rate(cpu_threads, seconds):
    near, far = socket.socketpair()
    echoer = threading.Thread(target=echo, args=(far,))
    echoer.start()
    stop = []
    counts = [0] * cpu_threads
    cpus = [threading.Thread(target=cpu_until, args=(stop, counts, i)) for i in range(cpu_threads)]
    for t in cpus:
        t.start()
    time.sleep(0.05)
    trips = 0
    start = time.perf_counter()
    deadline = start + seconds
    now = start
    while now < deadline:
        near.sendall(b'x')
        near.recv(1)
        trips += 1
        now = time.perf_counter()
    stop.append(True)
    for t in cpus:
        t.join()
    near.close()
    echoer.join()
    far.close()
    return trips / (now - start)


def case_convoy():
    alone = round_trip_rate(0, 0.5)
    report('convoy alone', alone, 'trips/s')
    for n in (1, 2, 4):
        rate = round_trip_rate(n, 1.0)
        alone = (alone + round_trip_rate(0, 0.5)) / 2
        report('convoy kept x%d' % n, 100.0 * rate / alone, '%')


def case_shares():
    stop = []
    counts = [0, 0]
    threads = [threading.Thread(target=cpu_until, args=(stop, counts, i)) for i in range(2)]
    for t in threads:
        t.start()
    time.sleep(1.0)
    stop.append(True)
    for t in threads:
        t.join()
    total = max(1, counts[0] + counts[1])
    shares = sorted(100.0 * c / total for c in counts)
    report('shares min', shares[0], '%')


def pong(ping, pong_, rounds):
    for _ in range(rounds):
        ping.wait()
        ping.clear()
        pong_.set()


def case_ping_pong():
    rounds = 2000
    ping = threading.Event()
    pong_ = threading.Event()
    other = threading.Thread(target=pong, args=(ping, pong_, rounds))
    other.start()
    start = time.perf_counter()
    for _ in range(rounds):
        ping.set()
        pong_.wait()
        pong_.clear()
    elapsed = time.perf_counter() - start
    other.join()
    report('ping_pong', rounds / elapsed, 'trips/s')


def case_pool():
    from concurrent.futures import ThreadPoolExecutor, wait
    rounds = 2000
    with ThreadPoolExecutor(max_workers=8) as pool:
        wait([pool.submit(time.sleep, 0.05) for _ in range(8)])
        time.sleep(0.05)
        start = time.perf_counter()
        futures = [pool.submit(int) for _ in range(rounds)]
        submitted = time.perf_counter()
        for f in futures:
            f.result()
        done = time.perf_counter()
    report('pool submit', 1e6 * (submitted - start) / rounds, 'us')
    report('pool submit+result', 1e6 * (done - start) / rounds, 'us')


def case_queue_sem():
    import queue
    rounds = 2000
    q = queue.SimpleQueue()
    sem = threading.Semaphore(0)
    start = time.perf_counter()
    for i in range(rounds):
        q.put(i)
        sem.acquire(timeout=0)
    report('queue_sem', 1e6 * (time.perf_counter() - start) / rounds, 'us')


def wait_on(event):
    event.wait()


def start_cost(n):
    event = threading.Event()
    threads = [threading.Thread(target=wait_on, args=(event,)) for _ in range(n)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    event.set()
    for t in threads:
        t.join()
    return 1e6 * (time.perf_counter() - start) / n


def case_start():
    for n in (1000, 4000):
        report('start x%d' % n, start_cost(n), 'us/thread')


CASES = {
    'cpu_split': case_cpu_split,
    'io_block': case_io_block,
    'convoy': case_convoy,
    'shares': case_shares,
    'ping_pong': case_ping_pong,
    'pool': case_pool,
    'queue_sem': case_queue_sem,
    'start': case_start,
}

def report(name, value, unit):
    print('RESULT\t%s\t%r\t%s' % (name, value, unit))


# ---------------------------------------------------------------- runner


def run_case(interpreter, case):
    import subprocess
    proc = subprocess.run([interpreter, __file__, '--case', case], capture_output=True, text=True, timeout=600)
    results = {}
    for line in proc.stdout.splitlines():
        parts = line.split('\t')
        if len(parts) == 4 and parts[0] == 'RESULT':
            results[parts[1]] = (float(parts[2]), parts[3])
    if proc.returncode != 0 or not results:
        sys.stderr.write('%s --case %s failed (%d):\n%s' % (interpreter, case, proc.returncode, proc.stderr))
    return results


def median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else float('nan')


def usage():
    """The comment at the top of this file, without its '#'s."""
    lines = []
    with open(__file__) as f:
        for line in f:
            if not line.startswith('#'):
                break
            lines.append(line[2:].rstrip())
    return '\n'.join(lines)


def main(argv):
    binaries = []
    runs = 3
    only = None
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == '--runs':
            runs = int(rest.pop(0))
        elif arg == '--only':
            only = rest.pop(0)
        elif arg in ('-h', '--help'):
            print(usage())
            return
        elif arg.startswith('-'):
            sys.exit('io_threads.py: unknown option %s (cases: %s)\n%s' % (arg, ', '.join(CASES), usage()))
        else:
            binaries.append(arg)
    binaries = binaries or ['target/release/gilvm']
    # Several gilvm binaries (before/after a change) run in the same
    # alternation, so their figures come from the same machine load.
    names = ['gilvm'] if len(binaries) == 1 else ['gilvm%d' % i for i in range(1, len(binaries) + 1)]
    who = list(zip(names, binaries)) + [('python3', sys.executable)]
    for name, binary in zip(names, binaries):
        if len(binaries) > 1:
            print('%s = %s' % (name, binary))
    print('%-22s' % 'case' + ''.join(' %12s' % name for name, _ in who)
          + ''.join(' %9s' % 'ratio' for _ in names) + '  unit')
    for case in CASES:
        if only is not None and only != case:
            continue
        samples = {}
        for _ in range(runs):
            for name, interpreter in who:
                for result, (value, unit) in run_case(interpreter, case).items():
                    samples.setdefault(result, {'unit': unit}).setdefault(name, []).append(value)
        for result, sample in samples.items():
            medians = [median(sample.get(name, [])) for name, _ in who]
            theirs = medians[-1]
            ratios = [ours / theirs if theirs else float('nan') for ours in medians[:-1]]
            print('%-22s' % result + ''.join(' %12.4g' % m for m in medians)
                  + ''.join(' %8.2fx' % r for r in ratios) + '  %s' % sample['unit'])
        sys.stdout.flush()


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--case':
        CASES[sys.argv[2]]()
    else:
        main(sys.argv[1:])
