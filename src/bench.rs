//! `hoptac bench`: figures of hoptac measured on a generated corpus, printed as a table or as one
//! JSON object. Each measured part of the system is one section: extraction in this process,
//! then ingest, memory, queries, freshness and growth against both services started as child
//! processes of this same executable (`hoptac ingest serve`, `hoptac query serve`).

use std::io::{self, Write};

use anyhow::Context;
use clap::Args;
use hoptac_bench::{
    extract,
    machine::Machine,
    services::Launcher,
    system::{self, Plan, SystemFigures},
    Corpus, Figure, Progress, MB,
};
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
    /// sled's page cache of each service in MiB (their `--cache-mib`): it bounds most of the
    /// memory the RSS figures report.
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    cache_mib: u64,
    /// Measure extraction only: no services are started.
    #[arg(long)]
    extraction_only: bool,
}

/// Measures, then prints the report.
pub async fn run(args: BenchArgs) -> anyhow::Result<()> {
    let report = Report::measure(&args).await?;
    let mut out = io::stdout().lock();
    if args.json {
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
    async fn measure(args: &BenchArgs) -> anyhow::Result<Self> {
        let mb = args
            .corpus_mb
            .unwrap_or(if args.quick { QUICK_MB } else { FULL_MB });
        let passes = if args.quick { 1 } else { FULL_PASSES };
        let seed = args.seed;
        // Extraction is CPU-bound and timed on one thread: give it a thread of its own, off the
        // async workers.
        let (corpus, extraction) = tokio::task::spawn_blocking(move || {
            let corpus = Corpus::generate(seed, f64::from(mb));
            let extraction = extract::run(&corpus, passes);
            (corpus, extraction)
        })
        .await
        .context("the extraction benchmark failed")?;
        let mut sections = vec![Section {
            title: "extraction",
            figures: extraction.figures(),
            json: serde_json::to_value(&extraction)?,
        }];
        if !args.extraction_only {
            let launcher = Launcher {
                program: std::env::current_exe()
                    .context("cannot find this executable to start the services with")?,
                cache_mib: args.cache_mib,
            };
            let plan = if args.quick {
                Plan::quick()
            } else {
                Plan::full()
            };
            let figures = system::run(&launcher, &corpus, &plan, &Progress::new(true))
                .await
                .context("the system benchmark failed")?;
            sections.extend(system_sections(figures)?);
        }
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
            "corpus: {:.1} MB in {} articles (seed {}); extraction: median of {} timed pass{} after a warm-up, one thread{}",
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
                    f.name.clone(),
                    number(f.value),
                    f.unit.to_string(),
                    f.meaning.to_string(),
                ])?;
            }
        }
        table.flush()
    }
}

/// The system figures as sections, in the order they were measured.
fn system_sections(f: SystemFigures) -> anyhow::Result<Vec<Section>> {
    Ok(vec![
        Section {
            title: "ingest",
            figures: f.ingest.figures(),
            json: serde_json::to_value(&f.ingest)?,
        },
        Section {
            title: "memory",
            figures: f.memory.figures(),
            json: serde_json::to_value(&f.memory)?,
        },
        Section {
            title: "query",
            figures: f.query.figures(),
            json: serde_json::to_value(&f.query)?,
        },
        Section {
            title: "freshness",
            figures: f.fresh.figures(),
            json: serde_json::to_value(&f.fresh)?,
        },
        Section {
            title: "growth",
            figures: f.growth.figures(),
            json: Value::Object(f.growth.json()),
        },
    ])
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
                    .any(|l| l.starts_with("extraction") && l.contains(f.name.as_str())),
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
