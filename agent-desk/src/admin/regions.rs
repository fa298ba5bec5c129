//! Regions (administrators): add and rename them, and put offices in them. An office's
//! region is part of the office, so moving one saves the office with its new region.

use super::call::Call;
use super::fields::{cell_edit, header_row};
use crate::cx::Cx;
use crate::widgets::{muted, section};
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_protocol::api::{OfficeInput, Region, RegionInput};
use talon_protocol::limits::NAME;
use talon_protocol::{Office, RegionId};

/// What the screen saved, for the administration tab to reload.
pub enum Saved {
    Region,
    Office,
}

#[derive(Default)]
pub struct RegionsScreen {
    list: Call<Vec<Region>>,
    regions: Option<Vec<Region>>,
    requested: bool,
    /// The name of a new region as typed.
    new_name: String,
    /// A rename under way: the region and the name as typed.
    renaming: Option<(RegionId, String)>,
    save: Call<Region>,
    moving: Call<Office>,
    saved: Option<String>,
}

fn checked(cx: &Cx, name: &str) -> Result<RegionInput, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(cx.text("desk-admin-region-needs-name"));
    }
    if name.chars().count() > NAME {
        return Err(cx.text_with(
            "desk-admin-too-long",
            &[
                ("field", cx.text("desk-admin-region-name").into()),
                ("count", NAME.into()),
            ],
        ));
    }
    Ok(RegionInput { name: name.into() })
}

impl RegionsScreen {
    fn reload(&mut self, cx: &Cx) {
        let api = cx.api.clone();
        self.list.start(cx, async move { api.regions().await });
    }

    /// Returns what was saved, if anything.
    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, offices: &[Office]) -> Option<Saved> {
        if !self.requested {
            self.requested = true;
            self.reload(cx);
        }
        if let Some(regions) = self.list.poll(cx) {
            self.regions = Some(regions);
        }
        let mut saved = None;
        if let Some(region) = self.save.poll(cx) {
            self.saved = Some(cx.text_with(
                "desk-admin-region-saved",
                &[("name", region.name.as_str().into())],
            ));
            self.new_name.clear();
            self.renaming = None;
            self.reload(cx);
            saved = Some(Saved::Region);
        }
        if let Some(office) = self.moving.poll(cx) {
            self.saved = Some(cx.text_with(
                "desk-admin-office-saved",
                &[("office", office.name.as_str().into())],
            ));
            saved = Some(Saved::Office);
        }
        section(ui, &cx.text("desk-admin-regions"));
        muted(ui, &cx.text("desk-admin-regions-hint"));
        self.list.show_loading(ui, cx, self.regions.is_some());
        if let Some(text) = &self.saved {
            ui.colored_label(colors::OK, text);
        }
        self.add_row(ui, cx);
        self.save.show(ui, cx, "desk-admin-saving");
        self.moving.show(ui, cx, "desk-admin-saving");
        ui.add_space(8.0);
        self.table(ui, cx, offices);
        saved
    }

    fn add_row(&mut self, ui: &mut Ui, cx: &Cx) {
        ui.horizontal(|ui| {
            ui.label(cx.text("desk-admin-region-new"));
            let field = cx.text("desk-admin-region-new-field");
            cell_edit(ui, &field, &mut self.new_name, 320.0);
            let add = ui.add_enabled(
                !self.save.busy(),
                egui::Button::new(cx.text("desk-admin-region-add")),
            );
            if add.clicked() {
                match checked(cx, &self.new_name) {
                    Ok(input) => {
                        let api = cx.api.clone();
                        self.saved = None;
                        self.save
                            .start(cx, async move { api.create_region(&input).await });
                    }
                    Err(message) => self.save.refuse(message),
                }
            }
        });
    }

    fn table(&mut self, ui: &mut Ui, cx: &Cx, offices: &[Office]) {
        let Some(regions) = self.regions.clone() else {
            return;
        };
        if regions.is_empty() {
            muted(ui, &cx.text("desk-admin-regions-none"));
            return;
        }
        egui::Grid::new("admin_regions_grid")
            .num_columns(3)
            .spacing([22.0, 10.0])
            .striped(true)
            .show(ui, |ui| {
                header_row(
                    ui,
                    cx,
                    &[
                        "desk-admin-region-name",
                        "desk-admin-region-offices",
                        "desk-admin-region-actions",
                    ],
                );
                for region in &regions {
                    self.region_row(ui, cx, region, offices);
                    ui.end_row();
                }
            });
    }

    fn region_row(&mut self, ui: &mut Ui, cx: &Cx, region: &Region, offices: &[Office]) {
        match &mut self.renaming {
            Some((id, name)) if *id == region.id => {
                let field = cx.text_with(
                    "desk-admin-region-rename-field",
                    &[("name", region.name.as_str().into())],
                );
                cell_edit(ui, &field, name, 260.0);
            }
            _ => {
                ui.label(RichText::new(&region.name).strong());
            }
        }
        ui.horizontal_wrapped(|ui| {
            ui.set_min_width(420.0);
            for office in offices {
                let mut inside = office.region_id == Some(region.id);
                let name = cx.text_with(
                    "desk-admin-region-has-office",
                    &[
                        ("region", region.name.as_str().into()),
                        ("office", office.name.as_str().into()),
                    ],
                );
                let response = ui.checkbox(&mut inside, &office.name);
                let (enabled, ticked) = (response.enabled(), inside);
                response.widget_info(|| {
                    let mut info =
                        egui::WidgetInfo::labeled(egui::accesskit::Role::CheckBox, enabled, &name);
                    info.selected = Some(ticked);
                    info
                });
                if response.changed() && !self.moving.busy() {
                    let mut input = OfficeInput::from(office.clone());
                    input.region_id = inside.then_some(region.id);
                    let (api, id) = (cx.api.clone(), office.id);
                    self.saved = None;
                    self.moving
                        .start(cx, async move { api.update_office(id, &input).await });
                }
            }
        });
        let renaming = self
            .renaming
            .as_ref()
            .is_some_and(|(id, _)| *id == region.id);
        if renaming {
            ui.horizontal(|ui| {
                if ui.button(cx.text("desk-admin-region-save")).clicked()
                    && let Some((id, name)) = &self.renaming
                {
                    match checked(cx, name) {
                        Ok(input) => {
                            let (api, id) = (cx.api.clone(), *id);
                            self.save
                                .start(cx, async move { api.rename_region(id, &input).await });
                        }
                        Err(message) => self.save.refuse(message),
                    }
                }
                if ui.button(cx.text("desk-form-cancel")).clicked() {
                    self.renaming = None;
                }
            });
        } else {
            let text = cx.text_with(
                "desk-admin-region-rename",
                &[("name", region.name.as_str().into())],
            );
            if ui.button(text).clicked() {
                self.renaming = Some((region.id, region.name.clone()));
                self.saved = None;
            }
        }
    }
}
