//! Every text the hall display shows, Russian first, English second.

use chrono::{Datelike, NaiveDate, Weekday};
use talon_client::Lang;
use talon_protocol::window::{PAUSED_NOTICE_EN, PAUSED_NOTICE_RU};

/// "А015 → окно 3" / "А015 → window 3".
pub fn call_to_window(lang: Lang, ticket: &str, window: &str) -> String {
    format!("{ticket} → {} {window}", lang.pick("окно", "window"))
}

pub fn new_call(lang: Lang) -> &'static str {
    lang.pick("Новый вызов", "New call")
}

pub fn repeated_call(lang: Lang) -> &'static str {
    lang.pick("Повторный вызов", "Call repeated")
}

pub fn current_call(lang: Lang) -> &'static str {
    lang.pick("Вызов", "Now calling")
}

pub fn no_calls_yet(lang: Lang) -> &'static str {
    lang.pick(
        "Ожидайте вызова на этом табло",
        "Please wait for your number on this screen",
    )
}

pub fn recent_calls(lang: Lang) -> &'static str {
    lang.pick("Предыдущие вызовы", "Previous calls")
}

pub fn queue(lang: Lang) -> &'static str {
    lang.pick("Очередь", "Queue")
}

/// "ждут: 4" / "waiting: 4".
pub fn waiting(lang: Lang, count: u32) -> String {
    format!("{}: {count}", lang.pick("ждут", "waiting"))
}

/// "≈ 12 мин" / "≈ 12 min".
pub fn estimated_wait(lang: Lang, ms: i64) -> String {
    format!("≈ {}", lang.minutes(ms))
}

pub fn no_wait(lang: Lang) -> &'static str {
    lang.pick("без ожидания", "no wait")
}

pub fn no_window_open(lang: Lang) -> &'static str {
    lang.pick("окна закрыты", "no window open")
}

pub fn paused_notice(lang: Lang) -> &'static str {
    lang.pick(PAUSED_NOTICE_RU, PAUSED_NOTICE_EN)
}

/// "Окно 2 — возобновит работу в 11:30" / "Window 2 — back at 11:30"; "Окно 2" without a
/// time.
pub fn paused_window(lang: Lang, window: &str, until: Option<&str>) -> String {
    match until {
        Some(time) => format!(
            "{} {window} — {} {time}",
            lang.pick("Окно", "Window"),
            lang.pick("возобновит работу в", "back at")
        ),
        None => format!("{} {window}", lang.pick("Окно", "Window")),
    }
}

pub fn out_of_turn(lang: Lang) -> &'static str {
    lang.pick("Вне очереди обслуживаются:", "Served out of turn:")
}

pub fn disconnected(lang: Lang) -> &'static str {
    lang.pick("Нет связи с сервером", "No connection to the server")
}

pub fn stale(lang: Lang) -> &'static str {
    lang.pick(
        "Данные могут быть устаревшими",
        "The data may be out of date",
    )
}

pub fn sound_unavailable(lang: Lang) -> &'static str {
    lang.pick(
        "Звук недоступен — вызовы только на экране",
        "Sound unavailable — calls are shown on screen only",
    )
}

pub fn sound_off(lang: Lang) -> &'static str {
    lang.pick("Звук выключен", "Sound off")
}

pub fn connecting(lang: Lang) -> &'static str {
    lang.pick("Подключение к серверу…", "Connecting to the server…")
}

pub fn unreachable(lang: Lang) -> &'static str {
    lang.pick(
        "Сервер недоступен. Повторная попытка через несколько секунд.",
        "The server cannot be reached. Trying again in a few seconds.",
    )
}

pub fn refused(lang: Lang) -> &'static str {
    lang.pick("Сервер отказал:", "The server refused:")
}

pub fn no_office(lang: Lang) -> &'static str {
    lang.pick(
        "Этому табло не назначен офис: проверьте токен табло.",
        "This display has no office: check the display token.",
    )
}

/// "пятница, 20 ноября" / "Friday, 20 November".
pub fn date(lang: Lang, day: NaiveDate) -> String {
    const WEEKDAYS_RU: [&str; 7] = [
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ];
    const MONTHS_RU: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const MONTHS_EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let weekday = day.weekday().num_days_from_monday() as usize;
    let month = day.month0() as usize;
    match lang {
        Lang::Ru => format!(
            "{}, {} {}",
            WEEKDAYS_RU[weekday],
            day.day(),
            MONTHS_RU[month]
        ),
        Lang::En => format!(
            "{}, {} {}",
            english_weekday(day.weekday()),
            day.day(),
            MONTHS_EN[month]
        ),
    }
}

fn english_weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
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
    }
}
