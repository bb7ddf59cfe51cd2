//! Benchmarks of hoptac. Each module measures one part on a generated [`Corpus`] and returns
//! its figures as a serializable struct whose field names are the figures' names; `hoptac
//! bench` prints every part as one section of a table and all of them as one JSON object.
#![warn(missing_docs)]

pub mod extract;
pub mod machine;

use hoptac_corpus::GeneratedArticle;
use serde::Serialize;

/// Bytes in a megabyte of the figures: decimal, as throughput is usually given.
pub const MB: f64 = 1e6;

/// One figure as a table row shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Its name, the same as in the JSON object.
    pub name: &'static str,
    /// The measured value.
    pub value: f64,
    /// Its unit.
    pub unit: &'static str,
    /// What it measures, in a few words.
    pub meaning: &'static str,
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
