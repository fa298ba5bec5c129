//! The active alerts, and a blinking banner when a new one appears.
//!
//! Both keep their place and size: the banner lives in the tab row (seen from every tab)
//! and the list in a box of fixed height, so a new alert never moves the buttons under
//! the head's pointer.

use crate::alert_cue::AlertCue;
use crate::cx::Cx;
use crate::text;
use egui::{Color32, RichText, Ui};
use talon_client::look::colors;
use talon_protocol::{Alert, Snapshot};

/// Height of the alert list box: about three alerts; more scroll.
const LIST_HEIGHT: f32 = 150.0;

/// The "new alert" banner, blinking for a few seconds, until acknowledged.
pub fn banner(ui: &mut Ui, cx: &Cx, office: &Snapshot, cue: &mut AlertCue) {
    let Some((alert, _)) = cue.fresh.clone() else {
        return;
    };
    let fill = if cue.bright() {
        colors::BREACH
    } else {
        Color32::from_rgb(0x7a, 0x1c, 0x24)
    };
    let mut acknowledged = false;
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(10, 4))
        .corner_radius(6)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui.button(cx.text("desk-alert-acknowledge")).clicked() {
                    acknowledged = true;
                }
                ui.add(
                    egui::Label::new(
                        RichText::new(cx.text_with(
                            "desk-new-alert",
                            &[("alert", text::alert(cx.lang, &alert, office).into())],
                        ))
                        .strong()
                        .color(Color32::WHITE),
                    )
                    .truncate(),
                );
            });
        });
    if acknowledged {
        cue.acknowledge();
    }
    if cue.blinking() {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(250));
    }
}

/// The office's active alerts, newest first, in a box of fixed height.
pub fn list(ui: &mut Ui, cx: &Cx, office: &Snapshot) {
    // Then by the sentence, so the order is the same on every frame, after every resync
    // and on every run (alert ids contain random ticket ids).
    let mut alerts: Vec<(String, &Alert)> = office
        .alerts
        .iter()
        .map(|a| (text::alert(cx.lang, a, office), a))
        .collect();
    alerts
        .sort_by(|(a_text, a), (b_text, b)| b.raised_at.cmp(&a.raised_at).then(a_text.cmp(b_text)));
    let border = if alerts.is_empty() {
        colors::OK
    } else {
        colors::BREACH
    };
    egui::Frame::new()
        .stroke(egui::Stroke::new(2.0, border))
        .inner_margin(10)
        .corner_radius(8)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.set_height(LIST_HEIGHT);
            if alerts.is_empty() {
                ui.colored_label(colors::OK, cx.text("desk-alerts-none"));
                return;
            }
            ui.label(
                RichText::new(cx.text_with("desk-alerts-count", &[("count", alerts.len().into())]))
                    .size(22.0)
                    .strong()
                    .color(colors::BREACH),
            );
            egui::ScrollArea::vertical()
                .id_salt("alerts")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for (sentence, alert) in alerts {
                        ui.horizontal(|ui| {
                            ui.label(
                                RichText::new(text::local_time(office, alert.raised_at))
                                    .color(colors::MUTED),
                            );
                            ui.label(RichText::new(sentence).strong());
                        });
                    }
                });
        });
}
