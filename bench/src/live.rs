//! Live sockets for the load: each checks that events arrive in order without gaps and
//! reports when a call reaches a display.

use futures_util::StreamExt;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use talon_protocol::{OfficeId, WindowId};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

/// Read buffer of each socket of the load.
const READ_BUFFER: usize = 16 * 1024;

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
    /// Each socket's counts, on cache lines of its own: counters shared by 10,000
    /// sockets on two threads made their cores trade one line per message.
    tallies: Mutex<Vec<Arc<Tally>>>,
    /// Events that arrived out of order or after a gap (must stay 0).
    pub lost_or_out_of_order: AtomicU64,
    /// Snapshots after the first one (a lagging socket gets one instead of a gap).
    pub resyncs: AtomicU64,
}

/// What one socket received.
#[derive(Default)]
struct Tally {
    events: AtomicU64,
    /// Every text message (events, loads, snapshots), and their bytes.
    messages: AtomicU64,
    bytes: AtomicU64,
}

impl Observations {
    fn tally(&self) -> Arc<Tally> {
        let tally = Arc::new(Tally::default());
        self.tallies.lock().expect("lock").push(tally.clone());
        tally
    }

    fn total(&self, count: impl Fn(&Tally) -> &AtomicU64) -> u64 {
        let tallies = self.tallies.lock().expect("lock");
        tallies
            .iter()
            .map(|t| count(t).load(Ordering::Relaxed))
            .sum()
    }

    /// Events received by all sockets.
    pub fn events(&self) -> u64 {
        self.total(|t| &t.events)
    }

    /// Text messages received by all sockets, and their bytes.
    pub fn messages(&self) -> (u64, u64) {
        (self.total(|t| &t.messages), self.total(|t| &t.bytes))
    }
}

pub type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub async fn connect(addr: &str, office: OfficeId, token: &str) -> anyhow::Result<Socket> {
    let mut request = format!("ws://{addr}/api/v1/offices/{office}/live").into_client_request()?;
    request
        .headers_mut()
        .insert("authorization", format!("Bearer {token}").parse()?);
    // A smaller read buffer than tungstenite's 128 KiB: it zeroes the buffer's free
    // space before each read, and at 128 KiB that memset was a quarter of the load
    // generator's time (so of the two cores the server shares with it). 16 KiB still
    // takes a visit's seven events (about 5 KB) in one read.
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
    let tally = observations.tally();
    while let Some(Ok(message)) = socket.next().await {
        let Message::Text(text) = message else {
            continue;
        };
        let received = Instant::now();
        tally.messages.fetch_add(1, Ordering::Relaxed);
        tally.bytes.fetch_add(text.len() as u64, Ordering::Relaxed);
        if let Some(event_seq) = plain_event_seq(&text) {
            tally.events.fetch_add(1, Ordering::Relaxed);
            in_order(&mut seq, event_seq, observations);
            continue;
        }
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
        tally.events.fetch_add(1, Ordering::Relaxed);
        in_order(&mut seq, event.seq, observations);
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

/// Counts an event that does not follow the last one seen, and moves on to it.
fn in_order(last: &mut Option<u64>, seq: u64, observations: &Observations) {
    if last.is_none_or(|last| seq != last + 1) {
        observations
            .lost_or_out_of_order
            .fetch_add(1, Ordering::Relaxed);
    }
    *last = Some(seq);
}

/// The seq of an event other than a call, read from the start of its text: the load
/// generator shares the server's two cores, and parsing every event whole (six in seven
/// are not calls) was a good part of its time. The server writes an event's fields in
/// the order of `talon_protocol::Event` (office, seq, …). None for a call, a snapshot
/// or a load: those are parsed whole.
fn plain_event_seq(text: &str) -> Option<u64> {
    const START: &str = r#"{"msg":"event","event":{"office_id":"#;
    const SEQ: &str = r#","seq":"#;
    let rest = text.strip_prefix(START)?;
    if text.contains(r#""type":"ticket_called""#) {
        return None;
    }
    let after = &rest[rest.find(SEQ)? + SEQ.len()..];
    let digits = after.find(|c: char| !c.is_ascii_digit())?;
    after[..digits].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::plain_event_seq;

    #[test]
    fn a_plain_event_gives_its_seq_and_a_call_or_snapshot_none() {
        let event = r#"{"msg":"event","event":{"office_id":1,"seq":24,"at":"2026-12-06T23:03:52Z","kind":{"type":"window_changed","window":{"id":1}}}}"#;
        assert_eq!(plain_event_seq(event), Some(24));
        let call = r#"{"msg":"event","event":{"office_id":1,"seq":25,"kind":{"type":"ticket_called","ticket":{},"window_id":1}}}"#;
        assert_eq!(plain_event_seq(call), None);
        assert_eq!(
            plain_event_seq(r#"{"msg":"snapshot","snapshot":{"seq":3}}"#),
            None
        );
    }
}
