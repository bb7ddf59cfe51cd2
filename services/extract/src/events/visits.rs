//! Visits: every statement of a trip, by the shape the text tells it in.
use super::cues::Cat;
use super::document::{byte_of, Doc};
use super::leaders::{known_person, leader_after, leader_before};
use super::parties::{at_date, cross_border, locality, party};
use super::timeline::{lies_ahead, own_stated_time, stated_time, Dated, Want};
use crate::model::{
    Agreement, AgreementStatus, Field, PartialDate, Party, Person, Visit, VisitStatus,
};
use crate::persons::PersonMention;
use crate::places::PlaceMention;
use crate::text::Hit;
use std::ops::Range;

/// How far after a verb of movement the host place may be named ("thăm và làm việc tại …").
const HOST_REACH: usize = 48;

/// The verb of leaving a place, before it.
const LEAVE: &str = "rời ";

/// Bytes between a bare "đoàn" and its verb: a word or two ("đoàn đã đến", "đoàn tiếp tục
/// làm việc tại").
const BARE_SUBJECT_GAP: usize = 16;

/// How far before a delegation word a cue makes its trip a plan ("sẽ dẫn đoàn").
const PLANNED_LEAD: usize = 24;

/// How far after "tiếp" / "đón" the guest's place may be named ("tiếp Phó Chủ tịch Vùng …").
const RECEIVE_REACH: usize = 40;

/// How far a delegation's own place may stand from the word "đoàn".
const DELEGATION_REACH: usize = 170;

/// One statement of a visit, before merging.
pub(super) struct VisitMention {
    pub(super) sentence: usize,
    pub(super) status: VisitStatus,
    pub(super) guest: Party,
    pub(super) host: Party,
    pub(super) leader: Option<Person>,
    pub(super) start: Option<PartialDate>,
    pub(super) end: Option<PartialDate>,
    /// How directly the text ties the dates to the mention (see `Dated`).
    pub(super) date_rank: u8,
    /// The sentence names no place but the guest's country and the host (or its country).
    pub(super) one_host_region: bool,
    pub(super) fields: Vec<Field>,
}

/// The end of a delegation phrase: where its leader, its verb or its purpose starts.
fn delegation_phrase_end(text: &str, from: usize, limit: usize) -> usize {
    let chunk = &text[from..limit];
    [
        " do ",
        " dẫn đầu",
        " thăm",
        " làm việc",
        " tới ",
        " đến ",
        " sang ",
        " tham dự",
        " đã ",
        " đang ",
        " về ",
        " nhân ",
        ", ",
    ]
    .iter()
    .filter_map(|w| chunk.find(w))
    .min()
    .map_or(limit, |i| from + i)
}

