//! Frames and the per-thread execution state (value stack, frame stack,
//! exception being handled). (Owned by the VM.)

/// The execution state of one thread: everything the eval loop keeps per thread.
#[derive(Default)]
pub struct ExecState {}
