//! Notifications outside the desk, for the chosen office: webhooks (a signed JSON POST)
//! and email addresses that hear its escalating alerts; add one (a webhook's signing
//! secret is shown once), stop one, and read its delivery log. A region's targets are
//! set up through the API (`/api/v1/notify/targets` with `region_id`).

use super::call::Call;
use super::fields::{cell_edit, header_row};
use crate::cx::Cx;
use crate::widgets::{muted, section};
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_protocol::Office;
use talon_protocol::notify::{
    Delivery, DeliveryStatus, NotifyTarget, NotifyTargetCreated, NotifyTargetInput, TargetKind,
};

#[derive(Default)]
pub struct NotifyScreen {
    list: Call<Vec<NotifyTarget>>,
    targets: Option<Vec<NotifyTarget>>,
    requested: bool,
    email: bool,
    address: String,
    english: bool,
    create: Call<NotifyTargetCreated>,
    /// The last target added, with its secret (shown this once).
    created: Option<NotifyTargetCreated>,
    remove: Call<()>,
    log: Call<Vec<Delivery>>,
    /// The target whose log is shown, and the log.
    shown: Option<(i64, Vec<Delivery>)>,
    log_of: Option<i64>,
}

impl NotifyScreen {
    pub fn refresh(&mut self) {
        self.requested = false;
    }

    fn reload(&mut self, cx: &Cx) {
        let api = cx.api.clone();
        self.list
            .start(cx, async move { api.notify_targets().await });
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, office: &Office) {
        if !self.requested {
            self.requested = true;
            self.reload(cx);
        }
        if let Some(targets) = self.list.poll(cx) {
            self.targets = Some(targets);
        }
        if let Some(created) = self.create.poll(cx) {
            self.created = Some(created);
            self.address.clear();
            self.reload(cx);
        }
        if self.remove.poll(cx).is_some() {
            self.reload(cx);
        }
        if let Some(log) = self.log.poll(cx)
            && let Some(id) = self.log_of
        {
            self.shown = Some((id, log));
        }
        section(ui, &cx.text("desk-notify-title"));
        muted(ui, &cx.text("desk-notify-hint"));
        self.list.show_loading(ui, cx, self.targets.is_some());
        self.add_row(ui, cx, office);
        self.create.show(ui, cx, "desk-admin-saving");
        if let Some(created) = &self.created {
            let text = match &created.secret {
                Some(secret) => cx.text_with(
                    "desk-notify-added-secret",
                    &[
                        ("address", created.target.address.as_str().into()),
                        ("secret", secret.as_str().into()),
                    ],
                ),
                None => cx.text_with(
                    "desk-notify-added",
                    &[("address", created.target.address.as_str().into())],
                ),
            };
            ui.colored_label(colors::OK, text);
        }
        self.remove.show(ui, cx, "desk-admin-saving");
        ui.add_space(8.0);
        self.table(ui, cx, office);
        self.log_view(ui, cx, office);
    }

    fn add_row(&mut self, ui: &mut Ui, cx: &Cx, office: &Office) {
        ui.horizontal(|ui| {
            if ui
                .selectable_label(!self.email, cx.text("desk-notify-webhook"))
                .clicked()
            {
                self.email = false;
            }
            if ui
                .selectable_label(self.email, cx.text("desk-notify-email"))
                .clicked()
            {
                self.email = true;
            }
            ui.label(cx.text("desk-notify-address-prompt"));
            let field = cx.text("desk-notify-new-address");
            cell_edit(ui, &field, &mut self.address, 360.0);
            if self.email {
                ui.checkbox(&mut self.english, cx.text("desk-notify-in-english"));
            }
            let add = ui.add_enabled(
                !self.create.busy(),
                egui::Button::new(cx.text("desk-notify-add")),
            );
            if add.clicked() {
                if self.address.trim().is_empty() {
                    self.create.refuse(cx.text("desk-notify-needs-address"));
                    return;
                }
                let input = NotifyTargetInput {
                    office_id: Some(office.id),
                    region_id: None,
                    kind: if self.email {
                        TargetKind::Email
                    } else {
                        TargetKind::Webhook
                    },
                    address: self.address.trim().to_string(),
                    lang: if self.english { "en" } else { "ru" }.into(),
                };
                let api = cx.api.clone();
                self.created = None;
                self.create
                    .start(cx, async move { api.create_notify_target(&input).await });
            }
        });
    }

