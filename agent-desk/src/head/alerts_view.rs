//! The active alerts, and a blinking banner when a new one appears.

use crate::alert_cue::AlertCue;
use crate::cx::Cx;
use crate::text;
use egui::{Color32, RichText, Ui};
use talon_client::look::colors;
use talon_protocol::Snapshot;

pub fn show(ui: &mut Ui, cx: &Cx, office: &Snapshot, cue: &mut AlertCue) {
    if let Some((alert, _)) = cue.fresh.clone() {
        let fill = if cue.bright() {
            colors::BREACH
        } else {
            Color32::from_rgb(0x7a, 0x1c, 0x24)
        };
        let mut acknowledged = false;
        egui::Frame::new()
            .fill(fill)
            .inner_margin(12)
            .corner_radius(8)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(format!(
                            "{} {}",
                            cx.t("Новое оповещение:", "New alert:"),
                            text::alert(cx.lang, &alert, office)
                        ))
                        .size(24.0)
                        .strong()
                        .color(Color32::WHITE),
                    );
                    if ui.button(cx.t("Принято", "Got it")).clicked() {
                        acknowledged = true;
                    }
                });
            });
        if acknowledged {
            cue.acknowledge();
        }
        if cue.blinking() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
        ui.add_space(6.0);
    }

    let mut alerts: Vec<_> = office.alerts.iter().collect();
    alerts.sort_by_key(|a| std::cmp::Reverse(a.raised_at));
    if alerts.is_empty() {
        ui.colored_label(colors::OK, cx.t("Оповещений нет", "No alerts"));
        return;
    }
    egui::Frame::new()
        .stroke(egui::Stroke::new(2.0, colors::BREACH))
        .inner_margin(10)
        .corner_radius(8)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    cx.t("Оповещения:", "Alerts:"),
                    alerts.len()
                ))
                .size(22.0)
                .strong()
                .color(colors::BREACH),
            );
            egui::ScrollArea::vertical()
                .id_salt("alerts")
                .max_height(150.0)
                .show(ui, |ui| {
                    for alert in alerts {
                        ui.horizontal(|ui| {
                            ui.label(
                                RichText::new(text::local_time(office, alert.raised_at))
                                    .color(colors::MUTED),
                            );
                            ui.label(RichText::new(text::alert(cx.lang, alert, office)).strong());
                        });
                    }
                });
        });
}
