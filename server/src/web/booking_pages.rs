//! The booking pages as HTML: plain links and forms, so booking works with any browser,
//! with or without JavaScript, and a screen reader hears each step as a page of its own.
//!
//! Steps: what to book (a topic or a person's reception) → the day → a free time, with
//! an optional name and phone → the booking (its code, a QR code of its page, an `.ics`
//! file, move, cancel).

use super::pages::{Frame, esc, lang_query, local_time, t, tw};
use super::texts::{Lang, text};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use talon_protocol::booking::{BookingStatus, BookingTarget, BookingView, Slot};

/// Something a visitor can book in an office.
pub struct Bookable {
    pub target: BookingTarget,
    pub name_ru: String,
    pub name_en: String,
}

impl Bookable {
    fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.name_en.trim().is_empty() => &self.name_en,
            _ => &self.name_ru,
        }
    }
}

/// The query part that names a target: `topic=3` or `staff=5`.
pub fn target_query(target: BookingTarget) -> String {
    match target {
        BookingTarget::Topic(topic) => format!("topic={topic}"),
        BookingTarget::Staff(staff) => format!("staff={staff}"),
    }
}

/// "&lang=en" or nothing, to append to a query.
fn and_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "",
        Lang::En => "&lang=en",
    }
}

/// "понедельник, 23 ноября".
pub fn long_date(lang: Lang, day: NaiveDate) -> String {
    text(
        lang,
        &format!("web-weekday-{}", day.weekday().number_from_monday()),
    ) + ", "
        + &super::texts::text_with(
            lang,
            "web-date",
            &[("day", day.day().into()), ("month", day.month().into())],
        )
}

pub use talon_protocol::booking::spaced_code;

/// The page frame of every booking step.
pub struct Page<'a> {
    pub lang: Lang,
    pub office_name: &'a str,
    /// This page's address in the other language.
    pub switch_href: String,
}