/// Every statement of a trip: a delegation of one place, someone received ("tiếp …"), a place
/// visiting another ("sẽ sang thăm …"), or officials meeting at a stated place of the other side.
pub(super) fn visit_mentions(doc: &Doc<'_>) -> Vec<VisitMention> {
    let c = doc.c;
    let mut out = Vec::new();
    for (si, s) in c.sentences.iter().enumerate() {
        if doc.is_generic(s) || doc.has(s, Cat::Online) {
            continue;
        }
        let delegations = doc.hits_in(s, |t| t == Cat::Delegation);
        let towards = doc.hits_in(s, |t| t == Cat::Toward);
        let receives = doc.hits_in(s, |t| t == Cat::Receive);
        let planned = doc.hits_in(s, |t| t == Cat::Planned);
        let places = doc.places_in(s);
        if places.is_empty() {
            continue;
        }
        let venue = doc.hits_in(s, |t| t == Cat::Venue).iter().find_map(|v| {
            places
                .iter()
                .find(|p| p.full.start >= v.end)
                .filter(|p| doc.names_venue(v, p))
                .copied()
        });
        let mut guests: Vec<(&PlaceMention, usize, usize)> = Vec::new();
        for (k, d) in delegations.iter().enumerate() {
            let limit = delegations.get(k + 1).map_or(s.end, |n| n.start).min(s.end);
            let reach = crate::text::floor_boundary(c.text, limit.min(d.end + DELEGATION_REACH));
            let phrase_end = delegation_phrase_end(c.text, d.end, reach);
            let in_phrase: Vec<&PlaceMention> = places
                .iter()
                .filter(|p| p.span.start >= d.end && p.span.end <= phrase_end.max(d.end))
                .copied()
                .collect();
            let pick = in_phrase
                .iter()
                .find(|p| !p.place.region.is_empty())
                .or_else(|| in_phrase.first())
                .copied();
            if let Some(g) = pick {
                guests.push((g, d.start, limit));
                // Several localities sending one delegation ("Đoàn công tác các tỉnh Lạng Sơn,
                // Cao Bằng và Hà Giang") make one visit each.
                let mut listed: Vec<&PlaceMention> = in_phrase.clone();
                let mut last_end = in_phrase.last().map_or(g.span.end, |p| p.span.end);
                let start_from = last_end;
                for p in places.iter().filter(|p| p.span.start >= start_from) {
                    let Some(gap) = c.text.get(last_end..p.full.start) else {
                        break;
                    };
                    let gap = gap.trim();
                    if !matches!(gap, "," | "và" | ", và") {
                        break;
                    }
                    listed.push(p);
                    last_end = p.span.end;
                }
                let others = listed.into_iter().filter(|p| {
                    p.place.country == g.place.country
                        && !p.place.region.is_empty()
                        && p.code() != g.code()
                });
                for o in others {
                    if !guests.iter().any(|(q, _, _)| q.code() == o.code()) {
                        guests.push((o, d.start, limit));
                    }
                }
            }
        }
        // "Phó Thủ tướng đã tiếp Thống đốc tỉnh …": the nation receives, not a locality.
        let national_hosts = doc.hits_in(s, |t| t == Cat::NationalHost);
        let received_by_the_nation = |r: &Hit<Cat>| {
            national_hosts
                .iter()
                .any(|n| n.end <= r.start && r.start - n.end <= NATIONAL_HOST_REACH)
        };
        if guests.is_empty() {
            for r in receives.iter().filter(|r| !received_by_the_nation(r)) {
                let object = places.iter().find(|p| {
                    !p.place.region.is_empty()
                        && p.full.start >= r.end
                        && p.full.start <= r.end + RECEIVE_REACH
                        && {
                            let gap = &c.text[r.end..p.full.start];
                            !gap.contains(',') && !gap.contains("của") && !gap.contains(" và ")
                        }
                });
                if let Some(g) = object {
                    guests.push((g, r.start, s.end));
                }
            }
        }
        let subject_visit = guests.is_empty();
        if subject_visit {
            for t in &towards {
                let word = &doc.lower[t.start..t.end];
                if word != "thăm" {
                    continue;
                }
                // The subject before the verb, not the object of an earlier one ("đoàn sẽ đi
                // thăm Khu kinh tế Đông Nam Nghệ An và thăm hỏi lưu học sinh …").
                let object_of_earlier = |p: &&PlaceMention| {
                    towards.iter().any(|e| {
                        e.end <= p.full.start
                            && p.span.end <= t.start
                            && !c.text[e.end..p.full.start].contains(',')
                    })
                };
                let before: Vec<&&PlaceMention> = places
                    .iter()
                    .filter(|p| p.span.end <= t.start && !object_of_earlier(p))
                    .collect();
                let after = places
                    .iter()
                    .find(|p| p.full.start >= t.end && p.full.start <= t.end + HOST_REACH);
                if let (Some(g), Some(h)) = (before.last(), after) {
                    if g.place.country != h.place.country
                        && !g.place.region.is_empty()
                        && !h.place.region.is_empty()
                    {
                        guests.push((g, t.start, s.end));
                    }
                }
            }
        }
        // A plan of a delegation with no place is the itinerary of the trip being told
        // ("Theo chương trình, ngày 17/5, đoàn sẽ đi thăm …"), unless it is set for a month to
        // come ("đoàn công tác của tỉnh … sẽ sang thăm vùng Lombardia vào tháng 11.2023").
        let future = || own_stated_time(c, s).is_some_and(|d| lies_ahead(c, d));
        // A guest received at a venue in its own country is the one who is visited.
        guests.retain(|(g, from, _)| {
            !venue.is_some_and(|v| v.place.country == g.place.country && v.span.start < *from)
        });
        if guests.is_empty() && (planned.is_empty() || future()) {
            guests.extend(bare_delegation(doc, &delegations, &towards, &places, s.end));
        }
        if guests.is_empty() {
            guests.extend(met_at_venue(doc, s, venue));
        }
        let attendees = if guests.is_empty() {
            officials_attending(doc, s, &towards, &places)
        } else {
            Vec::new()
        };
        guests.extend(attendees.iter().map(|(g, p)| (*g, p.span.start, s.end)));
        let wishes = doc.hits_in(s, |t| t == Cat::Wish);
        for (g, from, limit) in guests {
            if wishes.iter().any(|w| w.end <= from.max(g.span.start)) {
                // "mong muốn / mời đoàn … sang thăm": an invitation, not a trip.
                continue;
            }
            // One side is Vietnamese, the other foreign: a foreign guest's host is Vietnamese.
            let other = |p: &&PlaceMention| {
                p.place.country != g.place.country
                    && (g.place.country == "VN" || p.place.country == "VN")
            };
            let toward_host = towards
                .iter()
                .filter(|t| t.start >= from && t.start < limit)
                .find_map(|t| {
                    places.iter().find(|p| {
                        p.full.start >= t.end && p.full.start <= t.end + HOST_REACH && other(p)
                    })
                });
            let sub = |p: &&&PlaceMention| !p.place.region.is_empty();
            let host = toward_host
                .or_else(|| venue.as_ref().filter(|v| other(v)))
                .or_else(|| {
                    places
                        .iter()
                        .filter(|p| p.span.start > g.span.end && other(p))
                        .find(sub)
                })
                .or_else(|| {
                    places
                        .iter()
                        .filter(|p| p.span.end < g.span.start && other(p))
                        .find(sub)
                })
                .or_else(|| places.iter().find(|p| other(p)));
            // "đoàn sang New Zealand, làm việc với Hội đồng thành phố Auckland": the region
            // named after the country is the host.
            let host = host.map(|h| {
                places
                    .iter()
                    .find(|p| {
                        h.place.region.is_empty()
                            && p.place.country == h.place.country
                            && !p.place.region.is_empty()
                            && p.span.start > h.span.end
                    })
                    .unwrap_or(h)
            });
            let host_place = host.map(|h| (*h).clone());
            let fallback = if g.place.country == "VN" {
                doc.partner.clone()
            } else {
                doc.home.clone()
            };
            let (host_mention, host_place) = match host_place {
                Some(h) => (Some(h.clone()), h.place.clone()),
                None => match fallback {
                    Some(p) => (None, p),
                    None => continue,
                },
            };
            let cue_after_guest = planned.iter().any(|p| p.start > g.span.end);
            // "sẽ dẫn đoàn …", "sẽ ký … nhân dịp đoàn … sang thăm" (a time after publication).
            let cue_leads = planned
                .iter()
                .any(|p| p.end <= from && from - p.end <= PLANNED_LEAD);
            let future =
                !planned.is_empty() && own_stated_time(c, s).is_some_and(|d| lies_ahead(c, d));
            let (status, dated) = if cue_after_guest || cue_leads || future {
                match stated_time(c, si) {
                    Some(d) => (VisitStatus::Planned, Dated::new(d.date, d.end, 3)),
                    None => continue,
                }
            } else {
                (VisitStatus::Happened, doc.date_near(si, Want::Trip))
            };
            let places_at = [g.place.clone(), host_place.clone()];
            if !cross_border(&places_at) {
                continue;
            }
            let gz = c.gazetteer;
            let guest = party(g, at_date(gz, &g.place, dated.start));
            let host = match &host_mention {
                Some(h) => party(h, at_date(gz, &h.place, dated.start)),
                None => locality(at_date(gz, &host_place, dated.start)),
            };
            // A leader placed in another region of the guest's country leads another delegation;
            // one placed only in the country ("Ủy viên Trung ương Đảng … Lào") may lead this one.
            let of_this_delegation = |l: &Person| {
                l.place.as_ref().is_none_or(|p| {
                    p.country != g.place.country || p.region.is_empty() || p.code() == g.code()
                })
            };
            // An official attending stands for their own trip ("Dự buổi lễ có … ông Koen
            // Vandenberghe, Phó Thị trưởng thành phố Leuven").
            let attending = || {
                attendees
                    .iter()
                    .find(|(_, p)| p.span.start == from)
                    .map(|(_, p)| known_person(doc, p))
            };
            let leader = leader_after(doc, from, limit)
                .filter(of_this_delegation)
                .or_else(|| leader_before(doc, from).filter(of_this_delegation))
                .or_else(attending);
            out.push(VisitMention {
                sentence: si,
                status,
                guest,
                host,
                leader,
                start: dated.start,
                end: dated.end,
                date_rank: dated.rank,
                one_host_region: places.iter().all(|p| {
                    // "Rời Daegu, ngày 23/5 đoàn đến Busan": the stop left is not this one's.
                    doc.lower[..p.full.start].ends_with(LEAVE)
                        || p.place.country == g.place.country
                        || (p.place.country == host_place.country
                            && (p.place.region.is_empty() || p.place.region == host_place.region))
                }),
                fields: doc.fields(s.clone(), &[]),
            });
        }
    }
    out
}

