//! What the hall screen shows, worked out from the office mirror: texts in the chosen
//! language, times in the office's time zone. Pure, so the screen code only draws.

use crate::flash::{Flash, bright_phase};
use crate::link::Freshness;
use crate::texts;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::collections::HashSet;
use std::time::Instant;
use talon_client::{Lang, Mirror, text};
use talon_protocol::{CallRecord, WindowState};

/// What the office configured and the operator overrode.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewSettings {
    pub lang: Lang,
    /// How many earlier calls are listed beneath the current one.
    pub recent: usize,
    /// Replaces the office's information line when set.
    pub info: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HallView {
    pub office: String,
    /// "10:00" in the office's time zone.
    pub time: String,
    pub date: String,
    pub current: Option<CurrentCall>,
    pub recent: Vec<CallLine>,
    pub queues: Vec<QueueLine>,
    /// One line per paused window ("Окно 2 — возобновит работу в 11:30").
    pub paused: Vec<String>,
    pub info_line: String,
    pub out_of_turn: Vec<String>,
    pub freshness: Freshness,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CurrentCall {
    /// "А015 → окно 3".
    pub text: String,
    /// "Новый вызов" while flashing, "Вызов" after.
    pub heading: String,
    pub flashing: bool,
    /// Which of the two flashing colours shows now.
    pub bright: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CallLine {
    pub text: String,
    /// When it was called, "10:02".
    pub time: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QueueLine {
    pub prefix: String,
    pub name: String,
    /// "ждут: 4".
    pub waiting: String,
    /// "≈ 12 мин", or why there is no estimate.
    pub wait: String,
}

/// The moment the view is drawn.
pub struct Now<'a> {
    pub utc: DateTime<Utc>,
    pub instant: Instant,
    pub flash: Option<&'a Flash>,
    pub freshness: Freshness,
}

pub fn hall_view(mirror: &Mirror, settings: &ViewSettings, now: Now<'_>) -> HallView {
    let lang = settings.lang;
    let office = &mirror.office.office;
    let zone: Tz = office.time_zone.tz();
    let local = |at: DateTime<Utc>| at.with_timezone(&zone).format("%H:%M").to_string();

    // The newest call of each ticket: a recall or a call at another window replaces the
    // ticket's earlier line instead of listing it twice.
    let mut seen = HashSet::new();
    let calls: Vec<&CallRecord> = mirror
        .office
        .recent_calls
        .iter()
        .filter(|call| seen.insert(call.ticket_id))
        .collect();
    let current = calls.first().map(|call| {
        let flashing = now.flash.is_some_and(|f| f.is_lit(call, now.instant))
            && now.freshness != Freshness::Stale;
        CurrentCall {
            text: texts::call_to_window(lang, &call.label, &call.window_label),
            heading: match (flashing, call.recall) {
                (true, false) => text(lang, "display-new-call"),
                (true, true) => text(lang, "display-repeated-call"),
                (false, _) => text(lang, "display-current-call"),
            },
            flashing,
            bright: bright_phase(now.utc),
        }
    });
    let recent = calls
        .iter()
        .skip(1)
        .take(settings.recent)
        .map(|call| CallLine {
            text: texts::call_to_window(lang, &call.label, &call.window_label),
            time: local(call.at),
        })
        .collect();

    let queues = mirror
        .active_topics()
        .map(|topic| {
            let load = mirror.load(topic.id);
            let waiting = load.map_or(0, |l| l.waiting);
            let wait = match load {
                Some(l) if l.open_windows > 0 && l.waiting == 0 => text(lang, "display-no-wait"),
                Some(l) if l.open_windows > 0 => {
                    texts::estimated_wait(lang, l.estimated_wait_ms, l.wait_range.as_ref())
                }
                _ => text(lang, "display-no-window-open"),
            };
            QueueLine {
                prefix: topic.prefix.clone(),
                name: topic.name(lang.code()).to_string(),
                waiting: texts::waiting(lang, waiting),
                wait,
            }
        })
        .collect();

    let paused = mirror
        .office
        .windows
        .iter()
        .filter(|w| w.state == WindowState::Paused)
        .map(|w| {
            let until = w.pause.as_ref().and_then(|p| p.until).map(local);
            texts::paused_window(lang, &w.label, until.as_deref())
        })
        .collect();

    HallView {
        office: office.name.clone(),
        time: local(now.utc),
        date: texts::date(lang, now.utc.with_timezone(&zone).date_naive()),
        current,
        recent,
        queues,
        paused,
        info_line: settings
            .info
            .clone()
            .unwrap_or_else(|| office.settings.info_line.clone()),
        out_of_turn: office.settings.out_of_turn_categories.clone(),
        freshness: now.freshness,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flash::FLASH_FOR;
    use crate::sample_office::{at, called, mirror, now};
    use talon_protocol::{Pause, WindowState};

    fn settings(lang: Lang, recent: usize) -> ViewSettings {
        ViewSettings {
            lang,
            recent,
            info: None,
        }
    }

    fn view(
        mirror: &Mirror,
        settings: &ViewSettings,
        flash: Option<&Flash>,
        instant: Instant,
    ) -> HallView {
        hall_view(
            mirror,
            settings,
            Now {
                utc: now(),
                instant,
                flash,
                freshness: Freshness::Live,
            },
        )
    }

    #[test]
    fn the_newest_call_is_current_and_earlier_ones_are_listed() {
        let mut office = mirror();
        for (seq, (label, minute)) in [("П001", 0), ("П002", 1), ("Д001", 2), ("П003", 3)]
            .into_iter()
            .enumerate()
        {
            let when = format!("2026-11-20T07:0{minute}:00Z");
            office.apply(&called(
                seq as u64 + 1,
                label,
                seq as u128,
                "2",
                &when,
                false,
            ));
        }
        let shown = view(&office, &settings(Lang::Ru, 2), None, Instant::now());
        assert_eq!(shown.current.as_ref().unwrap().text, "П003 → окно 2");
        assert_eq!(shown.current.as_ref().unwrap().heading, "Вызов");
        let recent: Vec<(&str, &str)> = shown
            .recent
            .iter()
            .map(|l| (l.text.as_str(), l.time.as_str()))
            .collect();
        assert_eq!(
            recent,
            [("Д001 → окно 2", "10:02"), ("П002 → окно 2", "10:01")]
        );
        assert_eq!(shown.time, "10:00");
        assert_eq!(shown.date, "пятница, 20 ноября");
    }

    #[test]
    fn a_recalled_ticket_is_listed_once_and_flashes_as_repeated() {
        let mut office = mirror();
        office.apply(&called(1, "П001", 1, "1", "2026-11-20T07:00:00Z", false));
        office.apply(&called(2, "П002", 2, "2", "2026-11-20T07:01:00Z", false));
        office.apply(&called(3, "П001", 1, "1", "2026-11-20T07:02:00Z", true));
        let start = Instant::now();
        let flash = Flash::new(
            talon_protocol::TicketId(uuid::Uuid::from_u128(1)),
            at("2026-11-20T07:02:00Z"),
            start,
        );
        let shown = view(&office, &settings(Lang::En, 6), Some(&flash), start);
        let current = shown.current.unwrap();
        assert_eq!(current.text, "П001 → window 1");
        assert!(current.flashing);
        assert_eq!(current.heading, "Call repeated");
        let recent: Vec<&str> = shown.recent.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(recent, ["П002 → window 2"]);
        let later = view(
            &office,
            &settings(Lang::En, 6),
            Some(&flash),
            start + FLASH_FOR,
        );
        assert!(!later.current.unwrap().flashing);
    }

    #[test]
    fn a_stale_screen_does_not_flash() {
        let mut office = mirror();
        office.apply(&called(1, "П001", 1, "1", "2026-11-20T07:00:00Z", false));
        let start = Instant::now();
        let flash = Flash::new(
            talon_protocol::TicketId(uuid::Uuid::from_u128(1)),
            at("2026-11-20T07:00:00Z"),
            start,
        );
        let shown = hall_view(
            &office,
            &settings(Lang::Ru, 6),
            Now {
                utc: now(),
                instant: start,
                flash: Some(&flash),
                freshness: Freshness::Stale,
            },
        );
        assert!(!shown.current.unwrap().flashing);
        assert_eq!(shown.freshness, Freshness::Stale);
    }

    #[test]
    fn queues_paused_windows_and_office_information() {
        let mut office = mirror();
        office.office.windows[1].state = WindowState::Paused;
        office.office.windows[1].pause = Some(Pause {
            reason: "обед".into(),
            until: Some(at("2026-11-20T08:30:00Z")),
        });
        office.office.windows[0].state = WindowState::Paused;
        office.office.windows[0].pause = Some(Pause {
            reason: "совещание".into(),
            until: None,
        });
        let shown = view(&office, &settings(Lang::Ru, 6), None, Instant::now());
        assert!(shown.current.is_none());
        assert_eq!(
            shown.paused,
            ["Окно 1", "Окно 2 — возобновит работу в 11:30"],
            "the return time in the office's zone; the reason is not for the hall"
        );
        let queues: Vec<(&str, &str, &str, &str)> = shown
            .queues
            .iter()
            .map(|q| {
                (
                    q.prefix.as_str(),
                    q.name.as_str(),
                    q.waiting.as_str(),
                    q.wait.as_str(),
                )
            })
            .collect();
        assert_eq!(
            queues,
            [
                ("П", "Передача показаний", "ждут: 4", "≈ 8–14 мин"),
                ("Д", "Договоры", "ждут: 0", "окна закрыты"),
            ]
        );
        assert_eq!(shown.info_line, "Приём ежедневно");
        assert_eq!(shown.out_of_turn.len(), 3);
        let replaced = ViewSettings {
            info: Some("Часы работы: 8:00–17:00".into()),
            ..settings(Lang::En, 6)
        };
        let shown = view(&office, &replaced, None, Instant::now());
        assert_eq!(shown.info_line, "Часы работы: 8:00–17:00");
        assert_eq!(shown.queues[0].name, "Meter readings");
        assert_eq!(shown.paused[1], "Window 2 — back at 11:30");
    }
}