impl Page<'_> {
    fn render(&self, title: &str, main: &str) -> String {
        Frame {
            lang: self.lang,
            title,
            heading: self.office_name,
            switch_href: &self.switch_href,
            embed: false,
            footer: &t(self.lang, "web-app-name"),
            body_class: "booking",
        }
        .render(main, "")
    }

    /// Step 1: what to book.
    pub fn choose_target(
        &self,
        office: i64,
        bookables: &[Bookable],
        moving: Option<&str>,
    ) -> String {
        let lang = self.lang;
        let title = text(lang, "web-book-title");
        let mut main = format!("<h1>{}</h1>", esc(&title));
        if bookables.is_empty() {
            main.push_str(&format!(
                r#"<p class="hours">{}</p>"#,
                t(lang, "web-book-none")
            ));
            return self.render(&title, &main);
        }
        main.push_str(&format!(
            r#"<h2>{}</h2><ul class="choices-list">"#,
            t(lang, "web-book-choose-what")
        ));
        let moving = moving
            .map(|code| format!("&move={code}"))
            .unwrap_or_default();
        for bookable in bookables {
            main.push_str(&format!(
                r#"<li><a class="choice" href="/book/{office}?{target}{moving}{lang_part}">{name}</a></li>"#,
                target = target_query(bookable.target),
                lang_part = and_lang(lang),
                name = esc(bookable.name(lang)),
            ));
        }
        main.push_str("</ul>");
        self.render(&title, &main)
    }

    /// Step 2: the day, with the free places of each.
    pub fn choose_day(
        &self,
        office: i64,
        bookable: &Bookable,
        days: &[(NaiveDate, u32)],
        moving: Option<&str>,
    ) -> String {
        let lang = self.lang;
        let title = text(lang, "web-book-title");
        let mut main = format!(
            r#"<h1>{title}</h1><p class="topic">{name}</p><h2>{choose}</h2>"#,
            title = esc(&title),
            name = esc(bookable.name(lang)),
            choose = t(lang, "web-book-choose-day"),
        );
        let moving_part = moving
            .map(|code| format!("&move={code}"))
            .unwrap_or_default();
        let free_days: Vec<_> = days.iter().filter(|(_, free)| *free > 0).collect();
        if free_days.is_empty() {
            main.push_str(&format!(
                r#"<p class="hours">{}</p>"#,
                t(lang, "web-book-no-days")
            ));
        } else {
            main.push_str(r#"<ul class="choices-list">"#);
            for (day, free) in free_days {
                main.push_str(&format!(
                    r#"<li><a class="choice" href="/book/{office}?{target}&day={day}{moving_part}{lang_part}">{date}<span class="free">{free_text}</span></a></li>"#,
                    target = target_query(bookable.target),
                    lang_part = and_lang(lang),
                    date = esc(&long_date(lang, *day)),
                    free_text = tw(lang, "web-book-free", &[("count", (*free).into())]),
                ));
            }
            main.push_str("</ul>");
        }
        main.push_str(&format!(
            r#"<p><a href="/book/{office}{query}">{back}</a></p>"#,
            query = lang_query(lang),
            back = t(lang, "web-book-back"),
        ));
        self.render(&title, &main)
    }

    /// Step 3: a free time, and the contact (or, when moving, only the time).
    pub fn choose_time(
        &self,
        office: i64,
        bookable: &Bookable,
        day: NaiveDate,
        slots: &[Slot],
        tz: Tz,
        moving: Option<&str>,
    ) -> String {
        let lang = self.lang;
        let title = text(lang, "web-book-title");
        let mut main = format!(
            r#"<h1>{title}</h1><p class="topic">{name}</p>"#,
            title = esc(&title),
            name = esc(bookable.name(lang)),
        );
        let free: Vec<&Slot> = slots.iter().filter(|s| s.free > 0).collect();
        let back = format!(
            r#"<p><a href="/book/{office}?{target}{moving}{lang_part}">{back}</a></p>"#,
            target = target_query(bookable.target),
            moving = moving.map(|c| format!("&move={c}")).unwrap_or_default(),
            lang_part = and_lang(lang),
            back = t(lang, "web-book-other-day"),
        );
        if free.is_empty() {
            main.push_str(&format!(
                r#"<p class="hours">{}</p>{back}"#,
                t(lang, "web-book-day-full")
            ));
            return self.render(&title, &main);
        }
        let action = match moving {
            Some(code) => format!("/b/{code}/move"),
            None => format!("/book/{office}"),
        };
        let mut times = String::new();
        for slot in free {
            times.push_str(&format!(
                r#"<label class="slot"><input type="radio" name="start" value="{value}" required><span>{time}</span></label>"#,
                value = esc(&slot.start.to_rfc3339()),
                time = esc(&local_time(slot.start, tz)),
            ));
        }
        let (target_name, target_value) = match bookable.target {
            BookingTarget::Topic(topic) => ("topic", topic.0),
            BookingTarget::Staff(staff) => ("staff", staff.0),
        };
        let contact = if moving.is_some() {
            String::new()
        } else {
            format!(
                r#"<label class="block" for="name">{name_label}</label><input id="name" name="name" type="text" autocomplete="name" maxlength="{name_max}">
<label class="block" for="phone">{phone_label}</label><input id="phone" name="phone" type="tel" autocomplete="tel" maxlength="{phone_max}">
<p class="note" id="consent-text">{consent_text}</p>
<label class="check"><input type="checkbox" name="consent" value="yes" aria-describedby="consent-text"><span>{consent}</span></label>"#,
                name_label = t(lang, "web-book-name"),
                name_max = talon_protocol::limits::NAME,
                phone_label = t(lang, "web-book-phone"),
                phone_max = talon_protocol::limits::PHONE,
                consent_text = t(lang, "web-book-consent-text"),
                consent = t(lang, "web-book-consent"),
            )
        };
        let submit = if moving.is_some() {
            t(lang, "web-book-move-submit")
        } else {
            t(lang, "web-book-submit")
        };
        main.push_str(&format!(
            r#"<form method="post" action="{action}" class="actions">
<input type="hidden" name="{target_name}" value="{target_value}"><input type="hidden" name="lang" value="{lang_code}">
<fieldset><legend>{legend}</legend><div class="slots">{times}</div></fieldset>
{contact}
<button type="submit" id="book">{submit}</button>
</form>{back}"#,
            lang_code = lang.code(),
            legend = tw(lang, "web-book-choose-time", &[("date", long_date(lang, day).into())]),
        ));
        self.render(&title, &main)
    }

    /// The booking: its code, when, what to do at the office, and what can be changed.
    pub fn booking(&self, view: &BookingView, qr_svg: &str, tz: Tz) -> String {
        let lang = self.lang;
        let title = text(lang, "web-booking-title");
        let name = view.title(lang == Lang::En);
        let day = view.start.with_timezone(&tz).date_naive();
        let (state_class, state_text) = match view.status {
            BookingStatus::Booked => ("waiting", t(lang, "web-booking-booked")),
            BookingStatus::CheckedIn => ("called", t(lang, "web-booking-checked-in")),
            BookingStatus::Cancelled => ("ended", t(lang, "web-booking-cancelled")),
            BookingStatus::NoShow => ("ended", t(lang, "web-booking-missed")),
        };
        let code = &view.code;
        let mut main = format!(
            r#"<h1>{title}</h1>
<div class="state {state_class}" role="status"><h2>{state_text}</h2></div>
<p class="ticket-label" id="code-label">{code_label}</p>
<p class="label booking-code" id="code" aria-describedby="code-label">{spaced}</p>
<dl class="facts"><div><dt>{what_label}</dt><dd id="what">{name}</dd></div><div><dt>{when_label}</dt><dd id="when">{date}, {time}</dd></div></dl>"#,
            title = esc(&title),
            code_label = t(lang, "web-booking-code"),
            spaced = esc(&spaced_code(code)),
            what_label = t(lang, "web-booking-what"),
            name = esc(name),
            when_label = t(lang, "web-booking-when"),
            date = esc(&long_date(lang, day)),
            time = esc(&local_time(view.start, tz)),
        );
        if view.status == BookingStatus::Booked {
            main.push_str(&format!(
                r#"<p class="hint" id="check-in">{hint}</p>
<figure class="qr"><div role="img" aria-label="{qr_label}">{qr_svg}</div></figure>
<p class="actions"><a class="button secondary" href="/b/{code}/calendar.ics" download="talon-{code}.ics">{calendar}</a></p>
<p class="actions"><a class="button secondary" id="move" href="/book/{office}?{target}&move={code}{lang_part}">{move_text}</a></p>
<p class="actions"><a class="button danger" id="cancel" href="/b/{code}/cancel{query}">{cancel}</a></p>"#,
                hint = tw(
                    lang,
                    "web-booking-check-in",
                    &[
                        ("from", local_time(view.check_in_from, tz).into()),
                        ("until", local_time(view.check_in_until, tz).into()),
                    ]
                ),
                qr_label = t(lang, "web-booking-qr"),
                calendar = t(lang, "web-booking-calendar"),
                office = view.office_id,
                target = target_query(view.target),
                lang_part = and_lang(lang),
                move_text = t(lang, "web-booking-move"),
                query = lang_query(lang),
                cancel = t(lang, "web-booking-cancel"),
            ));
        }
        self.render(&title, &main)
    }

    /// The question before a cancellation.
    pub fn confirm_cancel(&self, view: &BookingView, tz: Tz) -> String {
        let lang = self.lang;
        let title = text(lang, "web-booking-cancel-title");
        let main = format!(
            r#"<h1>{title}</h1><p class="hours">{question}</p>
<form method="post" action="/b/{code}/cancel" class="actions"><input type="hidden" name="lang" value="{lang_code}">
<div class="choices"><button type="submit" class="danger" id="cancel-yes">{yes}</button><a class="button secondary" href="/b/{code}{query}" id="cancel-no">{no}</a></div></form>"#,
            title = esc(&title),
            question = tw(
                lang,
                "web-booking-cancel-question",
                &[
                    (
                        "date",
                        long_date(lang, view.start.with_timezone(&tz).date_naive()).into()
                    ),
                    ("time", local_time(view.start, tz).into()),
                ]
            ),
            code = view.code,
            lang_code = lang.code(),
            yes = t(lang, "web-booking-cancel-yes"),
            query = lang_query(lang),
            no = t(lang, "web-booking-cancel-no"),
        );
        self.render(&title, &main)
    }

    /// A booking step refused (the slot was taken meanwhile, a contact without consent):
    /// the reason, and the way back.
    pub fn refused(&self, message: &str, back_href: &str) -> String {
        let lang = self.lang;
        let title = text(lang, "web-book-refused-title");
        let main = format!(
            r#"<h1>{title}</h1><p class="error" role="alert">{message}</p><p><a class="button" href="{back}">{back_text}</a></p>"#,
            title = esc(&title),
            message = esc(message),
            back = esc(back_href),
            back_text = t(lang, "web-book-try-again"),
        );
        self.render(&title, &main)
    }
}

