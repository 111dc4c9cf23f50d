//! The eval breaker: the one flag the eval loop polls at backward jumps and
//! calls (GIL drop requests, pending signals, interrupts). (Owned by the GIL work.)

use super::ThreadState;
use crate::objects::PyResult;

impl ThreadState {
    /// Called by the eval loop at every backward jump and call.
    #[inline]
    pub fn periodic_check(&mut self) -> PyResult<()> {
        Ok(())
    }
}
