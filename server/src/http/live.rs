//! The live WebSocket of an office: a snapshot (or the missed events after `since`), then
//! every event in sequence order. Whenever the server cannot vouch that the client saw
//! every event (it lagged behind, or `since` is too old) it sends a fresh snapshot instead
//! of leaving a silent gap.

use super::AppState;
use super::error::ApiError;
use super::extract::{Path, Principal, Query};
use crate::queues::{LiveEvent, OfficeQueue, snapshot_of};
use axum::extract::State;
use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use futures_util::{SinkExt, StreamExt};
use std::sync::Arc;
use std::time::Duration;
use talon_protocol::OfficeId;
use talon_protocol::api::ErrorBody;
use talon_protocol::event::LiveMessage;
use tokio::sync::broadcast::error::{RecvError, TryRecvError};

/// A reconnecting client gets at most this many missed events; further behind, a snapshot.
pub const MAX_REPLAY: u32 = 1000;
/// Read buffer of a live socket.
const SOCKET_BUFFER: usize = 4 * 1024;
/// Largest message a client may send on the live socket.
const MAX_CLIENT_MESSAGE: usize = 16 * 1024;
/// Pings keep idle connections alive through proxies and reveal dead peers.
const PING_EVERY: Duration = Duration::from_secs(20);

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
pub struct LiveQuery {
    /// The last seq the client has; it gets the events after it (or a snapshot).
    pub since: Option<u64>,
}

/// WebSocket of live events. Messages are JSON `{"msg":"snapshot",...}` or
/// `{"msg":"event",...}`.
#[utoipa::path(get, path = "/api/v1/offices/{office}/live", tag = "offices", params(("office" = i64, Path), LiveQuery),
    security(("bearer" = [])),
    responses((status = 101, description = "switching to WebSocket"), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn live(
    State(state): State<AppState>,
    principal: Principal,
    Path(office): Path<OfficeId>,
    Query(query): Query<LiveQuery>,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Result<Response, ApiError> {
    let queue = state.queues.office(office)?;
    principal.require_see(office)?;
    let upgrade = upgrade
        .map_err(|_| ApiError::bad_request("this address speaks WebSocket only"))?
        // Clients only send pings and close frames; small buffers keep an idle display
        // socket at a few kilobytes (tungstenite's defaults are 128 KiB each way).
        .read_buffer_size(SOCKET_BUFFER)
        .write_buffer_size(0)
        .max_message_size(MAX_CLIENT_MESSAGE)
        .max_frame_size(MAX_CLIENT_MESSAGE);
    Ok(upgrade.on_upgrade(move |socket| async move {
        metrics::gauge!("talon_live_sockets").increment(1.0);
        if let Err(e) = serve(socket, state, queue, query.since).await {
            tracing::debug!(error = %e, "live socket ended");
        }
        metrics::gauge!("talon_live_sockets").decrement(1.0);
    }))
}

type SocketResult<T> = Result<T, axum::Error>;

async fn serve(
    socket: WebSocket,
    state: AppState,
    queue: Arc<OfficeQueue>,
    since: Option<u64>,
) -> SocketResult<()> {
    let (mut sender, mut receiver) = socket.split();
    // Subscribe before reading the state: nothing committed after this point is missed,
    // and what is seen twice is dropped by its seq.
    let mut events = queue.subscribe();
    let mut last = start(&state, &queue, since, &mut sender).await?;
    let mut shutdown = state.shutdown.clone();
    let mut ping = tokio::time::interval(PING_EVERY);
    ping.reset();
    loop {
        tokio::select! {
            received = events.recv() => {
                // Write what is queued already, then flush once: with thousands of
                // sockets one flush per burst instead of per event saves most syscalls.
                let mut next = Some(received);
                let mut wrote = false;
                while let Some(received) = next.take() {
                    match received {
                        Ok(LiveEvent { seq, .. }) if seq <= last => {}
                        Ok(LiveEvent { seq, json }) if seq == last + 1 => {
                            sender.feed(Message::Text(json)).await?;
                            last = seq;
                            wrote = true;
                        }
                        Ok(_) | Err(RecvError::Lagged(_)) => {
                            last = send_snapshot(&state, &queue, &mut sender).await?;
                        }
                        Err(RecvError::Closed) => return Ok(()),
                    }
                    next = match events.try_recv() {
                        Ok(event) => Some(Ok(event)),
                        Err(TryRecvError::Lagged(n)) => Some(Err(RecvError::Lagged(n))),
                        Err(TryRecvError::Empty | TryRecvError::Closed) => None,
                    };
                }
                if wrote {
                    sender.flush().await?;
                }
            }
            incoming = receiver.next() => match incoming {
                None | Some(Err(_)) | Some(Ok(Message::Close(_))) => break,
                Some(Ok(_)) => {}
            },
            _ = ping.tick() => sender.send(Message::Ping(Default::default())).await?,
            _ = shutdown.changed() => {
                let _ = sender.send(Message::Close(None)).await;
                break;
            }
        }
    }
    Ok(())
}

type Sender = futures_util::stream::SplitSink<WebSocket, Message>;

/// Brings a new client up to date; returns the seq it now has.
async fn start(
    state: &AppState,
    queue: &OfficeQueue,
    since: Option<u64>,
    sender: &mut Sender,
) -> SocketResult<u64> {
    let current = queue.lock().await.seq;
    let Some(since) = since.filter(|s| *s <= current && current - *s <= u64::from(MAX_REPLAY))
    else {
        return send_snapshot(state, queue, sender).await;
    };
    let missed = match state
        .queues
        .store()
        .events_since(queue.id, since, MAX_REPLAY)
        .await
    {
        Ok(missed) => missed,
        Err(e) => {
            tracing::warn!(error = %e, "could not read missed events; sending a snapshot");
            return send_snapshot(state, queue, sender).await;
        }
    };
    let contiguous = missed
        .iter()
        .zip(since + 1..)
        .all(|(e, expected)| e.seq == expected);
    if !contiguous {
        return send_snapshot(state, queue, sender).await;
    }
    let mut last = since;
    for event in missed {
        last = event.seq;
        send_json(
            sender,
            &LiveMessage::Event {
                event: Box::new(event),
            },
        )
        .await?;
    }
    Ok(last)
}

async fn send_snapshot(
    state: &AppState,
    queue: &OfficeQueue,
    sender: &mut Sender,
) -> SocketResult<u64> {
    let snapshot = {
        let guard = queue.lock().await;
        snapshot_of(&guard, state.queues.now())
    };
    let seq = snapshot.seq;
    send_json(
        sender,
        &LiveMessage::Snapshot {
            snapshot: Box::new(snapshot),
        },
    )
    .await?;
    Ok(seq)
}

async fn send_json(sender: &mut Sender, message: &LiveMessage) -> SocketResult<()> {
    let json = serde_json::to_string(message).map_err(axum::Error::new)?;
    sender.send(Message::Text(json.into())).await
}
