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

/// Issues the ticket of `tap`, retrying with the same key while the server is unreachable.
/// A refusal is final and returned at once.
pub async fn issue(api: Api, office: OfficeId, tap: Tap) -> Result<TicketReceipt, ClientError> {
    let mut pauses = RETRY_PAUSES.iter();
    loop {
        match api
            .issue(office, tap.topic, tap.out_of_turn, &tap.key)
            .await
        {
            Err(error) if error.is_unreachable() => match pauses.next() {
                Some(pause) => {
                    tracing::warn!(%error, "issuing failed on the network; retrying with the same key");
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

    #[test]
    fn every_tap_has_its_own_key() {
        let first = Tap::new(TopicId(1), false);
        let second = Tap::new(TopicId(1), false);
        assert_ne!(first.key, second.key);
        assert_eq!(first.key.len(), 36);
    }

    #[tokio::test]
    async fn an_unreachable_server_is_tried_three_times_then_reported() {
        // Nothing listens on this port once the listener is dropped.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let api = Api::new(&format!("http://127.0.0.1:{port}"), Some("t".into()));
        let started = std::time::Instant::now();
        let error = issue(api, OfficeId(1), Tap::new(TopicId(1), false))
            .await
            .unwrap_err();
        assert!(error.is_unreachable());
        // Both pauses were taken: it did retry.
        assert!(started.elapsed() >= Duration::from_millis(1600));
    }
}
