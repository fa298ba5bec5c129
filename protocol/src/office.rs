//! Offices: name, time zone, weekly hours and the settings of their queue.

use crate::OfficeId;
use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Office {
    pub id: OfficeId,
    pub name: String,
    /// IANA time zone name, e.g. "Europe/Kaliningrad" or "Asia/Barnaul". The service day
    /// and the opening hours are in this zone.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "Europe/Moscow"))]
    pub time_zone: crate::TimeZone,
    pub schedule: WeekSchedule,
    pub settings: OfficeSettings,
    /// The region the office belongs to; its region head sees it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<crate::RegionId>,
}

/// Opening hours per weekday (`None` is a day off), and the dates whose hours differ.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeekSchedule {
    pub mon: Option<DayHours>,
    pub tue: Option<DayHours>,
    pub wed: Option<DayHours>,
    pub thu: Option<DayHours>,
    pub fri: Option<DayHours>,
    pub sat: Option<DayHours>,
    pub sun: Option<DayHours>,
    /// Holidays, shortened pre-holiday days and one-off hours: on these dates they
    /// replace the weekday's hours, for issuing, appointments and the public pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub special_days: Vec<SpecialDay>,
}

/// A date with hours of its own, in the office's zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpecialDay {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date, example = "2027-01-01"))]
    pub date: NaiveDate,
    /// The hours of that date; `None`: closed all day (a holiday).
    #[serde(default)]
    pub hours: Option<DayHours>,
    /// Why, in words for visitors: «Новый год», «Предпраздничный день».
    #[serde(default)]
    pub note: String,
}

impl WeekSchedule {
    /// Monday..Friday with the same hours, weekends off.
    pub fn weekdays(hours: DayHours) -> Self {
        WeekSchedule {
            mon: Some(hours.clone()),
            tue: Some(hours.clone()),
            wed: Some(hours.clone()),
            thu: Some(hours.clone()),
            fri: Some(hours),
            sat: None,
            sun: None,
            special_days: Vec::new(),
        }
    }

    /// Every day the same hours.
    pub fn every_day(hours: DayHours) -> Self {
        let mut week = Self::weekdays(hours.clone());
        week.sat = Some(hours.clone());
        week.sun = Some(hours);
        week
    }

    /// Hours of a weekday, counted from Monday = 0.
    pub fn day(&self, days_from_monday: u32) -> Option<&DayHours> {
        match days_from_monday {
            0 => self.mon.as_ref(),
            1 => self.tue.as_ref(),
            2 => self.wed.as_ref(),
            3 => self.thu.as_ref(),
            4 => self.fri.as_ref(),
            5 => self.sat.as_ref(),
            6 => self.sun.as_ref(),
            _ => None,
        }
    }

    /// The hours of a date: its special day if it has one, else its weekday's. The one
    /// rule every reader of the schedule goes through.
    pub fn hours_on(&self, date: NaiveDate) -> Option<&DayHours> {
        match self.special_day(date) {
            Some(special) => special.hours.as_ref(),
            None => self.day(date.weekday().num_days_from_monday()),
        }
    }

    /// The special day on a date, if any.
    pub fn special_day(&self, date: NaiveDate) -> Option<&SpecialDay> {
        self.special_days.iter().find(|d| d.date == date)
    }

    /// Every configured day, weekly and special, for validation.
    pub fn days(&self) -> impl Iterator<Item = &DayHours> {
        [
            &self.mon, &self.tue, &self.wed, &self.thu, &self.fri, &self.sat, &self.sun,
        ]
        .into_iter()
        .flatten()
        .chain(self.special_days.iter().filter_map(|d| d.hours.as_ref()))
    }

    /// Problems with the schedule as a whole, in words an administrator can act on.
    pub fn problem(&self) -> Option<String> {
        if let Some(problem) = self.days().find_map(DayHours::problem) {
            return Some(problem.to_string());
        }
        for (i, day) in self.special_days.iter().enumerate() {
            if self.special_days[..i].iter().any(|d| d.date == day.date) {
                return Some(format!(
                    "{} is listed twice among the special days",
                    day.date
                ));
            }
        }
        None
    }
}

