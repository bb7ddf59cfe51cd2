//! The ingest service's own Prometheus metrics: articles by outcome and the log's length. The
//! per-call counts and latencies come from `hoptac_runtime::metrics`.

use hoptac_runtime::metrics::{
    Collector, ConstGauge, Counter, DescriptorEncoder, EncodeMetric, Family, Registry,
};
use prometheus_client::encoding::EncodeLabelSet;
use tokio::sync::watch;

/// What became of a submitted article.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

/// Articles by outcome; the log's length is read from the writer at each scrape.
#[derive(Clone, Debug, Default)]
pub struct IngestMetrics {
    articles: Family<OutcomeLabels, Counter>,
}

/// The log's length, as the writer last made it durable.
#[derive(Debug)]
struct LogLength(watch::Receiver<u64>);

impl Collector for LogLength {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let head = *self.0.borrow();
        let gauge = ConstGauge::new(i64::try_from(head).unwrap_or(i64::MAX));
        let metric = encoder.encode_descriptor(
            "ingest_log_length",
            "Changes in the log: the sequence of the newest durable change",
            None,
            gauge.metric_type(),
        )?;
        gauge.encode(metric)
    }
}

impl IngestMetrics {
    /// Registers `ingest_articles_total{outcome}`, and `ingest_log_length` read from
    /// `durable` (the writer's durable head), in `registry`.
    pub fn register(registry: &mut Registry, durable: watch::Receiver<u64>) -> Self {
        let metrics = Self::default();
        registry.register(
            "ingest_articles",
            "Articles submitted, by outcome: new (stored and logged), duplicate (already \
             stored), rejected (invalid input)",
            metrics.articles.clone(),
        );
        registry.register_collector(Box::new(LogLength(durable)));
        metrics
    }

    /// Counts an article stored for the first time.
    pub fn new_article(&self) {
        self.count("new");
    }

    /// Counts an article that was already stored.
    pub fn duplicate(&self) {
        self.count("duplicate");
    }

    /// Counts an article refused for its content.
    pub fn rejected(&self) {
        self.count("rejected");
    }

    fn count(&self, outcome: &'static str) {
        self.articles
            .get_or_create(&OutcomeLabels { outcome })
            .inc();
    }
}
