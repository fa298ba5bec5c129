//! Topics and their norms: view them all, edit one. The server checks the values and
//! the change reaches every desk and display as a live event.

use crate::action::ActionRunner;
use crate::cx::Cx;
use crate::forms::{FormEvent, confirm_row, form_frame, text_field};
use crate::office_live::OfficeLive;
use crate::widgets::{muted, section};
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_protocol::api::TopicInput;
use talon_protocol::{Norm, NormKind, Norms, Topic, TopicId};

struct Editor {
    topic: TopicId,
    wait: (String, NormKind),
    service: (String, NormKind),
    total: (String, NormKind),
}

impl Editor {
    fn of(topic: &Topic) -> Editor {
        let field = |n: Norm| (n.minutes.to_string(), n.kind);
        Editor {
            topic: topic.id,
            wait: field(topic.norms.wait),
            service: field(topic.norms.service),
            total: field(topic.norms.total),
        }
    }

    fn norms(&self, cx: &Cx) -> Result<Norms, String> {
        let norm = |(text, kind): &(String, NormKind)| {
            text.trim()
                .parse::<u32>()
                .map(|minutes| Norm {
                    minutes,
                    kind: *kind,
                })
                .map_err(|_| cx.text("desk-norms-bad-minutes"))
        };
        Ok(Norms {
            wait: norm(&self.wait)?,
            service: norm(&self.service)?,
            total: norm(&self.total)?,
        })
    }
}

#[derive(Default)]
pub struct NormsTab {
    editor: Option<Editor>,
    runner: ActionRunner,
}

/// "в среднем 20 мин", "не более 15 мин".
fn norm_value(cx: &Cx, norm: Norm) -> String {
    let id = match norm.kind {
        NormKind::Average => "desk-norm-average",
        NormKind::HardMax => "desk-norm-hard-max",
    };
    cx.text_with(id, &[("minutes", norm.minutes.into())])
}

impl NormsTab {
    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, live: &OfficeLive) {
        if self.runner.poll(cx) == Some(true) {
            self.editor = None;
        }
        let Some(mirror) = &live.mirror else {
            ui.spinner();
            return;
        };
        let office = &mirror.office;
        section(ui, &cx.text("desk-norms-title"));
        muted(ui, &cx.text("desk-norms-standard"));
        ui.add_space(8.0);
        egui::Grid::new("norms_grid")
            .num_columns(5)
            .spacing([26.0, 10.0])
            .striped(true)
            .show(ui, |ui| {
                for head in [
                    cx.text("desk-norms-column-topic"),
                    cx.text("desk-norms-column-wait"),
                    cx.text("desk-timer-service"),
                    cx.text("desk-norms-column-total"),
                    cx.text("desk-norms-column-active"),
                ] {
                    ui.label(RichText::new(head).color(colors::MUTED));
                }
                ui.end_row();
                for topic in &office.topics {
                    let selected = self.editor.as_ref().is_some_and(|e| e.topic == topic.id);
                    let name = format!("{} {}", topic.prefix, topic.name(cx.lang.code()));
                    if ui.selectable_label(selected, name).clicked() {
                        self.editor = (!selected).then(|| Editor::of(topic));
                    }
                    for norm in [topic.norms.wait, topic.norms.service, topic.norms.total] {
                        ui.label(norm_value(cx, norm));
                    }
                    ui.label(if topic.active {
                        cx.text("desk-yes")
                    } else {
                        cx.text("desk-no")
                    });
                    ui.end_row();
                }
            });
        ui.add_space(12.0);
        let free = !self.runner.busy();
        if let Some(editor) = &mut self.editor
            && let Some(topic) = office.topics.iter().find(|t| t.id == editor.topic)
        {
            let title = cx.text_with(
                "desk-topic-norms",
                &[(
                    "topic",
                    format!("{} {}", topic.prefix, topic.name(cx.lang.code())).into(),
                )],
            );
            let event = form_frame(ui, &title, |ui| {
                for (field, id) in [
                    (&mut editor.wait, "desk-norm-edit-wait"),
                    (&mut editor.service, "desk-norm-edit-service"),
                    (&mut editor.total, "desk-norm-edit-total"),
                ] {
                    ui.horizontal(|ui| {
                        text_field(ui, &cx.text(id), &mut field.0, "1–1440", 80.0);
                        ui.selectable_value(
                            &mut field.1,
                            NormKind::HardMax,
                            cx.text("desk-norm-kind-hard-max"),
                        );
                        ui.selectable_value(
                            &mut field.1,
                            NormKind::Average,
                            cx.text("desk-norm-kind-average"),
                        );
                    });
                }
                confirm_row(ui, cx, &cx.text("desk-norms-save"), free)
            });
            match event {
                FormEvent::Submit if free => match editor.norms(cx) {
                    Ok(norms) => {
                        let api = cx.api.clone();
                        let id = topic.id;
                        let input = TopicInput {
                            prefix: topic.prefix.clone(),
                            name_ru: topic.name_ru.clone(),
                            name_en: topic.name_en.clone(),
                            norms,
                            active: topic.active,
                            display_order: topic.display_order,
                            booking: topic.booking.clone(),
                        };
                        self.runner
                            .start(cx, cx.text("desk-norms-saved"), async move {
                                api.update_topic(id, &input).await
                            });
                    }
                    Err(message) => self.runner.refuse(message),
                },
                FormEvent::Cancel => self.editor = None,
                _ => {}
            }
        }
        ui.add_space(8.0);
        self.runner.show(ui, cx);
    }
}
