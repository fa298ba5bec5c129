//! Demo data: one office with four topics in Russian, windows, staff and devices.
//! Contracts can be booked ahead, and the office head receives by appointment on
//! weekday afternoons, so a newcomer can book at once (`/book/1`).

use crate::credentials;
use crate::http::register_device;
use crate::queues::Queues;
use crate::store::{Author, Stamp};
use talon_protocol::api::{DeviceInput, DeviceKind, OfficeInput, Role};
use talon_protocol::booking::{BookingSettings, Reception};
use talon_protocol::{
    DayHours, Norm, Norms, OfficeId, OfficeSettings, Topic, TopicId, WeekSchedule,
};

pub const ADMIN: (&str, &str) = ("admin", "talon-admin");
pub const HEAD: (&str, &str) = ("head", "talon-head");
pub const AGENT_PASSWORD: &str = "talon-agent";

/// What a demo start prints and what the apps need to connect.
#[derive(Debug, Clone)]
pub struct DemoAccess {
    pub office: OfficeId,
    pub kiosk_token: String,
    pub display_token: String,
}

/// Seeds the demo office when the database has no office; in any case issues fresh
/// kiosk and display tokens (only their hashes are stored, so old ones cannot be shown).
pub async fn ensure(queues: &Queues) -> anyhow::Result<DemoAccess> {
    let office = match queues.office_ids().first() {
        Some(id) => *id,
        None => seed(queues).await?,
    };
    let store = queues.store();
    let stamp = demo_stamp(queues);
    for device in store.devices(office).await? {
        if device.name.starts_with("Демо") && !device.revoked {
            store.revoke_device(device.id, &stamp).await?;
        }
    }
    let kiosk = register_device(
        queues,
        office,
        DeviceInput {
            kind: DeviceKind::Kiosk,
            name: "Демо-киоск".into(),
        },
        &stamp.author,
    )
    .await
    .map_err(|e| anyhow::anyhow!(e.message))?;
    let display = register_device(
        queues,
        office,
        DeviceInput {
            kind: DeviceKind::Display,
            name: "Демо-табло".into(),
        },
        &stamp.author,
    )
    .await
    .map_err(|e| anyhow::anyhow!(e.message))?;
    Ok(DemoAccess {
        office,
        kiosk_token: kiosk.token,
        display_token: display.token,
    })
}

/// The demo's changes are the server's own, in the audit log.
fn demo_stamp(queues: &Queues) -> Stamp {
    Stamp {
        author: Author::server("demo"),
        at: queues.now(),
    }
}

async fn seed(queues: &Queues) -> anyhow::Result<OfficeId> {
    let store = queues.store();
    let stamp = demo_stamp(queues);
    let by = &stamp.author;
    // Open around the clock so the demo works whenever someone tries it.
    let office = store
        .create_office(
            OfficeInput {
                name: "Клиентский офис «Центральный»".into(),
                time_zone: chrono_tz::Europe::Moscow.into(),
                schedule: WeekSchedule::every_day(DayHours::new((0, 0), (23, 59))),
                settings: OfficeSettings {
                    issuing_stops_before_close_min: 5,
                    info_line: "Приём ежедневно. Следите за номером своего талона на табло.".into(),
                    ..OfficeSettings::default()
                },
                region_id: None,
            },
            &stamp,
        )
        .await?;
    queues.add_office(office.id).await?;

    let topics = [
        (
            "П",
            "Передача показаний",
            "Meter readings",
            Norms::default(),
        ),
        ("Д", "Договоры", "Contracts", norms(10, 15, 30)),
        (
            "О",
            "Оплата и задолженность",
            "Payments and debts",
            norms(15, 15, 30),
        ),
        ("Ю", "Юридические лица", "Legal entities", norms(5, 10, 30)),
    ];
    let mut ids = Vec::new();
    for (order, (prefix, ru, en, norms)) in topics.into_iter().enumerate() {
        // Contracts take bookings: 20-minute slots, one visitor each.
        let booking = if prefix == "Д" {
            BookingSettings {
                bookable: true,
                slot_min: 20,
                ..BookingSettings::default()
            }
        } else {
            BookingSettings::default()
        };
        let topic = Topic {
            id: TopicId(0),
            office_id: office.id,
            prefix: prefix.into(),
            name_ru: ru.into(),
            name_en: en.into(),
            norms,
            active: true,
            display_order: order as i32,
            booking,
        };
        ids.push(queues.create_topic(office.id, topic, by).await?.id);
    }
    let [readings, contracts, payments, legal] = [ids[0], ids[1], ids[2], ids[3]];
    let windows = [
        ("1", vec![readings, payments]),
        ("2", vec![payments, readings, contracts]),
        ("3", vec![contracts, readings]),
        ("4", vec![legal, contracts]),
    ];
    for (label, topics) in windows {
        queues
            .create_window(office.id, label.into(), topics, by)
            .await?;
    }

    let hash = |p: &'static str| async move {
        tokio::task::spawn_blocking(move || credentials::hash_password(p))
            .await?
            .map_err(|e| anyhow::anyhow!(e.to_string()))
    };
    store
        .create_staff(
            ADMIN.0,
            "Администратор",
            Role::Admin,
            &hash(ADMIN.1).await?,
            &[office.id],
            &stamp,
        )
        .await?;
    let head = store
        .create_staff(
            HEAD.0,
            "Начальник офиса",
            Role::Head,
            &hash(HEAD.1).await?,
            &[office.id],
            &stamp,
        )
        .await?;
    // The head's reception hours (Ch.3 3.3.4): weekdays 14:00–17:00, half an hour each.
    queues
        .put_reception(
            office.id,
            Reception {
                staff_id: head.id,
                office_id: office.id,
                title_ru: "Приём начальника офиса".into(),
                title_en: "Office head's reception".into(),
                topic_id: contracts,
                hours: WeekSchedule::weekdays(DayHours::new((14, 0), (17, 0))),
                booking: BookingSettings {
                    bookable: true,
                    slot_min: 30,
                    ..BookingSettings::default()
                },
            },
            by,
        )
        .await?;
    let agent_hash = hash(AGENT_PASSWORD).await?;
    for (login, name) in [
        ("agent1", "Ольга"),
        ("agent2", "Сергей"),
        ("agent3", "Марина"),
        ("agent4", "Андрей"),
    ] {
        store
            .create_staff(login, name, Role::Agent, &agent_hash, &[office.id], &stamp)
            .await?;
    }
    Ok(office.id)
}

fn norms(wait: u32, service: u32, total: u32) -> Norms {
    Norms {
        wait: Norm::hard_max(wait),
        service: Norm::average(service),
        total: Norm::average(total),
    }
}
