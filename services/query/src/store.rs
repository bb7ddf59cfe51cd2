//! The replica's sled database.
//!
//! Trees:
//! - `articles`: article id → encoded `Article`;
//! - `records`: event id → encoded `Agreement` or `Visit` (the id tells which), the events
//!   every query serves;
//! - `index`: the secondary index entries of [`crate::index`], over events;
//! - `mentions`: record id → the record as its article read it (`{article}-a1`), for auditing;
//! - `by_article`: article id → its record ids, newline-separated;
//! - `keys`: every record filed under its key, one entry each, from which the key's events are
//!   resolved (see `hoptac_runtime::events`);
//! - `applied`: sequence (big-endian) → article id, the latest change applied per article, which
//!   watchers starting from a sequence read;
//! - `article_seq`: article id → the sequence under which it sits in `applied`;
//! - `meta`: `applied` → the last sequence applied; `layout` → this layout's number.
//!
//! A change is applied in one transaction with the new applied sequence, replacing every record
//! of its article and resolving again the events of every key its records had or have, so a
//! crash at any point leaves the replica at some applied sequence with exactly the records and
//! events the log up to it describes; the follower resumes from there. The replica resolves
//! events itself, with the same pure rule as the ingest service: a key's events are a function
//! of the records under it, so the same log gives the same events and ids. A change is read and
//! resolved before its transaction, which then only writes: one writer at a time, under the
//! store's write lock.
//!
//! The service reaches its store through a [`Database`], which the follower reopens after a
//! failed write (see `hoptac_runtime::storage`).

use std::{
    ops::Bound,
    path::Path,
    sync::{Arc, Mutex, PoisonError},
};

use hoptac_api::v1::{Article, EventChange, EventChangeKind, Extraction};
use hoptac_runtime::events::{self, Filing};
use prost::Message;
use sled::{
    transaction::{TransactionError, Transactional},
    Tree,
};

use crate::{
    error::Error,
    filter::Query,
    index::{self, Position},
    record::Record,
};

const APPLIED: &[u8] = b"applied";
const LAYOUT: &[u8] = b"layout";
/// Events, not one record per report, resolved from one entry per record under each key: a
/// database of an earlier layout is rebuilt from the log.
const CURRENT_LAYOUT: u64 = 3;

/// Runs blocking reads of the store off the async runtime, a few at a time: sled reads block,
/// and one blocking thread per open stream would let callers who open many streams make the
/// service start hundreds of threads.
#[derive(Clone)]
pub struct Reader {
    db: Arc<Database>,
    permits: Arc<tokio::sync::Semaphore>,
}

impl Reader {
    /// Reads `db` on at most one blocking thread per core at once.
    pub fn new(db: Arc<Database>) -> Self {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Self {
            db,
            permits: Arc::new(tokio::sync::Semaphore::new(cores)),
        }
    }

    /// The store as it is now, for reads that do not block (one key).
    pub fn store(&self) -> Result<Arc<Store>, Error> {
        current(&self.db)
    }

    /// Runs `read` on a blocking thread once one is free.
    pub async fn read<T: Send + 'static>(
        &self,
        read: impl FnOnce(&Store) -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Error> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| Error::Corrupt(format!("the read pool is closed: {e}")))?;
        let store = self.store()?;
        tokio::task::spawn_blocking(move || read(&store))
            .await
            .map_err(|e| Error::Corrupt(format!("a read task failed: {e}")))?
    }
}

/// What applying one change did: its sequence and the events it created or altered.
#[derive(Debug, Clone)]
pub struct Applied {
    /// The change's log sequence.
    pub sequence: u64,
    /// Each event the change touched, as the change left it.
    pub events: Vec<Touched>,
}

/// One event a change touched.
#[derive(Debug, Clone)]
pub struct Touched {
    /// What the change did to it.
    pub kind: EventChangeKind,
    /// The event after the change; for a removed one, before it.
    pub event: Record,
    /// Its former ids (see `EventChange.previous_ids`).
    pub previous_ids: Vec<String>,
}

