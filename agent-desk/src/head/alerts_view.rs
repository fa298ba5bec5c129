//! The active alerts, and a blinking banner when a new one appears.
//!
//! Both keep their place and size: the banner lives in the tab row (seen from every tab)
//! and the list in a box of fixed height, so a new alert never moves the buttons under
//! the head's pointer.

use crate::action::ActionRunner;
use crate::alert_cue::AlertCue;
use crate::cx::Cx;
use crate::text;
use egui::{Color32, RichText, Ui};
use talon_client::look::colors;
use talon_protocol::alert::EscalationLevel;
use talon_protocol::api::AcknowledgeRequest;
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

/// The office's active alerts, newest first, in a box of fixed height; each alert that
/// escalates says how far it has gone and who took it on, and can be taken on here with
/// a comment.
#[derive(Default)]
pub struct AlertList {
    /// The alert being taken on, and the comment as typed.
    taking: Option<(String, String)>,
    runner: ActionRunner,
}

/// Where an escalating alert stands, in words: who took it on, or how far it went.
fn standing(cx: &Cx, alert: &Alert, office: &Snapshot) -> Option<String> {
    if let Some(taken) = &alert.acknowledged {
        return Some(cx.text_with(
            "desk-alert-taken",
            &[
                ("name", taken.name.as_str().into()),
                ("time", text::local_time(office, taken.at).into()),
                ("comment", taken.comment.as_str().into()),
            ],
        ));
    }
    match alert.level {
        EscalationLevel::Office => None,
        EscalationLevel::Region => Some(cx.text("desk-alert-at-region")),
        EscalationLevel::HeadOffice => Some(cx.text("desk-alert-at-head-office")),
    }
}

impl AlertList {
    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot) {
        if self.runner.poll(cx) == Some(true) {
            self.taking = None;
        }
        // Then by the sentence, so the order is the same on every frame, after every
        // resync and on every run (alert ids contain random ticket ids).
        let mut alerts: Vec<(String, &Alert)> = office
            .alerts
            .iter()
            .map(|a| (text::alert(cx.lang, a, office), a))
            .collect();
        alerts.sort_by(|(a_text, a), (b_text, b)| {
            b.raised_at.cmp(&a.raised_at).then(a_text.cmp(b_text))
        });
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
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(
                            cx.text_with("desk-alerts-count", &[("count", alerts.len().into())]),
                        )
                        .size(22.0)
                        .strong()
                        .color(colors::BREACH),
                    );
                    self.runner.show(ui, cx);
                });
                egui::ScrollArea::vertical()
                    .id_salt("alerts")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        for (sentence, alert) in alerts {
                            self.row(ui, cx, office, &sentence, alert);
                        }
                    });
            });
    }

    fn row(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot, sentence: &str, alert: &Alert) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(text::local_time(office, alert.raised_at)).color(colors::MUTED));
            ui.label(RichText::new(sentence).strong());
            if let Some(standing) = standing(cx, alert, office) {
                let colour = if alert.acknowledged.is_some() {
                    colors::OK
                } else {
                    colors::WARNING
                };
                ui.label(RichText::new(standing).color(colour));
            }
            let takeable = alert.kind.escalates() && alert.acknowledged.is_none();
            let taking_this = self.taking.as_ref().is_some_and(|(id, _)| *id == alert.id);
            if takeable && !taking_this {
                let name = cx.text_with("desk-alert-take", &[("alert", sentence.into())]);
                let button = ui.button(cx.text("desk-alert-take-short"));
                button.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &name)
                });
                if button.clicked() {
                    self.taking = Some((alert.id.clone(), String::new()));
                }
            }
        });
        let Some((id, comment)) = self.taking.as_mut().filter(|(id, _)| *id == alert.id) else {
            return;
        };
        let mut cancel = false;
        ui.horizontal(|ui| {
            let label = ui.label(cx.text("desk-alert-comment"));
            ui.add(egui::TextEdit::singleline(comment).desired_width(360.0))
                .labelled_by(label.id);
            let send = ui.add_enabled(
                !self.runner.busy(),
                egui::Button::new(cx.text("desk-alert-take-confirm")),
            );
            if send.clicked() {
                if comment.trim().is_empty() {
                    self.runner.refuse(cx.text("desk-alert-comment-needed"));
                } else {
                    let request = AcknowledgeRequest {
                        comment: comment.trim().to_string(),
                    };
                    let (api, office_id, id) = (cx.api.clone(), office.office.id, id.clone());
                    self.runner
                        .start(cx, cx.text("desk-alert-taken-done"), async move {
                            api.acknowledge_alert(office_id, &id, &request).await
                        });
                }
            }
            cancel = ui.button(cx.text("desk-form-cancel")).clicked();
        });
        if cancel {
            self.taking = None;
        }
    }
}
