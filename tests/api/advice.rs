//! The staffing advisor over the API: arrivals counted from the store, the advice with
//! its numbers for the office's heads, and new advice on the board as an event.

use crate::helpers::*;
use reqwest::StatusCode;
use std::time::Duration;

#[tokio::test]
async fn a_queue_building_at_one_window_gets_advice_with_its_numbers() {
    let app = spawn_app().await;
    let a = app.topics[0];
    let w2 = app.windows[1];
    let (status, body) = app.window_action(w2, "open", &app.agents[1].token).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Nine visitors for readings in the last hour, none served yet.
    for _ in 0..9 {
        app.issue(a).await;
        app.advance_minutes(6);
    }
    let path = format!("/api/v1/offices/{}/advice", app.office);
    let (status, advice) = app.get(&path, Some(&app.head.token)).await;
    assert_eq!(status, StatusCode::OK, "{advice}");
    let advice = advice.as_array().expect("a list").clone();
    assert_eq!(advice.len(), 1, "{advice:?}");
    let open = &advice[0];
    // Windows 1 and 3 are closed: nobody can take readings on, a window must open.
    assert_eq!(open["kind"], "open_window");
    assert_eq!(open["topic_id"], a.0);
    let n = &open["numbers"];
    assert_eq!(
        n["arrivals_per_hour"], 9.0,
        "nine in the last hour, no history yet"
    );
    assert_eq!(n["mean_service_min"], 20.0);
    assert_eq!(n["norm_min"], 15);
    assert_eq!(n["windows_open"], 1.0);
    assert_eq!(n["windows_needed"], 6);

    // Agents get no advice; an unknown office is not found.
    let (status, _) = app.get(&path, Some(&app.agents[0].token)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .get("/api/v1/offices/999999/advice", Some(&app.head.token))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The advisor's look makes it an event: the board (snapshot) has it.
    app.queues().advise_all().await;
    let snapshot = app.snapshot().await;
    let first = &snapshot["advice"][0];
    assert_eq!(first["kind"], "open_window");
    assert_eq!(first["topic_id"], a.0);
    app.stop().await;
}

/// With the advisor running on the ticker (as in production), advice reaches the board
/// without being asked for.
#[tokio::test]
async fn the_ticker_s_advisor_puts_advice_on_the_board() {
    let app = spawn_app_with(|s| s.advice_every = Some(Duration::from_millis(100))).await;
    let a = app.topics[0];
    app.window_action(app.windows[1], "open", &app.agents[1].token)
        .await;
    for _ in 0..9 {
        app.issue(a).await;
        app.advance_minutes(6);
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    loop {
        let snapshot = app.snapshot().await;
        if let Some(first) = snapshot["advice"].as_array().and_then(|a| a.first()) {
            assert_eq!(first["kind"], "open_window");
            assert_eq!(first["topic_id"], a.0);
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no advice on the board"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.stop().await;
}

/// What-if: a planned day run through the simulator; arrivals given, or learned from the
/// last four same weekdays (none in a fresh office); a plan that makes no sense is
/// refused in words; agents cannot ask.
#[tokio::test]
async fn a_planned_day_is_run_through_the_simulator() {
    let app = spawn_app().await;
    let a = app.topics[0].0;
    let path = format!("/api/v1/offices/{}/what-if", app.office);
    let plan = |windows: usize| {
        serde_json::json!({
            "day": "2026-11-27",
            "hours": (9..18).map(|h| serde_json::json!({"hour": h, "windows": vec![vec![a]; windows]})).collect::<Vec<_>>(),
            "arrivals": (9..17).map(|h| serde_json::json!({"topic_id": a, "hour": h, "visitors": 4.0})).collect::<Vec<_>>(),
        })
    };
    let (status, two) = app.post(&path, Some(&app.head.token), plan(2)).await;
    assert_eq!(status, StatusCode::OK, "{two}");
    let (_, one) = app.post(&path, Some(&app.head.token), plan(1)).await;
    assert_eq!(two["arrivals_from"], "plan");
    assert_eq!(two["staff_hours"], 18);
    assert!(
        two["within_wait_norm"].as_f64().unwrap() > one["within_wait_norm"].as_f64().unwrap(),
        "{two} {one}"
    );
    assert!(one["peak_hour"].as_u64().is_some());

    // No history in a fresh office: nobody is expected.
    let (status, learned) = app
        .post(
            &path,
            Some(&app.head.token),
            serde_json::json!({"day": "2026-11-27", "hours": [{"hour": 10, "windows": [[a]]}]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{learned}");
    assert_eq!(learned["arrivals_from"], "none");
    assert_eq!(learned["visitors"], 0.0);

    for (body, why) in [
        (
            serde_json::json!({"day": "2026-11-27", "hours": [{"hour": 24, "windows": []}]}),
            "hour",
        ),
        (
            serde_json::json!({"day": "2026-11-27", "hours": [{"hour": 9, "windows": [[999]]}]}),
            "topic",
        ),
        (
            serde_json::json!({"day": "2026-11-27", "hours": [], "arrivals": [{"topic_id": a, "hour": 9, "visitors": -1.0}]}),
            "visitors",
        ),
    ] {
        let (status, answer) = app.post(&path, Some(&app.head.token), body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{why}: {answer}");
        assert!(!answer["error"]["message"].as_str().unwrap().is_empty());
    }
    let (status, _) = app.post(&path, Some(&app.agents[0].token), plan(1)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    app.stop().await;
}

/// The same from the command line: `talon-server what-if --office N --plan FILE` reads
/// the office from the database and prints the table (or the API's JSON).
#[tokio::test]
async fn the_command_line_runs_a_planned_day_too() {
    let app = spawn_app().await;
    let a = app.topics[0].0;
    let plan = serde_json::json!({
        "day": "2026-11-27",
        "hours": (9..18).map(|h| serde_json::json!({"hour": h, "windows": [[a], [a]]})).collect::<Vec<_>>(),
        "arrivals": (9..17).map(|h| serde_json::json!({"topic_id": a, "hour": h, "visitors": 4.0})).collect::<Vec<_>>(),
    });
    let file = app.files().join("plan.json");
    std::fs::write(&file, plan.to_string()).unwrap();
    let file = file.to_str().unwrap();
    let url = app.database_url().to_string();
    let table = talon_server::cli::what_if(app.office.0, file, false, &url)
        .await
        .expect("the table");
    assert!(table.contains("18 window-hours"), "{table}");
    assert!(table.contains("| A Передача показаний |"), "{table}");
    let json = talon_server::cli::what_if(app.office.0, file, true, &url)
        .await
        .expect("the JSON");
    let outcome: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(outcome["arrivals_from"], "plan");
    assert_eq!(outcome["staff_hours"], 18);
    // The API's answer to the same plan is the same (both seeded by the office).
    let path = format!("/api/v1/offices/{}/what-if", app.office);
    let (_, api) = app.post(&path, Some(&app.head.token), plan).await;
    assert_eq!(outcome, api);

    std::fs::write(
        app.files().join("bad.json"),
        r#"{"day": "2026-11-27", "hours": [{"hour": 24, "windows": []}]}"#,
    )
    .unwrap();
    let bad = app.files().join("bad.json");
    let refused = talon_server::cli::what_if(app.office.0, bad.to_str().unwrap(), false, &url)
        .await
        .expect_err("an hour 24 is refused");
    assert!(refused.to_string().contains("hour 24"), "{refused}");
    let missing = talon_server::cli::what_if(999, file, false, &url)
        .await
        .expect_err("no such office");
    assert!(missing.to_string().contains("999"), "{missing}");
    app.stop().await;
}