impl Touched {
    fn from_change(change: EventChange) -> Option<Touched> {
        let kind = change.kind();
        let event = match change.event? {
            hoptac_api::v1::event_change::Event::Agreement(a) => Record::Agreement(a),
            hoptac_api::v1::event_change::Event::Visit(v) => Record::Visit(v),
        };
        Some(Touched {
            kind,
            event,
            previous_ids: change.previous_ids,
        })
    }
}

/// The replica's [`Store`] as it is now, reopened after a failed write.
pub type Database = hoptac_runtime::storage::Database<Store>;

/// The store [`Database`] holds now, or [`Error::Reopening`] while it is being reopened.
pub fn current(db: &Database) -> Result<Arc<Store>, Error> {
    db.current().ok_or(Error::Reopening)
}

/// The query service's sled database.
pub struct Store {
    articles: Tree,
    records: Tree,
    index: Tree,
    mentions: Tree,
    by_article: Tree,
    keys: Tree,
    applied: Tree,
    article_seq: Tree,
    meta: Tree,
    /// Held by the one writer from its first read to its commit (see [`Store::apply`]).
    writing: Mutex<()>,
}

impl hoptac_runtime::storage::Open for Store {
    type Error = Error;

    fn open(dir: &Path, cache_bytes: u64) -> Result<Self, Error> {
        Store::open(dir, cache_bytes)
    }
}

impl Store {
    /// Opens (or creates) the database in `dir`, with `cache_bytes` of page cache.
    pub fn open(dir: &Path, cache_bytes: u64) -> Result<Self, Error> {
        let db = hoptac_runtime::storage::open_db(dir, cache_bytes)?;
        // Where builds before layout 3 kept events; their contents are rebuilt from the log.
        for earlier in ["key_mentions", "key_events"] {
            db.drop_tree(earlier)?;
        }
        let store = Self {
            articles: db.open_tree("articles")?,
            records: db.open_tree("records")?,
            index: db.open_tree("index")?,
            mentions: db.open_tree("mentions")?,
            by_article: db.open_tree("by_article")?,
            keys: db.open_tree("keys")?,
            applied: db.open_tree("applied")?,
            article_seq: db.open_tree("article_seq")?,
            meta: db.open_tree("meta")?,
            writing: Mutex::new(()),
        };
        store.check_layout()?;
        Ok(store)
    }

    /// Empties a replica written in an earlier layout, which the follower then rebuilds from
    /// the whole log: a replica holds nothing the ingest service does not.
    fn check_layout(&self) -> Result<(), Error> {
        let layout = self.meta.get(LAYOUT)?.map(|v| decode_seq(&v)).transpose()?;
        if layout == Some(CURRENT_LAYOUT) {
            return Ok(());
        }
        if self.applied_sequence()? > 0 {
            tracing::warn!(
                "the replica was written in an earlier layout: rebuilding it from the ingest log"
            );
        }
        for tree in [
            &self.articles,
            &self.records,
            &self.index,
            &self.mentions,
            &self.by_article,
            &self.keys,
            &self.applied,
            &self.article_seq,
            &self.meta,
        ] {
            tree.clear()?;
        }
        self.meta.insert(LAYOUT, &CURRENT_LAYOUT.to_be_bytes())?;
        Ok(())
    }

    /// The last sequence applied (0 before any).
    pub fn applied_sequence(&self) -> Result<u64, Error> {
        Ok(self
            .meta
            .get(APPLIED)?
            .map(|v| decode_seq(&v))
            .transpose()?
            .unwrap_or(0))
    }

