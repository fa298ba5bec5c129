//! Talon queue server.

pub mod engine;
