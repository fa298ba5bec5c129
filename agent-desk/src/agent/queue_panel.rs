//! The queue of this window's topics, live, in the order the window will call it.

use crate::cx::Cx;
use crate::queue_order::window_queue;
use crate::text;
use crate::widgets::{muted, norm_word, section};
use egui::{RichText, Ui};
use talon_client::Lang;
use talon_client::look::{colors, norm_color};
use talon_protocol::norms::wait_status;
use talon_protocol::{Snapshot, Window};

pub fn show(ui: &mut Ui, cx: &Cx, office: &Snapshot, window: &Window) {
    let queue = window_queue(office, window, cx.now);
    section(
        ui,
        &match cx.lang {
            Lang::Ru => format!("Очередь к окну: {}", queue.len()),
            Lang::En => format!("Queue for this window: {}", queue.len()),
        },
    );
    if queue.is_empty() {
        muted(ui, cx.t("Никто не ждёт.", "Nobody is waiting."));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("agent_queue")
        .max_height(ui.available_height() - 190.0)
        .show(ui, |ui| {
            egui::Grid::new("agent_queue_grid")
                .num_columns(4)
                .spacing([18.0, 8.0])
                .striped(true)
                .show(ui, |ui| {
                    ui.label(RichText::new(cx.t("Талон", "Ticket")).color(colors::MUTED));
                    ui.label(RichText::new(cx.t("Тема", "Topic")).color(colors::MUTED));
                    ui.label(RichText::new(cx.t("Ждёт", "Waiting")).color(colors::MUTED));
                    ui.label("");
                    ui.end_row();
                    for ticket in queue {
                        ui.label(RichText::new(&ticket.label).size(24.0).strong());
                        ui.label(text::topic_name(office, ticket.topic_id, cx.lang));
                        match office.topics.iter().find(|t| t.id == ticket.topic_id) {
                            Some(topic) => {
                                let status = wait_status(ticket, topic, cx.now);
                                ui.label(
                                    RichText::new(format!(
                                        "{} · {}",
                                        Lang::clock_duration(ticket.wait_ms_at(cx.now)),
                                        norm_word(cx.lang, status)
                                    ))
                                    .color(norm_color(status)),
                                );
                            }
                            None => {
                                ui.label(Lang::clock_duration(ticket.wait_ms_at(cx.now)));
                            }
                        }
                        let mut marks = Vec::new();
                        if ticket.out_of_turn {
                            marks.push(cx.t("вне очереди", "out of turn"));
                        }
                        if ticket.target_window == Some(window.id) {
                            marks.push(cx.t("направлен в это окно", "sent to this window"));
                        } else if ticket.front {
                            marks.push(cx.t("в начало очереди", "front of the queue"));
                        }
                        ui.label(RichText::new(marks.join(", ")).color(colors::ACCENT));
                        ui.end_row();
                    }
                });
        });
}
