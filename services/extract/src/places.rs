//! Stage 4: places and the organizations that belong to them, from gazetteer data files.
use std::{ops::Range, sync::OnceLock};

use aho_corasick::{automaton::Automaton, nfa::contiguous::NFA, Anchored, MatchKind};

use aho_corasick::AhoCorasick;
use hoptac_gazetteer::{
    spelling::{fold, spelling_variants, Folder},
    Gazetteer,
};

use crate::{
    model::{PartyKind, Place, PlaceLevel},
    text::{after_chars, before_chars, is_word, rows, within_chars},
};

const ORGS: &str = include_str!("../data/orgs.tsv");
const BLOCKERS: &str = include_str!("../data/place_blockers.tsv");
const QUALIFIER_WORDS: &str = include_str!("../data/qualifier_words.tsv");
const LIST_JOINERS: &str = include_str!("../data/list_joiners.tsv");
const ORG_BREAKS: &str = include_str!("../data/org_breaks.tsv");

/// The longest stretch of words allowed between an organization word and its place
/// ("Trung tâm xúc tiến đầu tư, thương mại, du lịch thành phố Hà Nội"), in characters.
const MAX_ORG_GAP: usize = 120;
/// The most whitespace between two organization words that still form one name ("Ủy ban
/// nhân dân" + "tỉnh").
const MAX_ORG_SPACE: usize = 8;
/// Country names this short double as Vietnamese given names (Đức, Nga, Nhật, Anh).
const MAX_GIVEN_NAME_CHARS: usize = 4;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Reach {
    Adjacent,
    Phrase,
}

/// The gazetteer's spellings, its designators and the organization vocabulary compiled into
/// one matcher; built once by the [`crate::Extractor`].
pub struct Matcher {
    /// Designators, then organization words, then place names (the few that start in lower
    /// case, "tỉnh Buenos Aires", first): `find` needs every occurrence of each that starts a
    /// word, and walks this automaton, anchored, from each word start. One walk finds all
    /// three lists, where a separate overlapping search for designators and organization words
    /// took a pass over every byte through a DFA larger than the L2 cache. A contiguous NFA,
    /// not a DFA: a DFA of these patterns takes tens of MB, and walking it is all cache
    /// misses. A pattern's id tells which list it comes from.
    matcher: NFA,
    /// How the patterns of `matcher` begin: a walk is begun only where one may match.
    starts: Starts,
    /// Per name pattern of `matcher` (those after the designators and organization words),
    /// its index in the gazetteer's surfaces.
    names: Vec<usize>,
    /// Per name pattern, the gazetteer's places it names.
    name_places: Vec<Vec<usize>>,
    /// Per name pattern, whether one of its places is foreign, and whether all of them are
    /// foreign regions or towns: asked of every name found, so worked out once.
    name_foreign: Vec<(bool, bool)>,
    designator_prefs: Vec<PlaceLevel>,
    org_info: Vec<(PartyKind, Reach)>,
    blockers: Vec<String>,
    /// The words that may stand between a place and the place that locates it.
    qualifier_words: Vec<String>,
    /// The words that join the last two names of a list.
    list_joiners: Vec<String>,
    /// The words an organization's phrase does not reach across, with a space each side.
    org_breaks: Vec<String>,
    /// Foreign regions' and towns' names folded (no case, no diacritics, one space between
    /// words, and each also written as one word), matched in the folded text: the press
    /// transcribes them with marks that vary from paper to paper ("Bo Ly Khăm Xay",
    /// "Bolykhămxay" for Bô-ly-khăm-xay).
    loose: AhoCorasick,
    /// Per pattern of `loose`, the gazetteer's places it names.
    loose_places: Vec<Vec<usize>>,
    /// Folds a text for `loose`.
    folder: Folder,
}

/// The most characters between two names of a list (", và ").
const LIST_GAP: usize = 6;

/// The fewest letters a folded name has for the loose match: shorter ones are words.
const MIN_LOOSE_LETTERS: usize = 6;

fn party_kind(s: &str) -> PartyKind {
    match s {
        "Locality" => PartyKind::Locality,
        "Government" => PartyKind::Government,
        "Council" => PartyKind::Council,
        "PartyCommittee" => PartyKind::PartyCommittee,
        "Agency" => PartyKind::Agency,
        "Education" => PartyKind::Education,
        "Association" => PartyKind::Association,
        "Company" => PartyKind::Company,
        _ => PartyKind::Other,
    }
}

fn build(patterns: &[&String]) -> NFA {
    NFA::builder()
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .unwrap_or_else(|e| panic!("gazetteer automaton does not build: {e}"))
}

