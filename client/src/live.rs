//! A background connection that keeps an office's mirror current: it connects to the
//! live WebSocket, applies events, reconnects with backoff when the link drops, resumes
//! with `since`, and takes a new snapshot when events are missing.
//!
//! A link that is open but silent is not trusted: the app pings the server every
//! [`PING_EVERY`] (the server pings too), any frame that arrives proves the server alive,
//! and after [`DEAD_AFTER`] without one the link is given up as dead ("the server stopped
//! answering") and made again, as when it is closed. Reconnect delays grow exponentially
//! with random jitter, so the apps of a whole city do not come back in the same instant
//! after a server restart.

use crate::api::Api;
use crate::mirror::{Applied, Mirror};
use crate::runtime::Runtime;
use backon::{BackoffBuilder, ExponentialBuilder};
use futures_util::{SinkExt, StreamExt};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use talon_protocol::event::LiveMessage;
use talon_protocol::{Event, OfficeId};
use tokio::sync::watch;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

/// How often the app pings the server; the pong is the server's sign of life when the
/// office is quiet.
pub const PING_EVERY: Duration = Duration::from_secs(5);
/// After this long without any frame from the server (text, ping or pong) the link is
/// dead, even if the socket still looks open.
pub const DEAD_AFTER: Duration = Duration::from_secs(10);
/// The TCP connect and the WebSocket handshake together.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// The first reconnect delay is at least this (jitter adds up to as much again).
pub const FIRST_RETRY: Duration = Duration::from_millis(500);
/// Reconnect delays, jitter included, stay below this.
pub const LONGEST_RETRY: Duration = Duration::from_secs(10);
/// New events kept for the app to take (announcements); older ones are dropped.
const EVENT_BUFFER: usize = 500;

/// The reason an app is shown when a link is given up for silence.
pub const SILENT_SERVER: &str = "the server stopped answering";

/// How a link watches and remakes its connection. The defaults are the constants of
/// this module; tests shorten them.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveOptions {
    /// How often the app pings the server (at most half of `dead_after` is used, so a
    /// live server always has a ping to answer in time).
    pub ping_every: Duration,
    /// How long the link may go without hearing from the server.
    pub dead_after: Duration,
    /// Limit for the TCP connect and the WebSocket handshake together.
    pub connect_timeout: Duration,
    /// The shortest reconnect delay, before jitter.
    pub first_retry: Duration,
    /// Reconnect delays, jitter included, stay below this (when it is at least twice
    /// `first_retry`).
    pub longest_retry: Duration,
}

impl Default for LiveOptions {
    fn default() -> Self {
        LiveOptions {
            ping_every: PING_EVERY,
            dead_after: DEAD_AFTER,
            connect_timeout: CONNECT_TIMEOUT,
            first_retry: FIRST_RETRY,
            longest_retry: LONGEST_RETRY,
        }
    }
}

impl LiveOptions {
    /// The default options, but a link dead after `limit` of silence; it pings four
    /// times per `limit` (or every [`PING_EVERY`], whichever is more often).
    pub fn dead_after(limit: Duration) -> LiveOptions {
        LiveOptions {
            ping_every: PING_EVERY.min(limit / 4),
            dead_after: limit,
            ..LiveOptions::default()
        }
    }

