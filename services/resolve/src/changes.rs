//! What a change of an article's records does to events, for the stores that keep events.
//!
//! Mentions are resolved a group of the same [`rule::Key`] at a time: no mention of one key may
//! be one event with a mention of another, and ids are numbered within a key, so the events of a
//! key are a function of the mentions under it alone. A store that changes an article's records
//! resolves again, with [`update`], every key the article's records had or have, and learns from
//! the events before and after what happened to each: created, joined, left, merged, split,
//! updated or removed.

use std::collections::{BTreeSet, HashMap};

use hoptac_api::v1::{event_change, EventChange, EventChangeKind};

use crate::{resolve, rule, Mention, Record};

/// The name under which a store files the mentions and events of `record`'s key: the kind of
/// record, its parties' codes and its year ("agreement|JP-40,VN-HN|2025"), and for a record
/// that is its own event, its id too ("visit|VN-HN,JP-13|0|{article}-v1").
pub fn key_name(record: &Record) -> String {
    let key = rule::key(&Mention::of(record.clone()));
    let name = format!("{}|{}|{}", key.record, key.parties.join(","), key.year);
    if rule::resolvable(&key) {
        name
    } else {
        // Its own event (see `rule::resolvable`): filed alone, so that its writes stay small.
        format!("{name}|{}", record.id())
    }
}

/// The events of one key from `mentions`, every record now filed under it (each carrying its
/// own mention entry, see [`Mention::entry`]), and what happened to `before`, the events
/// stored for the key until now. Events come in id order; changes in the order of the events
/// after, then the events removed.
pub fn update(mentions: Vec<Record>, before: &[Record]) -> (Vec<Record>, Vec<EventChange>) {
    let after = events(mentions);
    let changes = diff(before, &after);
    (after, changes)
}

/// The events of one key from `mentions`, every record filed under it (each carrying its own
/// mention entry, see [`Mention::entry`]), in id order.
pub fn events(mentions: Vec<Record>) -> Vec<Record> {
    let mentions: Vec<Mention> = mentions.into_iter().map(Mention::of).collect();
    resolve(&mentions).into_iter().map(|e| e.record).collect()
}

/// What turned the events `before` into the events `after` (of one key). Linear in their
/// mentions: a key may hold thousands.
pub fn diff(before: &[Record], after: &[Record]) -> Vec<EventChange> {
    let owners = |events: &[Record]| -> HashMap<String, usize> {
        let mut owner = HashMap::new();
        for (e, event) in events.iter().enumerate() {
            for mention in event.mentions() {
                owner.insert(mention.record_id.clone(), e);
            }
        }
        owner
    };
    let (old_owner, new_owner) = (owners(before), owners(after));
    // Which events after each event before went to, and which before each event after came from.
    let spread = |events: &[Record], owner: &HashMap<String, usize>| -> Vec<BTreeSet<usize>> {
        events
            .iter()
            .map(|event| {
                event
                    .mentions()
                    .iter()
                    .filter_map(|m| owner.get(&m.record_id).copied())
                    .collect()
            })
            .collect()
    };
    let went_to = spread(before, &new_owner);
    let came_from = spread(after, &old_owner);
    let mut changes = Vec::new();
    for (n, event) in after.iter().enumerate() {
        let sources: Vec<usize> = came_from[n].iter().copied().collect();
        let previous = |from: &[usize]| -> Vec<String> {
            let ids: BTreeSet<&str> = from
                .iter()
                .map(|&o| before[o].id())
                .filter(|&id| id != event.id())
                .collect();
            ids.into_iter().map(str::to_string).collect()
        };
        let (kind, previous_ids) = match sources.as_slice() {
            [] => (EventChangeKind::Created, Vec::new()),
            &[o] => {
                let split = went_to[o].len() > 1;
                let gained = event.mentions().len() > mentions_in(event, &old_owner);
                let lost = before[o].mentions().len() > mentions_in(&before[o], &new_owner);
                let kind = if split {
                    EventChangeKind::Split
                } else if gained {
                    EventChangeKind::MentionAdded
                } else if lost {
                    EventChangeKind::MentionRemoved
                } else if before[o] != *event {
                    EventChangeKind::Updated
                } else {
                    continue;
                };
                let previous_ids = if split {
                    vec![before[o].id().to_string()]
                } else {
                    previous(&[o])
                };
                (kind, previous_ids)
            }
            several => (EventChangeKind::Merged, previous(several)),
        };
        changes.push(change(kind, event, previous_ids));
    }
    for (o, event) in before.iter().enumerate() {
        if went_to[o].is_empty() {
            changes.push(change(EventChangeKind::Removed, event, Vec::new()));
        }
    }
    changes
}

