//! Where a trip went: the place named after its verb ("thăm và làm việc tại …"), else where the
//! sentence's event happens ("tại …"), else the other side's place named in the sentence, else
//! the article's other side. A host named in a list ("thăm, chúc Tết 3 tỉnh Lào là Hủa Phăn,
//! Xiêng Khoảng và Bôlykhămxay") is each place of the list.
use super::{Sentence, Trip};
use crate::events::document::Doc;
use crate::lexicon::Cue;
use crate::model::Place;
use crate::places::PlaceMention;
use crate::text::within_chars;

/// How far after a verb of movement the host place may be named ("thăm và làm việc tại …").
pub(super) const HOST_REACH: usize = 36;

/// A host of a trip: a place the sentence names, or the article's other side when it names
/// none.
pub(super) struct Host<'a> {
    pub(super) mention: Option<&'a PlaceMention>,
    place: Option<Place>,
}

impl Host<'_> {
    /// The host's place.
    pub(super) fn place(&self) -> &Place {
        match (self.mention, &self.place) {
            (Some(m), _) => &m.place,
            (None, Some(p)) => p,
            (None, None) => unreachable!("a host has a mention or a place"),
        }
    }
}

/// The hosts of a trip, in the order the sentence names them; none when neither the sentence
/// nor the article names the other side.
pub(super) fn of<'a>(doc: &Doc<'a>, s: &Sentence<'a>, trip: &Trip<'a>) -> Vec<Host<'a>> {
    let g = trip.guest;
    if let Some(venue) = &trip.host {
        return vec![Host {
            mention: None,
            place: Some(venue.clone()),
        }];
    }
    let places = &s.places;
    // One side is Vietnamese, the other foreign: a foreign guest's host is Vietnamese. Those
    // listed as travelling with the guest host nothing.
    let other = |p: &&PlaceMention| {
        p.place.country != g.place.country
            && (&*g.place.country == "VN" || &*p.place.country == "VN")
            && !trip.fellows.iter().any(|f| f.span == p.span)
    };
    // For a guest's thanks, the host is named after them ("… cảm ơn sự đón tiếp của lãnh đạo
    // TP. Huế").
    let thanked = trip.thanked_from.and_then(|at| {
        places
            .iter()
            .find(|p| p.full.start >= at && other(p) && !p.place.region.is_empty())
    });
    let toward_host = s
        .towards
        .iter()
        .filter(|t| t.start >= trip.from && t.start < trip.limit)
        .find_map(|t| {
            places
                .iter()
                .find(|p| within_chars(doc.c.text, t.end, p.full.start, HOST_REACH) && other(p))
        });
    let sub = |p: &&&PlaceMention| !p.place.region.is_empty();
    let host = thanked
        .or(toward_host)
        .or_else(|| s.venue.as_ref().filter(|v| other(v)))
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
        .or_else(|| places.iter().find(|p| other(p)))
        .copied();
    // "đoàn sang New Zealand, làm việc với Hội đồng thành phố Auckland": the region named
    // after the country is the host.
    let host = host.map(|h| {
        places
            .iter()
            .find(|p| {
                h.place.region.is_empty()
                    && p.place.country == h.place.country
                    && !p.place.region.is_empty()
                    && p.span.start > h.span.end
            })
            .copied()
            .unwrap_or(h)
    });
    // Held in a third place of the host's country ("tại thủ đô Bangkok (Thái Lan), đoàn …
    // tỉnh Hà Tĩnh … và lãnh đạo tỉnh Nakhon Phanom … đã ký kết"): the host is the country.
    let third_place = host.is_some_and(|h| {
        s.venue.is_some_and(|v| v.code() == h.code())
            && places.iter().any(|p| {
                p.place.country == h.place.country
                    && !p.place.region.is_empty()
                    && p.code() != h.code()
                    && !p.qualifier
            })
    });
    if let Some(h) = host.filter(|_| third_place) {
        let country = doc.c.gazetteer.by_code(&h.place.country).cloned();
        return country
            .map(|p| Host {
                mention: None,
                place: Some(p),
            })
            .into_iter()
            .collect();
    }
    let Some(host) = host else {
        // An event held in the guest's own country is no trip abroad ("Đoàn công tác tỉnh
        // Thanh Hóa dự hội nghị" at a forum in Quảng Ninh).
        if doc
            .venue_of(s.index)
            .is_some_and(|v| v.country == g.place.country)
        {
            return Vec::new();
        }
        let fallback = if &*g.place.country == "VN" {
            doc.partner.clone()
        } else {
            doc.home.clone()
        };
        return fallback
            .map(|p| Host {
                mention: None,
                place: Some(p),
            })
            .into_iter()
            .collect();
    };
    listed_with(doc, places, host)
        .into_iter()
        .map(|m| Host {
            mention: Some(m),
            place: None,
        })
        .collect()
}

/// `first` and the regions of its country listed right after it ("tỉnh Kép và tỉnh Preah
/// Sihanouk", "Hủa Phăn, Xiêng Khoảng và Bôlykhămxay"), one per code.
fn listed_with<'a>(
    doc: &Doc<'a>,
    places: &[&'a PlaceMention],
    first: &'a PlaceMention,
) -> Vec<&'a PlaceMention> {
    let mut out = vec![first];
    // A list of countries ("tại Hàn Quốc và Nhật Bản") is one host each; a list of regions
    // stays within its country.
    let countries = first.place.region.is_empty();
    let mut last_end = first.span.end;
    for p in places.iter().filter(|p| p.full.start >= first.span.end) {
        let Some(gap) = doc.lower.get(last_end..p.full.start) else {
            break;
        };
        if p.qualifier && p.place.country == first.place.country {
            // "(Campuchia)" after a listed region: part of the list's punctuation.
            last_end = p.full.end.max(p.span.end);
            continue;
        }
        if !joins_a_list(doc, gap) {
            break;
        }
        let listed = if countries {
            p.place.region.is_empty() && &*p.place.country != "VN"
        } else {
            p.place.country == first.place.country && !p.place.region.is_empty()
        };
        if !listed {
            break;
        }
        if !out.iter().any(|o| o.code() == p.code()) {
            out.push(p);
        }
        last_end = p.span.end;
    }
    out
}

/// Whether the words between two places join them in one list: a comma, "và", or both, with
/// brackets closed between them. Two names with nothing between them are one name ("tỉnh
/// Vĩnh Phúc Vũ Quang Huy" is the province and a person).
fn joins_a_list(doc: &Doc<'_>, gap: &str) -> bool {
    let gap = gap.trim().trim_start_matches(')').trim();
    match gap.strip_prefix(',') {
        Some(rest) => rest.trim().is_empty() || doc.c.cues.is(rest.trim(), Cue::And),
        None => doc.c.cues.is(gap, Cue::And),
    }
}