/// A delegation with no place, going somewhere ("Chặng đầu tiên, đoàn đến tỉnh Irkutsk"): the
/// delegation the article is about, the article's side that is not where it goes.
fn bare_delegation<'a>(
    doc: &Doc<'a>,
    delegations: &[Hit<Cat>],
    towards: &[Hit<Cat>],
    places: &[&'a PlaceMention],
    sentence_end: usize,
) -> Option<(&'a PlaceMention, usize, usize)> {
    let c = doc.c;
    delegations.iter().find_map(|d| {
        let verb = towards.iter().find(|t| t.start >= d.end)?;
        // The verb follows the delegation, or the phrase of its leader ("đoàn công tác của
        // tỉnh do ông … dẫn đầu sẽ sang thăm").
        let lead = doc
            .hits_in(&(d.end..verb.start), |t| t == Cat::Lead)
            .last()
            .map(|l| l.end)
            .filter(|_| {
                let rest = doc.lower[d.end..].trim_start();
                rest.starts_with("do ") || rest.starts_with("của ")
            });
        let subject_end = lead.unwrap_or(d.end);
        if c.text[subject_end..verb.start].trim().len() > BARE_SUBJECT_GAP
            || places
                .iter()
                .any(|p| p.span.end <= verb.start && p.span.start >= d.start)
        {
            return None;
        }
        let named = places
            .iter()
            .find(|p| {
                p.full.start >= verb.end
                    && p.full.start <= verb.end + HOST_REACH
                    && !p.place.region.is_empty()
            })
            .map(|p| (p.place.country.as_str(), p.span.clone()));
        // Or the place of the official it meets ("đoàn đến chào xã giao và làm việc với ông
        // Viktor Karpenko, Phó Chủ tịch … thành phố Minsk").
        let met = || {
            c.persons
                .iter()
                .filter(|p| p.span.start >= verb.end && p.span.start <= verb.end + HOST_REACH)
                .find_map(|p| p.person.place.as_ref().filter(|pl| !pl.region.is_empty()))
                .map(|pl| (pl.country.as_str(), 0..0))
        };
        let (country, span) = named.or_else(met)?;
        // Where the article's delegation goes is in a country the article is about, not one
        // named only there ("Đặc khu kinh tế Manhattan tại Bavet").
        let about = c
            .places
            .iter()
            .any(|p| p.place.country == country && p.span != span);
        if !about {
            return None;
        }
        let side = if country == "VN" {
            doc.partner.as_ref()
        } else {
            doc.home.as_ref()
        }?;
        let guest = c.places.iter().find(|p| p.code() == side.code())?;
        Some((guest, d.start, sentence_end))
    })
}

