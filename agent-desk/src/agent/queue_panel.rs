//! The queue of this window's topics, live, in the order the window will call it.

use crate::cx::Cx;
use crate::queue_order::window_queue;
use crate::queue_view::ticket_rows;
use crate::widgets::{muted, section};
use egui::Ui;
use talon_protocol::{Snapshot, Window};

pub fn show(ui: &mut Ui, cx: &Cx, office: &Snapshot, window: &Window) {
    let queue = window_queue(office, window, cx.now);
    section(
        ui,
        &cx.text_with("desk-window-queue", &[("count", queue.len().into())]),
    );
    if queue.is_empty() {
        muted(ui, &cx.text("desk-queue-empty"));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("agent_queue")
        .max_height((ui.available_height() - 300.0).max(150.0))
        .show(ui, |ui| {
            ticket_rows(ui, cx, office, "agent_queue_grid", &queue, None, |ticket| {
                let mut marks = Vec::new();
                if ticket.out_of_turn {
                    marks.push(cx.text("desk-mark-out-of-turn"));
                }
                if ticket.target_window == Some(window.id) {
                    marks.push(cx.text("desk-mark-sent-here"));
                } else if ticket.front {
                    marks.push(cx.text("desk-mark-front"));
                }
                marks
            });
        });
}
