//! The window and the visitor at it: label, topic, out-of-turn mark, and how long the
//! visitor waited and is being served, coloured against the topic's norms, live.

use crate::cx::Cx;
use crate::text;
use crate::widgets::{badge, muted, timer_line};
use egui::{RichText, Ui};
use talon_client::Lang;
use talon_client::look::colors;
use talon_protocol::norms::{service_status, wait_status};
use talon_protocol::window::{PAUSED_NOTICE_EN, PAUSED_NOTICE_RU};
use talon_protocol::{Snapshot, TicketStatus, Window, WindowState};

pub fn window_header(ui: &mut Ui, cx: &Cx, office: &Snapshot, window: &Window) {
    let title = match cx.lang {
        Lang::Ru => format!("Окно {}", window.label),
        Lang::En => format!("Window {}", window.label),
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(title).size(34.0).strong());
        ui.label(
            RichText::new(text::window_state(cx.lang, window.state))
                .size(24.0)
                .color(colors::ACCENT),
        );
        let since = text::local_time(office, window.state_since);
        ui.label(
            RichText::new(format!("{} {since}", cx.t("с", "since")))
                .size(20.0)
                .color(colors::MUTED),
        );
    });
    let topics: Vec<String> = window
        .topics
        .iter()
        .map(|t| {
            format!(
                "{} {}",
                text::topic_prefix(office, *t),
                text::topic_name(office, *t, cx.lang)
            )
        })
        .collect();
    muted(
        ui,
        &format!("{} {}", cx.t("Темы окна:", "Topics:"), topics.join(", ")),
    );
}

pub fn ticket_card(ui: &mut Ui, cx: &Cx, office: &Snapshot, window: &Window) {
    egui::Frame::new()
        .fill(colors::PANEL)
        .inner_margin(18)
        .corner_radius(10)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.set_min_height(230.0);
            match window.state {
                WindowState::Calling | WindowState::Serving => visitor(ui, cx, office, window),
                WindowState::Paused => paused(ui, cx, office, window),
                WindowState::Idle => {
                    ui.label(
                        RichText::new(cx.t("У окна нет клиента", "Nobody at the window"))
                            .size(30.0),
                    );
                }
                WindowState::Closed => {
                    ui.label(
                        RichText::new(cx.t("Окно закрыто", "The window is closed")).size(30.0),
                    );
                }
            }
        });
}

fn visitor(ui: &mut Ui, cx: &Cx, office: &Snapshot, window: &Window) {
    let Some(ticket) = window
        .current_ticket
        .and_then(|id| office.tickets.iter().find(|t| t.id == id))
    else {
        muted(ui, cx.t("Загрузка талона…", "Loading the ticket…"));
        return;
    };
    let topic = office.topics.iter().find(|t| t.id == ticket.topic_id);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(&ticket.label)
                .size(80.0)
                .strong()
                .color(colors::ACCENT),
        );
        ui.vertical(|ui| {
            ui.label(RichText::new(text::topic_name(office, ticket.topic_id, cx.lang)).size(28.0));
            ui.horizontal(|ui| {
                if ticket.out_of_turn {
                    badge(ui, cx.t("ВНЕ ОЧЕРЕДИ", "OUT OF TURN"), colors::ACCENT);
                }
                if ticket.transfers > 0 {
                    badge(
                        ui,
                        &format!(
                            "{} {}",
                            cx.t("перенаправлен", "transferred"),
                            ticket.transfers
                        ),
                        colors::MUTED,
                    );
                }
                if ticket.recalls > 0 {
                    badge(
                        ui,
                        &format!(
                            "{} {}",
                            cx.t("повторных вызовов:", "recalls:"),
                            ticket.recalls
                        ),
                        colors::MUTED,
                    );
                }
            });
        });
    });
    ui.add_space(8.0);
    let Some(topic) = topic else { return };
    let waited = ticket.wait_ms_at(cx.now);
    timer_line(
        ui,
        cx.lang,
        cx.t("Ожидание", "Waited"),
        waited,
        wait_status(ticket, topic, cx.now),
        topic.norms.wait.minutes,
        22.0,
    );
    match ticket.status {
        TicketStatus::Serving => timer_line(
            ui,
            cx.lang,
            cx.t("Обслуживание", "Service"),
            ticket.service_ms_at(cx.now),
            service_status(ticket, topic, cx.now),
            topic.norms.service.minutes,
            22.0,
        ),
        TicketStatus::Called => {
            let since = ticket.called_at.unwrap_or(window.state_since);
            let walking = (cx.now - since).num_milliseconds().max(0);
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    cx.t("Вызван, идёт к окну:", "Called, on the way:"),
                    Lang::clock_duration(walking)
                ))
                .size(22.0),
            );
        }
        _ => {}
    }
}

fn paused(ui: &mut Ui, cx: &Cx, office: &Snapshot, window: &Window) {
    let Some(pause) = &window.pause else { return };
    ui.label(
        RichText::new(format!("{} {}", cx.t("Перерыв:", "Break:"), pause.reason))
            .size(30.0)
            .strong(),
    );
    if let Some(until) = pause.until {
        ui.label(
            RichText::new(format!(
                "{} {}",
                cx.t("Ожидаемое возвращение:", "Expected back at"),
                text::local_time(office, until)
            ))
            .size(22.0),
        );
    }
    ui.add_space(8.0);
    muted(
        ui,
        &format!(
            "{} «{}»",
            cx.t("Клиенты видят:", "Visitors see:"),
            cx.lang.pick(PAUSED_NOTICE_RU, PAUSED_NOTICE_EN)
        ),
    );
}
