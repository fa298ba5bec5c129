//! XLSX with typed cells (rust_xlsxwriter): counts and decimals as numbers, times as
//! Excel durations (a fraction of a day shown `[h]:mm:ss`, so they add up and compare),
//! shares as percentages, days as dates. The first sheet names the report, its period
//! (two date cells) and its offices; each table has a sheet of its own with the heading
//! row frozen and columns wide enough for their headings and figures.

use super::table::{Cell, ColumnKind, Report, RowKind};
use super::texts::{Lang, parse_lang, t};
use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

const MS_PER_DAY: f64 = 86_400_000.0;

struct Formats {
    bold: Format,
    title: Format,
    heading: Format,
    duration: Format,
    share: Format,
    date: Format,
    number: Format,
    total: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            bold: Format::new().set_bold(),
            title: Format::new().set_bold().set_font_size(14),
            heading: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color("#DDE4EE"),
            duration: Format::new().set_num_format("[h]:mm:ss"),
            share: Format::new().set_num_format("0.0%"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            number: Format::new().set_num_format("0.00"),
            total: Format::new().set_bold(),
        }
    }

    /// The format of a cell of `kind`, bold in a total row.
    fn of(&self, kind: ColumnKind, total: bool) -> Format {
        let base = match kind {
            ColumnKind::Text | ColumnKind::Count => Format::new(),
            ColumnKind::Duration => self.duration.clone(),
            ColumnKind::Share => self.share.clone(),
            ColumnKind::Date => self.date.clone(),
            ColumnKind::Number => self.number.clone(),
        };
        if total { base.set_bold() } else { base }
    }
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique.
fn sheet_name(title: &str, taken: &mut Vec<String>) -> String {
    let clean: String = title
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .take(28)
        .collect();
    let mut name = clean.trim().to_string();
    if name.is_empty() {
        name = "Sheet".into();
    }
    let mut n = 2;
    let base = name.clone();
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{base} {n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    format: &Format,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {
            sheet.write_blank(row, col, format)?;
        }
        Cell::Text(s) => {
            sheet.write_string_with_format(row, col, s, format)?;
        }
        Cell::Count(n) => {
            sheet.write_number_with_format(row, col, *n as f64, format)?;
        }
        Cell::Share(x) | Cell::Number(x) => {
            sheet.write_number_with_format(row, col, *x, format)?;
        }
        Cell::Duration(ms) => {
            sheet.write_number_with_format(row, col, *ms as f64 / MS_PER_DAY, format)?;
        }
        Cell::Date(d) => {
            let date = ExcelDateTime::from_ymd(
                u16::try_from(d.year()).unwrap_or(1970),
                d.month() as u8,
                d.day() as u8,
            )?;
            sheet.write_datetime_with_format(row, col, &date, format)?;
        }
    }
    Ok(())
}

/// How wide a column's figures are, in characters.
fn cell_width(cell: &Cell) -> usize {
    match cell {
        Cell::Empty => 0,
        Cell::Text(s) => s.chars().count(),
        Cell::Count(n) => n.to_string().len(),
        Cell::Share(_) => 6,
        Cell::Duration(_) => 8,
        Cell::Date(_) => 10,
        Cell::Number(_) => 5,
    }
}

fn info_sheet(
    book: &mut Workbook,
    report: &Report,
    lang: Lang,
    f: &Formats,
    taken: &mut Vec<String>,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(&t(lang, "report-sheet-about"), taken))?;
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 40)?;
    sheet.write_string_with_format(0, 0, &report.title, &f.title)?;
    sheet.write_string_with_format(2, 0, t(lang, "report-from"), &f.bold)?;
    write_cell(sheet, 2, 1, &Cell::Date(report.from), &f.date)?;
    sheet.write_string_with_format(3, 0, t(lang, "report-to"), &f.bold)?;
    write_cell(sheet, 3, 1, &Cell::Date(report.to), &f.date)?;
    sheet.write_string_with_format(4, 0, t(lang, "report-scope"), &f.bold)?;
    sheet.write_string(4, 1, &report.scope_text)?;
    sheet.write_string_with_format(6, 0, t(lang, "report-col-office"), &f.heading)?;
    sheet.write_string_with_format(6, 1, t(lang, "report-col-time-zone"), &f.heading)?;
    for (i, office) in report.offices.iter().enumerate() {
        let row = 7 + i as u32;
        sheet.write_string(row, 0, &office.name)?;
        sheet.write_string(row, 1, &office.time_zone)?;
    }
    Ok(())
}

fn workbook(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let lang = parse_lang(&report.lang).unwrap_or(Lang::Ru);
    let f = Formats::new();
    let mut book = Workbook::new();
    let mut taken = Vec::new();
    info_sheet(&mut book, report, lang, &f, &mut taken)?;
    for table in &report.tables {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&table.title, &mut taken))?;
        for (col, column) in table.columns.iter().enumerate() {
            let col = col as u16;
            sheet.write_string_with_format(0, col, &column.title, &f.heading)?;
            let widest = table
                .rows
                .iter()
                .filter_map(|r| r.cells.get(col as usize))
                .map(cell_width)
                .max()
                .unwrap_or(0);
            // Headings wrap onto up to three lines; figures never do.
            let heading = column.title.chars().count().div_ceil(3).max(
                column
                    .title
                    .split_whitespace()
                    .map(|w| w.chars().count())
                    .max()
                    .unwrap_or(0),
            );
            let width = widest.max(heading).clamp(6, 48) + 2;
            sheet.set_column_width(col, width as f64)?;
        }
        sheet.set_row_height(0, 48)?;
        for (r, row) in table.rows.iter().enumerate() {
            let total = row.kind == RowKind::Total;
            for (col, (cell, column)) in row.cells.iter().zip(&table.columns).enumerate() {
                let format = if total && column.kind == ColumnKind::Text {
                    f.total.clone()
                } else {
                    f.of(column.kind, total)
                };
                write_cell(sheet, r as u32 + 1, col as u16, cell, &format)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    book.save_to_buffer()
}

pub fn render(report: &Report) -> Result<Vec<u8>, String> {
    workbook(report).map_err(|e| e.to_string())
}
