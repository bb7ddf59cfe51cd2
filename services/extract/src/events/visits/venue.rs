//! Officials of one side at a stated place of the other side: meeting there ("Bí thư Tỉnh ủy
//! Lào Cai … hội đàm với … tại thành phố Côn Minh") or signing there, even when no delegation
//! is named. The officials' place travelled there.
use super::{Sentence, Trip};
use crate::events::cues::Cat;
use crate::events::document::{byte_of, Doc};
use crate::lexicon::Cue;
use crate::model::{Agreement, AgreementStatus, Visit, VisitStatus};

/// The side whose officials meet at the sentence's venue, abroad for them.
pub(super) fn met_at<'a>(doc: &Doc<'a>, s: &Sentence<'a>) -> Option<Trip<'a>> {
    let venue = s.venue?;
    let cues = doc.c.cues;
    let meets = doc
        .hits_in(&s.range, |t| {
            matches!(t, Cat::Toward | Cat::Sign | Cat::Receive)
        })
        .iter()
        .any(|h| {
            matches!(h.tag, Cat::Sign | Cat::Receive)
                || cues.is(&doc.lower[h.start..h.end], Cue::MeetingVerb)
        });
    if !meets {
        return None;
    }
    let in_sentence = doc.persons_in(&s.range);
    // As the whole article places them: "đồng chí Hồ Xuân Thịnh" is the province's
    // vice-chairman named earlier.
    let placed = in_sentence.iter().find_map(|p| {
        doc.place_of(p)
            .filter(|pl| !pl.region.is_empty() && pl.country != venue.place.country)
    });
    // "Ngày 3/9, tại thành phố Yokohama, Chủ tịch UBND thành phố Trần Quang Vĩnh đã hội kiến …":
    // a local office with no place named abroad is the article's own side.
    let home = || {
        let home = doc
            .home
            .as_ref()
            .filter(|_| &*venue.place.country != "VN")?;
        in_sentence
            .iter()
            .any(|p| {
                p.person.place.is_none()
                    && cues.contains(&crate::text::lower_view(&p.person.title), Cue::LocalOffice)
            })
            .then_some(home)
    };
    let code = match placed {
        Some(place) => place.code().to_string(),
        None => home()?.code().to_string(),
    };
    let mention = doc
        .places
        .iter()
        .find(|p| p.span.start >= s.range.start && p.span.end <= s.range.end && p.code() == code)
        .or_else(|| doc.places.iter().find(|p| p.code() == code))?;
    // Who meets abroad is not always who leads: the side's most senior official is, unless
    // the text names a leader.
    Some(Trip::new(mention, s.range.start, s.range.end))
}

/// Officials of one side at a signing held at a stated place of the other side travelled
/// there: a visit of each such side that no statement of a trip has given already.
pub(in crate::events) fn venue_visits(
    doc: &Doc<'_>,
    agreements: &[Agreement],
    visits: &mut Vec<Visit>,
) {
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
                    v.end <= signed_at && !c.cues.starts_with(&doc.lower[v.end..], Cue::Pointer)
                })
                .find_map(|v| places.iter().find(|p| doc.names_venue(v, p)).copied());
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
                // "Chiều 7/9, tại TP Tế Nam (…), đại diện Sở Văn hóa … Hải Dương đã ký kết …":
                // the side that signs there, named as the subject, was there, named or not.
                let signs_there = places.iter().any(|p| {
                    p.span.start >= venue.span.end
                        && p.span.end <= signed_at
                        && p.code() == guest.place.code()
                });
                if known || (leader.is_none() && !signs_there) {
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
