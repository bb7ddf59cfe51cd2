//! The ingest service's sled database: the source of truth.
//!
//! Trees:
//! - `articles`: article id → encoded `Article` (with its cleaned text);
//! - `extractions`: article id → the article's latest log sequence (8 bytes, big-endian) followed
//!   by its encoded `Extraction` without the article;
//! - `log`: sequence (8 bytes, big-endian, so keys sort) → article id, one entry per article:
//!   its latest;
//! - `sources`: article id → the encoded `ArticleInput` as submitted, so that a later extractor
//!   can read the article again from its original text or HTML;
//! - `meta`: `head` → the last sequence written (big-endian); `events_layout` → how `keys` is
//!   laid out;
//! - `keys`: every record filed under its key, one entry each, from which the key's events are
//!   resolved (see `hoptac_runtime::events`);
//! - `entry_events`: sequence → what that entry did to events (an encoded
//!   `StreamChangesResponse` holding only `events`), dropped with its entry.
//!
//! Sequences are our own counter, not sled's `generate_id`, which jumps after a crash: dense as
//! articles arrive; a re-extraction moves an article to a new sequence and drops its old entry.
//! Every batch is one transaction over all the trees, so a crash leaves either all of an
//! article's entries, its mentions filed and its events resolved, or none of them; nothing is
//! acknowledged before [`Store::flush`] returns. A batch is read and resolved before its
//! transaction, which then only writes: one writer at a time, under the store's write lock.
//!
//! The service reaches its store through a [`Database`], which the writer reopens after a
//! failed write (see `hoptac_runtime::storage`).

use std::{
    path::Path,
    sync::{Arc, Mutex, PoisonError},
};

use hoptac_api::v1::{Article, ArticleInput, EventChange, Extraction, StreamChangesResponse};
use hoptac_runtime::events::{self, Filing};
use prost::Message;
use sled::{
    transaction::{TransactionError, Transactional},
    Tree,
};

use crate::error::Error;

const HEAD: &[u8] = b"head";
const EVENTS_LAYOUT: &[u8] = b"events_layout";
/// One entry per record under each key, events resolved from them (see `hoptac_runtime::events`).
const CURRENT_EVENTS_LAYOUT: u64 = 2;
/// Trees in which earlier builds kept events.
const EARLIER_EVENT_TREES: [&str; 2] = ["key_mentions", "key_events"];
/// Articles refiled per transaction when a store's events are filed anew.
const MAX_REFILED: usize = 1024;

/// An article and its records, ready to be written.
#[derive(Debug, Clone)]
pub struct Pending {
    /// The article, with its id set.
    pub article: Article,
    /// Its records; the `article` field is ignored (the article is stored once).
    pub extraction: Extraction,
    /// The article as submitted, kept for re-extraction; `None` keeps nothing new.
    pub input: Option<ArticleInput>,
    /// A re-extraction of a stored article: its article and records replace the stored ones
    /// under a new sequence, and its earlier log entry goes. Otherwise a stored article is a
    /// duplicate.
    pub replaces: bool,
}

/// What writing one `Pending` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// Stored and logged under this sequence.
    New(u64),
    /// The article was already stored; its latest change has this sequence.
    Duplicate(u64),
}

impl Written {
    /// The sequence of the article's entry.
    pub fn sequence(self) -> u64 {
        let (Written::New(sequence) | Written::Duplicate(sequence)) = self;
        sequence
    }
}

/// What writing one `Pending` did, and what it did to events.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    /// Whether it was written, and under which sequence.
    pub written: Written,
    /// What its records did to events (nothing for a duplicate).
    pub events: Vec<EventChange>,
}

impl Stored {
    fn duplicate(sequence: u64) -> Self {
        Stored {
            written: Written::Duplicate(sequence),
            events: Vec::new(),
        }
    }
}

/// A new log entry of a batch, encoded and resolved before the batch's transaction.
struct Entry<'a> {
    pending: &'a Pending,
    sequence: u64,
    /// The sequence of the entry it replaces.
    replaced: Option<u64>,
    /// The `extractions` value.
    records: Vec<u8>,
    /// The `entry_events` value.
    events: Vec<u8>,
}

