//! Whether two mentions may report one event.
//!
//! Only what the reports give is compared: a report that names no date, term or leader says
//! nothing against one that does. What they both give must agree: the parties by code, the kind
//! of instrument unless one report calls it only "other", the status up to the time of writing
//! (a signing reported the day it happened is the same instrument a later article calls
//! signed in the past; a planned signing is not), the dates on every part both give (a report
//! with no date: the days its article's publication allows, see [`dates::window`]), the term,
//! and the leader's name (one a part of the other: "Suzuki" and "Suzuki Naomichi" agree, two
//! Vietnamese names that share only a family name do not).

use hoptac_api::v1::{
    Agreement, AgreementKind, AgreementStatus, Party, Person, Visit, VisitStatus,
};

use crate::{dates, Mention, Record};

/// What every mention of one event shares: the kind of record and the parties by code, a
/// visit's guest first and its host second, an agreement's parties in code order; and the year
/// the event is dated in. Stores resolve the mentions of one key at a time, so the year bounds
/// that work to one year's reports between two places, however many years they accumulate.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    /// "agreement" or "visit".
    pub record: &'static str,
    /// The parties' codes.
    pub parties: Vec<String>,
    /// The year of the event: its own date's, else its article's publication year; 0 when
    /// neither tells (such reports are one event only with others that tell no year either).
    pub year: i32,
}

/// The key of a mention.
pub fn key(mention: &Mention) -> Key {
    match &mention.record {
        Record::Agreement(a) => {
            let mut parties: Vec<String> = a.parties.iter().map(code).collect();
            parties.sort();
            parties.dedup();
            Key {
                record: "agreement",
                parties,
                year: year(mention),
            }
        }
        Record::Visit(v) => Key {
            record: "visit",
            parties: vec![
                v.guest.as_ref().map(code).unwrap_or_default(),
                v.host.as_ref().map(code).unwrap_or_default(),
            ],
            year: year(mention),
        },
    }
}

/// Whether the mentions of `key` may be one event with each other: not when a party is placed
/// nowhere, nor when they tell no year, neither by a date nor by a publication date. Those are
/// each their own event: merging them would be a guess, and comparing them would make every
/// new one cost as much as all the undated reports ever filed between two places.
pub fn resolvable(key: &Key) -> bool {
    key.year != 0 && !key.parties.iter().any(String::is_empty)
}

/// The year a mention dates its event in (see [`Key::year`]).
fn year(mention: &Mention) -> i32 {
    let own = match &mention.record {
        Record::Agreement(a) => a.signed_on,
        Record::Visit(v) => v.start.or(v.end),
    };
    own.filter(|d| d.year > 0)
        .or(mention.published_on)
        .map_or(0, |d| d.year.max(0))
}

/// A party's code: its first-level region's, else its country's.
fn code(party: &Party) -> String {
    party
        .place
        .as_ref()
        .map(|p| {
            if p.region.is_empty() {
                p.country.clone()
            } else {
                p.region.clone()
            }
        })
        .unwrap_or_default()
}

/// Whether `a` and `b` may report one event. Two records of one article never do: the
/// extractor reads each event once per article, so two records there are two events. Nor do
/// two records with a party placed nowhere ("the same parties" cannot be told of those), nor
/// two that tell no year (see [`resolvable`]).
pub fn may_be_one(a: &Mention, b: &Mention) -> bool {
    let (key_a, key_b) = (key(a), key(b));
    if a.article_id == b.article_id || key_a != key_b || !resolvable(&key_a) {
        return false;
    }
    let same = match (&a.record, &b.record) {
        (Record::Agreement(a), Record::Agreement(b)) => agreements(a, b),
        (Record::Visit(a), Record::Visit(b)) => visits(a, b),
        _ => false,
    };
    same && dates::overlap(when(a), when(b))
}

/// How many of two mentions' parties go by the same organization's name: what tells apart the
/// events a vague report could belong to (the provinces' agreement from their universities',
/// signed the same day).
pub fn named_alike(a: &Mention, b: &Mention) -> usize {
    let named = |m: &Mention| -> Vec<(String, String)> {
        let parties: Vec<&Party> = match &m.record {
            Record::Agreement(a) => a.parties.iter().collect(),
            Record::Visit(v) => v.guest.iter().chain(v.host.iter()).collect(),
        };
        parties
            .into_iter()
            .filter(|p| !p.organization.is_empty())
            .map(|p| (code(p), p.organization.to_lowercase()))
            .collect()
    };
    let theirs = named(b);
    named(a).iter().filter(|n| theirs.contains(n)).count()
}

