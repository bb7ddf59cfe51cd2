//! Visits: every statement of a trip. Each detector reads one shape the press tells a trip in
//! and names the travelling side; what follows (where it went, when, whether it happened, who
//! led it) is worked out the same way for all of them.
//!
//! - [`delegation`]: a delegation of a place ("Đoàn đại biểu tỉnh Lào Cai … đã sang thăm …"),
//!   or a bare "đoàn" of the article's side ("Chặng đầu tiên, đoàn đến tỉnh Irkutsk");
//! - [`received`]: someone received ("Chủ tịch UBND tỉnh đã tiếp đoàn thành phố Ulsan");
//! - [`official`]: an official travelling ("Phó Tỉnh trưởng Em Pheap dẫn đầu đoàn công tác
//!   đã đến thăm …", "ông Sung Jang Hyun … cùng các thành viên trong đoàn đã đến chào xã giao");
//! - [`subject`]: a place visiting another ("Bình Định thăm tỉnh Champasak");
//! - [`trip_noun`]: a trip named as a thing and led by someone ("chuyến thăm, làm việc tại
//!   Nhật Bản … do Bí thư Tỉnh ủy Nguyễn Hải Ninh dẫn đầu");
//! - [`thanks`]: a guest thanking for the welcome ("… cảm ơn sự đón tiếp trọng thị của …");
//! - [`venue`]: officials of one side meeting or signing at a stated place of the other;
//! - [`attending`]: foreign officials named at an event held in Viet Nam.

mod attending;
mod delegation;
mod hosts;
mod official;
mod received;
mod subject;
mod thanks;
mod trip_noun;
mod venue;

use std::ops::Range;

use super::cues::Cat;
use super::document::Doc;
use super::leaders::{known_person, leader_accompanied, leader_after, leader_before};
use super::parties::{at_date, cross_border, locality, party};
use super::timeline::{lies_ahead, own_stated_time, stated_time, Dated, Want};
use crate::lexicon::Cue;
use crate::model::{Field, PartialDate, Party, Person, Place, VisitStatus};
use crate::persons::PersonMention;
use crate::places::PlaceMention;
use crate::text::{within_chars, Hit};

pub(super) use venue::venue_visits;

/// How far before a delegation word a cue makes its trip a plan ("sẽ dẫn đoàn").
const PLANNED_LEAD: usize = 18;

/// One statement of a visit, before merging.
pub(super) struct VisitMention {
    pub(super) sentence: usize,
    pub(super) status: VisitStatus,
    pub(super) guest: Party,
    pub(super) host: Party,
    pub(super) leader: Option<Person>,
    /// How plainly the text makes `leader` the head of the delegation (higher is plainer).
    pub(super) leader_rank: u8,
    pub(super) start: Option<PartialDate>,
    pub(super) end: Option<PartialDate>,
    /// How directly the text ties the dates to the mention (see `Dated`).
    pub(super) date_rank: u8,
    /// The sentence names no place but the guest's country and the host (or its country).
    pub(super) one_host_region: bool,
    pub(super) fields: Vec<Field>,
}

/// A trip a detector found: the side that travels, where the sentence tells of it, and the
/// leader when the shape names one.
struct Trip<'a> {
    guest: &'a PlaceMention,
    /// Where the telling of this trip starts.
    from: usize,
    /// Where the clause that tells it ends.
    limit: usize,
    /// The official the shape makes the leader (an official travelling, one attending).
    leader: Option<&'a PersonMention>,
    /// How plainly the shape makes them the head of the delegation: leading it (3), travelling
    /// or received as its official (2), met abroad (1).
    leader_rank: u8,
    /// Where the shape says the trip went (an event's venue), when it says.
    host: Option<Place>,
    /// For a guest's thanks, where the words about the welcome start: the host is named
    /// there ("… cảm ơn sự đón tiếp của lãnh đạo TP. Huế").
    thanked_from: Option<usize>,
    /// Places listed with the guest as travelling too ("đoàn đại biểu các tỉnh: Nghệ An, Hà
    /// Tĩnh (Việt Nam); Khăm Muồn (Lào)"): none of them is the host.
    fellows: Vec<&'a PlaceMention>,
}

