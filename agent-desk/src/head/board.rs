//! The office board: every window, every topic, the waiting queue and the alerts, live;
//! and the head's hands on the queue: which topics a window serves, pause or close a
//! window, transfer a ticket.

use super::{advice_view, alerts_view, topics_table};
use crate::action::ActionRunner;
use crate::cx::Cx;
use crate::forms::{FormEvent, PauseForm, TransferForm, confirm_row, form_frame};
use crate::office_live::OfficeLive;
use crate::queue_order::waiting_by_wait;
use crate::queue_view::ticket_rows;
use crate::text;
use crate::widgets::{in_rect, muted, section, split_right};
use egui::{RichText, Ui};
use talon_client::Lang;
use talon_client::look::{colors, norm_color};
use talon_protocol::norms::service_status;
use talon_protocol::{Snapshot, TicketId, TicketStatus, TopicId, Window, WindowId, WindowState};

enum BoardForm {
    Topics(WindowId, Vec<TopicId>),
    Pause(WindowId, PauseForm),
    Transfer(TicketId, TransferForm),
}

#[derive(Default)]
pub struct Board {
    selected_window: Option<WindowId>,
    selected_ticket: Option<TicketId>,
    form: Option<BoardForm>,
    runner: ActionRunner,
    alerts: alerts_view::AlertList,
}

