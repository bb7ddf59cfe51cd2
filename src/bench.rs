//! `hoptac bench`: figures of hoptac measured on a generated corpus, printed as a table or as one
//! JSON object. Each measured part of the system is one section — for now extraction; durable
//! ingest, query streaming, freshness and memory are further sections of the same report, their
//! figures further rows of the table and further fields of the JSON object.

use std::io::{self, Write};

use anyhow::Context;
use clap::Args;
use hoptac_bench::{extract, machine::Machine, Corpus, Figure, MB};
use serde_json::{Map, Value};

use crate::table::Table;

/// Corpus of a full run, in MB: enough that a pass takes seconds and timer noise vanishes.
const FULL_MB: u32 = 10;
/// Corpus of a `--quick` run, in MB: a smoke test that finishes in about a second.
const QUICK_MB: u32 = 1;
/// Timed passes of a full run; figures come from the median one.
const FULL_PASSES: usize = 3;

/// Flags of `hoptac bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Small corpus and one timed pass: checks the benchmark runs (CI), figures not comparable.
    #[arg(long)]
    quick: bool,
    /// Print one JSON object with every figure by name instead of the table.
    #[arg(long)]
    json: bool,
    /// Size of the generated corpus in MB (10^6 bytes) [default: 10, or 1 with --quick].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    corpus_mb: Option<u32>,
    /// Seed of the generated corpus: the same seed and size give the same articles.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// Measures, then prints the report.
pub async fn run(args: BenchArgs) -> anyhow::Result<()> {
    let json = args.json;
    // The work is CPU-bound and timed on one thread: give it a thread of its own, off the
    // async workers.
    let report = tokio::task::spawn_blocking(move || Report::measure(&args))
        .await
        .context("the benchmark thread failed")??;
    let mut out = io::stdout().lock();
    if json {
        writeln!(out, "{}", report.json())?;
    } else {
        report.write_table(&mut out)?;
    }
    Ok(())
}

/// One measured part of the system: its rows in the table and its fields in the JSON object.
struct Section {
    title: &'static str,
    figures: Vec<Figure>,
    json: Value,
}

struct Report {
    machine: Machine,
    corpus: Corpus,
    passes: usize,
    quick: bool,
    sections: Vec<Section>,
}

impl Report {
    fn measure(args: &BenchArgs) -> anyhow::Result<Self> {
        let mb = args
            .corpus_mb
            .unwrap_or(if args.quick { QUICK_MB } else { FULL_MB });
        let passes = if args.quick { 1 } else { FULL_PASSES };
        let corpus = Corpus::generate(args.seed, f64::from(mb));
        let extraction = extract::run(&corpus, passes);
        let sections = vec![Section {
            title: "extraction",
            figures: extraction.figures(),
            json: serde_json::to_value(&extraction)?,
        }];
        Ok(Report {
            machine: Machine::detect(),
            corpus,
            passes,
            quick: args.quick,
            sections,
        })
    }

    /// Every figure and the run's context as the fields of one flat object, so that a script
    /// reads `.extract_mb_s` without knowing the sections.
    fn json(&self) -> Value {
        let context = [
            serde_json::to_value(&self.machine),
            serde_json::to_value(&self.corpus),
        ];
        let mut all = Map::new();
        all.insert("quick".to_string(), Value::Bool(self.quick));
        let parts = context
            .into_iter()
            .filter_map(Result::ok)
            .chain(self.sections.iter().map(|s| s.json.clone()));
        for part in parts {
            if let Value::Object(fields) = part {
                all.extend(fields);
            }
        }
        Value::Object(all)
    }

    fn write_table(&self, out: &mut impl Write) -> io::Result<()> {
        let m = &self.machine;
        writeln!(
            out,
            "machine: {}, {} cores, {} MiB memory",
            m.cpu, m.cores, m.memory_mib
        )?;
        writeln!(
            out,
            "corpus: {:.1} MB in {} articles (seed {}); median of {} timed pass{} after a warm-up, one thread{}",
            self.corpus.corpus_bytes as f64 / MB,
            self.corpus.corpus_articles,
            self.corpus.corpus_seed,
            self.passes,
            if self.passes == 1 { "" } else { "es" },
            if self.quick {
                " (--quick: a smoke test, not a measurement)"
            } else {
                ""
            }
        )?;
        writeln!(out)?;
        let mut table = Table::new(
            &mut *out,
            &["SECTION", "FIGURE", "VALUE", "UNIT", "WHAT IT MEASURES"],
        )
        .align_right(2);
        for section in &self.sections {
            for f in &section.figures {
                table.push(vec![
                    section.title.to_string(),
                    f.name.to_string(),
                    number(f.value),
                    f.unit.to_string(),
                    f.meaning.to_string(),
                ])?;
            }
        }
        table.flush()
    }
}

/// Three significant digits or so: more would be noise between runs.
fn number(value: f64) -> String {
    match value.abs() {
        v if v >= 100.0 => format!("{value:.0}"),
        v if v >= 10.0 => format!("{value:.1}"),
        v if v >= 1.0 => format!("{value:.2}"),
        _ => format!("{value:.4}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        let corpus = Corpus::generate(1, 0.02);
        let extraction = extract::run(&corpus, 1);
        Report {
            machine: Machine {
                cpu: "Test CPU".to_string(),
                cores: 2,
                memory_mib: 4096,
            },
            corpus,
            passes: 1,
            quick: true,
            sections: vec![Section {
                title: "extraction",
                figures: extraction.figures(),
                json: serde_json::to_value(&extraction).expect("serializes"),
            }],
        }
    }

    #[test]
    fn the_table_has_the_machine_the_corpus_and_a_row_per_figure() {
        let r = report();
        let mut out = Vec::new();
        r.write_table(&mut out).expect("writes");
        let text = String::from_utf8(out).expect("UTF-8");
        assert!(text.starts_with("machine: Test CPU, 2 cores, 4096 MiB memory\ncorpus: "));
        assert!(text.contains("median of 1 timed pass after a warm-up"));
        for f in &r.sections[0].figures {
            assert!(
                text.lines()
                    .any(|l| l.starts_with("extraction") && l.contains(f.name)),
                "{}",
                f.name
            );
        }
    }

    #[test]
    fn the_json_object_is_flat() {
        let v = report().json();
        for name in [
            "cpu",
            "cores",
            "corpus_bytes",
            "extract_mb_s",
            "extract_vs_scan",
        ] {
            assert!(v.get(name).is_some(), "{name} in {v}");
        }
        assert_eq!(v["quick"], true);
    }

    #[test]
    fn numbers_keep_about_three_digits() {
        assert_eq!(number(1234.4), "1234");
        assert_eq!(number(12.345), "12.3");
        assert_eq!(number(1.2345), "1.23");
        assert_eq!(number(0.012345), "0.0123");
    }
}