/// Officials of one side meeting at a stated place of the other side ("Bí thư Tỉnh ủy Lào Cai
/// … hội đàm với … tại thành phố Côn Minh"): the official's place travelled there.
fn met_at_venue<'a>(
    doc: &Doc<'a>,
    s: &Range<usize>,
    venue: Option<&'a PlaceMention>,
) -> Option<(&'a PlaceMention, usize, usize)> {
    let venue = venue?;
    let meets = doc
        .hits_in(s, |t| matches!(t, Cat::Toward | Cat::Sign | Cat::Receive))
        .iter()
        .any(|h| {
            let w = &doc.lower[h.start..h.end];
            MEETING_VERBS.contains(&w) || matches!(h.tag, Cat::Sign | Cat::Receive)
        });
    if !meets {
        return None;
    }
    let in_sentence = |p: &&PersonMention| p.span.start >= s.start && p.span.end <= s.end;
    let placed = doc.c.persons.iter().filter(in_sentence).find_map(|p| {
        p.person
            .place
            .as_ref()
            .filter(|pl| !pl.region.is_empty() && pl.country != venue.place.country)
    });
    // "Ngày 3/9, tại thành phố Yokohama, Chủ tịch UBND thành phố Trần Quang Vĩnh đã hội kiến …":
    // a local office with no place named abroad is the article's own side.
    let home = || {
        let home = doc.home.as_ref().filter(|_| venue.place.country != "VN")?;
        doc.c
            .persons
            .iter()
            .filter(in_sentence)
            .any(|p| p.person.place.is_none() && holds_local_office(&p.person.title))
            .then_some(home)
    };
    let code = placed.or_else(home)?.code().to_string();
    let mention = doc
        .places
        .iter()
        .find(|p| p.span.start >= s.start && p.span.end <= s.end && p.code() == code)
        .or_else(|| doc.places.iter().find(|p| p.code() == code))?;
    Some((mention, s.start, s.end))
}

