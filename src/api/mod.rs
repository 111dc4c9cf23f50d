//! The embedding API (see the crate documentation for the guide).

mod attached;
mod builder;
mod control;
mod convert;
mod error;
mod interpreter;
mod native;
mod object;

pub use attached::Attached;
pub use builder::{Builder, Stream, IO_MODULES};
pub use control::{InterruptHandle, ThreadSummary};
pub use convert::{FromArgs, FromValue, IntoArgs, IntoValue};
pub use error::{Error, Frame, Result};
pub use interpreter::{AttachGuard, Interpreter};
pub use native::NativeModule;
pub use object::{Handle, Object};
