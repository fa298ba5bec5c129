//! Check-in for a booking: the code typed on a large on-screen keypad (the kiosk has no
//! keyboard), shown in two groups of four as on the booking, then sent.

use super::widgets::{self, Look, PLAIN, TOPIC};
use super::{Action, Connection, Frame};
use crate::screen::BOOKING_CODE_DIGITS;
use egui::{Align2, Vec2};
use talon_client::look::colors;
use talon_client::text;

const GAP: f32 = 20.0;
const KEY_HEIGHT: f32 = 150.0;
const BACK_HEIGHT: f32 = 120.0;

/// The typed digits with the missing ones as "–", grouped "1234 5678".
pub fn shown_code(digits: &str) -> String {
    let mut shown = String::new();
    for n in 0..BOOKING_CODE_DIGITS {
        if n == BOOKING_CODE_DIGITS / 2 {
            shown.push(' ');
        }
        shown.push(digits.chars().nth(n).unwrap_or('–'));
    }
    shown
}

pub fn show(ui: &mut egui::Ui, frame: &Frame<'_>, digits: &str, actions: &mut Vec<Action>) {
    let lang = frame.lang;
    let width = ui.available_width();
    widgets::centered(
        ui,
        &text(lang, "kiosk-check-in-title"),
        widgets::bold(50.0),
        colors::TEXT,
    );
    ui.add_space(GAP / 2.0);
    widgets::centered(
        ui,
        &text(lang, "kiosk-check-in-hint"),
        widgets::regular(34.0),
        colors::MUTED,
    );
    ui.add_space(GAP);
    if frame.connection != Connection::Online {
        super::unavailable_banner(ui, frame);
        ui.add_space(GAP);
    }
    // The code so far, as large as the ticket's number.
    egui::Frame::NONE
        .fill(colors::PANEL)
        .stroke(egui::Stroke::new(3.0, colors::MUTED))
        .corner_radius(widgets::CORNER)
        .inner_margin(24)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            widgets::centered(ui, &shown_code(digits), widgets::bold(110.0), colors::TEXT);
        });
    ui.add_space(GAP * 1.5);

    let key_width = (width - 2.0 * GAP) / 3.0;
    let key = Vec2::new(key_width, KEY_HEIGHT);
    let complete = digits.len() == BOOKING_CODE_DIGITS;
    let rows: [[Key; 3]; 4] = [
        [Key::Digit(1), Key::Digit(2), Key::Digit(3)],
        [Key::Digit(4), Key::Digit(5), Key::Digit(6)],
        [Key::Digit(7), Key::Digit(8), Key::Digit(9)],
        [Key::Erase, Key::Digit(0), Key::Done],
    ];
    for row in rows {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = GAP;
            for k in row {
                match k {
                    Key::Digit(d) => {
                        let label = d.to_string();
                        let enabled = !complete;
                        let look = if enabled { TOPIC } else { dimmed(TOPIC) };
                        let response = ui
                            .add_enabled_ui(enabled, |ui| {
                                widgets::text_tile(ui, key, look, &label, 80.0)
                            })
                            .inner;
                        if response.clicked() {
                            actions.push(Action::Digit(d));
                        }
                    }
                    Key::Erase => {
                        let label = text(lang, "kiosk-key-erase");
                        if widgets::text_tile(ui, key, PLAIN, &label, 40.0).clicked() {
                            actions.push(Action::EraseDigit);
                        }
                    }
                    Key::Done => {
                        let label = text(lang, "kiosk-key-done");
                        let look = if complete {
                            widgets::OUT_OF_TURN
                        } else {
                            dimmed(PLAIN)
                        };
                        let response = ui
                            .add_enabled_ui(complete, |ui| {
                                widgets::tile(ui, key, look, &label, |painter, rect, color| {
                                    painter.text(
                                        rect.center(),
                                        Align2::CENTER_CENTER,
                                        &label,
                                        widgets::bold(44.0),
                                        color,
                                    );
                                })
                            })
                            .inner;
                        if response.clicked() {
                            actions.push(Action::SubmitCode);
                        }
                    }
                }
            }
        });
        ui.add_space(GAP);
    }

    let rest = ui.available_height() - BACK_HEIGHT;
    if rest > 0.0 {
        ui.add_space(rest);
    }
    let back = text(lang, "kiosk-back");
    if widgets::text_tile(ui, Vec2::new(width, BACK_HEIGHT), PLAIN, &back, 44.0).clicked() {
        actions.push(Action::Back);
    }
}

#[derive(Clone, Copy)]
enum Key {
    Digit(u8),
    Erase,
    Done,
}

/// A key that cannot be pressed now: its text greyed.
fn dimmed(look: Look) -> Look {
    Look {
        text: colors::MUTED,
        stroke: colors::PANEL,
        ..look
    }
}

#[cfg(test)]
mod tests {
    use super::shown_code;

    #[test]
    fn the_code_shows_in_two_groups_with_the_missing_digits_marked() {
        assert_eq!(shown_code(""), "–––– ––––");
        assert_eq!(shown_code("12345"), "1234 5–––");
        assert_eq!(shown_code("12345678"), "1234 5678");
    }
}
