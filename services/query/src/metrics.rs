//! The query service's own Prometheus metrics, read at scrape time from the state the follower
//! and the watchers already keep: how far the replica has followed, how far behind it is, and
//! how many WatchRecords streams are open. The per-call counts and latencies come from
//! `hoptac_runtime::metrics`.

use std::sync::Arc;

use hoptac_runtime::metrics::{Collector, ConstGauge, DescriptorEncoder, EncodeMetric, Registry};
use tokio::sync::broadcast;

use crate::{follow::Replication, store::Applied};

/// Replication progress and watchers, encoded on each scrape.
#[derive(Debug)]
struct ReplicaCollector {
    replication: Arc<Replication>,
    events: broadcast::Sender<Arc<Applied>>,
}

/// Registers `query_applied_sequence`, `query_upstream_head_sequence`,
/// `query_replication_lag`, `query_connected` and `query_watchers` in `registry`.
pub fn register(
    registry: &mut Registry,
    replication: Arc<Replication>,
    events: broadcast::Sender<Arc<Applied>>,
) {
    registry.register_collector(Box::new(ReplicaCollector {
        replication,
        events,
    }));
}

impl Collector for ReplicaCollector {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let applied = self.replication.applied();
        let head = self.replication.upstream_head().max(applied);
        let gauges = [
            (
                "query_applied_sequence",
                "The last changefeed sequence applied to this replica",
                applied,
            ),
            (
                "query_upstream_head_sequence",
                "The newest sequence the ingest service has reported",
                head,
            ),
            (
                "query_replication_lag",
                "Changes the ingest service has logged that this replica has not applied yet",
                head - applied,
            ),
            (
                "query_connected",
                "1 while the replica's changefeed to the ingest service is open, else 0",
                u64::from(self.replication.connected()),
            ),
            (
                "query_watchers",
                "Open WatchRecords streams",
                self.events.receiver_count() as u64,
            ),
        ];
        for (name, help, value) in gauges {
            let gauge = ConstGauge::new(i64::try_from(value).unwrap_or(i64::MAX));
            let metric = encoder.encode_descriptor(name, help, None, gauge.metric_type())?;
            gauge.encode(metric)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watchers_are_the_open_receivers_and_lag_never_goes_negative() {
        let mut registry = Registry::with_prefix("hoptac");
        let (events, _first) = broadcast::channel(4);
        let _second = events.subscribe();
        register(&mut registry, Arc::new(Replication::default()), events);
        let text = hoptac_runtime::metrics::render(&registry).expect("encodes");
        assert!(text.contains("hoptac_query_watchers 2"), "{text}");
        assert!(text.contains("hoptac_query_replication_lag 0"), "{text}");
        assert!(
            text.contains("# TYPE hoptac_query_applied_sequence gauge"),
            "{text}"
        );
    }
}
