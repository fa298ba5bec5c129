//! The screens. Each draws from what the app hands it and returns what the visitor did as
//! [`Action`]s; the app alone changes state.

pub mod check_in;
pub mod header;
pub mod home;
pub mod notice;
pub mod out_of_turn;
pub mod qr;
pub mod ticket;
pub mod widgets;

use crate::office_view::OfficeView;
use crate::screen::Screen;
use chrono::{DateTime, Utc};
use talon_client::look::colors;
use talon_client::{Lang, text};
use talon_protocol::TopicId;

/// What a visitor did on one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ToggleLanguage,
    OpenOutOfTurn,
    Back,
    /// Done with the ticket or the notice.
    Dismiss,
    TakeTicket {
        topic: TopicId,
        out_of_turn: bool,
    },
    /// "У меня запись": the keypad for the booking's code.
    OpenCheckIn,
    Digit(u8),
    EraseDigit,
    /// Check in with the code typed.
    SubmitCode,
}

/// The kiosk's link to its server, as the header shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connection {
    Connecting,
    Online,
    Offline,
    /// The server refused the kiosk's token.
    NotAuthorized,
}

/// What every screen may show.
pub struct Frame<'a> {
    pub lang: Lang,
    pub now: DateTime<Utc>,
    pub office: Option<&'a OfficeView>,
    pub connection: Connection,
}

/// Outer margin of every screen.
const MARGIN: i8 = 40;

/// Draws the whole window and returns what the visitor did.
pub fn show(ui: &mut egui::Ui, frame: &Frame<'_>, screen: &Screen) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::CentralPanel::default()
        .frame(
            egui::Frame::NONE
                .fill(colors::BACKGROUND)
                .inner_margin(MARGIN),
        )
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 8.0;
            header::show(ui, frame, &mut actions);
            ui.add_space(36.0);
            match screen {
                Screen::Home => home::show(ui, frame, &mut actions),
                Screen::OutOfTurn => out_of_turn::show(ui, frame, &mut actions),
                Screen::CheckIn(digits) => check_in::show(ui, frame, digits, &mut actions),
                Screen::Issuing(issuing) => {
                    let (title, hint) = if issuing.tap.is_some() {
                        ("kiosk-issuing", "kiosk-issuing-wait")
                    } else {
                        ("kiosk-checking-in", "kiosk-issuing-wait")
                    };
                    waiting(ui, frame.lang, title, hint);
                }
                Screen::Ticket(ticket) => {
                    ticket::show(ui, frame, ticket, &mut actions);
                    // A touch anywhere on the ticket means "done" (the app ignores the
                    // touches of a double tap that arrive just after the ticket).
                    if ui.input(|i| i.pointer.any_click())
                        && !actions.contains(&Action::ToggleLanguage)
                    {
                        actions.push(Action::Dismiss);
                    }
                }
                Screen::Notice(notice) => notice::show(ui, frame, notice, &mut actions),
            }
        });
    actions.dedup();
    actions
}

fn waiting(ui: &mut egui::Ui, lang: Lang, title: &str, hint: &str) {
    ui.add_space(ui.available_height() * 0.3);
    widgets::centered(ui, &text(lang, title), widgets::bold(64.0), colors::TEXT);
    ui.add_space(24.0);
    widgets::centered(ui, &text(lang, hint), widgets::regular(40.0), colors::MUTED);
}

/// Shown above the buttons while the link is not online, so nobody waits for a ticket
/// that cannot come; the buttons stay, as a tap tries the server again.
fn unavailable_banner(ui: &mut egui::Ui, frame: &Frame<'_>) {
    let lang = frame.lang;
    let (title, detail, fill) = match frame.connection {
        Connection::Online => return,
        Connection::Connecting => ("common-connecting", None, colors::PANEL),
        Connection::Offline => (
            "kiosk-unavailable",
            Some("kiosk-unavailable-hint"),
            colors::BREACH,
        ),
        Connection::NotAuthorized => (
            "kiosk-unavailable",
            Some("kiosk-not-authorized"),
            colors::BREACH,
        ),
    };
    let ink = if fill == colors::BREACH {
        colors::BACKGROUND
    } else {
        colors::TEXT
    };
    egui::Frame::NONE
        .fill(fill)
        .corner_radius(widgets::CORNER)
        .inner_margin(28)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            widgets::centered(ui, &text(lang, title), widgets::bold(44.0), ink);
            if let Some(detail) = detail {
                ui.add_space(8.0);
                widgets::centered(ui, &text(lang, detail), widgets::regular(32.0), ink);
            }
        });
}
