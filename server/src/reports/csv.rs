//! CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Cyrillic as
//! UTF-8, not as the system's code page) and `;` between fields — what Excel expects
//! where the decimal mark is a comma, as in Russia; a `,`-separated file opens there as
//! one column. Numbers use the report language's decimal mark (ru: comma), times read
//! `h:mm:ss` and shares are percentages, so a Russian Excel takes each as a number or a
//! time. Every table follows the report's title lines, after its own title and headings,
//! a blank line between tables. Fields with `;`, quotes or line breaks are quoted.

use super::table::{Cell, Report};
use super::texts::{Lang, decimal, duration, parse_lang};

const SEPARATOR: char = ';';

fn field(out: &mut String, text: &str) {
    if text.contains([SEPARATOR, '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

fn line(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(SEPARATOR);
        }
        field(out, &f);
    }
    out.push_str("\r\n");
}

/// A cell as CSV writes it.
pub fn cell_text(lang: Lang, cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.clone(),
        Cell::Count(n) => n.to_string(),
        Cell::Share(s) => decimal(lang, s * 100.0, 1),
        Cell::Duration(ms) => duration(*ms),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::Number(x) => decimal(lang, *x, 2),
    }
}

pub fn render(report: &Report) -> Vec<u8> {
    let lang = parse_lang(&report.lang).unwrap_or(Lang::Ru);
    let mut out = String::from("\u{feff}");
    line(&mut out, [report.title.clone()]);
    line(&mut out, [report.period_text.clone()]);
    line(&mut out, [report.scope_text.clone()]);
    for table in &report.tables {
        out.push_str("\r\n");
        line(&mut out, [table.title.clone()]);
        line(
            &mut out,
            table.columns.iter().map(|c| match c.kind {
                super::ColumnKind::Share => format!("{}, %", c.title),
                _ => c.title.clone(),
            }),
        );
        for row in &table.rows {
            line(&mut out, row.cells.iter().map(|c| cell_text(lang, c)));
        }
    }
    out.into_bytes()
}
