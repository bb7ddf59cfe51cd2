//! Benchmarks of hoptac. Each part ([`extract`], [`ingest`], [`query`], [`fresh`], [`growth`],
//! run together by [`system`]) returns its figures as a struct whose serialized field names are
//! the figures' names (growth names them per store size); `hoptac bench` prints every part as
//! one section of a table and all of them as one JSON object.
//!
//! Extraction runs in this process on one thread; everything else runs against the two services
//! started as child processes ([`services`]), driven by clients in this process over loopback.
#![warn(missing_docs)]

pub mod error;
pub mod extract;
pub mod fresh;
pub mod growth;
pub mod ingest;
pub mod load;
pub mod machine;
pub mod query;
pub mod services;
pub mod system;

use std::sync::Arc;

use hoptac_corpus::GeneratedArticle;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

/// Bytes in a megabyte of the figures: decimal, as throughput is usually given.
pub const MB: f64 = 1e6;

/// One figure as a table row shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Its name, the same as in the JSON object.
    pub name: String,
    /// The measured value.
    pub value: f64,
    /// Its unit.
    pub unit: &'static str,
    /// What it measures, in a few words.
    pub meaning: &'static str,
}

impl Figure {
    /// A figure.
    pub fn new(
        name: impl Into<String>,
        value: f64,
        unit: &'static str,
        meaning: &'static str,
    ) -> Self {
        Figure {
            name: name.into(),
            value,
            unit,
            meaning,
        }
    }
}

/// The articles a benchmark runs on, with what made them.
#[derive(Debug, Clone, Serialize)]
pub struct Corpus {
    /// The articles, in order.
    #[serde(skip)]
    pub articles: Vec<GeneratedArticle>,
    /// The seed they were generated from.
    pub corpus_seed: u64,
    /// How many there are.
    pub corpus_articles: usize,
    /// Their text in bytes.
    pub corpus_bytes: usize,
}

impl Corpus {
    /// The deterministic corpus for `seed` of at least `megabytes` MB.
    pub fn generate(seed: u64, megabytes: f64) -> Self {
        let articles = hoptac_corpus::generate(seed, (megabytes * MB) as usize);
        Corpus {
            corpus_seed: seed,
            corpus_articles: articles.len(),
            corpus_bytes: articles.iter().map(|a| a.text.len()).sum(),
            articles,
        }
    }
}

/// The median of some durations in seconds (the upper middle one for an even count): robust to
/// a pass slowed by another process, unlike the mean, and not flattered by luck, unlike the best.
pub fn median(mut seconds: Vec<f64>) -> f64 {
    seconds.sort_by(f64::total_cmp);
    seconds.get(seconds.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Progress bars on stderr for the long parts of a run; hidden when stderr is not a terminal
/// or when asked to be quiet.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    shown: bool,
}

impl Progress {
    /// Bars shown (on a terminal) or never.
    pub fn new(shown: bool) -> Self {
        Progress { shown }
    }

    /// A bar of `len` steps (a spinner when 0) named `what`.
    pub fn bar(&self, len: u64, what: &str) -> Bar {
        if !self.shown {
            return Bar(ProgressBar::hidden());
        }
        let bar = if len == 0 {
            ProgressBar::new_spinner()
        } else {
            ProgressBar::new(len)
        };
        let style = ProgressStyle::with_template(
            "{msg:40} [{elapsed_precise}] {wide_bar} {human_pos}/{human_len} ({per_sec})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_message(what.to_string());
        if len == 0 {
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
        }
        Bar(bar)
    }
}

/// One progress bar; cheap to clone into the tasks that advance it.
#[derive(Debug, Clone)]
pub struct Bar(ProgressBar);

impl Bar {
    /// One step done.
    pub fn inc(&self) {
        self.0.inc(1);
    }

    /// `n` steps done.
    pub fn inc_by(&self, n: u64) {
        self.0.inc(n);
    }

    /// A callback that counts one step, for code that knows nothing of bars.
    pub fn ticker(&self) -> Arc<dyn Fn() + Send + Sync> {
        let bar = self.0.clone();
        Arc::new(move || bar.inc(1))
    }

    /// A callback that counts several steps.
    pub fn ticker_by(&self) -> Arc<dyn Fn(u64) + Send + Sync> {
        let bar = self.0.clone();
        Arc::new(move |n| bar.inc(n))
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_takes_the_middle_pass() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![5.0]), 5.0);
        assert!(median(Vec::new()).is_nan());
    }

    #[test]
    fn corpus_counts_what_it_holds() {
        let c = Corpus::generate(1, 0.05);
        assert_eq!(c.corpus_articles, c.articles.len());
        assert!(c.corpus_bytes >= 50_000);
        let json = serde_json::to_value(&c).expect("serializes");
        assert_eq!(json["corpus_seed"], 1);
        assert!(json.get("articles").is_none());
    }
}
