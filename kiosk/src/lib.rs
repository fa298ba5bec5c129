//! Talon kiosk: visitors take tickets (egui).
//!
//! * [`config`]: flags, environment and an optional TOML file;
//! * [`app::KioskApp`]: the eframe app — home screen, out-of-turn path, ticket, notices;
//! * [`issuing`]: one idempotency key per tap, automatic retries with the same key;
//! * [`print`]: the ticket as ESC/POS bytes (a pure function, pinned by a golden file) and
//!   the device that receives them (file or TCP 9100), off the UI thread;
//! * [`ui`]: the screens, large and high-contrast for a touch screen read from a metre away.

pub mod app;
pub mod config;
pub mod issuing;
pub mod launch;
pub mod office_view;
pub mod print;
pub mod screen;
pub mod ui;

pub use app::{KioskApp, KioskSettings};
pub use config::KioskConfig;
pub use print::PrinterTarget;
