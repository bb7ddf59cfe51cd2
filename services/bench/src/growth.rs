//! How cost grows with data: the same ingest and stream figures over stores that already hold
//! 10 k, 100 k and 1 M records. Per record they should stay flat — streams are range scans,
//! writes touch only their own keys — and a reader sees here whether they do.
//!
//! The stores are filled directly through the ingest service's own `Store` before it starts
//! (extracting a million records' worth of articles would take most of the run): copies of the
//! corpus articles' extractions under new ids, several articles' records per copy and only the
//! first bytes of the text, which the figures measured here never read. Each pass over the
//! corpus dates its copies a year later, so that a store of N records holds N events, as N
//! distinct reports would give, rather than a few events reported by hundreds of copies.

use std::{sync::Arc, time::Duration};

use hoptac_api::v1::Extraction;
use hoptac_extract::Extractor;
use hoptac_ingest::{
    input,
    store::{Pending, Store},
};
use serde_json::{Map, Value};

use crate::{
    error::{Error, Result},
    load::{self, Articles, Mode},
    query,
    services::{Launcher, Pair},
    Figure, Progress,
};

/// Corpus articles whose records one prefilled article carries.
const PACK: usize = 4;
/// Bytes of text a prefilled article keeps.
const TEXT_BYTES: usize = 400;
/// Prefilled articles per transaction.
const PREFILL_BATCH: usize = 512;
/// Longest wait for a replica to apply a prefilled store.
const REPLICATION: Duration = Duration::from_secs(600);
/// Concurrent clients of the ingest run at each level.
const CLIENTS: usize = 64;

/// The figures at one store size.
#[derive(Debug, Clone)]
pub struct Level {
    /// Its name in the figures' names (`10k`).
    pub label: &'static str,
    /// Records the store held.
    pub records: usize,
    /// Records/s the replica applied while catching up with the prefilled log.
    pub replicate_rec_s: f64,
    /// Records/s of unfiltered streams over every record.
    pub stream_rec_s: f64,
    /// Matching records/s with the place filter.
    pub filtered_rec_s: f64,
    /// Articles/s of 64 streaming clients adding to the store.
    pub ingest_art_s: f64,
}

/// Figures of the growth benchmark, one [`Level`] per store size.
#[derive(Debug, Clone)]
pub struct GrowthFigures {
    /// The levels, smallest first.
    pub levels: Vec<Level>,
}

impl GrowthFigures {
    /// The figures as table rows.
    pub fn figures(&self) -> Vec<Figure> {
        self.levels
            .iter()
            .flat_map(|l| {
                let name = |what: &str| format!("growth_{}_{what}", l.label);
                [
                    Figure::new(
                        name("stream_rec_s"),
                        l.stream_rec_s,
                        "records/s",
                        "unfiltered streams over every record",
                    ),
                    Figure::new(
                        name("filtered_rec_s"),
                        l.filtered_rec_s,
                        "records/s",
                        "place-filtered streams (matches/s)",
                    ),
                    Figure::new(
                        name("ingest_art_s"),
                        l.ingest_art_s,
                        "articles/s",
                        "64 IngestArticles streams adding to it",
                    ),
                    Figure::new(
                        name("replicate_rec_s"),
                        l.replicate_rec_s,
                        "records/s",
                        "a new replica applying the whole log",
                    ),
                ]
            })
            .collect()
    }

    /// The figures and each level's record count as JSON fields.
    pub fn json(&self) -> Map<String, Value> {
        let mut all = Map::new();
        for l in &self.levels {
            all.insert(format!("growth_{}_records", l.label), l.records.into());
        }
        for f in self.figures() {
            all.insert(f.name.clone(), f.value.into());
        }
        all
    }
}

