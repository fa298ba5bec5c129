//! Pausing a window with a reason and, if known, the time of return.

use super::{FormEvent, confirm_row, form_frame, text_field};
use crate::cx::Cx;
use chrono::{DateTime, Duration, Utc};
use egui::Ui;
use talon_protocol::Snapshot;
use talon_protocol::api::PauseRequest;

#[derive(Debug, Clone, Default)]
pub struct PauseForm {
    pub reason: String,
    /// Minutes until the expected return; empty when unknown.
    pub back_in: String,
}

impl PauseForm {
    pub fn show(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot) -> FormEvent {
        form_frame(ui, &cx.text("desk-pause-title"), |ui| {
            ui.horizontal_wrapped(|ui| {
                for id in [
                    "desk-pause-reason-break",
                    "desk-pause-reason-lunch",
                    "desk-pause-reason-paperwork",
                    "desk-pause-reason-failure",
                ] {
                    let text = cx.text(id);
                    if ui.selectable_label(self.reason == text, &text).clicked() {
                        self.reason = text;
                    }
                }
            });
            text_field(
                ui,
                &cx.text("desk-pause-reason"),
                &mut self.reason,
                &cx.text("desk-field-required"),
                400.0,
            );
            text_field(
                ui,
                &cx.text("desk-pause-back-in"),
                &mut self.back_in,
                &cx.text("desk-field-optional"),
                80.0,
            );
            if let Ok(Some(until)) = self.until(cx.now) {
                let at = crate::text::local_time(office, until);
                ui.label(cx.text_with("desk-pause-display-shows", &[("time", at.into())]));
            }
            confirm_row(ui, cx, &cx.text("desk-pause-confirm"), true)
        })
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
        let until = self
            .until(cx.now)
            .map_err(|_| cx.text("desk-pause-bad-minutes"))?;
        Ok(PauseRequest {
            reason: self.reason.clone(),
            until,
        })
    }
}
