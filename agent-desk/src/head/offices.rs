//! Several offices: a summary row per office the person may see (waiting, open windows,
//! alerts, the longest wait) from each office's snapshot, and a button to open one.
//! The summaries are refreshed on demand and every 30 seconds while the tab is shown.

use crate::cx::Cx;
use crate::text;
use crate::widgets::{muted, section};
use egui::{RichText, Ui};
use std::collections::HashMap;
use std::time::{Duration, Instant};
use talon_client::look::{colors, norm_color};
use talon_client::{ClientError, Lang, Task};
use talon_protocol::{Office, OfficeId, Snapshot, TicketStatus, WindowState};

const REFRESH_EVERY: Duration = Duration::from_secs(30);

#[derive(Default)]
pub struct OfficesTab {
    list: Option<Task<Result<Vec<Office>, ClientError>>>,
    offices: Vec<Office>,
    snapshots: HashMap<OfficeId, Result<Snapshot, String>>,
    pending: Vec<(OfficeId, Task<Result<Snapshot, ClientError>>)>,
    refreshed_at: Option<Instant>,
    error: Option<String>,
}

/// One office's figures.
struct Summary {
    waiting: usize,
    open_windows: usize,
    windows: usize,
    alerts: usize,
    longest_wait: Option<(i64, talon_protocol::NormStatus)>,
}

fn summarize(snapshot: &Snapshot, now: chrono::DateTime<chrono::Utc>) -> Summary {
    let longest_wait = snapshot
        .tickets
        .iter()
        .filter(|t| t.status == TicketStatus::Waiting)
        .filter_map(|t| {
            let topic = snapshot
                .topics
                .iter()
                .find(|topic| topic.id == t.topic_id)?;
            Some((
                t.wait_ms_at(now),
                talon_protocol::norms::wait_status(t, topic, now),
            ))
        })
        .max_by_key(|(ms, _)| *ms);
    Summary {
        waiting: snapshot
            .tickets
            .iter()
            .filter(|t| t.status == TicketStatus::Waiting)
            .count(),
        open_windows: snapshot
            .windows
            .iter()
            .filter(|w| w.state != WindowState::Closed)
            .count(),
        windows: snapshot.windows.len(),
        alerts: snapshot.alerts.len(),
        longest_wait,
    }
}

impl OfficesTab {
    fn poll(&mut self, cx: &Cx) {
        if let Some(task) = &self.list
            && let Some(result) = task.take()
        {
            self.list = None;
            match result {
                Ok(offices) => {
                    self.offices = offices;
                    self.error = None;
                    for office in &self.offices {
                        let api = cx.api.clone();
                        let id = office.id;
                        let task = cx.spawn(async move { api.snapshot(id).await });
                        self.pending.push((id, task));
                    }
                }
                Err(error) => {
                    cx.note_error(&error);
                    self.error = Some(text::client_error(cx.lang, &error));
                }
            }
        }
        self.pending.retain(|(id, task)| match task.take() {
            Some(result) => {
                if let Err(error) = &result {
                    cx.note_error(error);
                }
                self.snapshots
                    .insert(*id, result.map_err(|e| text::client_error(cx.lang, &e)));
                false
            }
            None => true,
        });
    }

    fn refresh(&mut self, cx: &Cx) {
        if self.list.is_some() || !self.pending.is_empty() {
            return;
        }
        self.refreshed_at = Some(Instant::now());
        let api = cx.api.clone();
        self.list = Some(cx.spawn(async move { api.offices().await }));
    }

    /// Returns the office to open when the person chose one.
    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, current: Option<OfficeId>) -> Option<OfficeId> {
        self.poll(cx);
        if self
            .refreshed_at
            .is_none_or(|at| at.elapsed() >= REFRESH_EVERY)
        {
            self.refresh(cx);
        }
        let mut open = None;
        ui.horizontal(|ui| {
            section(ui, &cx.text("desk-offices-title"));
            let busy = self.list.is_some() || !self.pending.is_empty();
            if ui
                .add_enabled(!busy, egui::Button::new(cx.text("desk-offices-refresh")))
                .clicked()
            {
                self.refresh(cx);
            }
            if busy {
                ui.spinner();
            }
        });
        if let Some(error) = &self.error {
            ui.colored_label(colors::BREACH, error);
        }
        if self.offices.is_empty() {
            muted(ui, &cx.text("desk-offices-loading"));
            return None;
        }
        egui::Grid::new("offices_grid")
            .num_columns(6)
            .spacing([26.0, 10.0])
            .striped(true)
            .show(ui, |ui| {
                for head in [
                    cx.text("desk-offices-column-office"),
                    cx.text("desk-column-waiting"),
                    cx.text("desk-offices-column-windows-open"),
                    cx.text("desk-offices-column-alerts"),
                    cx.text("desk-offices-column-longest-wait"),
                    String::new(),
                ] {
                    ui.label(RichText::new(head).color(colors::MUTED));
                }
                ui.end_row();
                for office in &self.offices {
                    ui.label(RichText::new(&office.name).strong());
                    match self.snapshots.get(&office.id) {
                        Some(Ok(snapshot)) => {
                            let s = summarize(snapshot, cx.now);
                            ui.label(s.waiting.to_string());
                            ui.label(format!("{} / {}", s.open_windows, s.windows));
                            ui.label(RichText::new(s.alerts.to_string()).color(if s.alerts > 0 {
                                colors::BREACH
                            } else {
                                colors::OK
                            }));
                            match s.longest_wait {
                                Some((ms, status)) => {
                                    ui.label(
                                        RichText::new(Lang::clock_duration(ms))
                                            .color(norm_color(status)),
                                    );
                                }
                                None => {
                                    ui.label("—");
                                }
                            }
                        }
                        Some(Err(error)) => {
                            ui.colored_label(colors::BREACH, error);
                            ui.label("");
                            ui.label("");
                            ui.label("");
                        }
                        None => {
                            ui.spinner();
                            ui.label("");
                            ui.label("");
                            ui.label("");
                        }
                    }
                    let is_current = current == Some(office.id);
                    let text = if is_current {
                        cx.text("desk-office-is-open")
                    } else {
                        cx.text_with(
                            "desk-open-office",
                            &[("office", office.name.as_str().into())],
                        )
                    };
                    if ui
                        .add_enabled(!is_current, egui::Button::new(text))
                        .clicked()
                    {
                        open = Some(office.id);
                    }
                    ui.end_row();
                }
            });
        open
    }
}
