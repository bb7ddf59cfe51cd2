//! End to end, what operators configure: TLS on both services with a certificate this test
//! makes itself, the follower replicating over TLS, bearer tokens on ingest (required) and query
//! (optional), and the Prometheus endpoints of both services.

mod common;

use std::path::Path;

use common::{pair::*, *};
use hoptac_api::v1::{
    ingest_service_client::IngestServiceClient, query_service_client::QueryServiceClient,
    GetReplicationStatusRequest, IngestArticleRequest, WatchRecordsRequest,
};
use hoptac_runtime::{auth::BearerToken, tls::ClientTlsArgs};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tonic::{service::interceptor::InterceptedService, transport::Channel, Code};
use tonic_health::pb::health_check_response::ServingStatus;

const INGEST_TOKEN: &str = "hop-tac-ingest-2025";
const QUERY_TOKEN: &str = "hop-tac-query-2025";

fn article(slug: &str) -> hoptac_api::v1::ArticleInput {
    text_article(
        &format!("https://baoquangninh.vn/{slug}"),
        "Chiều 16/11/2023, tại thành phố Sapporo, UBND tỉnh Quảng Ninh và Chính quyền tỉnh \
         Hokkaido (Nhật Bản) đã ký kết thỏa thuận hợp tác trong lĩnh vực du lịch và giáo dục.",
    )
}

/// A self-signed certificate for `localhost`, written as PEM files in `dir`.
fn self_signed(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let made =
        rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).expect("a certificate");
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    std::fs::write(&cert, made.cert.pem()).expect("cert written");
    std::fs::write(&key, made.signing_key.serialize_pem()).expect("key written");
    (cert, key)
}

/// A TLS channel to `localhost:PORT` trusting `ca`.
async fn tls_channel(port: u16, ca: &Path) -> Result<Channel, tonic::transport::Error> {
    let tls = ClientTlsArgs {
        tls_ca: Some(ca.to_path_buf()),
    };
    tls.endpoint(&format!("https://localhost:{port}"))
        .expect("an endpoint")
        .connect()
        .await
}

fn with_token(channel: Channel, token: Option<&str>) -> InterceptedService<Channel, BearerToken> {
    InterceptedService::new(channel, BearerToken::new(token).expect("ascii token"))
}

#[tokio::test]
async fn both_services_speak_tls_and_the_replica_follows_over_it_with_the_ingest_token() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (cert, key) = self_signed(dir.path());
    let server_tls = hoptac_runtime::tls::ServerTlsArgs {
        tls_cert: Some(cert.clone()),
        tls_key: Some(key),
    };

    let mut ingest_args = ingest_args(
        dir.path().join("ingest"),
        "127.0.0.1:0".parse().expect("addr"),
    );
    ingest_args.token = Some(INGEST_TOKEN.into());
    ingest_args.tls = server_tls.clone();
    let ingest = start_ingest(ingest_args).await;
    let mut query_args = query_args(
        dir.path().join("query"),
        &format!("https://localhost:{}", ingest.addr.port()),
    );
    query_args.ingest_token = Some(INGEST_TOKEN.into());
    query_args.ingest_tls.tls_ca = Some(cert.clone());
    query_args.token = Some(QUERY_TOKEN.into());
    query_args.tls = server_tls;
    let query = start_query(query_args).await;

    // Writes need the token; with it, over TLS, the article is stored.
    let channel = tls_channel(ingest.addr.port(), &cert)
        .await
        .expect("TLS handshake");
    let refused = IngestServiceClient::new(with_token(channel.clone(), None))
        .ingest_article(IngestArticleRequest {
            article: Some(article("khong-co-token")),
        })
        .await
        .expect_err("no token, no write");
    assert_eq!(refused.code(), Code::Unauthenticated);
    let stored = IngestServiceClient::new(with_token(channel, Some(INGEST_TOKEN)))
        .ingest_article(IngestArticleRequest {
            article: Some(article("hop-tac-hokkaido")),
        })
        .await
        .expect("stored")
        .into_inner();
    assert_eq!(stored.sequence, 1);

    // A plaintext client cannot talk to a TLS listener.
    let plain = IngestServiceClient::connect(format!("http://{}", ingest.addr)).await;
    let plain_call = match plain {
        Ok(mut client) => client
            .ingest_article(IngestArticleRequest {
                article: Some(article("plaintext")),
            })
            .await
            .map(|_| ()),
        Err(err) => Err(tonic::Status::unavailable(err.to_string())),
    };
    assert!(plain_call.is_err(), "plaintext reached a TLS listener");

    // The replica followed over TLS with the token; its own queries ask for their token.
    let query_channel = tls_channel(query.addr.port(), &cert)
        .await
        .expect("TLS handshake");
    let mut open_client = QueryServiceClient::new(with_token(query_channel.clone(), None));
    let refused = open_client
        .get_replication_status(GetReplicationStatusRequest {})
        .await
        .expect_err("the query token is required when set");
    assert_eq!(refused.code(), Code::Unauthenticated);
    let mut client = QueryServiceClient::new(with_token(query_channel, Some(QUERY_TOKEN)));
    let watch = client
        .watch_records(from_the_start())
        .await
        .expect("watch opens")
        .into_inner();
    assert_eq!(first_sequence(watch).await.0, 1);

    // A certificate the client does not trust fails the handshake.
    let stranger = tempfile::tempdir().expect("temp dir");
    let (other_cert, _) = self_signed(stranger.path());
    assert!(tls_channel(ingest.addr.port(), &other_cert).await.is_err());

    query.stop().await;
    ingest.stop().await;
}

