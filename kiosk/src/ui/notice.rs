//! Why no ticket was issued: the server is unreachable, issuing is closed (with the next
//! opening in the office's time), or the server refused in its own words.

use super::widgets::{self, PLAIN};
use super::{Action, Frame};
use crate::office_view;
use crate::screen::{Notice, NoticeScreen};
use egui::Vec2;
use talon_client::look::colors;
use talon_client::{Lang, text};

const BACK_HEIGHT: f32 = 120.0;

pub fn show(
    ui: &mut egui::Ui,
    frame: &Frame<'_>,
    notice: &NoticeScreen,
    actions: &mut Vec<Action>,
) {
    let lang = frame.lang;
    let width = ui.available_width();
    ui.add_space(ui.available_height() * 0.2);
    match &notice.notice {
        Notice::Unavailable => {
            title_and_hint(
                ui,
                lang,
                "kiosk-unavailable",
                colors::BREACH,
                "kiosk-unavailable-hint",
            );
        }
        Notice::OutsideHours { next_opening } => {
            widgets::centered(
                ui,
                &text(lang, "kiosk-outside-hours"),
                widgets::bold(64.0),
                colors::ACCENT,
            );
            ui.add_space(40.0);
            match next_opening {
                Some(at) => {
                    let zone = frame
                        .office
                        .map_or(chrono_tz::Europe::Moscow, |o| o.time_zone);
                    widgets::centered(
                        ui,
                        &text(lang, "kiosk-next-opening"),
                        widgets::regular(44.0),
                        colors::TEXT,
                    );
                    ui.add_space(12.0);
                    let when = office_view::opening(lang, *at, frame.now, zone);
                    widgets::centered(ui, &when, widgets::bold(64.0), colors::TEXT);
                }
                None => {
                    widgets::centered(
                        ui,
                        &text(lang, "kiosk-no-hours"),
                        widgets::regular(40.0),
                        colors::TEXT,
                    );
                }
            }
        }
        Notice::CheckInTooEarly { opens_at } => {
            let zone = frame
                .office
                .map_or(chrono_tz::Europe::Moscow, |o| o.time_zone);
            widgets::centered(
                ui,
                &text(lang, "kiosk-check-in-too-early"),
                widgets::bold(64.0),
                colors::ACCENT,
            );
            ui.add_space(40.0);
            widgets::centered(
                ui,
                &text(lang, "kiosk-check-in-opens"),
                widgets::regular(44.0),
                colors::TEXT,
            );
            ui.add_space(12.0);
            let when = office_view::opening(lang, *opens_at, frame.now, zone);
            widgets::centered(ui, &when, widgets::bold(64.0), colors::TEXT);
        }
        Notice::CheckInTooLate => {
            title_and_hint(
                ui,
                lang,
                "kiosk-check-in-too-late",
                colors::BREACH,
                "kiosk-check-in-too-late-hint",
            );
        }
        Notice::NoBooking => {
            title_and_hint(
                ui,
                lang,
                "kiosk-no-booking",
                colors::BREACH,
                "kiosk-no-booking-hint",
            );
        }
        Notice::Refused { message } => {
            widgets::centered(
                ui,
                &text(lang, "kiosk-refused"),
                widgets::bold(64.0),
                colors::BREACH,
            );
            ui.add_space(40.0);
            widgets::centered(ui, message, widgets::regular(40.0), colors::TEXT);
        }
    }
    let rest = ui.available_height() - BACK_HEIGHT;
    if rest > 0.0 {
        ui.add_space(rest);
    }
    // Too late for the booking: back home is where a normal ticket is taken.
    let back = match notice.notice {
        Notice::CheckInTooLate => text(lang, "kiosk-check-in-take-ticket"),
        _ => text(lang, "kiosk-back"),
    };
    if widgets::text_tile(ui, Vec2::new(width, BACK_HEIGHT), PLAIN, &back, 44.0).clicked() {
        actions.push(Action::Back);
    }
}

/// A notice's title in its colour, and the hint under it.
fn title_and_hint(ui: &mut egui::Ui, lang: Lang, title: &str, color: egui::Color32, hint: &str) {
    widgets::centered(ui, &text(lang, title), widgets::bold(64.0), color);
    ui.add_space(40.0);
    widgets::centered(ui, &text(lang, hint), widgets::regular(40.0), colors::TEXT);
}
