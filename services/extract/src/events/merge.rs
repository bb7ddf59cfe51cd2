//! Merging: one record per instrument or trip, from all its mentions in the article.
use super::agreements::{is_bare, same_kind, AgreementMention};
use super::document::Doc;
use super::parties::{at_date, compatible, locality, one_per_foreign_side};
use super::timeline::trip_span;
use super::visits::VisitMention;
use crate::model::{
    Agreement, AgreementKind, AgreementStatus, PartialDate, Party, Person, Place, Visit,
    VisitStatus,
};

/// One record per instrument: mentions with the same status and sides (and year, for past
/// ones) are one instrument, unless one is between institutions and the other not.
pub(super) fn merge_agreements(doc: &Doc<'_>, mentions: Vec<AgreementMention>) -> Vec<Agreement> {
    let mut out: Vec<(Agreement, Option<bool>, u8)> = Vec::new();
    for m in mentions {
        let year = |d: Option<PartialDate>| d.map_or(0, |d| d.year);
        let found = out.iter_mut().find(|(a, inst, _)| {
            a.status == m.status
                && (same_kind(a.kind, m.kind)
                    || is_bare(doc.c.cues, &a.title)
                    || is_bare(doc.c.cues, &m.title))
                && compatible(&a.parties, &m.parties)
                && (m.status != AgreementStatus::Past || year(a.signed_on) == year(m.date))
                && (inst.is_none() || m.institutions.is_none() || *inst == m.institutions)
        });
        match found {
            Some((a, inst, rank)) => {
                if m.kind == AgreementKind::Friendship {
                    a.kind = AgreementKind::Friendship;
                }
                if a.signed_on.is_none() || (m.date.is_some() && m.date_rank > *rank) {
                    a.signed_on = m.date;
                    *rank = m.date_rank;
                }
                for p in m.parties {
                    let slot = a
                        .parties
                        .iter_mut()
                        .find(|q| q.place.country == p.place.country);
                    if let Some(q) = slot {
                        if q.place.region.is_empty() && !p.place.region.is_empty() {
                            *q = p;
                        }
                    }
                }
                if a.term.is_none() {
                    a.term = m.term;
                }
                for f in m.fields {
                    if !a.fields.contains(&f) {
                        a.fields.push(f);
                    }
                }
                a.fields.sort();
                if inst.is_none() {
                    *inst = m.institutions;
                }
                for p in doc.signatories(m.sentence, &a.parties) {
                    if !a.signatories.iter().any(|q| q.name == p.name) {
                        a.signatories.push(p);
                    }
                }
            }
            None => {
                let signatories = doc.signatories(m.sentence, &m.parties);
                out.push((
                    Agreement {
                        kind: m.kind,
                        status: m.status,
                        title: m.title,
                        parties: m.parties,
                        signed_on: m.date,
                        term: m.term,
                        fields: m.fields,
                        signatories,
                        evidence: doc.evidence(m.sentence),
                    },
                    m.institutions,
                    m.date_rank,
                ));
            }
        }
    }
    let merged: Vec<Agreement> = out.into_iter().map(|(a, _, _)| a).collect();
    drop_told_per_partner(merged)
}

/// "ký kết Biên bản ghi nhớ với tỉnh Kampot và tỉnh Kep" told again as "lần lượt ký … với tỉnh
/// Kampot và với tỉnh Kep": an instrument of one side with several foreign partners is dropped
/// when each partner has its own with that side, of the same status, which takes its term.
fn drop_told_per_partner(mut agreements: Vec<Agreement>) -> Vec<Agreement> {
    let mut i = 0;
    while i < agreements.len() {
        let a = &agreements[i];
        let per_partner = one_per_foreign_side(a.parties.clone());
        let own: Vec<usize> = per_partner
            .iter()
            .filter_map(|sides| {
                agreements
                    .iter()
                    .position(|b| b.status == a.status && compatible(&b.parties, sides))
            })
            .collect();
        if per_partner.len() > 1 && own.len() == per_partner.len() {
            let told = agreements.remove(i);
            for j in own {
                let j = if j > i { j - 1 } else { j };
                let b = &mut agreements[j];
                b.term = b.term.or(told.term);
            }
        } else {
            i += 1;
        }
    }
    agreements
}

