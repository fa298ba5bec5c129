//! The small forms behind an action: finish a visit, transfer, postpone, pause.
//! Each shows itself inline (no floating windows: one place to look, reachable by
//! keyboard and by screen readers) and turns its fields into the request body. Checks
//! that only the server can make (a reason required, minutes in range, a date not in
//! the past) are left to the server, whose message is shown.

mod finish;
mod pause;
mod postpone;
mod transfer;

pub use finish::{FinishForm, OutcomeChoice, parse_date};
pub use pause::PauseForm;
pub use postpone::PostponeForm;
pub use transfer::TransferForm;

use crate::cx::Cx;
use egui::{RichText, Ui};
use talon_client::look::colors;

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
        let cancel =
            egui::Button::new(cx.text("desk-form-cancel")).min_size(egui::vec2(140.0, 44.0));
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
