//! The hall display's texts that are put together from parts (a call, a paused window,
//! the date). The words are in `client/locales/*.ftl` under `display-…`; plain texts
//! are looked up where they are shown, with [`talon_client::text`].

use chrono::{Datelike, NaiveDate, Weekday};
use talon_client::texts::whole_minutes;
use talon_client::{Lang, text, text_with};

/// "А015 → окно 3" / "А015 → window 3".
pub fn call_to_window(lang: Lang, ticket: &str, window: &str) -> String {
    text_with(
        lang,
        "display-call-to-window",
        &[("ticket", ticket.into()), ("window", window.into())],
    )
}

/// "ждут: 4" / "waiting: 4".
pub fn waiting(lang: Lang, count: u32) -> String {
    text_with(lang, "display-waiting", &[("count", count.into())])
}

/// "≈ 12 мин" / "≈ 12 min", rounded up.
pub fn estimated_wait(
    lang: Lang,
    ms: i64,
    range: Option<&talon_protocol::forecast::WaitRange>,
) -> String {
    if let Some((low, high)) = talon_client::texts::shown_range(range) {
        return text_with(
            lang,
            "common-wait-range",
            &[("low", low.into()), ("high", high.into())],
        );
    }
    text_with(
        lang,
        "display-estimated-wait",
        &[("minutes", whole_minutes(ms).into())],
    )
}

/// "Окно 2 — возобновит работу в 11:30" / "Window 2 — back at 11:30"; "Окно 2" without a
/// time.
pub fn paused_window(lang: Lang, window: &str, until: Option<&str>) -> String {
    match until {
        Some(time) => text_with(
            lang,
            "display-paused-window",
            &[("window", window.into()), ("time", time.into())],
        ),
        None => text_with(
            lang,
            "display-paused-window-untimed",
            &[("window", window.into())],
        ),
    }
}

/// "Сервер отказал: …" with the server's own message.
pub fn refused(lang: Lang, message: &str) -> String {
    text_with(lang, "display-refused", &[("message", message.into())])
}

/// "пятница, 20 ноября" / "Friday, 20 November".
pub fn date(lang: Lang, day: NaiveDate) -> String {
    let weekday = match day.weekday() {
        Weekday::Mon => "display-weekday-monday",
        Weekday::Tue => "display-weekday-tuesday",
        Weekday::Wed => "display-weekday-wednesday",
        Weekday::Thu => "display-weekday-thursday",
        Weekday::Fri => "display-weekday-friday",
        Weekday::Sat => "display-weekday-saturday",
        Weekday::Sun => "display-weekday-sunday",
    };
    const MONTHS: [&str; 12] = [
        "display-month-january",
        "display-month-february",
        "display-month-march",
        "display-month-april",
        "display-month-may",
        "display-month-june",
        "display-month-july",
        "display-month-august",
        "display-month-september",
        "display-month-october",
        "display-month-november",
        "display-month-december",
    ];
    let month = MONTHS[day.month0() as usize];
    text_with(
        lang,
        "display-date",
        &[
            ("weekday", text(lang, weekday).into()),
            ("day", day.day().into()),
            ("month", text(lang, month).into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_languages() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        assert_eq!(date(Lang::Ru, day), "пятница, 20 ноября");
        assert_eq!(date(Lang::En, day), "Friday, 20 November");
        let day = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        assert_eq!(date(Lang::Ru, day), "понедельник, 1 марта");
    }

    #[test]
    fn calls_and_pauses() {
        assert_eq!(call_to_window(Lang::Ru, "А015", "3"), "А015 → окно 3");
        assert_eq!(call_to_window(Lang::En, "А015", "3"), "А015 → window 3");
        assert_eq!(
            paused_window(Lang::Ru, "2", Some("11:30")),
            "Окно 2 — возобновит работу в 11:30"
        );
        assert_eq!(paused_window(Lang::En, "2", None), "Window 2");
        assert_eq!(estimated_wait(Lang::Ru, 11 * 60_000 + 1, None), "≈ 12 мин");
        let range = talon_protocol::forecast::WaitRange {
            median_ms: 10 * 60_000,
            low_ms: 8 * 60_000,
            high_ms: 14 * 60_000,
        };
        assert_eq!(estimated_wait(Lang::Ru, 0, Some(&range)), "≈ 8–14 мин");
        assert_eq!(estimated_wait(Lang::En, 0, Some(&range)), "≈ 8–14 min");
        assert_eq!(refused(Lang::En, "no"), "The server refused: no");
    }

    #[test]
    fn every_text_the_display_uses_exists_in_every_language() {
        talon_client::texts::assert_every_text_exists(env!("CARGO_MANIFEST_DIR"));
    }
}
