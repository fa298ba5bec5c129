//! `cargo run --release` at the repository root: the whole Talon system on one machine.
//!
//! * `talon [SERVE OPTIONS]`: the demo — the server with an embedded SQLite database
//!   (`talon-demo.sqlite3`) and demo data, the simulator keeping the hall alive, and the
//!   kiosk, the hall display and an agent desk as windows. Options go to
//!   `talon-server serve`, e.g. `--listen 0.0.0.0:8080`.
//! * `talon kiosk|display|desk ARGS`: one app; the demo starts each app this way, as a
//!   process of its own (every window needs its own event loop).

mod launcher;

fn main() -> anyhow::Result<()> {
    talon_server::cli::init_logging();
    let mut args: Vec<String> = std::env::args().collect();
    let role = args.get(1).cloned().unwrap_or_default();
    match role.as_str() {
        "kiosk" | "display" | "desk" => {
            args.remove(1);
            launcher::run_app(&role, args)
        }
        _ => launcher::run_demo(args.into_iter().skip(1).collect()),
    }
}
