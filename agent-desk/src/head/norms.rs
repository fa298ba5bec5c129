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
                .map_err(|_| {
                    cx.t("Нормы — целое число минут.", "Norms are whole minutes.")
                        .to_string()
                })
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

fn kind_word(cx: &Cx, kind: NormKind) -> &'static str {
    match kind {
        NormKind::Average => cx.t("в среднем", "on average"),
        NormKind::HardMax => cx.t("не более", "at most"),
    }
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
        section(ui, cx.t("Темы и нормативы", "Topics and norms"));
        muted(
            ui,
            cx.t(
                "Стандарт: ожидание не более 15 мин, приём 20 мин, всего в офисе 35 мин; норма приёма действует для визитов не более чем по 3 темам.",
                "The standard: wait at most 15 min, service 20 min, 35 min in the office; the service norm applies to visits of up to 3 topics.",
            ),
        );
        ui.add_space(8.0);
        egui::Grid::new("norms_grid")
            .num_columns(5)
            .spacing([26.0, 10.0])
            .striped(true)
            .show(ui, |ui| {
                for head in [
                    cx.t("Тема (выберите, чтобы изменить)", "Topic (select to edit)"),
                    cx.t("Ожидание", "Wait"),
                    cx.t("Обслуживание", "Service"),
                    cx.t("Всего в офисе", "In the office"),
                    cx.t("Активна", "Active"),
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
                        ui.label(format!(
                            "{} {} {}",
                            kind_word(cx, norm.kind),
                            norm.minutes,
                            cx.t("мин", "min")
                        ));
                    }
                    ui.label(if topic.active {
                        cx.t("да", "yes")
                    } else {
                        cx.t("нет", "no")
                    });
                    ui.end_row();
                }
            });
        ui.add_space(12.0);
        let free = !self.runner.busy();
        if let Some(editor) = &mut self.editor
            && let Some(topic) = office.topics.iter().find(|t| t.id == editor.topic)
        {
            let title = format!(
                "{} {} {}",
                cx.t("Нормативы темы", "Norms of"),
                topic.prefix,
                topic.name(cx.lang.code())
            );
            let event = form_frame(ui, &title, |ui| {
                for (field, ru, en) in [
                    (&mut editor.wait, "Норма ожидания, мин:", "Wait norm, min:"),
                    (
                        &mut editor.service,
                        "Норма обслуживания, мин:",
                        "Service norm, min:",
                    ),
                    (
                        &mut editor.total,
                        "Норма времени в офисе, мин:",
                        "Total time norm, min:",
                    ),
                ] {
                    ui.horizontal(|ui| {
                        text_field(ui, cx.t(ru, en), &mut field.0, "1–1440", 80.0);
                        ui.selectable_value(
                            &mut field.1,
                            NormKind::HardMax,
                            cx.t("не более (каждый визит)", "at most (every visit)"),
                        );
                        ui.selectable_value(
                            &mut field.1,
                            NormKind::Average,
                            cx.t("в среднем", "on average"),
                        );
                    });
                }
                confirm_row(ui, cx, cx.t("Сохранить нормативы", "Save the norms"), free)
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
                        };
                        self.runner.start(
                            cx,
                            cx.t("Нормативы сохранены.", "The norms are saved."),
                            async move { api.update_topic(id, &input).await },
                        );
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
