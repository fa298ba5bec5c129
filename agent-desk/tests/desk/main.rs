//! The desk against a real server started in the test: sign in, serve visitors, watch
//! the board, edit norms, export reports. Time moves with the server's manual clock.

mod admin;
mod admin_notify;
mod admin_roles;
mod admin_snapshots;
mod agent;
mod bookings;
mod company;
mod dead_server;
mod device_alerts;
mod head;
mod helpers;
mod report_files;
mod session;
mod snapshots;
mod what_if;
