//! Printing tickets: the layout as pure bytes, the target from the configuration, and the
//! device that receives the bytes.

pub mod device;
pub mod layout;
pub mod target;

pub use device::send;
pub use layout::{PrintedTicket, ticket_bytes};
pub use target::PrinterTarget;
