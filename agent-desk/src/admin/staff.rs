//! Staff: the list (an administrator sees everyone, a head their offices' staff), a new
//! member, and one member's name, role, offices, password reset and deactivation.

use super::call::Call;
use super::fields::{password_field, too_long};
use crate::cx::Cx;
use crate::forms::{form_frame, text_field};
use crate::widgets::{muted, section};
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_protocol::api::{Region, Role, StaffInput, StaffUpdate, User};
use talon_protocol::limits::{Bounded, LOGIN, NAME, PASSWORD_MAX, PASSWORD_MIN};
use talon_protocol::{Office, OfficeId, RegionId};

pub fn role_name(cx: &Cx, role: Role) -> String {
    cx.text(match role {
        Role::Agent => "desk-role-agent",
        Role::Head => "desk-role-head",
        Role::RegionHead => "desk-role-region-head",
        Role::HeadOffice => "desk-role-head-office",
        Role::Admin => "desk-role-admin",
    })
}

struct StaffForm {
    /// The member as the server has them; none for a new one.
    original: Option<User>,
    login: String,
    name: String,
    /// A new member's password, or a reset (empty: unchanged).
    password: String,
    role: Role,
    offices: Vec<OfficeId>,
    /// The regions a region head heads.
    regions: Vec<RegionId>,
    active: bool,
}

enum Save {
    Create(StaffInput),
    Update(talon_protocol::StaffId, StaffUpdate),
}

impl StaffForm {
    fn of(user: &User) -> StaffForm {
        StaffForm {
            original: Some(user.clone()),
            login: user.login.clone(),
            name: user.name.clone(),
            password: String::new(),
            role: user.role,
            offices: user.offices.clone(),
            regions: user.regions.clone(),
            active: user.active,
        }
    }

    fn new_member(offices: &[Office]) -> StaffForm {
        StaffForm {
            original: None,
            login: String::new(),
            name: String::new(),
            password: String::new(),
            role: Role::Agent,
            // A head adds staff to their own office: the one they see.
            offices: match offices {
                [only] => vec![only.id],
                _ => Vec::new(),
            },
            regions: Vec::new(),
            active: true,
        }
    }

    /// Only a region head heads regions.
    fn regions_to_send(&self) -> Vec<RegionId> {
        if self.role == Role::RegionHead {
            self.regions.clone()
        } else {
            Vec::new()
        }
    }

    fn save(&self, cx: &Cx) -> Result<Save, String> {
        let too_long_said = |id: &str, count: usize| {
            cx.text_with(
                "desk-admin-too-long",
                &[("field", cx.text(id).into()), ("count", count.into())],
            )
        };
        let name = self.name.trim();
        if name.is_empty() {
            return Err(cx.text("desk-admin-staff-needs-name"));
        }
        if too_long(name, NAME) {
            return Err(too_long_said("desk-admin-staff-name", NAME));
        }
        let password = self.password.as_str();
        let new_password = !password.is_empty() || self.original.is_none();
        if new_password && password.chars().count() < PASSWORD_MIN {
            return Err(cx.text_with(
                "desk-admin-password-short",
                &[("count", PASSWORD_MIN.into())],
            ));
        }
        if too_long(password, PASSWORD_MAX) {
            return Err(too_long_said("desk-admin-staff-password", PASSWORD_MAX));
        }
        match &self.original {
            None => {
                let login = self.login.trim();
                if login.is_empty() {
                    return Err(cx.text("desk-admin-staff-needs-login"));
                }
                if too_long(login, LOGIN) {
                    return Err(too_long_said("desk-admin-staff-login", LOGIN));
                }
                let input = StaffInput {
                    login: login.to_string(),
                    name: name.to_string(),
                    password: password.to_string(),
                    role: self.role,
                    offices: self.offices.clone(),
                    regions: self.regions_to_send(),
                };
                input.check_bounds().map_err(|e| e.to_string())?;
                Ok(Save::Create(input))
            }
            Some(user) => {
                // Only what changed, so a head editing a name sends no role.
                let update = StaffUpdate {
                    name: (name != user.name).then(|| name.to_string()),
                    password: (!password.is_empty()).then(|| password.to_string()),
                    role: (self.role != user.role).then_some(self.role),
                    offices: (self.offices != user.offices).then(|| self.offices.clone()),
                    active: (self.active != user.active).then_some(self.active),
                    regions: (self.regions_to_send() != user.regions)
                        .then(|| self.regions_to_send()),
                };
                if update == StaffUpdate::default() {
                    return Err(cx.text("desk-admin-nothing-changed"));
                }
                update.check_bounds().map_err(|e| e.to_string())?;
                Ok(Save::Update(user.id, update))
            }
        }
    }
}

