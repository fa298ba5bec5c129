//! Words and numbers as the desk shows them: window states, alerts and errors put together
//! from the texts in `client/locales/*.ftl` (`desk-…`), minutes and shares.

use chrono::{DateTime, Utc};
use talon_client::{ClientError, Lang, text, text_with};
use talon_protocol::api::DeviceKind;
use talon_protocol::{Alert, AlertKind, Snapshot, TopicId, WindowId, WindowState};

/// A window state in words.
pub fn window_state(lang: Lang, state: WindowState) -> String {
    match state {
        WindowState::Closed => text(lang, "desk-window-closed"),
        WindowState::Idle => text(lang, "desk-window-idle"),
        WindowState::Calling => text(lang, "desk-window-calling"),
        WindowState::Serving => text(lang, "desk-window-serving"),
        WindowState::Paused => text(lang, "desk-window-paused"),
    }
}

/// A topic's name in the app's language, or its id when the mirror does not know it.
pub fn topic_name(office: &Snapshot, topic: TopicId, lang: Lang) -> String {
    office
        .topics
        .iter()
        .find(|t| t.id == topic)
        .map(|t| t.name(lang.code()).to_string())
        .unwrap_or_else(|| format!("#{topic}"))
}

pub fn topic_prefix(office: &Snapshot, topic: TopicId) -> String {
    office
        .topics
        .iter()
        .find(|t| t.id == topic)
        .map(|t| t.prefix.clone())
        .unwrap_or_else(|| format!("#{topic}"))
}

pub fn window_label(office: &Snapshot, window: WindowId) -> String {
    office
        .windows
        .iter()
        .find(|w| w.id == window)
        .map(|w| w.label.clone())
        .unwrap_or_else(|| format!("#{window}"))
}

/// What an alert is about, in one sentence.
pub fn alert(lang: Lang, alert: &Alert, office: &Snapshot) -> String {
    match &alert.kind {
        AlertKind::WaitBreach {
            label, topic_id, ..
        } => text_with(
            lang,
            "desk-alert-wait-breach",
            &[
                ("ticket", label.as_str().into()),
                ("topic", topic_name(office, *topic_id, lang).into()),
            ],
        ),
        AlertKind::LongQueue { topic_id, waiting } => text_with(
            lang,
            "desk-alert-long-queue",
            &[
                ("topic", topic_name(office, *topic_id, lang).into()),
                ("count", (*waiting).into()),
            ],
        ),
        AlertKind::IdleWindow { window_id } => text_with(
            lang,
            "desk-alert-idle-window",
            &[("window", window_label(office, *window_id).into())],
        ),
        AlertKind::ServiceBreach {
            label, window_id, ..
        } => text_with(
            lang,
            "desk-alert-service-breach",
            &[
                ("ticket", label.as_str().into()),
                ("window", window_label(office, *window_id).into()),
            ],
        ),
        AlertKind::PoorRating {
            label,
            window_id,
            rating,
            ..
        } => text_with(
            lang,
            "desk-alert-poor-rating",
            &[
                (
                    "rating",
                    text_with(lang, "desk-rating-word", &[("rating", (*rating).into())]).into(),
                ),
                ("ticket", label.as_str().into()),
                (
                    "window",
                    window_id
                        .map_or_else(|| "—".into(), |w| window_label(office, w))
                        .into(),
                ),
            ],
        ),
        // Offline since its last contact, in the office's time; a device never heard
        // from has none.
        AlertKind::DeviceOffline {
            device_kind,
            name,
            last_seen,
            ..
        } => match last_seen {
            Some(seen) => text_with(
                lang,
                "desk-alert-device-offline-since",
                &[
                    ("kind", device_kind_name(lang, *device_kind).into()),
                    ("device", name.as_str().into()),
                    ("since", local_time(office, *seen).into()),
                ],
            ),
            None => text_with(
                lang,
                "desk-alert-device-offline",
                &[
                    ("kind", device_kind_name(lang, *device_kind).into()),
                    ("device", name.as_str().into()),
                ],
            ),
        },
        AlertKind::DeviceFault {
            device_kind,
            name,
            fault,
            message,
            ..
        } => text_with(
            lang,
            "desk-alert-device-fault",
            &[
                ("kind", device_kind_name(lang, *device_kind).into()),
                ("device", name.as_str().into()),
                ("fault", fault_name(lang, fault).into()),
                ("message", message.as_str().into()),
            ],
        ),
    }
}

/// "Киоск", "Экран".
pub fn device_kind_name(lang: Lang, kind: DeviceKind) -> String {
    match kind {
        DeviceKind::Kiosk => text(lang, "desk-device-kiosk"),
        DeviceKind::Display => text(lang, "desk-device-display"),
    }
}

/// "принтер" for a fault kind the desk knows, the kind as sent otherwise.
pub fn fault_name(lang: Lang, kind: &str) -> String {
    match kind {
        "printer" => text(lang, "desk-device-fault-printer"),
        "audio" => text(lang, "desk-device-fault-audio"),
        other => other.to_string(),
    }
}

/// A mean rating with two decimals, "—" without ratings.
pub fn rating(value: Option<f64>) -> String {
    value.map_or_else(|| "—".into(), |v| format!("{v:.2}"))
}

/// An average or percentile in minutes with one decimal, "—" when unknown.
pub fn minutes_1(lang: Lang, ms: Option<i64>) -> String {
    match ms {
        Some(ms) => text_with(
            lang,
            "common-minutes",
            &[("minutes", format!("{:.1}", ms as f64 / 60_000.0).into())],
        ),
        None => "—".into(),
    }
}

