//! Events kept in a sled database, inside the transaction that changes an article's records.
//!
//! Both services keep events the same way: every record is filed, as a mention, under its key
//! (the kind of record and its parties' codes, [`hoptac_resolve::changes::key_name`]) in one
//! tree, and the events of each key in another. When an article's records change, every key its
//! records had or have is resolved again from the mentions under it, in the same transaction, so
//! no crash leaves a mention filed without its event or an event half merged; and since the
//! events of a key depend only on the mentions under it, any database holding the same records
//! holds the same events with the same ids.

use std::collections::{BTreeMap, HashMap};

use hoptac_api::v1::{EventChange, Extraction};
use hoptac_resolve::{changes, Record};
use prost::Message;
use sled::transaction::{ConflictableTransactionError, TransactionalTree};

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

/// The trees a store keeps events in.
pub struct EventTrees<'a> {
    /// Key name → the records filed under it (an encoded `Extraction` without an article).
    pub mentions: &'a TransactionalTree,
    /// Key name → the events of the key (an encoded `Extraction` without an article).
    pub events: &'a TransactionalTree,
}

/// Files the records of `article_id` anew, `old` being those it had and `new` those it has
/// now, and resolves again every key either names. Aborts with `corrupt(message)` when a
/// stored value does not decode.
pub fn refile<E>(
    trees: &EventTrees<'_>,
    article_id: &str,
    old: &[Record],
    new: &[Record],
    corrupt: fn(String) -> E,
) -> Result<Refiled, ConflictableTransactionError<E>> {
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
        let mut filed: Vec<Record> = read(trees.mentions, &key, corrupt)?
            .into_iter()
            .filter(|r| mention_article(r) != Some(article_id))
            .collect();
        filed.extend(records);
        let before = read(trees.events, &key, corrupt)?;
        let (after, changes) = changes::update(filed.clone(), &before);
        write(trees.mentions, &key, &filed)?;
        write(trees.events, &key, &after)?;
        let was: HashMap<&str, &Record> = before.iter().map(|e| (e.id(), e)).collect();
        let is: HashMap<&str, &Record> = after.iter().map(|e| (e.id(), e)).collect();
        refiled.before.extend(
            before
                .iter()
                .filter(|e| is.get(e.id()).copied() != Some(e))
                .cloned(),
        );
        refiled.after.extend(
            after
                .iter()
                .filter(|e| was.get(e.id()).copied() != Some(e))
                .cloned(),
        );
        refiled.changes.extend(changes);
    }
    Ok(refiled)
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

fn read<E>(
    tree: &TransactionalTree,
    key: &str,
    corrupt: fn(String) -> E,
) -> Result<Vec<Record>, ConflictableTransactionError<E>> {
    let Some(bytes) = tree.get(key.as_bytes())? else {
        return Ok(Vec::new());
    };
    let extraction = Extraction::decode(&bytes[..]).map_err(|e| {
        ConflictableTransactionError::Abort(corrupt(format!("events of {key}: {e}")))
    })?;
    Ok(records(&extraction))
}

fn write<E>(
    tree: &TransactionalTree,
    key: &str,
    records: &[Record],
) -> Result<(), ConflictableTransactionError<E>> {
    if records.is_empty() {
        tree.remove(key.as_bytes())?;
        return Ok(());
    }
    let mut extraction = Extraction::default();
    for record in records {
        match record {
            Record::Agreement(a) => extraction.agreements.push(a.as_ref().clone()),
            Record::Visit(v) => extraction.visits.push(v.as_ref().clone()),
        }
    }
    tree.insert(key.as_bytes(), extraction.encode_to_vec())?;
    Ok(())
}
