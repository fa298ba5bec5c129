//! Kiosks and displays in contact with the server. Contact is a request with a device
//! token or a live socket held open; it is kept in memory and written to the store at
//! most every [`WRITE_EVERY`] (so several nodes know it, without a write per request).
//! The device monitor, run by every node's ticker, raises an office's "device offline"
//! alert when a device has been out of contact for the office's
//! `device_offline_after_min`, and clears it when the device is back.

use crate::engine::Command;
use crate::queues::{QueueError, Queues};
use chrono::{DateTime, Utc};
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use talon_protocol::api::{Device, DeviceFault};
use talon_protocol::{AlertKind, DeviceId, OfficeId};

/// How often a device's contact is written to the store.
pub const WRITE_EVERY: chrono::Duration = chrono::Duration::seconds(30);

#[derive(Debug, Clone, Copy)]
struct Contact {
    seen: DateTime<Utc>,
    written: Option<DateTime<Utc>>,
    sockets: usize,
}

/// This node's knowledge of the devices' contact.
#[derive(Debug, Default)]
pub struct Contacts {
    devices: Mutex<HashMap<DeviceId, Contact>>,
}

impl Contacts {
    /// Notes contact at `now`; true when it is due to be written to the store.
    pub fn seen(&self, id: DeviceId, now: DateTime<Utc>) -> bool {
        let mut devices = self.devices.lock().expect("contacts lock");
        let contact = devices.entry(id).or_insert(Contact {
            seen: now,
            written: None,
            sockets: 0,
        });
        contact.seen = contact.seen.max(now);
        let due = contact.written.is_none_or(|at| now - at >= WRITE_EVERY);
        if due {
            contact.written = Some(now);
        }
        due
    }

    /// A live socket of the device opened (`+1`) or closed (`-1`).
    fn socket(&self, id: DeviceId, now: DateTime<Utc>, opened: bool) {
        let mut devices = self.devices.lock().expect("contacts lock");
        let contact = devices.entry(id).or_insert(Contact {
            seen: now,
            written: None,
            sockets: 0,
        });
        contact.seen = contact.seen.max(now);
        if opened {
            contact.sockets += 1;
        } else {
            contact.sockets = contact.sockets.saturating_sub(1);
        }
    }

    /// The devices with a live socket on this node.
    fn connected(&self) -> Vec<DeviceId> {
        let devices = self.devices.lock().expect("contacts lock");
        devices
            .iter()
            .filter(|(_, c)| c.sockets > 0)
            .map(|(id, _)| *id)
            .collect()
    }

    fn last_seen(&self, id: DeviceId) -> Option<DateTime<Utc>> {
        let devices = self.devices.lock().expect("contacts lock");
        devices.get(&id).map(|c| c.seen)
    }
}

/// Held while a device's live socket is open: the device is in contact all that time.
pub struct SocketContact<'a> {
    queues: &'a Queues,
    id: DeviceId,
}

impl Drop for SocketContact<'_> {
    fn drop(&mut self) {
        self.queues
            .contacts()
            .socket(self.id, self.queues.now(), false);
    }
}

impl Queues {
    /// A request came with this device's token.
    pub fn device_seen(&self, id: DeviceId) {
        let now = self.now();
        if self.contacts().seen(id, now) {
            let store = self.store().clone();
            tokio::spawn(async move {
                if let Err(e) = store.touch_device(id, now).await {
                    tracing::debug!(device = %id, error = %e, "device contact not stored");
                }
            });
        }
    }

    /// The device's live socket opened; contact lasts until the guard is dropped.
    pub fn device_connected(&self, id: DeviceId) -> SocketContact<'_> {
        self.contacts().socket(id, self.now(), true);
        SocketContact { queues: self, id }
    }

    /// Devices as an administrator sees them: when last in contact, online or not, and
    /// the faults they reported and have not reported over.
    pub async fn devices_with_status(&self, office: OfficeId) -> Result<Vec<Device>, QueueError> {
        let mut devices = self.store().devices(office).await?;
        let state = self.office(office)?.lock().await.clone();
        let now = self.now();
        let after = offline_after(state.office.settings.device_offline_after_min);
        let connected: HashSet<DeviceId> = self.contacts().connected().into_iter().collect();
        for device in &mut devices {
            device.last_seen = latest(device.last_seen, self.contacts().last_seen(device.id));
            device.online = !device.revoked
                && (connected.contains(&device.id)
                    || device.last_seen.is_some_and(|seen| now - seen < after));
            device.faults = state
                .alerts
                .values()
                .filter_map(|alert| match &alert.kind {
                    AlertKind::DeviceFault {
                        device_id,
                        fault,
                        message,
                        ..
                    } if *device_id == device.id => Some(DeviceFault {
                        kind: fault.clone(),
                        message: message.clone(),
                        ticket_label: None,
                    }),
                    _ => None,
                })
                .collect();
        }
        Ok(devices)
    }

    /// The device monitor: notes this node's live sockets as contact, then raises or
    /// clears each office's "device offline" alerts, and clears the alerts of revoked
    /// devices. Another node doing the same at once changes nothing twice: an alert that
    /// stands already is not raised again.
    pub async fn check_devices(&self) -> Result<(), QueueError> {
        let now = self.now();
        for id in self.contacts().connected() {
            if self.contacts().seen(id, now) {
                self.store().touch_device(id, now).await?;
            }
        }
        let watched = self.store().watched_devices().await?;
        let mut by_office: HashMap<OfficeId, Vec<(Device, DateTime<Utc>)>> = HashMap::new();
        for (device, created) in watched {
            by_office
                .entry(device.office_id)
                .or_default()
                .push((device, created));
        }
        for office in self.office_ids() {
            let devices = by_office.remove(&office).unwrap_or_default();
            self.check_office_devices(office, &devices, now).await?;
        }
        Ok(())
    }

    async fn check_office_devices(
        &self,
        office: OfficeId,
        devices: &[(Device, DateTime<Utc>)],
        now: DateTime<Utc>,
    ) -> Result<(), QueueError> {
        let mut commands = Vec::new();
        {
            let queue = self.office(office)?;
            let state = queue.lock().await;
            let after = offline_after(state.office.settings.device_offline_after_min);
            for (device, created) in devices {
                let seen = latest(device.last_seen, self.contacts().last_seen(device.id));
                let last = seen.unwrap_or(*created);
                let kind = AlertKind::DeviceOffline {
                    device_id: device.id,
                    device_kind: device.kind,
                    name: device.name.clone(),
                    last_seen: seen,
                };
                let offline = now - last >= after;
                if offline != state.alerts.contains_key(&kind.key()) {
                    commands.push(Command::DeviceAlert {
                        kind,
                        holds: offline,
                    });
                }
            }
            // A revoked (or removed) device's alerts end with it.
            let known: HashSet<DeviceId> = devices.iter().map(|(d, _)| d.id).collect();
            for alert in state.alerts.values() {
                if let AlertKind::DeviceOffline { device_id, .. }
                | AlertKind::DeviceFault { device_id, .. } = &alert.kind
                    && !known.contains(device_id)
                {
                    commands.push(Command::DeviceAlert {
                        kind: alert.kind.clone(),
                        holds: false,
                    });
                }
            }
        }
        for command in commands {
            self.execute(office, command, |_, _| ()).await?;
        }
        Ok(())
    }
}

fn offline_after(minutes: u32) -> chrono::Duration {
    chrono::Duration::minutes(i64::from(minutes.max(1)))
}

fn latest(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    a.max(b)
}