/// The days a mention's event may have been on: its own date (a visit's from its start to its
/// end), else what its article's publication allows for the way it tells of it.
pub fn when(mention: &Mention) -> Option<(i64, i64)> {
    let published = mention.published_on.as_ref();
    match &mention.record {
        Record::Agreement(a) => a.signed_on.as_ref().and_then(dates::span).or_else(|| {
            let tense = match a.status() {
                AgreementStatus::Signed => dates::Tense::Reported,
                AgreementStatus::Past => dates::Tense::Past,
                AgreementStatus::Planned => dates::Tense::Planned,
                AgreementStatus::Unspecified => return None,
            };
            dates::window(published, tense)
        }),
        Record::Visit(v) => dates::range(v.start.as_ref(), v.end.as_ref()).or_else(|| {
            let tense = match v.status() {
                VisitStatus::Happened => dates::Tense::Reported,
                VisitStatus::Planned => dates::Tense::Planned,
                VisitStatus::Unspecified => return None,
            };
            dates::window(published, tense)
        }),
    }
}

fn agreements(a: &Agreement, b: &Agreement) -> bool {
    kinds_agree(a.kind(), b.kind())
        && statuses_agree(a.status(), b.status())
        && match (&a.term, &b.term) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
}

fn kinds_agree(a: AgreementKind, b: AgreementKind) -> bool {
    let vague = |k| matches!(k, AgreementKind::Unspecified | AgreementKind::Other);
    a == b || vague(a) || vague(b)
}

fn statuses_agree(a: AgreementStatus, b: AgreementStatus) -> bool {
    use AgreementStatus::*;
    match (a, b) {
        (Unspecified, _) | (_, Unspecified) => true,
        (Planned, other) | (other, Planned) => other == Planned,
        (Signed | Past, Signed | Past) => true,
    }
}

fn visits(a: &Visit, b: &Visit) -> bool {
    let statuses = matches!(
        (a.status(), b.status()),
        (VisitStatus::Unspecified, _) | (_, VisitStatus::Unspecified)
    ) || a.status() == b.status();
    statuses && leaders_agree(a.leader.as_ref(), b.leader.as_ref())
}

