//! Several server nodes on one PostgreSQL database: how each node learns what the others
//! committed.
//!
//! Every commit on PostgreSQL sends `NOTIFY talon_events, 'office:seq'`. Each node
//! listens; on a notification it reads the office's new events by seq, folds them into
//! its copy of the office and sends them to its sockets, in order. Notifications sent
//! while the listener was reconnecting are lost, so after a reconnect, and every few
//! seconds as a safety net, the node catches up with every office. Nothing depends on a
//! notification arriving: a node whose copy is behind finds out at its next commit
//! (the store refuses it as stale) and catches up then.
//!
//! A write that ends or changes someone's access sends `NOTIFY talon_tokens`: every node
//! forgets the sessions and device tokens it has cached (see `store::tokens`).

use crate::queues::Queues;
use crate::store::{Backend, EVENTS_CHANNEL, TOKENS_CHANNEL};
use sqlx::postgres::PgListener;
use std::sync::Arc;
use std::time::Duration;
use talon_protocol::OfficeId;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// How often a node catches up with every office even without notifications.
const SAFETY_NET: Duration = Duration::from_secs(5);
/// Pause before listening again after the database refused the listener.
const RETRY_AFTER: Duration = Duration::from_secs(1);

/// Starts following the other nodes, when the store is shared (PostgreSQL).
pub fn follow(queues: Arc<Queues>, shutdown: watch::Receiver<bool>) -> Option<JoinHandle<()>> {
    (queues.store().backend() == Backend::Postgres).then(|| {
        tokio::spawn(async move {
            // The safety net runs beside the listener, not in a `select!` with it: a
            // receive cancelled half-way could lose its place in the connection's stream.
            let net = tokio::spawn(safety_net(queues.clone(), shutdown.clone()));
            listen_and_follow(queues, shutdown).await;
            let _ = net.await;
        })
    })
}

async fn listen_and_follow(queues: Arc<Queues>, mut shutdown: watch::Receiver<bool>) {
    loop {
        let listener = tokio::select! {
            listener = listen(queues.store().url()) => listener,
            _ = shutdown.changed() => return,
        };
        let mut listener = match listener {
            Ok(listener) => listener,
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for other nodes' events; retrying");
                tokio::select! {
                    _ = tokio::time::sleep(RETRY_AFTER) => continue,
                    _ = shutdown.changed() => return,
                }
            }
        };
        // Whatever happened before we listened is read from the store, and tokens
        // revoked meanwhile are looked up again.
        queues.store().forget_tokens();
        catch_up_all(&queues).await;
        loop {
            tokio::select! {
                note = listener.try_recv() => match note {
                    Ok(Some(note)) if note.channel() == TOKENS_CHANNEL => {
                        queues.store().forget_tokens();
                    }
                    Ok(Some(note)) => match office_of(note.payload()) {
                        Some((office, seq)) => catch_up(&queues, office, seq).await,
                        None => tracing::warn!(payload = note.payload(), "unreadable notification"),
                    },
                    // The connection was lost and is being re-made: notifications were
                    // missed.
                    Ok(None) => {
                        queues.store().forget_tokens();
                        catch_up_all(&queues).await;
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "the events listener failed; listening again");
                        break;
                    }
                },
                _ = shutdown.changed() => return,
            }
        }
    }
}

/// Every few seconds, every office: what notifications may have missed.
async fn safety_net(queues: Arc<Queues>, mut shutdown: watch::Receiver<bool>) {
    let mut every = tokio::time::interval(SAFETY_NET);
    every.tick().await;
    loop {
        tokio::select! {
            _ = every.tick() => catch_up_all(&queues).await,
            _ = shutdown.changed() => return,
        }
    }
}

async fn listen(url: &str) -> Result<PgListener, sqlx::Error> {
    let mut listener = PgListener::connect(url).await?;
    listener
        .listen_all([EVENTS_CHANNEL, TOKENS_CHANNEL])
        .await?;
    Ok(listener)
}

/// "office:seq" → (office, seq).
fn office_of(payload: &str) -> Option<(OfficeId, u64)> {
    let (office, seq) = payload.split_once(':')?;
    Some((OfficeId(office.parse().ok()?), seq.parse().ok()?))
}

async fn catch_up(queues: &Queues, office: OfficeId, seq: u64) {
    if let Err(e) = queues.catch_up_office_to(office, seq).await {
        tracing::warn!(office = %office, error = %e, "could not catch up with an office");
    }
}

async fn catch_up_all(queues: &Queues) {
    if let Err(e) = queues.catch_up_all().await {
        tracing::warn!(error = %e, "could not catch up with the other nodes");
    }
}

#[cfg(test)]
mod tests {
    use super::office_of;
    use talon_protocol::OfficeId;

    #[test]
    fn a_notification_names_the_office() {
        assert_eq!(office_of("12:345"), Some((OfficeId(12), 345)));
        assert_eq!(office_of("12:0"), Some((OfficeId(12), 0)));
        assert_eq!(office_of("twelve:1"), None);
        assert_eq!(office_of("12:x"), None);
        assert_eq!(office_of("12"), None);
    }
}
