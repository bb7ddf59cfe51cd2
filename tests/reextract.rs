//! End to end: re-extraction after an extractor upgrade, offline (`hoptac ingest reextract`)
//! and online (`ReextractArticles`, with a query replica picking the changes up). The "older
//! extractor" is simulated by storing a seed with the records it missed removed.

mod common;

use std::{path::Path, sync::Arc};

use common::{pair::*, *};
use hoptac_api::v1::{
    article_input::Body, ArticleInput, ReextractArticlesRequest, ReextractArticlesResponse,
};
use hoptac_extract::Extractor;
use hoptac_ingest::{
    input,
    store::{Database, Pending},
    writer::Writer,
};

/// Stores seeds 000 and 003 in `dir` as an older extractor would have: 000 with no records at
/// all (sequence 1), 003 as the current extractor reads it (sequence 2). Returns 000's id.
async fn stale_database(dir: &Path) -> String {
    let db = Arc::new(Database::open(dir, 8 << 20).expect("opens"));
    let (writer, task) = Writer::spawn(db.clone()).expect("writer");
    let extractor = Extractor::new();
    let seeds = seeds();
    let mut stale_id = String::new();
    for (name, text) in [&seeds[0], &seeds[3]] {
        let input = ArticleInput {
            url: format!("https://baomoi.example.vn/{name}"),
            body: Some(Body::Text(text.clone())),
            ..Default::default()
        };
        let mut extraction = input::check(Some(input.clone()), usize::MAX)
            .expect("valid")
            .extract(&extractor, None)
            .expect("extracts");
        let article = extraction.article.clone().expect("article");
        if stale_id.is_empty() {
            assert!(
                !extraction.agreements.is_empty(),
                "seed 000 reports an agreement"
            );
            extraction.agreements.clear();
            extraction.visits.clear();
            stale_id = article.id.clone();
        }
        writer
            .write(Pending {
                article,
                extraction,
                input: Some(input),
                replaces: false,
            })
            .await
            .expect("written");
    }
    drop(writer);
    task.await.expect("writer stops");
    let store = db.current().expect("open");
    store.flush().await.expect("flushed");
    stale_id
}

fn hoptac(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_hoptac"))
        .args(args)
        .output()
        .expect("hoptac runs")
}

/// Every message of one ReextractArticles call.
async fn reextract(url: &str) -> Vec<ReextractArticlesResponse> {
    let mut client =
        hoptac_api::v1::ingest_service_client::IngestServiceClient::connect(url.to_string())
            .await
            .expect("connects");
    let mut stream = client
        .reextract_articles(ReextractArticlesRequest {})
        .await
        .expect("accepted")
        .into_inner();
    let mut reports = Vec::new();
    while let Some(report) = tokio::time::timeout(PATIENCE, stream.message())
        .await
        .expect("progress in time")
        .expect("healthy")
    {
        reports.push(report);
    }
    reports
}

async fn agreements_of(query: &Running, article_id: &str) -> Vec<String> {
    let ids = reports(&mut query_client(query).await).await;
    ids.into_iter()
        .filter(|id| id.starts_with(&format!("{article_id}-a")))
        .collect()
}

#[tokio::test]
async fn a_running_service_reextracts_and_its_replica_picks_the_change_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stale = stale_database(&dir.path().join("ingest")).await;
    let (ingest, query) = started(&dir).await;
    applied(&mut query_client(&query).await, 2).await;
    assert!(agreements_of(&query, &stale).await.is_empty());

    let reports = reextract(&ingest.url).await;
    let last = reports.last().expect("at least one report");
    assert!(last.done, "the last report says it is done: {last:?}");
    assert_eq!(
        (last.examined, last.total, last.changed, last.head_sequence),
        (2, 2, 1, 3),
        "one article changed and is logged as sequence 3"
    );
    assert!(reports[..reports.len() - 1].iter().all(|r| !r.done));

    applied(&mut query_client(&query).await, 3).await;
    assert_eq!(
        agreements_of(&query, &stale).await,
        vec![format!("{stale}-a1")],
        "the replica serves the records the current extractor finds"
    );

    let again = reextract(&ingest.url).await;
    let last = again.last().expect("a report");
    assert_eq!(
        (last.done, last.changed, last.head_sequence),
        (true, 0, 3),
        "a second run finds nothing to change and logs nothing"
    );
    query.stop().await;
    ingest.stop().await;
}

#[tokio::test]
async fn the_offline_command_reextracts_a_stopped_service_and_refuses_a_running_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("ingest");
    stale_database(&data).await;
    let data_arg = data.to_str().expect("UTF-8 path");

    let first = hoptac(&["ingest", "reextract", "--data-dir", data_arg]);
    assert!(first.status.success(), "{first:?}");
    assert!(
        String::from_utf8_lossy(&first.stdout)
            .contains("re-extracted 2 articles: 1 changed, 1 unchanged; log head is now 3"),
        "{first:?}"
    );
    let second = hoptac(&["ingest", "reextract", "--data-dir", data_arg]);
    assert!(
        String::from_utf8_lossy(&second.stdout).contains("0 changed, 2 unchanged"),
        "{second:?}"
    );

    let service = Ingest::start(&data, &[]).await;
    let busy = hoptac(&["ingest", "reextract", "--data-dir", data_arg]);
    assert!(!busy.status.success());
    assert!(
        String::from_utf8_lossy(&busy.stderr).contains("ReextractArticles"),
        "the error points at the online way: {busy:?}"
    );
    let mut log = changes(&mut service.client().await, 0).await;
    let sequences = [
        next_change(&mut log).await.sequence,
        next_change(&mut log).await.sequence,
    ];
    assert_eq!(
        sequences,
        [2, 3],
        "the re-extracted article is logged once, under its new sequence"
    );
    assert!(service.terminate().await);

    let missing = hoptac(&[
        "ingest",
        "reextract",
        "--data-dir",
        dir.path().join("nowhere").to_str().expect("UTF-8"),
    ]);
    assert!(!missing.status.success());
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("is not a hoptac-ingest data directory")
    );
}
