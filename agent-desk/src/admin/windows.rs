//! The windows of an office: add, rename, deactivate, the topics each serves and their
//! order.

use super::call::Call;
use super::fields::{symbol_button, too_long};
use super::topics::in_order;
use crate::cx::Cx;
use crate::forms::{form_frame, text_field};
use crate::text;
use crate::widgets::{muted, section};
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_protocol::api::WindowInput;
use talon_protocol::limits::{Bounded, WINDOW_LABEL};
use talon_protocol::{OfficeId, Snapshot, TopicId, Window, WindowId};

struct WindowForm {
    id: Option<WindowId>,
    label: String,
    active: bool,
    /// The topics served, in the order the window takes them.
    topics: Vec<TopicId>,
}

impl WindowForm {
    fn input(&self, cx: &Cx) -> Result<WindowInput, String> {
        let label = self.label.trim();
        if label.is_empty() {
            return Err(cx.text("desk-admin-window-needs-label"));
        }
        if too_long(label, WINDOW_LABEL) {
            return Err(cx.text_with(
                "desk-admin-too-long",
                &[
                    ("field", cx.text("desk-admin-window-label").into()),
                    ("count", WINDOW_LABEL.into()),
                ],
            ));
        }
        let input = WindowInput {
            label: label.to_string(),
            topics: self.topics.clone(),
            active: self.active,
        };
        input.check_bounds().map_err(|e| e.to_string())?;
        Ok(input)
    }
}

#[derive(Default)]
pub struct WindowsScreen {
    office: Option<OfficeId>,
    form: Option<WindowForm>,
    save: Call<Window>,
    saved: Option<String>,
}

fn window_name(cx: &Cx, label: &str) -> String {
    cx.text_with("desk-window-name", &[("window", label.into())])
}

impl WindowsScreen {
    /// Returns true when the office's windows changed on the server.
    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot) -> bool {
        if self.office != Some(office.office.id) {
            *self = WindowsScreen {
                office: Some(office.office.id),
                ..Default::default()
            };
        }
        let mut changed = false;
        if let Some(window) = self.save.poll(cx) {
            self.saved = Some(cx.text_with(
                "desk-admin-window-saved",
                &[("window", window.label.as_str().into())],
            ));
            self.form = None;
            changed = true;
        }
        ui.horizontal(|ui| {
            section(ui, &cx.text("desk-admin-windows"));
            if ui.button(cx.text("desk-admin-window-new")).clicked() {
                self.form = Some(WindowForm {
                    id: None,
                    label: String::new(),
                    active: true,
                    topics: Vec::new(),
                });
                self.saved = None;
                self.save.error = None;
            }
        });
        if let Some(saved) = &self.saved {
            ui.colored_label(colors::OK, saved);
        }
        self.list(ui, cx, office);
        ui.add_space(10.0);
        self.form_ui(ui, cx, office);
        changed
    }

    fn list(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot) {
        if office.windows.is_empty() {
            muted(ui, &cx.text("desk-admin-windows-none"));
            return;
        }
        let mut windows: Vec<&Window> = office.windows.iter().collect();
        windows.sort_by_key(|w| w.id);
        egui::Grid::new("admin_windows")
            .num_columns(4)
            .spacing([22.0, 8.0])
            .striped(true)
            .show(ui, |ui| {
                super::fields::header_row(
                    ui,
                    cx,
                    &[
                        "desk-admin-window",
                        "desk-admin-window-topics",
                        "desk-admin-window-state",
                        "desk-admin-window-in-use",
                    ],
                );
                for window in windows {
                    let editing = self.form.as_ref().is_some_and(|f| f.id == Some(window.id));
                    let name = window_name(cx, &window.label);
                    if ui
                        .selectable_label(editing, RichText::new(name).strong())
                        .clicked()
                    {
                        self.form = (!editing).then(|| WindowForm {
                            id: Some(window.id),
                            label: window.label.clone(),
                            active: window.active,
                            topics: window.topics.clone(),
                        });
                        self.saved = None;
                        self.save.error = None;
                    }
                    let topics: Vec<String> = window
                        .topics
                        .iter()
                        .map(|t| text::topic_prefix(office, *t))
                        .collect();
                    ui.label(if topics.is_empty() {
                        "—".to_string()
                    } else {
                        topics.join(", ")
                    });
                    ui.label(text::window_state(cx.lang, window.state));
                    ui.label(cx.text(if window.active { "desk-yes" } else { "desk-no" }));
                    ui.end_row();
                }
            });
    }

    fn form_ui(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot) {
        let Some(form) = &mut self.form else {
            return;
        };
        let title = match form.id {
            Some(_) => cx.text_with(
                "desk-admin-window-title",
                &[("window", form.label.as_str().into())],
            ),
            None => cx.text("desk-admin-window-new-title"),
        };
        let mut submit = false;
        let mut cancel = false;
        form_frame(ui, &title, |ui| {
            text_field(
                ui,
                &cx.text("desk-admin-window-label"),
                &mut form.label,
                "3",
                200.0,
            );
            ui.checkbox(&mut form.active, cx.text("desk-admin-window-active"));
            ui.add_space(4.0);
            ui.label(RichText::new(cx.text("desk-admin-window-serves")).strong());
            ui.horizontal_wrapped(|ui| {
                for topic in in_order(office) {
                    let mut serves = form.topics.contains(&topic.id);
                    let name = format!("{} {}", topic.prefix, topic.name(cx.lang.code()));
                    if ui.checkbox(&mut serves, name).changed() {
                        if serves {
                            form.topics.push(topic.id);
                        } else {
                            form.topics.retain(|t| *t != topic.id);
                        }
                    }
                }
            });
            if !form.topics.is_empty() {
                ui.label(RichText::new(cx.text("desk-admin-window-order")).strong());
                let mut moved = None;
                let count = form.topics.len();
                for (n, topic) in form.topics.iter().enumerate() {
                    ui.horizontal(|ui| {
                        let name = format!(
                            "{} {}",
                            text::topic_prefix(office, *topic),
                            text::topic_name(office, *topic, cx.lang)
                        );
                        let up =
                            cx.text_with("desk-admin-move-up", &[("what", name.as_str().into())]);
                        if symbol_button(ui, "▲", &up, n > 0) {
                            moved = Some((n, n - 1));
                        }
                        let down =
                            cx.text_with("desk-admin-move-down", &[("what", name.as_str().into())]);
                        if symbol_button(ui, "▼", &down, n + 1 < count) {
                            moved = Some((n, n + 1));
                        }
                        ui.label(format!("{}. {name}", n + 1));
                    });
                }
                if let Some((from, to)) = moved {
                    form.topics.swap(from, to);
                }
            }
            (submit, cancel) =
                super::fields::save_or_cancel(ui, cx, "desk-admin-window-save", self.save.busy());
            self.save.show(ui, cx, "desk-admin-saving");
        });
        if cancel {
            self.form = None;
            self.save.error = None;
            return;
        }
        if submit {
            match form.input(cx) {
                Ok(input) => {
                    let api = cx.api.clone();
                    match form.id {
                        Some(id) => self
                            .save
                            .start(cx, async move { api.update_window(id, &input).await }),
                        None => {
                            let office_id = office.office.id;
                            self.save.start(cx, async move {
                                api.create_window(office_id, &input).await
                            })
                        }
                    }
                }
                Err(message) => self.save.refuse(message),
            }
        }
    }
}
