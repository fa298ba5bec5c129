//! The server's reports as files: any kind in CSV, XLSX, PDF or JSON, for this office,
//! a region or the whole company (as the person's role allows), saved into a folder;
//! and the monthly compliance reports the server keeps, listed and saved the same way.
//!
//! The desk renders nothing itself here: the server makes every file (one renderer,
//! the same file a script fetching `/api/v1/reports/…` gets).

use crate::cx::Cx;
use crate::forms::text_field;
use crate::text;
use crate::widgets::{muted, section};
use chrono::NaiveDate;
use egui::{RichText, Ui};
use std::path::{Path, PathBuf};
use talon_client::look::colors;
use talon_client::{ClientError, Task};
use talon_protocol::OfficeId;
use talon_protocol::api::{KeptReport, Region, Role};
use talon_protocol::report::{ReportFormat, ReportKind, ReportScope, file_name, kept_file_name};

/// What became of the last download, put in words when shown (the language may change).
enum Outcome {
    Saved { path: PathBuf, bytes: usize },
    NotSaved { path: PathBuf, error: String },
    Refused(ClientError),
}

/// A file being fetched, and where it goes when it comes.
struct Download {
    task: Task<Result<Vec<u8>, ClientError>>,
    path: PathBuf,
}

pub struct ReportFiles {
    kind: ReportKind,
    format: ReportFormat,
    /// Chosen among this office, the person's regions and the whole company.
    scope: Option<ReportScope>,
    folder: String,
    regions: Vec<Region>,
    regions_task: Option<Task<Result<Vec<Region>, ClientError>>>,
    kept: Option<Vec<KeptReport>>,
    kept_task: Option<Task<Result<Vec<KeptReport>, ClientError>>>,
    download: Option<Download>,
    outcome: Option<Outcome>,
    started: bool,
}

impl Default for ReportFiles {
    fn default() -> Self {
        ReportFiles {
            kind: ReportKind::Topics,
            format: ReportFormat::Xlsx,
            scope: None,
            folder: home().display().to_string(),
            regions: Vec::new(),
            regions_task: None,
            kept: None,
            kept_task: None,
            download: None,
            outcome: None,
            started: false,
        }
    }
}

fn home() -> PathBuf {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn kind_text(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::Topics => "desk-files-kind-topics",
        ReportKind::Agents => "desk-files-kind-agents",
        ReportKind::Hourly => "desk-files-kind-hourly",
        ReportKind::Compliance => "desk-files-kind-compliance",
        ReportKind::Feedback => "desk-files-kind-feedback",
        ReportKind::Appointments => "desk-files-kind-appointments",
    }
}