    /// Replaces every record of the change's article with the change's, atomically with the new
    /// applied sequence. A change at or below the applied sequence was applied already: `None`.
    pub fn apply(&self, sequence: u64, extraction: &Extraction) -> Result<Option<Applied>, Error> {
        let article = extraction
            .article
            .as_ref()
            .ok_or_else(|| Error::Corrupt(format!("change {sequence} carries no article")))?;
        let records: Vec<Record> = extraction
            .agreements
            .iter()
            .cloned()
            .map(Record::Agreement)
            .chain(extraction.visits.iter().cloned().map(Record::Visit))
            .collect();
        let new = events::records(extraction);
        let _writing = self.writing.lock().unwrap_or_else(PoisonError::into_inner);
        if sequence <= self.applied_sequence()? {
            return Ok(None);
        }
        // Read and resolve first; the transaction below only writes (see
        // `hoptac_runtime::events`).
        let id = article.id.as_bytes();
        let mut old_ids = Vec::new();
        let mut old = Vec::new();
        if let Some(ids) = self.by_article.get(id)? {
            for old_id in String::from_utf8_lossy(&ids).lines() {
                if let Some(bytes) = self.mentions.get(old_id.as_bytes())? {
                    old.push(Record::decode(old_id, &bytes)?.resolvable());
                }
                old_ids.push(old_id.to_string());
            }
        }
        let mut filing = Filing::new(&self.keys);
        let refiled = filing.refile(&article.id, &old, &new)?;
        let unindexed: Vec<Record> = refiled.before.into_iter().map(Record::from).collect();
        let indexed: Vec<Record> = refiled.after.into_iter().map(Record::from).collect();
        let old_seq = self.article_seq.get(id)?;
        let trees = (
            &self.articles,
            &self.records,
            &self.index,
            &self.mentions,
            &self.by_article,
            &self.keys,
            &self.applied,
            &self.article_seq,
            &self.meta,
        );
        let result = trees.transaction(|trees| {
            let (articles, stored, index, mentions, by_article, keys, applied, article_seq, meta) =
                trees;
            for old_id in &old_ids {
                mentions.remove(old_id.as_bytes())?;
            }
            for record in &records {
                mentions.insert(record.id().as_bytes(), record.encode())?;
            }
            let ids: Vec<&str> = records.iter().map(Record::id).collect();
            by_article.insert(id, ids.join("\n").into_bytes())?;
            filing.write(keys)?;
            for event in &unindexed {
                for key in index::entries(event) {
                    index.remove(key)?;
                }
                stored.remove(event.id().as_bytes())?;
            }
            for event in &indexed {
                let bytes = event.encode();
                for key in index::entries(event) {
                    let value: &[u8] = if index::is_covering(&key) {
                        &bytes
                    } else {
                        &[]
                    };
                    index.insert(key, value)?;
                }
                stored.insert(event.id().as_bytes(), bytes)?;
            }
            articles.insert(id, article.encode_to_vec())?;
            if let Some(old_seq) = &old_seq {
                applied.remove(old_seq)?;
            }
            applied.insert(&sequence.to_be_bytes(), id)?;
            article_seq.insert(id, &sequence.to_be_bytes())?;
            meta.insert(APPLIED, &sequence.to_be_bytes())?;
            Ok(())
        });
        match result {
            Ok(()) => Ok(Some(Applied {
                sequence,
                events: refiled
                    .changes
                    .into_iter()
                    .filter_map(Touched::from_change)
                    .collect(),
            })),
            Err(TransactionError::Abort(err)) => Err(err),
            Err(TransactionError::Storage(err)) => Err(Error::Storage(err)),
        }
    }

    /// The record `id` as its article read it (`{article}-a1`).
    pub fn mention(&self, id: &str) -> Result<Option<Record>, Error> {
        self.mentions
            .get(id)?
            .map(|b| Record::decode(id, &b))
            .transpose()
    }

    /// The records read from article `id`, in their order.
    pub fn article_records(&self, id: &str) -> Result<Vec<Record>, Error> {
        let mut records = Vec::new();
        if let Some(ids) = self.by_article.get(id)? {
            for id in String::from_utf8_lossy(&ids).lines() {
                records.extend(self.mention(id)?);
            }
        }
        Ok(records)
    }

    /// An event by id.
    pub fn record(&self, id: &str) -> Result<Option<Record>, Error> {
        self.records
            .get(id)?
            .map(|b| Record::decode(id, &b))
            .transpose()
    }

