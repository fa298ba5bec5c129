//! Async work off the UI thread: a tokio runtime on background threads, and tasks whose
//! result the UI polls each frame.

use crate::live::LiveOptions;
use std::future::Future;
use std::sync::{Arc, Mutex};

/// A small multi-threaded tokio runtime owned by the app, and how the live links started
/// on it behave.
#[derive(Clone)]
pub struct Runtime {
    handle: tokio::runtime::Handle,
    _owner: Option<Arc<tokio::runtime::Runtime>>,
    live: LiveOptions,
}

impl Runtime {
    /// A new runtime with two worker threads.
    pub fn new() -> std::io::Result<Runtime> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("talon-client")
            .enable_all()
            .build()?;
        Ok(Runtime {
            handle: runtime.handle().clone(),
            _owner: Some(Arc::new(runtime)),
            live: LiveOptions::default(),
        })
    }

    /// Uses a runtime that already runs (tests run the server and the app in one).
    pub fn from_handle(handle: tokio::runtime::Handle) -> Runtime {
        Runtime {
            handle,
            _owner: None,
            live: LiveOptions::default(),
        }
    }

    /// Live links started on this runtime ([`crate::LiveLink::start`]) use `options`
    /// (tests give an app a short liveness limit this way).
    pub fn with_live_options(mut self, options: LiveOptions) -> Runtime {
        self.live = options;
        self
    }

    pub fn live_options(&self) -> &LiveOptions {
        &self.live
    }

    pub fn handle(&self) -> &tokio::runtime::Handle {
        &self.handle
    }

    /// Runs `future` in the background; the returned task holds its result when done.
    /// `on_done` runs after the result is stored (apps pass a repaint request).
    pub fn spawn<T: Send + 'static>(
        &self,
        future: impl Future<Output = T> + Send + 'static,
        on_done: impl FnOnce() + Send + 'static,
    ) -> Task<T> {
        let task = Task::pending();
        let slot = task.slot.clone();
        self.handle.spawn(async move {
            let value = future.await;
            *slot.lock().expect("task slot") = Some(value);
            on_done();
        });
        task
    }
}

/// The result of background work, polled by the UI.
pub struct Task<T> {
    slot: Arc<Mutex<Option<T>>>,
}

impl<T> Task<T> {
    fn pending() -> Self {
        Task {
            slot: Arc::new(Mutex::new(None)),
        }
    }

    /// Takes the result if it is there.
    pub fn take(&self) -> Option<T> {
        self.slot.lock().expect("task slot").take()
    }

    pub fn is_done(&self) -> bool {
        self.slot.lock().expect("task slot").is_some()
    }
}