/// A pattern as written and, for phrases of several words, with a lowercase first letter
/// ("Chính quyền tỉnh" and "chính quyền tỉnh"); single capitalised words stay capitalised so
/// that "Hội" is not "hội đàm".
fn case_variants(s: &str) -> Vec<String> {
    let mut out = spelling_variants(s);
    if s.contains(' ') {
        let mut chars = s.chars();
        if let Some(f) = chars.next() {
            let lower: String = f.to_lowercase().chain(chars).collect();
            for v in spelling_variants(&lower) {
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
    }
    out
}

/// The folded names of foreign regions and towns, with the places each names.
fn loose_names(g: &Gazetteer) -> (AhoCorasick, Vec<Vec<usize>>) {
    let mut by_key: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for (surface, places) in g.surfaces() {
        let foreign: Vec<usize> = places
            .iter()
            .copied()
            .filter(|&i| {
                let p = g.place(i);
                &*p.country != "VN" && p.level != PlaceLevel::Country
            })
            .collect();
        if foreign.is_empty() {
            continue;
        }
        let key = fold(surface);
        for k in [key.clone(), key.replace(' ', "")] {
            if k.chars().filter(|c| *c != ' ').count() < MIN_LOOSE_LETTERS {
                continue;
            }
            let list = by_key.entry(k).or_default();
            for &i in &foreign {
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
    }
    let (keys, places): (Vec<String>, Vec<Vec<usize>>) = by_key.into_iter().unzip();
    // An NFA, not a DFA: a DFA of every foreign name takes some 13 MB, and the few windows it
    // searches would walk it from cache miss to cache miss; the NFA takes under 1 MB.
    let matcher = AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .start_kind(aho_corasick::StartKind::Anchored)
        .build(&keys)
        .unwrap_or_else(|e| panic!("loose place automaton does not build: {e}"));
    (matcher, places)
}

/// How far before or after a place, or after a designator, a loose match is looked for, in
/// characters: the length of a name or of a short list.
const LOOSE_WINDOW: usize = 60;

/// Whether byte `at` of `text` lies in none of `taken` (sorted by start, not overlapping).
fn is_free(taken: &[(usize, usize, usize)], at: usize) -> bool {
    let before = taken.partition_point(|t| t.0 <= at);
    before.checked_sub(1).is_none_or(|i| taken[i].1 <= at)
}

/// The stretches of `text` where a loose name may stand, merged: from a capital no exact
/// name takes right after a designator (which ends at one of `designated`), or after a
/// foreign place and a list's joiner ("Khăm Muộn, Xay Sổm Bun"), on for [`LOOSE_WINDOW`]
/// chars; and up to a foreign place from a word no exact name takes, joined to it as a list
/// ("Xay Sổm Bun và Khăm Muộn"). Most designators and places are followed by an exact name
/// or a lowercase word, and open none.
fn loose_windows(
    joiners: &[String],
    text: &str,
    designated: &[usize],
    foreign: &[Range<usize>],
    taken: &[(usize, usize, usize)],
) -> Vec<Range<usize>> {
    let free_capital =
        |at: usize| text[at..].chars().next().is_some_and(char::is_uppercase) && is_free(taken, at);
    let joiner = |gap: &str| {
        let gap = gap.trim().trim_start_matches(',').trim();
        gap.is_empty() || joiners.iter().any(|j| j == gap)
    };
    let mut windows: Vec<Range<usize>> = Vec::new();
    for &end in designated {
        let at = end + (text[end..].len() - text[end..].trim_start().len());
        if at - end <= 2 && free_capital(at) {
            windows.push(at..after_chars(text, at, LOOSE_WINDOW));
        }
    }
    for f in foreign {
        let reach = after_chars(text, f.end, LIST_GAP + 1);
        let next = text[f.end..reach]
            .char_indices()
            .find(|(_, c)| c.is_uppercase())
            .map(|(i, _)| f.end + i);
        if let Some(at) = next.filter(|&at| joiner(&text[f.end..at]) && free_capital(at)) {
            windows.push(at..after_chars(text, at, LOOSE_WINDOW));
        }
        let reach = before_chars(text, f.start, LIST_GAP + 1);
        let gap = text[reach..f.start].trim_end();
        let gap = joiners
            .iter()
            .find_map(|j| gap.strip_suffix(j.as_str()).filter(|g| g.ends_with(' ')))
            .unwrap_or(gap);
        let gap = gap.trim_end().trim_end_matches(',').trim_end();
        let at = reach + gap.len();
        let word_before = gap.chars().next_back().is_some_and(char::is_alphanumeric);
        if word_before && is_free(taken, at - 1) {
            windows.push(before_chars(text, at, LOOSE_WINDOW)..at);
        }
    }
    windows.sort_by_key(|w| w.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => merged.push(w),
        }
    }
    merged
}

/// The loose matches ([`Matcher::loose`]) within `windows` of `text` that stand as whole words,
/// start with a capital and overlap none of `taken` (sorted by start): (start, end, pattern),
/// byte offsets of `text`. Only windows are folded: a loose name must follow a designator or
/// stand beside a place, so the rest of the text is never looked at.
fn loose_matches(
    mx: &Matcher,
    text: &str,
    windows: &[Range<usize>],
    taken: &[(usize, usize, usize)],
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for w in windows {
        // A loose name starts a word with a capital outside the exact names: most windows
        // hold none, and are not folded.
        let Some(first) = text[w.clone()].char_indices().find_map(|(i, c)| {
            let at = w.start + i;
            let free = || is_free(taken, at);
            let word_start = || {
                text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|b| !b.is_alphanumeric() || b.is_lowercase())
            };
            (c.is_uppercase() && word_start() && free()).then_some(at)
        }) else {
            continue;
        };
        let w = first..w.end;
        let (folded, map) = mx.folder.fold_with_offsets(&text[w.clone()]);
        let bytes = folded.as_bytes();
        // Walked anchored from each folded word start where the text has a capital: a loose
        // name starts nowhere else, and most of a window's words are lowercase.
        let mut at = 0;
        while at < bytes.len() {
            let word_start = at == 0 || bytes[at - 1] == b' ';
            let capital = || {
                text[w.start + map[at]..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            };
            if !word_start || !capital() {
                at += 1;
                continue;
            }
            let input = aho_corasick::Input::new(&folded)
                .range(at..)
                .anchored(Anchored::Yes);
            let Some(m) = mx.loose.find(input) else {
                at += 1;
                continue;
            };
            at = m.end();
            if m.end() != bytes.len() && bytes[m.end()] != b' ' {
                continue;
            }
            let start = w.start + map[m.start()];
            let end = w.start + map[m.end()];
            let end = start
                + text[start..end]
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .len();
            if end <= start || !is_word(text, start, end) {
                continue;
            }
            let before = taken.partition_point(|t| t.0 < end);
            let free = before.checked_sub(1).is_none_or(|i| taken[i].1 <= start);
            if free {
                out.push((start, end, m.pattern().as_usize()));
            }
        }
    }
    out.sort_by_key(|m| m.0);
    out.dedup();
    out
}

impl Matcher {
    /// Compiles the gazetteer's spellings and designators with the organization words.
    pub fn new(g: &Gazetteer) -> Self {
        let (patterns, name_places): (Vec<&String>, Vec<Vec<usize>>) =
            g.surfaces().iter().map(|(s, l)| (s, l.clone())).unzip();
        let designator_patterns: Vec<&String> = g.designators().iter().map(|d| &d.word).collect();
        let designator_prefs = g.designators().iter().map(|d| d.prefer).collect();
        let mut org_patterns = Vec::new();
        let mut org_info = Vec::new();
        for r in rows(ORGS) {
            let (Some(p), Some(k)) = (r.first(), r.get(1)) else {
                continue;
            };
            let reach = if r.get(2).copied() == Some("phrase") {
                Reach::Phrase
            } else {
                Reach::Adjacent
            };
            for v in case_variants(p) {
                org_patterns.push(v);
                org_info.push((party_kind(k), reach));
            }
        }
        let words_of = |data: &str| -> Vec<String> {
            rows(data)
                .filter_map(|r| r.first().map(|s| s.to_string()))
                .collect()
        };
        let blockers = words_of(BLOCKERS);
        type Numbered<'g> = Vec<(usize, &'g String)>;
        let (lower, capital): (Numbered, Numbered) = patterns
            .iter()
            .copied()
            .enumerate()
            .partition(|(_, p)| p.chars().next().is_some_and(char::is_lowercase));
        let all: Vec<&String> = designator_patterns
            .into_iter()
            .chain(&org_patterns)
            .chain(lower.iter().map(|(_, p)| *p))
            .chain(capital.iter().map(|(_, p)| *p))
            .collect();
        let (loose, loose_places) = loose_names(g);
        Matcher {
            matcher: build(&all),
            starts: Starts::new(&all),
            names: lower
                .iter()
                .chain(capital.iter())
                .map(|(i, _)| *i)
                .collect(),
            name_foreign: name_places
                .iter()
                .map(|places| {
                    let foreign = |i: &usize| &*g.place(*i).country != "VN";
                    let town = |i: &usize| foreign(i) && !g.place(*i).region.is_empty();
                    (places.iter().any(foreign), places.iter().all(town))
                })
                .collect(),
            name_places,
            designator_prefs,
            org_info,
            blockers,
            qualifier_words: words_of(QUALIFIER_WORDS),
            list_joiners: words_of(LIST_JOINERS),
            org_breaks: words_of(ORG_BREAKS)
                .into_iter()
                .map(|w| format!(" {w} "))
                .collect(),
            loose,
            loose_places,
            folder: Folder::new(),
        }
    }
}

/// A place named in the text, with the body of it that is named there.
#[derive(Debug, Clone)]
pub struct PlaceMention {
    /// The name, in bytes.
    pub span: Range<usize>,
    /// The organization, designator and name together, in bytes.
    pub full: Range<usize>,
    /// Which place.
    pub place: Place,
    /// What sort of body is named ([`PartyKind::Locality`] for the bare place).
    pub kind: PartyKind,
    /// Named only to locate the place before it: "(Nhật Bản)" in "tỉnh Fukuoka (Nhật Bản)".
    pub qualifier: bool,
}

impl PlaceMention {
    /// The organization as written in `text`, the article it was found in.
    pub fn organization<'t>(&self, text: &'t str) -> &'t str {
        &text[self.full.clone()]
    }

    /// The code the guidelines reduce it to.
    pub fn code(&self) -> &str {
        self.place.code()
    }
}

