//! What every screen needs during one frame.

use chrono::{DateTime, Utc};
use std::cell::Cell;
use std::future::Future;
use talon_client::texts::Arg;
use talon_client::{Api, ClientError, Lang, Runtime, Task};
use talon_protocol::api::User;

pub struct Cx<'a> {
    pub lang: Lang,
    /// "Now" from the injected clock, read once per frame.
    pub now: DateTime<Utc>,
    pub runtime: &'a Runtime,
    pub api: &'a Api,
    pub user: &'a User,
    pub egui: egui::Context,
    /// Set when the server says our token is no longer valid (revoked or expired).
    pub signed_out: &'a Cell<bool>,
}

impl Cx<'_> {
    /// Runs a request in the background; the screen repaints when it is done.
    pub fn spawn<T: Send + 'static>(
        &self,
        request: impl Future<Output = Result<T, ClientError>> + Send + 'static,
    ) -> Task<Result<T, ClientError>> {
        let egui = self.egui.clone();
        self.runtime.spawn(request, move || egui.request_repaint())
    }

    /// Notes a failed request; a revoked session ends the workspace.
    pub fn note_error(&self, error: &ClientError) {
        if crate::text::is_signed_out(error) {
            self.signed_out.set(true);
        }
    }

    /// The text `id` in the desk's language (`client/locales/*.ftl`).
    pub fn text(&self, id: &str) -> String {
        talon_client::text(self.lang, id)
    }

    /// The text `id` with its placeables filled in.
    pub fn text_with(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        talon_client::text_with(self.lang, id, args)
    }
}
