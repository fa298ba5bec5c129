//! The staffing advisor's advice on the head's board: what to do, in words, with the
//! numbers behind it (from the office's `AdviceChanged` events).

use crate::cx::Cx;
use crate::text;
use crate::widgets::{muted, section};
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_protocol::Snapshot;
use talon_protocol::advice::{Advice, AdviceKind};

fn topic_name(cx: &Cx, office: &Snapshot, advice: &Advice) -> String {
    let topic = advice
        .topic_id
        .and_then(|id| office.topics.iter().find(|t| t.id == id));
    match topic {
        Some(t) if cx.lang == talon_client::Lang::En && !t.name_en.is_empty() => t.name_en.clone(),
        Some(t) => t.name_ru.clone(),
        None => "—".into(),
    }
}

fn window_label(office: &Snapshot, advice: &Advice) -> String {
    advice
        .window_id
        .and_then(|id| office.windows.iter().find(|w| w.id == id))
        .map_or_else(|| "—".into(), |w| w.label.clone())
}

/// The advice in one sentence.
pub fn sentence(cx: &Cx, office: &Snapshot, advice: &Advice) -> String {
    let topic = topic_name(cx, office, advice);
    let norm = advice.numbers.norm_min;
    match advice.kind {
        AdviceKind::OpenWindow => {
            let over_now = advice
                .numbers
                .predicted_wait_ms
                .is_some_and(|ms| ms > i64::from(norm) * 60_000);
            match advice.breach_at {
                _ if advice.numbers.windows_open <= 0.0 => {
                    cx.text_with("desk-advice-open-none", &[("topic", topic.into())])
                }
                _ if over_now => cx.text_with(
                    "desk-advice-open-now",
                    &[("topic", topic.into()), ("norm", norm.into())],
                ),
                Some(at) => cx.text_with(
                    "desk-advice-open-by",
                    &[
                        ("topic", topic.into()),
                        ("time", text::local_time(office, at).into()),
                        ("norm", norm.into()),
                    ],
                ),
                None => cx.text_with(
                    "desk-advice-open",
                    &[("topic", topic.into()), ("norm", norm.into())],
                ),
            }
        }
        AdviceKind::AddTopic => cx.text_with(
            "desk-advice-add",
            &[
                ("window", window_label(office, advice).into()),
                ("topic", topic.into()),
            ],
        ),
        AdviceKind::CloseWindow => cx.text_with(
            "desk-advice-close",
            &[
                ("window", window_label(office, advice).into()),
                (
                    "time",
                    advice
                        .until
                        .map_or_else(|| "—".into(), |t| text::local_time(office, t))
                        .into(),
                ),
            ],
        ),
    }
}

/// The numbers behind it.
fn numbers(cx: &Cx, advice: &Advice) -> String {
    let n = &advice.numbers;
    cx.text_with(
        "desk-advice-numbers",
        &[
            ("arrivals", format!("{:.1}", n.arrivals_per_hour).into()),
            ("service", format!("{:.0}", n.mean_service_min).into()),
            ("open", format!("{:.1}", n.windows_open).into()),
            ("needed", n.windows_needed.into()),
            ("share", text::share(Some(n.share_over_norm)).into()),
        ],
    )
}

pub fn show(ui: &mut Ui, cx: &Cx, office: &Snapshot) {
    section(ui, &cx.text("desk-advice-title"));
    if office.advice.is_empty() {
        muted(ui, &cx.text("desk-advice-none"));
        return;
    }
    for advice in &office.advice {
        let color = match advice.kind {
            AdviceKind::CloseWindow => colors::OK,
            _ => colors::WARNING,
        };
        ui.label(
            RichText::new(sentence(cx, office, advice))
                .strong()
                .color(color),
        );
        muted(ui, &numbers(cx, advice));
        ui.add_space(4.0);
    }
}
