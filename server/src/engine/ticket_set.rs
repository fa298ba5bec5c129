//! The office's active tickets, with the indexes the rules read on every command, so that a
//! command costs about the same with 5,000 people waiting as with 100: who is next in a
//! queue, how many wait per topic, whose wait is nearest its norm, which postponed
//! tickets are due. Every change of a ticket goes through `put` or `update`, which keep
//! the indexes; they are derived from the tickets alone, so two sets with the same
//! tickets are equal. The maps are persistent (`imbl`): the copy of the state each
//! command decides on shares them, and a change copies only the path it touches.

use chrono::{DateTime, Utc};
use imbl::{OrdMap, OrdSet};
use std::sync::Arc;
use talon_protocol::{StaffId, Ticket, TicketId, TicketStatus, TopicId, WindowId};

/// A queue a waiting ticket stands in: its topic's, or one window's after a transfer to
/// that window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Queue {
    Topic(TopicId),
    Window(WindowId),
    /// Booked visitors of a topic who checked in, by the later of slot start and arrival.
    Booked(TopicId),
    /// Visitors booked with a person (reception hours): only that person calls them.
    Person(StaffId),
}

impl Queue {
    pub fn of(ticket: &Ticket) -> Queue {
        if let Some(window) = ticket.target_window {
            return Queue::Window(window);
        }
        match ticket.booked() {
            Some(booking) => match booking.staff_id {
                Some(staff) => Queue::Person(staff),
                None => Queue::Booked(ticket.topic_id),
            },
            None => Queue::Topic(ticket.topic_id),
        }
    }
}

/// A waiting ticket's place in its queue. Within one topic every ticket has the same wait
/// norm, so the dispatch order (`talon_protocol::dispatch`: out of turn, put in front,
/// time in the queue over the norm, joined, issued, id) does not depend on the time and
/// is this key's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct QueueKey {
    in_turn: bool,
    behind: bool,
    queue_since: DateTime<Utc>,
    issued_at: DateTime<Utc>,
    id: TicketId,
}

impl QueueKey {
    pub fn of(ticket: &Ticket) -> QueueKey {
        QueueKey {
            in_turn: !ticket.out_of_turn,
            behind: !ticket.front,
            queue_since: ticket.queue_since,
            issued_at: ticket.issued_at,
            id: ticket.id,
        }
    }

