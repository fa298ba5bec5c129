//! The objects of an office that administrative commands change, as the audit log
//! records them: a name for the entry and the object as the API shows it.

use crate::engine::OfficeState;
use serde_json::Value;
use talon_protocol::{StaffId, TopicId, WindowId};

/// What an [`super::AuditSpec`] reads from a state.
pub type Object = Box<dyn Fn(&OfficeState) -> Option<(String, Value)> + Send + Sync>;

fn json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

pub fn office() -> Object {
    Box::new(|state| Some((state.office.name.clone(), json(&state.office))))
}

pub fn topic(id: TopicId) -> Object {
    Box::new(move |state| {
        state
            .topics
            .get(&id)
            .map(|t| (format!("{} «{}»", t.prefix, t.name_ru), json(t)))
    })
}

/// A window's configuration: its label, topics and whether it is active (not who is at
/// it now, which is the queue's business, not administration's).
pub fn window(id: WindowId) -> Object {
    Box::new(move |state| {
        state.windows.get(&id).map(|w| {
            let config = serde_json::json!({
                "id": w.id,
                "label": w.label,
                "topics": w.topics,
                "active": w.active,
            });
            (w.label.clone(), config)
        })
    })
}

pub fn reception(staff: StaffId) -> Object {
    Box::new(move |state| {
        state
            .receptions
            .get(&staff)
            .map(|r| (r.title_ru.clone(), json(r)))
    })
}
