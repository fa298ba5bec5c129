//! Talon hall display: shows and announces calls (egui).
//!
//! * [`app::DisplayApp`]: the eframe app (a thin `main.rs` starts it);
//! * [`view`]: what the screen shows, worked out from the office mirror (pure);
//! * [`screen`]: drawing it, large and high-contrast;
//! * [`calls`], [`flash`], [`link`]: which calls are new, how long they flash, how
//!   current the screen is;
//! * [`speech`]: a call as words, Russian and English (pure);
//! * [`audio`]: the chime and the words as samples, played by the system's player in
//!   a queue.

pub mod app;
pub mod audio;
pub mod calls;
pub mod config;
pub mod flash;
pub mod launch;
pub mod link;
pub mod screen;
pub mod speech;
pub mod texts;
pub mod view;

#[cfg(test)]
mod sample_office;

pub use app::{DisplayApp, Options, SoundSetup};
