//! The issued ticket, big: label, topic, time, people ahead, estimated wait, the QR code
//! of its status page, and what the printer did.

use super::widgets::{self, PLAIN};
use super::{Action, Frame};
use crate::office_view;
use crate::screen::{PrintState, TicketScreen};
use egui::Vec2;
use talon_client::look::colors;
use talon_client::texts::whole_minutes;
use talon_client::{Lang, text, text_with};

const QR_SIDE: f32 = 340.0;
const DONE_HEIGHT: f32 = 120.0;

pub fn show(
    ui: &mut egui::Ui,
    frame: &Frame<'_>,
    ticket: &TicketScreen,
    actions: &mut Vec<Action>,
) {
    let lang = frame.lang;
    let receipt = &ticket.receipt;
    let zone = frame
        .office
        .map_or(chrono_tz::Europe::Moscow, |o| o.time_zone);
    let width = ui.available_width();

    widgets::centered(
        ui,
        &text(lang, "kiosk-your-ticket"),
        widgets::bold(44.0),
        colors::MUTED,
    );
    widgets::centered(
        ui,
        &receipt.ticket.label,
        widgets::bold(210.0),
        colors::ACCENT,
    );
    if receipt.ticket.out_of_turn {
        ui.vertical_centered(|ui| {
            egui::Frame::NONE
                .fill(colors::ACCENT)
                .corner_radius(12)
                .inner_margin(egui::Margin::symmetric(28, 10))
                .show(ui, |ui| {
                    widgets::label(
                        ui,
                        &text(lang, "kiosk-out-of-turn-mark"),
                        widgets::bold(38.0),
                        colors::BACKGROUND,
                    );
                });
        });
        ui.add_space(12.0);
    }
    let topic = office_view::topic_name(lang, &receipt.topic_name_ru, &receipt.topic_name_en);
    widgets::centered(ui, topic, widgets::bold(50.0), colors::TEXT);
    ui.add_space(24.0);
    let facts = facts(
        lang,
        &office_view::clock(receipt.ticket.issued_at, zone),
        receipt.people_ahead,
        receipt.estimated_wait_ms,
        receipt.wait_range.as_ref(),
    );
    for fact in &facts {
        widgets::centered(ui, fact, widgets::regular(42.0), colors::TEXT);
    }
    ui.add_space(12.0);
    widgets::centered(
        ui,
        &text(lang, "kiosk-watch-display"),
        widgets::regular(34.0),
        colors::MUTED,
    );
    ui.add_space(24.0);

    if let Some((modules, modules_width)) = &ticket.qr {
        ui.vertical_centered(|ui| {
            super::qr::show(
                ui,
                modules,
                *modules_width,
                QR_SIDE,
                &text(lang, "kiosk-qr-label"),
            );
        });
        ui.add_space(8.0);
        widgets::centered(
            ui,
            &text(lang, "kiosk-qr-caption"),
            widgets::regular(28.0),
            colors::MUTED,
        );
    }
    ui.add_space(24.0);
    print_line(ui, lang, &ticket.print);

    let rest = ui.available_height() - DONE_HEIGHT - 50.0;
    if rest > 0.0 {
        ui.add_space(rest);
    }
    widgets::centered(
        ui,
        &text(lang, "kiosk-tap-to-return"),
        widgets::regular(28.0),
        colors::MUTED,
    );
    ui.add_space(8.0);
    let done = text(lang, "kiosk-done");
    if widgets::text_tile(ui, Vec2::new(width, DONE_HEIGHT), PLAIN, &done, 44.0).clicked() {
        actions.push(Action::Dismiss);
    }
}

/// When the ticket was issued, how many are ahead and the estimated wait (the forecast's
/// range when there is one), one line each: the same on screen and on paper.
pub fn facts(
    lang: Lang,
    issued: &str,
    people_ahead: u32,
    estimated_wait_ms: i64,
    range: Option<&talon_protocol::forecast::WaitRange>,
) -> [String; 3] {
    let wait = match talon_client::texts::shown_range(range) {
        Some((low, high)) => text_with(
            lang,
            "kiosk-wait-range",
            &[("low", low.into()), ("high", high.into())],
        ),
        None => text_with(
            lang,
            "kiosk-estimated-wait",
            &[("minutes", whole_minutes(estimated_wait_ms).into())],
        ),
    };
    [
        text_with(lang, "kiosk-issued-at", &[("time", issued.into())]),
        text_with(
            lang,
            "kiosk-people-ahead",
            &[("people", people_ahead.into())],
        ),
        wait,
    ]
}

fn print_line(ui: &mut egui::Ui, lang: Lang, print: &PrintState) {
    match print {
        PrintState::Printing(_) => {
            widgets::centered(
                ui,
                &text(lang, "kiosk-printing"),
                widgets::bold(36.0),
                colors::TEXT,
            );
        }
        PrintState::Printed => {
            widgets::centered(
                ui,
                &text(lang, "kiosk-printed"),
                widgets::bold(40.0),
                colors::OK,
            );
        }
        PrintState::NoPrinter => {
            widgets::centered(
                ui,
                &text(lang, "kiosk-no-printer"),
                widgets::bold(36.0),
                colors::TEXT,
            );
        }
        PrintState::Failed(_) => {
            egui::Frame::NONE
                .fill(colors::BREACH)
                .corner_radius(widgets::CORNER)
                .inner_margin(24)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    widgets::centered(
                        ui,
                        &text(lang, "kiosk-printer-failed"),
                        widgets::bold(36.0),
                        colors::BACKGROUND,
                    );
                });
        }
    }
}