/// A watch of every record from the start of the log.
fn from_the_start() -> WatchRecordsRequest {
    WatchRecordsRequest {
        filter: None,
        after_sequence: Some(0),
    }
}

/// The sequence of a watch's first event, and the watch, still open.
async fn first_sequence(
    mut watch: tonic::Streaming<hoptac_api::v1::WatchRecordsResponse>,
) -> (u64, tonic::Streaming<hoptac_api::v1::WatchRecordsResponse>) {
    let first = tokio::time::timeout(PATIENCE, watch.message())
        .await
        .expect("the replica applies the change in time")
        .expect("healthy")
        .expect("an event");
    (first.sequence, watch)
}

/// GETs `/metrics` at `addr` and returns the body.
async fn scrape(addr: std::net::SocketAddr) -> String {
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connects");
    stream
        .write_all(b"GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .expect("request sent");
    let mut response = String::new();
    tokio::time::timeout(PATIENCE, stream.read_to_string(&mut response))
        .await
        .expect("answered in time")
        .expect("reads");
    let (head, body) = response.split_once("\r\n\r\n").expect("an HTTP response");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head.contains("application/openmetrics-text"), "{head}");
    body.to_string()
}

#[tokio::test]
async fn the_metrics_endpoints_count_articles_calls_and_replication() {
    let dir = tempfile::tempdir().expect("temp dir");
    let any: std::net::SocketAddr = "127.0.0.1:0".parse().expect("addr");
    let mut ingest_args = ingest_args(dir.path().join("ingest"), any);
    ingest_args.metrics_addr = Some(any);
    let ingest = start_ingest(ingest_args).await;
    let mut query_args = query_args(dir.path().join("query"), &ingest.url);
    query_args.metrics_addr = Some(any);
    let query = start_query(query_args).await;

    let mut client = IngestServiceClient::connect(ingest.url.clone())
        .await
        .expect("connects");
    for slug in ["hop-tac-hokkaido", "hop-tac-hokkaido-dang-lai"] {
        client
            .ingest_article(IngestArticleRequest {
                article: Some(article(slug)),
            })
            .await
            .expect("stored or duplicate");
    }
    let empty = client
        .ingest_article(IngestArticleRequest {
            article: Some(text_article("https://baoquangninh.vn/trong", "")),
        })
        .await
        .expect_err("an empty article is rejected");
    assert_eq!(empty.code(), Code::InvalidArgument);

    // The one watcher, open from the start of the log: its first event says the replica has
    // applied the article.
    let watch = query_client(&query)
        .await
        .watch_records(from_the_start())
        .await
        .expect("watch opens")
        .into_inner();
    let (_, _watch) = first_sequence(watch).await;

    let ingest_metrics = scrape(ingest.metrics.expect("metrics asked for")).await;
    for line in [
        "hoptac_ingest_articles_total{outcome=\"new\"} 1",
        "hoptac_ingest_articles_total{outcome=\"duplicate\"} 1",
        "hoptac_ingest_articles_total{outcome=\"rejected\"} 1",
        "hoptac_ingest_log_length 1",
        "hoptac_grpc_requests_total{method=\"/hoptac.v1.IngestService/IngestArticle\",code=\"OK\"} 2",
        "hoptac_grpc_requests_total{method=\"/hoptac.v1.IngestService/IngestArticle\",code=\"INVALID_ARGUMENT\"} 1",
        "hoptac_grpc_request_duration_seconds_count{method=\"/hoptac.v1.IngestService/IngestArticle\"} 3",
    ] {
        assert!(ingest_metrics.contains(line), "no `{line}` in\n{ingest_metrics}");
    }

    let query_metrics = scrape(query.metrics.expect("metrics asked for")).await;
    for line in [
        "hoptac_query_applied_sequence 1",
        "hoptac_query_upstream_head_sequence 1",
        "hoptac_query_replication_lag 0",
        "hoptac_query_connected 1",
        "hoptac_query_watchers 1",
    ] {
        assert!(
            query_metrics.contains(line),
            "no `{line}` in\n{query_metrics}"
        );
    }

    query.stop().await;
    ingest.stop().await;
}

