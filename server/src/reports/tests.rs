//! Every kind's texts exist in both languages, and every format renders an empty report.

use super::*;
use crate::stats::OfficeData;
use std::collections::{BTreeSet, HashMap};

fn empty_office() -> OfficeData {
    let office = serde_json::from_value(serde_json::json!({
        "id": 1, "name": "Офис", "time_zone": "Europe/Kaliningrad",
        "schedule": talon_protocol::api::default_schedule(),
        "settings": talon_protocol::OfficeSettings::default(),
    }))
    .expect("an office");
    let day = "2026-12-01".parse().unwrap();
    OfficeData {
        office,
        from: day,
        to: day,
        tickets: Vec::new(),
        month_tickets: Vec::new(),
        topics: Vec::new(),
        receptions: Vec::new(),
        staff_names: HashMap::new(),
        ratings: HashMap::new(),
        bookings: Vec::new(),
    }
}

fn ids(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.trim().to_string()))
        .filter(|id| id.starts_with("report-"))
        .collect()
}

#[test]
fn both_languages_have_every_report_text() {
    let ru = ids(include_str!("../../locales/ru.ftl"));
    let en = ids(include_str!("../../locales/en.ftl"));
    assert!(ru.len() > 80, "{} report texts", ru.len());
    assert_eq!(ru, en, "ru.ftl and en.ftl define the same report- ids");
    let mut second = empty_office();
    second.office.id = talon_protocol::OfficeId(2);
    for lang in Lang::ALL {
        for kind in ReportKind::ALL {
            let data = [empty_office(), second.clone()];
            let scope = kinds::Scope {
                data: &data,
                region: Some("Западное отделение"),
                period: crate::stats::Period::new(data[0].from, data[0].to).unwrap(),
            };
            let report = kinds::report(&scope, &[], kind, lang);
            let mut texts = vec![
                report.title.clone(),
                report.period_text.clone(),
                report.scope_text.clone(),
            ];
            for table in &report.tables {
                texts.push(table.title.clone());
                texts.extend(table.columns.iter().map(|c| c.title.clone()));
                for row in &table.rows {
                    texts.extend(row.cells.iter().filter_map(|c| match c {
                        Cell::Text(s) => Some(s.clone()),
                        _ => None,
                    }));
                }
            }
            for chart in &report.charts {
                texts.extend([
                    chart.title.clone(),
                    chart.norm_label.clone(),
                    chart.axis_label.clone(),
                ]);
            }
            let missing: Vec<_> = texts.iter().filter(|t| t.contains("report-")).collect();
            assert!(missing.is_empty(), "{kind:?} {lang:?}: {missing:?}");
            for format in [
                ReportFormat::Json,
                ReportFormat::Csv,
                ReportFormat::Xlsx,
                ReportFormat::Pdf,
            ] {
                let body = render(&report, format).expect("rendered");
                assert!(!body.is_empty(), "{kind:?} {format:?}");
            }
        }
    }
}

#[test]
fn a_region_without_offices_is_an_empty_report_of_its_period() {
    let day = "2026-12-01".parse().unwrap();
    let scope = kinds::Scope {
        data: &[],
        region: Some("Пустое отделение"),
        period: crate::stats::Period::new(day, day).unwrap(),
    };
    for kind in ReportKind::ALL {
        let report = kinds::report(&scope, &[], kind, Lang::Ru);
        assert_eq!(report.from, day);
        assert!(
            report.scope_text.contains("Пустое отделение"),
            "{}",
            report.scope_text
        );
        for format in [ReportFormat::Csv, ReportFormat::Xlsx, ReportFormat::Pdf] {
            assert!(!render(&report, format).unwrap().is_empty());
        }
    }
}
