//! A background connection that keeps an office's mirror current: it connects to the
//! live WebSocket, applies events, reconnects with backoff when the link drops, resumes
//! with `since`, and takes a new snapshot when events are missing.

use crate::api::Api;
use crate::mirror::{Applied, Mirror};
use crate::runtime::Runtime;
use futures_util::StreamExt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use talon_protocol::event::LiveMessage;
use talon_protocol::{Event, OfficeId};
use tokio::sync::watch;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

const FIRST_RETRY: Duration = Duration::from_millis(500);
const LONGEST_RETRY: Duration = Duration::from_secs(10);
/// New events kept for the app to take (announcements); older ones are dropped.
const EVENT_BUFFER: usize = 500;

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
    /// Starts the link on `runtime`. `on_change` runs after every change (apps pass
    /// `ctx.request_repaint`).
    pub fn start(
        runtime: &Runtime,
        api: Api,
        office: OfficeId,
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

async fn run(
    api: Api,
    office: OfficeId,
    shared: Arc<Mutex<LiveShared>>,
    mut stop: watch::Receiver<bool>,
    notify: Notify,
) {
    let mut retry = FIRST_RETRY;
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
            outcome = session(&api, office, since, &shared, &notify) => outcome,
            _ = stop.changed() => return,
        };
        need_snapshot = matches!(outcome, Ended::Gap);
        if matches!(outcome, Ended::WasOnline) {
            retry = FIRST_RETRY;
        }
        let reason = match outcome {
            Ended::Failed(reason) => reason,
            Ended::Gap => "events were missed; fetching the current state".into(),
            Ended::WasOnline => "the connection was closed".into(),
        };
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
            _ = tokio::time::sleep(retry) => {}
            _ = stop.changed() => return,
        }
        retry = (retry * 2).min(LONGEST_RETRY);
    }
}

enum Ended {
    Failed(String),
    Gap,
    WasOnline,
}

/// One connection, until it drops.
async fn session(
    api: &Api,
    office: OfficeId,
    since: Option<u64>,
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
    let connect = tokio::time::timeout(
        Duration::from_secs(5),
        tokio_tungstenite::connect_async(request),
    );
    let mut stream = match connect.await {
        Ok(Ok((stream, _))) => stream,
        Ok(Err(e)) => return Ended::Failed(e.to_string()),
        Err(_) => return Ended::Failed("the server did not answer in time".into()),
    };
    shared.lock().expect("live state").state = Some(ConnectionState::Online);
    notify();
    while let Some(message) = stream.next().await {
        let text = match message {
            Ok(Message::Text(text)) => text,
            Ok(Message::Close(_)) | Err(_) => break,
            Ok(_) => continue,
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
        }
        drop(state);
        notify();
    }
    Ended::WasOnline
}
