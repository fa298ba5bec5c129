//! Finding a device's office and going live on it: a kiosk or display token belongs to
//! exactly one office, so the device asks the server for its offices, follows the one it
//! is given with a [`LiveLink`], and asks again after a pause while that fails.
//!
//! The app calls [`OfficeLink::advance`] every frame (it only polls: the asking runs on
//! the app's [`Runtime`]) and reads [`OfficeLink::state`] to draw what it knows.

use crate::api::{Api, ClientError};
use crate::live::LiveLink;
use crate::runtime::{Runtime, Task};
use std::sync::Arc;
use std::time::{Duration, Instant};
use talon_protocol::{Office, OfficeId};

/// Why the office is not known yet.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FindError {
    /// The server answered, and lists no office for this token.
    #[error("the server lists no office for this device's token")]
    NoOffice,
    #[error(transparent)]
    Client(#[from] ClientError),
}

/// What the device knows of its office.
pub enum LinkState<'a> {
    /// Asking the server: the first time, or again after `last_failure`.
    Asking { last_failure: Option<&'a FindError> },
    /// The last attempt failed; the next one starts after the retry pause.
    Failed { failure: &'a FindError },
    /// The office is known and followed live.
    Live {
        office: OfficeId,
        link: &'a LiveLink,
    },
}

enum Phase {
    Asking(Task<Result<Vec<Office>, ClientError>>),
    Waiting { retry_at: Instant },
    Live { office: OfficeId, link: LiveLink },
}

pub struct OfficeLink {
    runtime: Runtime,
    api: Api,
    retry_after: Duration,
    on_change: Arc<dyn Fn() + Send + Sync>,
    phase: Phase,
    last_failure: Option<FindError>,
}

impl OfficeLink {
    /// Starts asking at once. `retry_after`: the pause after a failed attempt;
    /// `on_change` runs when an answer arrives and on every change of the live link
    /// (apps pass a repaint request).
    pub fn start(
        runtime: &Runtime,
        api: Api,
        retry_after: Duration,
        on_change: impl Fn() + Send + Sync + 'static,
    ) -> OfficeLink {
        let on_change: Arc<dyn Fn() + Send + Sync> = Arc::new(on_change);
        OfficeLink {
            phase: Phase::Asking(ask(runtime, &api, &on_change)),
            runtime: runtime.clone(),
            api,
            retry_after,
            on_change,
            last_failure: None,
        }
    }

    /// Takes an answer that arrived, or starts the next attempt once its time (on the
    /// app's monotonic clock, `now`) has come.
    pub fn advance(&mut self, now: Instant) {
        match &self.phase {
            Phase::Asking(task) => {
                let Some(answer) = task.take() else { return };
                match answer.map_err(FindError::from).and_then(the_office) {
                    Ok(office) => {
                        tracing::info!(office = %office.id, name = %office.name, "office found");
                        let on_change = self.on_change.clone();
                        let link = LiveLink::start(&self.runtime, self.api.clone(), office.id, {
                            move || on_change()
                        });
                        self.last_failure = None;
                        self.phase = Phase::Live {
                            office: office.id,
                            link,
                        };
                    }
                    Err(failure) => {
                        tracing::warn!(error = %failure, "cannot learn this device's office");
                        self.last_failure = Some(failure);
                        self.phase = Phase::Waiting {
                            retry_at: now + self.retry_after,
                        };
                    }
                }
            }
            Phase::Waiting { retry_at } => {
                if now >= *retry_at {
                    self.phase = Phase::Asking(ask(&self.runtime, &self.api, &self.on_change));
                }
            }
            Phase::Live { .. } => {}
        }
    }

    pub fn state(&self) -> LinkState<'_> {
        match &self.phase {
            Phase::Asking(_) => LinkState::Asking {
                last_failure: self.last_failure.as_ref(),
            },
            Phase::Waiting { .. } => LinkState::Failed {
                failure: self
                    .last_failure
                    .as_ref()
                    .expect("a failed attempt left its failure"),
            },
            Phase::Live { office, link } => LinkState::Live {
                office: *office,
                link,
            },
        }
    }

    /// The office and its live link, once found.
    pub fn live(&self) -> Option<(OfficeId, &LiveLink)> {
        match &self.phase {
            Phase::Live { office, link } => Some((*office, link)),
            _ => None,
        }
    }
}

fn ask(
    runtime: &Runtime,
    api: &Api,
    on_change: &Arc<dyn Fn() + Send + Sync>,
) -> Task<Result<Vec<Office>, ClientError>> {
    let api = api.clone();
    let on_change = on_change.clone();
    runtime.spawn(async move { api.offices().await }, move || on_change())
}

/// A device token is bound to one office, so the server lists exactly that one.
fn the_office(offices: Vec<Office>) -> Result<Office, FindError> {
    offices.into_iter().next().ok_or(FindError::NoOffice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// Starts asking `base`; returns the link and a receiver of its change signals.
    fn link_to(runtime: &Runtime, base: &str) -> (OfficeLink, mpsc::Receiver<()>) {
        let (changed, changes) = mpsc::channel();
        let api = Api::new(base, Some("device-token".into()));
        let link = OfficeLink::start(runtime, api, Duration::from_secs(3), move || {
            let _ = changed.send(());
        });
        (link, changes)
    }

    #[test]
    fn an_unreachable_server_is_asked_again_after_the_pause_keeping_the_failure() {
        let runtime = Runtime::new().unwrap();
        // Nothing listens on this port once the listener is dropped.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let (mut link, changes) = link_to(&runtime, &format!("http://127.0.0.1:{port}"));
        assert!(matches!(
            link.state(),
            LinkState::Asking { last_failure: None }
        ));
        changes
            .recv_timeout(Duration::from_secs(10))
            .expect("the attempt ends");
        let failed_at = Instant::now();
        link.advance(failed_at);
        let unreachable =
            |f: &FindError| matches!(f, FindError::Client(ClientError::Unreachable(_)));
        assert!(matches!(link.state(), LinkState::Failed { failure } if unreachable(failure)));
        link.advance(failed_at + Duration::from_millis(2_999));
        assert!(matches!(link.state(), LinkState::Failed { .. }), "not yet");
        link.advance(failed_at + Duration::from_secs(3));
        assert!(matches!(
            link.state(),
            LinkState::Asking { last_failure: Some(failure) } if unreachable(failure)
        ));
        assert!(link.live().is_none());
    }

    #[test]
    fn a_server_listing_no_office_is_a_failure_of_its_own() {
        let runtime = Runtime::new().unwrap();
        let listener = runtime
            .handle()
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        runtime.handle().spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let mut request = [0u8; 4096];
                let _ = socket.read(&mut request).await;
                let answer = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                              content-length: 2\r\nconnection: close\r\n\r\n[]";
                let _ = socket.write_all(answer.as_bytes()).await;
            }
        });
        let (mut link, changes) = link_to(&runtime, &base);
        changes
            .recv_timeout(Duration::from_secs(10))
            .expect("the answer arrives");
        link.advance(Instant::now());
        assert!(matches!(
            link.state(),
            LinkState::Failed {
                failure: FindError::NoOffice
            }
        ));
    }
}
