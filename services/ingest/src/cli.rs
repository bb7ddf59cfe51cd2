//! The command line: each subcommand of `hoptac-ingest`, also reachable from the `hoptac`
//! launcher.

use std::{fs, io::Write, path::Path};

use anyhow::Context;
use hoptac_extract::{Body, Extractor, Input};

use crate::{
    config::{Cli, Command, ExtractArgs, LogFormat},
    convert, load, server,
};

/// Runs one parsed command line to completion.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => {
            init_tracing(cli.log_format);
            server::run(args).await
        }
        Command::Extract(args) => extract_files(&args),
        Command::Load(args) => load::run(&args).await,
        Command::Healthcheck(args) => server::healthcheck(&args.to).await,
    }
}

/// Sets up `tracing` on stderr, filtered by `RUST_LOG` (default `info`).
pub fn init_tracing(format: LogFormat) {
    use tracing_subscriber::{fmt, EnvFilter};
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    // A second initialisation (tests, the all-in-one launcher) keeps the first subscriber.
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
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
