//! Words and numbers as the desk shows them, Russian first, English second.

use chrono::{DateTime, Utc};
use talon_client::{ClientError, Lang};
use talon_protocol::{Alert, AlertKind, Snapshot, TopicId, WindowId, WindowState};

/// A window state in words.
pub fn window_state(lang: Lang, state: WindowState) -> &'static str {
    match state {
        WindowState::Closed => lang.pick("закрыто", "closed"),
        WindowState::Idle => lang.pick("свободно", "free"),
        WindowState::Calling => lang.pick("вызов", "calling"),
        WindowState::Serving => lang.pick("обслуживание", "serving"),
        WindowState::Paused => lang.pick("перерыв", "on a break"),
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
        } => match lang {
            Lang::Ru => format!(
                "Талон {label} ждёт дольше нормы ({})",
                topic_name(office, *topic_id, lang)
            ),
            Lang::En => format!(
                "Ticket {label} has waited past the norm ({})",
                topic_name(office, *topic_id, lang)
            ),
        },
        AlertKind::LongQueue { topic_id, waiting } => match lang {
            Lang::Ru => format!(
                "Длинная очередь: {} — ждут {waiting}",
                topic_name(office, *topic_id, lang)
            ),
            Lang::En => format!(
                "Long queue: {} — {waiting} waiting",
                topic_name(office, *topic_id, lang)
            ),
        },
        AlertKind::IdleWindow { window_id } => match lang {
            Lang::Ru => format!(
                "Окно {} простаивает, а клиенты ждут",
                window_label(office, *window_id)
            ),
            Lang::En => format!(
                "Window {} is idle while people wait",
                window_label(office, *window_id)
            ),
        },
        AlertKind::ServiceBreach {
            label, window_id, ..
        } => match lang {
            Lang::Ru => format!(
                "Обслуживание талона {label} в окне {} дольше нормы",
                window_label(office, *window_id)
            ),
            Lang::En => format!(
                "Service of ticket {label} at window {} is past the norm",
                window_label(office, *window_id)
            ),
        },
    }
}

/// An average or percentile in minutes with one decimal, "—" when unknown.
pub fn minutes_1(lang: Lang, ms: Option<i64>) -> String {
    match ms {
        Some(ms) => format!("{:.1} {}", ms as f64 / 60_000.0, lang.pick("мин", "min")),
        None => "—".into(),
    }
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
    match office.office.time_zone.parse::<chrono_tz::Tz>() {
        Ok(zone) => at.with_timezone(&zone).format("%H:%M").to_string(),
        Err(_) => at.format("%H:%M UTC").to_string(),
    }
}

/// What went wrong with a request, for the person at the desk. A refusal is the
/// server's own message.
pub fn client_error(lang: Lang, error: &ClientError) -> String {
    match error {
        ClientError::Refused { message, .. } => match lang {
            Lang::Ru => format!("Сервер отказал: {message}"),
            Lang::En => format!("The server refused: {message}"),
        },
        ClientError::Unreachable(_) => lang
            .pick(
                "Нет связи с сервером. Проверьте сеть и повторите.",
                "The server cannot be reached. Check the network and try again.",
            )
            .into(),
        ClientError::Protocol(detail) => match lang {
            Lang::Ru => format!("Непонятный ответ сервера ({detail}). Обновите приложение."),
            Lang::En => format!("Unexpected answer from the server ({detail}). Update the app."),
        },
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
        let wait = Alert {
            id: "x".into(),
            kind: AlertKind::WaitBreach {
                ticket_id: ticket("П001", 1, 0).id,
                label: "П001".into(),
                topic_id: TopicId(1),
            },
            raised_at: now(),
        };
        assert_eq!(
            alert(Lang::Ru, &wait, &office),
            "Талон П001 ждёт дольше нормы (Передача показаний)"
        );
        let idle = Alert {
            id: "y".into(),
            kind: AlertKind::IdleWindow {
                window_id: WindowId(2),
            },
            raised_at: now(),
        };
        assert_eq!(
            alert(Lang::En, &idle, &office),
            "Window 2 is idle while people wait"
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(minutes_1(Lang::Ru, Some(450_000)), "7.5 мин");
        assert_eq!(minutes_1(Lang::En, None), "—");
        assert_eq!(share(Some(0.875)), "88 %");
        assert_eq!(local_time(&office_with_topics(), now()), "10:00");
    }
}