/// One log entry with the article's current extraction.
#[derive(Debug, Clone)]
pub struct Change {
    /// The entry's sequence.
    pub sequence: u64,
    /// The article and its records.
    pub extraction: Extraction,
    /// What the entry did to events (empty from [`Store::find`]).
    pub events: Vec<EventChange>,
}

/// The ingest service's [`Store`] as it is now, reopened after a failed write.
pub type Database = hoptac_runtime::storage::Database<Store>;

/// The store [`Database`] holds now, or [`Error::Reopening`] while it is being reopened.
pub fn current(db: &Database) -> Result<Arc<Store>, Error> {
    db.current().ok_or(Error::Reopening)
}

/// The sled database of the ingest service.
pub struct Store {
    db: sled::Db,
    articles: Tree,
    extractions: Tree,
    log: Tree,
    sources: Tree,
    meta: Tree,
    keys: Tree,
    entry_events: Tree,
    /// Held by the one writer from its first read to its commit (see [`Store::write`]).
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
        let store = Self {
            articles: db.open_tree("articles")?,
            extractions: db.open_tree("extractions")?,
            log: db.open_tree("log")?,
            sources: db.open_tree("sources")?,
            meta: db.open_tree("meta")?,
            keys: db.open_tree("keys")?,
            entry_events: db.open_tree("entry_events")?,
            writing: Mutex::new(()),
            db,
        };
        store.file_all_once()?;
        Ok(store)
    }

    /// Files every stored record anew when the events were kept in another layout (or not at
    /// all, before events), so that old articles' reports are resolved like new ones; nothing
    /// to do on any later open.
    fn file_all_once(&self) -> Result<(), Error> {
        let layout = self
            .meta
            .get(EVENTS_LAYOUT)?
            .map(|v| decode_seq(&v))
            .transpose()?;
        if layout == Some(CURRENT_EVENTS_LAYOUT) {
            return Ok(());
        }
        let _writing = self.writing.lock().unwrap_or_else(PoisonError::into_inner);
        for earlier in EARLIER_EVENT_TREES {
            self.db.drop_tree(earlier)?;
        }
        self.keys.clear()?;
        if !self.extractions.is_empty() {
            tracing::info!(
                articles = self.extractions.len(),
                "resolving the stored records into events, once"
            );
        }
        let mut stored = self.extractions.iter();
        loop {
            let chunk: Vec<(sled::IVec, sled::IVec)> = stored
                .by_ref()
                .take(MAX_REFILED)
                .collect::<Result<_, _>>()?;
            let mut filing = Filing::new(&self.keys);
            for (id, value) in &chunk {
                let (_, extraction) = decode_records(value)?;
                let article_id = String::from_utf8_lossy(id);
                filing.refile(&article_id, &[], &events::records(&extraction))?;
            }
            let done = chunk.len() < MAX_REFILED;
            (&self.keys, &self.meta)
                .transaction(|(keys, meta)| {
                    filing.write::<Error>(keys)?;
                    if done {
                        meta.insert(EVENTS_LAYOUT, &CURRENT_EVENTS_LAYOUT.to_be_bytes())?;
                    }
                    Ok(())
                })
                .map_err(from_transaction)?;
            if done {
                return Ok(());
            }
        }
    }

    /// The last sequence written (0 for an empty log).
    pub fn head(&self) -> Result<u64, Error> {
        self.meta
            .get(HEAD)?
            .map(|v| decode_seq(&v))
            .transpose()
            .map(|s| s.unwrap_or(0))
    }

    /// The stored article and records of `article_id`, with its latest sequence.
    pub fn find(&self, article_id: &str) -> Result<Option<Change>, Error> {
        let Some(stored) = self.extractions.get(article_id)? else {
            return Ok(None);
        };
        let article = self.articles.get(article_id)?.ok_or_else(|| {
            Error::Corrupt(format!(
                "article {article_id} has records but no article entry"
            ))
        })?;
        let (sequence, extraction) = decode_extraction(&stored, &article)?;
        Ok(Some(Change {
            sequence,
            extraction,
            events: Vec::new(),
        }))
    }

    /// The article as it was submitted, when it was kept.
    pub fn source(&self, article_id: &str) -> Result<Option<ArticleInput>, Error> {
        self.sources
            .get(article_id)?
            .map(|bytes| {
                ArticleInput::decode(&bytes[..])
                    .map_err(|e| Error::Corrupt(format!("source of {article_id}: {e}")))
            })
            .transpose()
    }

    /// The ids of every stored article, in id order.
    pub fn article_ids(&self) -> impl Iterator<Item = Result<String, Error>> + '_ {
        self.articles.iter().keys().map(|key| {
            key.map(|k| String::from_utf8_lossy(&k).into_owned())
                .map_err(Error::from)
        })
    }

    /// How many articles are stored.
    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    /// Writes a batch atomically: every new article gets the next sequence; an article already
    /// stored, or seen earlier in the batch, is a duplicate and writes nothing; a replacement
    /// (see [`Pending::replaces`]) of a stored article gets the next sequence too. Each
    /// outcome comes with what its article did to events.
    ///
    /// Everything is read and resolved first, under the write lock, and the one transaction
    /// then only writes (see `hoptac_runtime::events`).
    pub fn write(&self, batch: &[Pending]) -> Result<Vec<Stored>, Error> {
        let _writing = self.writing.lock().unwrap_or_else(PoisonError::into_inner);
        let mut head = self.head()?;
        let mut filing = Filing::new(&self.keys);
        let mut entries: Vec<Entry<'_>> = Vec::with_capacity(batch.len());
        let mut stored: Vec<Stored> = Vec::with_capacity(batch.len());
        for (i, pending) in batch.iter().enumerate() {
            let id = &pending.article.id;
            if let Some(earlier) = batch[..i].iter().position(|p| p.article.id == *id) {
                stored.push(Stored::duplicate(stored[earlier].written.sequence()));
                continue;
            }
            let mut old = Vec::new();
            let mut replaced = None;
            if let Some(value) = self.extractions.get(id)? {
                // A duplicate needs only the sequence; decode its records to replace them.
                if !pending.replaces {
                    stored.push(Stored::duplicate(decode_seq(&value)?));
                    continue;
                }
                let (sequence, was) = decode_records(&value)?;
                old = events::records(&was);
                replaced = Some(sequence);
            } else if pending.replaces {
                return Err(Error::Corrupt(format!(
                    "re-extraction of article {id} that is not stored"
                )));
            }
            head += 1;
            let refiled = filing.refile(id, &old, &events::records(&pending.extraction))?;
            let mut records = pending.extraction.clone();
            records.article = None;
            let mut value = head.to_be_bytes().to_vec();
            records
                .encode(&mut value)
                .map_err(|e| Error::Corrupt(e.to_string()))?;
            let changes = StreamChangesResponse {
                events: refiled.changes,
                ..Default::default()
            };
            entries.push(Entry {
                pending,
                sequence: head,
                replaced,
                records: value,
                events: changes.encode_to_vec(),
            });
            stored.push(Stored {
                written: Written::New(head),
                events: changes.events,
            });
        }
        let trees = (
            &self.articles,
            &self.extractions,
            &self.log,
            &self.sources,
            &self.meta,
            &self.keys,
            &self.entry_events,
        );
        trees
            .transaction(|trees| {
                let (articles, extractions, log, sources, meta, keys, entry_events) = trees;
                for entry in &entries {
                    let id = entry.pending.article.id.as_bytes();
                    let sequence = entry.sequence.to_be_bytes();
                    if let Some(replaced) = entry.replaced {
                        log.remove(&replaced.to_be_bytes())?;
                        entry_events.remove(&replaced.to_be_bytes())?;
                    }
                    articles.insert(id, entry.pending.article.encode_to_vec())?;
                    extractions.insert(id, entry.records.as_slice())?;
                    if let Some(input) = &entry.pending.input {
                        sources.insert(id, input.encode_to_vec())?;
                    }
                    log.insert(&sequence, id)?;
                    entry_events.insert(&sequence, entry.events.as_slice())?;
                }
                filing.write(keys)?;
                meta.insert(HEAD, &head.to_be_bytes())?;
                Ok(())
            })
            .map_err(from_transaction)?;
        Ok(stored)
    }

    /// Makes every write so far durable.
    pub async fn flush(&self) -> Result<(), Error> {
        self.db.flush_async().await?;
        Ok(())
    }

    /// At most `max` log entries with sequences in `(after, up_to]`, in order, each with its
    /// article's current extraction.
    pub fn changes(&self, after: u64, up_to: u64, max: usize) -> Result<Vec<Change>, Error> {
        if after >= up_to {
            return Ok(Vec::new());
        }
        let range = (after + 1).to_be_bytes()..=up_to.to_be_bytes();
        let mut changes = Vec::new();
        for entry in self.log.range(range).take(max) {
            let (key, article_id) = entry?;
            let sequence = decode_seq(&key)?;
            let id = String::from_utf8_lossy(&article_id);
            let found = self.find(&id)?.ok_or_else(|| {
                Error::Corrupt(format!("log entry {sequence} names unknown article {id}"))
            })?;
            changes.push(Change {
                sequence,
                extraction: found.extraction,
                events: self.entry_events(sequence)?,
            });
        }
        Ok(changes)
    }
}

