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