/// Every place mention in the text, in order, without overlaps.
pub fn find(
    g: &Gazetteer,
    mx: &Matcher,
    text: &str,
    sentences: &[Range<usize>],
) -> Vec<PlaceMention> {
    // Split the matches by list. Each list gets them by start, then end, then pattern id:
    // the sorts below order them by span (stable for equal spans, which keep pattern-id order
    // as an overlapping search gives them), so they see what they saw from an overlapping
    // search of each list's own automaton.
    let designators_end = mx.designator_prefs.len();
    let orgs_end = designators_end + mx.org_info.len();
    let mut raw: Vec<(usize, usize, usize)> = Vec::new();
    let mut designator_hits: Vec<(usize, usize, usize)> = Vec::new();
    let mut org_hits: Vec<(usize, usize, usize)> = Vec::new();
    for (start, end, id) in word_matches(&mx.matcher, &mx.starts, text) {
        if id < designators_end {
            designator_hits.push((start, end, id));
        } else if id < orgs_end {
            org_hits.push((start, end, id - designators_end));
        } else {
            raw.push((start, end, mx.names[id - orgs_end]));
        }
    }
    designator_hits.sort_unstable();
    org_hits.sort_unstable();
    raw.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let designated = |start: usize| {
        // A designator ending right before (designator hits are in text order).
        let from = designator_hits.partition_point(|d| d.0 + 64 < start);
        designator_hits[from..]
            .iter()
            .take_while(|d| d.0 < start)
            .any(|d| d.1 <= start && text[d.1..start].trim().is_empty() && start - d.1 <= 2)
    };
    let mut chosen: Vec<(usize, usize, usize)> = Vec::new();
    for m in raw {
        if chosen.last().is_some_and(|c| m.0 < c.1) {
            continue;
        }
        let blocked = text[..m.0].strip_suffix(' ').is_some_and(|t| {
            // Most words before a name end with another byte than any blocker: compared first.
            let last = t.as_bytes().last();
            mx.blockers.iter().any(|b| {
                b.as_bytes().last() == last
                    && t.ends_with(b.as_str())
                    && is_word(t, t.len() - b.len(), t.len())
            })
        });
        if blocked {
            continue;
        }
        // A foreign town is no Vietnamese name's first syllable ("thành phố Oss Hà Lan").
        let foreign_town = || mx.name_foreign[m.2].1;
        // "Bang Kerala", "Nước Nga": after a capitalised designator a short name is a place.
        if (looks_like_given_name(text, m.0, m.1) && !designated(m.0))
            || (opens_a_vietnamese_name(text, m.0, m.1) && !foreign_town())
            || starts_a_hyphenated_word(text, m.1)
        {
            continue;
        }
        chosen.push(m);
    }
    // Loose matches take what exact ones left, where the text shows them to be places: after
    // a designator ("tỉnh Bo Ly Khăm Xay"), or listed with a place of their country
    // ("Khăm Muộn, Xay Sổm Bun và Sa Vẳn Na Khẹt"). Their ids follow the exact names'.
    let loose_base = usize::MAX / 2;
    let countries_of = |pat: usize| -> Vec<&str> {
        let places = if pat >= loose_base {
            &mx.loose_places[pat - loose_base]
        } else {
            &mx.name_places[pat]
        };
        places
            .iter()
            .map(|&i| g.place(i).country.as_ref())
            .collect()
    };
    // Where loose names may stand: after a designator, listed beside a foreign place.
    let foreign: Vec<Range<usize>> = chosen
        .iter()
        .filter(|c| mx.name_foreign[c.2].0)
        .map(|c| c.0..c.1)
        .collect();
    let designated_ends: Vec<usize> = designator_hits.iter().map(|d| d.1).collect();
    let merged = loose_windows(&mx.list_joiners, text, &designated_ends, &foreign, &chosen);
    let mut loose: Vec<(usize, usize, usize)> = Vec::new();
    for (start, end, pat) in loose_matches(mx, text, &merged, &chosen) {
        let m = (start, end, pat + loose_base);
        let mine = countries_of(m.2);
        let listed = |other: &(usize, usize, usize), gap: &str| {
            let gap = gap.trim().trim_start_matches(',').trim();
            (gap.is_empty() || mx.list_joiners.iter().any(|j| j == gap))
                && countries_of(other.2).iter().any(|c| mine.contains(c))
        };
        let beside = |c: &(usize, usize, usize)| {
            (within_chars(text, c.1, m.0, LIST_GAP) && listed(c, &text[c.1..m.0]))
                || (within_chars(text, m.1, c.0, LIST_GAP) && listed(c, &text[m.1..c.0]))
        };
        // The places just before and just after it (both lists are in text order).
        let next = chosen.partition_point(|c| c.0 < m.1);
        let neighbours = chosen[next.saturating_sub(1)..(next + 1).min(chosen.len())]
            .iter()
            .chain(loose.last());
        if designated(m.0) || neighbours.into_iter().any(beside) {
            loose.push(m);
        }
    }
    if !loose.is_empty() {
        chosen.extend(loose);
        chosen.sort_by_key(|c| c.0);
    }
    let places_of = |pat: usize| -> &Vec<usize> {
        if pat >= loose_base {
            &mx.loose_places[pat - loose_base]
        } else {
            &mx.name_places[pat]
        }
    };
    let mut designators: Vec<(usize, usize, PlaceLevel)> = designator_hits
        .into_iter()
        .map(|(start, end, id)| (start, end, mx.designator_prefs[id]))
        .collect();
    designators.sort_by_key(|d| (d.1, d.0));
    let overlaps_a_name = |start: usize, end: usize| {
        // `chosen` is sorted by start and never overlaps: only the last one starting before
        // `end` can reach into the span.
        let before_end = chosen.partition_point(|c| c.0 < end);
        before_end > 0 && chosen[before_end - 1].1 > start
    };
    let mut orgs: Vec<(usize, usize, PartyKind, Reach)> = org_hits
        .into_iter()
        .filter(|&(start, end, _)| !overlaps_a_name(start, end))
        .map(|(start, end, id)| {
            let (k, r) = mx.org_info[id];
            (start, end, k, r)
        })
        .collect();
    orgs.sort_by_key(|o| (o.1, o.0));

    let mut out: Vec<PlaceMention> = Vec::new();
    for &(start, end, pat) in &chosen {
        let before = &text[..start];
        // Designators are sorted by end; one qualifies when it ends at most two bytes before.
        let near = designators.partition_point(|d| d.1 + 2 < start);
        let designator = designators[near..]
            .iter()
            .take_while(|d| d.1 <= start)
            .filter(|d| before[d.1..].trim().is_empty())
            .min_by_key(|d| d.0);
        let prefer = designator.map(|d| d.2);
        let candidates = places_of(pat);
        let pick = prefer
            .and_then(|p| candidates.iter().find(|&&i| g.place(i).level == p))
            .or_else(|| candidates.first());
        let Some(&idx) = pick else { continue };
        let place = g.place(idx).clone();
        let lead = designator.map_or(start, |d| d.0);
        let sentence = sentences
            .get(sentences.partition_point(|s| s.end <= start))
            .filter(|s| s.start <= start)
            .map_or(0, |s| s.start);
        let org = organization(mx, text, &orgs, &chosen, sentence, lead);
        let (full_start, kind) = match org {
            Some((s, k)) => (s, k),
            None => (lead, PartyKind::Locality),
        };
        let qualifier = out.last().is_some_and(|p: &PlaceMention| {
            p.full.end <= start
                && start - p.span.end <= 40
                && text
                    .get(p.span.end..lead)
                    .is_some_and(|gap| is_qualifying_gap(mx, gap))
                && p.place.country == place.country
                && (place.level == PlaceLevel::Country
                    || (place.level == PlaceLevel::Region && p.place.region == place.region))
        });
        out.push(PlaceMention {
            span: start..end,
            full: full_start..end,
            place,
            kind,
            qualifier,
        });
    }
    let learned = placed_in_brackets(text, &designators, &orgs, &out);
    if !learned.is_empty() {
        out.extend(learned);
        out.sort_by_key(|p| p.span.start);
    }
    out
}

