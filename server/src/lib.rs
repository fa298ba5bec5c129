//! Talon queue server: the HTTP + WebSocket API, the pure queue engine, and storage.

pub mod cli;
pub mod clock;
pub mod credentials;
pub mod demo;
pub mod devices;
pub mod engine;
pub mod forecast;
pub mod guard;
pub mod http;
pub mod log_text;
pub mod nodes;
pub mod notify;
pub mod overview;
pub mod public;
pub mod queues;
pub mod regions;
pub mod reports;
pub mod startup;
pub mod stats;
pub mod store;
pub mod web;
