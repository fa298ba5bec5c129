//! The topics of an office in display order: reorder, add, edit (prefix, names in
//! Russian and English, norms, active).

use super::call::Call;
use super::fields::{symbol_button, too_long};
use crate::cx::Cx;
use crate::forms::{form_frame, text_field};
use crate::widgets::{muted, section};
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_protocol::api::TopicInput;
use talon_protocol::booking::BookingSettings;
use talon_protocol::label::{PrefixError, parse_prefix};
use talon_protocol::limits::{Bounded, NAME};
use talon_protocol::{Norm, NormKind, Norms, OfficeId, Snapshot, Topic, TopicId};

struct TopicForm {
    id: Option<TopicId>,
    prefix: String,
    name_ru: String,
    name_en: String,
    norms: [(String, NormKind); 3],
    active: bool,
    display_order: i32,
    booking: BookingSettings,
}

const NORM_FIELDS: [&str; 3] = [
    "desk-norm-edit-wait",
    "desk-norm-edit-service",
    "desk-norm-edit-total",
];

impl TopicForm {
    fn of(topic: &Topic) -> TopicForm {
        let n = |norm: Norm| (norm.minutes.to_string(), norm.kind);
        TopicForm {
            id: Some(topic.id),
            prefix: topic.prefix.clone(),
            name_ru: topic.name_ru.clone(),
            name_en: topic.name_en.clone(),
            norms: [
                n(topic.norms.wait),
                n(topic.norms.service),
                n(topic.norms.total),
            ],
            active: topic.active,
            display_order: topic.display_order,
            booking: topic.booking.clone(),
        }
    }

    fn new_topic(office: &Snapshot) -> TopicForm {
        let defaults = Norms::default();
        let n = |norm: Norm| (norm.minutes.to_string(), norm.kind);
        TopicForm {
            id: None,
            prefix: String::new(),
            name_ru: String::new(),
            name_en: String::new(),
            norms: [n(defaults.wait), n(defaults.service), n(defaults.total)],
            active: true,
            display_order: office
                .topics
                .iter()
                .map(|t| t.display_order + 1)
                .max()
                .unwrap_or(0),
            booking: BookingSettings::default(),
        }
    }

    fn input(&self, cx: &Cx, office: &Snapshot) -> Result<TopicInput, String> {
        let prefix = parse_prefix(&self.prefix).map_err(|e| match e {
            PrefixError::Length => cx.text("desk-admin-prefix-length"),
            PrefixError::NotALetter => cx.text("desk-admin-prefix-letters"),
        })?;
        if let Some(other) = office.topics.iter().find(|t| {
            Some(t.id) != self.id
                && talon_protocol::label::look_alike(&t.prefix)
                    == talon_protocol::label::look_alike(&prefix)
        }) {
            return Err(cx.text_with(
                "desk-admin-prefix-taken",
                &[
                    ("prefix", prefix.as_str().into()),
                    ("topic", other.name(cx.lang.code()).into()),
                ],
            ));
        }
        let name_ru = self.name_ru.trim();
        if name_ru.is_empty() {
            return Err(cx.text("desk-admin-topic-needs-name"));
        }
        for (name, id) in [
            (name_ru, "desk-admin-topic-name-ru"),
            (self.name_en.trim(), "desk-admin-topic-name-en"),
        ] {
            if too_long(name, NAME) {
                return Err(cx.text_with(
                    "desk-admin-too-long",
                    &[("field", cx.text(id).into()), ("count", NAME.into())],
                ));
            }
        }
        let mut norms = [Norm::average(1); 3];
        for (norm, ((raw, kind), id)) in norms.iter_mut().zip(self.norms.iter().zip(NORM_FIELDS)) {
            let minutes = raw
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=1440).contains(m))
                .ok_or_else(|| {
                    cx.text_with("desk-admin-bad-norm", &[("field", cx.text(id).into())])
                })?;
            *norm = Norm {
                minutes,
                kind: *kind,
            };
        }
        let [wait, service, total] = norms;
        let input = TopicInput {
            prefix,
            name_ru: name_ru.to_string(),
            name_en: self.name_en.trim().to_string(),
            norms: Norms {
                wait,
                service,
                total,
            },
            active: self.active,
            display_order: self.display_order,
            booking: self.booking.clone(),
        };
        input.check_bounds().map_err(|e| e.to_string())?;
        Ok(input)
    }
}