/// The most words a name placed in brackets may have.
const MAX_BRACKETED_NAME_WORDS: usize = 4;

/// Mentions of names the gazetteer does not know but the text places once, after a designator
/// or an organization word, in brackets or before a region's name: "huyện Mường Mày (tỉnh
/// Phông Sa Lỳ, Lào)", "Trường Đại học Semmelweis (Thủ đô Budapest, Hungary)", "huyện Nhọt U,
/// tỉnh Phông Xa Lỳ". Every mention of such a name in the article is a local place of the
/// region (or country) that places it.
fn placed_in_brackets(
    text: &str,
    designators: &[(usize, usize, PlaceLevel)],
    orgs: &[(usize, usize, PartyKind, Reach)],
    known: &[PlaceMention],
) -> Vec<PlaceMention> {
    // The designator or organization word right before `at`, with its kind.
    let head = |at: usize| -> Option<(usize, PartyKind)> {
        let right_before = |end: usize| end <= at && text[end..at].trim().is_empty();
        orgs.iter()
            .filter(|o| right_before(o.1))
            .map(|o| (o.0, o.2))
            .chain(
                designators
                    .iter()
                    .filter(|d| right_before(d.1))
                    .map(|d| (d.0, PartyKind::Locality)),
            )
            .min_by_key(|h| h.0)
    };
    let mut names: Vec<(&str, Place)> = Vec::new();
    for q in known {
        // "(tỉnh Phông Sa Lỳ, Lào)", or ", tỉnh Phông Sa Lỳ" after the name.
        let after_comma = q.full.start < q.span.start && q.place.level == PlaceLevel::Region;
        let Some(before) = text[..q.full.start].strip_suffix('(').or_else(|| {
            text[..q.full.start]
                .strip_suffix(", ")
                .filter(|_| after_comma)
        }) else {
            continue;
        };
        let name_end = before.trim_end().len();
        let mut name_start = name_end;
        for word in text[..name_end].rsplit(' ').take(MAX_BRACKETED_NAME_WORDS) {
            if !word.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            name_start -= word.len() + usize::from(name_start < name_end);
        }
        let name = &text[name_start..name_end];
        let named_already = known
            .iter()
            .any(|p| p.span.start < name_end && name_start < p.span.end);
        if name.is_empty() || named_already || head(name_start).is_none() {
            continue;
        }
        let place = Place {
            name: name.into(),
            level: PlaceLevel::Local,
            ..q.place.clone()
        };
        // The most precise placing wins: "(Thủ đô Budapest, Hungary)" over "(Hungary)".
        match names.iter_mut().find(|(n, _)| *n == name) {
            Some((_, known)) if known.region.is_empty() => *known = place,
            Some(_) => {}
            None => names.push((name, place)),
        }
    }
    let mut out: Vec<PlaceMention> = Vec::new();
    for (name, place) in names {
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            let taken = known
                .iter()
                .chain(&out)
                .any(|p| p.full.start < end && start < p.span.end);
            if taken || !is_word(text, start, end) {
                continue;
            }
            let (full_start, kind) = head(start).unwrap_or((start, PartyKind::Locality));
            out.push(PlaceMention {
                span: start..end,
                full: full_start..end,
                place: place.clone(),
                kind,
                qualifier: false,
            });
        }
    }
    out
}

