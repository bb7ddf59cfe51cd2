//! Test harness: the real `hoptac` binary as a child process on an ephemeral port with a temp
//! data dir, and a gRPC client to it. Waits on events (the "listening on" line, process exit),
//! never on sleeps.

#![allow(dead_code)] // Each test binary uses its own part of the harness.

use std::{path::Path, process::Stdio, time::Duration};

pub mod pair;
pub mod standin;

use hoptac_api::v1::{
    article_input::Body, ingest_service_client::IngestServiceClient, ArticleInput,
    IngestArticlesRequest, IngestArticlesResponse, StreamChangesRequest, StreamChangesResponse,
};
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
};
use tonic::transport::Channel;

/// Longest wait for a process to start or stop: generous, it only bounds a hung test.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// A running `hoptac ingest serve` (or, started with [`Ingest::spawn_until`], another service).
pub struct Ingest {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    log: std::path::PathBuf,
    stdout: tokio::io::Lines<BufReader<tokio::process::ChildStdout>>,
}

impl Ingest {
    /// Starts the service on `data_dir` with extra flags and waits until it listens.
    pub async fn start(data_dir: &Path, extra: &[&str]) -> Ingest {
        let data = data_dir.to_str().expect("UTF-8 path");
        let mut args = vec![
            "ingest",
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            data,
        ];
        args.extend_from_slice(extra);
        Self::spawn(data_dir.with_extension("log"), &args).await
    }

    /// Runs `hoptac ARGS...` (which must start an ingest service) and waits until it listens;
    /// its stderr goes to `log`, shown if the test fails.
    pub async fn spawn(log: std::path::PathBuf, args: &[&str]) -> Ingest {
        Self::spawn_until(log, args, "hoptac-ingest listening on ").await
    }

    /// Runs `hoptac ARGS...`, a service of either kind, and waits for the line starting with
    /// `listening` that gives its address.
    pub async fn spawn_until(log: std::path::PathBuf, args: &[&str], listening: &str) -> Ingest {
        let stderr = std::fs::File::create(&log).expect("log file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_hoptac"))
            .args(args)
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .kill_on_drop(true)
            .spawn()
            .expect("hoptac starts");
        let stdout = child.stdout.take().expect("stdout piped");
        let mut lines = BufReader::new(stdout).lines();
        let addr = tokio::time::timeout(PATIENCE, async {
            while let Some(line) = lines.next_line().await.expect("reads stdout") {
                if let Some(addr) = line.strip_prefix(listening) {
                    return addr.to_string();
                }
            }
            panic!(
                "hoptac exited before listening:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            )
        })
        .await
        .expect("hoptac listens in time");
        Ingest {
            child,
            url: format!("http://{addr}"),
            addr,
            log,
            stdout: lines,
        }
    }

    /// Reads the process's stdout up to and including the first line containing `needle`.
    pub async fn stdout_until(&mut self, needle: &str) -> Vec<String> {
        let mut seen = Vec::new();
        tokio::time::timeout(PATIENCE, async {
            while let Some(line) = self.stdout.next_line().await.expect("reads stdout") {
                let done = line.contains(needle);
                seen.push(line);
                if done {
                    return;
                }
            }
            panic!("stdout ended before `{needle}`: {seen:?}");
        })
        .await
        .expect("the line appears in time");
        seen
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id().expect("running")
    }

    /// A client without credentials.
    pub async fn client(&self) -> IngestServiceClient<Channel> {
        IngestServiceClient::connect(self.url.clone())
            .await
            .expect("connects")
    }

    /// Sends SIGKILL: no chance to flush or clean up.
    pub async fn kill(mut self) {
        self.child.kill().await.expect("killed");
    }

    /// Sends SIGTERM and waits for the process to exit; returns whether it exited cleanly.
    pub async fn terminate(mut self) -> bool {
        let pid = self.child.id().expect("running");
        let status = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let exit = tokio::time::timeout(PATIENCE, self.child.wait())
            .await
            .expect("exits after SIGTERM without hanging")
            .expect("waits");
        exit.success()
    }
}

impl Drop for Ingest {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!(
                "--- hoptac log ---\n{}",
                std::fs::read_to_string(&self.log).unwrap_or_default()
            );
        }
    }
}

/// The five seed articles, in file-name order, as (file name, text).
pub fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds/ exists")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("seed is UTF-8"))
        })
        .collect()
}

/// An article with a plain-text body.
pub fn text_article(url: &str, text: &str) -> ArticleInput {
    ArticleInput {
        url: url.into(),
        body: Some(Body::Text(text.into())),
        ..Default::default()
    }
}

/// Streams `articles` over IngestArticles and collects every answer.
pub async fn ingest_all(
    client: &mut IngestServiceClient<Channel>,
    articles: Vec<ArticleInput>,
) -> Vec<IngestArticlesResponse> {
    let requests = articles
        .into_iter()
        .map(|a| IngestArticlesRequest { article: Some(a) });
    let mut answers = client
        .ingest_articles(tokio_stream::iter(requests))
        .await
        .expect("stream accepted")
        .into_inner();
    let mut all = Vec::new();
    while let Some(answer) = answers.message().await.expect("stream healthy") {
        all.push(answer);
    }
    all
}

/// Opens StreamChanges after `after`.
pub async fn changes(
    client: &mut IngestServiceClient<Channel>,
    after: u64,
) -> tonic::Streaming<StreamChangesResponse> {
    client
        .stream_changes(StreamChangesRequest {
            after_sequence: after,
        })
        .await
        .expect("changefeed opens")
        .into_inner()
}

/// The next change, failing the test if none arrives in time.
pub async fn next_change(
    stream: &mut tonic::Streaming<StreamChangesResponse>,
) -> StreamChangesResponse {
    tokio::time::timeout(PATIENCE, stream.message())
        .await
        .expect("a change arrives")
        .expect("stream healthy")
        .expect("stream still open")
}

/// A distinct, real-looking article about a delegation visit, numbered `n`.
pub fn visit_article(n: usize) -> String {
    // Each its own trip, on its own day, so that no two resolve into one event.
    let (day, month, year) = (n % 28 + 1, (n / 28) % 12 + 1, 1990 + (n / 336) % 100);
    format!(
        "Đoàn đại biểu tỉnh Hokkaido thăm và làm việc tại Quảng Ninh lần thứ {n}\n\
         Chiều {day}/{month}/{year}, tại thành phố Hạ Long, Chủ tịch UBND tỉnh Quảng Ninh đã tiếp \
         Đoàn đại biểu tỉnh Hokkaido (Nhật Bản) do Thống đốc tỉnh Hokkaido Suzuki Naomichi dẫn \
         đầu. Đây là chuyến thăm thứ {n} của đoàn trong năm.\n"
    )
}

/// `items` in an order drawn from `seed` (a Fisher–Yates shuffle driven by a 64-bit LCG: the
/// same seed, the same order, on every machine).
pub fn shuffled<T: Clone>(items: &[T], seed: u64) -> Vec<T> {
    let mut state = seed;
    let mut out = items.to_vec();
    for i in (1..out.len()).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = usize::try_from((state >> 33) % (i as u64 + 1)).unwrap_or(0);
        out.swap(i, j);
    }
    out
}
