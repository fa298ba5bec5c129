//! Postponing a ticket for some minutes; it then returns to its place.

use super::{FormEvent, confirm_row, form_frame, text_field};
use crate::cx::Cx;
use egui::Ui;

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
        form_frame(ui, &cx.text("desk-postpone-title"), |ui| {
            ui.label(cx.text("desk-postpone-hint"));
            ui.horizontal(|ui| {
                for m in ["5", "10", "15", "30"] {
                    let text = cx.text_with("common-minutes", &[("minutes", m.into())]);
                    if ui.selectable_label(self.minutes == m, text).clicked() {
                        self.minutes = m.into();
                    }
                }
            });
            text_field(
                ui,
                &cx.text("desk-postpone-minutes"),
                &mut self.minutes,
                "1–240",
                80.0,
            );
            confirm_row(ui, cx, &cx.text("desk-postpone-confirm"), true)
        })
    }

    pub fn minutes(&self, cx: &Cx) -> Result<u32, String> {
        self.minutes
            .trim()
            .parse()
            .map_err(|_| cx.text("desk-postpone-bad-minutes"))
    }
}
