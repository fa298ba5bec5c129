//! The kiosks and displays of an office: their last contact, state and faults; a new
//! one's token shown once, large, with a QR code to carry it to the device; revoking.

use super::call::Call;
use super::fields::too_long;
use crate::cx::Cx;
use crate::forms::text_field;
use crate::widgets::{muted, section};
use egui::{Color32, RichText, Ui};
use talon_client::look::colors;
use talon_protocol::api::{Device, DeviceCreated, DeviceInput, DeviceKind};
use talon_protocol::limits::NAME;
use talon_protocol::{DeviceId, Office, OfficeId};

/// Pixels per QR module in the texture (sharp with nearest filtering).
const QR_SCALE: usize = 8;
const QR_QUIET: usize = 4;
const QR_SIDE: f32 = 260.0;

pub fn kind_name(cx: &Cx, kind: DeviceKind) -> String {
    crate::text::device_kind_name(cx.lang, kind)
}

fn fault_name(cx: &Cx, kind: &str) -> String {
    crate::text::fault_name(cx.lang, kind)
}

/// The token in a grey-on-white QR texture, or none when it does not fit a QR code.
fn qr_texture(ctx: &egui::Context, token: &str) -> Option<egui::TextureHandle> {
    let code = qrcode::QrCode::new(token.as_bytes()).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let side = (width + 2 * QR_QUIET) * QR_SCALE;
    let mut pixels = vec![255u8; side * side];
    for (index, color) in colors.iter().enumerate() {
        if *color == qrcode::Color::Dark {
            let (row, column) = (index / width + QR_QUIET, index % width + QR_QUIET);
            for y in row * QR_SCALE..(row + 1) * QR_SCALE {
                let start = y * side + column * QR_SCALE;
                pixels[start..start + QR_SCALE].fill(0);
            }
        }
    }
    let image = egui::ColorImage::from_gray([side, side], &pixels);
    Some(ctx.load_texture("device-token-qr", image, egui::TextureOptions::NEAREST))
}

struct Shown {
    created: DeviceCreated,
    qr: Option<egui::TextureHandle>,
    /// Covered for a moment (someone looks over the shoulder).
    hidden: bool,
}

#[derive(Default)]
pub struct DevicesScreen {
    office: Option<OfficeId>,
    list: Call<Vec<Device>>,
    devices: Option<Vec<Device>>,
    name: String,
    create: Call<DeviceCreated>,
    shown: Option<Shown>,
    confirm: Option<DeviceId>,
    revoke: Call<()>,
    /// Read the list again (the screen was opened anew).
    stale: bool,
}

impl DevicesScreen {
    fn reload(&mut self, cx: &Cx, office: OfficeId) {
        let api = cx.api.clone();
        self.list
            .start(cx, async move { api.devices(office).await });
    }

