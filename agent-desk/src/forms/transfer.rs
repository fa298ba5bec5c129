//! Transferring a ticket to another topic or to a window, front or back of the queue.

use super::{FormEvent, confirm_row, form_frame};
use crate::cx::Cx;
use egui::Ui;
use talon_protocol::api::{QueuePlace, TransferRequest};
use talon_protocol::{Snapshot, TopicId, WindowId, WindowState};

#[derive(Debug, Clone, Default)]
pub struct TransferForm {
    pub to_window: bool,
    pub topic: Option<TopicId>,
    pub window: Option<WindowId>,
    pub back: bool,
}

impl TransferForm {
    /// `from` is the window the ticket is at (it cannot be sent there).
    pub fn show(
        &mut self,
        ui: &mut Ui,
        cx: &Cx,
        office: &Snapshot,
        label: &str,
        from: Option<WindowId>,
    ) -> FormEvent {
        let title = cx.text_with("desk-transfer-ticket", &[("ticket", label.into())]);
        form_frame(ui, &title, |ui| {
            ui.horizontal(|ui| {
                ui.label(cx.text("desk-transfer-to"));
                ui.selectable_value(
                    &mut self.to_window,
                    false,
                    cx.text("desk-transfer-to-topic"),
                );
                ui.selectable_value(
                    &mut self.to_window,
                    true,
                    cx.text("desk-transfer-to-a-window"),
                );
            });
            ui.horizontal_wrapped(|ui| {
                if self.to_window {
                    let open: Vec<_> = office
                        .windows
                        .iter()
                        .filter(|w| w.state != WindowState::Closed && Some(w.id) != from)
                        .collect();
                    if open.is_empty() {
                        ui.label(cx.text("desk-transfer-no-window"));
                    }
                    for window in open {
                        let text = cx.text_with(
                            "desk-to-window",
                            &[("window", window.label.as_str().into())],
                        );
                        ui.selectable_value(&mut self.window, Some(window.id), text);
                    }
                } else {
                    for topic in office.topics.iter().filter(|t| t.active) {
                        let text = format!("{} {}", topic.prefix, topic.name(cx.lang.code()));
                        ui.selectable_value(&mut self.topic, Some(topic.id), text);
                    }
                }
            });
            ui.horizontal(|ui| {
                ui.label(cx.text("desk-transfer-place"));
                ui.selectable_value(&mut self.back, false, cx.text("desk-transfer-front"));
                ui.selectable_value(&mut self.back, true, cx.text("desk-transfer-back"));
            });
            ui.add_space(6.0);
            let chosen = if self.to_window {
                self.window.is_some()
            } else {
                self.topic.is_some()
            };
            confirm_row(ui, cx, &cx.text("desk-transfer-confirm"), chosen)
        })
    }

    pub fn request(&self) -> TransferRequest {
        TransferRequest {
            topic_id: if self.to_window { None } else { self.topic },
            window_id: if self.to_window { self.window } else { None },
            place: if self.back {
                QueuePlace::Back
            } else {
                QueuePlace::Front
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transfer_sends_exactly_one_target() {
        let form = TransferForm {
            to_window: true,
            topic: Some(TopicId(1)),
            window: Some(WindowId(2)),
            back: true,
        };
        let request = form.request();
        assert_eq!(request.topic_id, None);
        assert_eq!(request.window_id, Some(WindowId(2)));
        assert_eq!(request.place, QueuePlace::Back);
    }
}