/// One day's hours in the office's local time. The lunch break, when set, lies inside.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DayHours {
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "08:00:00"))]
    pub open: NaiveTime,
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "17:00:00"))]
    pub close: NaiveTime,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "12:00:00"))]
    pub lunch_start: Option<NaiveTime>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "12:45:00"))]
    pub lunch_end: Option<NaiveTime>,
}

impl DayHours {
    pub fn new(open: (u32, u32), close: (u32, u32)) -> Self {
        DayHours {
            open: hm(open),
            close: hm(close),
            lunch_start: None,
            lunch_end: None,
        }
    }

    pub fn with_lunch(mut self, start: (u32, u32), end: (u32, u32)) -> Self {
        self.lunch_start = Some(hm(start));
        self.lunch_end = Some(hm(end));
        self
    }

    /// Problems with these hours, in words an administrator can act on.
    pub fn problem(&self) -> Option<&'static str> {
        if self.open >= self.close {
            return Some("the office must open before it closes");
        }
        match (self.lunch_start, self.lunch_end) {
            (None, None) => None,
            (Some(start), Some(end)) if start < end && start > self.open && end < self.close => {
                None
            }
            (Some(_), Some(_)) => Some("the lunch break must lie inside the opening hours"),
            _ => Some("a lunch break needs both a start and an end"),
        }
    }
}

fn hm((h, m): (u32, u32)) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid hour and minute")
}

/// The queue settings of an office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeSettings {
    /// The kiosk stops issuing tickets this many minutes before closing.
    pub issuing_stops_before_close_min: u32,
    /// A topic with MORE than this many people waiting raises a long-queue alert
    /// (LNA-0009-4 §5.4.7: "more than 3 people").
    pub queue_alert_threshold: u32,
    /// The calendar-month average wait must stay within this (LNA-0009-4: 30 min).
    pub monthly_wait_limit_min: u32,
    /// A window open and idle this long while people wait for it raises an alert.
    pub idle_alert_after_min: u32,
    /// Who may be served out of turn, shown on the kiosk and the display.
    pub out_of_turn_categories: Vec<String>,
    /// A line of office information for the hall display (hours, phone, etc.).
    pub info_line: String,
    /// The visitor's phone page says "Скоро ваша очередь" when this many people or
    /// fewer are ahead.
    #[serde(default = "default_soon_when_ahead")]
    pub soon_when_ahead: u32,
    /// How long after the visit the visitor may rate it, in hours.
    #[serde(default = "default_feedback_hours")]
    pub feedback_hours: u32,
    /// A kiosk or display out of contact this long raises an alert for the head.
    #[serde(default = "default_device_offline_after_min")]
    pub device_offline_after_min: u32,
    /// A wait breach or long queue not acknowledged this long goes to the region's head
    /// (and after [`crate::alert::TO_HEAD_OFFICE_AFTER`] to the head office).
    #[serde(default = "default_escalate_after_min")]
    pub escalate_after_min: u32,
}

fn default_escalate_after_min() -> u32 {
    15
}

fn default_device_offline_after_min() -> u32 {
    3
}

fn default_soon_when_ahead() -> u32 {
    3
}

fn default_feedback_hours() -> u32 {
    24
}

impl Default for OfficeSettings {
    fn default() -> Self {
        OfficeSettings {
            issuing_stops_before_close_min: 15,
            queue_alert_threshold: 3,
            monthly_wait_limit_min: 30,
            idle_alert_after_min: 2,
            out_of_turn_categories: vec![
                "Инвалиды I и II групп и их сопровождающие".into(),
                "Ветераны Великой Отечественной войны и боевых действий".into(),
                "Родители с детьми-инвалидами".into(),
            ],
            info_line: String::new(),
            soon_when_ahead: default_soon_when_ahead(),
            feedback_hours: default_feedback_hours(),
            device_offline_after_min: default_device_offline_after_min(),
            escalate_after_min: default_escalate_after_min(),
        }
    }
}