    fn table(&mut self, ui: &mut Ui, cx: &Cx, office: &Office) {
        let Some(targets) = self.targets.clone() else {
            return;
        };
        let mine: Vec<&NotifyTarget> = targets
            .iter()
            .filter(|t| t.active && t.office_id == Some(office.id))
            .collect();
        if mine.is_empty() {
            muted(ui, &cx.text("desk-notify-none"));
            return;
        }
        egui::Grid::new("admin_notify_grid")
            .num_columns(3)
            .spacing([22.0, 10.0])
            .striped(true)
            .show(ui, |ui| {
                header_row(
                    ui,
                    cx,
                    &[
                        "desk-notify-kind",
                        "desk-notify-address",
                        "desk-admin-region-actions",
                    ],
                );
                for target in mine {
                    ui.label(cx.text(match target.kind {
                        TargetKind::Webhook => "desk-notify-webhook",
                        TargetKind::Email => "desk-notify-email",
                    }));
                    ui.label(RichText::new(&target.address).strong());
                    ui.horizontal(|ui| {
                        let log = cx.text_with(
                            "desk-notify-log-of",
                            &[("address", target.address.as_str().into())],
                        );
                        if ui.button(log).clicked() {
                            let api = cx.api.clone();
                            let id = target.id;
                            self.log_of = Some(id);
                            self.log
                                .start(cx, async move { api.notify_deliveries(id).await });
                        }
                        let stop = cx.text_with(
                            "desk-notify-stop",
                            &[("address", target.address.as_str().into())],
                        );
                        if ui
                            .add_enabled(!self.remove.busy(), egui::Button::new(stop))
                            .clicked()
                        {
                            let api = cx.api.clone();
                            let id = target.id;
                            self.remove
                                .start(cx, async move { api.remove_notify_target(id).await });
                        }
                    });
                    ui.end_row();
                }
            });
    }

    fn log_view(&mut self, ui: &mut Ui, cx: &Cx, office: &Office) {
        self.log.show(ui, cx, "desk-admin-loading");
        let Some((id, log)) = &self.shown else {
            return;
        };
        let address = self
            .targets
            .iter()
            .flatten()
            .find(|t| t.id == *id)
            .map_or_else(String::new, |t| t.address.clone());
        ui.add_space(10.0);
        section(
            ui,
            &cx.text_with("desk-notify-log", &[("address", address.into())]),
        );
        if log.is_empty() {
            muted(ui, &cx.text("desk-notify-log-empty"));
            return;
        }
        egui::Grid::new("admin_notify_log")
            .num_columns(4)
            .spacing([22.0, 8.0])
            .striped(true)
            .show(ui, |ui| {
                header_row(
                    ui,
                    cx,
                    &[
                        "desk-notify-log-when",
                        "desk-notify-log-status",
                        "desk-notify-log-attempts",
                        "desk-notify-log-error",
                    ],
                );
                for delivery in log {
                    let local = delivery.created_at.with_timezone(&office.time_zone.tz());
                    ui.label(local.format("%d.%m %H:%M:%S").to_string());
                    let (word, color) = match delivery.status {
                        DeliveryStatus::Delivered => ("desk-notify-delivered", colors::OK),
                        DeliveryStatus::Pending => ("desk-notify-pending", colors::WARNING),
                        DeliveryStatus::Failed => ("desk-notify-failed", colors::BREACH),
                    };
                    ui.colored_label(color, cx.text(word));
                    ui.label(delivery.attempts.to_string());
                    ui.label(delivery.last_error.clone().unwrap_or_default());
                    ui.end_row();
                }
            });
    }
}
