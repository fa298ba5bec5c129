//! The window and the visitor at it: label, topic, out-of-turn mark, and how long the
//! visitor waited and is being served, coloured against the topic's norms, live.

use crate::cx::Cx;
use crate::text;
use crate::widgets::{badge, muted, timer_line};
use egui::{RichText, Ui};
use talon_client::Lang;
use talon_client::look::colors;
use talon_protocol::norms::{service_status, wait_status};
use talon_protocol::{Snapshot, TicketStatus, Window, WindowState};

pub fn window_header(ui: &mut Ui, cx: &Cx, office: &Snapshot, window: &Window) {
    let title = cx.text_with(
        "desk-window-name",
        &[("window", window.label.as_str().into())],
    );
    ui.horizontal(|ui| {
        ui.label(RichText::new(title).size(34.0).strong());
        ui.label(
            RichText::new(text::window_state(cx.lang, window.state))
                .size(24.0)
                .color(colors::ACCENT),
        );
        let since = text::local_time(office, window.state_since);
        ui.label(
            RichText::new(cx.text_with("desk-state-since", &[("time", since.into())]))
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
        &cx.text_with(
            "desk-window-topics",
            &[("topics", topics.join(", ").into())],
        ),
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
                    ui.label(RichText::new(cx.text("desk-card-nobody")).size(30.0));
                }
                WindowState::Closed => {
                    ui.label(RichText::new(cx.text("desk-card-closed")).size(30.0));
                }
            }
        });
}

fn visitor(ui: &mut Ui, cx: &Cx, office: &Snapshot, window: &Window) {
    let Some(ticket) = window
        .current_ticket
        .and_then(|id| office.tickets.iter().find(|t| t.id == id))
    else {
        muted(ui, &cx.text("desk-card-loading"));
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
                    badge(ui, &cx.text("desk-badge-out-of-turn"), colors::ACCENT);
                }
                if ticket.transfers > 0 {
                    badge(
                        ui,
                        &cx.text_with("desk-transferred", &[("count", ticket.transfers.into())]),
                        colors::MUTED,
                    );
                }
                if ticket.recalls > 0 {
                    badge(
                        ui,
                        &cx.text_with("desk-recalls", &[("count", ticket.recalls.into())]),
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
        &cx.text("desk-timer-waited"),
        waited,
        wait_status(ticket, topic, cx.now),
        topic.norms.wait.minutes,
        22.0,
    );
    match ticket.status {
        TicketStatus::Serving => timer_line(
            ui,
            cx.lang,
            &cx.text("desk-timer-service"),
            ticket.service_ms_at(cx.now),
            service_status(ticket, topic, cx.now),
            topic.norms.service.minutes,
            22.0,
        ),
        TicketStatus::Called => {
            let since = ticket.called_at.unwrap_or(window.state_since);
            let walking = (cx.now - since).num_milliseconds().max(0);
            ui.label(
                RichText::new(cx.text_with(
                    "desk-called-walking",
                    &[("time", Lang::clock_duration(walking).into())],
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
        RichText::new(cx.text_with(
            "desk-break-reason",
            &[("reason", pause.reason.as_str().into())],
        ))
        .size(30.0)
        .strong(),
    );
    if let Some(until) = pause.until {
        ui.label(
            RichText::new(cx.text_with(
                "desk-expected-back",
                &[("time", text::local_time(office, until).into())],
            ))
            .size(22.0),
        );
    }
    ui.add_space(8.0);
    muted(ui, &cx.text("desk-visitors-see"));
}
