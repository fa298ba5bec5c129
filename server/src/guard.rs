//! Guessing costs time. Failed sign-ins (per login and per client address) and look-ups of
//! public ticket codes (per client address) are rate limited with GCRA (the `governor`
//! crate) on the server's own clock, so tests move time instead of sleeping. Past its
//! allowance a key is refused with a wait; a lock-out of a login or an address raises a
//! security alert for the administrators.

use crate::clock::Clock;
use chrono::{DateTime, Utc};
use governor::clock::Reference;
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::keyed::DashMapStateStore;
use governor::{Quota, RateLimiter};
use std::collections::{HashMap, VecDeque};
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use talon_protocol::api::SecurityAlert;

/// Failed sign-ins allowed for one login before it must wait, and how often one more is
/// allowed after that.
pub const LOGIN_FAILURES: u32 = 5;
pub const LOGIN_REFILL: Duration = Duration::from_secs(60);
/// The same for one client address (many logins tried from one place).
pub const ADDRESS_FAILURES: u32 = 20;
pub const ADDRESS_REFILL: Duration = Duration::from_secs(10);
/// Public look-ups (a visitor's ticket page) from one address: a burst, then a rate.
pub const PUBLIC_BURST: u32 = 120;
pub const PUBLIC_REFILL: Duration = Duration::from_millis(100);
/// Look-ups of codes that do not exist, from one address.
pub const PUBLIC_MISSES: u32 = 30;
pub const PUBLIC_MISS_REFILL: Duration = Duration::from_secs(2);
/// Security alerts kept for the administrators.
const ALERTS_KEPT: usize = 100;
/// Above this many locked keys, expired locks are swept on the next lock.
const SWEEP_ABOVE: usize = 10_000;

/// The server's clock as governor's time source: nanoseconds since the Unix epoch.
#[derive(Clone)]
struct GovernorClock(Arc<dyn Clock>);

impl governor::clock::Clock for GovernorClock {
    type Instant = Nanos;

    fn now(&self) -> Nanos {
        let nanos = self.0.now().timestamp_nanos_opt().unwrap_or(i64::MAX);
        Nanos::new(u64::try_from(nanos).unwrap_or(0))
    }
}

type Keyed = RateLimiter<String, DashMapStateStore<String>, GovernorClock, NoOpMiddleware<Nanos>>;

/// One allowance per key.
pub struct KeyedLimit {
    limiter: Keyed,
    clock: GovernorClock,
    /// Keys that ran out, until when. Kept apart from governor's state so that checking a
    /// key does not spend its allowance: only failures do.
    locked: Mutex<HashMap<String, Nanos>>,
}

impl KeyedLimit {
    fn new(burst: u32, refill: Duration, clock: &Arc<dyn Clock>) -> Self {
        let clock = GovernorClock(clock.clone());
        let quota = Quota::with_period(refill)
            .expect("a refill period above zero")
            .allow_burst(NonZeroU32::new(burst).expect("a burst above zero"));
        KeyedLimit {
            limiter: RateLimiter::dashmap_with_clock(quota, clock.clone()),
            clock,
            locked: Mutex::default(),
        }
    }

    /// How long `key` must still wait, if it is locked out.
    pub fn wait(&self, key: &str) -> Option<Duration> {
        let now = governor::clock::Clock::now(&self.clock);
        let locked = self.locked.lock().expect("limit lock");
        let until = *locked.get(key)?;
        (until > now).then(|| until.duration_since(now).into())
    }

    /// Spends one unit of `key`'s allowance. When none is left the key is locked out
    /// and the wait is returned.
    pub fn spend(&self, key: &str) -> Option<Duration> {
        let now = governor::clock::Clock::now(&self.clock);
        let refused = self.limiter.check_key(&key.to_string()).err()?;
        let wait = refused.wait_time_from(now).max(Duration::from_secs(1));
        let mut locked = self.locked.lock().expect("limit lock");
        if locked.len() > SWEEP_ABOVE {
            locked.retain(|_, until| *until > now);
            self.limiter.retain_recent();
        }
        locked.insert(key.to_string(), now + Nanos::from(wait));
        Some(wait)
    }

    /// Spends one unit unless the key is locked; `Err` carries the wait.
    pub fn hit(&self, key: &str) -> Result<(), Duration> {
        if let Some(wait) = self.wait(key) {
            return Err(wait);
        }
        match self.spend(key) {
            Some(wait) => Err(wait),
            None => Ok(()),
        }
    }
}

/// Every limit of the server, and the alerts they raised.
pub struct Guard {
    clock: Arc<dyn Clock>,
    pub sign_in_login: KeyedLimit,
    pub sign_in_address: KeyedLimit,
    pub public_address: KeyedLimit,
    pub public_misses: KeyedLimit,
    alerts: Mutex<VecDeque<SecurityAlert>>,
}

/// A refusal: who is refused and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Login(Duration),
    Address(Duration),
}

impl Refusal {
    pub fn wait(self) -> Duration {
        match self {
            Refusal::Login(wait) | Refusal::Address(wait) => wait,
        }
    }
}

