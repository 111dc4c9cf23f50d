//! Blocking socket calls as CPython makes them: every descriptor is
//! non-blocking underneath; a call is tried once with the GIL held (it cannot
//! block), and only when it would block does the thread release the GIL and
//! `poll` the descriptor until it is ready, the socket's timeout passes, or —
//! the thread is interrupted (`vm::unblock`: the poll set includes the
//! thread's wake descriptor; for Ctrl-C the main thread polls in slices).

use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustix::io::Errno;

use crate::builtins::oserror::os_error;
use crate::objects::{PyErr, PyResult};
use crate::vm::gil_cell::os_thread;
use crate::vm::gil_stats::BlockingKind;
use crate::vm::ThreadState;

pub const READABLE: i16 = libc::POLLIN;
pub const WRITABLE: i16 = libc::POLLOUT;

/// The `OSError` subclass for an errno, as CPython raises it.
pub fn errno_error(ts: &mut ThreadState, errno: Errno) -> PyErr {
    os_error(ts, &std::io::Error::from_raw_os_error(errno.raw_os_error()), None)
}

/// `socket.timeout` (`TimeoutError('timed out')`).
pub fn timed_out(ts: &mut ThreadState) -> PyErr {
    ts.timeout_error("timed out")
}

/// Milliseconds from now until `until` for `poll`, rounded up so that a wait
/// never ends just before its deadline and spins; -1 (forever) for `None`.
pub fn poll_timeout_ms(until: Option<Instant>) -> i32 {
    match until {
        None => -1,
        Some(until) => {
            let left = until.saturating_duration_since(Instant::now());
            let ms = left.as_micros().div_ceil(1000);
            ms.min(i32::MAX as u128) as i32
        }
    }
}

/// Waits until `fd` is ready for `events` (true) or `until` passes or the
/// thread is interrupted (false).
pub fn poll_until(fd: RawFd, events: i16, until: Option<Instant>) -> Result<bool, Errno> {
    loop {
        let ms = poll_timeout_ms(until);
        // The second entry wakes the wait when the thread is interrupted (`vm::unblock`).
        let wake = crate::vm::unblock::wake_fd().unwrap_or(-1);
        let mut entry = [libc::pollfd { fd, events, revents: 0 }, libc::pollfd { fd: wake, events: READABLE, revents: 0 }];
        let n = os_thread::poll(&mut entry, ms);
        if entry[0].revents != 0 {
            return Ok(true);
        }
        if n > 0 {
            return Ok(false);
        }
        if n < 0 {
            let errno = Errno::from_io_error(&std::io::Error::last_os_error()).unwrap_or(Errno::INVAL);
            if errno != Errno::INTR {
                return Err(errno);
            }
        }
        if ms == 0 || until.is_some_and(|u| Instant::now() >= u) {
            return Ok(false);
        }
    }
}

/// Runs the socket operation `op` on `fd`, waiting for `events` as the
/// socket's `timeout` says (`None`: block; zero: never wait). The GIL is
/// released only while waiting (counted in the GIL stats as `kind`); `op`
/// itself never blocks.
pub fn call<R, F>(ts: &mut ThreadState, fd: &Arc<OwnedFd>, timeout: Option<Duration>, (events, kind): (i16, BlockingKind), mut op: F) -> PyResult<R>
where
    R: Send,
    F: FnMut(BorrowedFd<'_>) -> Result<R, Errno> + Send,
{
    let first = retry_interrupted(|| op(fd.as_fd()));
    match first {
        Err(Errno::AGAIN) if timeout != Some(Duration::ZERO) => {}
        Err(errno) => return Err(errno_error(ts, errno)),
        Ok(r) => return Ok(r),
    }
    let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
    let fd = fd.clone();
    let raw = fd.as_raw_fd();
    let outcome = ts.wait_interruptibly(kind, deadline, move |until| loop {
        match poll_until(raw, events, until) {
            Err(errno) => return Some(Err(errno)),
            Ok(false) => return None,
            Ok(true) => match retry_interrupted(|| op(fd.as_fd())) {
                Err(Errno::AGAIN) => continue,
                done => return Some(done),
            },
        }
    })?;
    match outcome {
        None => Err(timed_out(ts)),
        Some(Ok(r)) => Ok(r),
        Some(Err(errno)) => Err(errno_error(ts, errno)),
    }
}

fn retry_interrupted<R>(mut op: impl FnMut() -> Result<R, Errno>) -> Result<R, Errno> {
    loop {
        match op() {
            Err(Errno::INTR) => continue,
            done => return done,
        }
    }
}

/// How a `connect` ended: `Ok` connected, `Err(errno)` refused or failed,
/// `TimedOut` when the socket's timeout passed first.
pub enum Connected {
    Ok,
    Failed(Errno),
    TimedOut,
}

/// `connect` on a non-blocking descriptor: the kernel starts the connection
/// (`EINPROGRESS`) and the outcome is read with `SO_ERROR` once the
/// descriptor turns writable.
pub fn connect(ts: &mut ThreadState, fd: &Arc<OwnedFd>, addr: &rustix::net::SocketAddrAny, timeout: Option<Duration>) -> PyResult<Connected> {
    match retry_interrupted(|| rustix::net::connect(fd, addr)) {
        Ok(()) => return Ok(Connected::Ok),
        Err(Errno::INPROGRESS) if timeout != Some(Duration::ZERO) => {}
        Err(errno) => return Ok(Connected::Failed(errno)),
    }
    // On loopback the outcome is usually known at once: read it without
    // giving the GIL away (and waiting to get it back).
    if let Ok(true) = poll_until(fd.as_raw_fd(), WRITABLE, Some(Instant::now())) {
        return Ok(match rustix::net::sockopt::socket_error(fd) {
            Ok(Ok(())) => Connected::Ok,
            Ok(Err(errno)) | Err(errno) => Connected::Failed(errno),
        });
    }
    let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
    let fd = fd.clone();
    let outcome = ts.wait_interruptibly(BlockingKind::SocketConnect, deadline, move |until| {
        match poll_until(fd.as_raw_fd(), WRITABLE, until) {
            Err(errno) => Some(Err(errno)),
            Ok(false) => None,
            Ok(true) => Some(match rustix::net::sockopt::socket_error(&fd) {
                Ok(Ok(())) => Ok(()),
                Ok(Err(errno)) | Err(errno) => Err(errno),
            }),
        }
    })?;
    Ok(match outcome {
        None => Connected::TimedOut,
        Some(Ok(())) => Connected::Ok,
        Some(Err(errno)) => Connected::Failed(errno),
    })
}
