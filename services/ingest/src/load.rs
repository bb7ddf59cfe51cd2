//! `hoptac-ingest load`: streams article files and manifest lines into a running service over
//! `IngestArticles`, with a progress bar, and reports what became of each: new, duplicate, or
//! rejected with the reason. A bad file is one rejection; the rest loads.

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

use crate::{
    cli::{is_html_path, read_text},
    config::LoadArgs,
    manifest,
};

/// One article to load: what names it in the report, its metadata, and where its body is.
#[derive(Debug, Clone)]
pub struct Item {
    /// The file, or `manifest.jsonl:LINE` for an inline body.
    pub name: String,
    /// Metadata, and the body when it is inline.
    pub article: ArticleInput,
    /// Where the body comes from.
    pub body: BodySource,
}

/// Where an item's body comes from.
#[derive(Debug, Clone)]
pub enum BodySource {
    /// A file, read as HTML or text by its extension.
    File(PathBuf),
    /// Already in the article.
    Inline,
    /// Nowhere: the manifest line is wrong, for this reason.
    Invalid(String),
}

/// What became of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The item's name.
    pub name: String,
    /// New, duplicate or rejected.
    pub outcome: IngestOutcome,
    /// The stored article's id (empty when rejected).
    pub article_id: String,
    /// The article's log sequence (0 when rejected).
    pub sequence: u64,
    /// Why it was rejected (empty otherwise).
    pub reason: String,
}

impl Outcome {
    fn rejected(name: String, reason: String) -> Outcome {
        Outcome {
            name,
            outcome: IngestOutcome::Rejected,
            article_id: String::new(),
            sequence: 0,
            reason,
        }
    }

    /// One line of JSON, for `--json`.
    pub fn json(&self) -> String {
        let outcome = match self.outcome {
            IngestOutcome::New => "new",
            IngestOutcome::Duplicate => "duplicate",
            _ => "rejected",
        };
        serde_json::json!({
            "name": self.name,
            "outcome": outcome,
            "article_id": self.article_id,
            "sequence": self.sequence,
            "reason": self.reason,
        })
        .to_string()
    }
}

/// What a load did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Articles stored for the first time.
    pub new: usize,
    /// Articles whose text was already stored.
    pub duplicates: usize,
    /// Items refused, by the service or before sending, with the reason.
    pub rejected: Vec<Outcome>,
    /// The highest log sequence among the answers (new or duplicate).
    pub last_sequence: u64,
}

impl Report {
    fn add(&mut self, outcome: Outcome) {
        self.last_sequence = self.last_sequence.max(outcome.sequence);
        match outcome.outcome {
            IngestOutcome::New => self.new += 1,
            IngestOutcome::Duplicate => self.duplicates += 1,
            _ => self.rejected.push(outcome),
        }
    }

    /// The tally and each rejection's reason, as printed at the end of a load.
    pub fn summary(&self, items: usize) -> String {
        let mut text = format!(
            "{items} articles: {} new, {} duplicates, {} rejected",
            self.new,
            self.duplicates,
            self.rejected.len()
        );
        for rejected in &self.rejected {
            text.push_str(&format!(
                "\n  rejected {}: {}",
                rejected.name, rejected.reason
            ));
        }
        text
    }
}

/// Runs `load` and prints its report (with `--json`, one line per item on stdout and the
/// summary on stderr); fails when any item was rejected.
pub async fn run(args: &LoadArgs) -> anyhow::Result<()> {
    let items = items(args)?;
    anyhow::ensure!(
        !items.is_empty(),
        "no articles: no .txt, .html, .htm or .shtml files under the given paths, and no \
         manifest lines"
    );
    let count = items.len();
    let json = args.json;
    let report = load(items, args, |outcome| {
        if json {
            println!("{}", outcome.json());
        }
    })
    .await?;
    if json {
        eprintln!("{}", report.summary(count));
    } else {
        println!("{}", report.summary(count));
    }
    anyhow::ensure!(
        report.rejected.is_empty(),
        "{} of {count} articles were rejected",
        report.rejected.len()
    );
    Ok(())
}

/// Every article `args` names: the files under its paths, then each manifest's lines.
pub fn items(args: &LoadArgs) -> anyhow::Result<Vec<Item>> {
    let mut items: Vec<Item> = article_files(&args.paths)?
        .into_iter()
        .map(file_item)
        .collect();
    for manifest in &args.manifests {
        let content = std::fs::read_to_string(manifest)
            .with_context(|| format!("cannot read the manifest {}", manifest.display()))?;
        let dir = manifest.parent().unwrap_or(Path::new("."));
        for (n, line) in content.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = format!("{}:{}", manifest.display(), n + 1);
            items.push(match manifest::entry(line, dir) {
                Ok(manifest::Entry {
                    article,
                    path: Some(path),
                }) => Item {
                    name: path.display().to_string(),
                    article,
                    body: BodySource::File(path),
                },
                Ok(manifest::Entry {
                    article,
                    path: None,
                }) => Item {
                    name: at,
                    article,
                    body: BodySource::Inline,
                },
                Err(reason) => Item {
                    name: at,
                    article: ArticleInput::default(),
                    body: BodySource::Invalid(reason),
                },
            });
        }
    }
    Ok(items)
}