/// Waits until the health service at `url` reports `want` for the whole server.
async fn health_becomes(url: &str, want: ServingStatus) {
    use tonic_health::pb::{health_client::HealthClient, HealthCheckRequest};
    let channel = tonic::transport::Endpoint::from_shared(url.to_string())
        .expect("url")
        .connect()
        .await
        .expect("connects");
    let mut health = HealthClient::new(channel);
    let mut statuses = health
        .watch(HealthCheckRequest {
            service: String::new(),
        })
        .await
        .expect("watch opens")
        .into_inner();
    tokio::time::timeout(PATIENCE, async {
        while let Some(status) = statuses.message().await.expect("watch healthy") {
            if status.status() == want {
                return;
            }
        }
        panic!("the health watch ended before {want:?}");
    })
    .await
    .unwrap_or_else(|_| panic!("health becomes {want:?} in time"));
}

#[tokio::test]
async fn a_replica_whose_ingest_token_is_refused_is_not_serving_until_it_is_fixed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ingest_flags = ingest_args(
        dir.path().join("ingest"),
        "127.0.0.1:0".parse().expect("addr"),
    );
    ingest_flags.token = Some(INGEST_TOKEN.into());
    let ingest = start_ingest(ingest_flags).await;

    let mut wrong = query_args(dir.path().join("query"), &ingest.url);
    wrong.ingest_token = Some("hop-tac-cu-2024".into());
    let query = start_query(wrong).await;
    health_becomes(&query.url, ServingStatus::NotServing).await;
    query.stop().await;

    let mut right = query_args(dir.path().join("query"), &ingest.url);
    right.ingest_token = Some(INGEST_TOKEN.into());
    let query = start_query(right).await;
    health_becomes(&query.url, ServingStatus::Serving).await;
    query.stop().await;
    ingest.stop().await;
}

/// A tmpfs mounted for as long as it lives, unmounted on drop.
struct Tmpfs(std::path::PathBuf);

