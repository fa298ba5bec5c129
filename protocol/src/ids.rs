//! Identifiers. Newtypes so that a window id can never be passed where a topic id is meant.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! int_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

int_id!(
    /// A client office (ЦОК / КО).
    OfficeId
);
int_id!(
    /// A topic (тематика обращения) of one office.
    TopicId
);
int_id!(
    /// A service window (окно) of one office.
    WindowId
);
int_id!(
    /// A member of staff: agent, head or admin.
    StaffId
);
int_id!(
    /// A region (территориальное отделение): a group of offices under one region head.
    RegionId
);
int_id!(
    /// A kiosk or a hall display.
    DeviceId
);

/// A ticket. A UUID so that any server node can mint one without coordination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct TicketId(pub uuid::Uuid);

impl fmt::Display for TicketId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
