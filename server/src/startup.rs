//! Builds the server from settings and runs it on a bound listener, so tests and the
//! demo can use port 0 and stop it cleanly.

use crate::clock::{Clock, SystemClock};
use crate::guard::Guard;
use crate::http::{self, AppState, MetricsGate};
use crate::queues::Queues;
use crate::store::Store;
use axum::serve::ListenerExt;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub struct Settings {
    /// "sqlite://file", "sqlite:file" or a file path.
    pub database_url: String,
    pub clock: Arc<dyn Clock>,
    /// How often time is let act on the queues (postponed tickets, alerts, midnight).
    pub tick_interval: Duration,
    /// How long a staff sign-in lasts.
    pub session_ttl: chrono::Duration,
    /// Who may read /metrics.
    pub metrics: MetricsAccess,
    /// This node's name in /health and the logs, to tell nodes on one database apart.
    pub node_name: String,
    /// Where alert emails go out; without it, email targets record the failure.
    pub smtp: Option<crate::notify::SmtpSettings>,
    /// How often the staffing advisor looks at every office (once a minute). None: only
    /// when asked (`Queues::advise_all`), for tests that follow every event.
    pub advice_every: Option<Duration>,
}

/// Where /metrics is served and to whom.
#[derive(Debug)]
pub enum MetricsAccess {
    /// On the API's address, to clients on this machine only (the default).
    Loopback,
    /// On the API's address, to a scraper sending this bearer token.
    Token(String),
    /// On a separate listener only (with a token when given); the API's address has none.
    Separate {
        listener: TcpListener,
        token: Option<String>,
    },
}

impl Settings {
    pub fn new(database_url: impl Into<String>) -> Self {
        Settings {
            database_url: database_url.into(),
            clock: Arc::new(SystemClock),
            tick_interval: Duration::from_secs(1),
            session_ttl: chrono::Duration::days(30),
            metrics: MetricsAccess::Loopback,
            node_name: default_node_name(),
            smtp: None,
            advice_every: Some(Duration::from_secs(60)),
        }
    }
}

/// The machine's host name and the process id: unique among nodes without configuring.
fn default_node_name() -> String {
    let host = std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "talon".into());
    format!("{host}-{}", std::process::id())
}

/// A running server.
pub struct Server {
    pub addr: SocketAddr,
    /// The separate metrics address, when one was configured.
    pub metrics_addr: Option<SocketAddr>,
    pub queues: Arc<Queues>,
    shutdown: watch::Sender<bool>,
    serve: JoinHandle<std::io::Result<()>>,
    serve_metrics: Option<JoinHandle<std::io::Result<()>>>,
    ticker: JoinHandle<()>,
    /// Follows the other nodes' commits (PostgreSQL only).
    follower: Option<JoinHandle<()>>,
}

impl Server {
    /// Stops accepting, closes live sockets, waits for the tasks and closes the database.
    pub async fn stop(self) -> anyhow::Result<()> {
        let _ = self.shutdown.send(true);
        self.serve.await??;
        if let Some(serve_metrics) = self.serve_metrics {
            serve_metrics.await??;
        }
        let _ = self.ticker.await;
        if let Some(follower) = self.follower {
            let _ = follower.await;
        }
        self.queues.store().close().await;
        Ok(())
    }

    /// Runs until `signal` completes, then stops.
    pub async fn run_until(
        self,
        signal: impl std::future::Future<Output = ()>,
    ) -> anyhow::Result<()> {
        signal.await;
        self.stop().await
    }
}

/// The device monitor runs every this many ticks.
const DEVICE_CHECK_TICKS: u32 = 5;
/// The previous month's reports are looked for every this many ticks.
const MONTHLY_CHECK_TICKS: u32 = 60;

/// Opens the store, loads the offices and starts serving on `listener`.
pub async fn start(listener: TcpListener, settings: Settings) -> anyhow::Result<Server> {
    let store = Store::open(&settings.database_url).await?;
    start_with_store(listener, store, settings).await
}