impl Tmpfs {
    /// Mounts a tmpfs of `size` on `dir`; `None`, saying why, where this machine does not let
    /// the test mount one.
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .output();
        match mounted {
            Ok(out) if out.status.success() => Some(Tmpfs(dir.to_path_buf())),
            Ok(out) => {
                eprintln!(
                    "skipped: cannot mount a tmpfs here: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                );
                None
            }
            Err(err) => {
                eprintln!("skipped: cannot run mount: {err}");
                None
            }
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[tokio::test]
async fn on_a_full_disk_the_service_says_so_at_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let disk = dir.path().join("disk");
    std::fs::create_dir(&disk).expect("mkdir");
    let Some(_mounted) = Tmpfs::mount(&disk, "256k") else {
        return;
    };
    fill(&disk.join("du-lieu-cu.bin"));

    let data = disk.join("ingest");
    let out = tokio::time::timeout(
        PATIENCE,
        tokio::process::Command::new(env!("CARGO_BIN_EXE_hoptac"))
            .args(["ingest", "serve", "--listen", "127.0.0.1:0", "--data-dir"])
            .arg(&data)
            .output(),
    )
    .await
    .expect("exits in time")
    .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "cannot serve from a full disk");
    assert!(stderr.contains("the disk is full"), "{stderr}");
    assert!(!stderr.contains("another hoptac-ingest"), "{stderr}");
}

/// Ingests the `n`th article of a delegation visit.
async fn ingest_visit(
    client: &IngestServiceClient<Channel>,
    n: usize,
) -> Result<tonic::Response<hoptac_api::v1::IngestArticleResponse>, tonic::Status> {
    client
        .clone()
        .ingest_article(IngestArticleRequest {
            article: Some(text_article(
                &format!("https://baoquangninh.vn/doan-hokkaido-{n}"),
                &visit_article(n),
            )),
        })
        .await
}

/// Writes to `path` until the disk is full; the file's last write is refused for lack of space.
fn fill(path: &Path) {
    use std::io::Write;
    let mut filler = std::fs::File::create(path).expect("creates");
    while filler
        .write_all(&[0x5a; 64 * 1024])
        .and_then(|()| filler.flush())
        .is_ok()
    {}
}

#[tokio::test]
async fn a_disk_that_fills_while_serving_refuses_writes_keeps_reads_and_recovers_once_freed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let disk = dir.path().join("disk");
    std::fs::create_dir(&disk).expect("mkdir");
    let Some(_mounted) = Tmpfs::mount(&disk, "32m") else {
        return;
    };
    let ingest = start_ingest(ingest_args(
        disk.join("ingest"),
        "127.0.0.1:0".parse().expect("addr"),
    ))
    .await;
    let query = start_query(query_args(dir.path().join("query"), &ingest.url)).await;
    let mut client = IngestServiceClient::connect(ingest.url.clone())
        .await
        .expect("connects");
    let mut replica = query_client(&query).await;
    let first = ingest_visit(&client, 1).await.expect("stored");
    assert_eq!(first.into_inner().sequence, 1);
    let mut feed = changes(&mut client, 0).await;
    assert_eq!(next_change(&mut feed).await.sequence, 1);

    fill(&disk.join("ban-sao-luu.bin"));
    // Articles already in flight when the disk filled may still fit; one soon does not.
    let mut stored = 1;
    let refusal = loop {
        match ingest_visit(&client, stored + 1).await {
            Ok(answer) => {
                stored += 1;
                assert_eq!(answer.into_inner().sequence, stored as u64);
                assert!(stored < 500, "a full disk keeps taking articles");
            }
            Err(status) => break status,
        }
    };
    assert_eq!(refusal.code(), Code::ResourceExhausted, "{refusal:?}");
    assert!(refusal.message().contains("disk is full"), "{refusal:?}");
    health_becomes(&ingest.url, ServingStatus::NotServing).await;
    let again = ingest_visit(&client, stored + 1)
        .await
        .expect_err("still full");
    assert_eq!(again.code(), Code::ResourceExhausted, "{again:?}");

