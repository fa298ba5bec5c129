//! The longest texts and lists the API accepts: one table, so the server refuses what the
//! apps' forms would not let anyone type, and both say the same number.
//!
//! Lengths count characters (Unicode scalar values), not bytes: a Cyrillic name of 200
//! letters is as long as a Latin one.

use crate::api::{
    CancelRequest, DeviceFault, DeviceInput, FeedbackRequest, FinishRequest, IssueTicketRequest,
    LoginRequest, OfficeInput, PasswordChange, PauseRequest, PostponeRequest, StaffInput,
    StaffUpdate, TopicInput, TransferRequest, WindowInput, WindowTopicsRequest,
};
use crate::{OfficeSettings, Outcome};

/// Names of offices, topics, staff and devices.
pub const NAME: usize = 200;
/// A window's label ("3", "Касса 2").
pub const WINDOW_LABEL: usize = 40;
/// The information line under the hall display.
pub const INFO_LINE: usize = 500;
/// One out-of-turn category, and how many an office lists.
pub const CATEGORY: usize = 200;
pub const CATEGORIES: usize = 20;
/// Special days (holidays, shortened days) an office lists, and the note of one.
pub const SPECIAL_DAYS: usize = 400;
pub const SPECIAL_DAY_NOTE: usize = 200;
/// A topic prefix as typed, spaces included (the prefix itself is one or two letters).
pub const PREFIX_INPUT: usize = 16;
/// A staff login.
pub const LOGIN: usize = 64;
/// The shortest and the longest password accepted for staff.
pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 256;
/// Reasons given for a pause, a cancellation or a refusal.
pub const REASON: usize = 500;
/// A free note on how a visit ended.
pub const NOTE: usize = 2000;
/// A device fault: its kind ("printer") and its message.
pub const FAULT_KIND: usize = 32;
pub const FAULT_MESSAGE: usize = 500;
/// A visitor's comment with their rating.
pub const FEEDBACK_COMMENT: usize = 1000;
/// A ticket label as a device reports it ("АБ123").
pub const TICKET_LABEL: usize = 16;
/// Ids in one list (topics of a window, offices of a member of staff).
pub const IDS: usize = 200;
/// The `Idempotency-Key` header of a ticket request.
pub const IDEMPOTENCY_KEY: usize = 128;
/// Largest request body, in bytes.
pub const BODY_BYTES: usize = 64 * 1024;
/// Deepest nesting of objects and arrays in a request body.
pub const JSON_DEPTH: usize = 16;

/// A value over its limit: which field, and the limit it broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitError {
    /// The field as the request names it, nested with dots: "settings.info_line".
    pub field: String,
    pub limit: Limit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Chars(usize),
    Items(usize),
}

impl std::fmt::Display for LimitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.limit {
            Limit::Chars(max) => write!(f, "`{}` is longer than {max} characters", self.field),
            Limit::Items(max) => write!(f, "`{}` has more than {max} entries", self.field),
        }
    }
}

impl std::error::Error for LimitError {}

/// A request body whose texts and lists stay within the limits above. Every body the
/// server accepts implements it, so a new body cannot forget its limits.
pub trait Bounded {
    fn check_bounds(&self) -> Result<(), LimitError>;
}

/// Refuses `value` when it has more than `max` characters.
pub fn text(field: &str, value: &str, max: usize) -> Result<(), LimitError> {
    // Counting stops at max + 1: a megabyte string costs no more than a short one.
    if value.chars().nth(max).is_some() {
        return Err(LimitError {
            field: field.to_string(),
            limit: Limit::Chars(max),
        });
    }
    Ok(())
}

pub fn optional_text(field: &str, value: Option<&str>, max: usize) -> Result<(), LimitError> {
    value.map_or(Ok(()), |value| text(field, value, max))
}

/// Refuses a list with more than `max` entries.
pub fn items<T>(field: &str, list: &[T], max: usize) -> Result<(), LimitError> {
    if list.len() > max {
        return Err(LimitError {
            field: field.to_string(),
            limit: Limit::Items(max),
        });
    }
    Ok(())
}

impl Bounded for LoginRequest {
    fn check_bounds(&self) -> Result<(), LimitError> {
        text("login", &self.login, LOGIN)?;
        text("password", &self.password, PASSWORD_MAX)
    }
}