pub async fn start_with_store(
    listener: TcpListener,
    store: Store,
    settings: Settings,
) -> anyhow::Result<Server> {
    let queues = Arc::new(Queues::load(store, settings.clock.clone()).await?);
    let (shutdown, shutdown_rx) = watch::channel(false);
    let (router, openapi) = http::routes();
    let (metrics_gate, metrics_listener) = match settings.metrics {
        MetricsAccess::Loopback => (MetricsGate::Loopback, None),
        MetricsAccess::Token(token) => (MetricsGate::token(&token), None),
        MetricsAccess::Separate { listener, token } => {
            let gate = token.map_or(MetricsGate::Open, |t| MetricsGate::token(&t));
            (MetricsGate::Elsewhere, Some((listener, gate)))
        }
    };
    let state = AppState {
        queues: queues.clone(),
        metrics: metrics_handle(),
        openapi: Arc::new(openapi.to_json()?),
        session_ttl: settings.session_ttl,
        shutdown: shutdown_rx.clone(),
        guard: Arc::new(Guard::new(settings.clock.clone())),
        metrics_gate,
        node_name: Arc::new(settings.node_name.clone()),
    };
    let addr = listener.local_addr()?;
    let mut metrics_addr = None;
    let serve_metrics = match metrics_listener {
        Some((listener, gate)) => {
            metrics_addr = Some(listener.local_addr()?);
            let app = http::metrics_router(AppState {
                metrics_gate: gate,
                ..state.clone()
            });
            Some(serve_on(listener, app, shutdown_rx.clone()))
        }
        None => None,
    };
    let serve = serve_on(listener, router.with_state(state), shutdown_rx.clone());

    let follower = crate::nodes::follow(queues.clone(), shutdown_rx.clone());
    // Webhooks and emails in a task of their own: a slow receiver holds back no tick.
    let notifier = crate::notify::Notifier::new(settings.smtp.as_ref())?;
    let notifier_queues = queues.clone();
    let mut stop_sending = shutdown_rx.clone();
    let interval = settings.tick_interval;
    tokio::spawn(async move {
        let mut every = tokio::time::interval(interval);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = every.tick() => {
                    if let Err(e) = notifier.deliver_due(&notifier_queues).await {
                        tracing::warn!(error = %e, "notifications not sent");
                    }
                }
                _ = stop_sending.changed() => break,
            }
        }
    });
    let ticker_queues = queues.clone();
    let mut stop_ticking = shutdown_rx;
    let interval = settings.tick_interval;
    let advice_every = settings.advice_every;
    let ticker = tokio::spawn(async move {
        let mut every = tokio::time::interval(interval);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        // Devices are looked at less often: their delays are minutes, and it reads the
        // store.
        let mut devices = tokio::time::interval(interval * DEVICE_CHECK_TICKS);
        devices.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        // The advisor looks once a minute: arrivals are counted per hour.
        let advising = advice_every.is_some();
        let mut advice = tokio::time::interval(advice_every.unwrap_or(Duration::from_secs(3600)));
        advice.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        // The month's reports are looked for once a minute: a month turns once.
        let mut months = tokio::time::interval(interval * MONTHLY_CHECK_TICKS);
        months.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = every.tick() => ticker_queues.tick_all().await,
                _ = devices.tick() => {
                    if let Err(e) = ticker_queues.check_devices().await {
                        tracing::warn!(error = %e, "device check failed");
                    }
                }

                _ = advice.tick(), if advising => ticker_queues.advise_all().await,
                _ = months.tick() => {
                    if let Err(e) = crate::reports::monthly::keep_due(&ticker_queues).await {
                        tracing::warn!(error = %e, "monthly reports not kept");
                    }
                }
                _ = stop_ticking.changed() => break,
            }
        }
    });

    tracing::info!(%addr, node = %settings.node_name,
        backend = queues.store().backend().name(), "Talon server listening");
    Ok(Server {
        addr,
        metrics_addr,
        queues,
        shutdown,
        serve,
        serve_metrics,
        ticker,
        follower,
    })
}

/// Serves `app` on `listener` until `shutdown` turns, with each connection's address
/// known to the handlers (rate limits count by it).
fn serve_on(
    listener: TcpListener,
    app: axum::Router,
    mut shutdown: watch::Receiver<bool>,
) -> JoinHandle<std::io::Result<()>> {
    tokio::spawn(async move {
        // Live events are small writes: without TCP_NODELAY, Nagle's algorithm holds one
        // back until the previous is acknowledged (tens of milliseconds of delayed ACK).
        let listener = listener.tap_io(|tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::debug!(error = %e, "TCP_NODELAY could not be set");
            }
        });
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            let _ = shutdown.changed().await;
        })
        .await
    })
}

/// One Prometheus recorder per process (several servers run in one test process).
fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new().build_recorder();
            let handle = recorder.handle();
            // Fails only if another recorder is installed; then ours renders empty.
            let _ = metrics::set_global_recorder(recorder);
            handle
        })
        .clone()
}
