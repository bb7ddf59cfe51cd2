//! Event ids from content: the kind of record, the parties' codes, the year, the date as precise
//! as the event knows it and an agreement's kind (a visit's status), hashed. They do not depend on which article came
//! first, on a record's position in its article, or on the database they are computed in, so
//! re-ingesting in another order, re-extracting or rebuilding a replica gives the same ids.
//! Events that share all of that (rare: two instruments of one kind between the same parties
//! on one day, told apart by their terms or leaders) take `-2`, `-3` … in their order.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use crate::{dates, rule, Event, Mention, Record};

/// Sets the id of each of `events`, given in the order [`crate::resolve`] makes them, and of
/// its record.
pub fn assign(events: &mut [Event], mentions: &[Mention]) {
    let mut taken: HashMap<String, usize> = HashMap::new();
    for event in events.iter_mut() {
        let base = content_id(event, &mentions[event.mentions[0]]);
        let seen = taken.entry(base.clone()).or_insert(0);
        *seen += 1;
        event.id = if *seen == 1 {
            base
        } else {
            format!("{base}-{seen}")
        };
        match &mut event.record {
            Record::Agreement(a) => a.id = event.id.clone(),
            Record::Visit(v) => v.id = event.id.clone(),
        }
    }
}

/// `agr-` or `vis-` and 16 hex digits of the SHA-256 of the event's content.
fn content_id(event: &Event, first: &Mention) -> String {
    let key = rule::key(first);
    let (prefix, date, detail) = match &event.record {
        Record::Agreement(a) => (
            "agr",
            dates::label(a.signed_on.as_ref()),
            a.kind().as_str_name(),
        ),
        Record::Visit(v) => (
            "vis",
            dates::label(v.start.as_ref()),
            v.status().as_str_name(),
        ),
    };
    let mut content = format!(
        "{}|{}|{}|{date}|{detail}",
        key.record,
        key.parties.join(","),
        key.year
    );
    // A record that is its own event whatever else is filed (see `rule::resolvable`) is told
    // from others like it by its article and what the article says of it.
    if !rule::resolvable(&key) {
        content.push('|');
        content.push_str(&first.article_id);
        content.push('|');
        content.push_str(&hex::encode(Sha256::digest(crate::cluster::content(first))));
    }
    let digest = Sha256::digest(content.as_bytes());
    format!("{prefix}-{}", hex::encode(&digest[..8]))
}
