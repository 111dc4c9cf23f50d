//! Generators: a suspended frame resumed by `next`, `send`, `throw` and `close`.

use std::cell::RefCell;

/// The VM defines what a suspended frame holds.
pub struct PyGenerator {
    pub name: String,
    pub qualname: String,
    pub state: RefCell<GeneratorState>,
}

pub enum GeneratorState {
    Created,
    Running,
    Finished,
}
