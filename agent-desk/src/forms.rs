//! The small forms behind an action: finish a visit, transfer, postpone, pause.
//! Each shows itself inline (no floating windows: one place to look, reachable by
//! keyboard and by screen readers) and turns its fields into the request body. Checks
//! that only the server can make (a reason required, minutes in range, a date not in
//! the past) are left to the server, whose message is shown.

use crate::cx::Cx;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_protocol::api::{FinishRequest, PauseRequest, QueuePlace, TransferRequest};
use talon_protocol::{Outcome, OverrunReason, Snapshot, TopicId, WindowId, WindowState};

/// What the person did with a form this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormEvent {
    Nothing,
    Submit,
    Cancel,
}

/// A labelled one-line text field (the label names it for screen readers and tests).
pub fn text_field(ui: &mut Ui, label: &str, value: &mut String, hint: &str, width: f32) {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(
            egui::TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(width),
        )
        .labelled_by(label.id);
    });
}

/// Confirm / cancel buttons; Enter confirms and Escape cancels as well.
pub fn confirm_row(ui: &mut Ui, cx: &Cx, confirm: &str, enabled: bool) -> FormEvent {
    let mut event = FormEvent::Nothing;
    ui.horizontal(|ui| {
        let confirm = egui::Button::new(RichText::new(format!("{confirm}  [Enter]")).strong())
            .fill(colors::BUTTON)
            .min_size(egui::vec2(200.0, 44.0));
        if ui.add_enabled(enabled, confirm).clicked() {
            event = FormEvent::Submit;
        }
        let cancel = egui::Button::new(cx.t("Отмена  [Esc]", "Cancel  [Esc]"))
            .min_size(egui::vec2(140.0, 44.0));
        if ui.add(cancel).clicked() {
            event = FormEvent::Cancel;
        }
    });
    if event == FormEvent::Nothing {
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            event = FormEvent::Cancel;
        } else if enabled
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
        {
            event = FormEvent::Submit;
        }
    }
    event
}

/// A framed block for a form.
pub fn form_frame<R>(ui: &mut Ui, title: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Frame::new()
        .fill(colors::PANEL)
        .stroke(egui::Stroke::new(2.0, colors::ACCENT))
        .inner_margin(14)
        .corner_radius(8)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(title)
                    .size(22.0)
                    .strong()
                    .color(colors::ACCENT),
            );
            ui.add_space(6.0);
            add(ui)
        })
        .inner
}

// ---- finish ----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeChoice {
    Resolved,
    Deferred,
    Refused,
    Other,
}

#[derive(Debug, Clone)]
pub struct FinishForm {
    pub outcome: OutcomeChoice,
    pub deadline: String,
    pub note: String,
    /// 1, 2, 3 or 4 meaning "more than three".
    pub topics: u8,
    pub overrun: Option<OverrunReason>,
}

impl Default for FinishForm {
    fn default() -> Self {
        FinishForm {
            outcome: OutcomeChoice::Resolved,
            deadline: String::new(),
            note: String::new(),
            topics: 1,
            overrun: None,
        }
    }
}

impl FinishForm {
    pub fn show(&mut self, ui: &mut Ui, cx: &Cx) -> FormEvent {
        form_frame(
            ui,
            cx.t("Завершение обслуживания", "Finish the visit"),
            |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(cx.t("Результат:", "Outcome:"));
                    for (choice, ru, en) in [
                        (OutcomeChoice::Resolved, "Вопрос решён", "Resolved"),
                        (
                            OutcomeChoice::Deferred,
                            "Отложено со сроком",
                            "Deferred with a deadline",
                        ),
                        (
                            OutcomeChoice::Refused,
                            "Отказ с причиной",
                            "Refused with reasons",
                        ),
                        (OutcomeChoice::Other, "Другое", "Other"),
                    ] {
                        ui.radio_value(&mut self.outcome, choice, cx.t(ru, en));
                    }
                });
                match self.outcome {
                    OutcomeChoice::Deferred => text_field(
                        ui,
                        cx.t("Срок ответа клиенту:", "Deadline told to the visitor:"),
                        &mut self.deadline,
                        cx.t("ГГГГ-ММ-ДД или ДД.ММ.ГГГГ", "YYYY-MM-DD"),
                        200.0,
                    ),
                    OutcomeChoice::Refused => text_field(
                        ui,
                        cx.t("Причина отказа:", "Reasons for the refusal:"),
                        &mut self.note,
                        "",
                        500.0,
                    ),
                    OutcomeChoice::Other => {
                        text_field(ui, cx.t("Примечание:", "Note:"), &mut self.note, "", 500.0)
                    }
                    OutcomeChoice::Resolved => {}
                }
                ui.horizontal_wrapped(|ui| {
                    ui.label(cx.t("Сколько тем обращения:", "Topics covered:"));
                    for (n, text) in [(1, "1"), (2, "2"), (3, "3")] {
                        ui.selectable_value(&mut self.topics, n, text);
                    }
                    ui.selectable_value(&mut self.topics, 4, cx.t("больше 3", "more than 3"));
                });
                ui.horizontal_wrapped(|ui| {
                    ui.label(cx.t("Превышение нормы:", "Over the norm because of:"));
                    ui.radio_value(&mut self.overrun, None, cx.t("нет причины", "no reason"));
                    for (reason, ru, en) in [
                        (OverrunReason::ForceMajeure, "форс-мажор", "force majeure"),
                        (
                            OverrunReason::TechnicalFailure,
                            "технический сбой",
                            "technical failure",
                        ),
                        (
                            OverrunReason::VisitorCase,
                            "особый случай клиента",
                            "the visitor's case",
                        ),
                    ] {
                        ui.radio_value(&mut self.overrun, Some(reason), cx.t(ru, en));
                    }
                });
                ui.add_space(6.0);
                confirm_row(ui, cx, cx.t("Завершить", "Finish"), true)
            },
        )
    }

    pub fn request(&self, cx: &Cx) -> Result<FinishRequest, String> {
        let outcome = match self.outcome {
            OutcomeChoice::Resolved => Outcome::Resolved,
            OutcomeChoice::Deferred => Outcome::Deferred {
                deadline: parse_date(&self.deadline).ok_or_else(|| {
                    cx.t(
                        "Укажите срок датой: ГГГГ-ММ-ДД или ДД.ММ.ГГГГ.",
                        "Give the deadline as a date: YYYY-MM-DD.",
                    )
                    .to_string()
                })?,
            },
            OutcomeChoice::Refused => Outcome::Refused {
                reason: self.note.trim().to_string(),
            },
            OutcomeChoice::Other => Outcome::Other {
                note: self.note.trim().to_string(),
            },
        };
        Ok(FinishRequest {
            outcome,
            topics_count: self.topics,
            overrun_reason: self.overrun,
        })
    }
}

