//! The strip on top of every screen: the office, the connection, the clock, the language.

use super::widgets::{self, PLAIN};
use super::{Action, Connection, Frame};
use crate::office_view;
use crate::words::{self, say};
use egui::{Color32, Rect, UiBuilder, Vec2};
use talon_client::look::colors;

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
        let name = frame.office.map_or_else(
            || say(lang, words::APP_TITLE).to_string(),
            |o| o.name.clone(),
        );
        widgets::label(ui, &name, widgets::bold(38.0), colors::TEXT);
        ui.add_space(10.0);
        let (text, color) = connection_line(frame.connection);
        widgets::label(
            ui,
            &format!("● {}", say(lang, text)),
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
            if widgets::text_tile(ui, size, PLAIN, words::other_language(lang), 30.0).clicked() {
                actions.push(Action::ToggleLanguage);
            }
        });
    });
}

fn connection_line(connection: Connection) -> (words::Words, Color32) {
    match connection {
        Connection::Online => (words::ONLINE, colors::OK),
        Connection::Connecting => (words::CONNECTING, colors::WARNING),
        Connection::Offline => (words::OFFLINE, colors::BREACH),
        Connection::NotAuthorized => (words::NOT_AUTHORIZED, colors::BREACH),
    }
}
