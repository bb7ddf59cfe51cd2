//! The replica's sled database.
//!
//! Trees:
//! - `articles`: article id → encoded `Article`;
//! - `records`: record id → encoded `Agreement` or `Visit` (the id tells which);
//! - `index`: the secondary index entries of [`crate::index`];
//! - `by_article`: article id → its record ids, newline-separated;
//! - `applied`: sequence (big-endian) → article id, the latest change applied per article, which
//!   watchers starting from a sequence read;
//! - `article_seq`: article id → the sequence under which it sits in `applied`;
//! - `meta`: `applied` → the last sequence applied.
//!
//! A change is applied in one transaction with the new applied sequence, replacing every record
//! of its article, so a crash at any point leaves the replica at some applied sequence with
//! exactly the records the log up to it describes; the follower resumes from there.
//!
//! The service reaches its store through a [`Database`], which the follower reopens after a
//! failed write (see `hoptac_runtime::storage`).

use std::{ops::Bound, path::Path, sync::Arc};

use hoptac_api::v1::{Article, Extraction};
use prost::Message;
use sled::{
    transaction::{ConflictableTransactionError, TransactionError, Transactional},
    Tree,
};

use crate::{
    error::Error,
    filter::Query,
    index::{self, Position},
    record::Record,
};

const APPLIED: &[u8] = b"applied";

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

/// What applying one change did: its sequence and the records it now holds.
#[derive(Debug, Clone)]
pub struct Applied {
    /// The change's log sequence.
    pub sequence: u64,
    /// Every record of the article after the change.
    pub records: Vec<Record>,
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
    by_article: Tree,
    applied: Tree,
    article_seq: Tree,
    meta: Tree,
}

type Abort = ConflictableTransactionError<Error>;

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
        Ok(Self {
            articles: db.open_tree("articles")?,
            records: db.open_tree("records")?,
            index: db.open_tree("index")?,
            by_article: db.open_tree("by_article")?,
            applied: db.open_tree("applied")?,
            article_seq: db.open_tree("article_seq")?,
            meta: db.open_tree("meta")?,
        })
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
        let trees = (
            &self.articles,
            &self.records,
            &self.index,
            &self.by_article,
            &self.applied,
            &self.article_seq,
            &self.meta,
        );
        let result = trees.transaction(
            |(articles, stored, index, by_article, applied, article_seq, meta)| {
                let current = match meta.get(APPLIED)? {
                    Some(v) => decode_seq(&v).map_err(Abort::Abort)?,
                    None => 0,
                };
                if sequence <= current {
                    return Ok(false);
                }
                let id = article.id.as_bytes();
                if let Some(old_ids) = by_article.get(id)? {
                    for old_id in String::from_utf8_lossy(&old_ids).lines() {
                        if let Some(bytes) = stored.remove(old_id.as_bytes())? {
                            let old = Record::decode(old_id, &bytes).map_err(Abort::Abort)?;
                            for key in index::entries(&old) {
                                index.remove(key)?;
                            }
                        }
                    }
                }
                for record in &records {
                    let bytes = record.encode();
                    for key in index::entries(record) {
                        let value: &[u8] = if index::is_covering(&key) {
                            &bytes
                        } else {
                            &[]
                        };
                        index.insert(key, value)?;
                    }
                    stored.insert(record.id().as_bytes(), bytes)?;
                }
                let ids: Vec<&str> = records.iter().map(Record::id).collect();
                by_article.insert(id, ids.join("\n").into_bytes())?;
                articles.insert(id, article.encode_to_vec())?;
                if let Some(old_seq) = article_seq.get(id)? {
                    applied.remove(old_seq)?;
                }
                applied.insert(&sequence.to_be_bytes(), id)?;
                article_seq.insert(id, &sequence.to_be_bytes())?;
                meta.insert(APPLIED, &sequence.to_be_bytes())?;
                Ok(true)
            },
        );
        match result {
            Ok(true) => Ok(Some(Applied { sequence, records })),
            Ok(false) => Ok(None),
            Err(TransactionError::Abort(err)) => Err(err),
            Err(TransactionError::Storage(err)) => Err(Error::Storage(err)),
        }
    }

    /// A record by id.
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

    /// The changes applied after `after`, up to `max` of them, in order, each with its
    /// article's current records.
    pub fn applied_after(&self, after: u64, max: usize) -> Result<Vec<Applied>, Error> {
        let mut out = Vec::new();
        for entry in self.applied.range((after + 1).to_be_bytes()..).take(max) {
            let (key, article_id) = entry?;
            let mut records = Vec::new();
            if let Some(ids) = self.by_article.get(&article_id)? {
                for id in String::from_utf8_lossy(&ids).lines() {
                    records.extend(self.record(id)?);
                }
            }
            out.push(Applied {
                sequence: decode_seq(&key)?,
                records,
            });
        }
        Ok(out)
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
        Extraction {
            article: Some(Article {
                id: article.into(),
                ..Default::default()
            }),
            agreements: vec![Agreement {
                id: format!("{article}-a1"),
                parties: parties.clone(),
                signed_on: date,
                fields: fields.iter().map(|f| *f as i32).collect(),
                ..Default::default()
            }],
            visits: vec![Visit {
                id: format!("{article}-v1"),
                guest: parties.get(1).cloned(),
                host: parties.first().cloned(),
                start: date,
                ..Default::default()
            }],
        }
    }

    fn open() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path(), 8 << 20).expect("opens");
        (dir, store)
    }

    fn ids(records: &[Record]) -> Vec<&str> {
        records.iter().map(Record::id).collect()
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
            store.record("y2019-a1").expect("reads").expect("stored")
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
