//! The kiosk's screens and how long each stays. Time comes from the app's clock, so tests
//! move it instead of sleeping.

use crate::issuing::Tap;
use chrono::{DateTime, Duration, Utc};
use talon_client::{ClientError, Task};
use talon_protocol::api::TicketReceipt;

/// A printed ticket is in the visitor's hand: the screen can go soon.
pub const TICKET_SHOWN: Duration = Duration::seconds(8);
/// No paper (no printer, or it failed): time to remember the number or photograph it.
pub const TICKET_SHOWN_WITHOUT_PAPER: Duration = Duration::seconds(20);
/// Taps right after the ticket appears are the rest of a double tap, not "I am done".
pub const DISMISS_GUARD: Duration = Duration::milliseconds(1500);
/// A notice (unavailable, outside hours, refused) stays this long.
pub const NOTICE_SHOWN: Duration = Duration::seconds(15);
/// With nobody touching the screen this long, the kiosk goes home in its first language.
pub const IDLE_RESET: Duration = Duration::seconds(60);

pub enum Screen {
    Home,
    OutOfTurn,
    /// The keypad for a booking's code; the digits typed so far.
    CheckIn(String),
    Issuing(Issuing),
    /// Boxed: a receipt is large and the other screens are small.
    Ticket(Box<TicketScreen>),
    Notice(NoticeScreen),
}

impl Screen {
    /// A short name for logs and tests.
    pub fn name(&self) -> &'static str {
        match self {
            Screen::Home => "home",
            Screen::OutOfTurn => "out_of_turn",
            Screen::CheckIn(_) => "check_in",
            Screen::Issuing(_) => "issuing",
            Screen::Ticket(_) => "ticket",
            Screen::Notice(_) => "notice",
        }
    }
}

/// A ticket on its way (a tap on a topic, or a check-in). Every further tap is ignored
/// until it ends.
pub struct Issuing {
    pub tap: Option<Tap>,
    pub task: Task<Result<TicketReceipt, ClientError>>,
}

/// Digits in a booking's code.
pub const BOOKING_CODE_DIGITS: usize = 8;

pub struct TicketScreen {
    pub receipt: TicketReceipt,
    pub shown_at: DateTime<Utc>,
    pub print: PrintState,
    /// The public status address the QR code carries.
    pub status_url: String,
    /// The QR code's modules, row by row (true = dark), and its width in modules.
    pub qr: Option<(Vec<bool>, usize)>,
}

pub enum PrintState {
    NoPrinter,
    Printing(Task<Result<(), String>>),
    Printed,
    Failed(String),
}

impl TicketScreen {
    pub fn has_paper(&self) -> bool {
        matches!(self.print, PrintState::Printing(_) | PrintState::Printed)
    }

    /// Whether the screen has been shown long enough to go home by itself.
    pub fn expired(&self, now: DateTime<Utc>) -> bool {
        let shown_for = if self.has_paper() {
            TICKET_SHOWN
        } else {
            TICKET_SHOWN_WITHOUT_PAPER
        };
        now - self.shown_at >= shown_for
    }