impl<'a> Trip<'a> {
    fn new(guest: &'a PlaceMention, from: usize, limit: usize) -> Self {
        Trip {
            guest,
            from,
            limit,
            leader: None,
            leader_rank: 0,
            host: None,
            thanked_from: None,
            fellows: Vec::new(),
        }
    }
}

/// A sentence as the detectors read it: its cue words and places.
struct Sentence<'a> {
    index: usize,
    range: Range<usize>,
    delegations: Vec<Hit<Cat>>,
    towards: Vec<Hit<Cat>>,
    receives: Vec<Hit<Cat>>,
    planned: Vec<Hit<Cat>>,
    places: Vec<&'a PlaceMention>,
    /// The place "tại" names as where the sentence's event happens.
    venue: Option<&'a PlaceMention>,
}

impl<'a> Sentence<'a> {
    fn new(doc: &Doc<'a>, index: usize) -> Self {
        let range = doc.c.sentences[index].clone();
        let places = doc.places_in(&range);
        let venue = doc
            .hits_in(&range, |t| t == Cat::Venue)
            .iter()
            .find_map(|v| {
                places
                    .iter()
                    .find(|p| p.full.start >= v.end)
                    .filter(|p| doc.names_venue(v, p))
                    .copied()
            });
        Sentence {
            index,
            delegations: doc.hits_in(&range, |t| t == Cat::Delegation),
            towards: doc.hits_in(&range, |t| t == Cat::Toward),
            receives: doc.hits_in(&range, |t| t == Cat::Receive),
            planned: doc.hits_in(&range, |t| t == Cat::Planned),
            places,
            venue,
            range,
        }
    }

    /// Whether a stated time of the sentence lies after the article.
    fn set_for_later(&self, doc: &Doc<'_>) -> bool {
        own_stated_time(doc.c, &self.range).is_some_and(|d| lies_ahead(doc.c, d))
    }
}

/// The trips a sentence tells, by the first shape that finds one: a named delegation, someone
/// received, an official travelling, a place visiting another, a bare delegation, officials
/// meeting at a stated place; then officials attending an event.
fn trips<'a>(doc: &Doc<'a>, s: &Sentence<'a>) -> Vec<Trip<'a>> {
    let mut found = delegation::named(doc, s);
    if found.is_empty() {
        found = received::guests(doc, s);
    }
    if found.is_empty() {
        found = official::travelling(doc, s);
    }
    if found.is_empty() {
        found = subject::visiting(doc, s);
    }
    if found.is_empty() {
        found = trip_noun::led(doc, s);
    }
    if found.is_empty() {
        found = thanks::guests(doc, s);
    }
    // A guest received at a venue in its own country is the one who is visited.
    found.retain(|t| {
        !s.venue
            .is_some_and(|v| v.place.country == t.guest.place.country && v.span.start < t.from)
    });
    // A plan of a delegation with no place is the itinerary of the trip being told ("Theo
    // chương trình, ngày 17/5, đoàn sẽ đi thăm …"), unless it is set for a month to come.
    if found.is_empty() && (s.planned.is_empty() || s.set_for_later(doc)) {
        found.extend(delegation::bare(doc, s));
    }
    if found.is_empty() {
        found.extend(venue::met_at(doc, s));
    }
    if found.is_empty() {
        found = attending::officials(doc, s);
    }
    found
}

/// Every statement of a trip, one per host a sentence names for it.
pub(super) fn visit_mentions(doc: &Doc<'_>) -> Vec<VisitMention> {
    let c = doc.c;
    let mut out = Vec::new();
    for si in 0..c.sentences.len() {
        let range = &c.sentences[si];
        if doc.is_generic(range) || doc.has(range, Cat::Online) {
            continue;
        }
        let s = Sentence::new(doc, si);
        if s.places.is_empty() && doc.persons_in(&s.range).is_empty() {
            continue;
        }
        let wishes = doc.hits_in(&s.range, |t| t == Cat::Wish);
        for trip in trips(doc, &s) {
            if wishes
                .iter()
                .any(|w| w.end <= trip.from.max(trip.guest.span.start))
            {
                // "mong muốn / mời đoàn … sang thăm": an invitation, not a trip.
                continue;
            }
            out.extend(mentions_of(doc, &s, &trip));
        }
    }
    out
}

