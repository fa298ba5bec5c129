//! What a report is, whatever its format: a title, the period, the offices it covers, a
//! list of tables with typed columns, and the charts the PDF draws. JSON is this
//! structure as it is; CSV, XLSX and PDF render it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The type of a column's cells: how each format writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Text,
    /// A whole number.
    Count,
    /// A share 0..1 (the XLSX shows it as a percentage).
    Share,
    /// A time span in milliseconds (the XLSX shows `[h]:mm:ss`).
    Duration,
    /// A calendar day `YYYY-MM-DD`.
    Date,
    /// A decimal number (an average rating).
    Number,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Column {
    /// A stable name for programs ("wait_median").
    #[schema(value_type = String)]
    pub key: Cow<'static, str>,
    /// The heading in the report's language.
    pub title: String,
    pub kind: ColumnKind,
}

/// One cell: `null` when there is nothing to show (an average of no visits), else a
/// string (Text, Date) or a number (Count, Share, Duration in ms, Number).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum Cell {
    Empty,
    Text(String),
    Count(u64),
    Share(f64),
    Duration(i64),
    #[schema(value_type = String, format = Date)]
    Date(NaiveDate),
    Number(f64),
}

impl Cell {
    pub fn share(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Share)
    }

    pub fn duration(ms: Option<i64>) -> Cell {
        ms.map_or(Cell::Empty, Cell::Duration)
    }

    pub fn number(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Number)
    }

    pub fn count(n: impl Into<u64>) -> Cell {
        Cell::Count(n.into())
    }

    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

/// What a row stands for: a figure of one office or slice, or a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    Detail,
    /// The sum (pool) of the rows above it.
    Total,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Row {
    pub kind: RowKind,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(try_from = "StoredTable")]
pub struct Table {
    #[schema(value_type = String)]
    pub key: Cow<'static, str>,
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// What a chart's bars measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChartUnit {
    /// Milliseconds, drawn on an axis in minutes.
    Duration,
    /// An average rating, 1 to 5.
    Rating,
}

/// Bars of a figure per label, each with its norm marked (the PDF draws it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Chart {
    pub title: String,
    pub unit: ChartUnit,
    pub labels: Vec<String>,
    /// The figure per label; `None` draws no bar.
    pub values: Vec<Option<f64>>,
    /// The norm or limit of each bar (a mark across it); a bar past it is over.
    pub norms: Vec<Option<f64>>,
    pub norm_label: String,
    /// What the axis counts ("минуты").
    pub axis_label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReportOffice {
    pub id: i64,
    pub name: String,
    pub time_zone: String,
}

/// A whole report. It reads back from its JSON (a kept monthly report is stored so),
/// each cell typed by its column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Report {
    pub kind: super::ReportKind,
    #[schema(value_type = String)]
    pub lang: Cow<'static, str>,
    pub title: String,
    #[schema(value_type = String, format = Date)]
    pub from: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub to: NaiveDate,
    /// "Период: 01.12.2026 – 31.12.2026" in the report's language.
    pub period_text: String,
    /// "Офис: …" or "Все офисы (2)".
    pub scope_text: String,
    pub offices: Vec<ReportOffice>,
    pub tables: Vec<Table>,
    pub charts: Vec<Chart>,
}

/// Builds a table column by column: each column with the function that gives its cell
/// for an item, so headings and cells cannot drift apart.
pub struct TableBuilder<'a, T> {
    columns: Vec<(Column, CellFn<'a, T>)>,
}

/// How a column gets its cell from an item.
type CellFn<'a, T> = Box<dyn Fn(&T) -> Cell + 'a>;

impl<'a, T> TableBuilder<'a, T> {
    pub fn new() -> Self {
        TableBuilder {
            columns: Vec::new(),
        }
    }

    pub fn column(
        mut self,
        key: &'static str,
        title: String,
        kind: ColumnKind,
        cell: impl Fn(&T) -> Cell + 'a,
    ) -> Self {
        self.columns.push((
            Column {
                key: key.into(),
                title,
                kind,
            },
            Box::new(cell),
        ));
        self
    }

    /// The table of `items`, each with its row kind.
    pub fn build(self, key: &'static str, title: String, items: &[(RowKind, T)]) -> Table {
        let rows = items
            .iter()
            .map(|(kind, item)| Row {
                kind: *kind,
                cells: self.columns.iter().map(|(_, cell)| cell(item)).collect(),
            })
            .collect();
        Table {
            key: key.into(),
            title,
            columns: self.columns.into_iter().map(|(c, _)| c).collect(),
            rows,
        }
    }
}

impl<T> Default for TableBuilder<'_, T> {
    fn default() -> Self {
        Self::new()
    }
}

/// A table as its JSON holds it: the cells untyped until their columns say what they are.
#[derive(Deserialize)]
struct StoredTable {
    key: String,
    title: String,
    columns: Vec<Column>,
    rows: Vec<StoredRow>,
}

#[derive(Deserialize)]
struct StoredRow {
    kind: RowKind,
    cells: Vec<serde_json::Value>,
}

/// A cell of a column of `kind` from its JSON; a text where a number was expected (a
/// mark such as «да») stays a text.
fn stored_cell(kind: ColumnKind, value: serde_json::Value) -> Result<Cell, String> {
    use serde_json::Value;
    Ok(match (kind, value) {
        (_, Value::Null) => Cell::Empty,
        (ColumnKind::Date, Value::String(s)) => match s.parse() {
            Ok(day) => Cell::Date(day),
            Err(_) => Cell::Text(s),
        },
        (_, Value::String(s)) => Cell::Text(s),
        (ColumnKind::Count, Value::Number(n)) if n.is_u64() => Cell::Count(n.as_u64().unwrap_or(0)),
        (ColumnKind::Duration, Value::Number(n)) if n.is_i64() => {
            Cell::Duration(n.as_i64().unwrap_or(0))
        }
        (ColumnKind::Share, Value::Number(n)) => Cell::Share(n.as_f64().unwrap_or(0.0)),
        (_, Value::Number(n)) => match n.as_u64() {
            Some(count) if kind == ColumnKind::Count => Cell::Count(count),
            _ => Cell::Number(n.as_f64().unwrap_or(0.0)),
        },
        (_, other) => return Err(format!("a cell cannot be {other}")),
    })
}

impl TryFrom<StoredTable> for Table {
    type Error = String;

    fn try_from(stored: StoredTable) -> Result<Table, String> {
        let mut rows = Vec::with_capacity(stored.rows.len());
        for row in stored.rows {
            if row.cells.len() != stored.columns.len() {
                return Err(format!(
                    "a row of table {} has {} cells for {} columns",
                    stored.key,
                    row.cells.len(),
                    stored.columns.len()
                ));
            }
            let cells = stored
                .columns
                .iter()
                .zip(row.cells)
                .map(|(column, value)| stored_cell(column.kind, value))
                .collect::<Result<_, _>>()?;
            rows.push(Row {
                kind: row.kind,
                cells,
            });
        }
        Ok(Table {
            key: stored.key.into(),
            title: stored.title,
            columns: stored.columns,
            rows,
        })
    }
}