/// Whether a title is an office of a province or city ("Chủ tịch UBND thành phố", "Bí thư
/// Tỉnh ủy").
fn holds_local_office(title: &str) -> bool {
    let title = crate::text::lower_view(title);
    LOCAL_OFFICES.iter().any(|w| title.contains(w))
}

/// Words of the offices of a province or city.
const LOCAL_OFFICES: &[&str] = &["ubnd", "hđnd", "tỉnh ủy", "thành ủy", "tỉnh uỷ", "thành uỷ"];

/// Foreign officials named as attending an event in Viet Nam ("Dự buổi lễ có ông …, Chủ tịch
/// UBND tỉnh; ông Koen Vandenberghe, Phó Thị trưởng thành phố Leuven; bà Agnieszka Nowicka,
/// Phó Thị trưởng thành phố Wrocław"): each one's place travelled there, each a visit.
fn officials_attending<'a>(
    doc: &Doc<'a>,
    s: &Range<usize>,
    towards: &[Hit<Cat>],
    places: &[&'a PlaceMention],
) -> Vec<(&'a PlaceMention, &'a PersonMention)> {
    // Attending an event ("Dự buổi lễ có …"), not a working session, where the officials of
    // the side that receives are named too ("Tham dự buổi làm việc, về phía tỉnh … có …").
    let attend = towards.iter().find(|t| {
        ATTEND_VERBS.contains(&&doc.lower[t.start..t.end])
            && ATTENDED_EVENTS
                .iter()
                .any(|e| doc.lower[t.end..s.end].trim_start().starts_with(e))
    });
    let Some(attend) = attend else {
        return Vec::new();
    };
    let mut out: Vec<(&PlaceMention, &PersonMention)> = Vec::new();
    for p in doc
        .c
        .persons
        .iter()
        .filter(|p| p.span.start >= attend.end && p.span.end <= s.end)
    {
        let Some(place) = p
            .person
            .place
            .as_ref()
            .filter(|pl| !pl.region.is_empty() && pl.country != "VN")
        else {
            continue;
        };
        let mention = places
            .iter()
            .find(|m| m.code() == place.code() && m.span.start >= p.span.start);
        if let Some(m) = mention {
            if !out.iter().any(|(g, _)| g.code() == m.code()) {
                out.push((m, p));
            }
        }
    }
    out
}

