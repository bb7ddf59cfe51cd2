//! The command line: each subcommand of `hoptac-ingest`, also reachable from the `hoptac`
//! launcher.

use std::{fs, io::Write, path::Path, sync::Arc};

use anyhow::Context;
use hoptac_extract::{Body, Extractor, Input};
use indicatif::{ProgressBar, ProgressStyle};
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use crate::{
    config::{Cli, Command, ExtractArgs, ReextractArgs},
    convert, load,
    reextract::{self, Progress},
    server,
    store::{self, Database},
    writer::Writer,
};

/// Runs one parsed command line to completion.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => {
            hoptac_runtime::telemetry::init_tracing(cli.log_format);
            server::run(args).await
        }
        Command::Extract(args) => extract_files(&args),
        Command::Load(args) => load::run(&args).await,
        Command::Reextract(args) => reextract_stored(&args).await,
        Command::Healthcheck(args) => {
            hoptac_runtime::health::healthcheck(&args.to, &args.tls).await
        }
    }
}

/// Prints one line of proto3 JSON `hoptac.v1.Extraction` per readable file, in order; reports
/// each unreadable file on stderr and goes on, failing at the end if there was one.
fn extract_files(args: &ExtractArgs) -> anyhow::Result<()> {
    let extractor = Extractor::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut unreadable = 0;
    for file in &args.files {
        let text = match read_text(file) {
            Ok(text) => text,
            Err(err) => {
                out.flush()?;
                eprintln!("hoptac-ingest: skipped {}: {err:#}", file.display());
                unreadable += 1;
                continue;
            }
        };
        let body = if is_html_path(file) {
            Body::Html(&text)
        } else {
            Body::Text(&text)
        };
        let found = extractor.extract(&Input {
            body,
            title: "",
            published_on: None,
        });
        let url = format!("file://{}", file.display());
        let json = serde_json::to_string(&convert::extraction(&found, &url, "", None))?;
        writeln!(out, "{json}")?;
    }
    out.flush()?;
    anyhow::ensure!(
        unreadable == 0,
        "{unreadable} of {} files could not be read",
        args.files.len()
    );
    Ok(())
}

/// A file's text: a page in the charset it declares (see `hoptac_extract::html::decode`), plain
/// text in UTF-8.
pub fn read_text(file: &Path) -> anyhow::Result<String> {
    let raw = fs::read(file).context("cannot read it")?;
    if is_html_path(file) {
        return Ok(hoptac_extract::html::decode(&raw));
    }
    String::from_utf8(raw).context("it is not UTF-8 text")
}

/// Re-extracts the database in `args.data_dir` in place, with a progress bar; Ctrl-C stops
/// between chunks, keeping what is done.
async fn reextract_stored(args: &ReextractArgs) -> anyhow::Result<()> {
    let dir = &args.data_dir;
    if !dir.is_dir() {
        anyhow::bail!("{} is not a hoptac-ingest data directory", dir.display());
    }
    let db = Arc::new(Database::open(dir, args.cache_mib << 20).with_context(|| {
        format!(
            "cannot open the database in {} (if hoptac-ingest is serving it, call \
             IngestService/ReextractArticles on the running service instead)",
            dir.display()
        )
    })?);
    let (writer, writer_task) = Writer::spawn(db.clone())?;
    let shutdown = CancellationToken::new();
    tokio::spawn(hoptac_runtime::shutdown::cancel_on_signal(shutdown.clone()));

    let (progress, mut watching) = watch::channel(Progress::default());
    let bar = ProgressBar::new(0).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed} ({eta} left) {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let drawing = {
        let bar = bar.clone();
        tokio::spawn(async move {
            while watching.changed().await.is_ok() {
                let now = *watching.borrow_and_update();
                bar.set_length(now.total);
                bar.set_position(now.examined);
                bar.set_message(format!("{} changed", now.changed));
            }
        })
    };
    let outcome = reextract::run(
        db.clone(),
        writer,
        Arc::new(Extractor::new()),
        &progress,
        &shutdown,
    )
    .await;
    drop(progress);
    let _ = drawing.await;
    bar.finish_and_clear();
    // Every handle is gone: the writer drains and stops; then make sure all of it is on disk.
    writer_task.await.context("the writer failed")?;
    let store = store::current(&db)?;
    store.flush().await?;
    let tally = outcome?;
    println!(
        "re-extracted {} articles: {} changed, {} unchanged; log head is now {}",
        tally.examined,
        tally.changed,
        tally.examined - tally.changed,
        store.head()?
    );
    Ok(())
}

/// Whether a file is read as HTML rather than plain text.
pub fn is_html_path(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("html" | "htm" | "shtml" | "xhtml")
    )
}
