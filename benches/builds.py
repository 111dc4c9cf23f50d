#!/usr/bin/env python3
"""Compare builds of gilvm (or any interpreters) on the CPU benchmark scripts.

    python3 benches/builds.py [--runs 5] NAME=COMMAND ... [-- SCRIPT ...]

Each NAME=COMMAND is one interpreter; COMMAND may start with VAR=VALUE words
that go into its environment (`mi=MIMALLOC_VERBOSE=1 ./gilvm`). The builds run
alternately, in reversed order every other round, so a load change on this
shared machine hits all of them alike. Per script and build: median wall time,
median CPU time (user + system, less sensitive to other processes than wall
time), both as ratios to the first build, and peak RSS (MiB, the largest of
the runs; measured with /usr/bin/time). Last row: geometric means of the ratios.
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def parse_build(spec):
    name, command = spec.split('=', 1)
    words = command.split()
    env = dict(os.environ)
    while words and '=' in words[0]:
        key, value = words.pop(0).split('=', 1)
        env[key] = value
    return name, words, env


def run_once(command, env, script):
    """Wall seconds, CPU seconds and peak RSS (KiB) of one run."""
    start = time.perf_counter()
    p = subprocess.run(['/usr/bin/time', '-f', '%M %U %S'] + command + [script],
                       capture_output=True, env=env)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit('%s %s failed:\n%s' % (command, script, p.stderr.decode()[-800:]))
    rss, user, system = p.stderr.decode().strip().splitlines()[-1].split()
    return wall, float(user) + float(system), int(rss)


def geomean(xs):
    return math.exp(sum(map(math.log, xs)) / len(xs))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('builds', nargs='+', help='NAME=COMMAND, then optionally -- SCRIPT ...')
    args, scripts = ap.parse_args(), []
    if '--' in sys.argv:
        scripts = sys.argv[sys.argv.index('--') + 1:]
        args.builds = [b for b in args.builds if b not in scripts]
    builds = [parse_build(b) for b in args.builds]
    scripts = scripts or sorted(os.path.join(HERE, 'scripts', f)
                                for f in os.listdir(os.path.join(HERE, 'scripts')) if f.endswith('.py'))

    print('%-24s' % 'script' + ''.join('%26s' % ('%s wall cpu MiB' % n) for n, _, _ in builds))
    ratios = {n: ([], []) for n, _, _ in builds}
    for script in scripts:
        runs = {n: [] for n, _, _ in builds}
        for r in range(args.runs):
            for name, command, env in (builds if r % 2 == 0 else builds[::-1]):
                runs[name].append(run_once(command, env, script))
        first = runs[builds[0][0]]
        base_wall = statistics.median(w for w, _, _ in first)
        base_cpu = statistics.median(c for _, c, _ in first)
        row = '%-24s' % os.path.basename(script)[:24]
        for name, _, _ in builds:
            wall = statistics.median(w for w, _, _ in runs[name])
            cpu = statistics.median(c for _, c, _ in runs[name])
            ratios[name][0].append(wall / base_wall)
            ratios[name][1].append(cpu / base_cpu)
            row += '%7.3f %5.2f %5.2f %6.1f' % (wall, wall / base_wall, cpu / base_cpu,
                                               max(m for _, _, m in runs[name]) / 1024)
        print(row, flush=True)
    print('%-24s' % 'geomean' + ''.join('%13.3f %5.2f %6s' % (geomean(ratios[n][0]), geomean(ratios[n][1]), '')
                                        for n, _, _ in builds))


if __name__ == '__main__':
    main()
