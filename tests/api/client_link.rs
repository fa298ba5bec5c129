//! The shared client's live link against the real server: it mirrors the office, and
//! after a server restart it reconnects and catches up.

use crate::helpers::*;
use std::time::Duration;
use talon_client::{Api, ConnectionState, LiveLink, Runtime};
use talon_protocol::TicketStatus;

/// Waits (at most 10 s) until the link's mirror satisfies `done`.
async fn until(link: &LiveLink, what: &str, done: impl Fn(&talon_client::Mirror) -> bool) {
    for _ in 0..200 {
        if link.mirror().is_some_and(|m| done(&m)) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the live mirror never showed: {what}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_live_link_mirrors_the_office_and_survives_a_server_restart() {
    let mut app = spawn_app().await;
    let runtime = Runtime::from_handle(tokio::runtime::Handle::current());
    let api = Api::new(&app.base, Some(app.display.clone()));
    let link = LiveLink::start(&runtime, api, app.office, || {});
    until(&link, "the snapshot", |m| m.office.topics.len() == 3).await;
    assert_eq!(link.state(), ConnectionState::Online);

    app.issue(app.topics[0]).await;
    until(&link, "the issued ticket", |m| m.office.tickets.len() == 1).await;
    let mirror = link.mirror().unwrap();
    assert_eq!(mirror.load(app.topics[0]).unwrap().waiting, 1);
    assert_eq!(link.take_events().len(), 1);

    // The server restarts; the same link notices, reconnects with `since` and catches
    // up with what happened while it was away.
    app.restart().await;
    app.issue(app.topics[1]).await;
    app.window_action(app.windows[0], "open", &app.agents[0].token)
        .await;
    app.window_action(app.windows[0], "call-next", &app.agents[0].token)
        .await;
    until(&link, "the call after the restart", |m| {
        m.office.tickets.len() == 2
            && m.office.recent_calls.len() == 1
            && m.office
                .tickets
                .iter()
                .any(|t| t.status == TicketStatus::Called)
    })
    .await;
    assert_eq!(link.state(), ConnectionState::Online);
    let snapshots = link.with(|s| s.snapshots);
    assert_eq!(
        snapshots, 1,
        "resumed with since: no second snapshot was needed"
    );
    app.stop().await;
}
