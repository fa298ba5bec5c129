//! Administration in the desk: offices (hours, special days, settings), topics, windows,
//! staff, devices and the audit log. For administrators, and for heads within their own
//! offices (the server refuses the rest, and the desk says so); agents never see it.
//! Changing one's own password is for everyone ([`PasswordForm`]).

mod audit;
mod call;
mod devices;
mod fields;
mod hours;
mod notify;
mod offices;
mod password;
mod regions;
mod staff;
mod topics;
mod windows;
mod zones;

pub use password::PasswordForm;
pub use staff::role_name;

use crate::cx::Cx;
use crate::widgets::muted;
use call::Call;
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_protocol::api::Role;
use talon_protocol::{Office, OfficeId, Snapshot};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Screen {
    #[default]
    Offices,
    Topics,
    Windows,
    Staff,
    Devices,
    Regions,
    Notify,
    Audit,
}

impl Screen {
    const ALL: [Screen; 8] = [
        Screen::Offices,
        Screen::Topics,
        Screen::Windows,
        Screen::Staff,
        Screen::Devices,
        Screen::Regions,
        Screen::Notify,
        Screen::Audit,
    ];

    fn name(self, cx: &Cx) -> String {
        cx.text(match self {
            Screen::Offices => "desk-admin-screen-offices",
            Screen::Topics => "desk-admin-screen-topics",
            Screen::Windows => "desk-admin-screen-windows",
            Screen::Staff => "desk-admin-screen-staff",
            Screen::Devices => "desk-admin-screen-devices",
            Screen::Regions => "desk-admin-screen-regions",
            Screen::Notify => "desk-admin-screen-notify",
            Screen::Audit => "desk-admin-screen-audit",
        })
    }

    /// Screens that belong to one office, chosen above them.
    fn of_an_office(self) -> bool {
        matches!(
            self,
            Screen::Topics | Screen::Windows | Screen::Devices | Screen::Notify
        )
    }
}

#[derive(Default)]
pub struct AdminTab {
    screen: Screen,
    requested: bool,
    list: Call<Vec<Office>>,
    offices: Vec<Office>,
    selected: Option<OfficeId>,
    /// Topics and windows of the selected office.
    office: Call<Snapshot>,
    snapshot: Option<Snapshot>,
    offices_screen: offices::OfficesScreen,
    topics: topics::TopicsScreen,
    windows: windows::WindowsScreen,
    staff: staff::StaffScreen,
    devices: devices::DevicesScreen,
    regions: regions::RegionsScreen,
    notify: notify::NotifyScreen,
    audit: audit::AuditScreen,
}

impl AdminTab {
    fn load_offices(&mut self, cx: &Cx) {
        let api = cx.api.clone();
        self.list.start(cx, async move { api.offices().await });
    }

    fn load_office(&mut self, cx: &Cx) {
        if let Some(id) = self.selected {
            let api = cx.api.clone();
            self.office.start(cx, async move { api.snapshot(id).await });
        }
    }

    /// Returns true when an office was created or changed (the desk reloads its list).
    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx) -> bool {
        if !self.requested {
            self.requested = true;
            self.load_offices(cx);
        }
        if let Some(offices) = self.list.poll(cx) {
            self.offices = offices;
            if self
                .selected
                .is_none_or(|id| !self.offices.iter().any(|o| o.id == id))
            {
                self.selected = self.offices.first().map(|o| o.id);
            }
            self.load_office(cx);
        }
        if let Some(snapshot) = self.office.poll(cx)
            && Some(snapshot.office.id) == self.selected
        {
            self.snapshot = Some(snapshot);
        }
        let mut changed = false;
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(250.0);
                for screen in Screen::ALL {
                    // Regions are the administrator's.
                    if screen == Screen::Regions && cx.user.role != Role::Admin {
                        continue;
                    }
                    let text = RichText::new(screen.name(cx)).size(21.0);
                    let button = egui::Button::selectable(self.screen == screen, text)
                        .min_size(egui::vec2(240.0, 44.0));
                    if ui.add(button).clicked() && self.screen != screen {
                        self.screen = screen;
                        match screen {
                            Screen::Audit => self.audit.refresh(),
                            Screen::Devices => self.devices.refresh(),
                            Screen::Notify => self.notify.refresh(),
                            _ => {}
                        }
                    }
                }
            });
            ui.separator();
            ui.vertical(|ui| {
                let loaded = !self.offices.is_empty();
                self.list.show_loading(ui, cx, loaded);
                changed = self.screen_ui(ui, cx);
            });
        });
        changed
    }

    fn screen_ui(&mut self, ui: &mut Ui, cx: &Cx) -> bool {
        if self.screen.of_an_office() && !self.office_row(ui, cx) {
            return false;
        }
        match self.screen {
            Screen::Offices => {
                let before = self.selected;
                let saved = self
                    .offices_screen
                    .ui(ui, cx, &self.offices, &mut self.selected);
                if saved.is_some() {
                    self.load_offices(cx);
                    return true;
                }
                if self.selected != before {
                    self.load_office(cx);
                }
                false
            }
            Screen::Topics | Screen::Windows => {
                let Some(snapshot) = self
                    .snapshot
                    .as_ref()
                    .filter(|s| Some(s.office.id) == self.selected)
                else {
                    self.office.show(ui, cx, "desk-admin-loading");
                    return false;
                };
                let changed = if self.screen == Screen::Topics {
                    self.topics.ui(ui, cx, snapshot)
                } else {
                    self.windows.ui(ui, cx, snapshot)
                };
                if changed {
                    self.load_office(cx);
                }
                false
            }
            Screen::Devices => {
                if let Some(office) = self
                    .selected
                    .and_then(|id| self.offices.iter().find(|o| o.id == id))
                {
                    self.devices.ui(ui, cx, office);
                }
                false
            }
            Screen::Notify => {
                if let Some(office) = self
                    .selected
                    .and_then(|id| self.offices.iter().find(|o| o.id == id))
                {
                    self.notify.ui(ui, cx, office);
                }
                false
            }
            Screen::Staff => {
                self.staff.ui(ui, cx, &self.offices);
                false
            }
            Screen::Regions => match self.regions.ui(ui, cx, &self.offices) {
                Some(regions::Saved::Office) => {
                    self.load_offices(cx);
                    true
                }
                Some(regions::Saved::Region) | None => false,
            },
            Screen::Audit => {
                self.audit.ui(ui, cx, &self.offices);
                false
            }
        }
    }

    /// "Офис: [A] [B]" above an office's screens; false when there is no office yet.
    fn office_row(&mut self, ui: &mut Ui, cx: &Cx) -> bool {
        if self.offices.is_empty() {
            muted(ui, &cx.text("desk-admin-no-offices"));
            return false;
        }
        let mut chosen = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(cx.text("desk-admin-office")).color(colors::MUTED));
            for office in &self.offices {
                if ui
                    .selectable_label(self.selected == Some(office.id), &office.name)
                    .clicked()
                {
                    chosen = Some(office.id);
                }
            }
        });
        if let Some(id) = chosen
            && self.selected != Some(id)
        {
            self.selected = Some(id);
            self.snapshot = None;
            self.load_office(cx);
        }
        ui.add_space(6.0);
        true
    }
}