/// Every occurrence of a pattern of `matcher` that stands as whole words ([`is_word`]), by
/// start, then end, then pattern id: the matches an overlapping search finds and `is_word`
/// keeps. Whether a match may start at a char depends only on that char and the one before
/// (the first half of `is_word`), so the automaton is walked, anchored, only from those chars
/// (word starts, a few in every ten bytes) and only as far as some pattern continues there,
/// instead of through every byte of the text.
fn word_matches(matcher: &NFA, starts: &Starts, text: &str) -> Vec<(usize, usize, usize)> {
    let start_state = matcher
        .start_state(Anchored::Yes)
        .unwrap_or_else(|e| panic!("gazetteer automaton is not anchored: {e}"));
    let bytes = text.as_bytes();
    let flags = letter_flags();
    let letter = |c: char| match flags.get(c as usize) {
        Some(&f) => (f & ALPHANUMERIC != 0, f & LOWERCASE != 0),
        None => (c.is_alphanumeric(), c.is_lowercase()),
    };
    let mut out = Vec::new();
    // Only bytes some pattern starts with are looked at (ASCII or a char's first byte); most
    // of the text is skipped by one table lookup a byte, and most word starts by two more.
    for start in (0..bytes.len()).filter(|&i| starts.may_match(&bytes[i..])) {
        let Some(first) = text[start..].chars().next() else {
            continue;
        };
        // A word starts here, or a capital follows a lowercase letter ("TPHồ").
        let may_start = match text[..start].chars().next_back().map(letter) {
            Some((true, lowercase)) => lowercase && first.is_uppercase(),
            _ => true,
        };
        if !may_start {
            continue;
        }
        let mut state = start_state;
        for (at, &byte) in bytes[start..].iter().enumerate() {
            state = matcher.next_state(Anchored::Yes, state, byte);
            if matcher.is_dead(state) {
                break;
            }
            if !matcher.is_match(state) {
                continue;
            }
            let end = start + at + 1;
            // A state's matches also hold the patterns that end here but start later.
            for i in 0..matcher.match_len(state) {
                let id = matcher.match_pattern(state, i);
                if matcher.pattern_len(id) == end - start && is_word(text, start, end) {
                    out.push((start, end, id.as_usize()));
                }
            }
        }
    }
    out
}

