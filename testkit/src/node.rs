//! One more server node on a database another test server already uses, in a tokio
//! runtime of its own: [`Node::kill`] ends every task of the node at once (its
//! connections, its live sockets, commits in flight, its listener), as `kill -9` ends a
//! process, while the test and the other nodes go on.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use talon_server::clock::ManualClock;
use talon_server::startup::{self, Settings};
use tokio::net::TcpListener;

pub struct Node {
    pub name: String,
    addr: SocketAddr,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Node {
    /// Starts a node named `name` on `database_url`, sharing `clock` with the others.
    pub async fn start(database_url: &str, clock: Arc<ManualClock>, name: &str) -> Node {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a runtime for the node");
        let mut settings = Settings::new(database_url);
        settings.clock = clock;
        settings.tick_interval = Duration::from_millis(20);
        settings.node_name = name.to_string();
        // As every test server: the advisor runs when a test asks (`Queues::advise_all`).
        settings.advice_every = None;
        let started = runtime.spawn(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await?;
            let server = startup::start(listener, settings).await?;
            let addr = server.addr;
            // The server lives as long as the runtime: stopping is killing.
            std::mem::forget(server);
            anyhow::Ok(addr)
        });
        let addr = started
            .await
            .expect("the node's start task")
            .expect("the node starts");
        Node {
            name: name.to_string(),
            addr,
            runtime: Some(runtime),
        }
    }

    /// "http://127.0.0.1:port"
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Ends the node at once, nothing finished or flushed.
    pub fn kill(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.kill();
    }
}
