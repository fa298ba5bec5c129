//! What the kiosk screens need from the live office, read once per frame: the office's
//! name and time zone, the out-of-turn categories, and each active topic with its load.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use talon_client::{Lang, Mirror, text_with};
use talon_protocol::TopicId;

#[derive(Debug, Clone, PartialEq)]
pub struct OfficeView {
    pub name: String,
    pub time_zone: Tz,
    pub out_of_turn_categories: Vec<String>,
    pub topics: Vec<TopicView>,
    /// Visitors can book ahead here (a bookable topic or a person's reception): the home
    /// screen offers check-in.
    pub takes_bookings: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicView {
    pub id: TopicId,
    pub prefix: String,
    pub name_ru: String,
    pub name_en: String,
    pub waiting: u32,
    pub estimated_wait_ms: i64,
    /// The server's forecast for a ticket taken now.
    pub wait_range: Option<talon_protocol::forecast::WaitRange>,
}

impl TopicView {
    pub fn name(&self, lang: Lang) -> &str {
        topic_name(lang, &self.name_ru, &self.name_en)
    }
}

/// A topic's name as the office set it: Russian, or English in English when there is one.
pub fn topic_name<'a>(lang: Lang, name_ru: &'a str, name_en: &'a str) -> &'a str {
    match lang {
        Lang::Ru => name_ru,
        _ if name_en.is_empty() => name_ru,
        _ => name_en,
    }
}

/// A category of visitors served out of turn. The office setting holds one line per
/// category; a line may carry both languages as "русский текст | English text" (the
/// English part serves every language but Russian).
pub fn category(lang: Lang, line: &str) -> &str {
    match line.split_once(" | ") {
        Some((ru, en)) => topic_name(lang, ru.trim(), en.trim()),
        None => line.trim(),
    }
}

impl OfficeView {
    pub fn from_mirror(mirror: &Mirror) -> OfficeView {
        let office = &mirror.office.office;
        let topics = mirror
            .active_topics()
            .map(|topic| {
                let load = mirror.load(topic.id);
                TopicView {
                    id: topic.id,
                    prefix: topic.prefix.clone(),
                    name_ru: topic.name_ru.clone(),
                    name_en: topic.name_en.clone(),
                    waiting: load.map_or(0, |l| l.waiting),
                    estimated_wait_ms: load.map_or(0, |l| l.estimated_wait_ms),
                    wait_range: load.and_then(|l| l.wait_range),
                }
            })
            .collect();
        OfficeView {
            name: office.name.clone(),
            time_zone: office.time_zone.tz(),
            out_of_turn_categories: office.settings.out_of_turn_categories.clone(),
            topics,
            takes_bookings: mirror
                .office
                .topics
                .iter()
                .any(|t| t.active && t.booking.bookable)
                || mirror.office.receptions.iter().any(|r| r.booking.bookable),
        }
    }

    pub fn topic(&self, id: TopicId) -> Option<&TopicView> {
        self.topics.iter().find(|t| t.id == id)
    }
}

/// "10:05" in the office's zone.
pub fn clock(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone).format("%H:%M").to_string()
}

/// "20.11.2026 10:05" in the office's zone.
pub fn date_time(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone).format("%d.%m.%Y %H:%M").to_string()
}

/// When issuing opens again, as a visitor says it: "сегодня в 14:00", "завтра в 08:00",
/// or "23.11.2026 в 08:00", in the office's zone.
pub fn opening(lang: Lang, at: DateTime<Utc>, now: DateTime<Utc>, zone: Tz) -> String {
    let at = at.with_timezone(&zone);
    let today = now.with_timezone(&zone).date_naive();
    let time = at.format("%H:%M").to_string();
    let time = ("time", time.as_str().into());
    if at.date_naive() == today {
        text_with(lang, "kiosk-opening-today", &[time])
    } else if Some(at.date_naive()) == today.succ_opt() {
        text_with(lang, "kiosk-opening-tomorrow", &[time])
    } else {
        let date = at.format("%d.%m.%Y").to_string();
        text_with(
            lang,
            "kiosk-opening-date",
            &[("date", date.as_str().into()), time],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(raw: &str) -> DateTime<Utc> {
        raw.parse().unwrap()
    }

    #[test]
    fn times_are_shown_in_the_office_zone() {
        let now = utc("2026-11-20T07:00:00Z");
        assert_eq!(clock(now, chrono_tz::Europe::Moscow), "10:00");
        assert_eq!(clock(now, chrono_tz::Asia::Barnaul), "14:00");
        assert_eq!(
            date_time(now, chrono_tz::Europe::Kaliningrad),
            "20.11.2026 09:00"
        );
    }

    #[test]
    fn the_next_opening_is_said_as_a_visitor_says_it() {
        let zone = chrono_tz::Europe::Moscow;
        let now = utc("2026-11-20T20:56:00Z"); // 23:56 Moscow
        assert_eq!(
            opening(Lang::Ru, utc("2026-11-20T21:00:00Z"), now, zone),
            "завтра в 00:00"
        );
        assert_eq!(
            opening(Lang::En, utc("2026-11-20T20:58:00Z"), now, zone),
            "today at 23:58"
        );
        assert_eq!(
            opening(Lang::Ru, utc("2026-11-23T05:00:00Z"), now, zone),
            "23.11.2026 в 08:00"
        );
    }

    #[test]
    fn a_category_line_may_carry_both_languages() {
        let line = "Инвалиды I и II групп | Disabled people (groups I and II)";
        assert_eq!(category(Lang::Ru, line), "Инвалиды I и II групп");
        assert_eq!(
            category(Lang::En, line),
            "Disabled people (groups I and II)"
        );
        assert_eq!(category(Lang::En, "Ветераны"), "Ветераны");
        assert_eq!(topic_name(Lang::En, "Договоры", ""), "Договоры");
    }

    #[test]
    fn every_text_the_kiosk_uses_exists_in_every_language() {
        talon_client::texts::assert_every_text_exists(env!("CARGO_MANIFEST_DIR"));
    }
}