/// How a set of patterns begins, to rule out most places where none can match before an
/// automaton is walked from there: nearly every word start begins with some pattern's first
/// byte, but few with a pattern's first four, and the first states of an automaton of
/// thousands of patterns are cache misses. Where a pattern matches, [`Starts::may_match`] is
/// true.
struct Starts {
    /// Whether some pattern starts with a byte.
    first: [bool; 256],
    /// Per pair of bytes, whether a pattern shorter than [`Starts::PREFIX`] bytes starts with
    /// it (a one-byte pattern marks every pair it begins).
    short: Box<[u64]>,
    /// The first [`Starts::PREFIX`] bytes of the longer patterns, hashed into a bit set.
    prefixes: Box<[u64]>,
}

impl Starts {
    /// How many bytes of a pattern's start are hashed.
    const PREFIX: usize = 4;
    /// Bits in the hashed set (16 KiB): some 5,000 prefixes set about one bit in 25.
    const PREFIX_BITS: u32 = 17;

    fn new(patterns: &[&String]) -> Self {
        let mut starts = Starts {
            first: [false; 256],
            short: vec![0; (1 << 16) / 64].into_boxed_slice(),
            prefixes: vec![0; (1 << Self::PREFIX_BITS) / 64].into_boxed_slice(),
        };
        for p in patterns.iter().map(|p| p.as_bytes()) {
            let Some(&first) = p.first() else { continue };
            starts.first[usize::from(first)] = true;
            match *p {
                [_] => {
                    (0..=u8::MAX).for_each(|second| set_bit(&mut starts.short, pair(first, second)))
                }
                [_, second, ..] if p.len() < Self::PREFIX => {
                    set_bit(&mut starts.short, pair(first, second))
                }
                _ => set_bit(&mut starts.prefixes, Self::hash(p)),
            }
        }
        starts
    }

    /// Whether a pattern may match at the start of `rest`.
    fn may_match(&self, rest: &[u8]) -> bool {
        match rest {
            [] => false,
            [first, ..] if !self.first[usize::from(*first)] => false,
            [first, second, ..] if rest.len() >= Self::PREFIX => {
                bit(&self.short, pair(*first, *second)) || bit(&self.prefixes, Self::hash(rest))
            }
            _ => true,
        }
    }

    /// The bit of `prefixes` for the first [`Starts::PREFIX`] bytes of `bytes`, which holds at
    /// least that many.
    fn hash(bytes: &[u8]) -> usize {
        let word = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        (word.wrapping_mul(0x9E37_79B1) >> (32 - Self::PREFIX_BITS)) as usize
    }
}

/// The bit of a pair-of-bytes set for `first` then `second`.
fn pair(first: u8, second: u8) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

fn set_bit(bits: &mut [u64], at: usize) {
    bits[at / 64] |= 1 << (at % 64);
}

fn bit(bits: &[u64], at: usize) -> bool {
    bits[at / 64] & (1 << (at % 64)) != 0
}

/// Chars below this (Latin, combining marks, Vietnamese vowels with tone marks) have their
/// [`letter_flags`] looked up.
const LETTER_FLAG_CHARS: u32 = 0x2000;
/// A [`letter_flags`] bit: `char::is_alphanumeric`.
const ALPHANUMERIC: u8 = 1;
/// A [`letter_flags`] bit: `char::is_lowercase`.
const LOWERCASE: u8 = 2;

/// `char::is_alphanumeric` and `char::is_lowercase` of every char below
/// [`LETTER_FLAG_CHARS`], worked out once: for the non-ASCII letters of Vietnamese, looking
/// them up is far cheaper than the Unicode tables behind those functions.
fn letter_flags() -> &'static [u8] {
    static F: OnceLock<Vec<u8>> = OnceLock::new();
    F.get_or_init(|| {
        (0..LETTER_FLAG_CHARS)
            .map(|i| {
                char::from_u32(i).map_or(0, |c| {
                    u8::from(c.is_alphanumeric()) * ALPHANUMERIC
                        + u8::from(c.is_lowercase()) * LOWERCASE
                })
            })
            .collect()
    })
}

