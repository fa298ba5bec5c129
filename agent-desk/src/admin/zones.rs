//! Choosing an office's time zone: a search over the IANA zones, Russian cities first.

use crate::cx::Cx;
use crate::forms::text_field;
use egui::{RichText, Ui};
use talon_client::look::colors;

/// Russia's zones from west to east, by the city people know them by.
const RUSSIAN: [(&str, &str); 26] = [
    ("Europe/Kaliningrad", "desk-city-kaliningrad"),
    ("Europe/Moscow", "desk-city-moscow"),
    ("Europe/Kirov", "desk-city-kirov"),
    ("Europe/Volgograd", "desk-city-volgograd"),
    ("Europe/Astrakhan", "desk-city-astrakhan"),
    ("Europe/Saratov", "desk-city-saratov"),
    ("Europe/Ulyanovsk", "desk-city-ulyanovsk"),
    ("Europe/Samara", "desk-city-samara"),
    ("Asia/Yekaterinburg", "desk-city-yekaterinburg"),
    ("Asia/Omsk", "desk-city-omsk"),
    ("Asia/Novosibirsk", "desk-city-novosibirsk"),
    ("Asia/Barnaul", "desk-city-barnaul"),
    ("Asia/Tomsk", "desk-city-tomsk"),
    ("Asia/Novokuznetsk", "desk-city-novokuznetsk"),
    ("Asia/Krasnoyarsk", "desk-city-krasnoyarsk"),
    ("Asia/Irkutsk", "desk-city-irkutsk"),
    ("Asia/Chita", "desk-city-chita"),
    ("Asia/Yakutsk", "desk-city-yakutsk"),
    ("Asia/Khandyga", "desk-city-khandyga"),
    ("Asia/Vladivostok", "desk-city-vladivostok"),
    ("Asia/Ust-Nera", "desk-city-ust-nera"),
    ("Asia/Magadan", "desk-city-magadan"),
    ("Asia/Sakhalin", "desk-city-sakhalin"),
    ("Asia/Srednekolymsk", "desk-city-srednekolymsk"),
    ("Asia/Kamchatka", "desk-city-kamchatka"),
    ("Asia/Anadyr", "desk-city-anadyr"),
];

/// "Москва — Europe/Moscow" for a Russian zone, the bare name for any other.
pub fn zone_label(cx: &Cx, zone: &str) -> String {
    match RUSSIAN.iter().find(|(name, _)| *name == zone) {
        Some((name, city)) => format!("{} — {name}", cx.text(city)),
        None => zone.to_string(),
    }
}

/// Every zone as (what the list shows, the IANA name), Russian cities first.
fn entries(cx: &Cx) -> Vec<(String, &'static str)> {
    let russian = RUSSIAN
        .iter()
        .map(|(zone, _)| (zone_label(cx, zone), *zone));
    let others = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|name| !RUSSIAN.iter().any(|(zone, _)| zone == name))
        .map(|name| (name.to_string(), name));
    russian.chain(others).collect()
}

/// The chosen zone, a search field and the matching zones to pick from.
pub fn picker(ui: &mut Ui, cx: &Cx, zone: &mut String, search: &mut String) {
    ui.horizontal(|ui| {
        ui.label(cx.text("desk-admin-zone"));
        ui.label(
            RichText::new(zone_label(cx, zone))
                .strong()
                .color(colors::ACCENT),
        );
    });
    text_field(
        ui,
        &cx.text("desk-admin-zone-search"),
        search,
        &cx.text("desk-admin-zone-search-hint"),
        320.0,
    );
    let wanted = search.trim().to_lowercase();
    let matching: Vec<(String, &str)> = entries(cx)
        .into_iter()
        .filter(|(label, _)| wanted.is_empty() || label.to_lowercase().contains(&wanted))
        .collect();
    if matching.is_empty() {
        ui.colored_label(colors::MUTED, cx.text("desk-admin-zone-none"));
        return;
    }
    let row_height = ui.spacing().interact_size.y;
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, colors::MUTED.gamma_multiply(0.5)))
        .inner_margin(6)
        .corner_radius(6)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("zones")
                .max_height(row_height * 4.0)
                .auto_shrink([false, true])
                .show_rows(ui, row_height, matching.len(), |ui, rows| {
                    for (label, name) in &matching[rows] {
                        if ui.selectable_label(zone == name, label).clicked() {
                            *zone = name.to_string();
                        }
                    }
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_russian_zone_is_a_zone() {
        for (zone, _) in RUSSIAN {
            assert!(zone.parse::<chrono_tz::Tz>().is_ok(), "{zone}");
        }
    }
}
