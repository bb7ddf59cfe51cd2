//! `hoptac-ingest load`: streams article files into a running service over `IngestArticles`,
//! with a progress bar, and reports new, duplicate and rejected articles.

use std::{
    collections::VecDeque,
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
};

use anyhow::Context;
use hoptac_api::v1::{
    article_input::Body, ingest_service_client::IngestServiceClient, ArticleInput,
    IngestArticlesRequest, IngestOutcome,
};
use indicatif::{ProgressBar, ProgressStyle};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use hoptac_runtime::auth::BearerToken;

use crate::{cli::is_html_path, config::LoadArgs};

/// What a load did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Articles stored for the first time.
    pub new: usize,
    /// Articles whose text was already stored.
    pub duplicates: usize,
    /// Files refused, with the reason.
    pub rejected: Vec<(PathBuf, String)>,
    /// The highest log sequence among the answers (new or duplicate).
    pub last_sequence: u64,
}

impl Report {
    /// Prints the tally and each rejection's reason on stdout.
    pub fn print(&self, files: usize) {
        println!(
            "{files} files: {} new, {} duplicates, {} rejected",
            self.new,
            self.duplicates,
            self.rejected.len()
        );
        for (path, reason) in &self.rejected {
            println!("  rejected {}: {reason}", path.display());
        }
    }
}

/// Runs `load` and prints its report; fails when any file was rejected.
pub async fn run(args: &LoadArgs) -> anyhow::Result<()> {
    let files = article_files(&args.paths)?;
    anyhow::ensure!(
        !files.is_empty(),
        "no article files (.txt, .html, .htm) under the given paths"
    );
    let report = load(&files, args).await?;
    report.print(files.len());
    anyhow::ensure!(
        report.rejected.is_empty(),
        "{} files were rejected",
        report.rejected.len()
    );
    Ok(())
}

/// Every article file under `paths`, folders walked recursively, in a stable (sorted) order.
/// A file named explicitly is taken whatever its extension.
pub fn article_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let meta =
            std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        if meta.is_dir() {
            walk(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            walk(&path, files)?;
        } else if is_html_path(&path) || path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    Ok(())
}

/// Streams `files` to the service and tallies its answers.
pub async fn load(files: &[PathBuf], args: &LoadArgs) -> anyhow::Result<Report> {
    let channel = args
        .tls
        .endpoint(&args.to)?
        .connect()
        .await
        .with_context(|| format!("cannot connect to {}", args.to))?;
    let mut client =
        IngestServiceClient::with_interceptor(channel, BearerToken::new(args.token.as_deref())?)
            .max_decoding_message_size(64 << 20);

    let progress = ProgressBar::new(files.len() as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed} ({eta} left) {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut report = Report::default();
    // Files sent, in order: the service answers in request order, so each answer is the front's.
    let in_flight = Arc::new(Mutex::new(VecDeque::new()));
    let (requests, outgoing) = mpsc::channel(64);
    let reader = tokio::spawn({
        let files = files.to_vec();
        let in_flight = in_flight.clone();
        let source = args.source.clone();
        async move {
            let mut unreadable = Vec::new();
            for path in files {
                let article = match read_article(&path, &source).await {
                    Ok(article) => article,
                    Err(err) => {
                        unreadable.push((path, format!("{err:#}")));
                        continue;
                    }
                };
                lock(&in_flight).push_back(path);
                if requests
                    .send(IngestArticlesRequest {
                        article: Some(article),
                    })
                    .await
                    .is_err()
                {
                    break;
                }
            }
            unreadable
        }
    });

    let mut answers = client
        .ingest_articles(ReceiverStream::new(outgoing))
        .await
        .context("the service refused the stream")?
        .into_inner();
    while let Some(answer) = answers.message().await.context("the stream broke")? {
        let path = lock(&in_flight).pop_front().unwrap_or_default();
        report.last_sequence = report.last_sequence.max(answer.sequence);
        match answer.outcome() {
            IngestOutcome::New => report.new += 1,
            IngestOutcome::Duplicate => report.duplicates += 1,
            _ => {
                let reason = answer
                    .rejection
                    .map(|r| r.message)
                    .unwrap_or_else(|| "rejected".into());
                report.rejected.push((path, reason));
            }
        }
        progress.inc(1);
    }
    for (path, reason) in reader.await.context("reading the files failed")? {
        report.rejected.push((path, reason));
        progress.inc(1);
    }
    progress.finish_and_clear();
    Ok(report)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic elsewhere while holding the lock leaves a usable queue: recover it.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

async fn read_article(path: &Path, source: &str) -> anyhow::Result<ArticleInput> {
    let bytes = tokio::fs::read(path)
        .await
        .context("cannot read the file")?;
    let text = String::from_utf8(bytes).context("the file is not UTF-8 text")?;
    let body = if is_html_path(path) {
        Body::Html(text)
    } else {
        Body::Text(text)
    };
    Ok(ArticleInput {
        url: format!("file://{}", path.display()),
        source: source.to_string(),
        body: Some(body),
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_for_article_files_in_sorted_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let sub = dir.path().join("2023");
        std::fs::create_dir(&sub).expect("mkdir");
        for name in ["b.txt", "a.html", "notes.md"] {
            std::fs::write(dir.path().join(name), "Hà Nội").expect("write");
        }
        std::fs::write(sub.join("c.htm"), "<p>Fukuoka</p>").expect("write");
        let files = article_files(&[dir.path().to_path_buf()]).expect("lists");
        let names: Vec<_> = files
            .iter()
            .map(|p| {
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["c.htm", "a.html", "b.txt"]);
    }

    #[test]
    fn a_missing_path_is_an_error_naming_it() {
        let err = article_files(&[PathBuf::from("/no/such/bao-hanoimoi")]).expect_err("fails");
        assert!(format!("{err:#}").contains("bao-hanoimoi"));
    }
}
