//! The out-of-turn path: who is entitled to it by law (the office's own list), then the
//! topic, then the ticket.

use super::home::topic_tile;
use super::widgets::{self, OUT_OF_TURN, PLAIN};
use super::{Action, Connection, Frame};
use crate::office_view;
use egui::Vec2;
use talon_client::look::colors;
use talon_client::text;

const GAP: f32 = 20.0;
const TILE_HEIGHT: f32 = 130.0;
const BACK_HEIGHT: f32 = 120.0;

pub fn show(ui: &mut egui::Ui, frame: &Frame<'_>, actions: &mut Vec<Action>) {
    let lang = frame.lang;
    let width = ui.available_width();
    widgets::centered(
        ui,
        &text(lang, "kiosk-out-of-turn-title"),
        widgets::bold(50.0),
        colors::ACCENT,
    );
    ui.add_space(GAP);
    if frame.connection != Connection::Online {
        super::unavailable_banner(ui, frame);
        ui.add_space(GAP);
    }
    if let Some(office) = frame.office {
        egui::Frame::NONE
            .fill(colors::PANEL)
            .stroke(egui::Stroke::new(3.0, colors::ACCENT))
            .corner_radius(widgets::CORNER)
            .inner_margin(32)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                widgets::label(
                    ui,
                    &text(lang, "kiosk-out-of-turn-who"),
                    widgets::bold(36.0),
                    colors::TEXT,
                );
                ui.add_space(12.0);
                for line in &office.out_of_turn_categories {
                    // The bullet stands apart so wrapped lines keep their indent.
                    ui.horizontal_top(|ui| {
                        widgets::label(ui, "•", widgets::regular(36.0), colors::ACCENT);
                        ui.add_space(6.0);
                        ui.vertical(|ui| {
                            let category = office_view::category(lang, line);
                            widgets::label(ui, category, widgets::regular(36.0), colors::TEXT);
                        });
                    });
                    ui.add_space(6.0);
                }
                ui.add_space(12.0);
                widgets::label(
                    ui,
                    &text(lang, "kiosk-out-of-turn-proof"),
                    widgets::regular(30.0),
                    colors::MUTED,
                );
            });
        ui.add_space(GAP * 1.5);
        widgets::label(
            ui,
            &text(lang, "kiosk-out-of-turn-choose"),
            widgets::bold(38.0),
            colors::TEXT,
        );
        ui.add_space(GAP);
        let list_height = (ui.available_height() - BACK_HEIGHT - GAP).max(0.0);
        egui::ScrollArea::vertical()
            .max_height(list_height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.spacing_mut().item_spacing.y = GAP;
                for topic in &office.topics {
                    let size = Vec2::new(width, TILE_HEIGHT);
                    if topic_tile(ui, size, OUT_OF_TURN, lang, topic, None).clicked() {
                        actions.push(Action::TakeTicket {
                            topic: topic.id,
                            out_of_turn: true,
                        });
                    }
                }
            });
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