/// The days from the earlier start to the later end of two datings of one trip, when both
/// give a day of the same year; else the first.
fn span_of(
    start: Option<PartialDate>,
    end: Option<PartialDate>,
    other_start: Option<PartialDate>,
    other_end: Option<PartialDate>,
) -> (Option<PartialDate>, Option<PartialDate>) {
    let day = |d: &PartialDate| (d.year, d.month, d.day);
    let (Some(a), Some(b)) = (start, other_start) else {
        return (start, end);
    };
    if a.day == 0 || b.day == 0 || a.year != b.year || days_apart(&a, &b) > MAX_TRIP_DAYS {
        return (start, end);
    }
    let a_end = end.filter(|e| e.day > 0).unwrap_or(a);
    let b_end = other_end.filter(|e| e.day > 0).unwrap_or(b);
    let first = if day(&b) < day(&a) { b } else { a };
    let last = if day(&b_end) > day(&a_end) {
        b_end
    } else {
        a_end
    };
    (Some(first), (day(&last) != day(&first)).then_some(last))
}

/// The most days one trip to one host lasts: days further apart belong to other trips.
const MAX_TRIP_DAYS: i32 = 14;

/// How many days apart two days of one year are, roughly (months counted as 31 days).
fn days_apart(a: &PartialDate, b: &PartialDate) -> i32 {
    let ordinal = |d: &PartialDate| d.month as i32 * 31 + d.day as i32;
    (ordinal(a) - ordinal(b)).abs()
}

/// Whether two places are one, or one is the country of the other.
fn same_or_within(a: &Place, b: &Place) -> bool {
    a.code() == b.code() || (a.country == b.country && (a.region.is_empty() || b.region.is_empty()))
}

/// One record per trip to each host: mentions with the same guest, host and status; the
/// leader falls back to the leader of the same guest's trip elsewhere, then to the most senior
/// official of the guest side.
pub(super) fn merge_visits(doc: &Doc<'_>, mentions: Vec<VisitMention>) -> Vec<Visit> {
    let mut out: Vec<Visit> = Vec::new();
    let mut ranks: Vec<u8> = Vec::new();
    let mut leader_ranks: Vec<u8> = Vec::new();
    let mut legs: Vec<Vec<Leg>> = Vec::new();
    // The sentences that tell of each guest's trips: who is named there was there.
    let mut told: Vec<(String, usize)> = mentions
        .iter()
        .map(|m| (m.guest.place.code().to_string(), m.sentence))
        .collect();
    told.dedup();
    for m in mentions {
        // A caption ("Ảnh: Đoàn … làm việc với Hội đồng thành phố Auckland") borrows the
        // days of the sentences before it: it dates no stop.
        let leg = Leg::of(&m).filter(|_| !doc.is_caption(m.sentence));
        // A side named by its country ("tiếp đoàn Lào", "thăm Nhật Bản") is the region the
        // article names of it; two regions are two sides, each host its own visit.
        let found = out.iter().position(|v| {
            v.status == m.status
                && same_or_within(&v.guest.place, &m.guest.place)
                && same_or_within(&v.host.place, &m.host.place)
        });
        match found {
            Some(i) => {
                legs[i].extend(leg);
                let v = &mut out[i];
                if v.guest.place.region.is_empty() && !m.guest.place.region.is_empty() {
                    v.guest = m.guest;
                }
                if m.leader.is_some() && m.leader_rank > leader_ranks[i] {
                    v.leader = m.leader;
                    leader_ranks[i] = m.leader_rank;
                }
                if v.start.is_none() || (m.start.is_some() && m.date_rank > ranks[i]) {
                    v.start = m.start;
                    v.end = m.end;
                    ranks[i] = m.date_rank;
                } else if m.date_rank == ranks[i] && m.date_rank >= 2 {
                    // Days its own sentences give, each as directly: the trip spans them all
                    // ("ngày 20/5, đoàn đến Daegu"; "chiều 21/5, … ký").
                    (v.start, v.end) = span_of(v.start, v.end, m.start, m.end);
                }
                if v.host.place.region.is_empty() && !m.host.place.region.is_empty() {
                    v.host = m.host;
                }
                for f in m.fields {
                    if !v.fields.contains(&f) {
                        v.fields.push(f);
                    }
                }
                v.fields.sort();
            }
            None => {
                ranks.push(m.date_rank);
                leader_ranks.push(if m.leader.is_some() { m.leader_rank } else { 0 });
                legs.push(leg.into_iter().collect());
                out.push(Visit {
                    status: m.status,
                    guest: m.guest,
                    host: m.host,
                    leader: m.leader,
                    hosts: Vec::new(),
                    start: m.start,
                    end: m.end,
                    purpose: String::new(),
                    fields: m.fields,
                    evidence: doc.evidence(m.sentence),
                })
            }
        }
    }
    let mut out: Vec<Visit> = out
        .into_iter()
        .zip(&legs)
        .flat_map(|(v, legs)| split_legs(doc, &v, legs).unwrap_or_else(|| vec![v]))
        .collect();
    // A trip with another stop in the same country spans more than this stop's days.
    let several_stops: Vec<bool> = out
        .iter()
        .map(|v| {
            out.iter().any(|w| {
                w.status == v.status
                    && w.guest.place.code() == v.guest.place.code()
                    && w.host.place.country == v.host.place.country
                    && w.host.place.code() != v.host.place.code()
            })
        })
        .collect();
    // One trip's leader leads it to every host ("Đoàn … do ông A dẫn đầu … Tại tỉnh X, đoàn
    // …; tại tỉnh Y, đoàn …").
    let trip_leaders: Vec<Option<Person>> = out
        .iter()
        .map(|v| {
            v.leader.clone().or_else(|| {
                out.iter()
                    .filter(|w| {
                        w.status == v.status && w.guest.place.code() == v.guest.place.code()
                    })
                    .find_map(|w| w.leader.clone())
            })
        })
        .collect();
    for ((v, several_stops), leader) in out.iter_mut().zip(several_stops).zip(trip_leaders) {
        v.leader = leader;
        if let Some((start, end)) = trip_span(doc, v).filter(|_| !several_stops) {
            v.start = Some(start);
            v.end = Some(end);
        }
        for side in [&mut v.guest, &mut v.host] {
            if let Some(p) = doc
                .main_region_of(&side.place.country)
                .filter(|_| side.place.region.is_empty())
            {
                let date = v.start;
                *side = locality(at_date(doc.c.gazetteer, &p, date));
            }
        }
        if v.leader.is_none() {
            let sentences: Vec<usize> = told
                .iter()
                .filter(|(g, _)| g == v.guest.place.code())
                .map(|(_, i)| *i)
                .collect();
            v.leader = doc.senior_present(&v.guest.place, &sentences);
        }
        v.hosts = doc
            .people
            .iter()
            .filter(|p| {
                p.place
                    .as_ref()
                    .is_some_and(|pl| pl.code() == v.host.place.code())
            })
            .cloned()
            .collect();
    }
    // A nation's delegation or official ("Chủ tịch Quốc hội Cuba … cùng đoàn đại biểu cấp
    // cao Cuba") is no local side.
    out.retain(|v| {
        !(v.guest.place.region.is_empty()
            && v.leader.as_ref().is_some_and(|l| doc.is_national(&l.name)))
    });
    one_per_host(out)
}