    /// An article by id.
    pub fn article(&self, id: &str) -> Result<Option<Article>, Error> {
        Ok(self
            .articles
            .get(id)?
            .map(|b| Article::decode(&*b))
            .transpose()?)
    }

    /// Up to `max` records matching `query`, in its order, after `resume` (exclusive). Reads
    /// only the query's index scopes within its date range, merged by position.
    pub fn page(
        &self,
        query: &Query,
        resume: Option<&Position>,
        max: usize,
    ) -> Result<Vec<Record>, Error> {
        let mut scans: Vec<Scan> = query
            .scopes()
            .iter()
            .map(|scope| {
                let prefix = scope.prefix();
                let covering = *scope == index::Scope::All;
                let (low, high) = index::range(
                    &prefix,
                    query.since,
                    query.until,
                    resume,
                    query.newest_first,
                );
                let iter = self
                    .index
                    .range::<Vec<u8>, (Bound<Vec<u8>>, Bound<Vec<u8>>)>((low, high));
                let iter: Box<dyn Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>>> =
                    if query.newest_first {
                        Box::new(iter.rev())
                    } else {
                        Box::new(iter)
                    };
                Scan {
                    prefix,
                    iter,
                    covering,
                    next: None,
                    value: None,
                }
            })
            .collect();
        let mut out = Vec::new();
        let mut last: Option<Position> = None;
        while out.len() < max {
            for scan in &mut scans {
                scan.fill()?;
            }
            // The next position in query order among the scopes' heads.
            let next = scans.iter().filter_map(|s| s.next.clone()).reduce(|a, b| {
                if (a < b) != query.newest_first {
                    a
                } else {
                    b
                }
            });
            let Some(position) = next else { break };
            let mut carried = None;
            for scan in &mut scans {
                if scan.next.as_ref() == Some(&position) {
                    scan.next = None;
                    carried = carried.or(scan.value.take());
                }
            }
            // A record in two field scopes comes up twice in a row: take it once.
            if last.as_ref() == Some(&position) {
                continue;
            }
            last = Some(position.clone());
            let record = match carried {
                Some(bytes) => Some(Record::decode(&position.id, &bytes)?),
                None => self.record(&position.id)?,
            };
            if let Some(record) = record {
                if query.matches(&record) {
                    out.push(record);
                }
            }
        }
        Ok(out)
    }

    /// The changes applied after `after`, up to `max` of them, in order, each with the events
    /// its article's records are now mentions of, as they are now.
    pub fn applied_after(&self, after: u64, max: usize) -> Result<Vec<Applied>, Error> {
        let mut out = Vec::new();
        for entry in self.applied.range((after + 1).to_be_bytes()..).take(max) {
            let (key, article_id) = entry?;
            let mut events: Vec<Touched> = Vec::new();
            for record in self.article_records(&String::from_utf8_lossy(&article_id))? {
                for event in self.events_of(&record)? {
                    if !events.iter().any(|t| t.event.id() == event.id()) {
                        events.push(Touched {
                            kind: EventChangeKind::Current,
                            event,
                            previous_ids: Vec::new(),
                        });
                    }
                }
            }
            out.push(Applied {
                sequence: decode_seq(&key)?,
                events,
            });
        }
        Ok(out)
    }

    /// The event `id` names: an event's id, or the id of a record of one article, which names
    /// the event it is a mention of.
    pub fn event(&self, id: &str) -> Result<Option<Record>, Error> {
        if let Some(event) = self.record(id)? {
            return Ok(Some(event));
        }
        match self.mention(id)? {
            Some(mention) => Ok(self.events_of(&mention)?.into_iter().next()),
            None => Ok(None),
        }
    }

    /// The events `record` (one article's) is a mention of: one, unless the store is changing.
    fn events_of(&self, record: &Record) -> Result<Vec<Record>, Error> {
        let resolvable = record.clone().resolvable();
        let key = hoptac_resolve::changes::key_name(&resolvable);
        Ok(events::events_of_key(&self.keys, &key)?
            .into_iter()
            .filter(|e| e.mentions().iter().any(|m| m.record_id == record.id()))
            .map(Record::from)
            .collect())
    }
}

