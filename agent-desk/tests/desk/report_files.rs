//! The server's report files from the desk's reports screen: every kind and every
//! format saved into a folder and read back (XLSX with calamine, PDF by its header,
//! CSV and JSON by their contents); the monthly report the server kept on the first of
//! the month, listed and saved; the head office's wider choice of what a report covers.

use crate::helpers::*;
use calamine::{Data, Reader, Xlsx};
use egui_kittest::kittest::Queryable;
use std::path::Path;
use talon_client::Lang;
use talon_protocol::WindowId;
use talon_protocol::api::{FinishRequest, Role, StaffInput, User};
use talon_protocol::report::{ReportFormat, ReportKind};

/// One visit served at window 1: waited 3 minutes, served for 6.
fn serve_one(server: &TestServer) {
    let agent = server.api("agent1", AGENT_PASSWORD);
    let ticket = server.issue(READINGS, false);
    server.rt.block_on(async {
        agent
            .window_action::<talon_protocol::Window>(WindowId(1), "open")
            .await
            .unwrap();
        server.clock.advance(chrono::Duration::minutes(3));
        assert_eq!(agent.call_next(WindowId(1)).await.unwrap().id, ticket.id);
        agent.ticket_action(ticket.id, "start").await.unwrap();
        server.clock.advance(chrono::Duration::minutes(6));
        let finish = FinishRequest {
            outcome: talon_protocol::Outcome::Resolved,
            topics_count: 1,
            overrun_reason: None,
        };
        agent.finish(ticket.id, &finish).await.unwrap();
    });
}

fn kind_label(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::Topics => "Темы",
        ReportKind::Agents => "Работа сотрудников",
        ReportKind::Hourly => "По часам",
        ReportKind::Compliance => "Нормы за месяц",
        ReportKind::Feedback => "Оценки",
        ReportKind::Appointments => "Записи на приём",
    }
}