/// The booking as a calendar file (RFC 5545), to add it to the visitor's calendar.
pub fn calendar(view: &BookingView, summary: &str, now: DateTime<Utc>) -> String {
    let stamp = |at: DateTime<Utc>| at.format("%Y%m%dT%H%M%SZ").to_string();
    // Commas, semicolons and backslashes are escaped in text values; lines end in CRLF.
    let text = |raw: &str| {
        raw.replace('\\', "\\\\")
            .replace(';', "\\;")
            .replace(',', "\\,")
            .replace(['\r', '\n'], " ")
    };
    [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Talon//Booking//RU".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{}@talon", view.code),
        format!("DTSTAMP:{}", stamp(now)),
        format!("DTSTART:{}", stamp(view.start)),
        format!("DTEND:{}", stamp(view.end)),
        format!("SUMMARY:{}", text(summary)),
        format!("LOCATION:{}", text(&view.office_name)),
        format!("DESCRIPTION:{}", text(&spaced_code(&view.code))),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ]
    .join("\r\n")
        + "\r\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_codes_read_well_in_both_languages() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(long_date(Lang::Ru, day), "понедельник, 23 ноября");
        assert_eq!(long_date(Lang::En, day), "Monday, 23 November");
        assert_eq!(spaced_code("12345678"), "1234 5678");
    }
}