    /// The ping period used: `ping_every`, but at most half of `dead_after`.
    fn ping_period(&self) -> Duration {
        self.ping_every
            .min(self.dead_after / 2)
            .max(Duration::from_millis(1))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ConnectionState {
    Connecting,
    Online,
    /// The link is down since `since`; the mirror shows the last known state.
    Offline {
        since: Instant,
        reason: String,
    },
}

#[derive(Debug, Default)]
pub struct LiveShared {
    pub mirror: Option<Mirror>,
    pub state: Option<ConnectionState>,
    /// Events applied since the app last took them.
    pub events: Vec<Event>,
    /// How many snapshots were received (the first one and every resync).
    pub snapshots: u32,
}

/// Keeps a mirror of one office current until dropped.
pub struct LiveLink {
    shared: Arc<Mutex<LiveShared>>,
    stop: watch::Sender<bool>,
}

impl LiveLink {
    /// Starts the link on `runtime`, with the runtime's [`LiveOptions`]
    /// ([`Runtime::with_live_options`]; the defaults unless a test set others).
    /// `on_change` runs after every change (apps pass `ctx.request_repaint`).
    pub fn start(
        runtime: &Runtime,
        api: Api,
        office: OfficeId,
        on_change: impl Fn() + Send + Sync + 'static,
    ) -> LiveLink {
        let options = runtime.live_options().clone();
        LiveLink::start_with(runtime, api, office, options, on_change)
    }

    /// Starts the link on `runtime` with these options.
    pub fn start_with(
        runtime: &Runtime,
        api: Api,
        office: OfficeId,
        options: LiveOptions,
        on_change: impl Fn() + Send + Sync + 'static,
    ) -> LiveLink {
        let shared = Arc::new(Mutex::new(LiveShared {
            state: Some(ConnectionState::Connecting),
            ..LiveShared::default()
        }));
        let (stop, stopped) = watch::channel(false);
        runtime.handle().spawn(run(
            api,
            office,
            options,
            shared.clone(),
            stopped,
            Arc::new(on_change),
        ));
        LiveLink { shared, stop }
    }

    /// Reads the shared state.
    pub fn with<R>(&self, read: impl FnOnce(&LiveShared) -> R) -> R {
        read(&self.shared.lock().expect("live state"))
    }

    pub fn state(&self) -> ConnectionState {
        self.with(|s| s.state.clone().unwrap_or(ConnectionState::Connecting))
    }

    pub fn mirror(&self) -> Option<Mirror> {
        self.with(|s| s.mirror.clone())
    }

    /// Takes the events applied since the last call, in order.
    pub fn take_events(&self) -> Vec<Event> {
        std::mem::take(&mut self.shared.lock().expect("live state").events)
    }
}

impl Drop for LiveLink {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

type Notify = Arc<dyn Fn() + Send + Sync>;

/// Reconnect delays: backon's exponential backoff with jitter. Its jitter adds a random
/// part of the current delay (backon 1.6: `delay + delay × [0, 1)`), so the base doubles
/// from `first_retry` up to half of `longest_retry` and every delay lies in
/// `[first_retry, longest_retry)`; at the top they still spread over half the range.
struct Retry {
    builder: ExponentialBuilder,
    delays: <ExponentialBuilder as BackoffBuilder>::Backoff,
}

impl Retry {
    fn new(options: &LiveOptions) -> Retry {
        let builder = ExponentialBuilder::new()
            .with_min_delay(options.first_retry)
            .with_max_delay((options.longest_retry / 2).max(options.first_retry))
            .with_factor(2.0)
            .with_jitter()
            .without_max_times();
        Retry {
            builder,
            delays: builder.build(),
        }
    }

    fn next_delay(&mut self) -> Duration {
        match self.delays.next() {
            Some(delay) => delay,
            // Unreachable without a limit on times; start over rather than spin.
            None => {
                self.reset();
                self.delays.next().unwrap_or(FIRST_RETRY)
            }
        }
    }

    /// Back to the shortest delay (after a session that was online).
    fn reset(&mut self) {
        self.delays = self.builder.build();
    }
}

async fn run(
    api: Api,
    office: OfficeId,
    options: LiveOptions,
    shared: Arc<Mutex<LiveShared>>,
    mut stop: watch::Receiver<bool>,
    notify: Notify,
) {
    let mut retry = Retry::new(&options);
    let mut need_snapshot = false;
    loop {
        let since = if need_snapshot {
            None
        } else {
            shared
                .lock()
                .expect("live state")
                .mirror
                .as_ref()
                .map(Mirror::seq)
        };
        let outcome = tokio::select! {
            outcome = session(&api, office, since, &options, &shared, &notify) => outcome,
            _ = stop.changed() => return,
        };
        need_snapshot = matches!(outcome, Ended::Gap);
        if matches!(outcome, Ended::WasOnline | Ended::Silent) {
            retry.reset();
        }
        // The node went away (or never answered): the next try goes to the next node
        // the app was given, resuming from the same seq (every node numbers an office's
        // events the same way).
        if !matches!(outcome, Ended::Gap) {
            api.fail_over();
        }
        let reason = match outcome {
            Ended::Failed(reason) => reason,
            Ended::Gap => "events were missed; fetching the current state".into(),
            Ended::WasOnline => "the connection was closed".into(),
            Ended::Silent => SILENT_SERVER.into(),
        };
        tracing::debug!(%reason, "the live link is down");
        {
            let mut state = shared.lock().expect("live state");
            let since = match &state.state {
                Some(ConnectionState::Offline { since, .. }) => *since,
                _ => Instant::now(),
            };
            state.state = Some(ConnectionState::Offline { since, reason });
        }
        notify();
        tokio::select! {
            _ = tokio::time::sleep(retry.next_delay()) => {}
            _ = stop.changed() => return,
        }
    }
}

enum Ended {
    /// Never got online.
    Failed(String),
    Gap,
    /// Was online until the server closed the link (or it broke).
    WasOnline,
    /// Was online until the server went silent for `dead_after`.
    Silent,
}

/// One connection, until it drops.
async fn session(
    api: &Api,
    office: OfficeId,
    since: Option<u64>,
    options: &LiveOptions,
    shared: &Mutex<LiveShared>,
    notify: &Notify,
) -> Ended {
    let mut request = match api.live_url(office, since).into_client_request() {
        Ok(request) => request,
        Err(e) => return Ended::Failed(e.to_string()),
    };
    if let Some(token) = api.token()
        && let Ok(value) = format!("Bearer {token}").parse()
    {
        request.headers_mut().insert("authorization", value);
    }
    // One limit for the TCP connect and the handshake: a server that accepts the
    // connection but never answers the upgrade must not hold the link forever.
    let connect = tokio::time::timeout(
        options.connect_timeout,
        tokio_tungstenite::connect_async(request),
    );
    let mut stream = match connect.await {
        Ok(Ok((stream, _))) => stream,
        Ok(Err(e)) => return Ended::Failed(e.to_string()),
        Err(_) => return Ended::Failed("the server did not answer in time".into()),
    };
    shared.lock().expect("live state").state = Some(ConnectionState::Online);
    notify();
    let period = options.ping_period();
    let mut ping = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    ping.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut heard = tokio::time::Instant::now();
    loop {
        let dead_at = heard + options.dead_after;
        let message = tokio::select! {
            message = stream.next() => message,
            _ = ping.tick() => {
                // A send that cannot go out (nobody reads on the other side) counts
                // against the same limit.
                let send = stream.send(Message::Ping(Default::default()));
                match tokio::time::timeout_at(dead_at, send).await {
                    Ok(Ok(())) => continue,
                    Ok(Err(_)) => break,
                    Err(_) => return Ended::Silent,
                }
            }
            _ = tokio::time::sleep_until(dead_at) => return Ended::Silent,
        };
        // Any frame is a sign of life: text, the server's pings, pongs to ours.
        heard = tokio::time::Instant::now();
        let text = match message {
            Some(Ok(Message::Text(text))) => text,
            None | Some(Ok(Message::Close(_))) | Some(Err(_)) => break,
            Some(Ok(_)) => continue,
        };
        let message: LiveMessage = match serde_json::from_str(&text) {
            Ok(message) => message,
            Err(e) => {
                tracing::warn!(error = %e, "unreadable live message");
                continue;
            }
        };
        let mut state = shared.lock().expect("live state");
        match message {
            LiveMessage::Snapshot { snapshot } => {
                state.mirror = Some(Mirror::new(*snapshot));
                state.snapshots += 1;
            }
            LiveMessage::Event { event } => {
                let Some(mirror) = state.mirror.as_mut() else {
                    return Ended::Gap;
                };
                match mirror.apply(&event) {
                    Applied::Applied => {
                        state.events.push(*event);
                        let overflow = state.events.len().saturating_sub(EVENT_BUFFER);
                        state.events.drain(..overflow);
                    }
                    Applied::Stale => {}
                    Applied::Gap => return Ended::Gap,
                }
            }
            LiveMessage::Load { seq, load, .. } => {
                if let Some(mirror) = state.mirror.as_mut() {
                    mirror.apply_load(seq, &load);
                }
            }
        }
        drop(state);
        notify();
    }
    Ended::WasOnline
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_proxy::TestProxy;
    use std::net::SocketAddr;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn delays(retry: &mut Retry, n: usize) -> Vec<Duration> {
        (0..n).map(|_| retry.next_delay()).collect()
    }

    #[test]
    fn reconnect_delays_grow_with_jitter_within_bounds() {
        let options = LiveOptions::default();
        let mut one = Retry::new(&options);
        let mut two = Retry::new(&options);
        let (a, b) = (delays(&mut one, 30), delays(&mut two, 30));
        assert_ne!(a, b, "two links wait differently");
        for delay in a.iter().chain(&b) {
            assert!(
                (FIRST_RETRY..LONGEST_RETRY).contains(delay),
                "{delay:?} out of bounds"
            );
        }
        // Exponential: each base doubles from 0.5 s; the jitter adds less than the base.
        for (i, base) in [500, 1000, 2000, 4000].into_iter().enumerate() {
            let base = Duration::from_millis(base);
            assert!(a[i] >= base && a[i] < base * 2, "delay {i}: {:?}", a[i]);
        }
        // At the top the delays still spread (no herd at the cap).
        let top = &a[10..];
        assert!(top.iter().all(|d| *d >= LONGEST_RETRY / 2));
        assert!(top.windows(2).any(|w| w[0] != w[1]), "{top:?}");

        // After a session that was online the delays start short again.
        one.reset();
        let again = one.next_delay();
        assert!(again < FIRST_RETRY * 2, "{again:?}");
    }

    #[test]
    fn pings_are_frequent_enough_for_the_limit() {
        assert_eq!(LiveOptions::default().ping_period(), PING_EVERY);
        let quick = LiveOptions::dead_after(Duration::from_secs(2));
        assert_eq!(quick.ping_period(), Duration::from_millis(500));
        let odd = LiveOptions {
            ping_every: Duration::from_secs(60),
            ..LiveOptions::default()
        };
        assert_eq!(odd.ping_period(), DEAD_AFTER / 2);
    }

    /// A WebSocket server that says nothing but answers pings (as tungstenite does while
    /// it reads), and counts the pings it got.
    async fn quiet_server() -> (SocketAddr, Arc<AtomicUsize>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let pings = Arc::new(AtomicUsize::new(0));
        let counted = pings.clone();
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let pings = counted.clone();
                tokio::spawn(async move {
                    let Ok(mut ws) = tokio_tungstenite::accept_async(tcp).await else {
                        return;
                    };
                    while let Some(Ok(message)) = ws.next().await {
                        if message.is_ping() {
                            pings.fetch_add(1, Ordering::SeqCst);
                        }
                    }
                });
            }
        });
        (addr, pings)
    }

