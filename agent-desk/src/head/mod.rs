//! The office head's monitor (role head or admin): the live board with alerts, charts,
//! norms, reports and the list of offices.

pub mod advice_view;
pub mod alerts_view;
pub mod board;
pub mod charts;
pub mod norms;
pub mod offices;
pub mod report_files;
pub mod reports;
mod topics_table;
pub mod what_if;

#[derive(Default)]
pub struct HeadMonitor {
    pub board: board::Board,
    pub norms: norms::NormsTab,
    pub what_if: what_if::WhatIf,
    pub reports: reports::Reports,
    pub offices: offices::OfficesTab,
}
