//! Talon agent desk and office-head monitor (egui).
//!
//! One app for the staff side: agents sign in, open their window and serve visitors from
//! its queue; office heads (role head or admin) watch the office board with its alerts,
//! act on the queue, edit norms, read reports and switch between offices. Built on the
//! shared `talon-client` crate (API, live mirror, look, languages).

mod action;
mod admin;
pub mod agent;
pub mod alert_cue;
pub mod app;
mod bookings;
pub mod chime;
pub mod config;
mod cx;
pub mod day_stats;
pub mod forms;
pub mod head;
pub mod history;
pub mod launch;
pub mod office_live;
pub mod queue_order;
mod queue_view;
pub mod report_csv;
pub mod session_file;
mod signin;
pub mod style;
#[cfg(test)]
mod test_support;
pub mod text;
mod widgets;
mod workspace;

pub use app::{DeskApp, DeskOptions};
pub use config::Args;