impl Bounded for PasswordChange {
    fn check_bounds(&self) -> Result<(), LimitError> {
        text("current_password", &self.current_password, PASSWORD_MAX)?;
        text("new_password", &self.new_password, PASSWORD_MAX)
    }
}

impl Bounded for IssueTicketRequest {
    fn check_bounds(&self) -> Result<(), LimitError> {
        Ok(())
    }
}

impl Bounded for PauseRequest {
    fn check_bounds(&self) -> Result<(), LimitError> {
        text("reason", &self.reason, REASON)
    }
}

impl Bounded for FinishRequest {
    fn check_bounds(&self) -> Result<(), LimitError> {
        match &self.outcome {
            Outcome::Refused { reason } => text("outcome.reason", reason, REASON),
            Outcome::Other { note } => text("outcome.note", note, NOTE),
            Outcome::Resolved | Outcome::Deferred { .. } => Ok(()),
        }
    }
}

impl Bounded for TransferRequest {
    fn check_bounds(&self) -> Result<(), LimitError> {
        Ok(())
    }
}

impl Bounded for PostponeRequest {
    fn check_bounds(&self) -> Result<(), LimitError> {
        Ok(())
    }
}

impl Bounded for CancelRequest {
    fn check_bounds(&self) -> Result<(), LimitError> {
        optional_text("reason", self.reason.as_deref(), REASON)
    }
}

impl Bounded for FeedbackRequest {
    fn check_bounds(&self) -> Result<(), LimitError> {
        optional_text("comment", self.comment.as_deref(), FEEDBACK_COMMENT)
    }
}

impl Bounded for OfficeInput {
    fn check_bounds(&self) -> Result<(), LimitError> {
        text("name", &self.name, NAME)?;
        let special_days = &self.schedule.special_days;
        items("schedule.special_days", special_days, SPECIAL_DAYS)?;
        for (n, day) in special_days.iter().enumerate() {
            text(
                &format!("schedule.special_days[{n}].note"),
                &day.note,
                SPECIAL_DAY_NOTE,
            )?;
        }
        settings_bounds("settings", &self.settings)
    }
}

fn settings_bounds(field: &str, settings: &OfficeSettings) -> Result<(), LimitError> {
    let categories = &settings.out_of_turn_categories;
    items(
        &format!("{field}.out_of_turn_categories"),
        categories,
        CATEGORIES,
    )?;
    for (n, category) in categories.iter().enumerate() {
        text(
            &format!("{field}.out_of_turn_categories[{n}]"),
            category,
            CATEGORY,
        )?;
    }
    text(
        &format!("{field}.info_line"),
        &settings.info_line,
        INFO_LINE,
    )
}

/// Longest webhook URL or email address.
pub const NOTIFY_ADDRESS: usize = 2000;

impl Bounded for crate::notify::NotifyTargetInput {
    fn check_bounds(&self) -> Result<(), LimitError> {
        text("address", &self.address, NOTIFY_ADDRESS)?;
        text("lang", &self.lang, 8)
    }
}

/// Longest comment when taking an alert on.
pub const ACKNOWLEDGE_COMMENT: usize = 500;

impl Bounded for crate::api::AcknowledgeRequest {
    fn check_bounds(&self) -> Result<(), LimitError> {
        text("comment", &self.comment, ACKNOWLEDGE_COMMENT)
    }
}

impl Bounded for crate::api::RegionInput {
    fn check_bounds(&self) -> Result<(), LimitError> {
        text("name", &self.name, NAME)
    }
}

impl Bounded for TopicInput {
    fn check_bounds(&self) -> Result<(), LimitError> {
        // The prefix has its own, stricter rule (one or two letters) in `label`; this
        // only keeps a huge one out of the error message.
        text("prefix", &self.prefix, PREFIX_INPUT)?;
        text("name_ru", &self.name_ru, NAME)?;
        text("name_en", &self.name_en, NAME)
    }
}

impl Bounded for WindowInput {
    fn check_bounds(&self) -> Result<(), LimitError> {
        text("label", &self.label, WINDOW_LABEL)?;
        items("topics", &self.topics, IDS)
    }
}

impl Bounded for WindowTopicsRequest {
    fn check_bounds(&self) -> Result<(), LimitError> {
        items("topics", &self.topics, IDS)
    }
}

