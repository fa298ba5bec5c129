//! The visitor pages as HTML: written out here with every value escaped, the styles and
//! scripts embedded in the binary (`assets/`) and inlined, so a page is one request and
//! needs nothing from elsewhere.

use super::texts::{Arg, Lang, text, text_with, whole_minutes};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use talon_protocol::TicketStatus;
use talon_protocol::api::{CancelKind, PublicOffice, PublicTicketStatus};

const CSS: &str = include_str!("assets/page.css");
const TICKET_JS: &str = include_str!("assets/ticket.js");
const BOARD_JS: &str = include_str!("assets/board.js");

/// Text made safe for HTML content and attribute values.
pub fn esc(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON for a `<script type="application/json">` block: `<` escaped, so no text in it
/// can close the script element.
fn script_json(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

pub(super) fn t(lang: Lang, id: &str) -> String {
    esc(&text(lang, id))
}

pub(super) fn tw(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    esc(&text_with(lang, id, args))
}

pub(super) fn local_time(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%H:%M").to_string()
}

/// The page around `body`: language, viewport, styles, header with the language switch
/// (left out when embedded), footer.
pub(super) struct Frame<'a> {
    pub lang: Lang,
    pub title: &'a str,
    /// The header's line (the office's name).
    pub heading: &'a str,
    /// The address of this page in the other language.
    pub switch_href: &'a str,
    pub embed: bool,
    pub footer: &'a str,
    pub body_class: &'a str,
}

impl Frame<'_> {
    pub(super) fn render(&self, main: &str, scripts: &str) -> String {
        let lang = self.lang;
        let other = lang.other();
        let header = if self.embed {
            String::new()
        } else {
            format!(
                r#"<header class="top"><div class="wrap"><p>{heading}</p><nav aria-label="{lang_label}"><a href="{href}" hreflang="{other}" lang="{other}">{switch}</a></nav></div></header>"#,
                heading = esc(self.heading),
                lang_label = esc(&text(other, "web-switch-language")),
                href = esc(self.switch_href),
                other = other.code(),
                switch = t(lang, "web-switch-language"),
            )
        };
        let footer = if self.embed {
            String::new()
        } else {
            format!(
                r#"<footer><div class="wrap">{}</div></footer>"#,
                self.footer
            )
        };
        format!(
            r#"<!doctype html>
<html lang="{code}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<style>{CSS}</style>
</head>
<body class="{body_class}">
{header}
<main class="wrap" id="main">
{main}
</main>
{footer}
{scripts}
</body>
</html>
"#,
            code = lang.code(),
            title = esc(self.title),
            body_class = esc(self.body_class),
        )
    }
}

// ---- the ticket page ----

/// The tab's title: the call when called (seen in a background tab), else the ticket.
pub fn ticket_title(lang: Lang, status: &PublicTicketStatus) -> String {
    match (&status.status, &status.window_label) {
        (TicketStatus::Called, Some(window)) => text_with(
            lang,
            "web-ticket-title-called",
            &[
                ("window", window.as_str().into()),
                ("ticket", status.label.as_str().into()),
            ],
        ),
        _ => text_with(
            lang,
            "web-ticket-title",
            &[
                ("ticket", status.label.as_str().into()),
                ("office", status.office_name.as_str().into()),
            ],
        ),
    }
}

fn topic_name(lang: Lang, status: &PublicTicketStatus) -> &str {
    match lang {
        Lang::En if !status.topic_name_en.trim().is_empty() => &status.topic_name_en,
        _ => &status.topic_name_ru,
    }
}