/// "2026-12-01" or "01.12.2026".
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
}

// ---- transfer ----

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
                ui.radio_value(&mut self.to_window, false, cx.t("в тему", "a topic"));
                ui.radio_value(&mut self.to_window, true, cx.t("в окно", "a window"));
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
                            talon_client::Lang::Ru => format!("Окно {}", window.label),
                            talon_client::Lang::En => format!("Window {}", window.label),
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
                ui.radio_value(&mut self.back, false, cx.t("в начало", "front"));
                ui.radio_value(&mut self.back, true, cx.t("в конец", "back"));
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

// ---- postpone ----

#[derive(Debug, Clone)]
pub struct PostponeForm {
    pub minutes: String,
}

impl Default for PostponeForm {
    fn default() -> Self {
        PostponeForm {
            minutes: "10".into(),
        }
    }
}

impl PostponeForm {
    pub fn show(&mut self, ui: &mut Ui, cx: &Cx) -> FormEvent {
        form_frame(
            ui,
            cx.t("Отложить талон", "Postpone the ticket"),
            |ui| {
                ui.label(cx.t(
                    "Клиент вернётся в очередь на своё место через указанное время.",
                    "The visitor returns to their place in the queue after this time.",
                ));
                ui.horizontal(|ui| {
                    for m in ["5", "10", "15", "30"] {
                        let text = format!("{m} {}", cx.t("мин", "min"));
                        if ui.selectable_label(self.minutes == m, text).clicked() {
                            self.minutes = m.into();
                        }
                    }
                });
                text_field(
                    ui,
                    cx.t("Минут:", "Minutes:"),
                    &mut self.minutes,
                    "1–240",
                    80.0,
                );
                confirm_row(ui, cx, cx.t("Отложить", "Postpone"), true)
            },
        )
    }

    pub fn minutes(&self, cx: &Cx) -> Result<u32, String> {
        self.minutes.trim().parse().map_err(|_| {
            cx.t("Введите число минут.", "Enter a number of minutes.")
                .to_string()
        })
    }
}

// ---- pause ----

#[derive(Debug, Clone, Default)]
pub struct PauseForm {
    pub reason: String,
    /// Minutes until the expected return; empty when unknown.
    pub back_in: String,
}

impl PauseForm {
    pub fn show(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot) -> FormEvent {
        form_frame(
            ui,
            cx.t("Перерыв в работе окна", "Pause the window"),
            |ui| {
                ui.horizontal_wrapped(|ui| {
                    for (ru, en) in [
                        ("Перерыв", "Break"),
                        ("Обед", "Lunch"),
                        ("Работа с документами", "Paperwork"),
                        ("Технический сбой", "Technical failure"),
                    ] {
                        let text = cx.t(ru, en);
                        if ui.selectable_label(self.reason == text, text).clicked() {
                            self.reason = text.into();
                        }
                    }
                });
                text_field(
                    ui,
                    cx.t("Причина:", "Reason:"),
                    &mut self.reason,
                    cx.t("обязательно", "required"),
                    400.0,
                );
                text_field(
                    ui,
                    cx.t("Вернусь через, мин:", "Back in, minutes:"),
                    &mut self.back_in,
                    cx.t("необязательно", "optional"),
                    80.0,
                );
                if let Ok(Some(until)) = self.until(cx.now) {
                    let at = crate::text::local_time(office, until);
                    ui.label(format!(
                        "{} {at}",
                        cx.t(
                            "Табло покажет время возврата:",
                            "The display shows the return at"
                        )
                    ));
                }
                confirm_row(ui, cx, cx.t("Начать перерыв", "Start the break"), true)
            },
        )
    }

    fn until(&self, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, ()> {
        let text = self.back_in.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let minutes: i64 = text.parse().map_err(|_| ())?;
        Ok(Some(now + Duration::minutes(minutes)))
    }

    pub fn request(&self, cx: &Cx) -> Result<PauseRequest, String> {
        let until = self.until(cx.now).map_err(|_| {
            cx.t(
                "Время возврата — число минут (или оставьте пустым).",
                "The return time is a number of minutes (or leave it empty).",
            )
            .to_string()
        })?;
        Ok(PauseRequest {
            reason: self.reason.clone(),
            until,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_spellings() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 1);
        assert_eq!(parse_date("2026-12-01"), date);
        assert_eq!(parse_date(" 01.12.2026 "), date);
        assert_eq!(parse_date("1 декабря"), None);
    }

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