impl Bounded for StaffInput {
    fn check_bounds(&self) -> Result<(), LimitError> {
        text("login", &self.login, LOGIN)?;
        text("name", &self.name, NAME)?;
        text("password", &self.password, PASSWORD_MAX)?;
        items("offices", &self.offices, IDS)?;
        items("regions", &self.regions, IDS)
    }
}

impl Bounded for StaffUpdate {
    fn check_bounds(&self) -> Result<(), LimitError> {
        optional_text("name", self.name.as_deref(), NAME)?;
        optional_text("password", self.password.as_deref(), PASSWORD_MAX)?;
        self.offices
            .as_deref()
            .map_or(Ok(()), |offices| items("offices", offices, IDS))?;
        self.regions
            .as_deref()
            .map_or(Ok(()), |regions| items("regions", regions, IDS))
    }
}

impl Bounded for DeviceInput {
    fn check_bounds(&self) -> Result<(), LimitError> {
        text("name", &self.name, NAME)
    }
}

impl Bounded for DeviceFault {
    fn check_bounds(&self) -> Result<(), LimitError> {
        text("kind", &self.kind, FAULT_KIND)?;
        text("message", &self.message, FAULT_MESSAGE)?;
        optional_text("ticket_label", self.ticket_label.as_deref(), TICKET_LABEL)
    }
}

/// A visitor's phone as typed for a booking.
pub const PHONE: usize = 32;
/// A booking code as typed (8 digits, with spaces).
pub const BOOKING_CODE_INPUT: usize = 32;

impl Bounded for crate::booking::BookingRequest {
    fn check_bounds(&self) -> Result<(), LimitError> {
        optional_text("name", self.name.as_deref(), NAME)?;
        optional_text("phone", self.phone.as_deref(), PHONE)
    }
}

impl Bounded for crate::booking::MoveBookingRequest {
    fn check_bounds(&self) -> Result<(), LimitError> {
        Ok(())
    }
}

impl Bounded for crate::booking::CheckInRequest {
    fn check_bounds(&self) -> Result<(), LimitError> {
        text("code", &self.code, BOOKING_CODE_INPUT)
    }
}

impl Bounded for crate::booking::ReceptionInput {
    fn check_bounds(&self) -> Result<(), LimitError> {
        text("title_ru", &self.title_ru, NAME)?;
        text("title_en", &self.title_en, NAME)
    }
}

impl Bounded for crate::advice::DayPlan {
    fn check_bounds(&self) -> Result<(), LimitError> {
        // A day has 24 hours; each hour's windows and their topics are checked by the
        // what-if itself (how many windows, which topics).
        items("hours", &self.hours, 24)?;
        for hour in &self.hours {
            items("windows", &hour.windows, 200)?;
            for topics in &hour.windows {
                items("topics", topics, 100)?;
            }
        }
        items(
            "arrivals",
            self.arrivals.as_deref().unwrap_or(&[]),
            24 * 100,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_at_its_limit_passes_and_one_more_character_is_refused() {
        let at_limit = "я".repeat(NAME);
        assert_eq!(text("name", &at_limit, NAME), Ok(()));
        let over = "я".repeat(NAME + 1);
        let error = text("name", &over, NAME).unwrap_err();
        assert_eq!(error.field, "name");
        assert_eq!(error.to_string(), "`name` is longer than 200 characters");
    }

    #[test]
    fn nested_fields_are_named_with_their_path() {
        let mut settings = OfficeSettings::default();
        settings.out_of_turn_categories[1] = "x".repeat(CATEGORY + 1);
        let error = settings_bounds("settings", &settings).unwrap_err();
        assert_eq!(error.field, "settings.out_of_turn_categories[1]");
        settings.out_of_turn_categories = vec![String::new(); CATEGORIES + 1];
        let error = settings_bounds("settings", &settings).unwrap_err();
        assert_eq!(
            error.to_string(),
            "`settings.out_of_turn_categories` has more than 20 entries"
        );
    }

    #[test]
    fn a_refusal_note_is_bounded_by_its_own_field() {
        let request = FinishRequest {
            outcome: Outcome::Other {
                note: "n".repeat(NOTE + 1),
            },
            topics_count: 1,
            overrun_reason: None,
        };
        assert_eq!(request.check_bounds().unwrap_err().field, "outcome.note");
    }
}