impl Guard {
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        Guard {
            sign_in_login: KeyedLimit::new(LOGIN_FAILURES, LOGIN_REFILL, &clock),
            sign_in_address: KeyedLimit::new(ADDRESS_FAILURES, ADDRESS_REFILL, &clock),
            public_address: KeyedLimit::new(PUBLIC_BURST, PUBLIC_REFILL, &clock),
            public_misses: KeyedLimit::new(PUBLIC_MISSES, PUBLIC_MISS_REFILL, &clock),
            alerts: Mutex::default(),
            clock,
        }
    }

    /// Whether a sign-in may be tried at all (before its password is checked).
    pub fn may_sign_in(&self, login: &str, address: &str) -> Result<(), Refusal> {
        if let Some(wait) = self.sign_in_login.wait(&login_key(login)) {
            return Err(Refusal::Login(wait));
        }
        if let Some(wait) = self.sign_in_address.wait(address) {
            return Err(Refusal::Address(wait));
        }
        Ok(())
    }

    /// Counts a failed sign-in. When it used up an allowance, the login or address is
    /// locked out, an alert is raised, and the refusal is returned.
    pub fn sign_in_failed(&self, login: &str, address: &str) -> Option<Refusal> {
        metrics::counter!("talon_sign_in_failures_total").increment(1);
        let login_wait = self.sign_in_login.spend(&login_key(login));
        let address_wait = self.sign_in_address.spend(address);
        let refusal = match (login_wait, address_wait) {
            (Some(wait), _) => Refusal::Login(wait),
            (None, Some(wait)) => Refusal::Address(wait),
            (None, None) => return None,
        };
        let (kind, subject, failures) = match refusal {
            Refusal::Login(_) => ("login_locked", login, LOGIN_FAILURES),
            Refusal::Address(_) => ("address_locked", address, ADDRESS_FAILURES),
        };
        self.raise(SecurityAlert {
            at: self.clock.now(),
            kind: kind.to_string(),
            subject: subject.to_string(),
            failures,
            locked_for_secs: refusal.wait().as_secs(),
        });
        Some(refusal)
    }

    fn raise(&self, alert: SecurityAlert) {
        metrics::counter!("talon_sign_in_lockouts_total", "kind" => alert.kind.clone())
            .increment(1);
        tracing::warn!(
            kind = %alert.kind,
            subject = %crate::log_text::escaped(&alert.subject),
            failures = alert.failures,
            "sign-ins locked out after repeated failures"
        );
        let mut alerts = self.alerts.lock().expect("alerts lock");
        if alerts.len() == ALERTS_KEPT {
            alerts.pop_front();
        }
        alerts.push_back(alert);
    }

    /// Security alerts raised since `since` (all kept when `None`), newest last.
    pub fn alerts(&self, since: Option<DateTime<Utc>>) -> Vec<SecurityAlert> {
        let alerts = self.alerts.lock().expect("alerts lock");
        alerts
            .iter()
            .filter(|a| since.is_none_or(|since| a.at >= since))
            .cloned()
            .collect()
    }
}

/// Logins are matched case-insensitively, so "Admin" and "admin" share one allowance.
fn login_key(login: &str) -> String {
    login.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;

    fn guard() -> (Guard, Arc<ManualClock>) {
        let clock = Arc::new(ManualClock::new("2026-11-20T07:00:00Z".parse().unwrap()));
        (Guard::new(clock.clone()), clock)
    }

    #[test]
    fn a_login_is_locked_after_its_failures_and_freed_by_time() {
        let (guard, clock) = guard();
        for _ in 0..LOGIN_FAILURES {
            assert_eq!(guard.may_sign_in("olga", "10.0.0.1"), Ok(()));
            assert_eq!(guard.sign_in_failed("olga", "10.0.0.1"), None);
        }
        let Some(Refusal::Login(wait)) = guard.sign_in_failed("Olga", "10.0.0.1") else {
            panic!("the failure past the allowance locks the login");
        };
        assert!(wait <= LOGIN_REFILL && wait >= Duration::from_secs(1));
        assert!(matches!(
            guard.may_sign_in("OLGA", "10.0.0.2"),
            Err(Refusal::Login(_))
        ));
        // Another login from the same address is not locked by olga's failures.
        assert_eq!(guard.may_sign_in("ivan", "10.0.0.1"), Ok(()));
        clock.advance(chrono::Duration::from_std(wait).unwrap());
        assert_eq!(guard.may_sign_in("olga", "10.0.0.1"), Ok(()));
        assert_eq!(guard.alerts(None).len(), 1);
        assert_eq!(guard.alerts(None)[0].kind, "login_locked");
    }

    #[test]
    fn an_address_trying_many_logins_is_locked() {
        let (guard, _clock) = guard();
        let mut refused = None;
        for n in 0..=ADDRESS_FAILURES {
            refused = guard.sign_in_failed(&format!("user{n}"), "10.0.0.9");
        }
        assert!(matches!(refused, Some(Refusal::Address(_))));
        assert!(matches!(
            guard.may_sign_in("someone-else", "10.0.0.9"),
            Err(Refusal::Address(_))
        ));
        assert_eq!(guard.may_sign_in("someone-else", "10.0.0.10"), Ok(()));
    }

    #[test]
    fn a_steady_rate_within_the_refill_is_never_refused() {
        let (guard, clock) = guard();
        for _ in 0..(3 * PUBLIC_BURST) {
            assert_eq!(guard.public_address.hit("10.0.0.3"), Ok(()));
            clock.advance(chrono::Duration::from_std(PUBLIC_REFILL).unwrap());
        }
    }
}
