//! The agent's actions: one button and one key each, enabled only when they make sense
//! in the window's state.

use egui::{Key, RichText, Ui};
use talon_client::look::colors;
use talon_client::{Lang, text, text_with};
use talon_protocol::WindowState;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    CallNext,
    Recall,
    Start,
    Finish,
    NoShow,
    Transfer,
    Postpone,
    Pause,
    Resume,
    Close,
}

impl Act {
    pub const ALL: [Act; 10] = [
        Act::CallNext,
        Act::Recall,
        Act::Start,
        Act::Finish,
        Act::NoShow,
        Act::Transfer,
        Act::Postpone,
        Act::Pause,
        Act::Resume,
        Act::Close,
    ];

    pub fn key(self) -> Key {
        match self {
            Act::CallNext => Key::F1,
            Act::Recall => Key::F2,
            Act::Start => Key::F3,
            Act::Finish => Key::F4,
            Act::NoShow => Key::F5,
            Act::Transfer => Key::F6,
            Act::Postpone => Key::F7,
            Act::Pause => Key::F8,
            Act::Resume => Key::F9,
            Act::Close => Key::F10,
        }
    }

    /// The id of the action's name.
    fn text_id(self) -> &'static str {
        match self {
            Act::CallNext => "desk-act-call-next",
            Act::Recall => "desk-act-recall",
            Act::Start => "desk-act-start",
            Act::Finish => "desk-act-finish",
            Act::NoShow => "desk-act-no-show",
            Act::Transfer => "desk-act-transfer",
            Act::Postpone => "desk-act-postpone",
            Act::Pause => "desk-act-pause",
            Act::Resume => "desk-act-resume",
            Act::Close => "desk-act-close",
        }
    }

    pub fn name(self, lang: Lang) -> String {
        text(lang, self.text_id())
    }

    /// The button's text: the action and its key, e.g. "Отложить  [F7]".
    pub fn button_text(self, lang: Lang) -> String {
        format!("{}  [{}]", self.name(lang), self.key().name())
    }

    /// Whether the action makes sense for a window in `state` with `waiting` people in
    /// its queue.
    pub fn allowed(self, state: WindowState, waiting: usize) -> bool {
        use WindowState::*;
        match self {
            Act::CallNext => state == Idle && waiting > 0,
            Act::Recall | Act::Start | Act::NoShow | Act::Postpone => state == Calling,
            Act::Finish => state == Serving,
            Act::Transfer => matches!(state, Calling | Serving),
            Act::Pause => state == Idle,
            Act::Resume => state == Paused,
            Act::Close => matches!(state, Idle | Paused),
        }
    }
}

/// Draws the action buttons and reads their keys; returns the action chosen this frame.
pub fn action_buttons(
    ui: &mut Ui,
    lang: Lang,
    state: WindowState,
    waiting: usize,
    enabled: bool,
) -> Option<Act> {
    let mut chosen = None;
    let size = egui::vec2(ui.available_width(), 50.0);
    ui.vertical(|ui| {
        for act in Act::ALL {
            let allowed = enabled && act.allowed(state, waiting);
            let mut text = act.button_text(lang);
            if act == Act::CallNext {
                let name = text_with(
                    lang,
                    "desk-act-call-next-waiting",
                    &[("count", waiting.into())],
                );
                text = format!("{name}  [{}]", act.key().name());
            }
            let primary = matches!(act, Act::CallNext | Act::Start | Act::Finish);
            let mut button = egui::Button::new(RichText::new(text).size(19.0)).min_size(size);
            if act == Act::CallNext {
                button = button.min_size(egui::vec2(size.x, 64.0));
            }
            if primary && allowed {
                button = button.fill(egui::Color32::from_rgb(0x17, 0x7a, 0x4a));
            }
            if ui.add_enabled(allowed, button).clicked() {
                chosen = Some(act);
            }
        }
    });
    if enabled && chosen.is_none() {
        chosen = Act::ALL.into_iter().find(|act| {
            act.allowed(state, waiting)
                && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, act.key()))
        });
    }
    chosen
}

/// A short line under the buttons saying what to do now.
pub fn hint(ui: &mut Ui, lang: Lang, state: WindowState, waiting: usize) {
    let id = match state {
        WindowState::Idle if waiting > 0 => "desk-hint-call-next",
        WindowState::Idle => "desk-hint-queue-empty",
        WindowState::Calling => "desk-hint-calling",
        WindowState::Serving => "desk-hint-serving",
        WindowState::Paused => "desk-hint-paused",
        WindowState::Closed => "desk-hint-closed",
    };
    ui.colored_label(colors::MUTED, text(lang, id));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sensible_actions_are_allowed() {
        let allowed = |state, waiting| -> Vec<Act> {
            Act::ALL
                .into_iter()
                .filter(|a| a.allowed(state, waiting))
                .collect()
        };
        assert_eq!(
            allowed(WindowState::Idle, 2),
            [Act::CallNext, Act::Pause, Act::Close]
        );
        assert_eq!(allowed(WindowState::Idle, 0), [Act::Pause, Act::Close]);
        assert_eq!(
            allowed(WindowState::Calling, 0),
            [
                Act::Recall,
                Act::Start,
                Act::NoShow,
                Act::Transfer,
                Act::Postpone
            ]
        );
        assert_eq!(
            allowed(WindowState::Serving, 0),
            [Act::Finish, Act::Transfer]
        );
        assert_eq!(allowed(WindowState::Paused, 3), [Act::Resume, Act::Close]);
        assert!(allowed(WindowState::Closed, 3).is_empty());
    }

    #[test]
    fn buttons_show_their_keys() {
        assert_eq!(Act::Postpone.button_text(Lang::Ru), "Отложить  [F7]");
        assert_eq!(Act::Close.button_text(Lang::En), "Close window  [F10]");
        assert_eq!(Act::CallNext.name(Lang::Ru), "Вызвать следующего");
    }
}
