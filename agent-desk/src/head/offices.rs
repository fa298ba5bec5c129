//! The company board: a row per office the person oversees, as the server works it out
//! (`GET /api/v1/overview`): waiting now, the longest wait against its norm, breaches
//! now, windows open, today's share within the wait norm and the month's average wait
//! against its limit; offices in trouble first. A region filter when there are regions,
//! and a button to open an office's own board. Refreshed every [`REFRESH_EVERY`].

use crate::cx::Cx;
use crate::text;
use crate::widgets::{muted, section};
use egui::{RichText, Ui};
use std::time::{Duration, Instant};
use talon_client::look::{colors, norm_color};
use talon_client::{ClientError, Lang, Task};
use talon_protocol::api::Region;
use talon_protocol::overview::OfficeOverview;
use talon_protocol::{NormStatus, OfficeId, RegionId, norm_status};

const REFRESH_EVERY: Duration = Duration::from_secs(10);

type Loaded = (Vec<OfficeOverview>, Vec<Region>);

#[derive(Default)]
pub struct OfficesTab {
    task: Option<Task<Result<Loaded, ClientError>>>,
    rows: Option<Vec<OfficeOverview>>,
    regions: Vec<Region>,
    /// The region shown; all when none.
    region: Option<RegionId>,
    refreshed_at: Option<Instant>,
    error: Option<String>,
}

/// A share against a norm or limit, coloured as the norms are.
fn against(value_ms: Option<i64>, norm_ms: i64) -> Option<NormStatus> {
    let minutes = u32::try_from(norm_ms / 60_000).ok()?;
    value_ms.map(|v| norm_status(v, minutes))
}

fn coloured(ui: &mut Ui, text: String, status: Option<NormStatus>) {
    match status {
        Some(status) => ui.label(RichText::new(text).color(norm_color(status))),
        None => ui.label(text),
    };
}

impl OfficesTab {
    fn poll(&mut self, cx: &Cx) {
        let Some(task) = &self.task else { return };
        let Some(result) = task.take() else { return };
        self.task = None;
        match result {
            Ok((rows, regions)) => {
                self.rows = Some(rows);
                self.regions = regions;
                self.error = None;
            }
            Err(error) => {
                cx.note_error(&error);
                self.error = Some(text::client_error(cx.lang, &error));
            }
        }
    }

    fn refresh(&mut self, cx: &Cx) {
        if self.task.is_some() {
            return;
        }
        self.refreshed_at = Some(Instant::now());
        let api = cx.api.clone();
        let region = self.region;
        self.task = Some(cx.spawn(async move {
            let rows = api.overview(region).await?;
            let regions = api.regions().await?;
            Ok((rows, regions))
        }));
    }

    fn region_filter(&mut self, ui: &mut Ui, cx: &Cx) {
        if self.regions.is_empty() {
            return;
        }
        let mut chosen = self.region;
        ui.horizontal_wrapped(|ui| {
            ui.label(cx.text("desk-offices-region"));
            ui.selectable_value(&mut chosen, None, cx.text("desk-offices-all-regions"));
            for region in &self.regions {
                ui.selectable_value(&mut chosen, Some(region.id), &region.name);
            }
        });
        if chosen != self.region {
            self.region = chosen;
            self.rows = None;
            // A filter chosen while a refresh runs is fetched when that one ends.
            self.refreshed_at = None;
        }
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
        ui.horizontal(|ui| {
            section(ui, &cx.text("desk-offices-title"));
            let busy = self.task.is_some();
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
        self.region_filter(ui, cx);
        if let Some(error) = &self.error {
            ui.colored_label(colors::BREACH, error);
        }
        let Some(rows) = &self.rows else {
            muted(ui, &cx.text("desk-offices-loading"));
            return None;
        };
        if rows.is_empty() {
            muted(ui, &cx.text("desk-offices-none"));
            return None;
        }
        let mut open = None;
        egui::ScrollArea::both().show(ui, |ui| {
            egui::Grid::new("offices_grid")
                .num_columns(8)
                .spacing([22.0, 10.0])
                .striped(true)
                .show(ui, |ui| {
                    for head in [
                        "desk-offices-column-office",
                        "desk-column-waiting",
                        "desk-offices-column-longest-wait",
                        "desk-offices-column-breaches",
                        "desk-offices-column-windows-open",
                        "desk-offices-column-within-norm",
                        "desk-offices-column-month",
                        "desk-offices-column-alerts",
                    ] {
                        ui.label(RichText::new(cx.text(head)).color(colors::MUTED));
                    }
                    ui.end_row();
                    for row in rows {
                        if office_row(ui, cx, row, current == Some(row.office_id)) {
                            open = Some(row.office_id);
                        }
                        ui.end_row();
                    }
                });
        });
        open
    }
}

/// One office's row, its name the button that opens its board; true when the person
/// asked to open it.
fn office_row(ui: &mut Ui, cx: &Cx, row: &OfficeOverview, is_current: bool) -> bool {
    let open = ui
        .horizontal(|ui| {
            if is_current {
                // The office open now is said so, not offered.
                ui.label(RichText::new(&row.name).strong());
                ui.add_enabled(false, egui::Button::new(cx.text("desk-office-is-open")));
                return false;
            }
            let name = cx.text_with("desk-open-office", &[("office", row.name.as_str().into())]);
            let button = ui.button(RichText::new(&row.name).strong());
            button.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &name)
            });
            button.clicked()
        })
        .inner;
    ui.label(row.waiting.to_string());
    let longest = row.longest_wait_ms.map(Lang::clock_duration);
    let status = row
        .longest_wait_norm_ms
        .and_then(|norm| against(row.longest_wait_ms, norm));
    coloured(ui, longest.unwrap_or_else(|| "—".into()), status);
    let breaches = if row.breaches_now > 0 {
        Some(NormStatus::Breach)
    } else {
        Some(NormStatus::Ok)
    };
    coloured(ui, row.breaches_now.to_string(), breaches);
    ui.label(format!("{} / {}", row.windows_open, row.windows_total));
    ui.label(text::share(row.today_within_wait_norm));
    let month = cx.text_with(
        "desk-offices-month-of-limit",
        &[
            (
                "average",
                text::minutes_1(cx.lang, row.month_average_wait_ms).into(),
            ),
            (
                "limit",
                talon_client::texts::minutes(cx.lang, row.month_limit_ms).into(),
            ),
        ],
    );
    coloured(
        ui,
        month,
        against(row.month_average_wait_ms, row.month_limit_ms),
    );
    let alerts = if row.open_alerts > 0 {
        colors::BREACH
    } else {
        colors::OK
    };
    let alerts_text = if row.escalated_alerts > 0 {
        cx.text_with(
            "desk-offices-alerts-escalated",
            &[
                ("count", row.open_alerts.into()),
                ("escalated", row.escalated_alerts.into()),
            ],
        )
    } else {
        row.open_alerts.to_string()
    };
    ui.label(RichText::new(alerts_text).color(alerts));
    open
}
