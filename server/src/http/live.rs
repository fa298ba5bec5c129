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
/// Frames queued for a socket are held until a flush or this many bytes: the events
/// that reached a socket while it waited its turn in a fan-out go out in one write (one
/// trip through the kernel's TCP path instead of one per event).
const WRITE_BUFFER: usize = 16 * 1024;
/// Largest message a client may send on the live socket.
const MAX_CLIENT_MESSAGE: usize = 16 * 1024;
/// Pings keep idle connections alive through proxies, and give the apps traffic to
/// see even in a quiet office (they give a link up after 10 s of silence).
const PING_EVERY: Duration = if cfg!(test) {
    Duration::from_millis(100)
} else {
    Duration::from_secs(5)
};
/// A client heard from neither by message nor by pong for this long is dropped: its
/// socket may look open while nobody is there (a half-open connection).
const SILENCE_LIMIT: Duration = if cfg!(test) {
    Duration::from_millis(600)
} else {
    Duration::from_secs(30)
};

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
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
        // socket at a few kilobytes (tungstenite's defaults are 128 KiB each way). The
        // frames queued for a socket while it waited its turn go out in one write.
        .read_buffer_size(SOCKET_BUFFER)
        .write_buffer_size(WRITE_BUFFER)
        .max_message_size(MAX_CLIENT_MESSAGE)
        .max_frame_size(MAX_CLIENT_MESSAGE);
    let device = match &principal {
        Principal::Device(device) => Some(device.id),
        Principal::Staff(_) => None,
    };
    Ok(upgrade.on_upgrade(move |socket| async move {
        metrics::gauge!("talon_live_sockets").increment(1.0);
        let queues = state.queues.clone();
        let _contact = device.map(|id| queues.device_connected(id));
        let served = super::live_runtime::handle().spawn(serve(socket, state, queue, query.since));
        if let Ok(Err(e)) = served.await {
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
    // One timer for the whole socket, moved on when the client is heard from: with
    // thousands of sockets, a timer made afresh for every event woken for is felt.
    let silence = tokio::time::sleep(SILENCE_LIMIT);
    tokio::pin!(silence);
    loop {
        // Writes count against the same limit: a peer that is gone stops reading, and a
        // full socket must not hold this task until TCP itself gives up.
        let silent_at = silence.deadline();
        tokio::select! {
            received = events.recv() => {
                let write = forward(received, &mut events, &mut last, &state, &queue, &mut sender);
                match tokio::time::timeout_at(silent_at, write).await {
                    Ok(Ok(Forwarded::More)) => {}
                    Ok(Ok(Forwarded::Closed)) => return Ok(()),
                    Ok(Err(e)) => return Err(e),
                    Err(_) => return silent(),
                }
            }
            incoming = receiver.next() => match incoming {
                None | Some(Err(_)) | Some(Ok(Message::Close(_))) => break,
                // Messages, pings and pongs alike: the client is there.
                Some(Ok(_)) => silence
                    .as_mut()
                    .reset(tokio::time::Instant::now() + SILENCE_LIMIT),
            },
            _ = ping.tick() => {
                let ping = sender.send(Message::Ping(Default::default()));
                match tokio::time::timeout_at(silent_at, ping).await {
                    Ok(sent) => sent?,
                    Err(_) => return silent(),
                }
            }
            _ = &mut silence => return silent(),
            _ = shutdown.changed() => {
                let _ = sender.send(Message::Close(None)).await;
                break;
            }
        }
    }
    Ok(())
}

type Sender = futures_util::stream::SplitSink<WebSocket, Message>;

/// The client was not heard from for [`SILENCE_LIMIT`]; the socket is dropped.
fn silent() -> SocketResult<()> {
    tracing::debug!("a live client stopped answering; dropping it");
    Ok(())
}

enum Forwarded {
    More,
    /// The office's event stream ended (the server is stopping).
    Closed,
}

/// Writes `received` and whatever else is queued already, then flushes once: with
/// thousands of sockets one flush per burst instead of per event saves most syscalls.
async fn forward(
    received: Result<LiveEvent, RecvError>,
    events: &mut tokio::sync::broadcast::Receiver<LiveEvent>,
    last: &mut u64,
    state: &AppState,
    queue: &OfficeQueue,
    sender: &mut Sender,
) -> SocketResult<Forwarded> {
    let mut next = Some(received);
    let mut wrote = false;
    while let Some(received) = next.take() {
        match received {
            // News about the state the client has: passed on; about another, dropped
            // (the client gets a fresher load with its next event).
            Ok(LiveEvent {
                seq,
                json,
                side: true,
            }) => {
                if seq == *last {
                    sender.feed(Message::Text(json)).await?;
                    wrote = true;
                }
            }
            Ok(LiveEvent { seq, .. }) if seq <= *last => {}
            Ok(LiveEvent { seq, json, .. }) if seq == *last + 1 => {
                sender.feed(Message::Text(json)).await?;
                *last = seq;
                wrote = true;
            }
            Ok(_) | Err(RecvError::Lagged(_)) => {
                *last = send_snapshot(state, queue, sender).await?;
            }
            Err(RecvError::Closed) => return Ok(Forwarded::Closed),
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
    Ok(Forwarded::More)
}

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

/// This module's routes, each with its OpenAPI operation: a new endpoint is added here,
/// beside its handler.
pub fn routes() -> utoipa_axum::router::OpenApiRouter<super::AppState> {
    utoipa_axum::router::OpenApiRouter::new().routes(utoipa_axum::routes!(live))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::startup::{self, Settings};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;

    /// A WebSocket ping from a client: final, opcode 9, masked, no payload.
    const CLIENT_PING: [u8; 6] = [0x89, 0x80, 0, 0, 0, 0];

    /// Opens the office's live socket by hand: no WebSocket library, so the client
    /// answers nothing (not even the server's pings) unless the test writes it.
    async fn open(addr: std::net::SocketAddr, office: OfficeId, token: &str) -> TcpStream {
        let mut tcp = TcpStream::connect(addr).await.unwrap();
        let request = format!(
            "GET /api/v1/offices/{}/live HTTP/1.1\r\nHost: {addr}\r\nUpgrade: websocket\r\n\
             Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\
             Sec-WebSocket-Version: 13\r\nAuthorization: Bearer {token}\r\n\r\n",
            office.0
        );
        tcp.write_all(request.as_bytes()).await.unwrap();
        let mut head = Vec::new();
        while !head.ends_with(b"\r\n\r\n") {
            let mut byte = [0u8];
            tcp.read_exact(&mut byte).await.unwrap();
            head.push(byte[0]);
        }
        let head = String::from_utf8_lossy(&head);
        assert!(head.starts_with("HTTP/1.1 101"), "{head}");
        tcp
    }

    /// Reads until the server closes the socket: true if it does within `limit`.
    async fn closed_within(tcp: &mut TcpStream, limit: Duration) -> bool {
        let mut buffer = [0u8; 4096];
        let until_closed = async { while let Ok(1..) = tcp.read(&mut buffer).await {} };
        tokio::time::timeout(limit, until_closed).await.is_ok()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_client_that_answers_nothing_is_dropped_and_one_that_pings_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("talon.sqlite3").display().to_string();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let server = startup::start(listener, Settings::new(db)).await.unwrap();
        let access = crate::demo::ensure(&server.queues).await.unwrap();
        let token = access.display_token;
        let mut silent = open(server.addr, access.office, &token).await;
        let mut talking = open(server.addr, access.office, &token).await;

        // The talking client sends a frame four times per limit, for three limits.
        let start = tokio::time::Instant::now();
        while start.elapsed() < SILENCE_LIMIT * 3 {
            talking.write_all(&CLIENT_PING).await.unwrap();
            tokio::time::sleep(SILENCE_LIMIT / 4).await;
        }
        assert!(
            closed_within(&mut silent, SILENCE_LIMIT * 10).await,
            "a client heard from neither by message nor by pong is dropped"
        );
        talking.write_all(&CLIENT_PING).await.unwrap();
        assert!(
            !closed_within(&mut talking, Duration::from_millis(100)).await,
            "a client that pings is kept"
        );
        server.stop().await.unwrap();
    }
}
