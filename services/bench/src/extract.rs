//! Extraction throughput on one thread, and how it compares with the floor any gazetteer
//! matcher pays: one Aho-Corasick pass of every place-name pattern over the same text.
use std::{hint::black_box, time::Instant};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use hoptac_extract::{Body, Extractor, Input};
use serde::Serialize;

use crate::{median, Corpus, Figure, MB};

/// The share of the corpus (by articles) run once before timing, so that lazily built tables,
/// the allocator's pools and the caches are warm when the clock starts.
const WARM_UP_SHARE: f64 = 0.1;

/// Figures of the extraction benchmark; the field names are the figures' names.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractFigures {
    /// Megabytes (10^6 bytes) of article text extracted per second, median pass, one thread.
    pub extract_mb_s: f64,
    /// Articles extracted per second, same pass.
    pub extract_articles_s: f64,
    /// `extract_mb_s` over `scan_mb_s`: the share of the bare gazetteer scan's speed that
    /// extraction keeps (1 would be extraction as fast as its first matching pass alone).
    pub extract_vs_scan: f64,
    /// Megabytes per second of the bare scan: every gazetteer place-name pattern, lowercased,
    /// in one leftmost-longest Aho-Corasick DFA over the lowercased text, median pass.
    pub scan_mb_s: f64,
    /// Agreements and visits found in one pass: shows the corpus drives the event stages.
    pub extract_records: usize,
    /// Timed passes over the corpus; the figures are from the median one.
    pub extract_passes: usize,
}

impl ExtractFigures {
    /// The figures as table rows, in the order a reader wants them.
    pub fn figures(&self) -> Vec<Figure> {
        vec![
            Figure::new(
                "extract_mb_s",
                self.extract_mb_s,
                "MB/s",
                "article text through Extractor::extract, one thread",
            ),
            Figure::new(
                "extract_articles_s",
                self.extract_articles_s,
                "articles/s",
                "articles through Extractor::extract, one thread",
            ),
            Figure::new(
                "scan_mb_s",
                self.scan_mb_s,
                "MB/s",
                "bare Aho-Corasick scan of every place-name pattern",
            ),
            Figure::new(
                "extract_vs_scan",
                self.extract_vs_scan,
                "ratio",
                "extract_mb_s / scan_mb_s (ceiling 1)",
            ),
            Figure::new(
                "extract_records",
                self.extract_records as f64,
                "records",
                "agreements + visits found in the corpus",
            ),
        ]
    }
}

/// Times `Extractor::extract` and the bare scan over every article, `passes` times each after
/// a warm-up, on the calling thread.
pub fn run(corpus: &Corpus, passes: usize) -> ExtractFigures {
    let passes = passes.max(1);
    let articles = &corpus.articles;
    let warm = ((articles.len() as f64 * WARM_UP_SHARE).ceil() as usize).min(articles.len());
    let extractor = Extractor::new();

    for a in &articles[..warm] {
        black_box(extractor.extract(&input(&a.text)));
    }
    let mut records = 0;
    let mut extract_secs = Vec::with_capacity(passes);
    for _ in 0..passes {
        records = 0;
        let start = Instant::now();
        for a in articles {
            let x = black_box(extractor.extract(&input(&a.text)));
            records += x.agreements.len() + x.visits.len();
        }
        extract_secs.push(start.elapsed().as_secs_f64());
    }

    // The scan's patterns and text are lowercased before the clock starts: the floor is the
    // automaton's pass alone.
    let scanner = scanner(extractor.gazetteer().surfaces().iter().map(|(s, _)| s));
    let lowered: Vec<String> = articles.iter().map(|a| a.text.to_lowercase()).collect();
    let lowered_bytes: usize = lowered.iter().map(String::len).sum();
    for t in &lowered[..warm] {
        black_box(scanner.find_iter(t).count());
    }
    let mut scan_secs = Vec::with_capacity(passes);
    for _ in 0..passes {
        let start = Instant::now();
        for t in &lowered {
            black_box(scanner.find_iter(black_box(t.as_str())).count());
        }
        scan_secs.push(start.elapsed().as_secs_f64());
    }

    let extract_s = median(extract_secs);
    let scan_mb_s = lowered_bytes as f64 / MB / median(scan_secs);
    let extract_mb_s = corpus.corpus_bytes as f64 / MB / extract_s;
    ExtractFigures {
        extract_mb_s,
        extract_articles_s: articles.len() as f64 / extract_s,
        extract_vs_scan: extract_mb_s / scan_mb_s,
        scan_mb_s,
        extract_records: records,
        extract_passes: passes,
    }
}

/// An article as the ingest service hands it over: text only, title and date found in it.
fn input(text: &str) -> Input<'_> {
    Input {
        body: Body::Text(text),
        title: "",
        published_on: None,
    }
}

/// One automaton over every pattern, lowercased: leftmost-longest as a gazetteer matcher wants
/// (the longest name at a position wins) and a DFA, the fastest search the crate offers.
fn scanner<'a>(patterns: impl Iterator<Item = &'a String>) -> AhoCorasick {
    let mut lowered: Vec<String> = patterns.map(|p| p.to_lowercase()).collect();
    lowered.sort();
    lowered.dedup();
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&lowered)
        .unwrap_or_else(|e| panic!("the gazetteer's patterns do not build an automaton: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_figure_is_measured_and_named() {
        let corpus = Corpus::generate(1, 0.05);
        let f = run(&corpus, 1);
        assert_eq!(f.extract_passes, 1);
        assert!(f.extract_records > 0);
        for fig in f.figures() {
            assert!(fig.value.is_finite() && fig.value > 0.0, "{fig:?}");
        }
        let json = serde_json::to_value(&f).expect("serializes");
        for fig in f.figures() {
            assert!(
                json.get(&fig.name).is_some(),
                "{} not in the JSON",
                fig.name
            );
        }
        for name in ["extract_mb_s", "extract_articles_s", "extract_vs_scan"] {
            assert!(json[name].as_f64().is_some_and(|x| x > 0.0), "{name}");
        }
    }

    #[test]
    fn the_scanner_prefers_the_longest_name() {
        let s = scanner(["Thái Bình".to_string(), "Thái Bình Dương".to_string()].iter());
        let found: Vec<_> = s
            .find_iter("châu á - thái bình dương")
            .map(|m| m.pattern().as_usize())
            .collect();
        assert_eq!(found.len(), 1);
    }
}