    // Reads go on: a new changefeed replays what was stored, the open one stays open, and the
    // replica has all of it.
    let mut replay = changes(&mut client, 0).await;
    for sequence in 1..=stored as u64 {
        assert_eq!(next_change(&mut replay).await.sequence, sequence);
    }
    for sequence in 2..=stored as u64 {
        assert_eq!(next_change(&mut feed).await.sequence, sequence);
    }
    applied(&mut replica, stored as u64).await;

    std::fs::remove_file(disk.join("ban-sao-luu.bin")).expect("space freed");
    health_becomes(&ingest.url, ServingStatus::Serving).await;
    // The refused article is stored now, once: new, or a duplicate if its failed batch reached
    // the disk after all; either way it is the next entry of the changefeed that stayed open.
    let retried = ingest_visit(&client, stored + 1)
        .await
        .expect("stored once space is free")
        .into_inner();
    let next = next_change(&mut feed).await;
    assert_eq!(next.sequence, stored as u64 + 1);
    assert_eq!(retried.sequence, next.sequence);
    applied(&mut replica, next.sequence).await;

    query.stop().await;
    ingest.stop().await;
    let restarted = start_ingest(ingest_args(
        disk.join("ingest"),
        "127.0.0.1:0".parse().expect("addr"),
    ))
    .await;
    let mut client = IngestServiceClient::connect(restarted.url.clone())
        .await
        .expect("connects");
    let mut all = changes(&mut client, 0).await;
    for sequence in 1..=next.sequence {
        assert_eq!(next_change(&mut all).await.sequence, sequence);
    }
    restarted.stop().await;
}

#[tokio::test]
async fn a_replica_whose_disk_fills_answers_with_what_it_has_and_catches_up_once_freed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let disk = dir.path().join("disk");
    std::fs::create_dir(&disk).expect("mkdir");
    let Some(_mounted) = Tmpfs::mount(&disk, "32m") else {
        return;
    };
    let ingest = ingest(
        dir.path().join("ingest"),
        "127.0.0.1:0".parse().expect("addr"),
    )
    .await;
    let query = start_query(query_args(disk.join("query"), &ingest.url)).await;
    let mut client = IngestServiceClient::connect(ingest.url.clone())
        .await
        .expect("connects");
    let mut replica = query_client(&query).await;
    let ingest_one = |client: IngestServiceClient<Channel>, n: usize| async move {
        ingest_visit(&client, n)
            .await
            .expect("the ingest service has room")
            .into_inner()
            .sequence
    };
    let first = ingest_one(client.clone(), 1).await;
    applied(&mut replica, first).await;

    fill(&disk.join("ban-sao-luu.bin"));
    // Articles go on arriving until the replica cannot apply them.
    let writing = tokio::spawn({
        let client = client.clone();
        async move {
            for n in 2.. {
                ingest_one(client.clone(), n).await;
            }
        }
    });
    health_becomes(&query.url, ServingStatus::NotServing).await;
    writing.abort();
    let _ = writing.await;
    let head = ingest_one(client.clone(), 100_000).await;

    // It answers with what it has meanwhile.
    let status = replica
        .get_replication_status(GetReplicationStatusRequest {})
        .await
        .expect("status answered")
        .into_inner();
    assert!(status.applied_sequence < head, "{status:?}");
    let seen = visit_ids(&mut replica, Default::default()).await;
    assert!(!seen.is_empty());

    std::fs::remove_file(disk.join("ban-sao-luu.bin")).expect("space freed");
    health_becomes(&query.url, ServingStatus::Serving).await;
    applied(&mut replica, head).await;
    let mut feed = changes(&mut client, 0).await;
    let mut expected = Vec::new();
    for _ in 0..head {
        let change = next_change(&mut feed).await;
        expected.extend(
            change
                .extraction
                .expect("records")
                .visits
                .into_iter()
                .map(|v| v.id),
        );
    }
    let mut all = reports(&mut replica).await;
    all.sort();
    expected.sort();
    assert_eq!(all, expected, "every visit once, none lost");

    query.stop().await;
    ingest.stop().await;
}
