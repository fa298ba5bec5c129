//! The live offices: one engine state per office, behind one lock per office.
//!
//! A command takes the office's lock, runs the pure engine on a copy of the state,
//! commits the events (and the state they describe) in one transaction, and only then
//! keeps the new state and broadcasts the events, still under the lock so that they
//! leave in sequence order. Two windows pressing "call next" at once are serialized by
//! the lock: no ticket can be handed out twice, by construction.
//!
//! Several nodes may share one PostgreSQL database. The store refuses a commit whose
//! office changed meanwhile on another node (`Stale`); the office then catches up from
//! the stored events and the command is decided again, so across nodes too an office's
//! commands take effect one after the other, each on the state left by the one before.

use crate::clock::Clock;
use crate::engine::{self, Command, EngineError, OfficeState, dispatch, estimate};
use crate::public::PublicView;
use crate::store::{AuditRecord, Author, Backend, Extras, Store, StoreError};
use axum::extract::ws::Utf8Bytes;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use talon_protocol::api::{PublicTicketStatus, TicketReceipt};
use talon_protocol::audit::AuditAction;
use talon_protocol::event::LiveMessage;
use talon_protocol::{
    Event, OfficeId, Snapshot, Ticket, TicketId, TicketStatus, Topic, TopicId, Window, WindowId,
};
use tokio::sync::{Mutex, MutexGuard, OwnedMutexGuard, broadcast, watch};

/// How many events a slow live client may fall behind before it gets a new snapshot.
const LIVE_BUFFER: usize = 1024;

/// How often a command is decided again after other nodes changed its office first.
/// Each retry follows a commit of another node, so the office made progress meanwhile.
const STALE_RETRIES: usize = 32;

pub mod audited;
mod bookings;
pub use bookings::{NewBooking, is_booking_code};

/// Events read at once when an office catches up with the store.
const CATCH_UP_PAGE: u32 = 500;

#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("office {0} does not exist")]
    NoOffice(OfficeId),
    #[error("office {0} is too busy on other nodes; try again")]
    Contended(OfficeId),
}

/// How an administrative command is audited: by whom, as what, and the object it
/// changes as found in a state (`None` where it does not exist), with its name.
pub struct AuditSpec<'a> {
    pub author: &'a Author,
    pub action: AuditAction,
    pub object: &'a (dyn Fn(&OfficeState) -> Option<(String, serde_json::Value)> + Sync),
}

impl AuditSpec<'_> {
    fn record(&self, old: &OfficeState, new: &OfficeState, at: DateTime<Utc>) -> AuditRecord {
        let before = (self.object)(old);
        let after = (self.object)(new);
        let subject = after
            .as_ref()
            .or(before.as_ref())
            .map(|(name, _)| name.clone())
            .unwrap_or_default();
        AuditRecord {
            at,
            author: self.author.clone(),
            office_id: Some(new.office.id),
            action: self.action,
            subject,
            before: before.map(|(_, v)| v),
            after: after.map(|(_, v)| v),
        }
    }
}

/// An event ready for the live sockets: serialized once, sent to every subscriber.
#[derive(Clone, Debug)]
pub struct LiveEvent {
    pub seq: u64,
    pub json: Utf8Bytes,
    /// Not an event but news about the state at `seq` (the load after a forecast
    /// refresh): sent to whoever has that seq, never replayed.
    pub side: bool,
}

pub struct OfficeQueue {
    pub id: OfficeId,
    state: Arc<Mutex<OfficeState>>,
    live: broadcast::Sender<LiveEvent>,
    /// The seq of the state above, readable without its lock: a node's own commits come
    /// back to it as notifications, and those need neither the lock nor a query.
    known_seq: AtomicU64,
    /// What visitors see, after the latest commit (computed only while someone watches).
    public: watch::Sender<Arc<PublicView>>,
}

