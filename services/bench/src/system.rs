//! The whole system under load, in the order a deployment lives it: articles arrive (ingest),
//! the store fills to its working size (memory is read there), then callers read it back
//! (streams, gets), watch it (freshness), and finally larger stores show how cost grows.

use std::sync::Arc;

use serde::Serialize;

use crate::{
    error::{Error, Result},
    fresh::{self, FreshFigures},
    growth::{self, GrowthFigures},
    ingest::{self, IngestFigures, Sizes},
    load::{self, Articles, Mode},
    query::{self, QueryFigures},
    services::{Launcher, Pair},
    Corpus, Figure, Progress,
};

/// How much work each part does.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Articles per ingest run and for the sled loop.
    pub ingest: Sizes,
    /// Records the store is filled to before reading and memory are measured.
    pub fill_records: usize,
    /// GetAgreement calls.
    pub gets: usize,
    /// Articles timed for freshness.
    pub fresh_samples: usize,
    /// Store sizes of the growth part: (label, records).
    pub growth_levels: Vec<(&'static str, usize)>,
    /// New articles sent at each growth level.
    pub growth_ingest: usize,
}

impl Plan {
    /// The full run.
    pub fn full() -> Self {
        Plan {
            ingest: Sizes {
                per_run: [300, 1500, 3000],
                sled_articles: 3000,
            },
            fill_records: 100_000,
            gets: 30_000,
            fresh_samples: 300,
            growth_levels: vec![("10k", 10_000), ("100k", 100_000), ("1m", 1_000_000)],
            growth_ingest: 2000,
        }
    }

    /// A smoke test: every part runs and every figure is printed, on a hundredth of the data.
    pub fn quick() -> Self {
        Plan {
            ingest: Sizes {
                per_run: [20, 64, 128],
                sled_articles: 128,
            },
            fill_records: 1_000,
            gets: 640,
            fresh_samples: 20,
            growth_levels: vec![("10k", 100), ("100k", 1_000), ("1m", 10_000)],
            growth_ingest: 64,
        }
    }
}

/// RSS of both services once the store holds the working set.
#[derive(Debug, Clone, Serialize)]
pub struct MemoryFigures {
    /// Records the store held.
    pub rss_records: usize,
    /// sled's page cache of each service (`--cache-mib`).
    pub cache_mib: u64,
    /// Resident memory of the ingest service (MiB).
    pub rss_ingest_mib: f64,
    /// Resident memory of the query service (MiB).
    pub rss_query_mib: f64,
}

impl MemoryFigures {
    /// The figures as table rows.
    pub fn figures(&self) -> Vec<Figure> {
        let f = Figure::new;
        vec![
            f(
                "rss_ingest_mib",
                self.rss_ingest_mib,
                "MiB",
                "ingest service RSS after loading the records",
            ),
            f(
                "rss_query_mib",
                self.rss_query_mib,
                "MiB",
                "query service RSS after applying them",
            ),
        ]
    }
}

/// Every figure of the system parts.
#[derive(Debug, Clone)]
pub struct SystemFigures {
    /// Durable ingest.
    pub ingest: IngestFigures,
    /// Memory after the fill.
    pub memory: MemoryFigures,
    /// Streams and gets.
    pub query: QueryFigures,
    /// Ack to watch.
    pub fresh: FreshFigures,
    /// 10 k, 100 k, 1 M.
    pub growth: GrowthFigures,
}

/// Runs every system part with `launcher`'s services on `corpus`.
pub async fn run(
    launcher: &Launcher,
    corpus: &Corpus,
    plan: &Plan,
    progress: &Progress,
) -> Result<SystemFigures> {
    let articles = Arc::new(Articles::new(corpus));
    if articles.base_count() == 0 {
        return Err(Error::Unexpected(
            "no corpus article yields a record".into(),
        ));
    }
    let pair = Pair::start(launcher, tempfile::tempdir()?).await?;
    let (ingest, mut head, mut records) =
        ingest::run(&pair, &articles, plan.ingest, launcher.cache_mib, progress).await?;

    // Fill the store to its working size with the fastest sender, 64 streams.
    let bar = progress.bar(plan.fill_records as u64, "filling the store");
    bar.inc_by(records as u64);
    while records < plan.fill_records {
        let per_article = (records as f64 / head.max(1) as f64).max(0.5);
        let wanted = ((plan.fill_records - records) as f64 / per_article).ceil() as usize;
        let sent = load::send(
            &pair.ingest.url,
            &articles,
            64,
            Mode::Stream,
            wanted.max(64),
            Arc::new(|| {}),
        )
        .await?;
        bar.inc_by(sent.records as u64);
        records += sent.records;
        head = head.max(sent.last_sequence);
    }
    bar.finish();
    pair.caught_up(head, std::time::Duration::from_secs(300))
        .await?;
    let memory = MemoryFigures {
        rss_records: records,
        cache_mib: launcher.cache_mib,
        rss_ingest_mib: pair.ingest.rss_mib()?,
        rss_query_mib: pair.query.rss_mib()?,
    };

    let all = query::stream_all(&pair.query.url, None, true).await?;
    let filter = query::busiest_country(&pair.query.url).await?;
    let place = filter.places.join(",");
    let filtered = query::stream_all(&pair.query.url, Some(filter), false).await?;
    let bare = query::bare_stream(&all).await?;
    let ids: Vec<String> = all
        .agreements
        .iter()
        .filter_map(|m| m.agreement.as_ref().map(|a| a.id.clone()))
        .collect();
    let (get_req_s, gets) = query::get_agreements(&pair.query.url, &ids, plan.gets).await?;
    let query = QueryFigures {
        stream_records: all.records(),
        stream_rec_s: all.per_second(),
        stream_filter_place: place,
        stream_filtered_records: filtered.records(),
        stream_filtered_rec_s: filtered.per_second(),
        bare_stream_rec_s: bare,
        stream_vs_bare: all.per_second() / bare,
        get_req_s,
        get_p50_ms: gets.percentile(50.0),
        get_p99_ms: gets.percentile(99.0),
    };
    drop(all);
    let fresh = fresh::run(&pair, &articles, plan.fresh_samples, progress).await?;
    drop(pair);

    let bases = growth::extractions(&articles, articles.base_count().min(2000))?;
    let growth = growth::run(
        launcher,
        &articles,
        &bases,
        &plan.growth_levels,
        plan.growth_ingest,
        progress,
    )
    .await?;
    Ok(SystemFigures {
        ingest,
        memory,
        query,
        fresh,
        growth,
    })
}
