//! `hoptac-corpus`: writes a synthetic corpus of Vietnamese cooperation news to a directory.

use std::{fs, io::ErrorKind, path::PathBuf, process::ExitCode};

use anyhow::{bail, Context, Result};
use clap::Parser;

/// Bytes in the megabyte of `--mb`: decimal, as throughput figures count them.
const MB: usize = 1_000_000;

/// Writes a deterministic corpus of synthetic Vietnamese news articles about subnational
/// international cooperation — signings, delegations, plans, anniversaries, economic filler,
/// with the captions, related-news lists and navigation of real news pages — one .txt file per
/// article, for benchmarking and exercising the hoptac extractor.
///
/// The same --seed and --mb always give the same files. Places come from the extractor's
/// gazetteer, so every province, foreign region and city it knows can appear.
#[derive(Debug, Parser)]
#[command(name = "hoptac-corpus", version)]
struct Cli {
    /// Directory to write into; created if missing, refused if not empty (nothing is overwritten).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Size of the corpus in megabytes (10^6 bytes of text); the last article may go past it.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    mb: u32,
    /// Seed of the corpus: another seed gives other articles of the same kinds.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn run(cli: &Cli) -> Result<()> {
    match fs::read_dir(&cli.out) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                bail!(
                    "{} is not empty; give an empty or new directory",
                    cli.out.display()
                );
            }
        }
        Err(e) if e.kind() == ErrorKind::NotFound => fs::create_dir_all(&cli.out)
            .with_context(|| format!("cannot create {}", cli.out.display()))?,
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", cli.out.display())),
    }
    let articles = hoptac_corpus::generate(cli.seed, cli.mb as usize * MB);
    let mut bytes = 0;
    for a in &articles {
        let path = cli.out.join(format!("{}.txt", a.name));
        fs::write(&path, &a.text).with_context(|| format!("cannot write {}", path.display()))?;
        bytes += a.text.len();
    }
    println!(
        "wrote {} articles, {bytes} bytes (seed {}) to {}",
        articles.len(),
        cli.seed,
        cli.out.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run(&Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("hoptac-corpus: {err:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn writes_one_file_per_article_and_refuses_a_non_empty_directory() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("corpus");
        let cli = Cli {
            out: out.clone(),
            mb: 1,
            seed: 5,
        };
        run(&cli).expect("first run writes");
        let files: Vec<_> = fs::read_dir(&out).expect("written").collect();
        assert_eq!(files.len(), hoptac_corpus::generate(5, MB).len());
        let err = run(&cli).expect_err("second run refuses");
        assert!(err.to_string().contains("not empty"), "{err}");
    }
}
