//! One request of a screen at a time: started by a button, collected when it is done,
//! and its refusal kept in words until the next try.

use crate::cx::Cx;
use egui::{RichText, Ui};
use std::future::Future;
use talon_client::look::colors;
use talon_client::{ClientError, Task};

pub struct Call<T> {
    task: Option<Task<Result<T, ClientError>>>,
    /// The last refusal (the server's or a form's check), in words.
    pub error: Option<String>,
}

impl<T> Default for Call<T> {
    fn default() -> Self {
        Call {
            task: None,
            error: None,
        }
    }
}

impl<T: Send + 'static> Call<T> {
    pub fn start(
        &mut self,
        cx: &Cx,
        request: impl Future<Output = Result<T, ClientError>> + Send + 'static,
    ) {
        self.error = None;
        self.task = Some(cx.spawn(request));
    }

    pub fn busy(&self) -> bool {
        self.task.is_some()
    }

    /// The answer, once, when it came back well; a refusal is kept in `error`.
    pub fn poll(&mut self, cx: &Cx) -> Option<T> {
        let result = self.task.as_ref()?.take()?;
        self.task = None;
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                cx.note_error(&error);
                self.error = Some(crate::text::client_error(cx.lang, &error));
                None
            }
        }
    }

    /// A form's own check failed: nothing was sent.
    pub fn refuse(&mut self, message: String) {
        self.error = Some(message);
    }

    /// "Сохранение…" while waiting, else the refusal in a red box.
    pub fn show(&mut self, ui: &mut Ui, cx: &Cx, working_id: &str) {
        if self.busy() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(cx.text(working_id));
            });
            return;
        }
        if let Some(error) = &self.error {
            refusal(ui, error);
        }
    }
}

impl<T: Send + 'static> Call<T> {
    /// For a list on screen: "Загрузка…" only until the first answer (a reload keeps
    /// the screen still), a refusal always.
    pub fn show_loading(&mut self, ui: &mut Ui, cx: &Cx, loaded: bool) {
        if loaded && self.busy() {
            return;
        }
        self.show(ui, cx, "desk-admin-loading");
    }
}

/// A refusal, readable from a distance.
pub fn refusal(ui: &mut Ui, text: &str) {
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(0x5a, 0x14, 0x1e))
        .stroke(egui::Stroke::new(2.0, colors::BREACH))
        .inner_margin(10)
        .corner_radius(6)
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(colors::TEXT).strong());
        });
}
