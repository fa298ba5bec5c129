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
        let title = match cx.lang {
            talon_client::Lang::Ru => format!("Перенаправить талон {label}"),
            talon_client::Lang::En => format!("Transfer ticket {label}"),
        };
        form_frame(ui, &title, |ui| {
            ui.horizontal(|ui| {
                ui.label(cx.t("Куда:", "To:"));
                ui.selectable_value(&mut self.to_window, false, cx.t("в тему", "a topic"));
                ui.selectable_value(&mut self.to_window, true, cx.t("в окно", "a window"));
            });
            ui.horizontal_wrapped(|ui| {
                if self.to_window {
                    let open: Vec<_> = office
                        .windows
                        .iter()
                        .filter(|w| w.state != WindowState::Closed && Some(w.id) != from)
                        .collect();
                    if open.is_empty() {
                        ui.label(cx.t("Других открытых окон нет.", "No other window is open."));
                    }
                    for window in open {
                        let text = match cx.lang {
                            talon_client::Lang::Ru => format!("к окну {}", window.label),
                            talon_client::Lang::En => format!("to window {}", window.label),
                        };
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
                ui.label(cx.t("Место в очереди:", "Place in the queue:"));
                ui.selectable_value(&mut self.back, false, cx.t("в начало", "front"));
                ui.selectable_value(&mut self.back, true, cx.t("в конец", "back"));
            });
            ui.add_space(6.0);
            let chosen = if self.to_window {
                self.window.is_some()
            } else {
                self.topic.is_some()
            };
            confirm_row(ui, cx, cx.t("Перенаправить", "Transfer"), chosen)
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