#[derive(Default)]
pub struct StaffScreen {
    list: Call<Vec<User>>,
    regions_call: Call<Vec<Region>>,
    regions: Vec<Region>,
    staff: Option<Vec<User>>,
    requested: bool,
    form: Option<StaffForm>,
    save: Call<User>,
    saved: Option<String>,
}

impl StaffScreen {
    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, offices: &[Office]) {
        if !self.requested {
            self.requested = true;
            let api = cx.api.clone();
            self.list.start(cx, async move { api.staff().await });
            let api = cx.api.clone();
            self.regions_call
                .start(cx, async move { api.regions().await });
        }
        if let Some(regions) = self.regions_call.poll(cx) {
            self.regions = regions;
        }
        if let Some(mut staff) = self.list.poll(cx) {
            staff.sort_by(|a, b| a.login.cmp(&b.login));
            self.staff = Some(staff);
        }
        if let Some(user) = self.save.poll(cx) {
            self.saved = Some(cx.text_with(
                "desk-admin-staff-saved",
                &[("name", user.name.as_str().into())],
            ));
            self.form = None;
            let api = cx.api.clone();
            self.list.start(cx, async move { api.staff().await });
        }
        ui.horizontal(|ui| {
            section(ui, &cx.text("desk-admin-staff"));
            if ui.button(cx.text("desk-admin-staff-new")).clicked() {
                self.form = Some(StaffForm::new_member(offices));
                self.saved = None;
                self.save.error = None;
            }
        });
        self.list.show_loading(ui, cx, self.staff.is_some());
        if let Some(saved) = &self.saved {
            ui.colored_label(colors::OK, saved);
        }
        egui::ScrollArea::vertical()
            .id_salt("admin_staff")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.table(ui, cx, offices);
                ui.add_space(10.0);
                self.form_ui(ui, cx, offices);
            });
    }

    fn table(&mut self, ui: &mut Ui, cx: &Cx, offices: &[Office]) {
        let Some(staff) = &self.staff else {
            return;
        };
        if staff.is_empty() {
            muted(ui, &cx.text("desk-admin-staff-none"));
            return;
        }
        egui::Grid::new("admin_staff_grid")
            .num_columns(5)
            .spacing([22.0, 8.0])
            .striped(true)
            .show(ui, |ui| {
                super::fields::header_row(
                    ui,
                    cx,
                    &[
                        "desk-admin-staff-column-login",
                        "desk-admin-staff-column-name",
                        "desk-admin-staff-column-role",
                        "desk-admin-staff-column-offices",
                        "desk-admin-staff-active",
                    ],
                );
                for user in staff {
                    let editing = self
                        .form
                        .as_ref()
                        .and_then(|f| f.original.as_ref())
                        .is_some_and(|o| o.id == user.id);
                    if ui
                        .selectable_label(editing, RichText::new(&user.login).strong())
                        .clicked()
                    {
                        self.form = (!editing).then(|| StaffForm::of(user));
                        self.saved = None;
                        self.save.error = None;
                    }
                    ui.label(&user.name);
                    ui.label(role_name(cx, user.role));
                    let names: Vec<&str> = user
                        .offices
                        .iter()
                        .filter_map(|id| offices.iter().find(|o| o.id == *id))
                        .map(|o| o.name.as_str())
                        .collect();
                    ui.label(if names.is_empty() {
                        "—".to_string()
                    } else {
                        names.join(", ")
                    });
                    ui.label(cx.text(if user.active { "desk-yes" } else { "desk-no" }));
                    ui.end_row();
                }
            });
    }

    fn form_ui(&mut self, ui: &mut Ui, cx: &Cx, offices: &[Office]) {
        let Some(form) = &mut self.form else {
            return;
        };
        let title = match &form.original {
            Some(user) => cx.text_with(
                "desk-admin-staff-title",
                &[("login", user.login.as_str().into())],
            ),
            None => cx.text("desk-admin-staff-new-title"),
        };
        let mut submit = false;
        let mut cancel = false;
        form_frame(ui, &title, |ui| {
            if form.original.is_none() {
                text_field(
                    ui,
                    &cx.text("desk-admin-staff-login"),
                    &mut form.login,
                    "",
                    260.0,
                );
            }
            text_field(
                ui,
                &cx.text("desk-admin-staff-name"),
                &mut form.name,
                "",
                420.0,
            );
            let password_label = if form.original.is_some() {
                "desk-admin-staff-reset-password"
            } else {
                "desk-admin-staff-password"
            };
            password_field(ui, &cx.text(password_label), &mut form.password, 260.0);
            ui.horizontal(|ui| {
                ui.label(cx.text("desk-admin-staff-role"));
                for role in [
                    Role::Agent,
                    Role::Head,
                    Role::RegionHead,
                    Role::HeadOffice,
                    Role::Admin,
                ] {
                    let response = ui.selectable_value(&mut form.role, role, role_name(cx, role));
                    // Named apart from the table's role column.
                    let name = cx.text_with(
                        "desk-admin-staff-role-choice",
                        &[("role", role_name(cx, role).into())],
                    );
                    let selected = form.role == role;
                    response.widget_info(|| {
                        let mut info =
                            egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &name);
                        info.selected = Some(selected);
                        info
                    });
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(cx.text("desk-admin-staff-offices"));
                for office in offices {
                    let mut works = form.offices.contains(&office.id);
                    if ui.checkbox(&mut works, &office.name).changed() {
                        if works {
                            form.offices.push(office.id);
                        } else {
                            form.offices.retain(|o| *o != office.id);
                        }
                    }
                }
            });
            if form.role == Role::RegionHead {
                ui.horizontal_wrapped(|ui| {
                    ui.label(cx.text("desk-admin-staff-regions"));
                    if self.regions.is_empty() {
                        muted(ui, &cx.text("desk-admin-staff-no-regions"));
                    }
                    for region in &self.regions {
                        let mut heads = form.regions.contains(&region.id);
                        if ui.checkbox(&mut heads, &region.name).changed() {
                            if heads {
                                form.regions.push(region.id);
                            } else {
                                form.regions.retain(|r| *r != region.id);
                            }
                        }
                    }
                });
            }
            if form.original.is_some() {
                ui.checkbox(&mut form.active, cx.text("desk-admin-staff-is-active"));
                muted(ui, &cx.text("desk-admin-staff-sessions-end"));
            }
            (submit, cancel) =
                super::fields::save_or_cancel(ui, cx, "desk-admin-staff-save", self.save.busy());
            self.save.show(ui, cx, "desk-admin-saving");
        });
        if cancel {
            self.form = None;
            self.save.error = None;
            return;
        }
        if submit {
            let api = cx.api.clone();
            match form.save(cx) {
                Ok(Save::Create(input)) => self
                    .save
                    .start(cx, async move { api.create_staff(&input).await }),
                Ok(Save::Update(id, update)) => self
                    .save
                    .start(cx, async move { api.update_staff(id, &update).await }),
                Err(message) => self.save.refuse(message),
            }
        }
    }
}
