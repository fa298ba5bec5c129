//! Finishing a visit: outcome (deadline for a deferred case, reasons for a refusal), how
//! many topics it covered, and why it ran over the norm, if it did.

use super::{FormEvent, confirm_row, form_frame, text_field};
use crate::cx::Cx;
use chrono::NaiveDate;
use egui::Ui;
use talon_protocol::api::FinishRequest;
use talon_protocol::{Outcome, OverrunReason};

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
        form_frame(ui, &cx.text("desk-finish-title"), |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(cx.text("desk-finish-outcome"));
                for (choice, id) in [
                    (OutcomeChoice::Resolved, "desk-outcome-resolved"),
                    (OutcomeChoice::Deferred, "desk-outcome-deferred"),
                    (OutcomeChoice::Refused, "desk-outcome-refused"),
                    (OutcomeChoice::Other, "desk-outcome-other"),
                ] {
                    ui.selectable_value(&mut self.outcome, choice, cx.text(id));
                }
            });
            match self.outcome {
                OutcomeChoice::Deferred => text_field(
                    ui,
                    &cx.text("desk-finish-deadline"),
                    &mut self.deadline,
                    &cx.text("desk-finish-deadline-hint"),
                    200.0,
                ),
                OutcomeChoice::Refused => text_field(
                    ui,
                    &cx.text("desk-finish-refusal-reasons"),
                    &mut self.note,
                    "",
                    500.0,
                ),
                OutcomeChoice::Other => {
                    text_field(ui, &cx.text("desk-finish-note"), &mut self.note, "", 500.0)
                }
                OutcomeChoice::Resolved => {}
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(cx.text("desk-finish-topics-count"));
                for (n, text) in [(1, "1"), (2, "2"), (3, "3")] {
                    ui.selectable_value(&mut self.topics, n, text);
                }
                ui.selectable_value(&mut self.topics, 4, cx.text("desk-finish-more-than-three"));
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(cx.text("desk-finish-overrun"));
                ui.selectable_value(&mut self.overrun, None, cx.text("desk-overrun-none"));
                for (reason, id) in [
                    (OverrunReason::ForceMajeure, "desk-overrun-force-majeure"),
                    (
                        OverrunReason::TechnicalFailure,
                        "desk-overrun-technical-failure",
                    ),
                    (OverrunReason::VisitorCase, "desk-overrun-visitor-case"),
                ] {
                    ui.selectable_value(&mut self.overrun, Some(reason), cx.text(id));
                }
            });
            ui.add_space(6.0);
            confirm_row(ui, cx, &cx.text("desk-finish-confirm"), true)
        })
    }

    pub fn request(&self, cx: &Cx) -> Result<FinishRequest, String> {
        let outcome = match self.outcome {
            OutcomeChoice::Resolved => Outcome::Resolved,
            OutcomeChoice::Deferred => Outcome::Deferred {
                deadline: parse_date(&self.deadline)
                    .ok_or_else(|| cx.text("desk-finish-bad-deadline"))?,
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
}