    /// The last contacts and faults move on: read them again when the screen opens.
    pub fn refresh(&mut self) {
        self.stale = true;
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, office: &Office) {
        if self.office != Some(office.id) {
            *self = DevicesScreen {
                office: Some(office.id),
                ..Default::default()
            };
            self.reload(cx, office.id);
        } else if self.stale && !self.list.busy() {
            self.stale = false;
            self.reload(cx, office.id);
        }
        if let Some(mut devices) = self.list.poll(cx) {
            devices.sort_by_key(|d| d.id);
            self.devices = Some(devices);
        }
        if let Some(created) = self.create.poll(cx) {
            let qr = qr_texture(&cx.egui, &created.token);
            self.shown = Some(Shown {
                created,
                qr,
                hidden: false,
            });
            self.name.clear();
            self.reload(cx, office.id);
        }
        if self.revoke.poll(cx).is_some() {
            self.confirm = None;
            self.reload(cx, office.id);
        }
        section(
            ui,
            &cx.text_with(
                "desk-admin-devices",
                &[("office", office.name.as_str().into())],
            ),
        );
        egui::ScrollArea::vertical()
            .id_salt("admin_devices")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.add_row(ui, cx, office.id);
                if let Some(shown) = &mut self.shown {
                    ui.add_space(8.0);
                    if token_box(ui, cx, shown) {
                        self.shown = None;
                    }
                }
                ui.add_space(10.0);
                self.list.show_loading(ui, cx, self.devices.is_some());
                self.revoke.show(ui, cx, "desk-admin-saving");
                self.table(ui, cx, office);
            });
    }

    fn add_row(&mut self, ui: &mut Ui, cx: &Cx, office: OfficeId) {
        ui.horizontal(|ui| {
            text_field(
                ui,
                &cx.text("desk-admin-device-name"),
                &mut self.name,
                "",
                260.0,
            );
            for kind in [DeviceKind::Kiosk, DeviceKind::Display] {
                let id = match kind {
                    DeviceKind::Kiosk => "desk-admin-device-add-kiosk",
                    DeviceKind::Display => "desk-admin-device-add-display",
                };
                let button =
                    egui::Button::new(RichText::new(cx.text(id)).strong()).fill(colors::BUTTON);
                if ui.add_enabled(!self.create.busy(), button).clicked() {
                    let name = self.name.trim().to_string();
                    if too_long(&name, NAME) {
                        self.create.refuse(cx.text_with(
                            "desk-admin-too-long",
                            &[
                                ("field", cx.text("desk-admin-device-name").into()),
                                ("count", NAME.into()),
                            ],
                        ));
                        continue;
                    }
                    let api = cx.api.clone();
                    let input = DeviceInput { kind, name };
                    self.shown = None;
                    self.create
                        .start(cx, async move { api.create_device(office, &input).await });
                }
            }
        });
        self.create.show(ui, cx, "desk-admin-saving");
    }

    fn table(&mut self, ui: &mut Ui, cx: &Cx, office: &Office) {
        let Some(devices) = &self.devices else {
            return;
        };
        if devices.is_empty() {
            muted(ui, &cx.text("desk-admin-devices-none"));
            return;
        }
        let mut revoke = None;
        egui::Grid::new("admin_devices_grid")
            .num_columns(6)
            .spacing([22.0, 8.0])
            .striped(true)
            .show(ui, |ui| {
                for id in [
                    "desk-admin-device-kind",
                    "desk-admin-device-column-name",
                    "desk-admin-device-last-seen",
                    "desk-admin-device-state",
                    "desk-admin-device-faults",
                ] {
                    ui.label(RichText::new(cx.text(id)).color(colors::MUTED));
                }
                ui.label("");
                ui.end_row();
                for device in devices {
                    ui.label(kind_name(cx, device.kind));
                    ui.label(RichText::new(&device.name).strong());
                    ui.label(match device.last_seen {
                        Some(at) => local(cx, office, at),
                        None => "—".into(),
                    });
                    state(ui, cx, office, device);
                    if device.faults.is_empty() || device.revoked {
                        ui.label("—");
                    } else {
                        ui.vertical(|ui| {
                            for fault in &device.faults {
                                ui.colored_label(
                                    colors::WARNING,
                                    format!("{}: {}", fault_name(cx, &fault.kind), fault.message),
                                );
                            }
                        });
                    }
                    if device.revoked {
                        ui.label("");
                    } else {
                        let label = cx.text_with(
                            "desk-admin-device-revoke",
                            &[("device", device.name.as_str().into())],
                        );
                        let asked = self.confirm == Some(device.id);
                        if ui.add_enabled(!asked, egui::Button::new(label)).clicked() {
                            self.confirm = Some(device.id);
                        }
                    }
                    ui.end_row();
                }
            });
        let asked = self
            .confirm
            .and_then(|id| devices.iter().find(|d| d.id == id && !d.revoked));
        if let Some(device) = asked {
            ui.add_space(8.0);
            egui::Frame::new()
                .fill(Color32::from_rgb(0x3a, 0x12, 0x18))
                .stroke(egui::Stroke::new(2.0, colors::BREACH))
                .inner_margin(12)
                .corner_radius(6)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(cx.text_with(
                            "desk-admin-device-revoke-sure",
                            &[("device", device.name.as_str().into())],
                        ))
                        .size(20.0)
                        .strong()
                        .color(colors::TEXT),
                    );
                    ui.horizontal(|ui| {
                        let yes = egui::Button::new(
                            RichText::new(cx.text("desk-admin-device-revoke-yes"))
                                .strong()
                                .color(Color32::WHITE),
                        )
                        .fill(Color32::from_rgb(0xa0, 0x1c, 0x28))
                        .min_size(egui::vec2(200.0, 44.0));
                        if ui.add_enabled(!self.revoke.busy(), yes).clicked() {
                            revoke = Some(device.id);
                        }
                        if ui.button(cx.text("desk-form-cancel")).clicked()
                            || ui.input_mut(|i| {
                                i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)
                            })
                        {
                            self.confirm = None;
                        }
                    });
                });
        }
        if let Some(id) = revoke {
            let api = cx.api.clone();
            self.revoke
                .start(cx, async move { api.revoke_device(id).await });
        }
    }
}

