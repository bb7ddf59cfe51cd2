//! End to end: the example Python backend (`examples/python`) against a running pair. It
//! generates its stubs from `proto/`, so this also checks that the protos compile for another
//! language. Needs Python with grpcio and grpcio-tools (requirements-dev.txt installs them).
//! The ingest service's records are built by hand ([`common::standin`]).

mod common;

use std::process::Stdio;

use common::{pair::*, standin::*, *};
use hoptac_api::v1::{ingest_service_client::IngestServiceClient, IngestArticleRequest};
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::Command,
};

/// An article ingested once the backend watches.
const NEW_ARTICLE: &str =
    "Ngày 12/9/2025, UBND tỉnh Bắc Ninh và Chính quyền tỉnh Gunma (Nhật Bản) \
    đã ký kết biên bản ghi nhớ hợp tác trong lĩnh vực giáo dục và lao động.";

#[tokio::test]
async fn the_python_backend_streams_pages_and_watches_what_the_replica_serves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gunma = gold_agreement(
        &hoptac_extract::Gazetteer::builtin(),
        &serde_json::json!({
            "parties": ["VN-56", "JP-10"], "kind": "MEMORANDUM", "status": "SIGNED",
            "date": "2025-09-12", "fields": ["EDUCATION", "LABOUR"]
        }),
    );
    let by_hand = StandIn::seeds_and_visits().with(NEW_ARTICLE, vec![gunma], Vec::new());
    let (ingest, query) = seeded_with(&dir, std::sync::Arc::new(by_hand)).await;
    let mut reader = query_client(&query).await;
    let japan = hoptac_api::v1::RecordFilter {
        places: vec!["JP".into()],
        ..Default::default()
    };
    let agreements = agreement_ids(&mut reader, japan.clone()).await;
    let visits = visit_ids(&mut reader, japan).await;
    assert!(
        agreements.len() >= 2 && visits.len() >= 3,
        "the seeds hold Japanese records"
    );

    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/python/hoptac_backend.py"
    );
    let mut backend = Command::new("python3")
        .args([script, "--query", &query.addr.to_string(), "--place", "JP"])
        .args(["--page-size", "2", "--watch", "1", "--timeout", "60"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("python3 starts");
    let mut lines = BufReader::new(backend.stdout.take().expect("stdout piped")).lines();
    let mut printed = Vec::new();
    let watched_after = tokio::time::timeout(PATIENCE, async {
        while let Some(line) = lines.next_line().await.expect("reads stdout") {
            if let Some(after) = line.strip_prefix("watching after sequence ") {
                return after.parse::<u64>().expect("a sequence");
            }
            printed.push(line);
        }
        let mut stderr = String::new();
        if let Some(mut err) = backend.stderr.take() {
            tokio::io::AsyncReadExt::read_to_string(&mut err, &mut stderr)
                .await
                .expect("reads stderr");
        }
        panic!("the backend ended before watching: {printed:?}\n{stderr}");
    })
    .await
    .expect("the backend gets to its watch in time");

    // The stream gave every Japanese agreement, in the replica's order.
    let streamed: Vec<&str> = printed
        .iter()
        .filter_map(|l| l.strip_prefix("agreement "))
        .map(|l| l.split(' ').next().expect("an id"))
        .collect();
    assert_eq!(streamed, agreements);
    // The pages gave every Japanese visit, two at a time.
    let paged: Vec<&str> = printed
        .iter()
        .filter_map(|l| l.strip_prefix("visit "))
        .map(|l| l.split(' ').next().expect("an id"))
        .collect();
    assert_eq!(paged, visits);
    let pages = printed
        .iter()
        .filter(|l| l.starts_with("visits page "))
        .count();
    assert_eq!(pages, visits.len().div_ceil(2).max(1));
    assert_eq!(watched_after, 5, "the replica had applied the five seeds");

    // A record that lands after the snapshot reaches the backend's watch.
    let mut writer = IngestServiceClient::connect(ingest.url.clone())
        .await
        .expect("connects");
    let answer = writer
        .ingest_article(IngestArticleRequest {
            article: Some(text_article("https://example.vn/tin-moi", NEW_ARTICLE)),
        })
        .await
        .expect("ingested")
        .into_inner();
    assert_eq!(answer.sequence, 6);
    let watched = tokio::time::timeout(PATIENCE, lines.next_line())
        .await
        .expect("the watch prints in time")
        .expect("reads stdout")
        .expect("a line");
    let words: Vec<&str> = watched.split(' ').collect();
    assert_eq!(words[..3], ["watch", "6", "agreement"], "{watched}");
    let exit = tokio::time::timeout(PATIENCE, backend.wait())
        .await
        .expect("the backend exits after its one watched record")
        .expect("waits");
    assert!(exit.success());
}