impl OfficeQueue {
    pub fn subscribe(&self) -> broadcast::Receiver<LiveEvent> {
        self.live.subscribe()
    }

    pub async fn lock(&self) -> MutexGuard<'_, OfficeState> {
        self.state.lock().await
    }

    pub fn live_clients(&self) -> usize {
        self.live.receiver_count()
    }

    /// The visitors' view of the office, changed after each commit. A new receiver sees
    /// the current value as already seen: it reads the office itself first.
    pub fn watch_public(&self) -> watch::Receiver<Arc<PublicView>> {
        self.public.subscribe()
    }

    /// Open phone pages and office boards of this office.
    pub fn public_clients(&self) -> usize {
        self.public.receiver_count()
    }
}

/// Publishes the visitors' view after `events`, when anyone is watching (a page that
/// starts watching reads the office itself, so a view skipped meanwhile is not missed).
fn publish_public(queue: &OfficeQueue, state: &OfficeState, events: &[Event], now: DateTime<Utc>) {
    if queue.public.receiver_count() == 0 || events.is_empty() {
        return;
    }
    let view = PublicView::of(state, events, now);
    queue.public.send_replace(Arc::new(view));
}

pub struct Queues {
    store: Store,
    clock: Arc<dyn Clock>,
    offices: RwLock<HashMap<OfficeId, Arc<OfficeQueue>>>,
    window_offices: RwLock<HashMap<WindowId, OfficeId>>,
    contacts: crate::devices::Contacts,
    figures: crate::overview::FiguresCache,
}

