//! Grouping mentions into events, the same whatever order they come in.
//!
//! Mentions are grouped by [`rule::key`] and, within a group, taken most precise first, then in
//! the order of their content, article and place in it: one order that depends only on the set.
//! Each joins the event every member of which it [may be one with](rule::may_be_one): complete
//! linkage, because "may be one" does not carry over (a report dated "11/2023" fits a signing on
//! the 16th and another on the 20th, which are not one). A mention that fits no event starts
//! one. One that fits two or more joins the one whose parties it names by the same
//! organizations' names more than any other's ([`rule::named_alike`]); failing that it starts
//! its own, rather than merge on a guess.

use prost::Message;

use crate::{dates, id, merge, rule, Event, Mention, Record};

/// The events `mentions` report, in id order. A function of the set: any permutation of
/// `mentions` gives the same events with the same ids (their mention indexes then point into
/// the permuted slice).
pub fn resolve(mentions: &[Mention]) -> Vec<Event> {
    let keys: Vec<rule::Key> = mentions.iter().map(rule::key).collect();
    let contents: Vec<Vec<u8>> = mentions.iter().map(content).collect();
    let precisions: Vec<(u8, bool)> = mentions.iter().map(precision).collect();
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by(|&a, &b| {
        keys[a]
            .cmp(&keys[b])
            .then_with(|| precisions[b].cmp(&precisions[a]))
            .then_with(|| contents[a].cmp(&contents[b]))
            .then_with(|| mentions[a].article_id.cmp(&mentions[b].article_id))
            .then_with(|| start(&mentions[a]).cmp(&start(&mentions[b])))
    });
    let spans: Vec<Option<(i64, i64)>> = mentions.iter().map(rule::when).collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    // Per group, the latest first day and the earliest last day of its members' dates: a
    // mention whose dates end before the one or start after the other (with a day's slack)
    // cannot agree with every member, which rules most groups out without comparing records.
    let mut bounds: Vec<(i64, i64)> = Vec::new();
    let mut events: Vec<Vec<usize>> = Vec::new();
    for (n, &i) in order.iter().enumerate() {
        if n > 0 && keys[order[n - 1]] != keys[i] {
            events.append(&mut groups);
            bounds.clear();
        }
        let fits: Vec<usize> = groups
            .iter()
            .enumerate()
            .filter(|&(g, members)| {
                within(spans[i], bounds[g])
                    && members
                        .iter()
                        .all(|&m| rule::may_be_one(&mentions[i], &mentions[m]))
            })
            .map(|(g, _)| g)
            .collect();
        let group = match fits.as_slice() {
            [one] => Some(*one),
            [] => None,
            several => best_named(mentions, i, several, &groups),
        };
        match group {
            Some(g) => groups[g].push(i),
            None => {
                groups.push(vec![i]);
                bounds.push((i64::MIN, i64::MAX));
            }
        }
        let g = group.unwrap_or(groups.len() - 1);
        if let Some((first, last)) = spans[i] {
            bounds[g] = (bounds[g].0.max(first), bounds[g].1.min(last));
        }
    }
    events.append(&mut groups);
    let mut events: Vec<Event> = events
        .into_iter()
        .map(|members| merge::event(mentions, members))
        .collect();
    id::assign(&mut events, mentions);
    events.sort_by(|a, b| a.id.cmp(&b.id));
    events
}

/// Whether a mention dated `span` may agree with every member of a group of `bounds` (see
/// [`resolve`]); an undated mention may.
fn within(span: Option<(i64, i64)>, (latest_first, earliest_last): (i64, i64)) -> bool {
    span.is_none_or(|(first, last)| {
        first <= earliest_last.saturating_add(1) && last >= latest_first.saturating_sub(1)
    })
}

/// Of the groups `candidates`, the one whose members name `mention`'s parties alike most, when
/// one does so more than every other.
fn best_named(
    mentions: &[Mention],
    mention: usize,
    candidates: &[usize],
    groups: &[Vec<usize>],
) -> Option<usize> {
    let mut scored: Vec<(usize, usize)> = candidates
        .iter()
        .map(|&g| {
            let score = groups[g]
                .iter()
                .map(|&m| rule::named_alike(&mentions[mention], &mentions[m]))
                .max()
                .unwrap_or(0);
            (score, g)
        })
        .collect();
    scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    match scored.as_slice() {
        [(best, g), (next, _), ..] if best > next => Some(*g),
        _ => None,
    }
}

/// How precisely a mention dates its event: the parts of its date, then whether a visit gives
/// its end.
fn precision(mention: &Mention) -> (u8, bool) {
    match &mention.record {
        Record::Agreement(a) => (dates::precision(a.signed_on.as_ref()), false),
        Record::Visit(v) => (dates::precision(v.start.as_ref()), v.end.is_some()),
    }
}

/// The record's encoding without its id, which is the article's numbering, and without its
/// mention entry, which says where the article came from: what the article read, only.
pub(crate) fn content(mention: &Mention) -> Vec<u8> {
    match &mention.record {
        Record::Agreement(a) => {
            let mut a = a.clone();
            a.id.clear();
            a.mentions.clear();
            a.encode_to_vec()
        }
        Record::Visit(v) => {
            let mut v = v.clone();
            v.id.clear();
            v.mentions.clear();
            v.encode_to_vec()
        }
    }
}

fn start(mention: &Mention) -> u32 {
    mention.record.evidence().map_or(0, |e| e.start)
}