/// A name followed by a hyphen and a lowercase letter is the head of a longer hyphenated word,
/// such as a Korean given name ("Kim Dong-yeon" holds no "Kim Động"); a hyphen before a capital
/// joins two names ("Hải Phòng-Kitakyushu").
fn starts_a_hyphenated_word(text: &str, end: usize) -> bool {
    let mut rest = text[end..].chars();
    rest.next() == Some('-') && rest.next().is_some_and(char::is_lowercase)
}

/// A short one-word name right after a capitalised word is a given name, not a country:
/// "Đức" in "Nguyễn Đức Hải", "Nga" in "Nguyễn Thị Nga".
fn looks_like_given_name(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    if name.contains(' ') || name.chars().count() > MAX_GIVEN_NAME_CHARS {
        return false;
    }
    let Some(before) = text[..start].strip_suffix(' ') else {
        return false;
    };
    let prev: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let capitalised = prev.chars().any(char::is_uppercase);
    let all_caps = prev.chars().all(char::is_uppercase);
    capitalised && !all_caps
}

/// A short one-word name followed by a capitalised Vietnamese syllable opens a longer
/// Vietnamese name, not a country: "Mỹ" in "cửa khẩu Mỹ Quý Tây", "Đức" in "xã Đức Thọ".
fn opens_a_vietnamese_name(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    if name.contains(' ') || name.chars().count() > MAX_GIVEN_NAME_CHARS {
        return false;
    }
    let Some(after) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let next: &str = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    next.chars().next().is_some_and(char::is_uppercase)
        && !next.is_ascii()
        && next.chars().skip(1).all(char::is_lowercase)
}

/// Whether only [`Matcher::qualifier_words`] and list punctuation stand between two places.
fn is_qualifying_gap(mx: &Matcher, gap: &str) -> bool {
    let only_joiners = gap
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '(' | ',' | '-' | '–'));
    only_joiners
        && gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| mx.qualifier_words.iter().any(|q| q == w))
}

/// The organization a place belongs to, written before it in the same sentence: its start and
/// kind.
fn organization(
    mx: &Matcher,
    text: &str,
    orgs: &[(usize, usize, PartyKind, Reach)],
    names: &[(usize, usize, usize)],
    sentence_start: usize,
    lead: usize,
) -> Option<(usize, PartyKind)> {
    // `orgs` is sorted by end, `names` by start (and they never overlap): look only at the
    // window that can qualify, so the work per place does not grow with the article.
    // A byte span no longer than the reach holds no more chars than that: the chars are
    // counted only for organization words that end farther back in bytes, the farthest first.
    let wide = ends_within(orgs, lead.saturating_sub(4 * MAX_ORG_GAP)..lead + 1);
    let window = &wide[wide.partition_point(|o| {
        lead - o.1 > MAX_ORG_GAP && text[o.1..lead].chars().count() > MAX_ORG_GAP
    })..];
    let nearest = window
        .iter()
        .filter(|o| o.0 >= sentence_start)
        .max_by_key(|o| (o.1, std::cmp::Reverse(o.0)))?;
    let gap = &text[nearest.1..lead];
    let ok = match nearest.3 {
        Reach::Adjacent => gap.trim().is_empty(),
        Reach::Phrase => {
            let next_name = names.partition_point(|n| n.0 < nearest.1);
            !mx.org_breaks.iter().any(|b| gap.contains(b.as_str()))
                && !gap.contains([';', ':', '.', '(', ')'])
                && names.get(next_name).is_none_or(|n| n.1 > lead)
        }
    };
    ok.then(|| {
        let start = ends_within(orgs, nearest.0.saturating_sub(MAX_ORG_SPACE)..nearest.0 + 1)
            .iter()
            .filter(|o| text[o.1..nearest.0].trim().is_empty() && o.0 >= sentence_start)
            .map(|o| o.0)
            .min()
            .unwrap_or(nearest.0);
        (start, nearest.2)
    })
}

/// The organization words (sorted by end) that end within `ends`.
fn ends_within(
    orgs: &[(usize, usize, PartyKind, Reach)],
    ends: Range<usize>,
) -> &[(usize, usize, PartyKind, Reach)] {
    let from = orgs.partition_point(|o| o.1 < ends.start);
    let to = orgs.partition_point(|o| o.1 < ends.end);
    &orgs[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences;

    #[test]
    fn the_start_filter_lets_every_pattern_through_and_stops_other_words() {
        let g = Gazetteer::builtin();
        let mx = Matcher::new(&g);
        let names = g.surfaces().iter().map(|(s, _)| s.clone());
        let designators = g.designators().iter().map(|d| d.word.clone());
        let orgs = rows(ORGS).filter_map(|r| r.first().map(|p| case_variants(p)));
        for pattern in names.chain(designators).chain(orgs.flatten()) {
            assert!(mx.starts.may_match(pattern.as_bytes()), "{pattern}");
            assert!(
                mx.starts.may_match(format!("{pattern} và").as_bytes()),
                "{pattern}"
            );
        }
        for word in ["tỉnh ", "Ủy ban ", "thành phố "] {
            assert!(mx.starts.may_match(word.as_bytes()), "{word}");
        }
        let stopped = ["được ", "những ", "không ", "cũng ", "nhằm "]
            .iter()
            .filter(|w| !mx.starts.may_match(w.as_bytes()))
            .count();
        assert!(stopped >= 3, "only {stopped} common words stopped");
    }

    const FILES: &[(&str, &str)] = &[
        (
            "world.tsv",
            "# test\ncountry\tJP\tNhật Bản\tNhật|Japan\ncountry\tVN\tViệt Nam\tVietnam\ncountry\tKR\tHàn Quốc\tKorea\n",
        ),
        (
            "vn.tsv",
            "region\tVN-HN\tHà Nội\tHanoi|Ha Noi\nregion\tVN-13\tQuảng Ninh\t\nregion\tVN-21\tThanh Hóa\t\nlocal\tVN-HN\tMê Linh\t\nregion\tVN-63\tHà Nam\t\nregion\tVN-14\tHòa Bình\t\n",
        ),
        (
            "jp.tsv",
            "region\tJP-40\tFukuoka\t\nregion\tJP-01\tHokkaido\t\nlocal\tJP-01\tAsahikawa\t\nlocal\tJP\tKyushu\tKyūshū\n",
        ),
        ("vn_merger_2025.tsv", "VN-63\tHà Nam\tVN-18\tNinh Bình\nVN-HN\tHà Nội\tVN-HN\tHà Nội\n"),
    ];

    fn gazetteer() -> Gazetteer {
        Gazetteer::from_files(FILES).unwrap_or_else(|e| panic!("{e}"))
    }

    fn codes(text: &str) -> Vec<String> {
        static G: OnceLock<(Gazetteer, Matcher)> = OnceLock::new();
        let (g, mx) = G.get_or_init(|| {
            let g = Gazetteer::builtin();
            let mx = Matcher::new(&g);
            (g, mx)
        });
        find(
            g,
            mx,
            text,
            &sentences::split(&sentences::Rules::builtin(), text),
        )
        .iter()
        .map(|m| m.code().to_string())
        .collect()
    }

    fn mentions(text: &str) -> Vec<PlaceMention> {
        let g = gazetteer();
        find(
            &g,
            &Matcher::new(&g),
            text,
            &sentences::split(&sentences::Rules::builtin(), text),
        )
    }

    #[test]
    fn organizations_resolve_to_their_place() {
        let t = "HĐND TP Hà Nội và Hội đồng tỉnh Fukuoka (Nhật Bản) ký kết thỏa thuận.";
        let m = mentions(t);
        assert_eq!(m.len(), 3);
        assert_eq!(m[0].organization(t), "HĐND TP Hà Nội");
        assert_eq!(m[0].kind, PartyKind::Council);
        assert_eq!(m[1].organization(t), "Hội đồng tỉnh Fukuoka");
        assert_eq!(m[1].code(), "JP-40");
        assert!(m[2].qualifier);
    }

    #[test]
    fn a_name_placed_once_in_brackets_is_that_place_throughout() {
        let t = "Tỉnh Nghệ An tiếp đoàn đại biểu huyện Viêng Thoong (tỉnh Bô-ly-khăm-xay, Lào). \
                 Đoàn huyện Viêng Thoong thăm Trường Đại học Kiên Trung (Thủ đô Viêng Chăn). \
                 Trường Đại học Kiên Trung trao học bổng.";
        assert_eq!(
            codes(t),
            ["VN-22", "LA-BL", "LA-BL", "LA", "LA-BL", "LA-VT", "LA-VT", "LA-VT"]
        );
    }

    #[test]
    fn a_name_placed_before_its_region_is_that_region_throughout() {
        assert_eq!(
            codes("Đoàn đã sang thăm huyện Nhọt U, tỉnh Phông Xa Lỳ. Huyện Nhọt U có chung biên giới với huyện Mường Nhé."),
            ["LA-PH", "LA-PH", "LA-PH", "VN-71"]
        );
    }

    #[test]
    fn a_name_inside_a_hyphenated_given_name_is_no_place() {
        assert_eq!(
            codes("Tỉnh trưởng tỉnh Gyeonggi Kim Dong-yeon tiếp đoàn tỉnh Quảng Ninh."),
            ["KR-41", "VN-13"]
        );
    }

    #[test]
    fn a_country_name_opening_a_vietnamese_name_is_not_the_country() {
        assert_eq!(
            codes("Tây Ninh đề nghị nâng cấp cửa khẩu Mỹ Quý Tây thành cửa khẩu quốc tế."),
            ["VN-37"]
        );
        assert_eq!(
            codes("Đại sứ Mỹ Marc Knapper thăm tỉnh Quảng Trị."),
            ["US", "VN-25"]
        );
    }

    #[test]
    fn a_university_belongs_to_its_city() {
        let m = mentions("Trường Đại học Asahikawa và UBND huyện Mê Linh ký biên bản.");
        assert_eq!(m[0].code(), "JP-01");
        assert_eq!(m[0].kind, PartyKind::Education);
        assert_eq!(m[1].code(), "VN-HN");
        assert_eq!(m[1].kind, PartyKind::Government);
    }

    #[test]
    fn an_ocean_or_asia_pacific_is_not_the_province_named_inside_it() {
        assert_eq!(
            codes("Tỉnh Thái Bình cử đoàn dự Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương (APEC) tại Hàn Quốc."),
            ["VN-20", "KR"]
        );
        assert_eq!(
            codes(
                "Đoàn công tác tỉnh Bình Dương khảo sát các cảng biển ven Ấn Độ Dương của Ấn Độ."
            ),
            ["VN-57", "IN"]
        );
    }

    #[test]
    fn a_name_inside_a_longer_word_or_a_person_is_not_a_place() {
        let m = mentions("Quan hệ Việt Nam - Nhật Bản; Hà Namibia; Chủ tịch Hà Nội");
        let codes: Vec<&str> = m.iter().map(|m| m.code()).collect();
        assert_eq!(codes, ["VN", "JP"]);
    }
}