    pub fn id(&self) -> TicketId {
        self.id
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TicketSet {
    by_id: OrdMap<TicketId, Arc<Ticket>>,
    /// Waiting tickets per queue, in dispatch order.
    queues: OrdMap<Queue, OrdSet<QueueKey>>,
    /// Waiting tickets per topic by when their whole wait began (the current interval's
    /// start less the waits before it): the first ones have waited longest.
    wait_starts: OrdMap<TopicId, OrdSet<(i64, TicketId)>>,
    /// Postponed tickets by the time they come back.
    returns: OrdSet<(DateTime<Utc>, TicketId)>,
}

impl TicketSet {
    pub fn get(&self, id: &TicketId) -> Option<&Ticket> {
        self.by_id.get(id).map(Arc::as_ref)
    }

    pub fn contains_key(&self, id: &TicketId) -> bool {
        self.by_id.contains_key(id)
    }

    pub fn values(&self) -> impl Iterator<Item = &Arc<Ticket>> {
        self.by_id.values()
    }

    pub fn keys(&self) -> impl Iterator<Item = &TicketId> {
        self.by_id.keys()
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Keeps `ticket` as it is now: active tickets are kept (replacing an older copy),
    /// finished ones leave.
    pub fn put(&mut self, ticket: Ticket) {
        self.put_shared(Arc::new(ticket));
    }

    pub fn put_shared(&mut self, ticket: Arc<Ticket>) {
        // The old copy leaves the indexes before the new one enters (both may have the
        // same keys); the map itself is changed once, its path copied once.
        if let Some(old) = self.by_id.get(&ticket.id).cloned() {
            self.unindex(&old);
        }
        if ticket.status.is_active() {
            self.index(&ticket);
            self.by_id.insert(ticket.id, ticket);
        } else {
            self.by_id.remove(&ticket.id);
        }
    }

    pub fn remove(&mut self, id: &TicketId) {
        if let Some(old) = self.by_id.remove(id) {
            self.unindex(&old);
        }
    }

    /// Changes a ticket in place (copying it only if a snapshot still shares it) and
    /// returns it as changed.
    pub fn update(&mut self, id: &TicketId, change: impl FnOnce(&mut Ticket)) -> Option<Ticket> {
        let old = self.by_id.get(id)?.clone();
        self.unindex(&old);
        drop(old);
        let shared = self.by_id.get_mut(id).expect("the ticket read above");
        change(Arc::make_mut(shared));
        let changed = Ticket::clone(shared);
        if changed.status.is_active() {
            self.index(&changed);
        } else {
            self.by_id.remove(id);
        }
        Some(changed)
    }

    /// The waiting tickets of a queue, in dispatch order.
    pub fn queue(&self, queue: Queue) -> impl Iterator<Item = &Ticket> {
        self.queues
            .get(&queue)
            .into_iter()
            .flatten()
            .map(|key| self.by_id[&key.id].as_ref())
    }

    /// The first ticket of a queue.
    pub fn head(&self, queue: Queue) -> Option<&Ticket> {
        self.queue(queue).next()
    }

    /// How many tickets of `queue` come after `ticket` (which stands in it).
    pub fn behind(&self, queue: Queue, ticket: &Ticket) -> usize {
        use std::ops::Bound::{Excluded, Unbounded};
        self.queues.get(&queue).map_or(0, |keys| {
            keys.range((Excluded(QueueKey::of(ticket)), Unbounded))
                .count()
        })
    }

    /// How many tickets of `queue` wait.
    pub fn queue_len(&self, queue: Queue) -> usize {
        self.queues.get(&queue).map_or(0, OrdSet::len)
    }

    /// How many tickets of a topic wait, in its queue or transferred to a window.
    pub fn waiting_for_topic(&self, topic: TopicId) -> usize {
        self.wait_starts.get(&topic).map_or(0, OrdSet::len)
    }

    /// Waiting tickets of a topic whose whole wait began at or before `start_ms`,
    /// longest first.
    pub fn waiting_since_before(
        &self,
        topic: TopicId,
        start_ms: i64,
    ) -> impl Iterator<Item = &Ticket> {
        self.wait_starts
            .get(&topic)
            .into_iter()
            .flatten()
            .take_while(move |(start, _)| *start <= start_ms)
            .map(|(_, id)| self.by_id[id].as_ref())
    }

    /// Postponed tickets whose time to come back is `now` or earlier.
    pub fn due_returns(&self, now: DateTime<Utc>) -> Vec<TicketId> {
        self.returns
            .iter()
            .take_while(|(until, _)| *until <= now)
            .map(|(_, id)| *id)
            .collect()
    }

    fn index(&mut self, ticket: &Ticket) {
        match ticket.status {
            TicketStatus::Waiting => {
                change(&mut self.queues, Queue::of(ticket), |keys| {
                    keys.insert(QueueKey::of(ticket));
                });
                change(&mut self.wait_starts, ticket.topic_id, |starts| {
                    starts.insert((wait_start_ms(ticket), ticket.id));
                });
            }
            TicketStatus::Postponed => {
                if let Some(until) = ticket.postponed_until {
                    self.returns.insert((until, ticket.id));
                }
            }
            _ => {}
        }
    }

    fn unindex(&mut self, ticket: &Ticket) {
        match ticket.status {
            TicketStatus::Waiting => {
                change(&mut self.queues, Queue::of(ticket), |keys| {
                    keys.remove(&QueueKey::of(ticket));
                });
                change(&mut self.wait_starts, ticket.topic_id, |starts| {
                    starts.remove(&(wait_start_ms(ticket), ticket.id));
                });
            }
            TicketStatus::Postponed => {
                if let Some(until) = ticket.postponed_until {
                    self.returns.remove(&(until, ticket.id));
                }
            }
            _ => {}
        }
    }
}

/// Changes the set under `key`, dropping it when it ends up empty (so that equal tickets
/// always make equal indexes).
fn change<K: Ord + Clone, V: Ord + Clone>(
    map: &mut OrdMap<K, OrdSet<V>>,
    key: K,
    edit: impl FnOnce(&mut OrdSet<V>),
) {
    let mut set = map.get(&key).cloned().unwrap_or_default();
    edit(&mut set);
    if set.is_empty() {
        map.remove(&key);
    } else {
        map.insert(key, set);
    }
}

/// When a waiting ticket's whole wait began: `now` minus this is its wait so far
/// (`Ticket::wait_ms_at`) whenever `now` is not before the current interval's start.
fn wait_start_ms(ticket: &Ticket) -> i64 {
    ticket.waiting_since.map_or(i64::MIN / 2, |since| {
        since.timestamp_millis() - ticket.wait_ms
    })
}

impl std::ops::Index<&TicketId> for TicketSet {
    type Output = Ticket;

    fn index(&self, id: &TicketId) -> &Ticket {
        self.get(id).expect("a ticket of the set")
    }
}

impl FromIterator<Ticket> for TicketSet {
    fn from_iter<I: IntoIterator<Item = Ticket>>(tickets: I) -> TicketSet {
        let mut set = TicketSet::default();
        for ticket in tickets {
            set.put(ticket);
        }
        set
    }
}
