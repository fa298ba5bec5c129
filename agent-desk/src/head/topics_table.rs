//! Every topic on the board: its norm, how many wait, the longest wait now, today's
//! average wait and share within the norm (server statistics), the estimated wait and
//! the windows open for it.

use crate::cx::Cx;
use crate::office_live::OfficeLive;
use crate::text;
use crate::widgets::section;
use egui::{RichText, Ui};
use talon_client::Lang;
use talon_client::look::{colors, norm_color};
use talon_protocol::norms::norm_status;
use talon_protocol::{Snapshot, TicketStatus};

pub fn show(ui: &mut Ui, cx: &Cx, live: &OfficeLive, office: &Snapshot) {
    section(ui, &cx.text("desk-topics"));
    let today = live.today.latest.as_ref();
    egui::Grid::new("board_topics")
        .num_columns(8)
        .spacing([20.0, 8.0])
        .striped(true)
        .show(ui, |ui| {
            for head in [
                cx.text("desk-topics-column-topic"),
                cx.text("desk-topics-column-norm"),
                cx.text("desk-column-waiting"),
                cx.text("desk-topics-column-longest"),
                cx.text("desk-topics-column-average-today"),
                cx.text("desk-topics-column-within-norm"),
                cx.text("desk-topics-column-estimate"),
                cx.text("desk-topics-column-windows"),
            ] {
                ui.label(RichText::new(head).color(colors::MUTED));
            }
            ui.end_row();
            for topic in office.topics.iter().filter(|t| t.active) {
                let load = office.load.iter().find(|l| l.topic_id == topic.id);
                ui.label(format!("{} {}", topic.prefix, topic.name(cx.lang.code())));
                ui.label(cx.text_with(
                    "common-minutes",
                    &[("minutes", topic.norms.wait.minutes.into())],
                ));
                ui.label(
                    RichText::new(load.map_or(0, |l| l.waiting).to_string())
                        .strong()
                        .size(22.0),
                );
                let longest = office
                    .tickets
                    .iter()
                    .filter(|t| t.topic_id == topic.id && t.status == TicketStatus::Waiting)
                    .map(|t| t.wait_ms_at(cx.now))
                    .max();
                match longest {
                    Some(ms) => {
                        let status = norm_status(ms, topic.norms.wait.minutes);
                        ui.label(RichText::new(Lang::clock_duration(ms)).color(norm_color(status)));
                    }
                    None => {
                        ui.label("—");
                    }
                }
                let row = today.and_then(|s| s.by_topic.iter().find(|r| r.topic_id == topic.id));
                ui.label(text::minutes_1(
                    cx.lang,
                    row.and_then(|r| r.stats.wait.average_ms),
                ));
                ui.label(text::share(row.and_then(|r| r.stats.within_wait_norm)));
                ui.label(match load {
                    Some(l) if l.open_windows > 0 => talon_client::texts::wait(
                        cx.lang,
                        l.estimated_wait_ms,
                        l.wait_range.as_ref(),
                    ),
                    Some(_) => cx.text("desk-topics-no-window"),
                    None => "—".into(),
                });
                ui.label(load.map_or(0, |l| l.open_windows).to_string());
                ui.end_row();
            }
        });
}