impl Store {
    /// What the log entry `sequence` did to events; empty when it is not in the log.
    pub fn entry_events(&self, sequence: u64) -> Result<Vec<EventChange>, Error> {
        let Some(bytes) = self.entry_events.get(sequence.to_be_bytes())? else {
            return Ok(Vec::new());
        };
        let entry = StreamChangesResponse::decode(&bytes[..])
            .map_err(|e| Error::Corrupt(format!("events of entry {sequence}: {e}")))?;
        Ok(entry.events)
    }
}

fn from_transaction(err: TransactionError<Error>) -> Error {
    match err {
        TransactionError::Abort(err) => err,
        TransactionError::Storage(err) => Error::Storage(err),
    }
}

fn decode_seq(bytes: &[u8]) -> Result<u64, Error> {
    bytes
        .get(..8)
        .and_then(|b| b.try_into().ok())
        .map(u64::from_be_bytes)
        .ok_or_else(|| Error::Corrupt("a sequence number is not 8 bytes".into()))
}

/// A stored `extractions` value: the sequence and the records, without the article.
fn decode_records(stored: &[u8]) -> Result<(u64, Extraction), Error> {
    let sequence = decode_seq(stored)?;
    let extraction =
        Extraction::decode(&stored[8..]).map_err(|e| Error::Corrupt(format!("extraction: {e}")))?;
    Ok((sequence, extraction))
}

