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
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut events: Vec<Vec<usize>> = Vec::new();
    for (n, &i) in order.iter().enumerate() {
        if n > 0 && keys[order[n - 1]] != keys[i] {
            events.append(&mut groups);
        }
        let fits: Vec<usize> = groups
            .iter()
            .enumerate()
            .filter(|(_, members)| {
                members
                    .iter()
                    .all(|&m| rule::may_be_one(&mentions[i], &mentions[m]))
            })
            .map(|(g, _)| g)
            .collect();
        match fits.as_slice() {
            [one] => groups[*one].push(i),
            [] => groups.push(vec![i]),
            several => match best_named(mentions, i, several, &groups) {
                Some(g) => groups[g].push(i),
                None => groups.push(vec![i]),
            },
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
fn content(mention: &Mention) -> Vec<u8> {
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
