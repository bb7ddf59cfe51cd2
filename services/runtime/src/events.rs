//! Events kept in a sled database beside the records they are resolved from.
//!
//! Both services keep events the same way: every record is filed, as a mention, under its key
//! (the kind of record, its parties' codes and its year: [`changes::key_name`]) in one tree, one
//! entry per record (`{key}\0{record id}`), so that one prefix scan reads a key whole. The events
//! of a key are a function of the mentions under it ([`changes::events`]), so they are resolved
//! from them when needed rather than stored twice, and any database holding the same records
//! holds the same events with the same ids. When an article's records change, every key its
//! records had or have is resolved before and after, and what changed between is the article's
//! effect on events.
//!
//! A batch of changes is resolved by a [`Filing`] before the store's transaction: it reads each
//! key the batch touches once (a prefix scan, which sled's transactions cannot do) and keeps it
//! as the batch changes it; the transaction then only writes the entries of the records filed or
//! withdrawn ([`Filing::write`]). So a write costs the entries it changes, not every report ever
//! filed under its key. Reading outside the transaction is sound because each store has one
//! writer, which holds the store's write lock from its first read to its commit; and the one
//! transaction still leaves, after a crash, either all of a batch or none of it.

use std::collections::{btree_map, BTreeMap, BTreeSet, HashMap};

use hoptac_api::v1::{Agreement, EventChange, Extraction, Visit};
use hoptac_resolve::{changes, Record};
use prost::Message;
use sled::{
    transaction::{ConflictableTransactionError, TransactionalTree},
    Tree,
};

/// Why the events of a key could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// sled failed to read.
    #[error(transparent)]
    Storage(#[from] sled::Error),
    /// A stored entry does not decode.
    #[error("{0}")]
    Corrupt(String),
}

/// What refiling one article's records did.
#[derive(Debug, Default)]
pub struct Refiled {
    /// What happened to each event, key by key in key order.
    pub changes: Vec<EventChange>,
    /// Events that are gone or changed: their earlier state, to unindex.
    pub before: Vec<Record>,
    /// Events that are new or changed: their state now, to index.
    pub after: Vec<Record>,
}

/// One batch of refiling: every key the batch touched, as the batch leaves it.
pub struct Filing {
    tree: Tree,
    keys: BTreeMap<String, Filed>,
}

/// One key as a batch leaves it, and which of its entries the batch changed.
struct Filed {
    /// Every record filed under the key, by id.
    mentions: BTreeMap<String, Record>,
    /// The key's events, in id order.
    events: Vec<Record>,
    /// Ids of the records the batch filed or withdrew.
    changed: BTreeSet<String>,
}

impl Filing {
    /// A batch over the store's tree of keys; the caller holds the store's write lock until
    /// the batch is written.
    pub fn new(tree: &Tree) -> Self {
        Filing {
            tree: tree.clone(),
            keys: BTreeMap::new(),
        }
    }

    /// Files the records of `article_id` anew, `old` being those it had and `new` those it
    /// has now, and resolves again every key either names.
    pub fn refile(
        &mut self,
        article_id: &str,
        old: &[Record],
        new: &[Record],
    ) -> Result<Refiled, Error> {
        let mut added: BTreeMap<String, Vec<Record>> = BTreeMap::new();
        for record in old {
            added.entry(changes::key_name(record)).or_default();
        }
        for record in new {
            added
                .entry(changes::key_name(record))
                .or_default()
                .push(record.clone());
        }
        let mut refiled = Refiled::default();
        for (key, records) in added {
            let Filed {
                mentions,
                events,
                changed,
            } = self.load(key)?;
            mentions.retain(|id, record| {
                let others = mention_article(record) != Some(article_id);
                if !others {
                    changed.insert(id.clone());
                }
                others
            });
            for record in records {
                changed.insert(record.id().to_string());
                mentions.insert(record.id().to_string(), record);
            }
            let (after, changes) = changes::update(mentions.values().cloned().collect(), events);
            let was: HashMap<&str, &Record> = events.iter().map(|e| (e.id(), e)).collect();
            let is: HashMap<&str, &Record> = after.iter().map(|e| (e.id(), e)).collect();
            for event in events.iter() {
                if is.get(event.id()).copied() != Some(event) {
                    refiled.before.push(event.clone());
                }
            }
            for event in &after {
                if was.get(event.id()).copied() != Some(event) {
                    refiled.after.push(event.clone());
                }
            }
            *events = after;
            refiled.changes.extend(changes);
        }
        Ok(refiled)
    }

