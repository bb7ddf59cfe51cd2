//! Many streams opened and never read: both services cap how many they serve, bound what each
//! queues in bytes, start no thread per stream, and keep answering everyone else.

mod common;

use common::{pair::applied, *};
use hoptac_api::v1::{
    query_service_client::QueryServiceClient, GetStatsRequest, IngestArticleRequest,
    StreamChangesRequest, WatchRecordsRequest,
};
use tonic::{transport::Channel, Code};

/// Streams opened against each service.
const OPENED: usize = 1000;
/// HTTP/2 connections they are spread over (a connection carries a bounded number of streams).
const CONNECTIONS: usize = 20;
/// Articles in the log, each some 27 KB: a changefeed that queued the whole log would hold 4 MB.
const ARTICLES: usize = 150;

/// A status line of /proc/PID/status, in its unit (kB for memory).
fn proc_status(pid: u32, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc readable");
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|rest| rest.trim_start_matches(':').split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{key} in /proc/{pid}/status"))
}

async fn channels(url: &str) -> Vec<Channel> {
    let mut channels = Vec::new();
    for _ in 0..CONNECTIONS {
        channels.push(
            tonic::transport::Endpoint::from_shared(url.to_string())
                .expect("url")
                // Unread streams hold their data against the connection's window too; a large
                // one lets each stream fill its own window without stalling the others.
                .initial_connection_window_size(1 << 30)
                .connect()
                .await
                .expect("connects"),
        );
    }
    channels
}

/// Splits answers into the open streams and the refusals' statuses.
fn accepted<T>(answers: Vec<Result<T, tonic::Status>>) -> (Vec<T>, Vec<tonic::Status>) {
    let (mut open, mut refused) = (Vec::new(), Vec::new());
    for answer in answers {
        match answer {
            Ok(stream) => open.push(stream),
            Err(status) => refused.push(status),
        }
    }
    (open, refused)
}

#[tokio::test]
async fn a_thousand_unread_changefeeds_and_watchers_stay_capped_small_and_leave_reads_working() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ingest = Ingest::start(&dir.path().join("ingest"), &[]).await;
    let mut client = ingest.client().await;
    let articles = (0..ARTICLES)
        .map(|n| {
            text_article(
                &format!("https://baoquangninh.example/{n}"),
                &visit_article(n).repeat(60),
            )
        })
        .collect();
    let last = ingest_all(&mut client, articles)
        .await
        .iter()
        .map(|a| a.sequence)
        .max()
        .expect("answers");
    let data = dir.path().join("query");
    let query = Ingest::spawn_until(
        dir.path().join("query.log"),
        &[
            "query",
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            data.to_str().expect("UTF-8"),
            "--ingest-url",
            &ingest.url,
        ],
        "hoptac-query listening on ",
    )
    .await;
    let mut queries = QueryServiceClient::connect(query.url.clone())
        .await
        .expect("connects");
    applied(&mut queries, last).await;

    // The replica's own changefeed is one of the ingest service's 64.
    let mut feeds = Vec::new();
    for (n, channel) in channels(&ingest.url)
        .await
        .into_iter()
        .cycle()
        .take(OPENED)
        .enumerate()
    {
        let mut client = hoptac_api::v1::ingest_service_client::IngestServiceClient::new(channel);
        feeds.push(
            client
                .stream_changes(StreamChangesRequest {
                    after_sequence: (n % 7) as u64,
                })
                .await
                .map(tonic::Response::into_inner),
        );
    }
    let (mut feeds, refused) = accepted(feeds);
    assert_eq!(
        feeds.len(),
        63,
        "64 changefeeds at most, the replica's included"
    );
    for status in &refused {
        assert_eq!(
            status.code(),
            Code::ResourceExhausted,
            "{}",
            status.message()
        );
        assert!(
            status.message().contains("--max-changefeeds"),
            "{}",
            status.message()
        );
    }

    // A watcher of our own, opened first, to see the replica apply a later write.
    let mut ours = queries
        .watch_records(WatchRecordsRequest {
            filter: None,
            after_sequence: None,
        })
        .await
        .expect("opens")
        .into_inner();
    let mut watchers = Vec::new();
    for channel in channels(&query.url).await.into_iter().cycle().take(OPENED) {
        let mut client = QueryServiceClient::new(channel);
        watchers.push(
            client
                .watch_records(WatchRecordsRequest {
                    filter: None,
                    after_sequence: Some(0),
                })
                .await
                .map(tonic::Response::into_inner),
        );
    }
    let (mut watchers, refused) = accepted(watchers);
    assert_eq!(watchers.len(), 255, "256 watchers at most, ours included");
    for status in &refused {
        assert_eq!(
            status.code(),
            Code::ResourceExhausted,
            "{}",
            status.message()
        );
        assert!(
            status.message().contains("--max-watchers"),
            "{}",
            status.message()
        );
    }

    // Every stream is under way (its first item arrived); then none is read again.
    for feed in &mut feeds {
        feed.message().await.expect("healthy").expect("a change");
    }
    for watcher in &mut watchers {
        watcher.message().await.expect("healthy").expect("an event");
    }

    // Everyone else is still served: a write, and a read on the replica that sees it.
    let written = client
        .ingest_article(IngestArticleRequest {
            article: Some(text_article(
                "https://baoquangninh.example/moi",
                &visit_article(ARTICLES),
            )),
        })
        .await
        .expect("a write goes through")
        .into_inner();
    loop {
        let event = tokio::time::timeout(PATIENCE, ours.message())
            .await
            .expect("the replica applies the write in time")
            .expect("healthy")
            .expect("open");
        if event.sequence >= written.sequence {
            break;
        }
    }
    let stats = queries
        .get_stats(GetStatsRequest::default())
        .await
        .expect("a read goes through")
        .into_inner();
    assert!(stats.visits > 0, "{stats:?}");

    for (name, pid) in [("ingest", ingest.pid()), ("query", query.pid())] {
        let peak_mib = proc_status(pid, "VmHWM") / 1024;
        let threads = proc_status(pid, "Threads");
        eprintln!("{name}: peak RSS {peak_mib} MiB, {threads} threads");
        assert!(peak_mib < 256, "{name} peaked at {peak_mib} MiB");
        assert!(threads < 64, "{name} runs {threads} threads");
    }
    drop((feeds, watchers));
}
