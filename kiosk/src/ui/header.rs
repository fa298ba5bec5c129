//! The strip on top of every screen: the office, the connection, the clock, the language.

use super::widgets::{self, PLAIN};
use super::{Action, Connection, Frame};
use crate::office_view;
use egui::{Color32, Rect, UiBuilder, Vec2};
use talon_client::look::colors;
use talon_client::text;

const HEIGHT: f32 = 150.0;
const RIGHT_WIDTH: f32 = 250.0;

pub fn show(ui: &mut egui::Ui, frame: &Frame<'_>, actions: &mut Vec<Action>) {
    let lang = frame.lang;
    let (rect, _) = ui.allocate_exact_size(
        Vec2::new(ui.available_width(), HEIGHT),
        egui::Sense::hover(),
    );
    let (left, right) = rect.split_left_right_at_x(rect.right() - RIGHT_WIDTH);

    ui.scope_builder(UiBuilder::new().max_rect(left), |ui| {
        let name = frame
            .office
            .map_or_else(|| text(lang, "kiosk-app-title"), |o| o.name.clone());
        widgets::label(ui, &name, widgets::bold(38.0), colors::TEXT);
        ui.add_space(10.0);
        let (id, color) = connection_line(frame.connection);
        widgets::label(
            ui,
            &format!("● {}", text(lang, id)),
            widgets::regular(28.0),
            color,
        );
    });

    ui.scope_builder(UiBuilder::new().max_rect(right), |ui| {
        let zone = frame
            .office
            .map_or(chrono_tz::Europe::Moscow, |o| o.time_zone);
        ui.vertical_centered(|ui| {
            widgets::label(
                ui,
                &office_view::clock(frame.now, zone),
                widgets::bold(60.0),
                colors::TEXT,
            );
        });
        let switch = Rect::from_min_size(
            egui::pos2(right.left() + 15.0, right.bottom() - 72.0),
            Vec2::new(RIGHT_WIDTH - 15.0, 72.0),
        );
        ui.scope_builder(UiBuilder::new().max_rect(switch), |ui| {
            let size = switch.size();
            // The button names the language it switches to, in that language.
            let other = text(lang.next(), "common-language-name");
            if widgets::text_tile(ui, size, PLAIN, &other, 30.0).clicked() {
                actions.push(Action::ToggleLanguage);
            }
        });
    });
}

/// The text id and colour of the connection line.
fn connection_line(connection: Connection) -> (&'static str, Color32) {
    match connection {
        Connection::Online => ("common-online", colors::OK),
        Connection::Connecting => ("common-connecting", colors::WARNING),
        Connection::Offline => ("common-offline", colors::BREACH),
        Connection::NotAuthorized => ("kiosk-not-authorized", colors::BREACH),
    }
}
