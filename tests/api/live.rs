//! Live updates: resume with `since`, fresh snapshots when a gap cannot be filled.

use crate::helpers::*;
use talon_protocol::EventKind;

#[tokio::test]
async fn a_client_resuming_with_since_gets_exactly_the_missed_events() {
    let app = spawn_app().await;
    let mut first = app.live(&app.display, None).await;
    let snapshot = first.next_snapshot().await;
    app.issue(app.topics[0]).await;
    let seen = first.next_event().await;
    assert_eq!(seen.seq, snapshot.seq + 1);
    drop(first);

    // While the display is away: three more tickets.
    for _ in 0..3 {
        app.issue(app.topics[1]).await;
    }
    let mut again = app.live(&app.display, Some(seen.seq)).await;
    let missed: Vec<_> = [
        again.next_event().await,
        again.next_event().await,
        again.next_event().await,
    ]
    .into();
    let seqs: Vec<u64> = missed.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [seen.seq + 1, seen.seq + 2, seen.seq + 3]);
    let labels: Vec<String> = missed
        .iter()
        .filter_map(|e| e.kind.ticket().map(|t| t.label.clone()))
        .collect();
    assert_eq!(labels, ["B001", "B002", "B003"]);
    // Then live events continue without a gap.
    app.issue(app.topics[2]).await;
    let next = again.next_event().await;
    assert_eq!(next.seq, seen.seq + 4);
    assert!(matches!(next.kind, EventKind::TicketIssued { .. }));

    // A since from the future (another database) gets a snapshot.
    let mut stranger = app.live(&app.display, Some(10_000)).await;
    let snapshot = stranger.next_snapshot().await;
    assert_eq!(snapshot.seq, next.seq);
    // Up to date: nothing is replayed, the next event is the next one.
    let mut current = app.live(&app.display, Some(next.seq)).await;
    app.issue(app.topics[2]).await;
    assert_eq!(current.next_event().await.seq, next.seq + 1);
    app.stop().await;
}

#[tokio::test]
async fn a_client_too_far_behind_gets_a_snapshot() {
    let app = spawn_app().await;
    let agent = &app.agents[1].token;
    app.window_action(app.windows[1], "open", agent).await;
    // More than 1000 events (each pause/resume is one).
    for _ in 0..510 {
        app.post(
            &format!("/api/v1/windows/{}/pause", app.windows[1]),
            Some(agent),
            serde_json::json!({"reason": "перерыв"}),
        )
        .await;
        app.window_action(app.windows[1], "resume", agent).await;
    }
    let mut late = app.live(&app.display, Some(1)).await;
    let snapshot = late.next_snapshot().await;
    assert!(snapshot.seq > 1000);
    app.stop().await;
}

#[tokio::test]
async fn a_restart_closes_live_sockets_and_clients_resume_where_they_were() {
    let mut app = spawn_app().await;
    let mut display = app.live(&app.display, None).await;
    let snapshot = display.next_snapshot().await;
    app.issue(app.topics[0]).await;
    let last = display.next_event().await.seq;
    app.restart().await;
    assert!(
        display.closed().await,
        "the old socket is closed on shutdown"
    );
    app.issue(app.topics[0]).await;
    let mut display = app.live(&app.display, Some(last)).await;
    let event = display.next_event().await;
    assert_eq!(event.seq, last + 1);
    assert_eq!(event.kind.ticket().unwrap().label, "A002");
    assert!(snapshot.seq < last);
    app.stop().await;
}
