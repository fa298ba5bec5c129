//! The sessions and device tokens a node has checked, kept in memory so that a request
//! does not read the database to learn who sent it.
//!
//! Revocation stays immediate: every write that can end or change what a token grants
//! (signing out, a changed member of staff, a revoked device) empties the cache in the
//! same call, and on PostgreSQL tells the other nodes to empty theirs
//! (`TOKENS_CHANNEL`, sent with the write's transaction). A look-up that raced such a
//! write keeps nothing (the generation moved on meanwhile). As a last net against a lost
//! notification, an entry is trusted for [`TRUSTED_FOR`] at most on PostgreSQL.

use super::auth::{DeviceRecord, StaffRecord};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The channel on which a PostgreSQL write tells every node to forget cached tokens.
pub const TOKENS_CHANNEL: &str = "talon_tokens";

/// How long an entry is trusted without being read again, where other nodes may
/// revoke it (PostgreSQL); a single SQLite node's own writes empty the cache at once.
pub const TRUSTED_FOR: Duration = Duration::from_secs(5);

/// Entries kept at most: only tokens found valid are cached, so this is about open
/// sessions and devices, and past it the cache starts over.
const MOST_ENTRIES: usize = 100_000;

#[derive(Debug, Clone)]
pub(super) enum Holder {
    Staff {
        record: StaffRecord,
        expires_ms: i64,
    },
    Device(DeviceRecord),
}

#[derive(Debug, Default)]
pub(super) struct TokenCache {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    entries: HashMap<String, (Holder, Instant)>,
    /// Moves on at every forgetting: a look-up begun before it keeps nothing.
    generation: u64,
}

impl TokenCache {
    /// The cached holder of a token hash, if trusted (`ttl`: how long an entry holds).
    pub(super) fn get(&self, token_hash: &str, ttl: Option<Duration>) -> Option<Holder> {
        let inner = self.inner.lock().expect("token cache lock");
        let (holder, cached_at) = inner.entries.get(token_hash)?;
        if ttl.is_some_and(|ttl| cached_at.elapsed() >= ttl) {
            return None;
        }
        Some(holder.clone())
    }

    /// Where the cache stands before a database look-up.
    pub(super) fn generation(&self) -> u64 {
        self.inner.lock().expect("token cache lock").generation
    }

    /// Keeps what a look-up begun at `generation` found, unless something was forgotten
    /// since.
    pub(super) fn keep(&self, token_hash: &str, holder: Holder, generation: u64) {
        let mut inner = self.inner.lock().expect("token cache lock");
        if inner.generation != generation {
            return;
        }
        if inner.entries.len() >= MOST_ENTRIES {
            inner.entries.clear();
        }
        inner
            .entries
            .insert(token_hash.to_string(), (holder, Instant::now()));
    }

    /// Forgets every token: something that grants or ends access changed.
    pub(super) fn forget_all(&self) {
        let mut inner = self.inner.lock().expect("token cache lock");
        inner.entries.clear();
        inner.generation += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use talon_protocol::api::{Device, DeviceKind};
    use talon_protocol::{DeviceId, OfficeId};

    fn device() -> Holder {
        Holder::Device(DeviceRecord {
            device: Device {
                id: DeviceId(1),
                office_id: OfficeId(1),
                kind: DeviceKind::Kiosk,
                name: "kiosk".into(),
                revoked: false,
                last_seen: None,
                online: false,
                faults: Vec::new(),
            },
        })
    }

    #[test]
    fn a_look_up_that_raced_a_revocation_keeps_nothing() {
        let cache = TokenCache::default();
        let before = cache.generation();
        // The revocation commits while the look-up reads the old row…
        cache.forget_all();
        // …so what the look-up found is not kept.
        cache.keep("h", device(), before);
        assert!(cache.get("h", None).is_none());
        // A look-up after it is kept, until the next forgetting.
        cache.keep("h", device(), cache.generation());
        assert!(cache.get("h", None).is_some());
        cache.forget_all();
        assert!(cache.get("h", None).is_none());
    }

    #[test]
    fn an_entry_older_than_its_trust_is_read_again() {
        let cache = TokenCache::default();
        cache.keep("h", device(), cache.generation());
        assert!(cache.get("h", Some(Duration::from_secs(60))).is_some());
        assert!(cache.get("h", Some(Duration::ZERO)).is_none());
    }
}