/// One visit per guest, host and status: a trip told with the host's country as host is the
/// trip to the region of it that another telling names ("đoàn sang Nhật Bản …; tại tỉnh
/// Niigata, đoàn …"); what the later telling adds (dates, a leader) is kept.
fn one_per_host(visits: Vec<Visit>) -> Vec<Visit> {
    let key = |v: &Visit| {
        (
            v.status,
            v.guest.place.code().to_string(),
            v.host.place.code().to_string(),
        )
    };
    let has_region_host = |v: &Visit, all: &[Visit]| {
        v.host.place.region.is_empty()
            && all.iter().any(|w| {
                w.status == v.status
                    && w.guest.place.code() == v.guest.place.code()
                    && w.host.place.country == v.host.place.country
                    && !w.host.place.region.is_empty()
            })
    };
    let mut out: Vec<Visit> = Vec::new();
    for v in visits.iter().filter(|v| !has_region_host(v, &visits)) {
        match out.iter_mut().find(|o| key(o) == key(v)) {
            Some(o) => {
                if o.leader.is_none() {
                    o.leader = v.leader.clone();
                }
                if o.start.is_none() {
                    o.start = v.start;
                    o.end = v.end;
                }
            }
            None => out.push(v.clone()),
        }
    }
    out
}

/// One stop of a trip as a mention states it: the host region and the days there.
#[derive(Clone)]
struct Leg {
    pub(super) host: Party,
    pub(super) start: (i32, u32, u32),
    pub(super) end: (i32, u32, u32),
    pub(super) sentence: usize,
}

impl Leg {
    /// The stop a mention states: it names one region of the host's country, no other, and
    /// the days spent there. A sentence naming several regions tells the whole trip.
    fn of(m: &VisitMention) -> Option<Leg> {
        if !m.one_host_region || m.host.place.region.is_empty() {
            return None;
        }
        let day = |d: PartialDate| (d.day > 0).then_some((d.year, d.month, d.day));
        let start = day(m.start?)?;
        let end = m.end.and_then(day).unwrap_or(start);
        Some(Leg {
            host: m.host.clone(),
            start,
            end,
            sentence: m.sentence,
        })
    }
}