/// The topics in display order.
pub fn in_order(office: &Snapshot) -> Vec<&Topic> {
    let mut topics: Vec<&Topic> = office.topics.iter().collect();
    topics.sort_by_key(|t| (t.display_order, t.id));
    topics
}

/// "в среднем 20 мин", "не более 15 мин".
pub fn norm_value(cx: &Cx, norm: Norm) -> String {
    let id = match norm.kind {
        NormKind::Average => "desk-norm-average",
        NormKind::HardMax => "desk-norm-hard-max",
    };
    cx.text_with(id, &[("minutes", norm.minutes.into())])
}

fn input_of(topic: &Topic, display_order: i32) -> TopicInput {
    TopicInput {
        prefix: topic.prefix.clone(),
        name_ru: topic.name_ru.clone(),
        name_en: topic.name_en.clone(),
        norms: topic.norms.clone(),
        active: topic.active,
        display_order,
        booking: topic.booking.clone(),
    }
}

#[derive(Default)]
pub struct TopicsScreen {
    form: Option<TopicForm>,
    office: Option<OfficeId>,
    save: Call<Topic>,
    order: Call<()>,
    saved: Option<String>,
}

impl TopicsScreen {
    /// Returns true when the office's topics changed on the server.
    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot) -> bool {
        if self.office != Some(office.office.id) {
            *self = TopicsScreen {
                office: Some(office.office.id),
                ..Default::default()
            };
        }
        let mut changed = self.order.poll(cx).is_some();
        if let Some(topic) = self.save.poll(cx) {
            self.saved = Some(cx.text_with(
                "desk-admin-topic-saved",
                &[("topic", topic.name(cx.lang.code()).into())],
            ));
            self.form = None;
            changed = true;
        }
        ui.horizontal(|ui| {
            section(ui, &cx.text("desk-admin-topics"));
            if ui.button(cx.text("desk-admin-topic-new")).clicked() {
                self.form = Some(TopicForm::new_topic(office));
                self.saved = None;
                self.save.error = None;
            }
        });
        self.order.show(ui, cx, "desk-admin-saving");
        if let Some(saved) = &self.saved {
            ui.colored_label(colors::OK, saved);
        }
        self.list(ui, cx, office);
        ui.add_space(10.0);
        self.form_ui(ui, cx, office);
        changed
    }

    fn list(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot) {
        let topics = in_order(office);
        if topics.is_empty() {
            muted(ui, &cx.text("desk-admin-topics-none"));
            return;
        }
        let mut moved = None;
        let free = !self.order.busy();
        egui::Grid::new("admin_topics")
            .num_columns(6)
            .spacing([22.0, 8.0])
            .striped(true)
            .show(ui, |ui| {
                super::fields::header_row(
                    ui,
                    cx,
                    &[
                        "desk-admin-order",
                        "desk-norms-column-topic",
                        "desk-norms-column-wait",
                        "desk-timer-service",
                        "desk-norms-column-total",
                        "desk-norms-column-active",
                    ],
                );
                for (n, topic) in topics.iter().enumerate() {
                    let name = format!("{} {}", topic.prefix, topic.name(cx.lang.code()));
                    ui.horizontal(|ui| {
                        let up =
                            cx.text_with("desk-admin-move-up", &[("what", name.as_str().into())]);
                        if symbol_button(ui, "▲", &up, free && n > 0) {
                            moved = Some((n, n - 1));
                        }
                        let down =
                            cx.text_with("desk-admin-move-down", &[("what", name.as_str().into())]);
                        if symbol_button(ui, "▼", &down, free && n + 1 < topics.len()) {
                            moved = Some((n, n + 1));
                        }
                    });
                    let editing = self.form.as_ref().is_some_and(|f| f.id == Some(topic.id));
                    if ui
                        .selectable_label(editing, RichText::new(&name).strong())
                        .clicked()
                    {
                        self.form = (!editing).then(|| TopicForm::of(topic));
                        self.saved = None;
                        self.save.error = None;
                    }
                    for norm in [topic.norms.wait, topic.norms.service, topic.norms.total] {
                        ui.label(norm_value(cx, norm));
                    }
                    ui.label(cx.text(if topic.active { "desk-yes" } else { "desk-no" }));
                    ui.end_row();
                }
            });
        if let Some((from, to)) = moved {
            let mut order: Vec<&Topic> = topics.clone();
            order.swap(from, to);
            // Every topic whose place changed gets its new place, in one go.
            let changes: Vec<(TopicId, TopicInput)> = order
                .iter()
                .enumerate()
                .filter(|(place, topic)| topic.display_order != *place as i32)
                .map(|(place, topic)| (topic.id, input_of(topic, place as i32)))
                .collect();
            let api = cx.api.clone();
            self.order.start(cx, async move {
                for (id, input) in changes {
                    api.update_topic(id, &input).await?;
                }
                Ok(())
            });
        }
    }

    fn form_ui(&mut self, ui: &mut Ui, cx: &Cx, office: &Snapshot) {
        let Some(form) = &mut self.form else {
            return;
        };
        let title = match form.id {
            Some(_) => cx.text_with(
                "desk-admin-topic-title",
                &[(
                    "topic",
                    format!(
                        "{} {}",
                        form.prefix,
                        match cx.lang {
                            talon_client::Lang::En if !form.name_en.trim().is_empty() => {
                                &form.name_en
                            }
                            _ => &form.name_ru,
                        }
                    )
                    .into(),
                )],
            ),
            None => cx.text("desk-admin-topic-new-title"),
        };
        let mut submit = false;
        let mut cancel = false;
        form_frame(ui, &title, |ui| {
            text_field(
                ui,
                &cx.text("desk-admin-topic-prefix"),
                &mut form.prefix,
                "А",
                60.0,
            );
            text_field(
                ui,
                &cx.text("desk-admin-topic-name-ru"),
                &mut form.name_ru,
                "",
                420.0,
            );
            text_field(
                ui,
                &cx.text("desk-admin-topic-name-en"),
                &mut form.name_en,
                "",
                420.0,
            );
            egui::Grid::new("topic_norms")
                .num_columns(3)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for ((value, kind), id) in form.norms.iter_mut().zip(NORM_FIELDS) {
                        let label = ui.label(cx.text(id));
                        let height = ui.spacing().interact_size.y;
                        ui.add_sized(
                            [80.0, height],
                            egui::TextEdit::singleline(value).hint_text("1–1440"),
                        )
                        .labelled_by(label.id);
                        ui.horizontal(|ui| {
                            ui.selectable_value(
                                kind,
                                NormKind::HardMax,
                                cx.text("desk-norm-kind-hard-max"),
                            );
                            ui.selectable_value(
                                kind,
                                NormKind::Average,
                                cx.text("desk-norm-kind-average"),
                            );
                        });
                        ui.end_row();
                    }
                });
            ui.checkbox(&mut form.active, cx.text("desk-admin-topic-active"));
            (submit, cancel) =
                super::fields::save_or_cancel(ui, cx, "desk-admin-topic-save", self.save.busy());
            self.save.show(ui, cx, "desk-admin-saving");
        });
        if cancel {
            self.form = None;
            self.save.error = None;
            return;
        }
        if submit {
            match form.input(cx, office) {
                Ok(input) => {
                    let api = cx.api.clone();
                    match form.id {
                        Some(id) => self
                            .save
                            .start(cx, async move { api.update_topic(id, &input).await }),
                        None => {
                            let office_id = office.office.id;
                            self.save
                                .start(cx, async move { api.create_topic(office_id, &input).await })
                        }
                    }
                }
                Err(message) => self.save.refuse(message),
            }
        }
    }
}
