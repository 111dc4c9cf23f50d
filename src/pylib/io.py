"""In-memory streams, `StringIO` and `BytesIO`, and `open`: the part of
CPython's `io` that scripts reach for (capturing what `print` writes, reading
text as a file)."""

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

open = open


class UnsupportedOperation(OSError, ValueError):
    pass


class _MemoryStream:
    """A growable buffer with a position. Appends at the end are kept as
    pieces and joined when the contents are read, so writing many small
    pieces costs linear time."""

    _empty = None

    def __init__(self, initial):
        self._value = initial
        self._pieces = []
        self._pos = 0
        self.closed = False

    def _check_open(self):
        if self.closed:
            raise ValueError(self._closed_message)

    def _joined(self):
        if self._pieces:
            self._value = self._value + self._empty.join(self._pieces)
            self._pieces = []
        return self._value

    def _length(self):
        return len(self._value) + sum(len(p) for p in self._pieces)

    def _write(self, data):
        self._check_open()
        end = self._length()
        if self._pos == end:
            self._pieces.append(data)
        else:
            value = self._joined()
            if self._pos > end:
                value = value + self._pad * (self._pos - end)
            value = value[:self._pos] + data + value[self._pos + len(data):]
            self._value = value
        self._pos += len(data)
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        self._check_open()
        return self._joined()

    def read(self, size=-1):
        self._check_open()
        value = self._joined()
        start = min(self._pos, len(value))
        end = len(value) if size is None or size < 0 else min(len(value), start + size)
        self._pos = max(self._pos, end)
        return value[start:end]

    def readline(self, size=-1):
        self._check_open()
        value = self._joined()
        start = min(self._pos, len(value))
        newline = value.find(self._newline, start)
        end = len(value) if newline < 0 else newline + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return value[start:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        self._value = self._joined()[:size]
        return size

    def close(self):
        self.closed = True

    def flush(self):
        self._check_open()

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class StringIO(_MemoryStream):
    """A text stream in memory: what is written is read back as `str`."""

    _empty = ''
    _pad = '\0'
    _newline = '\n'
    _closed_message = "I/O operation on closed file"

    def __init__(self, initial_value=''):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" % type(initial_value).__name__)
        _MemoryStream.__init__(self, initial_value)

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        return self._write(s)

    def seek(self, pos, whence=0):
        """Text positions are opaque: only absolute seeks, or to the
        current position or the end."""
        self._check_open()
        if whence == SEEK_SET:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == SEEK_CUR:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == SEEK_END:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._length()
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos


class BytesIO(_MemoryStream):
    """A binary stream in memory: what is written is read back as `bytes`."""

    _empty = b''
    _pad = b'\0'
    _newline = b'\n'
    _closed_message = "I/O operation on closed file."

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        if not isinstance(initial_bytes, bytes):
            raise TypeError("a bytes-like object is required, not '%s'" % type(initial_bytes).__name__)
        _MemoryStream.__init__(self, initial_bytes)

    def write(self, b):
        if not isinstance(b, bytes):
            raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
        return self._write(b)

    def seek(self, pos, whence=0):
        """Byte positions: absolute, or relative to the current position or
        the end (never before the start)."""
        self._check_open()
        if whence == SEEK_SET:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
            self._pos = pos
        elif whence == SEEK_CUR:
            self._pos = max(0, self._pos + pos)
        elif whence == SEEK_END:
            self._pos = max(0, self._length() + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos
