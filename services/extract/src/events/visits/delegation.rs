//! Delegations: "Đoàn đại biểu tỉnh Lào Cai do … dẫn đầu đã sang thăm …" names the side that
//! travels in the delegation's own name; several localities may send one delegation ("Đoàn công
//! tác các tỉnh Lạng Sơn, Cao Bằng và Hà Giang"), one visit each. A bare "đoàn" going somewhere
//! ("Chặng đầu tiên, đoàn đến tỉnh Irkutsk") is the delegation the article is about.
use super::hosts::HOST_REACH;
use super::{Sentence, Trip};
use crate::events::cues::Cat;
use crate::events::document::Doc;
use crate::lexicon::Cue;
use crate::places::PlaceMention;
use crate::text::{after_chars, within_chars};

/// How far a delegation's own place may stand from the word "đoàn".
const DELEGATION_REACH: usize = 125;

/// Bytes between a bare "đoàn" and its verb: a word or two ("đoàn đã đến", "đoàn tiếp tục
/// làm việc tại").
const BARE_SUBJECT_GAP: usize = 12;

/// The end of a delegation phrase starting at `from`: where its leader, its verb, its purpose
/// or a comma starts.
fn phrase_end(doc: &Doc<'_>, from: usize, limit: usize) -> usize {
    let chunk = &doc.lower[from..limit];
    doc.c
        .cues
        .first(chunk, Cue::DelegationEnd)
        .map(|r| r.start)
        .into_iter()
        .chain(chunk.find(", "))
        .min()
        .map_or(limit, |i| from + i)
}

/// The delegations a sentence names with their places: one trip per place that sends one.
pub(super) fn named<'a>(doc: &Doc<'a>, s: &Sentence<'a>) -> Vec<Trip<'a>> {
    let c = doc.c;
    let mut guests: Vec<Trip<'a>> = Vec::new();
    for (k, d) in s.delegations.iter().enumerate() {
        // "Đoàn đã có buổi hội đàm với Đoàn đại biểu Văn phòng Châu ủy Văn Sơn": the
        // delegation a delegation meets is its counterpart, not a traveller.
        let met_by_delegation = {
            let cues = doc.c.cues;
            let from = k
                .checked_sub(1)
                .map_or(s.range.start, |j| s.delegations[j].start);
            let before = &doc.lower[from..d.start];
            // The clause's subject: after the sentence's opening phrase ("Trong khuôn khổ
            // chuyến công tác, Đoàn đã …").
            let clause = before.rsplit(',').next().unwrap_or(before);
            let subject = k > 0 || cues.starts_with(clause, Cue::BareDelegation);
            subject
                && cues.ends_with(before, Cue::With)
                && doc
                    .hits_in(&(from..d.start), |t| t == Cat::Toward)
                    .iter()
                    .any(|t| cues.is(&doc.lower[t.start..t.end], Cue::MeetingVerb))
        };
        if met_by_delegation {
            continue;
        }
        let limit = s
            .delegations
            .get(k + 1)
            .map_or(s.range.end, |n| n.start)
            .min(s.range.end);
        let reach = limit.min(after_chars(c.text, d.end, DELEGATION_REACH));
        let end = phrase_end(doc, d.end, reach).max(d.end);
        let in_phrase: Vec<&PlaceMention> = s
            .places
            .iter()
            .filter(|p| p.span.start >= d.end && p.span.end <= end)
            .copied()
            .collect();
        let pick = in_phrase
            .iter()
            .find(|p| !p.place.region.is_empty())
            .or_else(|| in_phrase.first())
            .copied();
        let Some(g) = pick else { continue };
        // A delegation only named ("Đoàn đại biểu UBND Thành phố Hà Nội chụp ảnh lưu niệm với
        // …") tells no trip: a verb of going, meeting, receiving, leading or signing does.
        let told = doc.has_any(&(d.end..s.range.end), |t| {
            matches!(t, Cat::Toward | Cat::Receive | Cat::Lead | Cat::Sign)
        }) || doc.has_any(&(s.range.start..d.start), |t| {
            matches!(t, Cat::Toward | Cat::Receive | Cat::Lead | Cat::Sign)
        });
        if !told {
            continue;
        }
        // Several localities sending one delegation make one visit each; those of other
        // countries listed with them travel too, and none of them hosts.
        let mut listed: Vec<&PlaceMention> = in_phrase.clone();
        let mut last_end = in_phrase.last().map_or(g.span.end, |p| p.span.end);
        let start_from = last_end;
        for p in s.places.iter().filter(|p| p.span.start >= start_from) {
            let Some(gap) = doc.lower.get(last_end..p.full.start) else {
                break;
            };
            if !joins_a_list(doc, gap) {
                break;
            }
            listed.push(p);
            last_end = p.span.end;
        }
        let mut trip = Trip::new(g, d.start, limit);
        trip.fellows = listed.clone();
        guests.push(trip);
        let others = listed.iter().filter(|p| {
            p.place.country == g.place.country && !p.place.region.is_empty() && p.code() != g.code()
        });
        for o in others {
            if !guests.iter().any(|t| t.guest.code() == o.code()) {
                let mut trip = Trip::new(o, d.start, limit);
                trip.fellows = listed.clone();
                guests.push(trip);
            }
        }
    }
    guests
}

/// Whether the words between two places of a list of delegations join them: a comma, "và",
/// or a semicolon, with bracketed qualifiers between ("Nghệ An, Hà Tĩnh (Việt Nam); Khăm
/// Muồn"). Nothing between two names makes them one name.
fn joins_a_list(doc: &Doc<'_>, gap: &str) -> bool {
    let mut words = String::new();
    let mut depth = 0usize;
    for ch in gap.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => words.push(ch),
            _ => {}
        }
    }
    let had_punctuation = words.contains([',', ';']);
    let rest = words.trim().trim_start_matches([',', ';']).trim();
    (rest.is_empty() && (had_punctuation || gap.contains(')'))) || doc.c.cues.is(rest, Cue::And)
}

/// A delegation with no place, going somewhere: the article's side that is not where it goes.
pub(super) fn bare<'a>(doc: &Doc<'a>, s: &Sentence<'a>) -> Option<Trip<'a>> {
    let c = doc.c;
    s.delegations.iter().find_map(|d| {
        let verb = s.towards.iter().find(|t| t.start >= d.end)?;
        // The verb follows the delegation, or the phrase of its leader ("đoàn công tác của
        // tỉnh do ông … dẫn đầu sẽ sang thăm").
        let after = &doc.lower[d.end..];
        let lead = doc
            .hits_in(&(d.end..verb.start), |t| t == Cat::Lead)
            .last()
            .map(|l| l.end)
            .filter(|_| {
                c.cues.starts_with(after, Cue::LedBy) || c.cues.starts_with(after, Cue::Of)
            });
        let subject_end = lead.unwrap_or(d.end);
        if c.text[subject_end..verb.start].trim().chars().count() > BARE_SUBJECT_GAP
            || s.places
                .iter()
                .any(|p| p.span.end <= verb.start && p.span.start >= d.start)
        {
            return None;
        }
        // The place after its verb, or after a later verb of the same clause ("Đoàn cũng đến
        // thăm …; làm việc với chính quyền thành phố Alkmaar").
        let named = s
            .towards
            .iter()
            .filter(|t| t.start >= verb.start)
            .find_map(|v| {
                s.places.iter().find(|p| {
                    p.full.start >= v.end
                        && within_chars(c.text, v.end, p.full.start, HOST_REACH)
                        && !p.place.region.is_empty()
                })
            })
            .map(|p| (p.place.country.as_ref(), p.span.clone()));
        // Or the place of the official it meets ("đoàn đến chào xã giao và làm việc với ông
        // Viktor Karpenko, Phó Chủ tịch … thành phố Minsk").
        let met = || {
            c.persons
                .iter()
                .filter(|p| within_chars(c.text, verb.end, p.span.start, HOST_REACH))
                .find_map(|p| p.person.place.as_ref().filter(|pl| !pl.region.is_empty()))
                .map(|pl| (pl.country.as_ref(), 0..0))
        };
        let (country, span) = named.or_else(met)?;
        // Where the article's delegation goes is in a country the article is about, not one
        // named only there ("Đặc khu kinh tế Manhattan tại Bavet").
        let about = c
            .places
            .iter()
            .any(|p| &*p.place.country == country && p.span != span);
        if !about {
            return None;
        }
        let side = if country == "VN" {
            doc.partner.as_ref()
        } else {
            doc.home.as_ref()
        }?;
        let guest = c.places.iter().find(|p| p.code() == side.code())?;
        Some(Trip::new(guest, d.start, s.range.end))
    })
}