impl ReportFiles {
    /// `period`: the screen's period when its dates read right.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &Cx,
        office: (OfficeId, &str),
        period: Option<(NaiveDate, NaiveDate)>,
    ) {
        self.collect(cx);
        if !self.started {
            self.started = true;
            self.refresh(cx);
        }
        let scope = *self.scope.get_or_insert(ReportScope::Office(office.0));

        section(ui, &cx.text("desk-files-title"));
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(cx.text("desk-files-kind")).color(colors::MUTED));
            for kind in ReportKind::ALL {
                if ui
                    .selectable_label(self.kind == kind, cx.text(kind_text(kind)))
                    .clicked()
                {
                    self.kind = kind;
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(cx.text("desk-files-scope")).color(colors::MUTED));
            for (choice, label) in self.scopes(cx, office) {
                if ui.selectable_label(scope == choice, label).clicked() {
                    self.scope = Some(choice);
                }
            }
        });
        ui.horizontal(|ui| {
            ui.label(RichText::new(cx.text("desk-files-format")).color(colors::MUTED));
            for format in [
                ReportFormat::Xlsx,
                ReportFormat::Pdf,
                ReportFormat::Csv,
                ReportFormat::Json,
            ] {
                let label = format.extension().to_uppercase();
                if ui.selectable_label(self.format == format, label).clicked() {
                    self.format = format;
                }
            }
            ui.add_space(12.0);
            text_field(
                ui,
                &cx.text("desk-files-folder"),
                &mut self.folder,
                "",
                360.0,
            );
        });
        ui.horizontal(|ui| {
            let busy = self.download.is_some();
            let button = egui::Button::new(RichText::new(cx.text("desk-files-download")).strong())
                .fill(colors::BUTTON);
            if ui.add_enabled(!busy && period.is_some(), button).clicked()
                && let Some(period) = period
            {
                let name = file_name(self.kind, scope, period, self.format);
                let api = cx.api.clone();
                let (kind, format, lang) = (self.kind, self.format, cx.lang);
                self.start(
                    name,
                    cx.spawn(async move { api.report(kind, scope, period, format, lang).await }),
                );
            }
            if busy {
                ui.spinner();
                muted(ui, &cx.text("desk-files-making"));
            }
        });
        self.outcome_line(ui, cx);
        ui.add_space(8.0);
        self.kept_list(ui, cx);
    }

    /// This office; the regions the person heads (every region for the head office and
    /// administrators); the whole company for those who see everything.
    fn scopes(&self, cx: &Cx, office: (OfficeId, &str)) -> Vec<(ReportScope, String)> {
        let role = cx.user.role;
        let mut scopes = vec![(ReportScope::Office(office.0), office.1.to_string())];
        for region in &self.regions {
            if role.sees_all() || (role == Role::RegionHead && cx.user.regions.contains(&region.id))
            {
                scopes.push((
                    ReportScope::Region(region.id),
                    cx.text_with(
                        "desk-files-region",
                        &[("name", region.name.as_str().into())],
                    ),
                ));
            }
        }
        if role.sees_all() {
            scopes.push((ReportScope::All, cx.text("desk-files-all")));
        }
        scopes
    }

    fn kept_list(&mut self, ui: &mut Ui, cx: &Cx) {
        ui.horizontal(|ui| {
            section(ui, &cx.text("desk-files-kept-title"));
            if ui
                .add_enabled(
                    self.kept_task.is_none(),
                    egui::Button::new(cx.text("desk-files-kept-refresh")),
                )
                .clicked()
            {
                self.refresh(cx);
            }
        });
        let Some(kept) = self.kept.clone() else {
            ui.spinner();
            return;
        };
        if kept.is_empty() {
            muted(ui, &cx.text("desk-files-kept-none"));
            return;
        }
        muted(
            ui,
            &cx.text_with(
                "desk-files-kept-hint",
                &[("format", self.format.extension().to_uppercase().into())],
            ),
        );
        egui::ScrollArea::vertical()
            .id_salt("kept_reports")
            .max_height(150.0)
            .show(ui, |ui| {
                for report in &kept {
                    let label = cx.text_with(
                        "desk-files-kept-save",
                        &[
                            ("month", report.month.as_str().into()),
                            ("scope", report.scope_name.as_str().into()),
                        ],
                    );
                    if ui
                        .add_enabled(self.download.is_none(), egui::Button::new(label))
                        .clicked()
                    {
                        let name = kept_file_name(report, self.format);
                        let api = cx.api.clone();
                        let (id, format, lang) = (report.id, self.format, cx.lang);
                        self.start(
                            name,
                            cx.spawn(async move { api.kept_report(id, format, lang).await }),
                        );
                    }
                }
            });
    }

    fn start(&mut self, name: String, task: Task<Result<Vec<u8>, ClientError>>) {
        self.outcome = None;
        self.download = Some(Download {
            task,
            path: Path::new(self.folder.trim()).join(name),
        });
    }

    fn refresh(&mut self, cx: &Cx) {
        let api = cx.api.clone();
        self.kept_task = Some(cx.spawn(async move { api.kept_reports().await }));
        if cx.user.role.sees_all() || cx.user.role == Role::RegionHead {
            let api = cx.api.clone();
            self.regions_task = Some(cx.spawn(async move { api.regions().await }));
        }
    }

    /// Takes in what the server answered: files are written as they come.
    fn collect(&mut self, cx: &Cx) {
        if let Some(task) = &self.regions_task
            && let Some(result) = task.take()
        {
            self.regions_task = None;
            match result {
                Ok(regions) => self.regions = regions,
                Err(error) => cx.note_error(&error),
            }
        }
        if let Some(task) = &self.kept_task
            && let Some(result) = task.take()
        {
            self.kept_task = None;
            match result {
                Ok(kept) => self.kept = Some(kept),
                Err(error) => {
                    cx.note_error(&error);
                    self.kept = Some(Vec::new());
                    self.outcome = Some(Outcome::Refused(error));
                }
            }
        }
        if let Some(download) = &self.download
            && let Some(result) = download.task.take()
        {
            let path = download.path.clone();
            self.download = None;
            self.outcome = Some(match result {
                Ok(bytes) => match std::fs::write(&path, &bytes) {
                    Ok(()) => Outcome::Saved {
                        path,
                        bytes: bytes.len(),
                    },
                    Err(e) => Outcome::NotSaved {
                        path,
                        error: e.to_string(),
                    },
                },
                Err(error) => {
                    cx.note_error(&error);
                    Outcome::Refused(error)
                }
            });
        }
    }

    fn outcome_line(&self, ui: &mut Ui, cx: &Cx) {
        let (message, color) = match &self.outcome {
            None => return,
            Some(Outcome::Saved { path, bytes }) => (
                cx.text_with(
                    "desk-files-saved",
                    &[
                        ("path", path.display().to_string().into()),
                        ("size", text::file_size(cx.lang, *bytes).into()),
                    ],
                ),
                colors::OK,
            ),
            Some(Outcome::NotSaved { path, error }) => (
                cx.text_with(
                    "desk-report-not-saved",
                    &[
                        ("path", path.display().to_string().into()),
                        ("error", error.as_str().into()),
                    ],
                ),
                colors::BREACH,
            ),
            Some(Outcome::Refused(error)) => (text::client_error(cx.lang, error), colors::BREACH),
        };
        ui.colored_label(color, message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_kind_scope_period_and_format() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        assert_eq!(
            file_name(
                ReportKind::Hourly,
                ReportScope::Region(talon_protocol::RegionId(2)),
                (day(1), day(30)),
                ReportFormat::Pdf
            ),
            "talon-hourly-region-2-2026-11-01-2026-11-30.pdf"
        );
        assert_eq!(
            file_name(
                ReportKind::Topics,
                ReportScope::All,
                (day(3), day(3)),
                ReportFormat::Xlsx
            ),
            "talon-topics-all-2026-11-03-2026-11-03.xlsx"
        );
    }
}
