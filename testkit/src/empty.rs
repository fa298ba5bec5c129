//! A test server started empty except for one administrator, made with the server's own
//! command line (`talon-server user add --role admin`) as an operator bootstraps a new
//! company: everything else is set up by the test, through the API or an app.

use crate::server::{ServerOptions, TestServer};
use chrono::{DateTime, Utc};
use clap::Parser as _;
use std::path::Path;
use std::sync::Arc;
use talon_client::Api;
use talon_server::clock::{Clock as _, ManualClock};

/// The administrator's login, password and name.
pub const ADMIN: (&str, &str, &str) = ("admin", "first-admin-password", "Администратор");

/// The real server with an empty database and its first administrator, on a runtime of
/// its own (app tests drive egui on the test thread and block on the server's answers).
pub struct EmptyServer {
    /// The runtime the server runs on; apps under test run their tasks on it too.
    pub rt: tokio::runtime::Runtime,
    /// The server's clock, at [`crate::START`] unless told otherwise.
    pub clock: Arc<ManualClock>,
    /// "http://127.0.0.1:port"
    pub base: String,
    server: TestServer,
}

impl EmptyServer {
    pub fn start() -> EmptyServer {
        EmptyServer::start_with(ServerOptions::default())
    }

    pub fn start_with(options: ServerOptions) -> EmptyServer {
        let rt = tokio::runtime::Runtime::new().expect("a tokio runtime");
        let server = rt.block_on(TestServer::start_with(options, |_| {}));
        let (login, password, name) = ADMIN;
        let cli = talon_server::cli::Cli::try_parse_from([
            "talon-server",
            "user",
            "add",
            "--login",
            login,
            "--password",
            password,
            "--role",
            "admin",
            "--name",
            name,
            "--database",
            server.database().url(),
        ])
        .expect("the command line parses");
        rt.block_on(talon_server::cli::run(cli))
            .expect("the command line adds the administrator");
        EmptyServer {
            clock: server.clock.clone(),
            base: server.base(),
            server,
            rt,
        }
    }

    /// The server underneath (its queues, its database).
    pub fn server(&self) -> &TestServer {
        &self.server
    }

    /// A temporary directory for the test's own files, removed with the server.
    pub fn files(&self) -> &Path {
        self.server.files()
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Moves the server's time.
    pub fn advance(&self, by: chrono::Duration) {
        self.clock.advance(by);
    }

    /// Sets the server's time.
    pub fn set_now(&self, at: DateTime<Utc>) {
        self.clock.set(at);
    }

    /// An app's clock that reads the server's manual time.
    pub fn app_clock(&self) -> talon_client::clock::SharedClock {
        let clock = self.clock.clone();
        talon_client::clock::following(move || clock.now())
    }

    /// The API signed in as `login`.
    pub fn sign_in(&self, login: &str, password: &str) -> Api {
        let api = Api::new(&self.base, None);
        let response = self
            .rt
            .block_on(api.login(login, password))
            .unwrap_or_else(|e| panic!("{login} signs in: {e}"));
        api.with_token(response.token)
    }

    /// The API signed in as the administrator.
    pub fn admin(&self) -> Api {
        self.sign_in(ADMIN.0, ADMIN.1)
    }
}

impl Drop for EmptyServer {
    fn drop(&mut self) {
        // No panic while a failed test unwinds: a server that cannot stop is dropped.
        let _ = self.rt.block_on(self.server.try_stop());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_administrator_exists_and_can_sign_in() {
        let server = EmptyServer::start();
        let admin = server.admin();
        let me = server.rt.block_on(admin.me()).expect("who am I");
        assert_eq!(me.login, ADMIN.0);
        assert_eq!(me.name, ADMIN.2);
        assert_eq!(me.role, talon_protocol::api::Role::Admin);
        let offices = server.rt.block_on(admin.offices()).expect("offices");
        assert!(offices.is_empty());
    }
}
