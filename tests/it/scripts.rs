//! The script suite: every tests/scripts/**/*.py run under gilvm and compared with CPython.