/// Verbs of attending an event.
const ATTEND_VERBS: &[&str] = &["dự", "tham dự"];

/// Events that officials of several places attend.
const ATTENDED_EVENTS: &[&str] = &[
    "lễ",
    "buổi lễ",
    "hội nghị",
    "diễn đàn",
    "hội thảo",
    "hội chợ",
    "triển lãm",
    "lễ hội",
    "chương trình",
];

/// Verbs of a meeting between officials.
pub(super) const MEETING_VERBS: &[&str] = &["hội đàm", "làm việc", "gặp", "tiếp xúc"];

/// The named head of a delegation: "do [ông] X … dẫn đầu / làm trưởng đoàn", "dẫn đầu là X".
/// How far before a receiving verb a national office may stand and be its subject
/// ("Phó Thủ tướng đã tiếp …").
const NATIONAL_HOST_REACH: usize = 12;

/// Officials of one side at a signing held at a stated place of the other side travelled
/// there, even when no delegation is named.
pub(super) fn venue_visits(doc: &Doc<'_>, agreements: &[Agreement], visits: &mut Vec<Visit>) {
    let c = doc.c;
    for a in agreements
        .iter()
        .filter(|a| a.status == AgreementStatus::Signed)
    {
        let Some(idx) = doc.sentence_index(byte_of(c.text, a.evidence.start)) else {
            continue;
        };
        let lo = idx.saturating_sub(1);
        for s in &c.sentences[lo..=idx.min(c.sentences.len() - 1)] {
            if doc.has(s, Cat::Online) || !doc.has(s, Cat::Sign) {
                continue;
            }
            let places = doc.places_in(s);
            // Where it was signed is told before the signing; "tại …" after the instrument is
            // what it is about ("ký Biên bản ghi nhớ về … logistics tại khu vực cửa khẩu Lào
            // Cai").
            let signed_at = doc
                .hits_in(s, |t| t == Cat::Sign)
                .first()
                .map_or(s.end, |h| h.start);
            let venue = doc
                .hits_in(s, |t| t == Cat::Venue)
                .iter()
                .filter(|v| {
                    // "Tại đây, …" points back to the place before; it names none itself.
                    let next = doc.lower[v.end..].trim_start();
                    v.end <= signed_at && !next.starts_with("đây") && !next.starts_with("đó")
                })
                .find_map(|v| {
                    places
                        .iter()
                        .find(|p| p.full.start >= v.end && p.full.start <= v.end + 40)
                        .copied()
                });
            let Some(venue) = venue else { continue };
            let Some(host) = a
                .parties
                .iter()
                .find(|p| p.place.country == venue.place.country)
            else {
                continue;
            };
            for guest in a
                .parties
                .iter()
                .filter(|p| p.place.country != venue.place.country)
            {
                let known = visits
                    .iter()
                    .any(|v| v.guest.place.code() == guest.place.code());
                let leader = doc.senior_of(&guest.place);
                if known || leader.is_none() {
                    continue;
                }
                visits.push(Visit {
                    status: VisitStatus::Happened,
                    guest: guest.clone(),
                    host: host.clone(),
                    leader,
                    hosts: Vec::new(),
                    start: a.signed_on,
                    end: None,
                    purpose: String::new(),
                    fields: Vec::new(),
                    evidence: doc.evidence(doc.sentence_index(s.start).unwrap_or(idx)),
                });
            }
        }
    }
}