/// A time in hours with one decimal (how far ahead visitors book), "—" when unknown.
pub fn hours_1(lang: Lang, ms: Option<i64>) -> String {
    match ms {
        Some(ms) => text_with(
            lang,
            "common-hours",
            &[("hours", format!("{:.1}", ms as f64 / 3_600_000.0).into())],
        ),
        None => "—".into(),
    }
}

/// A file's size in kilobytes, one decimal ("12.3 КБ").
pub fn file_size(lang: Lang, bytes: usize) -> String {
    text_with(
        lang,
        "desk-files-size",
        &[("kb", format!("{:.1}", bytes as f64 / 1024.0).into())],
    )
}

/// A share 0..1 in whole percent, "—" when unknown.
pub fn share(value: Option<f64>) -> String {
    match value {
        Some(v) => format!("{:.0} %", v * 100.0),
        None => "—".into(),
    }
}

/// Local wall time "14:05" of an instant in the office's zone.
pub fn local_time(office: &Snapshot, at: DateTime<Utc>) -> String {
    at.with_timezone(&office.office.time_zone.tz())
        .format("%H:%M")
        .to_string()
}

/// What went wrong with a request, for the person at the desk. A refusal is the
/// server's own message.
pub fn client_error(lang: Lang, error: &ClientError) -> String {
    match error {
        ClientError::Refused { message, .. } => text_with(
            lang,
            "desk-error-refused",
            &[("message", message.as_str().into())],
        ),
        ClientError::Unreachable(_) => text(lang, "desk-error-unreachable"),
        ClientError::Protocol(detail) => text_with(
            lang,
            "desk-error-protocol",
            &[("detail", detail.as_str().into())],
        ),
    }
}

/// Whether the server no longer accepts our token.
pub fn is_signed_out(error: &ClientError) -> bool {
    matches!(error, ClientError::Refused { status: 401, .. })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;

    #[test]
    fn alerts_read_as_sentences() {
        let mut office = office_with_topics();
        office.windows.push(window(2, &[1]));
        let wait = Alert::new(
            "x".into(),
            AlertKind::WaitBreach {
                ticket_id: ticket("П001", 1, 0).id,
                label: "П001".into(),
                topic_id: TopicId(1),
            },
            now(),
        );
        assert_eq!(
            alert(Lang::Ru, &wait, &office),
            "Талон П001 ждёт дольше нормы (Передача показаний)"
        );
        let idle = Alert::new(
            "y".into(),
            AlertKind::IdleWindow {
                window_id: WindowId(2),
            },
            now(),
        );
        assert_eq!(
            alert(Lang::En, &idle, &office),
            "Window 2 is idle while people wait"
        );
    }

    #[test]
    fn device_alerts_read_as_sentences() {
        let office = office_with_topics();
        let offline = Alert::new(
            "d".into(),
            AlertKind::DeviceOffline {
                device_id: talon_protocol::DeviceId(3),
                device_kind: DeviceKind::Kiosk,
                name: "Вход".into(),
                last_seen: None,
            },
            now() + chrono::Duration::minutes(45),
        );
        assert_eq!(
            alert(Lang::Ru, &offline, &office),
            "Киоск «Вход» не на связи"
        );
        let since = Alert {
            kind: AlertKind::DeviceOffline {
                device_id: talon_protocol::DeviceId(3),
                device_kind: DeviceKind::Kiosk,
                name: "Вход".into(),
                last_seen: Some(now()),
            },
            ..offline.clone()
        };
        assert_eq!(
            alert(Lang::Ru, &since, &office),
            format!("Киоск «Вход» не на связи с {}", local_time(&office, now()))
        );
        let fault = Alert::new(
            "f".into(),
            AlertKind::DeviceFault {
                device_id: talon_protocol::DeviceId(3),
                device_kind: DeviceKind::Kiosk,
                name: "Вход".into(),
                fault: "printer".into(),
                message: "нет бумаги".into(),
            },
            now(),
        );
        assert_eq!(
            alert(Lang::Ru, &fault, &office),
            "Киоск «Вход»: принтер — нет бумаги"
        );
        assert_eq!(
            alert(Lang::En, &offline, &office),
            "Kiosk “Вход” is offline"
        );
    }

    #[test]
    fn every_text_the_desk_uses_exists_in_every_language() {
        talon_client::texts::assert_every_text_exists(env!("CARGO_MANIFEST_DIR"));
    }

    #[test]
    fn errors_and_window_states_in_words() {
        let refused = ClientError::Refused {
            status: 409,
            code: "x".into(),
            message: "окно занято".into(),
            next_opening: None,
        };
        assert_eq!(
            client_error(Lang::Ru, &refused),
            "Сервер отказал: окно занято"
        );
        assert_eq!(
            client_error(Lang::En, &ClientError::Protocol("bad json".into())),
            "Unexpected answer from the server (bad json). Update the app."
        );
        assert_eq!(window_state(Lang::Ru, WindowState::Paused), "перерыв");
        assert_eq!(window_state(Lang::En, WindowState::Idle), "free");
    }

    #[test]
    fn numbers() {
        assert_eq!(minutes_1(Lang::Ru, Some(450_000)), "7.5 мин");
        assert_eq!(minutes_1(Lang::En, None), "—");
        assert_eq!(share(Some(0.875)), "88 %");
        assert_eq!(local_time(&office_with_topics(), now()), "10:00");
    }
}