/// How many of `event`'s mentions `owner` knows.
fn mentions_in(event: &Record, owner: &HashMap<String, usize>) -> usize {
    event
        .mentions()
        .iter()
        .filter(|m| owner.contains_key(&m.record_id))
        .count()
}

fn change(kind: EventChangeKind, event: &Record, previous_ids: Vec<String>) -> EventChange {
    EventChange {
        kind: kind as i32,
        event: Some(match event {
            Record::Agreement(a) => event_change::Event::Agreement(a.as_ref().clone()),
            Record::Visit(v) => event_change::Event::Visit(v.as_ref().clone()),
        }),
        previous_ids,
    }
}

#[cfg(test)]
mod tests {
    use hoptac_api::v1::{Agreement, Article, Evidence, PartialDate, Party, Place};

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

    /// A Bắc Ninh – Gyeonggi agreement as article `article` reads it.
    fn report(article: &str, day: i32) -> Record {
        let id = format!("{article}-a1");
        let evidence = Evidence {
            article_id: article.into(),
            quote: "Bắc Ninh và Gyeonggi ký thỏa thuận hợp tác.".into(),
            start: 0,
            end: 44,
        };
        let source = Article {
            id: article.into(),
            url: format!("https://baobacninh.example.vn/{article}"),
            source: "Báo Bắc Ninh".into(),
            published_on: Some(PartialDate {
                year: 2024,
                month: 5,
                day: 20,
                year_inferred: false,
            }),
            ..Default::default()
        };
        Record::Agreement(Box::new(Agreement {
            id: id.clone(),
            status: hoptac_api::v1::AgreementStatus::Signed as i32,
            parties: vec![party("VN-56"), party("KR-41")],
            signed_on: Some(PartialDate {
                year: 2024,
                month: 5,
                day,
                year_inferred: false,
            }),
            mentions: vec![Mention::entry(&id, &source, Some(&evidence))],
            evidence: Some(evidence),
            ..Default::default()
        }))
    }

    fn kinds(changes: &[EventChange]) -> Vec<EventChangeKind> {
        changes.iter().map(|c| c.kind()).collect()
    }

    #[test]
    fn a_second_report_joins_and_its_removal_leaves_the_event_as_it_was() {
        let (one, created) = update(vec![report("a", 18)], &[]);
        assert_eq!(kinds(&created), [EventChangeKind::Created]);
        let (two, joined) = update(vec![report("a", 18), report("b", 18)], &one);
        assert_eq!(kinds(&joined), [EventChangeKind::MentionAdded]);
        assert_eq!(two.len(), 1);
        assert_eq!(two[0].id(), one[0].id(), "same date, same id");
        assert_eq!(two[0].mentions().len(), 2);
        let (back, left) = update(vec![report("a", 18)], &two);
        assert_eq!(kinds(&left), [EventChangeKind::MentionRemoved]);
        assert_eq!(back, one);
        let (none, removed) = update(Vec::new(), &back);
        assert!(none.is_empty());
        assert_eq!(kinds(&removed), [EventChangeKind::Removed]);
        let (same, nothing) = update(vec![report("a", 18)], &one);
        assert_eq!(same, one);
        assert!(nothing.is_empty(), "an unchanged key changes nothing");
    }

    #[test]
    fn a_report_that_two_signings_both_fit_until_it_is_read_again_merges_and_splits() {
        let apart = |day| update(vec![report("a", 18), report("b", day)], &[]).0;
        let two = apart(25);
        assert_eq!(two.len(), 2, "two days a week apart are two signings");
        let (one, merged) = update(vec![report("a", 18), report("b", 18)], &two);
        assert_eq!(kinds(&merged), [EventChangeKind::Merged]);
        assert_eq!(
            merged[0].previous_ids.len(),
            1,
            "the other keeps the id: {merged:?}"
        );
        let (again, split) = update(vec![report("a", 18), report("b", 25)], &one);
        assert_eq!(again, two);
        assert_eq!(
            kinds(&split),
            [EventChangeKind::Split, EventChangeKind::Split]
        );
        assert!(split.iter().all(|c| c.previous_ids == [one[0].id()]));
    }
}
