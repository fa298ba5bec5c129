//! Many agents press "call next" at once: no ticket is ever handed out twice.

use crate::helpers::*;
use reqwest::StatusCode;
use std::collections::HashSet;
use std::sync::Arc;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_calls_on_thirty_tickets_hand_each_out_once() {
    let app = Arc::new(spawn_app().await);
    let mut callers = Vec::new();
    for n in 0..50 {
        let agent = app.add_agent_with_session(&format!("racer{n}")).await;
        let window = app
            .queues()
            .create_window(
                app.office,
                format!("R{n}"),
                vec![app.topics[0], app.topics[1]],
                &set_up_stamp(app.queues()).author,
            )
            .await
            .expect("window")
            .id;
        let (status, body) = app.window_action(window, "open", &agent.token).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        callers.push((window, agent.token));
    }
    let mut issued = HashSet::new();
    for n in 0..30 {
        issued.insert(ticket_id(&app.issue(app.topics[n % 2]).await));
    }

    // All 50 fire together.
    let barrier = Arc::new(tokio::sync::Barrier::new(callers.len()));
    let tasks: Vec<_> = callers
        .into_iter()
        .map(|(window, token)| {
            let app = app.clone();
            let barrier = barrier.clone();
            tokio::spawn(async move {
                barrier.wait().await;
                app.window_action(window, "call-next", &token).await
            })
        })
        .collect();
    let mut called = Vec::new();
    let mut empty = 0;
    for task in tasks {
        let (status, body) = task.await.expect("task");
        match status {
            StatusCode::OK => called.push(ticket_id(&body)),
            StatusCode::CONFLICT => {
                assert_eq!(error_code(&body), "queue_empty");
                empty += 1;
            }
            other => panic!("unexpected {other}: {body}"),
        }
    }
    assert_eq!(called.len(), 30, "every waiting ticket is called");
    assert_eq!(empty, 20);
    let distinct: HashSet<String> = called.iter().cloned().collect();
    assert_eq!(distinct.len(), 30, "no ticket is called to two windows");
    assert_eq!(distinct, issued);

    // The stored state agrees: 30 called tickets, each at its own window.
    let snapshot = app.snapshot().await;
    let tickets = snapshot["tickets"].as_array().unwrap();
    assert!(tickets.iter().all(|t| t["status"] == "called"));
    let windows: HashSet<i64> = tickets
        .iter()
        .map(|t| t["window_id"].as_i64().unwrap())
        .collect();
    assert_eq!(windows.len(), 30);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_same_window_pressed_many_times_calls_one_ticket() {
    let app = Arc::new(spawn_app().await);
    let agent = app.agents[0].token.clone();
    app.window_action(app.windows[0], "open", &agent).await;
    for _ in 0..5 {
        app.issue(app.topics[0]).await;
    }
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let app = app.clone();
            let agent = agent.clone();
            tokio::spawn(
                async move { app.window_action(app.windows[0], "call-next", &agent).await },
            )
        })
        .collect();
    let mut ok = 0;
    for task in tasks {
        let (status, body) = task.await.expect("task");
        if status == StatusCode::OK {
            ok += 1;
        } else {
            assert_eq!(
                (status, error_code(&body)),
                (StatusCode::CONFLICT, "window_busy")
            );
        }
    }
    assert_eq!(ok, 1);
    let snapshot = app.snapshot().await;
    let called = snapshot["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] == "called")
        .count();
    assert_eq!(called, 1);
}