/// Whether two leaders may be one person: one's name words all among the other's.
fn leaders_agree(a: Option<&Person>, b: Option<&Person>) -> bool {
    let words = |p: Option<&Person>| -> Vec<String> {
        p.map(|p| {
            p.name
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return true;
    }
    a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
}

#[cfg(test)]
mod tests {
    use hoptac_api::v1::{PartialDate, Place, Term};

    use super::*;

    fn party(region: &str) -> Party {
        Party {
            place: Some(Place {
                country: region[..2].to_string(),
                region: region.to_string(),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn on(year: i32, month: i32, day: i32) -> Option<PartialDate> {
        Some(PartialDate {
            year,
            month,
            day,
            year_inferred: false,
        })
    }

    fn signing(article: &str, parties: [&str; 2], date: Option<PartialDate>) -> Mention {
        Mention {
            record: Record::Agreement(Box::new(Agreement {
                kind: AgreementKind::Memorandum as i32,
                status: AgreementStatus::Signed as i32,
                parties: parties.iter().map(|p| party(p)).collect(),
                signed_on: date,
                ..Default::default()
            })),
            article_id: article.into(),
            url: format!("https://baoquangninh.vn/{article}"),
            source: "Báo Quảng Ninh".into(),
            published_on: None,
        }
    }

    fn visit(article: &str, leader: &str, start: Option<PartialDate>) -> Mention {
        Mention {
            record: Record::Visit(Box::new(Visit {
                status: VisitStatus::Happened as i32,
                guest: Some(party("VN-13")),
                host: Some(party("CN-GX")),
                leader: Some(Person {
                    name: leader.into(),
                    ..Default::default()
                }),
                start,
                ..Default::default()
            })),
            article_id: article.into(),
            url: String::new(),
            source: String::new(),
            published_on: None,
        }
    }

    fn edit(mut m: Mention, change: impl FnOnce(&mut Agreement)) -> Mention {
        if let Record::Agreement(a) = &mut m.record {
            change(a);
        }
        m
    }

    #[test]
    fn parties_count_by_code_in_any_order_and_a_visit_has_a_direction() {
        let a = signing("a", ["VN-13", "JP-01"], on(2023, 11, 16));
        let b = signing("b", ["JP-01", "VN-13"], on(2023, 11, 16));
        assert!(may_be_one(&a, &b));
        let other = signing("c", ["VN-13", "JP-40"], on(2023, 11, 16));
        assert!(!may_be_one(&a, &other));
        let mut back = visit("d", "", on(2024, 2, 27));
        if let Record::Visit(v) = &mut back.record {
            std::mem::swap(&mut v.guest, &mut v.host);
        }
        assert!(!may_be_one(&visit("e", "", on(2024, 2, 27)), &back));
    }

    #[test]
    fn two_records_of_one_article_are_two_events() {
        let a = signing("a", ["VN-13", "JP-01"], on(2023, 11, 16));
        assert!(!may_be_one(&a, &a.clone()));
    }

    #[test]
    fn dates_terms_kinds_and_statuses_must_agree_where_both_give_them() {
        let day = signing("a", ["VN-HN", "FR-IDF"], on(2022, 2, 16));
        assert!(may_be_one(
            &day,
            &signing("b", ["VN-HN", "FR-IDF"], on(2022, 2, 0))
        ));
        let undated = signing("b", ["VN-HN", "FR-IDF"], None);
        assert!(
            !may_be_one(&day, &undated),
            "a report that tells no year, not even by its publication, is not compared"
        );
        let published_then = Mention {
            published_on: on(2022, 2, 17),
            ..undated.clone()
        };
        assert!(may_be_one(&day, &published_then));
        let published_later = Mention {
            published_on: on(2022, 9, 30),
            ..undated
        };
        assert!(
            !may_be_one(&day, &published_later),
            "a signing reported as news seven months on is another one"
        );
        assert!(!may_be_one(
            &day,
            &signing("b", ["VN-HN", "FR-IDF"], on(2018, 0, 0))
        ));
        let term = |start_year, end_year| {
            Some(Term {
                start_year,
                end_year,
            })
        };
        let later = edit(signing("b", ["VN-HN", "FR-IDF"], None), |a| {
            a.term = term(2018, 2021)
        });
        let with_term = edit(day.clone(), |a| a.term = term(2022, 2025));
        assert!(
            !may_be_one(&with_term, &later),
            "a renewal is another instrument"
        );
        let past = edit(signing("b", ["VN-HN", "FR-IDF"], on(2022, 0, 0)), |a| {
            a.status = AgreementStatus::Past as i32
        });
        assert!(may_be_one(&day, &past), "signed then, named as past later");
        let planned = edit(signing("b", ["VN-HN", "FR-IDF"], on(2022, 2, 0)), |a| {
            a.status = AgreementStatus::Planned as i32
        });
        assert!(!may_be_one(&day, &planned));
        let friendship = edit(signing("b", ["VN-HN", "FR-IDF"], on(2022, 2, 16)), |a| {
            a.kind = AgreementKind::Friendship as i32
        });
        assert!(!may_be_one(&day, &friendship));
        let other = edit(friendship, |a| a.kind = AgreementKind::Other as i32);
        assert!(
            may_be_one(&day, &other),
            "\"other\" says too little to differ"
        );
    }

    #[test]
    fn leaders_conflict_only_when_neither_name_holds_the_other() {
        let ky = visit("a", "Nguyễn Xuân Ký", on(2024, 2, 27));
        assert!(may_be_one(&ky, &visit("b", "Ký", on(2024, 2, 0))));
        assert!(may_be_one(&ky, &visit("b", "", on(2024, 2, 27))));
        assert!(!may_be_one(
            &ky,
            &visit("b", "Nguyễn Văn Phong", on(2024, 2, 27))
        ));
        let governor = visit("c", "Suzuki Naomichi", on(2023, 0, 0));
        assert!(may_be_one(
            &governor,
            &visit("d", "Naomichi Suzuki", on(2023, 11, 16))
        ));
    }

    #[test]
    fn reports_that_tell_no_year_are_each_their_own_event() {
        let undated = visit("a", "Suzuki Naomichi", None);
        assert!(!may_be_one(&undated, &visit("b", "Suzuki Naomichi", None)));
        let published = |m: Mention| Mention {
            published_on: on(2023, 11, 17),
            ..m
        };
        assert!(may_be_one(
            &published(undated),
            &published(visit("b", "Suzuki Naomichi", None))
        ));
    }
}
