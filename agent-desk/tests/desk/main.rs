//! The desk against a real server started in the test: sign in, serve visitors, watch
//! the board, edit norms, export reports. Time moves with the server's manual clock.

mod agent;
mod bookings;
mod dead_server;
mod head;
mod helpers;
mod session;
mod snapshots;
