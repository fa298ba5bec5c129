//! The real display app, driven headless by egui_kittest against a real server started
//! in each test.

mod dead_server;
mod hall;
mod startup;
mod support;