    /// Whether a tap now means "done" rather than the second half of a double tap.
    pub fn accepts_dismiss(&self, now: DateTime<Utc>) -> bool {
        now - self.shown_at >= DISMISS_GUARD
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The server could not be reached: no ticket exists.
    Unavailable,
    /// Outside issuing hours; when issuing opens again, if the office has hours at all.
    OutsideHours { next_opening: Option<DateTime<Utc>> },
    /// Any other refusal, in the server's words.
    Refused { message: String },
    /// A booked visitor came before check-in opens.
    CheckInTooEarly { opens_at: DateTime<Utc> },
    /// The check-in window of the booking has closed (or it was cancelled): a normal
    /// ticket is the way now.
    CheckInTooLate,
    /// No booking of this office has the code typed.
    NoBooking,
}

impl Notice {
    /// What an issuing error means for the visitor.
    pub fn from_error(error: &ClientError) -> Notice {
        match error {
            ClientError::Refused {
                code, next_opening, ..
            } if code == "outside_hours" => Notice::OutsideHours {
                next_opening: *next_opening,
            },
            // A revoked or wrong token is the staff's problem; for the visitor the kiosk
            // simply cannot issue now.
            ClientError::Refused { status, .. } if *status == 401 || *status == 403 => {
                Notice::Unavailable
            }
            ClientError::Refused { message, .. } => Notice::Refused {
                message: message.clone(),
            },
            ClientError::Unreachable(_) | ClientError::Protocol(_) => Notice::Unavailable,
        }
    }
}

impl Notice {
    /// What a check-in error means for the visitor.
    pub fn from_check_in_error(error: &ClientError) -> Notice {
        match error {
            ClientError::Refused {
                code, next_opening, ..
            } if code == "check_in_too_early" => match next_opening {
                Some(opens_at) => Notice::CheckInTooEarly {
                    opens_at: *opens_at,
                },
                None => Notice::CheckInTooLate,
            },
            ClientError::Refused { code, .. }
                if matches!(
                    code.as_str(),
                    "check_in_too_late" | "booking_cancelled" | "booking_not_active"
                ) =>
            {
                Notice::CheckInTooLate
            }
            ClientError::Refused { status: 404, .. } => Notice::NoBooking,
            other => Notice::from_error(other),
        }
    }
}

pub struct NoticeScreen {
    pub notice: Notice,
    pub shown_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(status: u16, code: &str) -> ClientError {
        ClientError::Refused {
            status,
            code: code.into(),
            message: "the topic is not active".into(),
            next_opening: None,
        }
    }

    #[test]
    fn issuing_errors_become_notices() {
        let at: DateTime<Utc> = "2026-11-21T05:00:00Z".parse().unwrap();
        let outside = ClientError::Refused {
            status: 409,
            code: "outside_hours".into(),
            message: "closed".into(),
            next_opening: Some(at),
        };
        assert_eq!(
            Notice::from_error(&outside),
            Notice::OutsideHours {
                next_opening: Some(at)
            }
        );
        assert_eq!(
            Notice::from_error(&ClientError::Unreachable("refused".into())),
            Notice::Unavailable
        );
        assert_eq!(
            Notice::from_error(&refused(401, "unauthorized")),
            Notice::Unavailable
        );
        assert_eq!(
            Notice::from_error(&refused(409, "topic_inactive")),
            Notice::Refused {
                message: "the topic is not active".into()
            }
        );
    }

    #[test]
    fn the_ticket_stays_longer_without_paper_and_ignores_a_double_tap() {
        let shown_at: DateTime<Utc> = "2026-11-20T07:00:00Z".parse().unwrap();
        let screen = |print| TicketScreen {
            receipt: sample_receipt(),
            shown_at,
            print,
            status_url: String::new(),
            qr: None,
        };
        let printed = screen(PrintState::Printed);
        assert!(!printed.accepts_dismiss(shown_at + Duration::milliseconds(300)));
        assert!(printed.accepts_dismiss(shown_at + Duration::seconds(2)));
        assert!(!printed.expired(shown_at + Duration::seconds(7)));
        assert!(printed.expired(shown_at + Duration::seconds(8)));
        let failed = screen(PrintState::Failed("paper out".into()));
        assert!(!failed.expired(shown_at + Duration::seconds(8)));
        assert!(failed.expired(shown_at + Duration::seconds(20)));
    }

    fn sample_receipt() -> TicketReceipt {
        serde_json::from_value(serde_json::json!({
            "ticket": {
                "id": "00000000-0000-0000-0000-000000000001",
                "office_id": 1, "topic_id": 1, "label": "П001", "number": 1,
                "service_day": "2026-11-20", "status": "waiting", "out_of_turn": false,
                "public_code": "abc", "issued_at": "2026-11-20T07:00:00Z",
                "queue_since": "2026-11-20T07:00:00Z", "front": false,
                "target_window": null, "window_id": null, "agent_id": null,
                "called_at": null, "started_at": null, "finished_at": null,
                "postponed_until": null, "recalls": 0, "transfers": 0, "wait_ms": 0,
                "waiting_since": "2026-11-20T07:00:00Z", "walk_ms": 0, "service_ms": 0,
                "outcome": null, "topics_count": null, "overrun_reason": null,
                "cancel_reason": null
            },
            "people_ahead": 0, "estimated_wait_ms": 0,
            "topic_name_ru": "Передача показаний", "topic_name_en": "Meter readings"
        }))
        .expect("a receipt as the server sends it")
    }
}
