//! What if: the head plans a day — how many windows are open from which hour to which —
//! and the server's simulator says what it would give: the share of visitors within
//! their wait norm, the average wait and the worst hour, with the arrivals learned from
//! the last four same weekdays. Windows are taken in the office's order, each with the
//! topics it serves now.

use crate::cx::Cx;
use crate::forms::{parse_date, text_field};
use crate::office_live::OfficeLive;
use crate::text;
use crate::widgets::{muted, section};
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_client::{ClientError, Task};
use talon_protocol::advice::{DayPlan, PlanOutcome, PlannedHour};
use talon_protocol::{Snapshot, TopicId};

#[derive(Default)]
pub struct WhatIf {
    filled: bool,
    plan: String,
    day: String,
    task: Option<Task<Result<PlanOutcome, ClientError>>>,
    outcome: Option<PlanOutcome>,
    error: Option<String>,
}

/// "9-12:3, 12-14:2, 14-18:3" → (hour, windows open) for each hour planned; None when it
/// does not read.
pub fn parse_plan(text: &str) -> Option<Vec<(u32, usize)>> {
    let mut hours = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (span, count) = part.split_once(':')?;
        let (from, to) = span.split_once('-')?;
        let (from, to): (u32, u32) = (from.trim().parse().ok()?, to.trim().parse().ok()?);
        let count: usize = count.trim().parse().ok()?;
        if from >= to || to > 24 {
            return None;
        }
        for hour in from..to {
            if hours.iter().any(|(h, _)| *h == hour) {
                return None;
            }
            hours.push((hour, count));
        }
    }
    (!hours.is_empty()).then_some(hours)
}

/// The office's active windows in order, each with its topics.
fn windows(office: &Snapshot) -> Vec<Vec<TopicId>> {
    let mut windows: Vec<_> = office.windows.iter().filter(|w| w.active).collect();
    windows.sort_by_key(|w| w.id);
    windows.into_iter().map(|w| w.topics.clone()).collect()
}

impl WhatIf {
    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, live: &OfficeLive) {
        if let Some(task) = &self.task
            && let Some(result) = task.take()
        {
            self.task = None;
            match result {
                Ok(outcome) => self.outcome = Some(outcome),
                Err(error) => {
                    cx.note_error(&error);
                    self.error = Some(text::client_error(cx.lang, &error));
                }
            }
        }
        let Some(mirror) = &live.mirror else {
            return;
        };
        let office = &mirror.office;
        let windows = windows(office);
        if !self.filled {
            self.filled = true;
            self.plan = format!("9-18:{}", windows.len());
            self.day = office.service_day.to_string();
        }
        section(ui, &cx.text("desk-whatif-title"));
        muted(
            ui,
            &cx.text_with("desk-whatif-hint", &[("windows", windows.len().into())]),
        );
        ui.horizontal(|ui| {
            text_field(
                ui,
                &cx.text("desk-whatif-plan"),
                &mut self.plan,
                "9-12:3, 12-14:2",
                320.0,
            );
            text_field(
                ui,
                &cx.text("desk-whatif-day"),
                &mut self.day,
                &cx.text("desk-date-hint"),
                150.0,
            );
            let run = egui::Button::new(RichText::new(cx.text("desk-whatif-run")).strong())
                .fill(colors::BUTTON);
            if ui.add_enabled(self.task.is_none(), run).clicked() {
                self.request(cx, live, &windows);
            }
            if self.task.is_some() {
                ui.spinner();
            }
        });
        if let Some(error) = &self.error {
            ui.colored_label(colors::BREACH, error);
        }
        if let Some(outcome) = &self.outcome {
            show_outcome(ui, cx, office, outcome);
        }
    }

    fn request(&mut self, cx: &Cx, live: &OfficeLive, windows: &[Vec<TopicId>]) {
        self.error = None;
        let Some(hours) = parse_plan(&self.plan) else {
            self.error = Some(cx.text("desk-whatif-bad-plan"));
            return;
        };
        if let Some((_, count)) = hours.iter().find(|(_, n)| *n > windows.len()) {
            self.error = Some(cx.text_with(
                "desk-whatif-too-many",
                &[
                    ("count", (*count).into()),
                    ("windows", windows.len().into()),
                ],
            ));
            return;
        }
        let Some(day) = parse_date(&self.day) else {
            self.error = Some(cx.text("desk-report-bad-dates"));
            return;
        };
        let plan = DayPlan {
            day,
            hours: hours
                .into_iter()
                .map(|(hour, count)| PlannedHour {
                    hour,
                    windows: windows[..count].to_vec(),
                })
                .collect(),
            arrivals: None,
        };
        let api = cx.api.clone();
        let office = live.id;
        self.outcome = None;
        self.task = Some(cx.spawn(async move { api.what_if(office, &plan).await }));
    }
}

fn show_outcome(ui: &mut Ui, cx: &Cx, office: &Snapshot, outcome: &PlanOutcome) {
    if outcome.arrivals_from == "none" {
        muted(ui, &cx.text("desk-whatif-no-history"));
    }
    let peak = match outcome.peak_hour {
        Some(hour) => cx.text_with(
            "desk-whatif-peak",
            &[
                ("hour", format!("{hour:02}:00").into()),
                (
                    "wait",
                    text::minutes_1(cx.lang, Some(outcome.peak_wait_ms)).into(),
                ),
            ],
        ),
        None => String::new(),
    };
    ui.label(
        RichText::new(cx.text_with(
            "desk-whatif-outcome",
            &[
                ("visitors", format!("{:.0}", outcome.visitors).into()),
                ("within", text::share(Some(outcome.within_wait_norm)).into()),
                (
                    "wait",
                    text::minutes_1(cx.lang, Some(outcome.average_wait_ms)).into(),
                ),
                ("hours", outcome.staff_hours.into()),
            ],
        ))
        .strong(),
    );
    if !peak.is_empty() {
        ui.label(peak);
    }
    for topic in &outcome.topics {
        let name = office
            .topics
            .iter()
            .find(|t| t.id == topic.topic_id)
            .map_or_else(String::new, |t| {
                format!("{} {}", t.prefix, t.name(cx.lang.code()))
            });
        muted(
            ui,
            &cx.text_with(
                "desk-whatif-topic",
                &[
                    ("topic", name.into()),
                    ("visitors", format!("{:.1}", topic.visitors).into()),
                    ("within", text::share(Some(topic.within_wait_norm)).into()),
                    (
                        "wait",
                        text::minutes_1(cx.lang, Some(topic.average_wait_ms)).into(),
                    ),
                ],
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_reads_as_hours_and_windows() {
        assert_eq!(
            parse_plan("9-11:3, 11-12:2"),
            Some(vec![(9, 3), (10, 3), (11, 2)])
        );
        assert_eq!(parse_plan("9-9:1"), None, "an empty span");
        assert_eq!(parse_plan("9-11:1, 10-12:2"), None, "an hour twice");
        assert_eq!(parse_plan("nine to five"), None);
        assert_eq!(parse_plan(""), None);
    }
}
