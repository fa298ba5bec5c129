//! The home screen: one large tile per active topic with its queue, and the separate
//! out-of-turn path at the bottom.

use super::widgets::{self, Look, OUT_OF_TURN, PLAIN, TOPIC};
use super::{Action, Connection, Frame};
use crate::office_view::TopicView;
use egui::{Align2, Color32, CornerRadius, Rect, Vec2};
use talon_client::look::colors;
use talon_client::{Lang, text, text_with};

const GAP: f32 = 22.0;
const OUT_OF_TURN_HEIGHT: f32 = 190.0;
const CHECK_IN_HEIGHT: f32 = 150.0;
/// Light enough on the topic blue for a contrast above 7:1.
const ON_BLUE: Color32 = Color32::from_rgb(0xe8, 0xf0, 0xff);

pub fn show(ui: &mut egui::Ui, frame: &Frame<'_>, actions: &mut Vec<Action>) {
    let lang = frame.lang;
    widgets::centered(
        ui,
        &text(lang, "kiosk-choose-topic"),
        widgets::bold(50.0),
        colors::TEXT,
    );
    ui.add_space(GAP);
    if frame.connection != Connection::Online {
        super::unavailable_banner(ui, frame);
        ui.add_space(GAP);
    }
    let Some(office) = frame.office else {
        return;
    };
    if office.topics.is_empty() {
        widgets::centered(
            ui,
            &text(lang, "kiosk-no-topics"),
            widgets::bold(40.0),
            colors::MUTED,
        );
    }
    let live = frame.connection == Connection::Online;
    let check_in = if office.takes_bookings {
        CHECK_IN_HEIGHT + GAP
    } else {
        0.0
    };
    let list_height = (ui.available_height() - OUT_OF_TURN_HEIGHT - check_in - 2.0 * GAP).max(0.0);
    let count = office.topics.len().max(1) as f32;
    let tile_height = ((list_height - GAP * (count - 1.0)) / count).clamp(150.0, 250.0);
    let width = ui.available_width();
    egui::ScrollArea::vertical()
        .max_height(list_height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = GAP;
            for topic in &office.topics {
                let load = live.then(|| load_line(lang, topic));
                let size = Vec2::new(width, tile_height);
                if topic_tile(ui, size, TOPIC, lang, topic, load.as_deref()).clicked() {
                    actions.push(Action::TakeTicket {
                        topic: topic.id,
                        out_of_turn: false,
                    });
                }
            }
        });
    // Check-in for booked visitors, and the out-of-turn path, sit apart at the bottom.
    let rest = ui.available_height() - OUT_OF_TURN_HEIGHT - check_in;
    if rest > 0.0 {
        ui.add_space(rest);
    }
    if office.takes_bookings {
        let title = text(lang, "kiosk-check-in-button");
        let hint = text(lang, "kiosk-check-in-button-hint");
        let name = format!("{title} — {hint}");
        let size = Vec2::new(width, CHECK_IN_HEIGHT);
        let response = widgets::tile(ui, size, PLAIN, &name, |painter, rect, color| {
            let center = rect.center();
            painter.text(
                center - Vec2::new(0.0, 22.0),
                Align2::CENTER_CENTER,
                &title,
                widgets::bold(50.0),
                color,
            );
            painter.text(
                center + Vec2::new(0.0, 34.0),
                Align2::CENTER_CENTER,
                &hint,
                widgets::regular(30.0),
                color,
            );
        });
        if response.clicked() {
            actions.push(Action::OpenCheckIn);
        }
        ui.add_space(GAP);
    }
    let title = text(lang, "kiosk-out-of-turn-button");
    let hint = text(lang, "kiosk-out-of-turn-button-hint");
    let name = format!("{title} — {hint}");
    let size = Vec2::new(width, OUT_OF_TURN_HEIGHT);
    let response = widgets::tile(ui, size, OUT_OF_TURN, &name, |painter, rect, color| {
        let center = rect.center();
        painter.text(
            center - Vec2::new(0.0, 28.0),
            Align2::CENTER_CENTER,
            &title,
            widgets::bold(54.0),
            color,
        );
        painter.text(
            center + Vec2::new(0.0, 40.0),
            Align2::CENTER_CENTER,
            &hint,
            widgets::regular(30.0),
            color,
        );
    });
    if response.clicked() {
        actions.push(Action::OpenOutOfTurn);
    }
}

/// "Ожидают: 3 человека · около 15 минут".
pub fn load_line(lang: Lang, topic: &TopicView) -> String {
    if let Some((low, high)) = talon_client::texts::shown_range(topic.wait_range.as_ref()) {
        return text_with(
            lang,
            "kiosk-topic-load-range",
            &[
                ("people", topic.waiting.into()),
                ("low", low.into()),
                ("high", high.into()),
            ],
        );
    }
    text_with(
        lang,
        "kiosk-topic-load",
        &[
            ("people", topic.waiting.into()),
            (
                "minutes",
                talon_client::texts::whole_minutes(topic.estimated_wait_ms).into(),
            ),
        ],
    )
}

/// A topic tile: the ticket prefix in a square, the name, and the queue line if known.
pub fn topic_tile(
    ui: &mut egui::Ui,
    size: Vec2,
    look: Look,
    lang: Lang,
    topic: &TopicView,
    load: Option<&str>,
) -> egui::Response {
    let name = topic.name(lang);
    let spoken = match load {
        Some(load) => format!("{} — {name}. {load}", topic.prefix),
        None => format!("{} — {name}", topic.prefix),
    };
    widgets::tile(ui, size, look, &spoken, |painter, rect, color| {
        let side = rect.height().min(130.0);
        let badge = Rect::from_min_size(
            egui::pos2(rect.left(), rect.center().y - side / 2.0),
            Vec2::splat(side),
        );
        painter.rect_filled(badge, CornerRadius::same(16), color);
        painter.text(
            badge.center(),
            Align2::CENTER_CENTER,
            &topic.prefix,
            widgets::bold(side * 0.55),
            look.fill,
        );
        let text_left = badge.right() + 32.0;
        let wrap = rect.right() - text_left;
        let title = painter.layout(name.to_string(), widgets::bold(46.0), color, wrap);
        let detail_color = if look.text == colors::TEXT {
            ON_BLUE
        } else {
            color
        };
        let detail = load.map(|load| {
            painter.layout(load.to_string(), widgets::regular(32.0), detail_color, wrap)
        });
        let spacing = 12.0;
        let height = title.size().y + detail.as_ref().map_or(0.0, |d| d.size().y + spacing);
        let top = rect.center().y - height / 2.0;
        let title_height = title.size().y;
        painter.galley(egui::pos2(text_left, top), title, color);
        if let Some(detail) = detail {
            painter.galley(
                egui::pos2(text_left, top + title_height + spacing),
                detail,
                detail_color,
            );
        }
    })
}
