//! Signing in: server, login, password. And resuming a saved session at start.

use crate::forms::text_field;
use crate::session_file::SavedSession;
use egui::{RichText, Ui};
use std::time::{Duration, Instant};
use talon_client::look::colors;
use talon_client::{Api, ClientError, Lang, Runtime, Task};
use talon_protocol::api::{LoginResponse, User};

pub struct SignIn {
    server: String,
    login: String,
    password: String,
    /// Sign in on the first frame with the filled-in fields.
    submit_now: bool,
    task: Option<(Api, Task<Result<LoginResponse, ClientError>>)>,
    message: Option<String>,
}

impl SignIn {
    pub fn new(server: &str, message: Option<String>) -> SignIn {
        SignIn {
            server: server.to_string(),
            login: String::new(),
            password: String::new(),
            submit_now: false,
            task: None,
            message,
        }
    }

    /// Fills the form and signs in as soon as it is shown.
    pub fn submit_at_start(&mut self, login: &str, password: &str) {
        self.login = login.to_string();
        self.password = password.to_string();
        self.submit_now = true;
    }

    /// Returns the API with its new token and the person once signed in.
    pub fn ui(&mut self, ui: &mut Ui, lang: Lang, runtime: &Runtime) -> Option<(Api, User)> {
        if let Some((api, task)) = &self.task
            && let Some(result) = task.take()
        {
            let api = api.clone();
            self.task = None;
            match result {
                Ok(response) => {
                    self.password.clear();
                    return Some((api.with_token(response.token), response.user));
                }
                Err(error) => self.message = Some(crate::text::client_error(lang, &error)),
            }
        }
        let mut submit = std::mem::take(&mut self.submit_now);
        ui.vertical_centered(|ui| {
            ui.add_space(80.0);
            ui.label(
                RichText::new(talon_client::text(lang, "desk-signin-title"))
                    .size(36.0)
                    .strong(),
            );
            ui.label(
                RichText::new(talon_client::text(lang, "desk-signin-subtitle"))
                    .color(colors::MUTED),
            );
            ui.add_space(30.0);
        });
        ui.horizontal(|ui| {
            let width = 560.0;
            ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
            ui.vertical(|ui| {
                ui.set_width(width);
                text_field(
                    ui,
                    &talon_client::text(lang, "desk-signin-server"),
                    &mut self.server,
                    "http://…",
                    400.0,
                );
                text_field(
                    ui,
                    &talon_client::text(lang, "desk-signin-login"),
                    &mut self.login,
                    "",
                    400.0,
                );
                ui.horizontal(|ui| {
                    let label = ui.label(talon_client::text(lang, "desk-signin-password"));
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.password)
                                .password(true)
                                .desired_width(400.0),
                        )
                        .labelled_by(label.id);
                    if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        submit = true;
                    }
                });
                ui.add_space(12.0);
                let button = egui::Button::new(
                    RichText::new(talon_client::text(lang, "desk-signin-submit")).size(22.0),
                )
                .fill(colors::BUTTON)
                .min_size(egui::vec2(200.0, 48.0));
                let ready = self.task.is_none()
                    && !self.login.trim().is_empty()
                    && !self.password.is_empty()
                    && !self.server.trim().is_empty();
                if ui.add_enabled(ready, button).clicked() {
                    submit = true;
                }
                submit &= ready;
                if self.task.is_some() {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(talon_client::text(lang, "desk-signin-busy"));
                    });
                }
                if let Some(message) = &self.message {
                    ui.add_space(8.0);
                    ui.colored_label(colors::BREACH, message);
                }
            });
        });
        if submit {
            self.message = None;
            let api = Api::new(self.server.trim(), None);
            let request = api.clone();
            let (login, password) = (self.login.trim().to_string(), self.password.clone());
            let egui = ui.ctx().clone();
            let task = runtime.spawn(
                async move { request.login(&login, &password).await },
                move || egui.request_repaint(),
            );
            self.task = Some((api, task));
        }
        None
    }
}

/// Checking a saved session with the server at start (GET /auth/me).
pub struct Resuming {
    pub saved: SavedSession,
    task: Option<Task<Result<User, ClientError>>>,
    retry_at: Option<Instant>,
    last_error: Option<String>,
}

pub enum Resumed {
    Waiting,
    Ready(Api, User),
    /// The server no longer accepts the token.
    Rejected,
    /// The person chose to sign in anew.
    SignInAgain,
}

const RETRY_AFTER: Duration = Duration::from_secs(3);

impl Resuming {
    pub fn new(saved: SavedSession) -> Resuming {
        Resuming {
            saved,
            task: None,
            retry_at: Some(Instant::now()),
            last_error: None,
        }
    }

    fn api(&self) -> Api {
        Api::new(&self.saved.server, Some(self.saved.token.clone()))
    }

    pub fn ui(&mut self, ui: &mut Ui, lang: Lang, runtime: &Runtime) -> Resumed {
        if let Some(task) = &self.task
            && let Some(result) = task.take()
        {
            self.task = None;
            match result {
                Ok(user) => return Resumed::Ready(self.api(), user),
                Err(error) if crate::text::is_signed_out(&error) => return Resumed::Rejected,
                Err(error) => {
                    self.last_error = Some(crate::text::client_error(lang, &error));
                    self.retry_at = Some(Instant::now() + RETRY_AFTER);
                }
            }
        }
        if self.task.is_none() && self.retry_at.is_some_and(|at| Instant::now() >= at) {
            self.retry_at = None;
            let api = self.api();
            let egui = ui.ctx().clone();
            self.task = Some(runtime.spawn(async move { api.me().await }, move || {
                egui.request_repaint()
            }));
        }
        if self.retry_at.is_some() {
            ui.ctx().request_repaint_after(Duration::from_millis(500));
        }
        let mut again = false;
        ui.vertical_centered(|ui| {
            ui.add_space(120.0);
            ui.label(RichText::new(talon_client::text(lang, "desk-signin-restoring")).size(30.0));
            ui.label(RichText::new(&self.saved.server).color(colors::MUTED));
            ui.add_space(10.0);
            ui.spinner();
            if let Some(error) = &self.last_error {
                ui.colored_label(colors::BREACH, error);
                ui.label(talon_client::text(lang, "desk-signin-retrying"));
            }
            ui.add_space(20.0);
            if ui
                .button(talon_client::text(lang, "desk-signin-again"))
                .clicked()
            {
                again = true;
            }
        });
        if again {
            Resumed::SignInAgain
        } else {
            Resumed::Waiting
        }
    }
}