/// One index scope being read, with its next unconsumed position.
struct Scan {
    prefix: Vec<u8>,
    iter: Box<dyn Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>>>,
    /// Whether the scope's entries carry their record (see [`index::is_covering`]).
    covering: bool,
    next: Option<Position>,
    /// The record `next` stands for, when the entry carried it.
    value: Option<sled::IVec>,
}

impl Scan {
    fn fill(&mut self) -> Result<(), Error> {
        if self.next.is_none() {
            if let Some(entry) = self.iter.next() {
                let (key, value) = entry?;
                self.next = Some(Position::from_key(&self.prefix, &key)?);
                // Entries written before the index carried records are empty: read those from
                // the records tree.
                self.value = (self.covering && !value.is_empty()).then_some(value);
            }
        }
        Ok(())
    }
}

fn decode_seq(bytes: &[u8]) -> Result<u64, Error> {
    bytes
        .get(..8)
        .and_then(|b| b.try_into().ok())
        .map(u64::from_be_bytes)
        .ok_or_else(|| Error::Corrupt("a sequence number is not 8 bytes".into()))
}

#[cfg(test)]
mod tests {
    use hoptac_api::v1::{Agreement, Field, PartialDate, Party, Place, Visit};

    use super::*;
    use crate::record::Kind;

    fn place(country: &str, region: &str) -> Option<Place> {
        Some(Place {
            country: country.into(),
            region: region.into(),
            ..Default::default()
        })
    }

    fn extraction(
        article: &str,
        year: i32,
        partner: (&str, &str),
        fields: Vec<Field>,
    ) -> Extraction {
        let date = Some(PartialDate {
            year,
            month: 3,
            day: 3,
            year_inferred: false,
        });
        let parties = vec![
            Party {
                organization: "UBND TP Hà Nội".into(),
                place: place("VN", "VN-HN"),
                ..Default::default()
            },
            Party {
                organization: "Đối tác".into(),
                place: place(partner.0, partner.1),
                ..Default::default()
            },
        ];
        let source = Article {
            id: article.into(),
            ..Default::default()
        };
        let mention = |id: &str| vec![hoptac_resolve::Mention::entry(id, &source, None)];
        Extraction {
            agreements: vec![Agreement {
                id: format!("{article}-a1"),
                parties: parties.clone(),
                signed_on: date,
                fields: fields.iter().map(|f| *f as i32).collect(),
                mentions: mention(&format!("{article}-a1")),
                ..Default::default()
            }],
            visits: vec![Visit {
                id: format!("{article}-v1"),
                guest: parties.get(1).cloned(),
                host: parties.first().cloned(),
                start: date,
                mentions: mention(&format!("{article}-v1")),
                ..Default::default()
            }],
            article: Some(source),
        }
    }