/// "10:42" today in the office's zone, "19.11.2026 10:42" on another day.
fn local(cx: &Cx, office: &Office, at: chrono::DateTime<chrono::Utc>) -> String {
    let zone = office.time_zone.tz();
    let local = at.with_timezone(&zone);
    let today = cx.now.with_timezone(&zone).date_naive();
    if local.date_naive() == today {
        local.format("%H:%M").to_string()
    } else {
        local.format("%d.%m.%Y %H:%M").to_string()
    }
}

fn state(ui: &mut Ui, cx: &Cx, office: &Office, device: &Device) {
    if device.revoked {
        ui.colored_label(colors::MUTED, cx.text("desk-admin-device-revoked"));
    } else if device.online {
        ui.colored_label(colors::OK, cx.text("desk-admin-device-online"));
    } else {
        match device.last_seen {
            Some(at) => ui.colored_label(
                colors::BREACH,
                cx.text_with(
                    "desk-admin-device-offline-since",
                    &[("since", local(cx, office, at).into())],
                ),
            ),
            None => ui.colored_label(colors::MUTED, cx.text("desk-admin-device-never")),
        };
    }
}

/// The new device's token, once. Returns true when the administrator is done with it.
fn token_box(ui: &mut Ui, cx: &Cx, shown: &mut Shown) -> bool {
    let mut done = false;
    let device = &shown.created.device;
    egui::Frame::new()
        .fill(colors::PANEL)
        .stroke(egui::Stroke::new(3.0, colors::ACCENT))
        .inner_margin(16)
        .corner_radius(8)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(cx.text_with(
                    "desk-admin-token-title",
                    &[
                        ("kind", kind_name(cx, device.kind).into()),
                        ("device", device.name.as_str().into()),
                    ],
                ))
                .size(24.0)
                .strong()
                .color(colors::ACCENT),
            );
            ui.label(
                RichText::new(cx.text("desk-admin-token-once"))
                    .size(20.0)
                    .strong()
                    .color(colors::BREACH),
            );
            ui.horizontal_top(|ui| {
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(QR_SIDE, QR_SIDE), egui::Sense::hover());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::accesskit::Role::Image,
                        true,
                        cx.text("desk-admin-token-qr"),
                    )
                });
                match (&shown.qr, shown.hidden) {
                    (Some(texture), false) => {
                        egui::Image::new((texture.id(), rect.size())).paint_at(ui, rect);
                    }
                    _ => {
                        ui.painter()
                            .rect_filled(rect, 8, colors::MUTED.gamma_multiply(0.3));
                    }
                }
                ui.vertical(|ui| {
                    let token = if shown.hidden {
                        "•".repeat(16)
                    } else {
                        shown.created.token.clone()
                    };
                    // Broken anywhere: a key has no words to wrap at.
                    let mut job = egui::text::LayoutJob::single_section(
                        token,
                        egui::TextFormat::simple(egui::FontId::monospace(30.0), colors::TEXT),
                    );
                    job.wrap.max_width = ui.available_width();
                    job.wrap.break_anywhere = true;
                    ui.add(egui::Label::new(job));
                    muted(ui, &cx.text("desk-admin-token-how"));
                    ui.horizontal(|ui| {
                        let toggle = if shown.hidden {
                            "desk-admin-token-show"
                        } else {
                            "desk-admin-token-hide"
                        };
                        if ui.button(cx.text(toggle)).clicked() {
                            shown.hidden = !shown.hidden;
                        }
                        if ui.button(cx.text("desk-admin-token-done")).clicked() {
                            done = true;
                        }
                    });
                });
            });
        });
    done
}
