"""Oracle shim, for CPython 3.11 only (see tests/scripts/README.md): the
`concurrent` package becomes gilvm's bundled one (src/pylib/concurrent), so
concurrent.interpreters and concurrent.futures run the very code gilvm
bundles, on top of the pure-Python _interpreters and _interpqueues beside
this package."""

import os

_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
__path__ = [os.path.join(_root, 'src', 'pylib', 'concurrent')]
