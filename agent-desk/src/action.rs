//! One action at a time: a button starts a request, the buttons wait for its answer,
//! and a refusal is shown with the server's message until the next action.

use crate::cx::Cx;
use std::future::Future;
use talon_client::look::colors;
use talon_client::{ClientError, Task};

#[derive(Debug, Clone, PartialEq)]
pub enum Feedback {
    Done(String),
    Failed(String),
}

#[derive(Default)]
pub struct ActionRunner {
    running: Option<(String, Task<Result<(), ClientError>>)>,
    pub feedback: Option<Feedback>,
}

impl ActionRunner {
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// Starts `request`; `done` is what to say when it succeeds (empty: say nothing).
    pub fn start<T: Send + 'static>(
        &mut self,
        cx: &Cx,
        done: impl Into<String>,
        request: impl Future<Output = Result<T, ClientError>> + Send + 'static,
    ) {
        self.feedback = None;
        let task = cx.spawn(async move { request.await.map(|_| ()) });
        self.running = Some((done.into(), task));
    }

    /// Collects the answer; `Some(true)` once when the action succeeded.
    pub fn poll(&mut self, cx: &Cx) -> Option<bool> {
        let result = self.running.as_ref()?.1.take()?;
        let (done, _) = self.running.take().expect("checked above");
        match result {
            Ok(()) => {
                self.feedback = (!done.is_empty()).then_some(Feedback::Done(done));
                Some(true)
            }
            Err(error) => {
                cx.note_error(&error);
                self.feedback = Some(Feedback::Failed(crate::text::client_error(cx.lang, &error)));
                Some(false)
            }
        }
    }

    /// A local check failed before anything was sent.
    pub fn refuse(&mut self, message: impl Into<String>) {
        self.feedback = Some(Feedback::Failed(message.into()));
    }

    /// The last answer, or "working…" while waiting.
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &Cx) {
        if self.busy() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(cx.text("desk-working"));
            });
            return;
        }
        let mut dismiss = false;
        match &self.feedback {
            None => {}
            Some(Feedback::Done(text)) => {
                ui.colored_label(colors::OK, text);
            }
            Some(Feedback::Failed(text)) => {
                egui::Frame::new()
                    .fill(egui::Color32::from_rgb(0x5a, 0x14, 0x1e))
                    .stroke(egui::Stroke::new(2.0, colors::BREACH))
                    .inner_margin(10)
                    .corner_radius(6)
                    .show(ui, |ui| {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(egui::RichText::new(text).color(colors::TEXT).strong());
                            if ui.button(cx.text("desk-dismiss")).clicked() {
                                dismiss = true;
                            }
                        });
                    });
            }
        }
        if dismiss {
            self.feedback = None;
        }
    }
}