impl Board {
    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, live: &mut OfficeLive) {
        if self.runner.poll(cx) == Some(true) {
            self.form = None;
        }
        let Some(mirror) = live.mirror.clone() else {
            ui.spinner();
            return;
        };
        let office = &mirror.office;
        self.alerts.ui(ui, cx, office);
        ui.add_space(8.0);
        let (main, side) = split_right(ui, 480.0);
        in_rect(ui, side, |ui| self.queue(ui, cx, office));
        in_rect(ui, main, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("board")
                .show(ui, |ui| {
                    self.windows(ui, cx, office);
                    ui.add_space(6.0);
                    self.window_actions(ui, cx, office);
                    ui.add_space(14.0);
                    topics_table::show(ui, cx, live, office);
                    ui.add_space(10.0);
                    advice_view::show(ui, cx, office);
                    ui.add_space(10.0);
                    self.runner.show(ui, cx);
                });
        });
    }

    fn windows(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot) {
        section(ui, &cx.text("desk-board-windows"));
        egui::Grid::new("board_windows")
            .num_columns(6)
            .spacing([22.0, 8.0])
            .striped(true)
            .show(ui, |ui| {
                for head in [
                    cx.text("desk-board-column-window"),
                    cx.text("desk-board-column-agent"),
                    cx.text("desk-board-column-state"),
                    cx.text("desk-board-column-ticket"),
                    cx.text("desk-board-column-for"),
                    cx.text("desk-topics"),
                ] {
                    ui.label(RichText::new(head).color(colors::MUTED));
                }
                ui.end_row();
                for window in &office.windows {
                    let text = cx.text_with(
                        "desk-window-name",
                        &[("window", window.label.as_str().into())],
                    );
                    let selected = self.selected_window == Some(window.id);
                    if ui
                        .selectable_label(selected, RichText::new(text).strong())
                        .clicked()
                    {
                        self.selected_window = (!selected).then_some(window.id);
                        self.form = None;
                    }
                    ui.label(window.agent_name.as_deref().unwrap_or("—"));
                    let state_color = match window.state {
                        WindowState::Closed => colors::MUTED,
                        WindowState::Paused => colors::WARNING,
                        _ => colors::TEXT,
                    };
                    let state = match &window.pause {
                        Some(pause) if window.state == WindowState::Paused => format!(
                            "{}: {}",
                            text::window_state(cx.lang, window.state),
                            pause.reason
                        ),
                        _ => text::window_state(cx.lang, window.state).to_string(),
                    };
                    ui.label(RichText::new(state).color(state_color));
                    window_ticket(ui, cx, office, window);
                    let topics: Vec<String> = window
                        .topics
                        .iter()
                        .map(|t| text::topic_prefix(office, *t))
                        .collect();
                    ui.label(topics.join(" "));
                    ui.end_row();
                }
            });
    }

    fn window_actions(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot) {
        let Some(window) = self
            .selected_window
            .and_then(|id| office.windows.iter().find(|w| w.id == id))
        else {
            muted(ui, &cx.text("desk-board-select-window"));
            return;
        };
        let free = !self.runner.busy();
        let name = cx.text_with(
            "desk-window-name",
            &[("window", window.label.as_str().into())],
        );
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("{name}:"))
                    .strong()
                    .color(colors::ACCENT),
            );
            if ui
                .add_enabled(free, egui::Button::new(cx.text("desk-board-change-topics")))
                .clicked()
            {
                self.form = Some(BoardForm::Topics(window.id, window.topics.clone()));
            }
            let can_pause = window.state == WindowState::Idle;
            if ui
                .add_enabled(
                    free && can_pause,
                    egui::Button::new(cx.text("desk-board-pause")),
                )
                .clicked()
            {
                self.form = Some(BoardForm::Pause(window.id, PauseForm::default()));
            }
            if ui
                .add_enabled(
                    free && window.state == WindowState::Paused,
                    egui::Button::new(cx.text("desk-board-resume")),
                )
                .clicked()
            {
                let api = cx.api.clone();
                let id = window.id;
                self.runner.start(cx, "", async move {
                    api.window_action::<Window>(id, "resume").await
                });
            }
            let can_close = matches!(window.state, WindowState::Idle | WindowState::Paused);
            if ui
                .add_enabled(
                    free && can_close,
                    egui::Button::new(cx.text("desk-board-close")),
                )
                .clicked()
            {
                let api = cx.api.clone();
                let id = window.id;
                self.runner.start(cx, "", async move {
                    api.window_action::<Window>(id, "close").await
                });
            }
        });
        let api = cx.api.clone();
        match &mut self.form {
            Some(BoardForm::Topics(id, topics)) if *id == window.id => {
                let title = cx.text_with(
                    "desk-window-topics-form",
                    &[("window", window.label.as_str().into())],
                );
                let event = form_frame(ui, &title, |ui| {
                    muted(ui, &cx.text("desk-board-topics-hint"));
                    for topic in office.topics.iter().filter(|t| t.active) {
                        let mut on = topics.contains(&topic.id);
                        let text = format!("{} {}", topic.prefix, topic.name(cx.lang.code()));
                        if ui.checkbox(&mut on, text).changed() {
                            if on {
                                topics.push(topic.id);
                            } else {
                                topics.retain(|t| *t != topic.id);
                            }
                        }
                    }
                    confirm_row(ui, cx, &cx.text("desk-board-save-topics"), free)
                });
                match event {
                    FormEvent::Submit => {
                        let (id, topics) = (*id, topics.clone());
                        self.runner
                            .start(cx, cx.text("desk-board-topics-saved"), async move {
                                api.set_window_topics(id, topics).await
                            });
                    }
                    FormEvent::Cancel => self.form = None,
                    FormEvent::Nothing => {}
                }
            }
            Some(BoardForm::Pause(id, form)) if *id == window.id => {
                match form.show(ui, cx, office) {
                    FormEvent::Submit if free => match form.request(cx) {
                        Ok(request) => {
                            let id = *id;
                            self.runner.start(cx, "", async move {
                                api.pause(id, &request.reason, request.until).await
                            });
                        }
                        Err(message) => self.runner.refuse(message),
                    },
                    FormEvent::Cancel => self.form = None,
                    _ => {}
                }
            }
            _ => {}
        }
    }

    fn queue(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot) {
        let waiting = waiting_by_wait(office, cx.now);
        section(
            ui,
            &cx.text_with("desk-office-waiting", &[("count", waiting.len().into())]),
        );
        if waiting.is_empty() {
            muted(ui, &cx.text("desk-queue-empty"));
        }
        // Leave room for the transfer form under the list when it is open.
        let reserve = if matches!(self.form, Some(BoardForm::Transfer(..))) {
            420.0
        } else {
            10.0
        };
        let clicked = egui::ScrollArea::vertical()
            .id_salt("head_queue")
            .max_height((ui.available_height() - reserve).max(160.0))
            .show(ui, |ui| {
                ticket_rows(
                    ui,
                    cx,
                    office,
                    "head_queue_grid",
                    &waiting,
                    Some(self.selected_ticket),
                    |ticket| {
                        let mut marks = Vec::new();
                        if ticket.out_of_turn {
                            marks.push(cx.text("desk-mark-out-of-turn"));
                        }
                        if ticket.target_window.is_some() {
                            marks.push(cx.text("desk-mark-sent-to-window"));
                        }
                        marks
                    },
                )
            })
            .inner;
        if let Some(id) = clicked {
            let selected = self.selected_ticket == Some(id);
            self.selected_ticket = (!selected).then_some(id);
            self.form = (!selected).then(|| BoardForm::Transfer(id, TransferForm::default()));
        }
        let api = cx.api.clone();
        let free = !self.runner.busy();
        if let Some(BoardForm::Transfer(id, form)) = &mut self.form {
            let Some(ticket) = office
                .tickets
                .iter()
                .find(|t| t.id == *id && t.status == TicketStatus::Waiting)
            else {
                self.form = None;
                return;
            };
            ui.add_space(8.0);
            match form.show(ui, cx, office, &ticket.label, ticket.window_id) {
                FormEvent::Submit if free => {
                    let (id, request) = (*id, form.request());
                    self.runner
                        .start(cx, "", async move { api.transfer(id, &request).await });
                    self.selected_ticket = None;
                }
                FormEvent::Cancel => {
                    self.form = None;
                    self.selected_ticket = None;
                }
                _ => {}
            }
        }
    }
}

/// The ticket at a window and how long it has been there, coloured by its norm.
fn window_ticket(ui: &mut Ui, cx: &Cx, office: &Snapshot, window: &Window) {
    let ticket = window
        .current_ticket
        .and_then(|id| office.tickets.iter().find(|t| t.id == id));
    let topic = ticket.and_then(|t| office.topics.iter().find(|topic| topic.id == t.topic_id));
    match (ticket, topic) {
        (Some(ticket), Some(topic)) => {
            ui.label(RichText::new(&ticket.label).strong());
            if ticket.status == TicketStatus::Serving {
                let status = service_status(ticket, topic, cx.now);
                ui.label(
                    RichText::new(Lang::clock_duration(ticket.service_ms_at(cx.now)))
                        .color(norm_color(status)),
                );
            } else {
                ui.label(Lang::clock_duration(
                    (cx.now - window.state_since).num_milliseconds(),
                ));
            }
        }
        _ => {
            ui.label("—");
            if window.state == WindowState::Closed {
                ui.label("");
            } else {
                ui.label(Lang::clock_duration(
                    (cx.now - window.state_since).num_milliseconds(),
                ));
            }
        }
    }
}
