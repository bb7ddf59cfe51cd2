//! The ingest service's sled database: the source of truth.
//!
//! Trees:
//! - `articles`: article id → encoded `Article` (with its cleaned text);
//! - `extractions`: article id → the article's latest log sequence (8 bytes, big-endian) followed
//!   by its encoded `Extraction` without the article;
//! - `log`: sequence (8 bytes, big-endian, so keys sort) → article id;
//! - `meta`: `head` → the last sequence written (big-endian).
//!
//! Sequences are our own dense counter, not sled's `generate_id`, which jumps after a crash.
//! Every batch is one transaction over all four trees, so a crash leaves either all of an
//! article's entries or none; nothing is acknowledged before [`Store::flush`] returns.

use std::path::Path;

use hoptac_api::v1::{Article, Extraction};
use prost::Message;
use sled::{
    transaction::{ConflictableTransactionError, TransactionError, Transactional},
    Tree,
};

use crate::error::Error;

const HEAD: &[u8] = b"head";

/// An article and its records, ready to be written.
#[derive(Debug, Clone)]
pub struct Pending {
    /// The article, with its id set.
    pub article: Article,
    /// Its records; the `article` field is ignored (the article is stored once).
    pub extraction: Extraction,
}

/// What writing one `Pending` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// Stored and logged under this sequence.
    New(u64),
    /// The article was already stored; its latest change has this sequence.
    Duplicate(u64),
}

/// One log entry with the article's current extraction.
#[derive(Debug, Clone)]
pub struct Change {
    /// The entry's sequence.
    pub sequence: u64,
    /// The article and its records.
    pub extraction: Extraction,
}

/// The sled database of the ingest service.
pub struct Store {
    db: sled::Db,
    articles: Tree,
    extractions: Tree,
    log: Tree,
    meta: Tree,
}

impl Store {
    /// Opens (or creates) the database in `dir`, with `cache_bytes` of page cache.
    pub fn open(dir: &Path, cache_bytes: u64) -> Result<Self, Error> {
        let db = sled::Config::new()
            .path(dir)
            .cache_capacity(cache_bytes)
            .open()?;
        Ok(Self {
            articles: db.open_tree("articles")?,
            extractions: db.open_tree("extractions")?,
            log: db.open_tree("log")?,
            meta: db.open_tree("meta")?,
            db,
        })
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
        }))
    }

    /// Writes a batch atomically: every new article gets the next sequence; an article already
    /// stored, or seen earlier in the batch, is a duplicate and writes nothing.
    pub fn write(&self, batch: &[Pending]) -> Result<Vec<Written>, Error> {
        let result = (&self.articles, &self.extractions, &self.log, &self.meta).transaction(
            |(articles, extractions, log, meta)| {
                // The closure may run again on conflict, so it only reads and writes the trees.
                let mut head = match meta.get(HEAD)? {
                    Some(v) => decode_seq(&v).map_err(ConflictableTransactionError::Abort)?,
                    None => 0,
                };
                let mut written = Vec::with_capacity(batch.len());
                for (i, pending) in batch.iter().enumerate() {
                    let id = pending.article.id.as_bytes();
                    if let Some(stored) = extractions.get(id)? {
                        let seq =
                            decode_seq(&stored).map_err(ConflictableTransactionError::Abort)?;
                        written.push(Written::Duplicate(seq));
                        continue;
                    }
                    if let Some(earlier) = batch[..i]
                        .iter()
                        .position(|p| p.article.id == pending.article.id)
                    {
                        let (Written::New(seq) | Written::Duplicate(seq)) = written[earlier];
                        written.push(Written::Duplicate(seq));
                        continue;
                    }
                    head += 1;
                    let mut records = pending.extraction.clone();
                    records.article = None;
                    let mut value = head.to_be_bytes().to_vec();
                    records.encode(&mut value).map_err(|e| {
                        ConflictableTransactionError::Abort(Error::Corrupt(e.to_string()))
                    })?;
                    articles.insert(id, pending.article.encode_to_vec())?;
                    extractions.insert(id, value)?;
                    log.insert(&head.to_be_bytes(), id)?;
                    written.push(Written::New(head));
                }
                meta.insert(HEAD, &head.to_be_bytes())?;
                Ok(written)
            },
        );
        result.map_err(|e| match e {
            TransactionError::Abort(err) => err,
            TransactionError::Storage(err) => Error::Storage(err),
        })
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
            });
        }
        Ok(changes)
    }
}

fn decode_seq(bytes: &[u8]) -> Result<u64, Error> {
    bytes
        .get(..8)
        .and_then(|b| b.try_into().ok())
        .map(u64::from_be_bytes)
        .ok_or_else(|| Error::Corrupt("a sequence number is not 8 bytes".into()))
}

fn decode_extraction(stored: &[u8], article: &[u8]) -> Result<(u64, Extraction), Error> {
    let sequence = decode_seq(stored)?;
    let mut extraction =
        Extraction::decode(&stored[8..]).map_err(|e| Error::Corrupt(format!("extraction: {e}")))?;
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
        assert_eq!(first, vec![Written::New(1), Written::New(2)]);
        let again = store
            .write(&[
                pending("b", "Fukuoka"),
                pending("c", "Hokkaido"),
                pending("c", "Hokkaido"),
            ])
            .expect("writes");
        assert_eq!(
            again,
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
}