/// Measures each level: `(label, records)` pairs, smallest first; `ingest_articles` new articles
/// sent at each.
pub async fn run(
    launcher: &Launcher,
    corpus_articles: &Arc<Articles>,
    bases: &[Extraction],
    levels: &[(&'static str, usize)],
    ingest_articles: usize,
    progress: &Progress,
) -> Result<GrowthFigures> {
    let bases: Arc<Vec<Extraction>> = Arc::new(bases.to_vec());
    let mut measured = Vec::with_capacity(levels.len());
    for &(label, records) in levels {
        let dir = tempfile::tempdir()?;
        let store_dir = Pair::ingest_dir(dir.path());
        let bar = progress.bar(
            records as u64,
            &format!("growth {label}: filling the store"),
        );
        let ticker = bar.ticker_by();
        let (material, cache) = (bases.clone(), launcher.cache_mib);
        let (head, written) = tokio::task::spawn_blocking(move || {
            prefill(&store_dir, cache, &material, records, &*ticker)
        })
        .await
        .map_err(|e| Error::Unexpected(format!("prefill failed: {e}")))??;
        bar.finish();

        let pair = Pair::start(launcher, dir).await?;
        let spinner = progress.bar(0, &format!("growth {label}: replica catching up"));
        let took = pair.caught_up(head, REPLICATION).await?;
        spinner.finish();
        let all = query::stream_all(&pair.query.url, None, false).await?;
        let filter = query::busiest_country(&pair.query.url).await?;
        let filtered = query::stream_all(&pair.query.url, Some(filter), false).await?;
        let bar = progress.bar(ingest_articles as u64, &format!("growth {label}: ingest"));
        let sent = load::send(
            &pair.ingest.url,
            corpus_articles,
            CLIENTS,
            Mode::Stream,
            ingest_articles,
            bar.ticker(),
        )
        .await?;
        bar.finish();
        measured.push(Level {
            label,
            records: written,
            replicate_rec_s: written as f64 / took.as_secs_f64(),
            stream_rec_s: all.per_second(),
            filtered_rec_s: filtered.per_second(),
            ingest_art_s: sent.per_second(),
        });
    }
    Ok(GrowthFigures { levels: measured })
}

/// The corpus articles' extractions, the ingest service's way: the material of prefilled stores.
pub fn extractions(articles: &Articles, count: usize) -> Result<Vec<Extraction>> {
    let extractor = Extractor::new();
    (0..count)
        .map(|_| {
            let submission = input::check(Some(articles.next()), usize::MAX)?;
            Ok(submission.extract(&extractor, None)?)
        })
        .collect()
}

/// Writes articles holding at least `records` records into a new ingest store at `dir`;
/// returns its head sequence and the records written.
fn prefill(
    dir: &std::path::Path,
    cache_mib: u64,
    bases: &[Extraction],
    records: usize,
    tick: &(dyn Fn(u64) + Send + Sync),
) -> Result<(u64, usize)> {
    let store = Store::open(dir, cache_mib * 1024 * 1024)?;
    let mut written = 0;
    let mut copy = 0usize;
    let mut head = 0;
    while written < records {
        let mut batch = Vec::with_capacity(PREFILL_BATCH);
        while batch.len() < PREFILL_BATCH && written < records {
            let packed = packed_copy(bases, copy);
            copy += 1;
            let n = packed.agreements.len() + packed.visits.len();
            written += n;
            tick(n as u64);
            batch.push(Pending {
                article: packed.article.clone().unwrap_or_default(),
                extraction: packed,
                input: None,
                replaces: false,
            });
        }
        for stored in store.write(&batch)? {
            if let hoptac_ingest::store::Written::New(seq) = stored.written {
                head = head.max(seq);
            }
        }
    }
    futures::executor::block_on(store.flush())?;
    Ok((head, written))
}

/// Copy number `n`: the records of [`PACK`] consecutive base extractions under a new article id.
fn packed_copy(bases: &[Extraction], n: usize) -> Extraction {
    let first = &bases[(n * PACK) % bases.len()];
    let mut article = first.article.clone().unwrap_or_default();
    let id = format!("{}-copy{n}", article.id);
    article.id = id.clone();
    let cut = (0..=TEXT_BYTES.min(article.text.len()))
        .rev()
        .find(|&i| article.text.is_char_boundary(i))
        .unwrap_or(0);
    article.text.truncate(cut);
    let mut out = Extraction {
        article: Some(article),
        ..Default::default()
    };
    for k in 0..PACK {
        let base = &bases[(n * PACK + k) % bases.len()];
        out.agreements.extend(base.agreements.iter().cloned());
        out.visits.extend(base.visits.iter().cloned());
    }
    let pass = i32::try_from(n * PACK / bases.len()).unwrap_or(i32::MAX);
    let later = |date: &mut Option<hoptac_api::v1::PartialDate>| {
        if let Some(d) = date.as_mut().filter(|d| d.year > 0) {
            d.year = d.year.saturating_add(pass);
        }
    };
    let article = out.article.clone().unwrap_or_default();
    for (i, a) in out.agreements.iter_mut().enumerate() {
        a.id = format!("{id}-a{}", i + 1);
        if let Some(e) = a.evidence.as_mut() {
            e.article_id = id.clone();
        }
        later(&mut a.signed_on);
        a.mentions = vec![hoptac_resolve::Mention::entry(
            &a.id,
            &article,
            a.evidence.as_ref(),
        )];
    }
    for (i, v) in out.visits.iter_mut().enumerate() {
        v.id = format!("{id}-v{}", i + 1);
        if let Some(e) = v.evidence.as_mut() {
            e.article_id = id.clone();
        }
        later(&mut v.start);
        later(&mut v.end);
        v.mentions = vec![hoptac_resolve::Mention::entry(
            &v.id,
            &article,
            v.evidence.as_ref(),
        )];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Corpus;

    #[test]
    fn copies_have_their_own_ids_and_the_bases_records() {
        let corpus = Corpus::generate(5, 0.03);
        let articles = Articles::new(&corpus);
        let bases = extractions(&articles, 6).expect("extracts");
        let a = packed_copy(&bases, 0);
        let b = packed_copy(&bases, 1);
        let ids = |x: &Extraction| -> Vec<String> {
            x.agreements
                .iter()
                .map(|r| r.id.clone())
                .chain(x.visits.iter().map(|r| r.id.clone()))
                .collect()
        };
        let expected: usize = bases[..PACK]
            .iter()
            .map(|x| x.agreements.len() + x.visits.len())
            .sum();
        assert_eq!(ids(&a).len(), expected);
        assert!(ids(&a)
            .iter()
            .all(|i| i.starts_with(&a.article.as_ref().expect("article").id)));
        assert!(ids(&a).iter().all(|i| !ids(&b).contains(i)));
        assert!(a.article.as_ref().expect("article").text.len() <= TEXT_BYTES);
        let a_id = &a.article.as_ref().expect("article").id;
        assert!(a.visits.iter().all(|v| v.mentions[0].article_id == *a_id));
        // Copy 3 carries the records of copy 0, two passes over the six bases later.
        let c = packed_copy(&bases, 3);
        let years = |x: &Extraction| -> Vec<i32> {
            x.agreements
                .iter()
                .filter_map(|r| r.signed_on.map(|d| d.year))
                .chain(x.visits.iter().filter_map(|r| r.start.map(|d| d.year)))
                .filter(|&y| y > 0)
                .collect()
        };
        assert!(!years(&a).is_empty());
        assert_eq!(
            years(&c),
            years(&a).iter().map(|y| y + 2).collect::<Vec<_>>()
        );

        let dir = tempfile::tempdir().expect("temp dir");
        let (head, written) = prefill(dir.path(), 8, &bases, 50, &|_| {}).expect("fills");
        assert!(written >= 50);
        let store = Store::open(dir.path(), 8 << 20).expect("opens");
        assert_eq!(store.head().expect("head"), head);
        assert_eq!(store.article_count() as u64, head);
    }
}