    fn open() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path(), 8 << 20).expect("opens");
        (dir, store)
    }

    /// The record behind each event (each has one here).
    fn ids(records: &[Record]) -> Vec<String> {
        records
            .iter()
            .map(|r| r.clone().resolvable().mentions()[0].record_id.clone())
            .collect()
    }

    fn agreements_with(places: &[&str]) -> Query {
        Query {
            kinds: vec![Kind::Agreement],
            places: places.iter().map(|p| p.to_string()).collect(),
            ..Query::default()
        }
    }

    #[test]
    fn a_later_change_replaces_the_article_and_an_old_one_is_ignored() {
        let (_dir, store) = open();
        store
            .apply(1, &extraction("hn-fukuoka", 2025, ("JP", "JP-40"), vec![]))
            .expect("applies");
        assert_eq!(
            ids(&store
                .page(&agreements_with(&["JP-40"]), None, 10)
                .expect("reads")),
            ["hn-fukuoka-a1"]
        );
        // Re-extracted: the partner turned out to be Hokkaido.
        store
            .apply(2, &extraction("hn-fukuoka", 2025, ("JP", "JP-01"), vec![]))
            .expect("applies");
        assert!(store
            .page(&agreements_with(&["JP-40"]), None, 10)
            .expect("reads")
            .is_empty());
        assert_eq!(
            ids(&store
                .page(&agreements_with(&["JP-01"]), None, 10)
                .expect("reads")),
            ["hn-fukuoka-a1"]
        );
        assert!(store
            .apply(2, &extraction("x", 2020, ("JP", "JP-40"), vec![]))
            .expect("no-op")
            .is_none());
        assert_eq!(store.applied_sequence().expect("reads"), 2);
        let backlog = store.applied_after(0, 10).expect("reads");
        assert_eq!(
            backlog.len(),
            1,
            "the article sits once, under its latest change"
        );
        assert_eq!(backlog[0].sequence, 2);
    }

    #[test]
    fn pages_come_in_date_order_either_way_and_resume_after_a_position() {
        let (_dir, store) = open();
        for (seq, year) in [(1, 2019), (2, 2023), (3, 2021), (4, 2025)] {
            store
                .apply(
                    seq,
                    &extraction(&format!("y{year}"), year, ("JP", "JP-40"), vec![]),
                )
                .expect("applies");
        }
        let mut q = agreements_with(&["JP"]);
        let all = store.page(&q, None, 10).expect("reads");
        assert_eq!(ids(&all), ["y2019-a1", "y2021-a1", "y2023-a1", "y2025-a1"]);
        let rest = store
            .page(&q, Some(&Position::of(&all[1])), 10)
            .expect("reads");
        assert_eq!(ids(&rest), ["y2023-a1", "y2025-a1"]);
        q.newest_first = true;
        assert_eq!(
            ids(&store.page(&q, None, 2).expect("reads")),
            ["y2025-a1", "y2023-a1"]
        );
    }

    #[test]
    fn an_unfiltered_page_reads_records_from_the_index_and_from_an_older_layout() {
        let (_dir, store) = open();
        for (seq, year) in [(1, 2019), (2, 2023)] {
            store
                .apply(
                    seq,
                    &extraction(&format!("y{year}"), year, ("JP", "JP-40"), vec![]),
                )
                .expect("applies");
        }
        let every = Query {
            kinds: vec![Kind::Agreement],
            ..Query::default()
        };
        let covering: Vec<_> = store
            .index
            .scan_prefix(index::Scope::All.prefix())
            .map(|e| e.expect("reads"))
            .collect();
        assert!(covering.iter().all(|(_, v)| !v.is_empty()));
        let read = store.page(&every, None, 10).expect("reads");
        assert_eq!(ids(&read), ["y2019-a1", "y2023-a1"]);
        assert_eq!(
            read[0],
            store.event("y2019-a1").expect("reads").expect("stored")
        );
        assert_eq!(
            store
                .mention("y2019-a1")
                .expect("reads")
                .map(|r| r.id().to_string()),
            Some("y2019-a1".to_string()),
            "the record as its article read it stays for auditing"
        );
        // A database written before the index carried records: the same page, from `records`.
        for (key, _) in covering {
            store.index.insert(key, &[]).expect("writes");
        }
        assert_eq!(store.page(&every, None, 10).expect("reads"), read);
    }

    #[test]
    fn a_record_in_several_field_scopes_comes_once() {
        let (_dir, store) = open();
        store
            .apply(
                1,
                &extraction(
                    "a",
                    2024,
                    ("KR", "KR-41"),
                    vec![Field::Health, Field::Education],
                ),
            )
            .expect("applies");
        store
            .apply(
                2,
                &extraction("b", 2023, ("KR", "KR-41"), vec![Field::Education]),
            )
            .expect("applies");
        let q = Query {
            kinds: vec![Kind::Agreement],
            fields: vec![Field::Health, Field::Education],
            ..Query::default()
        };
        assert_eq!(
            ids(&store.page(&q, None, 10).expect("reads")),
            ["b-a1", "a-a1"]
        );
    }
}
