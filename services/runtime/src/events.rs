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
        write(trees.mentions, &key, &filed)?;
        let before = read(trees.events, &key, corrupt)?;
        let (after, changes) = changes::update(filed, &before);
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

#[cfg(test)]
mod tests {
    use hoptac_api::v1::{Agreement, AgreementStatus, Article, PartialDate, Party, Place};
    use hoptac_resolve::Mention;
    use proptest::prelude::*;
    use sled::Transactional;

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

    /// Writes `article`'s records (replacing `old`) in one transaction, as a store does.
    fn file(db: &sled::Db, article: &str, old: &[Record], new: &[Record]) {
        let mentions = db.open_tree("key_mentions").expect("opens");
        let events = db.open_tree("key_events").expect("opens");
        (&mentions, &events)
            .transaction(|(mentions, events)| {
                let trees = EventTrees { mentions, events };
                refile(&trees, article, old, new, |m| m)
            })
            .expect("refiles");
    }

    fn stored(db: &sled::Db) -> Vec<Record> {
        let events = db.open_tree("key_events").expect("opens");
        let mut all: Vec<Record> = events
            .iter()
            .values()
            .flat_map(|v| records(&Extraction::decode(&*v.expect("reads")).expect("decodes")))
            .collect();
        all.sort_by(|a, b| a.id().cmp(b.id()));
        all
    }

    proptest! {
        /// Filing reports one at a time, in any order, then reading one of them again
        /// differently, leaves the events that resolving the final reports at once gives.
        #[test]
        fn filing_in_any_order_with_a_re_extraction_gives_the_events_of_the_whole_set(
            order in Just((0..6).collect::<Vec<usize>>()).prop_shuffle(),
            reread in 0..6usize,
        ) {
            let days = [16, 16, 17, 0, 20, 20];
            let articles = ["a", "b", "c", "d", "e", "f"];
            let dir = tempfile::tempdir().expect("temp dir");
            let db = sled::open(dir.path()).expect("opens");
            for &i in &order {
                file(&db, articles[i], &[], &[report(articles[i], days[i])]);
            }
            let mut last = days;
            last[reread] = 25;
            file(
                &db,
                articles[reread],
                &[report(articles[reread], days[reread])],
                &[report(articles[reread], last[reread])],
            );
            let mentions: Vec<Mention> = (0..6)
                .map(|i| Mention::of(report(articles[i], last[i])))
                .collect();
            let expected: Vec<Record> = hoptac_resolve::resolve(&mentions)
                .into_iter()
                .map(|e| e.record)
                .collect();
            prop_assert_eq!(stored(&db), expected);
        }
    }
}