    fn link(addr: SocketAddr, options: LiveOptions) -> LiveLink {
        let runtime = Runtime::from_handle(tokio::runtime::Handle::current());
        let api = Api::new(&format!("http://{addr}"), None);
        LiveLink::start_with(&runtime, api, OfficeId(1), options, || {})
    }

    /// Waits (at most `limit`) until the link's state satisfies `done`.
    async fn until(
        link: &LiveLink,
        limit: Duration,
        what: &str,
        done: impl Fn(&ConnectionState) -> bool,
    ) -> ConnectionState {
        let deadline = Instant::now() + limit;
        loop {
            let state = link.state();
            if done(&state) {
                return state;
            }
            assert!(Instant::now() < deadline, "never {what}; last {state:?}");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn offline_because(state: &ConnectionState, why: &str) -> bool {
        matches!(state, ConnectionState::Offline { reason, .. } if reason == why)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_quiet_server_that_answers_pings_stays_online() {
        let (addr, pings) = quiet_server().await;
        let options = LiveOptions {
            ping_every: Duration::from_millis(100),
            dead_after: Duration::from_millis(600),
            ..LiveOptions::default()
        };
        let link = link(addr, options);
        until(&link, Duration::from_secs(10), "online", |s| {
            *s == ConnectionState::Online
        })
        .await;
        // Two and a half limits of silence but for the pongs: still online.
        for _ in 0..75 {
            tokio::time::sleep(Duration::from_millis(20)).await;
            assert_eq!(link.state(), ConnectionState::Online);
        }
        assert!(pings.load(Ordering::SeqCst) >= 5, "the link pings");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_server_that_stops_answering_is_given_up_and_the_link_comes_back() {
        let (addr, _) = quiet_server().await;
        let proxy = TestProxy::start(addr).await.unwrap();
        let options = LiveOptions {
            ping_every: Duration::from_millis(200),
            dead_after: Duration::from_secs(1),
            connect_timeout: Duration::from_secs(1),
            ..LiveOptions::default()
        };
        let limit = options.dead_after;
        let link = link(proxy.addr(), options);
        until(&link, Duration::from_secs(10), "online", |s| {
            *s == ConnectionState::Online
        })
        .await;

        // Nothing comes back, nothing is closed.
        proxy.black_hole(true);
        until(&link, limit + Duration::from_secs(10), "given up", |s| {
            offline_because(s, SILENT_SERVER)
        })
        .await;
        // A new connection into the black hole is accepted but never upgraded: the
        // handshake is bounded too.
        until(&link, Duration::from_secs(20), "a handshake timeout", |s| {
            offline_because(s, "the server did not answer in time")
        })
        .await;

        proxy.black_hole(false);
        until(&link, Duration::from_secs(30), "online again", |s| {
            *s == ConnectionState::Online
        })
        .await;
    }
}
