//! Live sockets for the load: each checks that events arrive in order without gaps and
//! reports when a call reaches a display.

use futures_util::StreamExt;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use talon_protocol::{OfficeId, WindowId};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

/// Read buffer of each socket of the load.
const READ_BUFFER: usize = 4 * 1024;

/// What all sockets of a run observed.
#[derive(Default)]
pub struct Observations {
    /// When each window's current call-next request was sent, and to which node.
    pub call_sent: Mutex<HashMap<WindowId, (Instant, usize)>>,
    /// Request sent → a display socket received the call.
    pub call_to_display: Mutex<Vec<Duration>>,
    /// The same, only where the display's socket is on another node than the one the
    /// call was made through (the other node's commit reached it through the database).
    pub call_to_display_cross_node: Mutex<Vec<Duration>>,
    /// And where both are on the same node.
    pub call_to_display_same_node: Mutex<Vec<Duration>>,
    pub events: AtomicU64,
    /// Every text message a socket received (events, loads, snapshots), and their bytes.
    pub messages: AtomicU64,
    pub message_bytes: AtomicU64,
    /// Events that arrived out of order or after a gap (must stay 0).
    pub lost_or_out_of_order: AtomicU64,
    /// Snapshots after the first one (a lagging socket gets one instead of a gap).
    pub resyncs: AtomicU64,
}

pub type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub async fn connect(addr: &str, office: OfficeId, token: &str) -> anyhow::Result<Socket> {
    let mut request = format!("ws://{addr}/api/v1/offices/{office}/live").into_client_request()?;
    request
        .headers_mut()
        .insert("authorization", format!("Bearer {token}").parse()?);
    // A small read buffer, as the server's: tungstenite zeroes the buffer's free space
    // before each read, and at its default 128 KiB that memset was a quarter of the load
    // generator's time (so of the two cores the server shares with it).
    let config = WebSocketConfig::default().read_buffer_size(READ_BUFFER);
    let (socket, _) =
        tokio_tungstenite::connect_async_with_config(request, Some(config), true).await?;
    Ok(socket)
}

/// Only the fields the load checks: parsing 10,000 sockets' worth of full events would
/// make the load generator, not the server, the bottleneck.
#[derive(Deserialize)]
struct Light {
    snapshot: Option<LightSnapshot>,
    event: Option<LightEvent>,
}

#[derive(Deserialize)]
struct LightSnapshot {
    seq: u64,
}

#[derive(Deserialize)]
struct LightEvent {
    seq: u64,
    kind: LightKind,
}

#[derive(Deserialize)]
struct LightKind {
    #[serde(rename = "type")]
    name: String,
    window_id: Option<i64>,
    recall: Option<bool>,
}

/// Reads a socket (connected to node `node`) until it closes. Displays measure call →
/// display latency.
pub async fn watch(mut socket: Socket, observations: &Observations, is_display: bool, node: usize) {
    let mut seq: Option<u64> = None;
    while let Some(Ok(message)) = socket.next().await {
        let Message::Text(text) = message else {
            continue;
        };
        let received = Instant::now();
        observations.messages.fetch_add(1, Ordering::Relaxed);
        observations
            .message_bytes
            .fetch_add(text.len() as u64, Ordering::Relaxed);
        let Ok(message) = serde_json::from_str::<Light>(&text) else {
            continue;
        };
        if let Some(snapshot) = message.snapshot {
            if seq.is_some() {
                observations.resyncs.fetch_add(1, Ordering::Relaxed);
            }
            seq = Some(snapshot.seq);
        }
        let Some(event) = message.event else { continue };
        observations.events.fetch_add(1, Ordering::Relaxed);
        if seq.is_none_or(|last| event.seq != last + 1) {
            observations
                .lost_or_out_of_order
                .fetch_add(1, Ordering::Relaxed);
        }
        seq = Some(event.seq);
        if is_display
            && event.kind.name == "ticket_called"
            && event.kind.recall == Some(false)
            && let Some(window) = event.kind.window_id
            && let Some((sent, called_on)) = observations
                .call_sent
                .lock()
                .expect("lock")
                .get(&WindowId(window))
                .copied()
        {
            let latency = received - sent;
            observations
                .call_to_display
                .lock()
                .expect("lock")
                .push(latency);
            let split = if called_on == node {
                &observations.call_to_display_same_node
            } else {
                &observations.call_to_display_cross_node
            };
            split.lock().expect("lock").push(latency);
        }
    }
}
