//! A test server with the demo office, on a runtime of its own, for the app tests: they
//! drive egui on the test thread and block on the server's answers.

use crate::server::{ServerOptions, TestServer};
use chrono::{DateTime, Utc};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use talon_client::Api;
use talon_protocol::{Snapshot, Ticket, TopicId};
use talon_server::clock::{Clock as _, ManualClock};
use talon_server::demo::DemoAccess;

/// The real server with the demo office (four topics, windows 1–4, agent1–agent4, the
/// head), fresh kiosk and display tokens, and a manual clock at [`crate::START`].
pub struct DemoServer {
    /// The runtime the server runs on; apps under test run their tasks on it too.
    pub rt: tokio::runtime::Runtime,
    /// The server's clock: moving it moves the server's time (and an app's, when the
    /// app was given [`DemoServer::app_clock`]).
    pub clock: Arc<ManualClock>,
    /// "http://127.0.0.1:port", the same across restarts.
    pub base: String,
    pub addr: SocketAddr,
    pub access: DemoAccess,
    server: TestServer,
}

impl DemoServer {
    pub fn start() -> DemoServer {
        DemoServer::start_with(ServerOptions::default())
    }

    pub fn start_with(options: ServerOptions) -> DemoServer {
        let rt = tokio::runtime::Runtime::new().expect("a tokio runtime");
        let server = rt.block_on(TestServer::start_with(options, |_| {}));
        let access = rt
            .block_on(talon_server::demo::ensure(server.queues()))
            .expect("the demo office");
        DemoServer {
            clock: server.clock.clone(),
            base: server.base(),
            addr: server.addr(),
            access,
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

    /// Stops the server (no-op when stopped); apps lose their link.
    pub fn stop(&mut self) {
        self.rt.block_on(self.server.stop());
    }

    /// Stops the server if it runs and starts it again on the same port, database and
    /// clock.
    pub fn restart(&mut self) {
        self.rt.block_on(self.server.restart());
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Moves the server's time.
    pub fn advance(&self, by: chrono::Duration) {
        self.clock.advance(by);
    }

    /// An app's clock that reads the server's manual time (the machine's monotonic
    /// time), so screens and timeouts follow [`DemoServer::advance`].
    pub fn app_clock(&self) -> talon_client::clock::SharedClock {
        let clock = self.clock.clone();
        talon_client::clock::following(move || clock.now())
    }

    /// The API with the demo kiosk's token.
    pub fn kiosk_api(&self) -> Api {
        Api::new(&self.base, Some(self.access.kiosk_token.clone()))
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

    /// The API signed in as the office head.
    pub fn head(&self) -> Api {
        let (login, password) = talon_server::demo::HEAD;
        self.sign_in(login, password)
    }

    /// Issues a ticket at the kiosk (a fresh idempotency key each time).
    pub fn issue(&self, topic: TopicId, out_of_turn: bool) -> Ticket {
        let key = uuid::Uuid::new_v4().to_string();
        self.rt
            .block_on(
                self.kiosk_api()
                    .issue(self.access.office, topic, out_of_turn, &key),
            )
            .expect("a ticket is issued")
            .ticket
    }

    /// The office's live state, as the server has it.
    pub fn snapshot(&self) -> Snapshot {
        self.rt
            .block_on(self.kiosk_api().snapshot(self.access.office))
            .expect("a snapshot")
    }

    /// Waits (at most 10 s) until the office's forecast has been made from its state as
    /// it is now, and returns the topics' load as the apps then see it. An app test
    /// calls it before a snapshot that shows predicted waits: the ticker refreshes the
    /// forecast shortly after a change, and the snapshot must not race it.
    pub fn settled_load(&self) -> Vec<talon_protocol::TopicLoad> {
        self.rt
            .block_on(self.server.settled_load(self.access.office))
    }

    /// Runs the staffing advisor now (as the ticker does once a minute), so a test
    /// knows the board's advice is that of the office as it is. The forecast is made
    /// first: the advisor reads the predicted wait from it, and one left from several
    /// issues ago (the ticker refreshes it shortly after a change) would advise on a
    /// shorter queue.
    pub fn advise_now(&self) -> Vec<talon_protocol::advice::Advice> {
        self.settled_load();
        self.rt.block_on(self.server.queues().advise_all());
        self.snapshot().advice
    }

    /// The server's Prometheus text.
    pub fn metrics(&self) -> String {
        let url = format!("{}/metrics", self.base);
        self.rt.block_on(async move {
            let response = reqwest::get(url).await.expect("/metrics answers");
            response.text().await.expect("the metrics text")
        })
    }
}

impl Drop for DemoServer {
    fn drop(&mut self) {
        // No panic while a failed test unwinds: a server that cannot stop is dropped.
        let _ = self.rt.block_on(self.server.try_stop());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_restart_keeps_the_address_the_database_and_the_clock() {
        let mut server = DemoServer::start();
        assert_eq!(server.now(), crate::start_time());
        let ticket = server.issue(TopicId(1), false);
        server.advance(chrono::Duration::minutes(5));
        server.restart();
        assert_eq!(server.server().base(), server.base);
        assert_eq!(
            server.now(),
            crate::start_time() + chrono::Duration::minutes(5)
        );
        let tickets = server.snapshot().tickets;
        assert_eq!(tickets.len(), 1);
        assert_eq!(tickets[0].id, ticket.id);
        server.stop();
        server.stop();
    }
}
