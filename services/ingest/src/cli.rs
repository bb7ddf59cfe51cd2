//! The command line: each subcommand of `hoptac-ingest`, also reachable from the `hoptac`
//! launcher.

use std::{fs, io::Write, path::Path};

use anyhow::Context;
use hoptac_extract::{Body, Extractor, Input};

use crate::{
    config::{Cli, Command, ExtractArgs},
    convert, load, server,
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
        Command::Healthcheck(args) => hoptac_runtime::health::healthcheck(&args.to).await,
    }
}

/// Prints one line of proto3 JSON `hoptac.v1.Extraction` per file, in order.
fn extract_files(args: &ExtractArgs) -> anyhow::Result<()> {
    let extractor = Extractor::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for file in &args.files {
        let raw = fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        let text = String::from_utf8(raw)
            .with_context(|| format!("{} is not UTF-8 text", file.display()))?;
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
    Ok(())
}

/// Whether a file is read as HTML rather than plain text.
pub fn is_html_path(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("html" | "htm")
    )
}
