//! The real server for a test: port 0, a fresh database, a manual clock.

use crate::database::{Backend, TestDatabase};
use chrono::{DateTime, Utc};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Once};
use std::time::Duration;
use talon_server::clock::{Clock as _, ManualClock};
use talon_server::queues::Queues;
use talon_server::startup::{self, Server, Settings};
use tokio::net::TcpListener;

/// How a [`TestServer`] starts.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    pub backend: Backend,
    /// Where the manual clock starts.
    pub start: DateTime<Utc>,
    /// How often time acts on the queues: fast, so a moved clock shows within
    /// milliseconds.
    pub tick_interval: Duration,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            backend: Backend::from_env(),
            start: crate::start_time(),
            tick_interval: Duration::from_millis(20),
        }
    }
}

/// A running (or stopped) test server. Stopping and restarting keep its address, its
/// database and its clock, as an operator restarting the service would.
pub struct TestServer {
    pub clock: Arc<ManualClock>,
    addr: SocketAddr,
    tick_interval: Duration,
    server: Option<Server>,
    database: TestDatabase,
    files: tempfile::TempDir,
}

impl TestServer {
    /// The server with the default options.
    pub async fn start() -> TestServer {
        TestServer::start_with(ServerOptions::default(), |_| {}).await
    }

    /// The server with `options`, and its settings changed by `configure` before it
    /// starts (e.g. how /metrics is served). A restart uses the plain settings.
    pub async fn start_with(
        options: ServerOptions,
        configure: impl FnOnce(&mut Settings),
    ) -> TestServer {
        init_logs();
        let database = TestDatabase::fresh(options.backend)
            .await
            .expect("a fresh test database");
        let clock = Arc::new(ManualClock::new(options.start));
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("bound address");
        let mut settings = settings(&database, &clock, options.tick_interval);
        configure(&mut settings);
        let server = startup::start(listener, settings)
            .await
            .expect("the server starts");
        TestServer {
            clock,
            addr,
            tick_interval: options.tick_interval,
            server: Some(server),
            database,
            files: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// "http://127.0.0.1:port"
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The running server (panics when stopped).
    pub fn server(&self) -> &Server {
        self.server.as_ref().expect("the server is running")
    }

    pub fn queues(&self) -> &Queues {
        &self.server().queues
    }

    pub fn is_running(&self) -> bool {
        self.server.is_some()
    }

    pub fn database(&self) -> &TestDatabase {
        &self.database
    }

    /// A temporary directory for the test's own files (session files, exports), removed
    /// with the server.
    pub fn files(&self) -> &Path {
        self.files.path()
    }

    /// The server's time.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Stops the server (no-op when stopped): live sockets close, the database closes.
    /// Waits (at most 10 s) until the office's forecast has been made from its state as
    /// it is now, and returns the topics' load as clients then see it. A test reading
    /// predicted waits calls it first: the ticker refreshes the forecast shortly after a
    /// change, and the test must not race it.
    pub async fn settled_load(
        &self,
        office: talon_protocol::OfficeId,
    ) -> Vec<talon_protocol::TopicLoad> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            let queue = self.queues().office(office).expect("the office");
            {
                let state = queue.lock().await;
                let now = self.now();
                let fresh = state.forecast.as_ref().is_some_and(|f| f.seq == state.seq)
                    && !talon_server::forecast::live::due(&state, now);
                if fresh {
                    return talon_server::engine::estimate::load(&state, now);
                }
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "the forecast never caught up with the office"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub async fn stop(&mut self) {
        self.try_stop().await.expect("the server stops");
    }

    /// [`TestServer::stop`], telling instead of panicking when it fails (for `Drop`).
    pub async fn try_stop(&mut self) -> anyhow::Result<()> {
        match self.server.take() {
            Some(server) => server.stop().await,
            None => Ok(()),
        }
    }

    /// Stops the server if it runs and starts it again on the same address, database
    /// and clock.
    pub async fn restart(&mut self) {
        self.stop().await;
        let listener = TcpListener::bind(self.addr).await.expect("bind again");
        let server = startup::start(
            listener,
            settings(&self.database, &self.clock, self.tick_interval),
        )
        .await
        .expect("the server restarts");
        self.server = Some(server);
    }
}

fn settings(database: &TestDatabase, clock: &Arc<ManualClock>, tick: Duration) -> Settings {
    let mut settings = Settings::new(database.url());
    settings.clock = clock.clone();
    settings.tick_interval = tick;
    // The advisor's events would come between any test's events at any time: tests run
    // it when they mean to (`Queues::advise_all`, `DemoServer::advise_now`).
    settings.advice_every = None;
    settings
}

/// `TEST_LOG=1` shows the server's logs.
fn init_logs() {
    static ONCE: Once = Once::new();
    if std::env::var_os("TEST_LOG").is_some() {
        ONCE.call_once(talon_server::cli::init_logging);
    }
}
