//! The agent's desk: choose and open a window, then serve visitors from its queue.

pub mod actions;
mod current;
mod queue_panel;
mod today;

use crate::action::ActionRunner;
use crate::cx::Cx;
use crate::forms::{FinishForm, FormEvent, PauseForm, PostponeForm, TransferForm};
use crate::office_live::OfficeLive;
use crate::queue_order::window_queue;
use crate::text;
use crate::widgets::{in_rect, muted, section, split_right};
use actions::Act;
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_protocol::{Snapshot, Ticket, Window, WindowState};

enum Form {
    Finish(FinishForm),
    Transfer(TransferForm),
    Postpone(PostponeForm),
    Pause(PauseForm),
}

#[derive(Default)]
pub struct AgentDesk {
    form: Option<Form>,
    runner: ActionRunner,
}

impl AgentDesk {
    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, live: &mut OfficeLive) {
        if self.runner.poll(cx) == Some(true) {
            self.form = None;
        }
        let Some(mirror) = live.mirror.clone() else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(cx.text("desk-loading-office"));
            });
            return;
        };
        let office = &mirror.office;
        let mine = office
            .windows
            .iter()
            .find(|w| w.agent_id == Some(cx.user.id) && w.state != WindowState::Closed);
        match mine {
            None => {
                self.form = None;
                self.window_picker(ui, cx, office);
            }
            Some(window) => {
                let (main, side) = split_right(ui, 500.0);
                in_rect(ui, side, |ui| {
                    queue_panel::show(ui, cx, office, window);
                    ui.add_space(16.0);
                    ui.separator();
                    today::show(ui, cx, &live.today);
                });
                in_rect(ui, main, |ui| self.desk(ui, cx, office, window));
            }
        }
    }

    fn window_picker(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot) {
        section(ui, &cx.text("desk-picker-title"));
        muted(ui, &cx.text("desk-picker-hint"));
        ui.add_space(10.0);
        egui::Grid::new("window_picker")
            .num_columns(3)
            .spacing([24.0, 12.0])
            .show(ui, |ui| {
                for window in &office.windows {
                    let text = cx.text_with(
                        "desk-open-window",
                        &[("window", window.label.as_str().into())],
                    );
                    let open = egui::Button::new(RichText::new(text).size(20.0))
                        .min_size(egui::vec2(240.0, 50.0));
                    let free = window.state == WindowState::Closed;
                    if ui.add_enabled(free && !self.runner.busy(), open).clicked() {
                        let api = cx.api.clone();
                        let id = window.id;
                        self.runner.start(cx, "", async move {
                            api.window_action::<Window>(id, "open").await
                        });
                    }
                    let topics: Vec<String> = window
                        .topics
                        .iter()
                        .map(|t| text::topic_name(office, *t, cx.lang))
                        .collect();
                    ui.label(topics.join(", "));
                    let state = match (&window.agent_name, free) {
                        (Some(name), false) => {
                            format!("{} · {}", text::window_state(cx.lang, window.state), name)
                        }
                        _ => text::window_state(cx.lang, window.state).to_string(),
                    };
                    ui.label(RichText::new(state).color(if free {
                        colors::MUTED
                    } else {
                        colors::ACCENT
                    }));
                    ui.end_row();
                }
            });
        ui.add_space(10.0);
        self.runner.show(ui, cx);
    }

    /// The window's header, then the actions in a column on the left and the visitor,
    /// the open form and the last answer on the right: everything fits one screen.
    fn desk(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot, window: &Window) {
        current::window_header(ui, cx, office, window);
        ui.add_space(8.0);
        let waiting = window_queue(office, window, cx.now).len();
        let ticket = window
            .current_ticket
            .and_then(|id| office.tickets.iter().find(|t| t.id == id))
            .cloned();
        let free = !self.runner.busy() && self.form.is_none();
        ui.horizontal_top(|ui| {
            let chosen = ui
                .vertical(|ui| {
                    ui.set_width(410.0);
                    actions::action_buttons(ui, cx.lang, window.state, waiting, free)
                })
                .inner;
            if let Some(act) = chosen {
                self.act(cx, act, window, ticket.as_ref());
            }
            ui.add_space(8.0);
            ui.vertical(|ui| {
                current::ticket_card(ui, cx, office, window);
                actions::hint(ui, cx.lang, window.state, waiting);
                ui.add_space(8.0);
                self.show_form(ui, cx, office, window, ticket.as_ref());
                ui.add_space(8.0);
                self.runner.show(ui, cx);
            });
        });
    }

    fn act(&mut self, cx: &Cx, act: Act, window: &Window, ticket: Option<&Ticket>) {
        let api = cx.api.clone();
        let window_id = window.id;
        let ticket_id = ticket.map(|t| t.id);
        let on_ticket = |runner: &mut ActionRunner, action: &'static str| {
            if let Some(id) = ticket_id {
                let api = api.clone();
                runner.start(cx, "", async move { api.ticket_action(id, action).await });
            }
        };
        match act {
            Act::CallNext => {
                self.runner
                    .start(cx, "", async move { api.call_next(window_id).await })
            }
            Act::Recall => on_ticket(&mut self.runner, "recall"),
            Act::Start => on_ticket(&mut self.runner, "start"),
            Act::NoShow => on_ticket(&mut self.runner, "no-show"),
            Act::Resume => self.runner.start(cx, "", async move {
                api.window_action::<Window>(window_id, "resume").await
            }),
            Act::Close => self.runner.start(cx, "", async move {
                api.window_action::<Window>(window_id, "close").await
            }),
            Act::Finish => self.form = Some(Form::Finish(FinishForm::default())),
            Act::Transfer => self.form = Some(Form::Transfer(TransferForm::default())),
            Act::Postpone => self.form = Some(Form::Postpone(PostponeForm::default())),
            Act::Pause => self.form = Some(Form::Pause(PauseForm::default())),
        }
    }

    fn show_form(
        &mut self,
        ui: &mut Ui,
        cx: &Cx,
        office: &Snapshot,
        window: &Window,
        ticket: Option<&Ticket>,
    ) {
        let Some(form) = &mut self.form else { return };
        // A form about the visitor closes when the visitor has left the window (another
        // device acted, or the server moved the ticket on).
        let needs_ticket = !matches!(form, Form::Pause(_));
        if needs_ticket && ticket.is_none() {
            self.form = None;
            return;
        }
        let busy = self.runner.busy();
        let api = cx.api.clone();
        let ticket_id = ticket.map(|t| t.id);
        let event = ui
            .add_enabled_ui(!busy, |ui| match form {
                Form::Finish(f) => f.show(ui, cx),
                Form::Transfer(f) => f.show(
                    ui,
                    cx,
                    office,
                    ticket.map_or("", |t| t.label.as_str()),
                    Some(window.id),
                ),
                Form::Postpone(f) => f.show(ui, cx),
                Form::Pause(f) => f.show(ui, cx, office),
            })
            .inner;
        match event {
            FormEvent::Nothing => {}
            FormEvent::Submit if busy => {}
            FormEvent::Cancel => self.form = None,
            FormEvent::Submit => match form {
                Form::Finish(f) => match (f.request(cx), ticket_id) {
                    (Ok(request), Some(id)) => self
                        .runner
                        .start(cx, "", async move { api.finish(id, &request).await }),
                    (Err(message), _) => self.runner.refuse(message),
                    _ => {}
                },
                Form::Transfer(f) => {
                    if let Some(id) = ticket_id {
                        let request = f.request();
                        self.runner
                            .start(cx, "", async move { api.transfer(id, &request).await });
                    }
                }
                Form::Postpone(f) => match (f.minutes(cx), ticket_id) {
                    (Ok(minutes), Some(id)) => self
                        .runner
                        .start(cx, "", async move { api.postpone(id, minutes).await }),
                    (Err(message), _) => self.runner.refuse(message),
                    _ => {}
                },
                Form::Pause(f) => match f.request(cx) {
                    Ok(request) => {
                        let window_id = window.id;
                        self.runner.start(cx, "", async move {
                            api.pause(window_id, &request.reason, request.until).await
                        });
                    }
                    Err(message) => self.runner.refuse(message),
                },
            },
        }
    }
}