    /// Writes the entries of every record the batch filed or withdrew into the tree of keys,
    /// inside the store's transaction.
    pub fn write<E>(
        &self,
        tree: &TransactionalTree,
    ) -> Result<(), ConflictableTransactionError<E>> {
        for (key, filed) in &self.keys {
            for id in &filed.changed {
                let entry = entry_name(key, id);
                match filed.mentions.get(id) {
                    Some(record) => tree.insert(entry, encode(record))?,
                    None => tree.remove(entry)?,
                };
            }
        }
        Ok(())
    }

    /// The key `key` as the batch has it, read and resolved the first time.
    fn load(&mut self, key: String) -> Result<&mut Filed, Error> {
        match self.keys.entry(key) {
            btree_map::Entry::Occupied(filed) => Ok(filed.into_mut()),
            btree_map::Entry::Vacant(slot) => {
                let mentions: BTreeMap<String, Record> = filed(&self.tree, slot.key())?
                    .into_iter()
                    .map(|record| (record.id().to_string(), record))
                    .collect();
                let events = changes::events(mentions.values().cloned().collect());
                Ok(slot.insert(Filed {
                    mentions,
                    events,
                    changed: BTreeSet::new(),
                }))
            }
        }
    }
}

/// The events of `key` (a [`changes::key_name`]) in the tree of keys, in id order.
pub fn events_of_key(tree: &Tree, key: &str) -> Result<Vec<Record>, Error> {
    Ok(changes::events(filed(tree, key)?))
}

/// The records of an extraction, agreements first.
pub fn records(extraction: &Extraction) -> Vec<Record> {
    extraction
        .agreements
        .iter()
        .map(|a| Record::Agreement(Box::new(a.clone())))
        .chain(
            extraction
                .visits
                .iter()
                .map(|v| Record::Visit(Box::new(v.clone()))),
        )
        .collect()
}

/// The article a filed record was read from: its mention entry's, else its evidence's.
fn mention_article(record: &Record) -> Option<&str> {
    record
        .mentions()
        .first()
        .map(|m| m.article_id.as_str())
        .or_else(|| record.evidence().map(|e| e.article_id.as_str()))
}

/// Every record filed under `key` in `tree`, in the order of their ids.
fn filed(tree: &Tree, key: &str) -> Result<Vec<Record>, Error> {
    tree.scan_prefix(entry_name(key, ""))
        .map(|entry| {
            let (name, value) = entry?;
            decode(&name, &value)
        })
        .collect()
}

/// The name of the entry of the record `id` under `key` (with no id, the prefix of every entry
/// of the key): a key name holds no NUL, so no key's entries fall within another's prefix.
fn entry_name(key: &str, id: &str) -> Vec<u8> {
    let mut name = Vec::with_capacity(key.len() + 1 + id.len());
    name.extend_from_slice(key.as_bytes());
    name.push(0);
    name.extend_from_slice(id.as_bytes());
    name
}

const AGREEMENT: u8 = b'a';
const VISIT: u8 = b'v';

/// A record as an entry holds it: a byte naming its kind, then the encoded message.
fn encode(record: &Record) -> Vec<u8> {
    let mut bytes = Vec::new();
    match record {
        Record::Agreement(a) => {
            bytes.reserve(1 + a.encoded_len());
            bytes.push(AGREEMENT);
            a.encode_raw(&mut bytes);
        }
        Record::Visit(v) => {
            bytes.reserve(1 + v.encoded_len());
            bytes.push(VISIT);
            v.encode_raw(&mut bytes);
        }
    }
    bytes
}

/// The record of the entry `name`.
fn decode(name: &[u8], bytes: &[u8]) -> Result<Record, Error> {
    let record = match bytes.split_first() {
        Some((&AGREEMENT, message)) => Agreement::decode(message)
            .map(|a| Record::Agreement(Box::new(a)))
            .map_err(|e| e.to_string()),
        Some((&VISIT, message)) => Visit::decode(message)
            .map(|v| Record::Visit(Box::new(v)))
            .map_err(|e| e.to_string()),
        _ => Err("not a filed record".into()),
    };
    record.map_err(|e| Error::Corrupt(format!("{}: {e}", String::from_utf8_lossy(name))))
}

