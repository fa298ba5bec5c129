//! Bookings in the desk: booking a visitor who phoned (what, day, a free time, name and
//! phone) and the office's bookings of a day, with their contacts, to cancel one.

use crate::cx::Cx;
use crate::forms::{parse_date, text_field};
use crate::office_live::OfficeLive;
use crate::text;
use crate::widgets::{muted, section};
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_client::{ClientError, Lang, Task};
use talon_protocol::Snapshot;
use talon_protocol::booking::{
    BookingRequest, BookingStatus, BookingTarget, BookingView, Slot, StaffBookingView, spaced_code,
};

#[derive(Default)]
pub struct BookingsTab {
    filled: bool,
    target: Option<BookingTarget>,
    day: String,
    slots_task: Option<Task<Result<Vec<Slot>, ClientError>>>,
    slots: Option<Vec<Slot>>,
    chosen: Option<Slot>,
    name: String,
    phone: String,
    book_task: Option<Task<Result<BookingView, ClientError>>>,
    booked: Option<BookingView>,
    list_day: String,
    list_task: Option<Task<Result<Vec<StaffBookingView>, ClientError>>>,
    list: Option<Vec<StaffBookingView>>,
    cancel_task: Option<Task<Result<BookingView, ClientError>>>,
    error: Option<String>,
}

/// What the office lets visitors book, as (target, name) in the desk's language.
fn bookables(office: &Snapshot, lang: Lang) -> Vec<(BookingTarget, String)> {
    let topics = office
        .topics
        .iter()
        .filter(|t| t.active && t.booking.bookable)
        .map(|t| {
            let name = match lang {
                Lang::En if !t.name_en.is_empty() => &t.name_en,
                _ => &t.name_ru,
            };
            (BookingTarget::Topic(t.id), format!("{} {name}", t.prefix))
        });
    let receptions = office
        .receptions
        .iter()
        .filter(|r| r.booking.bookable)
        .map(|r| {
            let title = match lang {
                Lang::En if !r.title_en.is_empty() => &r.title_en,
                _ => &r.title_ru,
            };
            (BookingTarget::Staff(r.staff_id), title.clone())
        });
    topics.chain(receptions).collect()
}

