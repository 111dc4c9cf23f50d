//! `range` and `slice`.

use super::Value;

pub struct PyRange {
    pub start: i64,
    pub stop: i64,
    /// Never zero.
    pub step: i64,
}

impl PyRange {
    pub fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// `slice(start, stop, step)`; each part may be `None`.
pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