/// The part of the page that follows the ticket: topic, state in words, people ahead,
/// the estimated wait.
pub fn ticket_live(lang: Lang, status: &PublicTicketStatus, tz: Tz) -> String {
    let topic = topic_name(lang, status);
    let window = status.window_label.as_deref().unwrap_or("—");
    let state = |class: &str, heading: String, hint: Option<String>, role: &str| {
        let hint = hint.map(|h| format!("<p>{h}</p>")).unwrap_or_default();
        format!(r#"<div class="state {class}"{role}><h2>{heading}</h2>{hint}</div>"#)
    };
    let mut html = format!(
        r#"<p class="topic"><span class="visually-hidden">{label}: </span>{topic}</p>"#,
        label = t(lang, "web-topic"),
        topic = esc(topic),
    );
    match status.status {
        TicketStatus::Waiting => {
            let (class, heading, hint) = if status.soon {
                (
                    "soon",
                    t(lang, "web-state-soon"),
                    Some(t(lang, "web-state-soon-hint")),
                )
            } else {
                ("waiting", t(lang, "web-state-waiting"), None)
            };
            html.push_str(&state(class, heading, hint, ""));
            if let Some(window) = &status.transferred_to_window {
                html.push_str(&format!(
                    r#"<p class="transfer">{}</p>"#,
                    tw(
                        lang,
                        "web-state-transferred-window",
                        &[("window", window.as_str().into())]
                    )
                ));
            } else if status.transferred {
                html.push_str(&format!(
                    r#"<p class="transfer">{}</p>"#,
                    tw(lang, "web-state-transferred", &[("topic", topic.into())])
                ));
            }
            let ahead = status.people_ahead.unwrap_or(0);
            let ahead_text = if ahead == 0 {
                t(lang, "web-nobody-ahead")
            } else {
                tw(lang, "web-people", &[("people", ahead.into())])
            };
            let wait = wait_text(
                lang,
                status.estimated_wait_ms.unwrap_or(0),
                status.wait_range.as_ref(),
            );
            html.push_str(&format!(
                r#"<dl class="facts"><div><dt>{ahead_label}</dt><dd id="ahead">{ahead_text}</dd></div><div><dt>{wait_label}</dt><dd id="wait">{wait}</dd></div></dl>"#,
                ahead_label = t(lang, "web-people-ahead"),
                wait_label = t(lang, "web-estimated-wait"),
            ));
        }
        TicketStatus::Called => {
            let hint = if status.recalls > 0 {
                format!(
                    "{} · {}",
                    t(lang, "web-state-recalled"),
                    t(lang, "web-state-called-hint")
                )
            } else {
                t(lang, "web-state-called-hint")
            };
            html.push_str(&state(
                "called",
                tw(lang, "web-state-called", &[("window", window.into())]),
                Some(hint),
                r#" role="alert""#,
            ));
        }
        TicketStatus::Serving => html.push_str(&state(
            "serving",
            tw(lang, "web-state-serving", &[("window", window.into())]),
            None,
            "",
        )),
        TicketStatus::Postponed => {
            let time = status
                .postponed_until
                .map(|at| local_time(at, tz))
                .unwrap_or_default();
            html.push_str(&state(
                "postponed",
                tw(lang, "web-state-postponed", &[("time", time.into())]),
                Some(t(lang, "web-state-postponed-hint")),
                "",
            ));
        }
        TicketStatus::Done => html.push_str(&state(
            "ended",
            t(lang, "web-state-done"),
            Some(t(lang, "web-state-done-hint")),
            "",
        )),
        TicketStatus::NoShow => html.push_str(&state(
            "ended",
            t(lang, "web-state-no-show"),
            Some(t(lang, "web-state-no-show-hint")),
            "",
        )),
        TicketStatus::Cancelled => {
            let (heading, hint) = match status.cancelled {
                Some(CancelKind::VisitorLeft) => (t(lang, "web-state-left"), None),
                Some(CancelKind::ServiceDayEnded) => (
                    t(lang, "web-state-day-ended"),
                    Some(t(lang, "web-state-day-ended-hint")),
                ),
                _ => (t(lang, "web-state-cancelled"), None),
            };
            html.push_str(&state("ended", heading, hint, ""));
        }
    }
    html
}

/// What the visitor can do now, and a key that changes only when that changes (so the
/// page keeps a half-filled form while the queue moves).
pub fn ticket_actions(lang: Lang, status: &PublicTicketStatus) -> (&'static str, String) {
    if status.can_leave {
        let html = format!(
            r#"<div class="actions"><button type="button" class="danger" id="leave">{leave}</button><p class="error" id="leave-error" role="alert"></p></div>
<dialog id="leave-dialog" aria-labelledby="leave-question"><form method="dialog"><p id="leave-question">{question}</p><div class="choices"><button value="yes" class="danger" id="leave-yes">{yes}</button><button value="no" class="secondary" id="leave-no" autofocus>{no}</button></div></form></dialog>"#,
            leave = t(lang, "web-leave"),
            question = t(lang, "web-leave-question"),
            yes = t(lang, "web-leave-yes"),
            no = t(lang, "web-leave-no"),
        );
        return ("leave", html);
    }
    if status.rated {
        return (
            "rated",
            format!(
                r#"<p class="thanks" role="status">{}</p>"#,
                t(lang, "web-rate-thanks")
            ),
        );
    }
    if status.rating_open_until.is_some() {
        let mut levels = String::new();
        for rating in (1..=5).rev() {
            levels.push_str(&format!(
                r#"<label><input type="radio" name="rating" value="{rating}"><span>{}</span></label>"#,
                t(lang, &format!("web-rate-{rating}"))
            ));
        }
        let html = format!(
            r#"<form id="feedback" class="actions" novalidate><fieldset><legend>{title}</legend><div class="rating">{levels}</div></fieldset><label class="block" for="comment">{comment}</label><textarea id="comment" name="comment" maxlength="{max}" rows="3"></textarea><button type="submit">{send}</button><p class="error" id="feedback-error" role="alert"></p></form>"#,
            title = t(lang, "web-rate-title"),
            comment = t(lang, "web-rate-comment"),
            max = talon_protocol::limits::FEEDBACK_COMMENT,
            send = t(lang, "web-rate-send"),
        );
        return ("rate", html);
    }
    ("none", String::new())
}

/// What the live stream sends the page: the status, and its parts already in words.
pub fn ticket_message(lang: Lang, status: &PublicTicketStatus, tz: Tz) -> serde_json::Value {
    let (key, actions) = ticket_actions(lang, status);
    serde_json::json!({
        "status": status,
        "title": ticket_title(lang, status),
        "live": ticket_live(lang, status, tz),
        "actions_key": key,
        "actions": actions,
    })
}

pub(super) fn lang_query(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "",
        Lang::En => "?lang=en",
    }
}