impl Queues {
    /// Loads every office from the store.
    pub async fn load(store: Store, clock: Arc<dyn Clock>) -> Result<Queues, QueueError> {
        let queues = Queues {
            store,
            clock,
            offices: RwLock::default(),
            window_offices: RwLock::default(),
            contacts: crate::devices::Contacts::default(),
            figures: crate::overview::FiguresCache::default(),
        };
        for id in queues.store.office_ids().await? {
            queues.add_office(id).await?;
        }
        Ok(queues)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The company board's figures of the day and the month, as last worked out.
    pub fn figures(&self) -> &crate::overview::FiguresCache {
        &self.figures
    }

    /// Which devices this node has heard from, and when.
    pub fn contacts(&self) -> &crate::devices::Contacts {
        &self.contacts
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Starts serving an office that exists in the store (an office already served is
    /// kept as it is: this node's follower and a handler may both add a new office).
    pub async fn add_office(&self, id: OfficeId) -> Result<(), QueueError> {
        if self.office(id).is_ok() {
            return Ok(());
        }
        let state = self
            .store
            .load_office(id, self.now())
            .await?
            .ok_or(QueueError::NoOffice(id))?;
        {
            let mut windows = self.window_offices.write().expect("lock");
            for window in state.windows.keys() {
                windows.insert(*window, id);
            }
        }
        let (live, _) = broadcast::channel(LIVE_BUFFER);
        let (public, _) = watch::channel(Arc::new(PublicView::of(&state, &[], self.now())));
        let queue = Arc::new(OfficeQueue {
            id,
            known_seq: AtomicU64::new(state.seq),
            state: Arc::new(Mutex::new(state)),
            live,
            public,
        });
        self.offices
            .write()
            .expect("lock")
            .entry(id)
            .or_insert(queue);
        Ok(())
    }

    pub fn office(&self, id: OfficeId) -> Result<Arc<OfficeQueue>, QueueError> {
        self.offices
            .read()
            .expect("lock")
            .get(&id)
            .cloned()
            .ok_or(QueueError::NoOffice(id))
    }

    pub fn office_ids(&self) -> Vec<OfficeId> {
        let mut ids: Vec<OfficeId> = self.offices.read().expect("lock").keys().copied().collect();
        ids.sort();
        ids
    }

    pub fn office_of_window(&self, window: WindowId) -> Option<OfficeId> {
        self.window_offices
            .read()
            .expect("lock")
            .get(&window)
            .copied()
    }

    /// Runs a command for an office; `extract` reads what the caller needs from the new
    /// state and the events.
    pub async fn execute<R>(
        &self,
        office_id: OfficeId,
        command: Command,
        extract: impl Fn(&OfficeState, &[Event]) -> R,
    ) -> Result<R, QueueError> {
        self.execute_audited(office_id, command, None, extract)
            .await
    }

    /// [`Queues::execute`] for an administrative change: its audit entry, with the
    /// object before and after, is committed with its events.
    pub async fn execute_audited<R>(
        &self,
        office_id: OfficeId,
        command: Command,
        audit: Option<&AuditSpec<'_>>,
        extract: impl Fn(&OfficeState, &[Event]) -> R,
    ) -> Result<R, QueueError> {
        let queue = self.office(office_id)?;
        for _ in 0..STALE_RETRIES {
            let state = queue.state.clone().lock_owned().await;
            match self
                .run_locked(
                    &queue,
                    state,
                    command.clone(),
                    Extras::default(),
                    audit,
                    &extract,
                )
                .await
            {
                Err(QueueError::Store(StoreError::Stale(_))) => continue,
                other => return other,
            }
        }
        Err(QueueError::Contended(office_id))
    }

    /// The body of every command, with the office's lock held by the caller. The engine
    /// decides on a copy of the state; what follows (commit, keep, broadcast) runs in a
    /// task of its own that owns the lock, so it ends the same way whether or not the
    /// caller is still waiting: a dropped request cannot leave the office's state in
    /// memory behind what was stored.
    async fn run_locked<R>(
        &self,
        queue: &Arc<OfficeQueue>,
        state: OwnedMutexGuard<OfficeState>,
        command: Command,
        mut extras: Extras,
        audit: Option<&AuditSpec<'_>>,
        extract: impl FnOnce(&OfficeState, &[Event]) -> R,
    ) -> Result<R, QueueError> {
        let started = std::time::Instant::now();
        let now = self.now();
        let mut next = state.clone();
        let events = match engine::apply(&mut next, command, now) {
            Ok(events) => events,
            Err(refusal) => return Err(self.refusal_or_stale(queue, state, refusal).await),
        };
        if let Some(audit) = audit
            && !events.is_empty()
        {
            extras.audit = Some(audit.record(&state, &next, now));
        }
        let kept = tokio::spawn(commit_and_keep(Commit {
            store: self.store.clone(),
            queue: queue.clone(),
            state,
            next,
            events,
            extras,
            now,
        }))
        .await
        .map_err(|e| {
            let detail = format!("the commit task ended early: {e}");
            // Cancelled only when the runtime stops: the node is going away.
            if e.is_cancelled() {
                StoreError::Unavailable(detail)
            } else {
                StoreError::Corrupt(detail)
            }
        })?;
        let (state, events) = kept?;
        metrics::histogram!("talon_command_seconds").record(started.elapsed().as_secs_f64());
        metrics::counter!("talon_events_total").increment(events.len() as u64);
        Ok(extract(&state, &events))
    }

    /// A refusal decided on this node's copy of the office stands only if the copy is
    /// current: another node may have changed the office a moment ago (issued the
    /// ticket this "call next" would find, added the topic this window serves). Where
    /// several nodes share the store, the copy catches up first, and if it was behind
    /// the command is decided again (`Stale`). Accepted commands need no such check:
    /// their commit is refused when the office moved on.
    async fn refusal_or_stale(
        &self,
        queue: &OfficeQueue,
        mut state: OwnedMutexGuard<OfficeState>,
        refusal: EngineError,
    ) -> QueueError {
        if self.store.backend() == Backend::Sqlite {
            return refusal.into();
        }
        match catch_up(&self.store, queue, &mut state, self.now()).await {
            Ok(0) => refusal.into(),
            Ok(_) => StoreError::Stale(queue.id).into(),
            Err(e) => e.into(),
        }
    }

    /// Issues a ticket. A request repeated with the same idempotency key (a kiosk retrying
    /// after a network error) gets the ticket it already created, and `false`.
    pub async fn issue(
        &self,
        office_id: OfficeId,
        topic_id: TopicId,
        out_of_turn: bool,
        idempotency_key: Option<&str>,
    ) -> Result<(TicketReceipt, bool), QueueError> {
        let queue = self.office(office_id)?;
        for _ in 0..STALE_RETRIES {
            // One lock around the retry check and the issue, so a retry racing its
            // original waits for it and then finds its ticket (on another node too: the
            // original's commit makes this one stale, and the next round finds it).
            let state = queue.state.clone().lock_owned().await;
            let now = self.now();
            if let Some(key) = idempotency_key
                && let Some(ticket) = self.store.ticket_by_idempotency_key(office_id, key).await?
            {
                return Ok((receipt(&state, ticket, now), false));
            }
            let id = TicketId(uuid::Uuid::new_v4());
            let command = Command::Issue {
                id,
                public_code: crate::credentials::new_public_code(),
                topic_id,
                out_of_turn,
            };
            let issued = self
                .run_locked(
                    &queue,
                    state,
                    command,
                    Extras {
                        idempotency: idempotency_key.map(|key| (id, key.to_string())),
                        ..Extras::default()
                    },
                    None,
                    |state, _| receipt(state, Ticket::clone(&state.tickets[&id]), now),
                )
                .await;
            match issued {
                Err(QueueError::Store(StoreError::Stale(_))) => continue,
                Err(e) => return Err(e),
                Ok(receipt) => {
                    metrics::counter!("talon_tickets_issued_total").increment(1);
                    return Ok((receipt, true));
                }
            }
        }
        Err(QueueError::Contended(office_id))
    }

    /// Adds a topic to an office.
    pub async fn create_topic(
        &self,
        office_id: OfficeId,
        mut topic: Topic,
        author: &Author,
    ) -> Result<Topic, QueueError> {
        topic.id = self.store.next_topic_id().await?;
        topic.office_id = office_id;
        let id = topic.id;
        let object = audited::topic(id);
        let audit = AuditSpec {
            author,
            action: AuditAction::TopicCreated,
            object: &*object,
        };
        self.execute_audited(
            office_id,
            Command::PutTopic { topic },
            Some(&audit),
            |state, _| state.topics[&id].clone(),
        )
        .await
    }

    /// Adds a window (closed) to an office.
    pub async fn create_window(
        &self,
        office_id: OfficeId,
        label: String,
        topics: Vec<TopicId>,
        author: &Author,
    ) -> Result<Window, QueueError> {
        let id = self.store.next_window_id().await?;
        let command = Command::AddWindow {
            window_id: id,
            label,
            topics,
        };
        let object = audited::window(id);
        let audit = AuditSpec {
            author,
            action: AuditAction::WindowCreated,
            object: &*object,
        };
        let window = self
            .execute_audited(office_id, command, Some(&audit), |state, _| {
                state.windows[&id].clone()
            })
            .await?;
        self.window_offices
            .write()
            .expect("lock")
            .insert(id, office_id);
        Ok(window)
    }

    /// Brings this node's copy of an office up to the stored events (another node
    /// committed them) and sends them to this node's sockets. An office this node does
    /// not serve yet is loaded.
    pub async fn catch_up_office(&self, id: OfficeId) -> Result<usize, QueueError> {
        self.catch_up_office_to(id, u64::MAX).await
    }

    /// [`Queues::catch_up_office`] after a notification that the office is at `seq`:
    /// nothing to do when this node is there already (its own commit).
    pub async fn catch_up_office_to(&self, id: OfficeId, seq: u64) -> Result<usize, QueueError> {
        let Ok(queue) = self.office(id) else {
            self.add_office(id).await?;
            return Ok(0);
        };
        if queue.known_seq.load(Ordering::Acquire) >= seq {
            return Ok(0);
        }
        let mut state = queue.state.lock().await;
        let absorbed = catch_up(&self.store, &queue, &mut state, self.now()).await?;
        if absorbed > 0 {
            let mut windows = self.window_offices.write().expect("lock");
            for window in state.windows.keys() {
                windows.insert(*window, id);
            }
        }
        Ok(absorbed)
    }

    /// Catches up with everything other nodes did: offices created, events committed.
    /// Run when notifications may have been missed (a listener that reconnected) and
    /// now and then as a safety net.
    pub async fn catch_up_all(&self) -> Result<(), QueueError> {
        for id in self.store.office_ids().await? {
            self.catch_up_office(id).await?;
        }
        Ok(())
    }

    /// Lets time act on every office: day rollover, postponed tickets, alerts; then
    /// refreshes the forecasts that are due.
    pub async fn tick_all(&self) {
        for office in self.office_ids() {
            if let Err(e) = self.execute(office, Command::Tick, |_, _| ()).await {
                tracing::warn!(office = %office, error = %e, "tick failed");
            }
            if let Ok(queue) = self.office(office) {
                self.refresh_forecast(&queue).await;
            }
        }
    }

    /// The arrivals the advisor expects at the office over the next hour.
    async fn demand(
        &self,
        queue: &OfficeQueue,
        now: DateTime<Utc>,
    ) -> Result<crate::forecast::advisor::Demand, QueueError> {
        let input = {
            let state = queue.state.lock().await;
            crate::forecast::demand::DemandInput::of(&state, now)
        };
        Ok(crate::forecast::demand::expected(&self.store, &input, now).await?)
    }

    /// The advisor's advice for an office as of now, with today's numbers (nothing is
    /// changed: the ticker makes new advice an event, see [`Queues::advise_all`]).
    pub async fn advice(
        &self,
        office: OfficeId,
    ) -> Result<Vec<talon_protocol::advice::Advice>, QueueError> {
        let queue = self.office(office)?;
        let now = self.now();
        let demand = self.demand(&queue, now).await?;
        let state = queue.state.lock().await;
        Ok(crate::forecast::advisor::advise(&state, &demand, now))
    }

    /// The advisor looks at every office: advice that changed is an `AdviceChanged`
    /// event on the office's board.
    pub async fn advise_all(&self) {
        for office in self.office_ids() {
            let Ok(queue) = self.office(office) else {
                continue;
            };
            let now = self.now();
            let demand = match self.demand(&queue, now).await {
                Ok(demand) => demand,
                Err(e) => {
                    tracing::warn!(office = %office, error = %e, "no arrivals for the advisor");
                    continue;
                }
            };
            if let Err(e) = self
                .execute(office, Command::Advise { demand }, |_, _| ())
                .await
            {
                tracing::warn!(office = %office, error = %e, "advice failed");
            }
        }
    }

    /// Makes the office's forecast again when it is due. When that changes what people
    /// are shown (a topic's range in whole minutes), the apps get the new load and the
    /// phone pages their view: time passing moves waits even when nothing happens.
    pub async fn refresh_forecast(&self, queue: &OfficeQueue) {
        self.refresh_forecast_if(queue, true).await;
    }

    /// Makes the office's forecast again now, due or not: for a simulation on a virtual
    /// clock, where the real time a refresh waits for after a change does not pass.
    pub async fn refresh_forecast_now(&self, office: OfficeId) -> Result<(), QueueError> {
        let queue = self.office(office)?;
        self.refresh_forecast_if(&queue, false).await;
        Ok(())
    }

    async fn refresh_forecast_if(&self, queue: &OfficeQueue, only_when_due: bool) {
        let now = self.now();
        let mut state = queue.state.lock().await;
        if only_when_due && !crate::forecast::live::due(&state, now) {
            return;
        }
        let before = crate::forecast::live::shown(&state, now);
        let started = std::time::Instant::now();
        crate::forecast::live::refresh(&mut state, now);
        metrics::histogram!("talon_forecast_refresh_seconds")
            .record(started.elapsed().as_secs_f64());
        if crate::forecast::live::shown(&state, now) == before {
            return;
        }
        let message = LiveMessage::Load {
            office_id: queue.id,
            seq: state.seq,
            load: estimate::load(&state, now),
        };
        match serde_json::to_string(&message) {
            Ok(json) => {
                let _ = queue.live.send(LiveEvent {
                    seq: state.seq,
                    json: json.into(),
                    side: true,
                });
            }
            Err(e) => tracing::error!(error = %e, "load could not be serialized"),
        }
        if queue.public.receiver_count() > 0 {
            queue
                .public
                .send_replace(Arc::new(PublicView::of(&state, &[], now)));
        }
    }

    pub async fn snapshot(&self, office_id: OfficeId) -> Result<Snapshot, QueueError> {
        let queue = self.office(office_id)?;
        let state = queue.state.lock().await;
        Ok(snapshot_of(&state, self.now()))
    }

    /// A visitor's view of their ticket, found by its public code.
    pub async fn public_status(
        &self,
        code: &str,
    ) -> Result<Option<PublicTicketStatus>, QueueError> {
        let Some(ticket) = self.store.ticket_by_public_code(code).await? else {
            return Ok(None);
        };
        self.public_status_of(ticket).await.map(Some)
    }

    /// The public status of a ticket as stored (its live copy when it is active).
    pub async fn public_status_of(&self, ticket: Ticket) -> Result<PublicTicketStatus, QueueError> {
        let rated = ticket.status == TicketStatus::Done
            && self.store.feedback_of(ticket.id).await?.is_some();
        let queue = self.office(ticket.office_id)?;
        let state = queue.state.lock().await;
        let ticket = state.live_or(ticket);
        Ok(crate::public::status(
            &state,
            &ticket,
            None,
            rated,
            self.now(),
        ))
    }

    /// The visitor leaves the queue: their waiting or postponed ticket is cancelled.
    pub async fn leave(&self, ticket: &Ticket) -> Result<PublicTicketStatus, QueueError> {
        let id = ticket.id;
        let left = self
            .execute(
                ticket.office_id,
                Command::Leave { ticket_id: id },
                |state, events| {
                    events
                        .iter()
                        .rev()
                        .find_map(|e| e.kind.ticket().filter(|t| t.id == id))
                        .map(|t| crate::public::status(state, t, None, false, self.now()))
                },
            )
            .await?;
        left.ok_or_else(|| StoreError::Corrupt("leaving produced no ticket event".into()).into())
    }

    /// The visitor rates their visit: once per ticket, only after it was served and
    /// within the office's time for it. The rating is an event of the office (a poor one
    /// raises an alert for the head), committed with its stored row.
    pub async fn feedback(
        &self,
        ticket: &Ticket,
        rating: u8,
        comment: Option<String>,
    ) -> Result<talon_protocol::api::Feedback, QueueError> {
        let conflict =
            |code, message: &str| QueueError::Engine(EngineError::conflict(code, message));
        let Some(finished) = ticket
            .finished_at
            .filter(|_| ticket.status == TicketStatus::Done)
        else {
            return Err(conflict(
                "not_served",
                "a visit can be rated once it has been served",
            ));
        };
        let comment = comment
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty());
        let rating = talon_protocol::VisitRating {
            ticket_id: ticket.id,
            label: ticket.label.clone(),
            topic_id: ticket.topic_id,
            window_id: ticket.window_id,
            agent_id: ticket.agent_id,
            service_day: ticket.service_day,
            rating,
            wait_ms: ticket.wait_ms,
            service_ms: ticket.service_ms,
        };
        let queue = self.office(ticket.office_id)?;
        for _ in 0..STALE_RETRIES {
            // Under the office's lock, so two ratings of one ticket are decided one after
            // the other (on another node too: the first one's commit makes the second
            // stale, and its next round finds the stored rating).
            let state = queue.state.clone().lock_owned().await;
            let now = self.now();
            let hours = state.office.settings.feedback_hours;
            if now >= finished + chrono::Duration::hours(i64::from(hours)) {
                return Err(conflict(
                    "feedback_closed",
                    "the time to rate this visit is over",
                ));
            }
            if self.store.feedback_of(ticket.id).await?.is_some() {
                return Err(conflict(
                    "already_rated",
                    "this visit has been rated already: one rating per ticket",
                ));
            }
            let rated = self
                .run_locked(
                    &queue,
                    state,
                    Command::Rate {
                        rating: rating.clone(),
                    },
                    Extras {
                        comment: comment.clone(),
                        ..Extras::default()
                    },
                    None,
                    |_, events| events.last().map_or(now, |e| e.at),
                )
                .await;
            match rated {
                Err(QueueError::Store(StoreError::Stale(_))) => continue,
                Err(e) => return Err(e),
                Ok(at) => {
                    metrics::counter!("talon_feedback_total", "rating" => rating.rating.to_string())
                        .increment(1);
                    return Ok(talon_protocol::api::Feedback::of(
                        ticket.office_id,
                        &rating,
                        comment,
                        at,
                    ));
                }
            }
        }
        Err(QueueError::Contended(ticket.office_id))
    }

    /// The public office board.
    pub async fn public_office(
        &self,
        office: OfficeId,
    ) -> Result<talon_protocol::api::PublicOffice, QueueError> {
        let queue = self.office(office)?;
        let state = queue.state.lock().await;
        Ok(crate::public::board(&state, self.now()))
    }

    /// A ticket as stored (active or not), to find its office.
    pub async fn stored_ticket(&self, ticket: TicketId) -> Result<Option<Ticket>, QueueError> {
        Ok(self.store.ticket(ticket).await?)
    }
}

/// A command the engine has decided, to be made durable.
struct Commit {
    store: Store,
    queue: Arc<OfficeQueue>,
    state: OwnedMutexGuard<OfficeState>,
    next: OfficeState,
    events: Vec<Event>,
    extras: Extras,
    now: DateTime<Utc>,
}

type Kept = Result<(OwnedMutexGuard<OfficeState>, Vec<Event>), QueueError>;

/// Commits; only once the commit is durable keeps the new state and broadcasts the events
/// (still under the lock, so they leave in order). When the commit fails, whatever the
/// writer managed to do, the office is read back from the store so that memory equals
/// storage.
async fn commit_and_keep(commit: Commit) -> Kept {
    let Commit {
        store,
        queue,
        mut state,
        next,
        events,
        extras,
        now,
    } = commit;
    match store.commit(&events, extras).await {
        Ok(()) => {}
        Err(StoreError::Stale(office)) => {
            // Another node was first: learn what it decided; the caller decides again.
            if let Err(e) = catch_up(&store, &queue, &mut state, now).await {
                tracing::error!(office = %office, error = %e, "the office could not catch up");
            }
            return Err(StoreError::Stale(office).into());
        }
        Err(e) => {
            match store.load_office(queue.id, now).await {
                Ok(Some(stored)) if stored.seq != state.seq => {
                    tracing::error!(office = %queue.id, error = %e, stored_seq = stored.seq,
                        "a failed commit left the store ahead of memory; the office was re-read");
                    *state = stored;
                    queue.known_seq.store(state.seq, Ordering::Release);
                }
                Ok(_) => {}
                Err(reload) => {
                    tracing::error!(office = %queue.id, error = %reload, "the office could not be re-read");
                }
            }
            return Err(e.into());
        }
    }
    *state = next;
    queue.known_seq.store(state.seq, Ordering::Release);
    for event in &events {
        publish(&queue, event);
    }
    publish_public(&queue, &state, &events, now);
    Ok((state, events))
}

/// Folds the office's stored events after `state.seq` into `state` and sends them to
/// this node's live sockets, in order (the caller holds the office's lock). Returns
/// how many events there were.
async fn catch_up(
    store: &Store,
    queue: &OfficeQueue,
    state: &mut OfficeState,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let mut absorbed = 0;
    loop {
        let events = store
            .events_since(queue.id, state.seq, CATCH_UP_PAGE)
            .await?;
        if events.is_empty() {
            return Ok(absorbed);
        }
        for event in &events {
            engine::absorb(state, event);
            publish(queue, event);
        }
        queue.known_seq.store(state.seq, Ordering::Release);
        publish_public(queue, state, &events, now);
        absorbed += events.len();
        metrics::counter!("talon_events_absorbed_total").increment(events.len() as u64);
    }
}

fn publish(queue: &OfficeQueue, event: &Event) {
    let message = LiveMessage::Event {
        event: Box::new(event.clone()),
    };
    match serde_json::to_string(&message) {
        // No receivers is fine: nobody is watching this office right now.
        Ok(json) => {
            let _ = queue.live.send(LiveEvent {
                seq: event.seq,
                json: json.into(),
                side: false,
            });
        }
        Err(e) => tracing::error!(error = %e, "event could not be serialized"),
    }
}

pub fn receipt(state: &OfficeState, ticket: Ticket, now: DateTime<Utc>) -> TicketReceipt {
    let ahead = if ticket.status == TicketStatus::Waiting {
        estimate::people_ahead(state, &ticket, now)
    } else {
        0
    };
    let topic = state.topics.get(&ticket.topic_id);
    // The range is the forecast's for a walk-in of the topic, who queues behind those
    // waiting; a visitor out of turn goes ahead of them, a booked one by the slot: they
    // are told the people ahead (the forecast of their own ticket follows on the phone
    // page and the display once it is made again).
    let walk_in = !ticket.out_of_turn && ticket.booking.is_none();
    let wait_range = (ticket.status == TicketStatus::Waiting && walk_in)
        .then(|| crate::forecast::live::new_ticket(state, ticket.topic_id, now))
        .flatten();
    TicketReceipt {
        people_ahead: ahead,
        estimated_wait_ms: wait_range.map_or_else(
            || estimate::estimated_wait_ms(state, ticket.topic_id, ahead),
            |r| r.median_ms,
        ),
        wait_range,
        topic_name_ru: topic.map(|t| t.name_ru.clone()).unwrap_or_default(),
        topic_name_en: topic.map(|t| t.name_en.clone()).unwrap_or_default(),
        ticket,
    }
}

pub fn snapshot_of(state: &OfficeState, now: DateTime<Utc>) -> Snapshot {
    let mut topics: Vec<Topic> = state.topics.values().cloned().collect();
    topics.sort_by_key(|t| (!t.active, t.display_order, t.id));
    Snapshot {
        office: state.office.clone(),
        seq: state.seq,
        now,
        service_day: state.service_day,
        topics,
        load: estimate::load(state, now),
        windows: state.windows.values().cloned().collect(),
        tickets: state.tickets.values().map(|t| Ticket::clone(t)).collect(),
        recent_calls: state.recent_calls.clone(),
        alerts: state.alerts.values().cloned().collect(),
        receptions: state.receptions.values().cloned().collect(),
        advice: state.advice.clone(),
    }
}

/// A window's queue in dispatch order (for the agent desk).
pub fn window_queue(state: &OfficeState, window: WindowId, now: DateTime<Utc>) -> Vec<Ticket> {
    state
        .windows
        .get(&window)
        .map(|w| {
            dispatch::queue_for(state, w, now)
                .into_iter()
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}
