"""Printing and formatting exceptions: CPython's `traceback` functions for
whole exceptions, over the interpreter's own report (`_traceback`), so they
print exactly what an uncaught exception prints, `^^^` marks included."""

import sys
from _traceback import format_report

__all__ = ['format_exc', 'format_exception', 'format_exception_only',
           'print_exc', 'print_exception']

_CAUSE = ('\nThe above exception was the direct cause '
          'of the following exception:\n\n')
_CONTEXT = ('\nDuring handling of the above exception, '
            'another exception occurred:\n\n')
_sentinel = object()


def _segments(report):
    """The report as (one exception's text, the sentence linking it to the
    next) pairs, oldest exception first; the last sentence is empty."""
    segments = []
    while True:
        cut = None
        for sentence in (_CAUSE, _CONTEXT):
            at = report.find(sentence)
            if at >= 0 and (cut is None or at < cut[0]):
                cut = (at, sentence)
        if cut is None:
            segments.append((report, ''))
            return segments
        at, sentence = cut
        segments.append((report[:at], sentence))
        report = report[at + len(sentence):]


def _entries(text, limit):
    """One exception's text as CPython lists it: the header, one string per
    frame (its File line, source line and marks), then the exception lines.
    `limit` keeps the first (or, negative, the last) frames."""
    header, frames, rest = [], [], []
    for line in text.splitlines(True):
        if rest:
            rest.append(line)
        elif line.startswith('Traceback (most recent call last):') and not frames:
            header.append(line)
        elif line.startswith('  File ') or line.startswith('  [Previous line repeated'):
            frames.append(line)
        elif line.startswith('    ') and frames:
            frames[-1] += line
        else:
            rest.append(line)
    if limit is not None:
        frames = frames[:limit] if limit >= 0 else frames[limit:]
    return (header if frames else []) + frames, rest


def format_exception(exc, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines of the report for `exc` (or the old `type, value, tb` form)."""
    if value is not _sentinel:
        exc = value
    if exc is None:
        return ['NoneType: None\n']
    segments = _segments(format_report(exc))
    if not chain:
        segments = [(segments[-1][0], '')]
    lines = []
    for text, sentence in segments:
        frames, rest = _entries(text, limit)
        lines.extend(frames)
        lines.extend(rest)
        if sentence:
            lines.append(sentence)
    return lines


def format_exception_only(exc, value=_sentinel):
    """The last lines of the report: the exception's type and message."""
    if value is not _sentinel:
        exc = value
    if exc is None:
        return ['NoneType: None\n']
    return _entries(_segments(format_report(exc))[-1][0], 0)[1]


def format_exc(limit=None, chain=True):
    """The report of the exception being handled, as one string."""
    return ''.join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exception(exc, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Writes the report for `exc` to `file` (standard error by default)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end='')


def print_exc(limit=None, file=None, chain=True):
    """Writes the report of the exception being handled."""
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)
