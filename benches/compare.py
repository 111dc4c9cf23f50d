#!/usr/bin/env python3
"""Run the CPU benchmark scripts under gilvm and python3, side by side.

    python3 benches/compare.py [--gilvm target/release/gilvm] [--python python3]
                               [--runs 5] [--markdown] [SCRIPT ...]

Each script runs alternately under both interpreters `--runs` times; the table
shows the median wall time of each, their ratio (gilvm / CPython: below 1.0 means
gilvm is faster), the ratio of their median CPU times (user + system), and the
peak resident memory of each. The last row is the geometric mean of the ratios.
Both interpreters must print the same output. The machines are shared and
noisy: compare ratios from one run, not absolute times; on a loaded machine the
CPU-time ratio is the steadier one (waiting for a core is not counted), on a
quiet one the two agree. A SCRIPT is a path or a name in benches/scripts/.
"""
import argparse
import math
import os
import resource
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


def timed_run(cmd):
    """(wall seconds, CPU seconds, completed process) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p


def script_path(name):
    if os.path.exists(name):
        return name
    return os.path.join(HERE, 'scripts', name if name.endswith('.py') else name + '.py')


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--gilvm', default=os.path.join(HERE, '..', 'target', 'release', 'gilvm'))
    ap.add_argument('--python', default=sys.executable)
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--markdown', action='store_true', help='print a Markdown table')
    ap.add_argument('scripts', nargs='*')
    args = ap.parse_args()
    scripts = [script_path(s) for s in args.scripts] or sorted(
        os.path.join(HERE, 'scripts', f) for f in os.listdir(os.path.join(HERE, 'scripts'))
        if f.endswith('.py'))

    rows = []
    for script in scripts:
        times = {args.gilvm: ([], []), args.python: ([], [])}
        outputs = {}
        for _ in range(args.runs):  # alternate, so load changes hit both alike
            for interp in (args.gilvm, args.python):
                wall, cpu, p = timed_run([interp, script])
                times[interp][0].append(wall)
                times[interp][1].append(cpu)
                if p.returncode != 0:
                    sys.exit('%s %s failed:\n%s' % (interp, script, p.stderr.decode()[-800:]))
                outputs.setdefault(interp, p.stdout)
        if outputs[args.gilvm] != outputs[args.python]:
            sys.exit('%s: outputs differ' % script)
        mem_ours = peak_rss([args.gilvm, script])
        mem_theirs = peak_rss([args.python, script])
        (g, g_cpu), (c, c_cpu) = ([statistics.median(t) for t in times[i]] for i in (args.gilvm, args.python))
        rows.append((os.path.basename(script), g, c, g / c, g_cpu / c_cpu, mem_ours, mem_theirs))

    wall_mean = geometric_mean([r[3] for r in rows])
    cpu_mean = geometric_mean([r[4] for r in rows])
    if args.markdown:
        print('| script | gilvm (s) | CPython (s) | ratio | CPU-time ratio | gilvm peak MiB | CPython peak MiB |')
        print('|---|---:|---:|---:|---:|---:|---:|')
        for name, g, c, r, rc, mo, mt in rows:
            print('| %s | %.3f | %.3f | %.2f | %.2f | %.1f | %.1f |' % (name, g, c, r, rc, mo / 1024, mt / 1024))
        print('| **geometric mean** | | | **%.2f** | **%.2f** | | |' % (wall_mean, cpu_mean))
    else:
        print('%-26s %9s %9s %7s %7s %9s %9s' % ('script', 'gilvm s', 'CPython s', 'ratio', 'cpu', 'gilvm MiB', 'CPy MiB'))
        for name, g, c, r, rc, mo, mt in rows:
            print('%-26s %9.3f %9.3f %7.2f %7.2f %9.1f %9.1f' % (name, g, c, r, rc, mo / 1024, mt / 1024))
        print('%-26s %9s %9s %7.2f %7.2f' % ('geometric mean', '', '', wall_mean, cpu_mean))


if __name__ == '__main__':
    main()