/// The whole ticket page.
pub fn ticket_page(lang: Lang, code: &str, status: &PublicTicketStatus, tz: Tz) -> String {
    let title = ticket_title(lang, status);
    let (key, actions) = ticket_actions(lang, status);
    let data = serde_json::json!({
        "lang": lang.code(),
        "title": title,
        "status": status,
        "actions_key": key,
        "events": format!("/t/{code}/events?lang={}", lang.code()),
        "leave": format!("/api/v1/public/tickets/{code}/leave"),
        "feedback": format!("/api/v1/public/tickets/{code}/feedback"),
        "texts": {
            "rate_choose": text(lang, "web-rate-choose"),
            "rate_thanks": esc(&text(lang, "web-rate-thanks")),
            "rate_already": text(lang, "web-rate-already"),
            "rate_closed": text(lang, "web-rate-closed"),
            "error_network": text(lang, "web-error-network"),
            "error_other": text(lang, "web-error-other"),
            "sound_is_on": text(lang, "web-sound-is-on"),
        },
    });
    let ended = !status.status.is_active();
    let sound = if ended {
        String::new()
    } else {
        format!(
            r#"<button type="button" class="secondary" id="sound" aria-pressed="false">{}</button>"#,
            t(lang, "web-sound-on")
        )
    };
    let main = format!(
        r#"<p class="ticket-label" id="ticket-label">{ticket}</p>
<h1 class="label" aria-describedby="ticket-label">{label}</h1>
<section id="live" aria-live="polite" aria-atomic="true">{live}</section>
<p class="offline" id="offline" role="status" hidden>{offline}</p>
<section id="actions">{actions}</section>
<div class="actions">{sound}</div>
<p class="note">{note}</p>"#,
        ticket = t(lang, "web-ticket-label"),
        label = esc(&status.label),
        live = ticket_live(lang, status, tz),
        offline = t(lang, "web-offline"),
        note = if ended {
            String::new()
        } else {
            t(lang, "web-live-note")
        },
    );
    let footer = format!(
        r#"<a href="/o/{office}{query}">{board}</a> · {app}"#,
        office = status.office_id,
        query = lang_query(lang),
        board = t(lang, "web-board-link"),
        app = t(lang, "web-app-name"),
    );
    let switch_href = format!("/t/{code}{}", lang_query(lang.other()));
    let frame = Frame {
        lang,
        title: &title,
        heading: &status.office_name,
        switch_href: &switch_href,
        embed: false,
        footer: &footer,
        body_class: "ticket",
    };
    let scripts = format!(
        r#"<noscript><p class="wrap note">{note}</p></noscript>
<script id="page-data" type="application/json">{data}</script>
<script>{TICKET_JS}</script>"#,
        note = t(lang, "web-live-note"),
        data = script_json(&data),
    );
    frame.render(&main, &scripts)
}

