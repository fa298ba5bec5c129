//! Talon wire types shared by the server and every app.
//!
//! Pure data and pure helpers only: no IO, no clock reads. Times travel as RFC 3339
//! UTC instants, durations as milliseconds (`*_ms`), norms as whole minutes.

pub mod advice;
pub mod alert;
pub mod api;
pub mod audit;
pub mod booking;
pub mod clock;
pub mod dispatch;
pub mod event;
pub mod forecast;
pub mod ids;
pub mod label;
pub mod limits;
pub mod norms;
pub mod notify;
pub mod office;
pub mod overview;
pub mod report;
pub mod snapshot;
pub mod stats;
pub mod ticket;
pub mod topic;
pub mod window;
pub mod zone;

pub use alert::{Alert, AlertKind};
pub use event::{Event, EventKind, EventType, VisitRating};
pub use ids::{DeviceId, OfficeId, RegionId, StaffId, TicketId, TopicId, WindowId};
pub use norms::{NormStatus, norm_status};
pub use office::{DayHours, Office, OfficeSettings, SpecialDay, WeekSchedule};
pub use snapshot::{CallRecord, Snapshot, TopicLoad};
pub use ticket::{NewTicket, Outcome, OverrunReason, Ticket, TicketStatus};
pub use topic::{Norm, NormKind, Norms, Topic};
pub use window::{Pause, Window, WindowState};
pub use zone::TimeZone;