/// The mentions one trip makes: its status and dates, its leader, one per host.
fn mentions_of(doc: &Doc<'_>, s: &Sentence<'_>, trip: &Trip<'_>) -> Vec<VisitMention> {
    let c = doc.c;
    let g = trip.guest;
    let cue_after_guest = s.planned.iter().any(|p| p.start > g.span.end);
    // "sẽ dẫn đoàn …", "sẽ ký … nhân dịp đoàn … sang thăm" (a time after publication).
    let cue_leads = s
        .planned
        .iter()
        .any(|p| within_chars(c.text, p.end, trip.from, PLANNED_LEAD));
    let future = !s.planned.is_empty() && s.set_for_later(doc);
    let (status, dated) = if cue_after_guest || cue_leads || future {
        match stated_time(c, s.index).filter(|d| !doc.before_its_year(&d.date)) {
            Some(d) => (VisitStatus::Planned, Dated::new(d.date, d.end, 3)),
            None => return Vec::new(),
        }
    } else {
        let dated = doc.date_near(s.index, Want::Trip);
        // "… được tổ chức theo hình thức trực tuyến. Đoàn UBND thành phố … do ông … làm Trưởng
        // đoàn": a delegation at the online meeting just told did not travel.
        if dated
            .borrowed_from
            .is_some_and(|i| doc.has(&c.sentences[i], Cat::Online))
        {
            return Vec::new();
        }
        (VisitStatus::Happened, dated)
    };
    // A leader placed in another country, or in another region of the guest's, leads another
    // delegation; one placed only in the country ("Ủy viên Trung ương Đảng … Lào") may lead
    // this one.
    let of_this_delegation = |l: &Person| {
        l.place.as_ref().is_none_or(|p| {
            p.country == g.place.country && (p.region.is_empty() || p.code() == g.code())
        })
    };
    let named_leader = || {
        leader_after(doc, trip.from, trip.limit)
            .filter(of_this_delegation)
            .or_else(|| leader_before(doc, trip.from).filter(of_this_delegation))
            .or_else(|| leader_accompanied(doc, trip.from).filter(of_this_delegation))
            .map(|l| (l, 3))
    };
    let (leader, leader_rank) = match trip.leader {
        Some(p) if trip.leader_rank >= 3 => (Some(known_person(doc, p)), trip.leader_rank),
        Some(p) => named_leader()
            .map(|(l, r)| (Some(l), r))
            .unwrap_or((Some(known_person(doc, p)), trip.leader_rank)),
        None => named_leader().map_or((None, 0), |(l, r)| (Some(l), r)),
    };
    let gz = c.gazetteer;
    let guest = party(c.text, g, at_date(gz, &g.place, dated.start));
    let mut out = Vec::new();
    for host in hosts::of(doc, s, trip) {
        let host_place = host.place();
        if !cross_border(&[g.place.clone(), host_place.clone()]) {
            continue;
        }
        let host_party = match host.mention {
            Some(h) => party(c.text, h, at_date(gz, &h.place, dated.start)),
            None => locality(at_date(gz, host_place, dated.start)),
        };
        out.push(VisitMention {
            sentence: s.index,
            status,
            guest: guest.clone(),
            host: host_party,
            leader: leader.clone(),
            leader_rank,
            start: dated.start,
            end: dated.end,
            date_rank: dated.rank,
            one_host_region: s.places.iter().all(|p| {
                // "Rời Daegu, ngày 23/5 đoàn đến Busan": the stop left is not this one's.
                c.cues.ends_with(&doc.lower[..p.full.start], Cue::Leave)
                    || p.place.country == g.place.country
                    || (p.place.country == host_place.country
                        && (p.place.region.is_empty() || p.place.region == host_place.region))
            }),
            fields: doc.fields(s.range.clone(), &[]),
        });
    }
    out
}