/// A page that says plainly what is wrong (unknown ticket or office, too many requests).
pub fn message_page(
    lang: Lang,
    title_id: &str,
    text_id: Option<&str>,
    switch_href: &str,
) -> String {
    let title = text(lang, title_id);
    let explanation = text_id
        .map(|id| format!(r#"<p class="hours">{}</p>"#, t(lang, id)))
        .unwrap_or_default();
    let main = format!(r#"<h1>{}</h1>{explanation}"#, esc(&title));
    let frame = Frame {
        lang,
        title: &title,
        heading: &text(lang, "web-app-name"),
        switch_href,
        embed: false,
        footer: &t(lang, "web-app-name"),
        body_class: "message",
    };
    frame.render(&main, "")
}

// ---- the office board ----

/// The board's figures (what the live stream replaces).
pub fn board_live(lang: Lang, board: &PublicOffice) -> String {
    let hours = match &board.today {
        Some(day) => {
            let mut line = tw(
                lang,
                "web-board-today",
                &[
                    ("open", day.open.format("%H:%M").to_string().into()),
                    ("close", day.close.format("%H:%M").to_string().into()),
                ],
            );
            if let (Some(start), Some(end)) = (day.lunch_start, day.lunch_end) {
                line.push_str(", ");
                line.push_str(&tw(
                    lang,
                    "web-board-lunch",
                    &[
                        ("start", start.format("%H:%M").to_string().into()),
                        ("end", end.format("%H:%M").to_string().into()),
                    ],
                ));
            }
            line
        }
        None => t(lang, "web-board-day-off"),
    };
    // A special day says why its hours differ (the administrator's words).
    let hours = if board.today_note.is_empty() {
        hours
    } else {
        format!("{hours} ({})", esc(&board.today_note))
    };
    let mut html = format!(
        r#"<p class="hours" id="hours">{hours}</p><p class="open-windows" id="windows-open">{windows}</p>"#,
        windows = tw(
            lang,
            "web-board-windows-open",
            &[("windows", board.windows_open.into())]
        ),
    );
    if board.topics.is_empty() {
        html.push_str(&format!("<p>{}</p>", t(lang, "web-board-no-topics")));
        return html;
    }
    html.push_str(r#"<ul class="topics">"#);
    for topic in &board.topics {
        let name = match lang {
            Lang::En if !topic.name_en.trim().is_empty() => &topic.name_en,
            _ => &topic.name_ru,
        };
        let wait = if topic.waiting == 0 {
            t(lang, "web-board-no-wait")
        } else {
            wait_text(lang, topic.estimated_wait_ms, topic.wait_range.as_ref())
        };
        html.push_str(&format!(
            r#"<li data-topic="{id}"><h2>{name}</h2><dl class="pair"><div><dt>{waiting_label}</dt><dd class="waiting">{waiting}</dd></div><div><dt>{wait_label}</dt><dd class="wait">{wait}</dd></div></dl></li>"#,
            id = topic.id,
            name = esc(name),
            waiting_label = t(lang, "web-board-waiting"),
            waiting = topic.waiting,
            wait_label = t(lang, "web-board-wait"),
        ));
    }
    html.push_str("</ul>");
    if !board.info_line.trim().is_empty() {
        html.push_str(&format!(r#"<p class="note">{}</p>"#, esc(&board.info_line)));
    }
    html
}

/// What the board's live stream sends.
pub fn board_message(lang: Lang, board: &PublicOffice) -> serde_json::Value {
    serde_json::json!({ "board": board_live(lang, board) })
}

/// The whole office board; `embed` leaves out the header and footer (for a frame on the
/// company's site).
pub fn board_page(lang: Lang, board: &PublicOffice, embed: bool) -> String {
    let title = text_with(
        lang,
        "web-board-title",
        &[("office", board.name.as_str().into())],
    );
    let embed_query = if embed { "&embed=1" } else { "" };
    let data = serde_json::json!({
        "events": format!("/o/{}/events?lang={}{embed_query}", board.id, lang.code()),
    });
    let heading = if embed {
        format!("<h1>{}</h1>", esc(&board.name))
    } else {
        format!("<h1>{}</h1>", t(lang, "web-board-heading"))
    };
    let main = format!(
        r#"{heading}<section id="board" aria-live="polite">{live}</section><p class="offline" id="offline" role="status" hidden>{offline}</p><p class="note">{note}</p>"#,
        live = board_live(lang, board),
        offline = t(lang, "web-offline"),
        note = t(lang, "web-live-note"),
    );
    let other_query = match (lang.other(), embed) {
        (Lang::En, true) => "?lang=en&embed=1",
        (Lang::En, false) => "?lang=en",
        (Lang::Ru, true) => "?embed=1",
        (Lang::Ru, false) => "",
    };
    let switch_href = format!("/o/{}{other_query}", board.id);
    let frame = Frame {
        lang,
        title: &title,
        heading: &board.name,
        switch_href: &switch_href,
        embed,
        footer: &t(lang, "web-app-name"),
        body_class: if embed { "board embed" } else { "board" },
    };
    let scripts = format!(
        r#"<script id="page-data" type="application/json">{data}</script>
<script>{BOARD_JS}</script>"#,
        data = script_json(&data),
    );
    frame.render(&main, &scripts)
}

/// "от 8 до 14 минут" for a forecast range, else "около 15 минут".
fn wait_text(lang: Lang, ms: i64, range: Option<&talon_protocol::forecast::WaitRange>) -> String {
    match range.map(|r| r.minutes()).filter(|(_, high)| *high > 1) {
        Some((low, high)) => tw(
            lang,
            "web-wait-range",
            &[("low", low.into()), ("high", high.into())],
        ),
        None => tw(
            lang,
            "web-about-minutes",
            &[("minutes", whole_minutes(ms).into())],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_in_content_and_in_script_data() {
        assert_eq!(
            esc(r#"<b>"x" & 'y'</b>"#),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
        let json = script_json(&serde_json::json!({"a": "</script><script>alert(1)</script>"}));
        assert!(!json.contains("</script>"), "{json}");
    }
}
