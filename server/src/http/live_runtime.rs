//! The runtime that writes to live sockets, apart from the one that answers requests.
//!
//! A commit wakes every socket of its office. On one runtime, the request that comes
//! right after it (a window calling the next visitor just after a kiosk issued) waited
//! behind all of those writes: with 10,000 sockets, 116 ms at the median. Here the
//! requests keep their threads, and a socket whose turn comes late finds the later
//! events queued too and writes them at once (see `WRITE_BUFFER` in `live`), so a busy
//! fan-out does less work, not more (talon-bench sockets: call → display p99 296 ms →
//! about 150 ms, call-next 116 → 6 ms).
//!
//! One runtime per process, made on first use: tests run several servers in one
//! process, and a socket ends with its server's shutdown signal, not with a runtime.
//! The sockets themselves stay registered with the runtime that accepted them; tokio
//! lets a task on one runtime drive I/O of another.

use std::sync::OnceLock;
use tokio::runtime::{Builder, Handle, Runtime};

/// One writer thread per core, at most this many: more only add switches between them.
const MAX_THREADS: usize = 4;

pub fn handle() -> &'static Handle {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            let cores = std::thread::available_parallelism().map_or(1, usize::from);
            Builder::new_multi_thread()
                .worker_threads(cores.clamp(1, MAX_THREADS))
                .thread_name("talon-live")
                .enable_all()
                .build()
                .expect("the live sockets' runtime starts")
        })
        .handle()
}