#[cfg(test)]
mod tests {
    use hoptac_api::v1::{Agreement, AgreementStatus, Article, PartialDate, Party, Place};
    use hoptac_resolve::Mention;
    use proptest::prelude::*;

    use super::*;

    fn party(region: &str) -> Party {
        Party {
            organization: format!("UBND {region}"),
            place: Some(Place {
                country: region[..2].into(),
                region: region.into(),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    /// Article `article`'s report of a Hải Phòng – Busan agreement in November 2024, on `day`
    /// (0: the month only).
    fn report(article: &str, day: i32) -> Record {
        let source = Article {
            id: article.into(),
            url: format!("https://baohaiphong.example.vn/{article}"),
            ..Default::default()
        };
        let id = format!("{article}-a1");
        Record::Agreement(Box::new(Agreement {
            mentions: vec![Mention::entry(&id, &source, None)],
            id,
            status: AgreementStatus::Signed as i32,
            parties: vec![party("VN-HP"), party("KR-26")],
            signed_on: Some(PartialDate {
                year: 2024,
                month: 11,
                day,
                year_inferred: false,
            }),
            ..Default::default()
        }))
    }

    /// Refiles a batch of articles' records (`(article, old, new)`) and writes it in one
    /// transaction, as a store does.
    fn file(db: &sled::Db, batch: &[(&str, Vec<Record>, Vec<Record>)]) {
        let keys = db.open_tree("keys").expect("opens");
        let mut filing = Filing::new(&keys);
        for (article, old, new) in batch {
            filing.refile(article, old, new).expect("refiles");
        }
        keys.transaction(|keys| filing.write::<()>(keys))
            .expect("writes");
    }

    /// Every record filed, by id.
    fn filed_records(db: &sled::Db) -> Vec<Record> {
        let keys = db.open_tree("keys").expect("opens");
        let mut all: Vec<Record> = keys
            .iter()
            .map(|entry| entry.expect("reads"))
            .map(|(name, value)| decode(&name, &value).expect("decodes"))
            .collect();
        all.sort_by(|a, b| a.id().cmp(b.id()));
        all
    }

    proptest! {
        /// Filing reports in any order, in batches of any size, then reading one of them again
        /// differently, leaves the events that resolving the final reports at once gives, and
        /// every final report filed once.
        #[test]
        fn filing_in_any_order_and_batches_with_a_re_extraction_gives_the_events_of_the_whole_set(
            order in Just((0..6).collect::<Vec<usize>>()).prop_shuffle(),
            batch in 1..4usize,
            reread in 0..6usize,
        ) {
            let days = [16, 16, 17, 0, 20, 20];
            let articles = ["a", "b", "c", "d", "e", "f"];
            let dir = tempfile::tempdir().expect("temp dir");
            let db = sled::open(dir.path()).expect("opens");
            let mut reports: Vec<(&str, Vec<Record>, Vec<Record>)> = order
                .iter()
                .map(|&i| (articles[i], Vec::new(), vec![report(articles[i], days[i])]))
                .collect();
            let mut last = days;
            last[reread] = 25;
            reports.push((
                articles[reread],
                vec![report(articles[reread], days[reread])],
                vec![report(articles[reread], last[reread])],
            ));
            for chunk in reports.chunks(batch) {
                file(&db, chunk);
            }
            let mentions: Vec<Mention> = (0..6)
                .map(|i| Mention::of(report(articles[i], last[i])))
                .collect();
            let expected: Vec<Record> = hoptac_resolve::resolve(&mentions)
                .into_iter()
                .map(|e| e.record)
                .collect();
            let filed: Vec<Record> = (0..6).map(|i| report(articles[i], last[i])).collect();
            prop_assert_eq!(filed_records(&db), filed.clone());
            let keys = db.open_tree("keys").expect("opens");
            let key = changes::key_name(&filed[0]);
            prop_assert_eq!(events_of_key(&keys, &key).expect("reads"), expected);
        }
    }
}