fn decode_extraction(stored: &[u8], article: &[u8]) -> Result<(u64, Extraction), Error> {
    let (sequence, mut extraction) = decode_records(stored)?;
    extraction.article =
        Some(Article::decode(article).map_err(|e| Error::Corrupt(format!("article: {e}")))?);
    Ok((sequence, extraction))
}

#[cfg(test)]
mod tests {
    use hoptac_api::v1::{Agreement, Visit};

    use super::*;

    fn pending(id: &str, text: &str) -> Pending {
        Pending {
            article: Article {
                id: id.into(),
                text: text.into(),
                ..Default::default()
            },
            extraction: Extraction {
                agreements: vec![Agreement {
                    id: format!("{id}-a1"),
                    ..Default::default()
                }],
                visits: vec![Visit {
                    id: format!("{id}-v1"),
                    ..Default::default()
                }],
                ..Default::default()
            },
            input: Some(ArticleInput {
                url: format!("https://bao.example.vn/{id}"),
                body: Some(hoptac_api::v1::article_input::Body::Text(text.into())),
                ..Default::default()
            }),
            replaces: false,
        }
    }

    fn open() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path(), 8 << 20).expect("opens");
        (dir, store)
    }

    #[test]
    fn new_articles_get_dense_sequences_and_duplicates_write_nothing() {
        let (_dir, store) = open();
        let first = store
            .write(&[pending("a", "Hà Nội"), pending("b", "Fukuoka")])
            .expect("writes");
        assert_eq!(written(first), vec![Written::New(1), Written::New(2)]);
        let again = store
            .write(&[
                pending("b", "Fukuoka"),
                pending("c", "Hokkaido"),
                pending("c", "Hokkaido"),
            ])
            .expect("writes");
        assert_eq!(
            written(again),
            vec![
                Written::Duplicate(2),
                Written::New(3),
                Written::Duplicate(3)
            ]
        );
        assert_eq!(store.head().expect("head"), 3);
        let c = store.find("c").expect("reads").expect("stored once");
        assert_eq!(c.sequence, 3);
    }

    #[test]
    fn changes_come_in_order_with_the_whole_extraction() {
        let (_dir, store) = open();
        store
            .write(&[
                pending("a", "Quảng Ninh"),
                pending("b", "Hokkaido"),
                pending("c", "Osaka"),
            ])
            .expect("writes");
        let changes = store.changes(1, 3, 10).expect("reads");
        assert_eq!(
            changes.iter().map(|c| c.sequence).collect::<Vec<_>>(),
            vec![2, 3]
        );
        let b = &changes[0].extraction;
        assert_eq!(
            b.article.as_ref().map(|a| a.text.as_str()),
            Some("Hokkaido")
        );
        assert_eq!(b.agreements[0].id, "b-a1");
        assert_eq!(
            store.changes(0, 3, 2).expect("reads").len(),
            2,
            "max bounds a read"
        );
        assert!(store.changes(3, 3, 10).expect("reads").is_empty());
    }

    #[tokio::test]
    async fn flushed_writes_survive_reopening() {
        let dir = tempfile::tempdir().expect("temp dir");
        {
            let store = Store::open(dir.path(), 8 << 20).expect("opens");
            store.write(&[pending("a", "Hà Nội")]).expect("writes");
            store.flush().await.expect("flushes");
        }
        let store = Store::open(dir.path(), 8 << 20).expect("reopens");
        assert_eq!(store.head().expect("head"), 1);
        let found = store.find("a").expect("reads").expect("present");
        assert_eq!(found.sequence, 1);
        assert_eq!(found.extraction.visits[0].id, "a-v1");
    }

    #[test]
    fn a_replacement_moves_the_article_to_a_new_sequence_and_drops_its_old_entry() {
        let (_dir, store) = open();
        store
            .write(&[pending("a", "Hà Nội"), pending("b", "Fukuoka")])
            .expect("writes");
        let mut again = pending("a", "Hà Nội");
        again.extraction.agreements.clear();
        again.replaces = true;
        assert_eq!(
            written(store.write(&[again]).expect("writes")),
            vec![Written::New(3)]
        );
        let changes = store.changes(0, 3, 10).expect("reads");
        assert_eq!(
            changes.iter().map(|c| c.sequence).collect::<Vec<_>>(),
            vec![2, 3],
            "the article is logged once, under its new sequence"
        );
        assert!(changes[1].extraction.agreements.is_empty());
        assert_eq!(store.find("a").expect("reads").expect("stored").sequence, 3);
        let source = store.source("a").expect("reads").expect("kept");
        assert_eq!(source.url, "https://bao.example.vn/a");
    }

    /// Article `id`'s report of a Hà Nội – Fukuoka agreement signed on `day` November 2025.
    fn signing(id: &str, day: i32) -> Pending {
        let article = Article {
            id: id.into(),
            url: format!("https://bao.example.vn/{id}"),
            text: format!("Hà Nội và Fukuoka ký kết thỏa thuận hợp tác ngày {day}/11/2025."),
            ..Default::default()
        };
        let party = |region: &str| hoptac_api::v1::Party {
            organization: format!("UBND {region}"),
            place: Some(hoptac_api::v1::Place {
                country: region[..2].into(),
                region: region.into(),
                ..Default::default()
            }),
            ..Default::default()
        };
        let record_id = format!("{id}-a1");
        let agreement = Agreement {
            mentions: vec![hoptac_resolve::Mention::entry(&record_id, &article, None)],
            id: record_id,
            status: hoptac_api::v1::AgreementStatus::Signed as i32,
            parties: vec![party("VN-HN"), party("JP-40")],
            signed_on: Some(hoptac_api::v1::PartialDate {
                year: 2025,
                month: 11,
                day,
                year_inferred: false,
            }),
            ..Default::default()
        };
        Pending {
            extraction: Extraction {
                agreements: vec![agreement],
                ..Default::default()
            },
            article,
            input: None,
            replaces: false,
        }
    }

    fn kinds(store: &Store, sequence: u64) -> Vec<hoptac_api::v1::EventChangeKind> {
        let events = store.entry_events(sequence).expect("reads");
        events.iter().map(|c| c.kind()).collect()
    }

    fn written(stored: Vec<Stored>) -> Vec<Written> {
        stored.into_iter().map(|s| s.written).collect()
    }

    #[test]
    fn each_entry_says_what_it_did_to_events_and_a_re_extraction_that_splits_one_says_so() {
        use hoptac_api::v1::EventChangeKind::{Created, MentionAdded, Split};
        let (_dir, store) = open();
        store
            .write(&[signing("a", 18), signing("b", 18)])
            .expect("writes");
        assert_eq!(kinds(&store, 1), [Created]);
        assert_eq!(kinds(&store, 2), [MentionAdded]);
        // Read again, article b turns out to report another day's signing.
        let mut again = signing("b", 25);
        again.replaces = true;
        let answer = store.write(&[again]).expect("writes");
        assert_eq!(answer[0].written, Written::New(3));
        assert_eq!(kinds(&store, 3), [Split, Split]);
        assert_eq!(
            answer[0].events,
            store.entry_events(3).expect("reads"),
            "the writer answers with what it logged"
        );
        assert!(
            kinds(&store, 2).is_empty(),
            "the replaced entry goes with its events"
        );
        let logged = store.changes(0, 3, 10).expect("reads");
        assert_eq!(logged[1].events.len(), 2, "the changefeed carries them");
    }

    #[tokio::test]
    async fn a_store_whose_events_were_kept_otherwise_files_them_anew_when_opened() {
        let dir = tempfile::tempdir().expect("temp dir");
        let report = events::records(&signing("a", 18).extraction).remove(0);
        let key = hoptac_resolve::changes::key_name(&report);
        {
            let store = Store::open(dir.path(), 8 << 20).expect("opens");
            store
                .write(&[signing("a", 18), signing("b", 18)])
                .expect("writes");
            // As an earlier build left it: one value per key in trees of its own, and no layout
            // mark.
            store.keys.clear().expect("clears");
            let earlier = store.db.open_tree("key_events").expect("opens");
            earlier
                .insert(key.as_bytes(), b"\x0a\x00".as_slice())
                .expect("writes");
            store.meta.remove(EVENTS_LAYOUT).expect("writes");
            store.flush().await.expect("flushes");
        }
        let store = Store::open(dir.path(), 8 << 20).expect("reopens");
        let events = events::events_of_key(&store.keys, &key).expect("reads");
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(events[0].mentions().len(), 2);
        assert_eq!(store.keys.len(), 2, "one entry per report");
        assert!(
            !store
                .db
                .tree_names()
                .iter()
                .any(|n| &n[..] == b"key_events"),
            "the earlier tree is gone"
        );
    }

    #[test]
    fn replacing_an_article_that_is_not_stored_writes_nothing() {
        let (_dir, store) = open();
        let mut stray = pending("x", "Osaka");
        stray.replaces = true;
        assert!(matches!(
            store.write(&[pending("a", "Hà Nội"), stray]),
            Err(Error::Corrupt(_))
        ));
        assert_eq!(store.head().expect("head"), 0);
        assert_eq!(store.article_count(), 0);
    }
}
