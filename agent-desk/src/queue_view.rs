//! A list of waiting tickets: label, topic with marks, and the wait coloured against the
//! topic's norm with the status in words. Shared by the agent's queue and the head's.

use crate::cx::Cx;
use crate::text;
use crate::widgets::norm_word;
use egui::{RichText, Ui};
use talon_client::Lang;
use talon_client::look::{colors, norm_color};
use talon_protocol::norms::wait_status;
use talon_protocol::{Snapshot, Ticket, TicketId};

/// Draws the rows; with `selectable`, labels are buttons and the clicked ticket is
/// returned.
pub fn ticket_rows(
    ui: &mut Ui,
    cx: &Cx,
    office: &Snapshot,
    id: &str,
    tickets: &[&Ticket],
    selectable: Option<Option<TicketId>>,
    marks: impl Fn(&Ticket) -> Vec<String>,
) -> Option<TicketId> {
    let mut clicked = None;
    egui::Grid::new(id)
        .num_columns(3)
        .spacing([18.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            // Short cells: never wrap them into a narrow column.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            for ticket in tickets {
                let label = RichText::new(&ticket.label).size(24.0).strong();
                match selectable {
                    Some(selected) => {
                        if ui
                            .selectable_label(selected == Some(ticket.id), label)
                            .clicked()
                        {
                            clicked = Some(ticket.id);
                        }
                    }
                    None => {
                        ui.label(label);
                    }
                }
                ui.vertical(|ui| {
                    ui.label(
                        RichText::new(text::topic_name(office, ticket.topic_id, cx.lang))
                            .size(16.0)
                            .color(colors::MUTED),
                    );
                    let marks = marks(ticket);
                    if !marks.is_empty() {
                        ui.label(
                            RichText::new(marks.join(", "))
                                .size(16.0)
                                .strong()
                                .color(colors::ACCENT),
                        );
                    }
                });
                let waited = ticket.wait_ms_at(cx.now);
                ui.vertical(
                    |ui| match office.topics.iter().find(|t| t.id == ticket.topic_id) {
                        Some(topic) => {
                            let status = wait_status(ticket, topic, cx.now);
                            ui.label(
                                RichText::new(Lang::clock_duration(waited))
                                    .size(22.0)
                                    .strong()
                                    .color(norm_color(status)),
                            );
                            ui.label(
                                RichText::new(norm_word(cx.lang, status))
                                    .size(16.0)
                                    .color(norm_color(status)),
                            );
                        }
                        None => {
                            ui.label(Lang::clock_duration(waited));
                        }
                    },
                );
                ui.end_row();
            }
        });
    clicked
}