/// An article file as an item.
pub fn file_item(path: PathBuf) -> Item {
    Item {
        name: path.display().to_string(),
        article: ArticleInput::default(),
        body: BodySource::File(path),
    }
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

/// Streams `items` to the service and tallies its answers, calling `each` with every item's
/// outcome as it is known.
pub async fn load(
    items: Vec<Item>,
    args: &LoadArgs,
    mut each: impl FnMut(&Outcome),
) -> anyhow::Result<Report> {
    let channel = args
        .tls
        .endpoint(&args.to)?
        .connect()
        .await
        .with_context(|| format!("cannot connect to {}", args.to))?;
    let mut client =
        IngestServiceClient::with_interceptor(channel, BearerToken::new(args.token.as_deref())?)
            .max_decoding_message_size(64 << 20)
            .max_encoding_message_size(usize::MAX);

    let progress = ProgressBar::new(items.len() as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed} ({eta} left) {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut report = Report::default();
    // Items sent, in order: the service answers in request order, so each answer is the front's.
    let in_flight = Arc::new(Mutex::new(VecDeque::new()));
    let (requests, outgoing) = mpsc::channel(64);
    let reader = tokio::spawn({
        let in_flight = in_flight.clone();
        let (source, max_bytes) = (args.source.clone(), args.max_file_bytes);
        async move {
            let mut unreadable = Vec::new();
            for item in items {
                let article = match read_article(&item, &source, max_bytes).await {
                    Ok(article) => article,
                    Err(reason) => {
                        unreadable.push(Outcome::rejected(item.name, reason));
                        continue;
                    }
                };
                lock(&in_flight).push_back(item.name);
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
        let name = lock(&in_flight).pop_front().unwrap_or_default();
        let outcome = match answer.outcome() {
            IngestOutcome::New | IngestOutcome::Duplicate => Outcome {
                name,
                outcome: answer.outcome(),
                article_id: answer.article_id,
                sequence: answer.sequence,
                reason: String::new(),
            },
            _ => Outcome::rejected(
                name,
                answer
                    .rejection
                    .map(|r| r.message)
                    .unwrap_or_else(|| "rejected".into()),
            ),
        };
        progress.suspend(|| each(&outcome));
        report.add(outcome);
        progress.inc(1);
    }
    for outcome in reader.await.context("reading the files failed")? {
        progress.suspend(|| each(&outcome));
        report.add(outcome);
        progress.inc(1);
    }
    progress.finish_and_clear();
    Ok(report)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic elsewhere while holding the lock leaves a usable queue: recover it.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The article to send for `item`, or why there is none. A body over `max_bytes` is refused
/// here, unread: sent, it would be over the service's transport limit and end the stream.
async fn read_article(item: &Item, source: &str, max_bytes: u64) -> Result<ArticleInput, String> {
    let mut article = item.article.clone();
    match &item.body {
        BodySource::Invalid(reason) => return Err(reason.clone()),
        BodySource::Inline => {
            let size = match &article.body {
                Some(Body::Text(t) | Body::Html(t)) => t.len() as u64,
                None => 0,
            };
            if size > max_bytes {
                return Err(too_large(size, max_bytes));
            }
        }
        BodySource::File(path) => {
            let size = tokio::fs::metadata(path)
                .await
                .map_err(|e| format!("cannot read the file: {e}"))?
                .len();
            if size > max_bytes {
                return Err(too_large(size, max_bytes));
            }
            let text = tokio::task::spawn_blocking({
                let path = path.clone();
                move || read_text(&path)
            })
            .await
            .map_err(|e| format!("cannot read the file: {e}"))?
            .map_err(|e| format!("{e:#}"))?;
            article.body = Some(if is_html_path(path) {
                Body::Html(text)
            } else {
                Body::Text(text)
            });
            if article.url.is_empty() {
                article.url = format!("file://{}", path.display());
            }
        }
    }
    if article.source.is_empty() {
        article.source = source.to_string();
    }
    Ok(article)
}

fn too_large(size: u64, max: u64) -> String {
    format!("the body is {size} bytes, over --max-file-bytes {max}")
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
        std::fs::write(sub.join("d.shtml"), "<p>Hokkaido</p>").expect("write");
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
        assert_eq!(names, ["c.htm", "d.shtml", "a.html", "b.txt"]);
    }

    #[test]
    fn a_missing_path_is_an_error_naming_it() {
        let err = article_files(&[PathBuf::from("/no/such/bao-hanoimoi")]).expect_err("fails");
        assert!(format!("{err:#}").contains("bao-hanoimoi"));
    }
}