/// A trip with several stops told stop by stop ("Chặng thứ hai, từ ngày 19 đến 22-9, đoàn làm
/// việc tại thủ đô Moscow"): one visit per host region, each with its own days, when every
/// region's days are apart from the others'. Otherwise the visit keeps its host, its days
/// narrow to those its own stop is dated by, and a stop elsewhere in the country within the
/// trip's days or apart from them is a further visit ("Ngày 16/10, đoàn đến thành phố
/// Dresden, bang Sachsen"). A region named on the very days of the visit's reception is the
/// same meeting told again.
fn split_legs(doc: &Doc<'_>, v: &Visit, legs: &[Leg]) -> Option<Vec<Visit>> {
    let mut stops: Vec<Leg> = Vec::new();
    for l in legs {
        match stops
            .iter_mut()
            .find(|s| s.host.place.region == l.host.place.region)
        {
            Some(s) => {
                s.start = s.start.min(l.start);
                s.end = s.end.max(l.end);
            }
            None => stops.push(l.clone()),
        }
    }
    let inferred = v.start.is_some_and(|d| d.year_inferred);
    let date = |(year, month, day): (i32, u32, u32)| PartialDate {
        year,
        month,
        day,
        year_inferred: inferred,
    };
    let dated = |s: &Leg| (Some(date(s.start)), (s.end != s.start).then(|| date(s.end)));
    let as_visit = |s: &Leg| {
        let (start, end) = dated(s);
        Visit {
            host: s.host.clone(),
            start,
            end,
            evidence: doc.evidence(s.sentence),
            ..v.clone()
        }
    };
    let apart = stops.iter().enumerate().all(|(i, a)| {
        stops[i + 1..]
            .iter()
            .all(|b| a.end < b.start || b.end < a.start)
    });
    if stops.len() >= 2 && apart {
        return Some(stops.iter().map(as_visit).collect());
    }
    let day = |d: PartialDate| (d.year, d.month, d.day);
    let days = v
        .start
        .filter(|d| d.day > 0)
        .map(|s| (day(s), v.end.filter(|d| d.day > 0).map_or(day(s), day)));
    let region = &v.host.place.region;
    let mut this = v.clone();
    let own = stops.iter().find(|s| &s.host.place.region == region);
    if let (Some(own), Some((start, end))) = (own, days) {
        if (start, end) != (own.start, own.end) && start <= own.start && own.end <= end {
            (this.start, this.end) = dated(own);
        }
    }
    let another_time = |s: &&Leg| {
        days.is_some_and(|(start, end)| {
            (start != end && start <= s.start && s.end <= end) || s.end < start || end < s.start
        })
    };
    let others = stops
        .iter()
        .filter(|s| {
            !region.is_empty()
                && &s.host.place.region != region
                && s.host.place.country == v.host.place.country
        })
        .filter(another_time)
        .map(as_visit);
    let all: Vec<Visit> = std::iter::once(this).chain(others).collect();
    (all.len() > 1 || all[0] != *v).then_some(all)
}

/// Drops a trip told with no day of its own when a trip in the opposite direction between the
/// same Vietnamese place and foreign country, told with its own day, falls on the days it
/// borrowed: both sides cannot be each other's guests at once, and the undated telling is a
/// meeting on the dated trip ("Từ ngày 2 đến 8/9, đoàn … Đà Nẵng … tại Nhật Bản. … Ảnh: Chủ tịch
/// UBND thành phố … hội kiến Thống đốc tỉnh Kanagawa").
pub(super) fn drop_meetings_on_trips(doc: &Doc<'_>, visits: &mut Vec<Visit>) {
    let days = |v: &Visit| {
        let start = v.start.filter(|d| d.day > 0)?;
        Some((start, v.end.filter(|d| d.day > 0).unwrap_or(start)))
    };
    let outbound = |v: &Visit| &*v.guest.place.country == "VN";
    let opposite = |a: &Visit, b: &Visit| {
        let (Some((a_from, a_to)), Some((b_from, b_to))) = (days(a), days(b)) else {
            return false;
        };
        let (out, inb) = match (outbound(a), outbound(b)) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            _ => return false,
        };
        out.guest.place.code() == inb.host.place.code()
            && out.host.place.country == inb.guest.place.country
            && a_from <= b_to
            && b_from <= a_to
    };
    let happened = |v: &Visit| v.status == VisitStatus::Happened;
    let dated: Vec<bool> = visits
        .iter()
        .map(|v| doc.states_a_day(&v.evidence))
        .collect();
    let borrowed: Vec<bool> = visits
        .iter()
        .zip(&dated)
        .map(|(v, &own)| {
            !own && happened(v)
                && visits
                    .iter()
                    .zip(&dated)
                    .any(|(w, &w_own)| w_own && happened(w) && opposite(v, w))
        })
        .collect();
    let mut drop = borrowed.into_iter();
    visits.retain(|_| !drop.next().unwrap_or(false));
}
