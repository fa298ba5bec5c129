//! The OpenAPI document is complete: every route of the router is in it (all routes are
//! registered through the document's router, and each documented route answers), and
//! each operation lists the statuses a route of its kind returns.

use crate::helpers::*;
use reqwest::{Method, StatusCode};
use serde_json::Value;

async fn document(app: &TestApp) -> Value {
    let (status, document) = app.get("/api/v1/openapi.json", None).await;
    assert_eq!(status, StatusCode::OK);
    document
}

fn operations(document: &Value) -> Vec<(String, String, Value)> {
    let mut all = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().unwrap() {
            all.push((method.to_uppercase(), path.clone(), operation.clone()));
        }
    }
    all
}

#[tokio::test]
async fn every_operation_lists_the_statuses_its_kind_of_route_returns() {
    let app = spawn_app().await;
    let document = document(&app).await;
    let mut missing = Vec::new();
    for (method, path, operation) in operations(&document) {
        let responses = operation["responses"].as_object().expect("responses");
        let secured = operation["security"]
            .as_array()
            .is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some()));
        let has_query = operation["parameters"]
            .as_array()
            .is_some_and(|p| p.iter().any(|p| p["in"] == "query"));
        let mut expected = vec!["500", "503"];
        if secured {
            expected.extend(["401", "403"]);
        }
        if path.contains('{') {
            expected.extend(["400", "404"]);
        }
        if has_query {
            expected.push("400");
        }
        if operation.get("requestBody").is_some() {
            expected.extend(["400", "413", "415", "422"]);
        }
        for status in expected {
            if !responses.contains_key(status) {
                missing.push(format!("{method} {path}: {status}"));
            }
        }
    }
    assert!(missing.is_empty(), "undocumented statuses: {missing:#?}");
    for limited in [
        "/api/v1/auth/login",
        "/api/v1/public/tickets/{code}",
        "/api/v1/public/tickets/{code}/events",
        "/api/v1/public/tickets/{code}/leave",
        "/api/v1/public/tickets/{code}/feedback",
        "/api/v1/public/offices/{office}",
        "/t/{code}",
        "/o/{office}",
    ] {
        let item = &document["paths"][limited];
        let operation = item.get("post").or_else(|| item.get("get")).unwrap();
        assert!(
            operation["responses"].get("429").is_some(),
            "{limited}: 429"
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn every_documented_route_is_served() {
    let app = spawn_app().await;
    let document = document(&app).await;
    let ticket = ticket_id(&app.issue(app.topics[0]).await);
    for (method, path, _) in operations(&document) {
        let concrete = path
            .replace("{office}", &app.office.to_string())
            .replace("{window}", &app.windows[0].to_string())
            .replace("{topic}", &app.topics[0].to_string())
            .replace("{ticket}", &ticket)
            .replace("{staff}", &app.agents[0].id.to_string())
            .replace("{device}", "1")
            .replace("{region}", "1")
            .replace("{alert}", "long_queue:1")
            .replace("{target}", "1")
            .replace("{code}", "NOSUCHCODE")
            .replace("{id}", "1")
            .replace("{kind}", "printer");
        assert!(!concrete.contains('{'), "a template left in {concrete}");
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        if concrete.ends_with("/events") {
            // A live stream does not end by itself: its answer's head is enough.
            let response = app
                .http
                .get(format!("{}{concrete}", app.base))
                .send()
                .await
                .expect("sent");
            let status = response.status();
            if status != StatusCode::OK {
                let body = response.text().await.unwrap_or_default();
                assert_eq!(status, StatusCode::NOT_FOUND, "{concrete}: {body}");
                assert!(
                    !body.contains("there is no such address"),
                    "{concrete} is documented but not routed"
                );
            }
            continue;
        }
        let (status, body) = app.request(method.clone(), &concrete, None, None).await;
        assert_ne!(
            status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {concrete}: {body}"
        );
        let fallback = body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("there is no such address"));
        assert!(
            !fallback,
            "{method} {concrete} is documented but not routed"
        );
    }
    app.stop().await;
}
