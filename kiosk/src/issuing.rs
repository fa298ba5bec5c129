//! Taking a ticket: one idempotency key per tap, reused by every automatic retry of that
//! tap, so a request whose answer was lost to the network cannot leave a second ticket
//! behind (the server answers a repeated key with the ticket it already issued).

use std::time::Duration;
use talon_client::{Api, ClientError};
use talon_protocol::api::TicketReceipt;
use talon_protocol::{OfficeId, TopicId};

/// Pauses before the second and third attempt. A visitor waits at most a few seconds
/// more before hearing that issuing is unavailable.
const RETRY_PAUSES: [Duration; 2] = [Duration::from_millis(400), Duration::from_millis(1200)];

/// One tap on a topic button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tap {
    pub topic: TopicId,
    pub out_of_turn: bool,
    /// Made once per tap; the same for every retry of it.
    pub key: String,
}

impl Tap {
    pub fn new(topic: TopicId, out_of_turn: bool) -> Tap {
        Tap {
            topic,
            out_of_turn,
            key: uuid::Uuid::new_v4().to_string(),
        }
    }
}

/// Issues the ticket of `tap`, retrying with the same key while the server is unreachable
/// or answers that it cannot work right now (503). Any other refusal is final and
/// returned at once.
pub async fn issue(api: Api, office: OfficeId, tap: Tap) -> Result<TicketReceipt, ClientError> {
    let mut pauses = RETRY_PAUSES.iter();
    loop {
        match api
            .issue(office, tap.topic, tap.out_of_turn, &tap.key)
            .await
        {
            Err(error) if error.is_retryable() => match pauses.next() {
                Some(pause) => {
                    tracing::warn!(%error, "issuing failed for now; retrying with the same key");
                    tokio::time::sleep(*pause).await;
                }
                None => return Err(error),
            },
            result => return result,
        }
    }
}

/// Checks a booked visitor in with the code typed, retrying as `issue` does: the server
/// answers a repeated check-in with the ticket it already issued.
pub async fn check_in(
    api: Api,
    office: OfficeId,
    code: String,
) -> Result<TicketReceipt, ClientError> {
    let mut pauses = RETRY_PAUSES.iter();
    loop {
        match api.check_in(office, &code).await {
            Err(error) if error.is_retryable() => match pauses.next() {
                Some(pause) => {
                    tracing::warn!(%error, "check-in failed for now; retrying");
                    tokio::time::sleep(*pause).await;
                }
                None => return Err(error),
            },
            result => return result,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use tokio::io::AsyncReadExt;

    #[test]
    fn every_tap_has_its_own_key() {
        let first = Tap::new(TopicId(1), false);
        let second = Tap::new(TopicId(1), false);
        assert_ne!(first.key, second.key);
        assert_eq!(first.key.len(), 36);
    }

    /// A server that reads each request and hangs up without answering (to the kiosk,
    /// a network failure), and keeps the Idempotency-Key of every ticket request.
    async fn hanging_up_server() -> (String, Arc<Mutex<Vec<String>>>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let keys = Arc::new(Mutex::new(Vec::new()));
        let seen = keys.clone();
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let seen = seen.clone();
                tokio::spawn(async move {
                    let mut request = Vec::new();
                    let mut buffer = [0u8; 4096];
                    // The head is enough: it names the request and carries the key.
                    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                        match socket.read(&mut buffer).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => request.extend_from_slice(&buffer[..n]),
                        }
                    }
                    let head = String::from_utf8_lossy(&request).to_string();
                    if head.starts_with("POST ") && head.contains("/tickets ") {
                        let key = head
                            .lines()
                            .find_map(|line| {
                                let (name, value) = line.split_once(':')?;
                                name.eq_ignore_ascii_case("idempotency-key")
                                    .then(|| value.trim().to_string())
                            })
                            .unwrap_or_default();
                        seen.lock().unwrap().push(key);
                    }
                    // Dropping the socket hangs up without an answer.
                });
            }
        });
        (base, keys)
    }

    #[tokio::test]
    async fn an_unreachable_server_is_tried_three_times_with_one_key_then_reported() {
        let (base, keys) = hanging_up_server().await;
        let api = Api::new(&base, Some("t".into()));
        let tap = Tap::new(TopicId(1), false);
        let started = std::time::Instant::now();
        let error = issue(api, OfficeId(1), tap.clone()).await.unwrap_err();
        assert!(error.is_unreachable(), "{error}");
        // The server received the ticket request three times, each with the tap's key.
        assert_eq!(*keys.lock().unwrap(), vec![tap.key.clone(); 3]);
        // With both pauses between them.
        assert!(started.elapsed() >= Duration::from_millis(1600));
    }
}
