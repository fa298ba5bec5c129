//! Changing one's own password (everyone, agents too): the current one, the new one
//! twice.

use super::call::Call;
use super::fields::too_long;
use crate::cx::Cx;
use crate::forms::form_frame;
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_protocol::api::PasswordChange;
use talon_protocol::limits::{PASSWORD_MAX, PASSWORD_MIN};

#[derive(Default)]
pub struct PasswordForm {
    current: String,
    new: String,
    repeat: String,
    call: Call<()>,
    done: bool,
}

impl PasswordForm {
    fn change(&self, cx: &Cx) -> Result<PasswordChange, String> {
        if self.current.is_empty() {
            return Err(cx.text("desk-password-current-needed"));
        }
        if self.new.chars().count() < PASSWORD_MIN {
            return Err(cx.text_with(
                "desk-admin-password-short",
                &[("count", PASSWORD_MIN.into())],
            ));
        }
        if too_long(&self.new, PASSWORD_MAX) {
            return Err(cx.text_with(
                "desk-admin-too-long",
                &[
                    ("field", cx.text("desk-password-new").into()),
                    ("count", PASSWORD_MAX.into()),
                ],
            ));
        }
        if self.new != self.repeat {
            return Err(cx.text("desk-password-mismatch"));
        }
        Ok(PasswordChange {
            current_password: self.current.clone(),
            new_password: self.new.clone(),
        })
    }

    /// Returns true when the person closes the form.
    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx) -> bool {
        if self.call.poll(cx).is_some() {
            self.done = true;
            self.current.clear();
            self.new.clear();
            self.repeat.clear();
        }
        let mut close = false;
        form_frame(ui, &cx.text("desk-password-title"), |ui| {
            if self.done {
                ui.label(
                    RichText::new(cx.text("desk-password-changed"))
                        .size(22.0)
                        .strong()
                        .color(colors::OK),
                );
                if ui.button(cx.text("desk-password-close")).clicked() {
                    close = true;
                }
                return;
            }
            egui::Grid::new("own_password")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    for (id, value) in [
                        ("desk-password-current", &mut self.current),
                        ("desk-password-new", &mut self.new),
                        ("desk-password-repeat", &mut self.repeat),
                    ] {
                        let label = ui.label(cx.text(id));
                        ui.add(
                            egui::TextEdit::singleline(value)
                                .password(true)
                                .desired_width(320.0),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                    }
                });
            ui.colored_label(
                colors::MUTED,
                cx.text_with("desk-password-rule", &[("count", PASSWORD_MIN.into())]),
            );
            ui.horizontal(|ui| {
                let save = egui::Button::new(RichText::new(cx.text("desk-password-save")).strong())
                    .fill(colors::BUTTON)
                    .min_size(egui::vec2(220.0, 44.0));
                if ui.add_enabled(!self.call.busy(), save).clicked() {
                    match self.change(cx) {
                        Ok(change) => {
                            let api = cx.api.clone();
                            self.call
                                .start(cx, async move { api.change_password(&change).await });
                        }
                        Err(message) => self.call.refuse(message),
                    }
                }
                if ui.button(cx.text("desk-form-cancel")).clicked()
                    || ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
                {
                    close = true;
                }
            });
            self.call.show(ui, cx, "desk-admin-saving");
        });
        close
    }
}
