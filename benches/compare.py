#!/usr/bin/env python3
"""Run the CPU benchmark scripts under gilvm and python3, side by side.

    python3 benches/compare.py [--gilvm target/release/gilvm] [--python python3]
                               [--runs 5] [--markdown] [SCRIPT ...]

Each script runs alternately under both interpreters `--runs` times; the table
shows the median wall time of each, their ratio (gilvm / CPython: below 1.0 means
gilvm is faster), and the peak resident memory of each. The last row is the
geometric mean of the ratios. Both interpreters must print the same output.
The machines are shared and noisy: compare ratios from one run, not absolute times.
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def peak_rss(cmd):
    """Peak RSS in KiB of one run. Measured through /usr/bin/time when present:
    a child forked from this runner would otherwise report the runner's own
    RSS (ru_maxrss counts the process image from before its exec)."""
    if os.path.exists('/usr/bin/time'):
        p = subprocess.run(['/usr/bin/time', '-f', '%M'] + cmd, capture_output=True, text=True)
        return int(p.stderr.strip().splitlines()[-1])
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--gilvm', default=os.path.join(HERE, '..', 'target', 'release', 'gilvm'))
    ap.add_argument('--python', default=sys.executable)
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--markdown', action='store_true', help='print a Markdown table')
    ap.add_argument('scripts', nargs='*')
    args = ap.parse_args()
    scripts = args.scripts or sorted(
        os.path.join(HERE, 'scripts', f) for f in os.listdir(os.path.join(HERE, 'scripts'))
        if f.endswith('.py'))

    rows = []
    for script in scripts:
        ours, theirs = [], []
        outputs = {}
        for _ in range(args.runs):  # alternate, so load changes hit both alike
            for interp, times in ((args.gilvm, ours), (args.python, theirs)):
                start = time.perf_counter()
                p = subprocess.run([interp, script], capture_output=True)
                times.append(time.perf_counter() - start)
                if p.returncode != 0:
                    sys.exit('%s %s failed:\n%s' % (interp, script, p.stderr.decode()[-800:]))
                outputs.setdefault(interp, p.stdout)
        if outputs[args.gilvm] != outputs[args.python]:
            sys.exit('%s: outputs differ' % script)
        mem_ours = peak_rss([args.gilvm, script])
        mem_theirs = peak_rss([args.python, script])
        g, c = statistics.median(ours), statistics.median(theirs)
        rows.append((os.path.basename(script), g, c, g / c, mem_ours, mem_theirs))

    geomean = math.exp(sum(math.log(r[3]) for r in rows) / len(rows))
    if args.markdown:
        print('| script | gilvm (s) | CPython (s) | ratio | gilvm peak MiB | CPython peak MiB |')
        print('|---|---:|---:|---:|---:|---:|')
        for name, g, c, r, mo, mt in rows:
            print('| %s | %.3f | %.3f | %.2f | %.1f | %.1f |' % (name, g, c, r, mo / 1024, mt / 1024))
        print('| **geometric mean** | | | **%.2f** | | |' % geomean)
    else:
        print('%-26s %10s %10s %7s %10s %10s' % ('script', 'gilvm s', 'CPython s', 'ratio', 'gilvm MiB', 'CPy MiB'))
        for name, g, c, r, mo, mt in rows:
            print('%-26s %10.3f %10.3f %7.2f %10.1f %10.1f' % (name, g, c, r, mo / 1024, mt / 1024))
        print('%-26s %10s %10s %7.2f' % ('geometric mean', '', '', geomean))


if __name__ == '__main__':
    main()