/// Clicks «Скачать отчёт» and waits for the file the desk says it saved.
fn download(desk: &mut Desk, folder: &Path, name: &str) -> Vec<u8> {
    click_when_ready(desk, "Скачать отчёт");
    let path = folder.join(name);
    wait_for_text(desk, &format!("Сохранено: {}", path.display()));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn xlsx_strings(bytes: &[u8]) -> Vec<String> {
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("an XLSX");
    let mut strings = Vec::new();
    for name in book.sheet_names() {
        let sheet = book.worksheet_range(&name).unwrap();
        strings.extend(sheet.used_cells().filter_map(|(_, _, cell)| match cell {
            Data::String(s) => Some(s.clone()),
            _ => None,
        }));
    }
    strings
}

/// Every kind, every format: each file is what its format says and holds the report.
fn check_file(kind: ReportKind, format: ReportFormat, bytes: &[u8]) {
    match format {
        ReportFormat::Xlsx => {
            let strings = xlsx_strings(bytes);
            assert!(
                strings
                    .iter()
                    .any(|s| s.contains("Клиентский офис «Центральный»")),
                "{kind:?}: the office is named in {strings:?}"
            );
        }
        ReportFormat::Pdf => {
            assert!(bytes.starts_with(b"%PDF-"), "{kind:?}: a PDF");
            assert!(bytes.len() > 10_000, "{kind:?}: fonts are embedded");
        }
        ReportFormat::Csv => {
            let text = std::str::from_utf8(bytes).expect("UTF-8");
            assert!(text.starts_with('\u{feff}'), "{kind:?}: a BOM for Excel");
            assert!(text.contains("Клиентский офис «Центральный»"), "{text}");
        }
        ReportFormat::Json => {
            let report: serde_json::Value = serde_json::from_slice(bytes).expect("JSON");
            assert_eq!(report["kind"], kind.name());
            assert_eq!(report["from"], "2026-11-20");
        }
    }
}

#[test]
fn the_head_saves_every_report_kind_and_format_and_the_kept_monthly_report() {
    let server = TestServer::start();
    server.quiet_devices();
    serve_one(&server);
    // October's report, kept when the server started in November (the ticker may or may
    // not have got there yet: made sure of here, so the list is the same every run).
    server
        .rt
        .block_on(talon_server::reports::monthly::keep_due(
            server.server().queues(),
        ))
        .expect("kept");
    // A fixed folder, so the snapshots (which show it) are the same on every run.
    let folder = std::env::temp_dir().join("talon-desk-report-files");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let mut desk = desk(server.options(&server.session_file("head.json"), Lang::Ru));
    sign_in(
        &mut desk,
        talon_server::demo::HEAD.0,
        talon_server::demo::HEAD.1,
    );
    click_when_ready(&mut desk, "Отчёты");
    wait_for_label(&mut desk, "Файлы отчётов");
    // An office head reports on their office: no region or company to choose.
    assert!(desk.query_by_label("Вся компания").is_none());
    type_into(&mut desk, "Папка:", &folder.display().to_string());

    // Six kinds, the four formats in turn, then the topics in every format.
    let formats = [
        ReportFormat::Xlsx,
        ReportFormat::Pdf,
        ReportFormat::Csv,
        ReportFormat::Json,
    ];
    let mut runs: Vec<(ReportKind, ReportFormat)> = ReportKind::ALL
        .iter()
        .enumerate()
        .map(|(i, &kind)| (kind, formats[i % formats.len()]))
        .collect();
    runs.extend(formats.map(|f| (ReportKind::Topics, f)));
    for (kind, format) in runs {
        click(&mut desk, kind_label(kind));
        click(&mut desk, &format.extension().to_uppercase());
        let name = format!(
            "talon-{}-office-1-2026-11-20-2026-11-20.{}",
            kind.name(),
            format.extension()
        );
        let bytes = download(&mut desk, &folder, &name);
        check_file(kind, format, &bytes);
    }
    // The topics' XLSX holds the day's visit under its topic.
    click(&mut desk, "XLSX");
    let bytes = download(
        &mut desk,
        &folder,
        "talon-topics-office-1-2026-11-20-2026-11-20.xlsx",
    );
    let strings = xlsx_strings(&bytes);
    assert!(
        strings.iter().any(|s| s.contains("Передача показаний")),
        "{strings:?}"
    );
    wait_for_label(&mut desk, "2026-10 · Клиентский офис «Центральный»");
    snapshot(&mut desk, "report_files_ru");

    // A folder that does not exist: said in words, nothing pretends to be saved.
    let missing = folder.join("no-such-folder");
    type_into(&mut desk, "Папка:", &missing.display().to_string());
    click_when_ready(&mut desk, "Скачать отчёт");
    wait_for_text(&mut desk, "Не удалось сохранить");

    // 1 December, 01:00 in Moscow: the server keeps November's compliance report.
    server.clock.set("2026-11-30T22:00:00Z".parse().unwrap());
    let kept = server
        .rt
        .block_on(talon_server::reports::monthly::keep_due(
            server.server().queues(),
        ))
        .expect("kept");
    assert!(kept >= 1, "November is kept");
    // Ten days on, the demo display is long silent: its alert comes, and is dismissed
    // (its notice blinks) before the snapshot.
    wait_for_label(&mut desk, "Принято");
    click(&mut desk, "Принято");
    type_into(&mut desk, "Папка:", &folder.display().to_string());
    click(&mut desk, "Обновить список");
    let row = "2026-11 · Клиентский офис «Центральный»";
    wait_for_label(&mut desk, row);
    click(&mut desk, "PDF");
    click(&mut desk, row);
    let path = folder.join("talon-compliance-office-1-2026-11.pdf");
    wait_for_text(&mut desk, &format!("Сохранено: {}", path.display()));
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF-"));
    click(&mut desk, "XLSX");
    click(&mut desk, row);
    let path = folder.join("talon-compliance-office-1-2026-11.xlsx");
    wait_for_text(&mut desk, &format!("Сохранено: {}", path.display()));
    let strings = xlsx_strings(&std::fs::read(&path).unwrap());
    assert!(strings.iter().any(|s| s.contains("2026-11")), "{strings:?}");

    click(&mut desk, "English");
    wait_for_label(&mut desk, "Report files");
    wait_for_label(&mut desk, "Monthly reports");
    snapshot(&mut desk, "report_files_en");
}

#[test]
fn the_head_office_reports_on_a_region_or_the_whole_company() {
    let server = TestServer::start();
    server.quiet_devices();
    serve_one(&server);
    let admin = server.api(talon_server::demo::ADMIN.0, talon_server::demo::ADMIN.1);
    let region: talon_protocol::api::Region = server
        .rt
        .block_on(admin.create_region(&talon_protocol::api::RegionInput {
            name: "Западное отделение".into(),
        }))
        .unwrap();
    add_office(&server, "Офис «Северный»", Some(region.id));
    let input = StaffInput {
        login: "central".into(),
        name: "Центральный офис".into(),
        password: "central-password-1".into(),
        role: Role::HeadOffice,
        offices: vec![],
        regions: vec![],
    };
    let _: User = server.rt.block_on(admin.create_staff(&input)).unwrap();
    let folder = server.files().to_path_buf();
    let mut desk = desk(server.options(&server.session_file("central.json"), Lang::Ru));
    sign_in(&mut desk, "central", "central-password-1");
    click_when_ready(&mut desk, "Отчёты");
    wait_for_label(&mut desk, "Файлы отчётов");
    type_into(&mut desk, "Папка:", &folder.display().to_string());
    click_when_ready(&mut desk, "Регион «Западное отделение»");
    click(&mut desk, "CSV");
    let name = format!(
        "talon-topics-region-{}-2026-11-20-2026-11-20.csv",
        region.id
    );
    let csv = String::from_utf8(download(&mut desk, &folder, &name)).unwrap();
    assert!(csv.contains("Офис «Северный»"), "{csv}");
    assert!(
        !csv.contains("Центральный»"),
        "only the region's office: {csv}"
    );
    click(&mut desk, "Вся компания");
    let csv = String::from_utf8(download(
        &mut desk,
        &folder,
        "talon-topics-all-2026-11-20-2026-11-20.csv",
    ))
    .unwrap();
    assert!(csv.contains("Офис «Северный»") && csv.contains("Клиентский офис «Центральный»"));
}