impl BookingsTab {
    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, live: &OfficeLive) {
        let Some(mirror) = &live.mirror else {
            ui.spinner();
            return;
        };
        let office = &mirror.office;
        let today = office.service_day;
        if !self.filled {
            self.filled = true;
            self.day = today.to_string();
            self.list_day = today.to_string();
        }
        self.collect(cx, live);
        egui::ScrollArea::vertical()
            .id_salt("bookings")
            .show(ui, |ui| {
                self.booking_form(ui, cx, live, office);
                ui.add_space(16.0);
                self.day_list(ui, cx, live, office);
            });
    }

    /// Takes the answers that came back.
    fn collect(&mut self, cx: &Cx, live: &OfficeLive) {
        let failed = |error: ClientError, this: &mut Self| {
            cx.note_error(&error);
            this.error = Some(text::client_error(cx.lang, &error));
        };
        if let Some(result) = self.slots_task.as_ref().and_then(Task::take) {
            self.slots_task = None;
            match result {
                Ok(slots) => {
                    self.slots = Some(slots);
                    self.error = None;
                }
                Err(error) => failed(error, self),
            }
        }
        if let Some(result) = self.book_task.as_ref().and_then(Task::take) {
            self.book_task = None;
            match result {
                Ok(view) => {
                    self.booked = Some(view);
                    self.chosen = None;
                    self.name.clear();
                    self.phone.clear();
                    self.error = None;
                    self.request_slots(cx, live);
                    self.request_list(cx, live);
                }
                Err(error) => {
                    failed(error, self);
                    self.request_slots(cx, live);
                }
            }
        }
        if let Some(result) = self.cancel_task.as_ref().and_then(Task::take) {
            self.cancel_task = None;
            match result {
                Ok(_) => self.request_list(cx, live),
                Err(error) => failed(error, self),
            }
        }
        if let Some(result) = self.list_task.as_ref().and_then(Task::take) {
            self.list_task = None;
            match result {
                Ok(list) => self.list = Some(list),
                Err(error) => failed(error, self),
            }
        }
    }

    fn request_slots(&mut self, cx: &Cx, live: &OfficeLive) {
        let (Some(target), Some(day)) = (self.target, parse_date(&self.day)) else {
            self.error = Some(cx.text("desk-booking-choose"));
            return;
        };
        let api = cx.api.clone();
        let office = live.id;
        self.slots_task = Some(cx.spawn(async move { api.slots(office, target, day, day).await }));
    }

    fn request_list(&mut self, cx: &Cx, live: &OfficeLive) {
        let Some(day) = parse_date(&self.list_day) else {
            self.error = Some(cx.text("desk-report-bad-dates"));
            return;
        };
        let api = cx.api.clone();
        let office = live.id;
        self.list_task = Some(cx.spawn(async move { api.bookings(office, day, day).await }));
    }

    fn booking_form(&mut self, ui: &mut Ui, cx: &Cx, live: &OfficeLive, office: &Snapshot) {
        section(ui, &cx.text("desk-booking-title"));
        let choices = bookables(office, cx.lang);
        if choices.is_empty() {
            muted(ui, &cx.text("desk-booking-none"));
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(cx.text("desk-booking-what"));
            for (target, name) in &choices {
                if ui
                    .selectable_label(self.target == Some(*target), name)
                    .clicked()
                {
                    self.target = Some(*target);
                    self.slots = None;
                    self.chosen = None;
                }
            }
        });
        ui.horizontal(|ui| {
            text_field(
                ui,
                &cx.text("desk-booking-day"),
                &mut self.day,
                &cx.text("desk-date-hint"),
                150.0,
            );
            if ui
                .add_enabled(
                    self.slots_task.is_none(),
                    egui::Button::new(cx.text("desk-booking-show-times")),
                )
                .clicked()
            {
                self.chosen = None;
                self.request_slots(cx, live);
            }
            if self.slots_task.is_some() {
                ui.spinner();
            }
        });
        if let Some(error) = &self.error {
            ui.colored_label(colors::BREACH, error);
        }
        if let Some(slots) = &self.slots {
            let free: Vec<&Slot> = slots.iter().filter(|s| s.free > 0).collect();
            if free.is_empty() {
                muted(ui, &cx.text("desk-booking-no-times"));
            } else {
                ui.horizontal_wrapped(|ui| {
                    for slot in free {
                        let label = text::local_time(office, slot.start);
                        let chosen = self.chosen.as_ref().is_some_and(|c| c.start == slot.start);
                        if ui
                            .selectable_label(chosen, RichText::new(label).size(18.0))
                            .clicked()
                        {
                            self.chosen = Some(slot.clone());
                        }
                    }
                });
            }
        }
        if let Some(slot) = self.chosen.clone() {
            ui.add_space(6.0);
            text_field(ui, &cx.text("desk-booking-name"), &mut self.name, "", 300.0);
            text_field(
                ui,
                &cx.text("desk-booking-phone"),
                &mut self.phone,
                "",
                220.0,
            );
            muted(ui, &cx.text("desk-booking-consent"));
            let book = egui::Button::new(
                RichText::new(cx.text_with(
                    "desk-booking-book",
                    &[("time", text::local_time(office, slot.start).into())],
                ))
                .strong(),
            )
            .fill(colors::BUTTON);
            if ui.add_enabled(self.book_task.is_none(), book).clicked()
                && let Some(target) = self.target
            {
                let (topic_id, staff_id) = match target {
                    BookingTarget::Topic(topic) => (Some(topic), None),
                    BookingTarget::Staff(staff) => (None, Some(staff)),
                };
                let request = BookingRequest {
                    topic_id,
                    staff_id,
                    start: slot.start,
                    name: Some(self.name.trim().to_string()).filter(|n| !n.is_empty()),
                    phone: Some(self.phone.trim().to_string()).filter(|p| !p.is_empty()),
                };
                let api = cx.api.clone();
                let office_id = live.id;
                self.booked = None;
                self.book_task = Some(cx.spawn(async move { api.book(office_id, &request).await }));
            }
        }
        if let Some(booked) = &self.booked {
            ui.add_space(8.0);
            ui.label(
                RichText::new(cx.text_with(
                    "desk-booking-done",
                    &[
                        ("code", spaced_code(&booked.code).into()),
                        ("time", text::local_time(office, booked.start).into()),
                    ],
                ))
                .size(24.0)
                .strong()
                .color(colors::OK),
            );
            muted(ui, &cx.text("desk-booking-tell-code"));
        }
    }

    fn day_list(&mut self, ui: &mut Ui, cx: &Cx, live: &OfficeLive, office: &Snapshot) {
        section(ui, &cx.text("desk-bookings-of-day"));
        ui.horizontal(|ui| {
            text_field(
                ui,
                &cx.text("desk-booking-day"),
                &mut self.list_day,
                &cx.text("desk-date-hint"),
                150.0,
            );
            if ui
                .add_enabled(
                    self.list_task.is_none(),
                    egui::Button::new(cx.text("desk-bookings-show")),
                )
                .clicked()
            {
                self.request_list(cx, live);
            }
        });
        let Some(list) = &self.list else {
            return;
        };
        if list.is_empty() {
            muted(ui, &cx.text("desk-bookings-empty"));
            return;
        }
        let mut cancel = None;
        egui::Grid::new("day_bookings")
            .num_columns(7)
            .spacing([18.0, 6.0])
            .striped(true)
            .show(ui, |ui| {
                for head in [
                    "desk-bookings-column-time",
                    "desk-bookings-column-what",
                    "desk-bookings-column-status",
                    "desk-bookings-column-name",
                    "desk-bookings-column-phone",
                    "desk-bookings-column-code",
                ] {
                    ui.label(RichText::new(cx.text(head)).color(colors::MUTED));
                }
                ui.label("");
                ui.end_row();
                for row in list {
                    let view = &row.view;
                    ui.label(RichText::new(text::local_time(office, view.start)).strong());
                    ui.label(view.title(cx.lang == Lang::En));
                    ui.label(cx.text(match view.status {
                        BookingStatus::Booked => "desk-booking-status-booked",
                        BookingStatus::CheckedIn => "desk-booking-status-checked-in",
                        BookingStatus::Cancelled => "desk-booking-status-cancelled",
                        BookingStatus::NoShow => "desk-booking-status-no-show",
                    }));
                    ui.label(row.name.as_deref().unwrap_or("—"));
                    ui.label(row.phone.as_deref().unwrap_or("—"));
                    ui.label(spaced_code(&view.code));
                    if view.status == BookingStatus::Booked {
                        let button = egui::Button::new(cx.text_with(
                            "desk-booking-cancel",
                            &[("time", text::local_time(office, view.start).into())],
                        ));
                        if ui.add_enabled(self.cancel_task.is_none(), button).clicked() {
                            cancel = Some(view.code.clone());
                        }
                    } else {
                        ui.label("");
                    }
                    ui.end_row();
                }
            });
        if let Some(code) = cancel {
            let api = cx.api.clone();
            self.cancel_task = Some(cx.spawn(async move { api.cancel_booking(&code).await }));
        }
    }
}
