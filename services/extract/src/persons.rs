//! Stage 5: persons with their titles ("Chủ tịch HĐND TP Nguyễn Ngọc Tuấn", "Thống đốc tỉnh
//! Hokkaido Suzuki Naomichi", "ông Wada Kenji, Chủ tịch Hội"), Vietnamese and foreign names.
use std::{collections::HashSet, ops::Range};

use regex::Regex;

use crate::{
    lexicon::{self, PersonCue, TitleSide},
    model::{Person, Place},
    places::PlaceMention,
    text::{tagged, Found, Hit},
};

const TITLES: &str = include_str!("../data/titles.tsv");
const PERSON_WORDS: &str = include_str!("../data/persons.tsv");
const HONORIFICS: &str = include_str!("../data/honorifics.tsv");
const SURNAMES: &str = include_str!("../data/surnames.tsv");
const NOT_NAMES: &str = include_str!("../data/not_names.tsv");
const NAME_PARTICLES: &str = include_str!("../data/name_particles.tsv");
const ORGS: &str = include_str!("../data/orgs.tsv");
const AREAS: &str = include_str!("../data/areas.tsv");

/// The most words a name has ("Phút Phăn Kẹo Vông Xay").
const MAX_NAME_WORDS: usize = 5;
/// The most words a Vietnamese name has ("Nguyễn Thị Anh Hoa").
const MAX_VIETNAMESE_NAME_WORDS: usize = 4;
/// The most words of one title segment after a name; a longer one runs into the sentence.
const MAX_APPOSITIVE_WORDS: usize = 10;
/// How many words may stand between a title and the name it introduces.
const MAX_TITLE_GAP_WORDS: usize = 12;

/// A person named in the text.
#[derive(Debug, Clone)]
pub struct PersonMention {
    /// The name, in bytes.
    pub span: Range<usize>,
    /// Where the name and the titles written after it end ("Em Pheap, Phó Tỉnh trưởng tỉnh
    /// Preah Sihanouk| dẫn đầu …"), in bytes.
    pub titled_end: usize,
    /// Who, with the title and place the text gives them here.
    pub person: Person,
    /// Seniority of the highest title given here (0 when none).
    pub rank: u32,
    /// Whose officials carry that title.
    pub side: Side,
}

/// Whose officials carry a title: "Chủ tịch UBND" is only ever Viet Nam's, "Thống đốc" or
/// "Tỉnh trưởng" only another country's, "Bí thư Tỉnh ủy" either.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Viet Nam's officials only.
    Vietnamese,
    /// Other countries' officials only.
    Foreign,
    /// Either, or no title.
    Any,
    /// A nation's officials (ambassadors, ministers, heads of state or government).
    National,
}

/// The titles written after a name: the most senior, the most specific place they name, and
/// where they end.
struct Appositive {
    title: String,
    place: Option<Place>,
    info: Option<TitleInfo>,
    end: usize,
}

/// A title found in the text: its seniority and whose officials carry it.
#[derive(Debug, Clone, Copy)]
struct TitleInfo {
    rank: u32,
    side: Side,
}

/// What a phrase of [`Rules::phrases`] is to a name beside it.
#[derive(Debug, Clone, Copy)]
enum Phrase {
    /// A title, with its seniority.
    Title(TitleInfo),
    /// A word before a name ("ông", "bà").
    Honorific,
    /// An organisation, a designator or a council word: never part of a name.
    Skip,
}

/// The persons stage's words compiled: built once by the [`crate::Extractor`].
pub struct Rules {
    /// Titles, honorifics and skipped phrases in one lexicon (lowercase, in both tone
    /// spellings), found by the [`crate::Extractor`]'s one scan of an article.
    phrases: Vec<String>,
    /// Per pattern of `phrases`, what it is.
    phrase_tags: Vec<Phrase>,
    /// The honorifics as written, longest first, for [`after_honorific`].
    honorific_words: Vec<String>,
    surnames: HashSet<String>,
    not_names: HashSet<String>,
    /// Lowercase words inside foreign names ("van" in "Martijn van Dijk").
    particles: HashSet<String>,
    /// Where a title written after a name stops (lowercase).
    title_ends: Vec<String>,
    /// Honorifics a typesetting slip glues to a name.
    glued_honorifics: Vec<String>,
    word_char: WordChars,
}

/// Chars a word is made of, `[\p{L}\p{M}\p{N}]`: those below [`WORD_TABLE_CHARS`] looked up
/// in a table filled from the class itself, the rest asked of it.
struct WordChars {
    class: Regex,
    table: Vec<bool>,
}

/// Chars below this (Latin, combining marks, Vietnamese vowels with tone marks) are looked up.
const WORD_TABLE_CHARS: u32 = 0x2000;

impl WordChars {
    fn new() -> Self {
        let class =
            Regex::new(r"^[\p{L}\p{M}\p{N}]$").unwrap_or_else(|e| panic!("word char pattern: {e}"));
        let table = (0..WORD_TABLE_CHARS)
            .map(|i| char::from_u32(i).is_some_and(|c| class.is_match(c.encode_utf8(&mut [0; 4]))))
            .collect();
        WordChars { class, table }
    }

    /// The length of the word char at byte `i` of `s`, if one is there. Inlined into
    /// [`WordChars::words`]: it is asked once per char of every sentence. ASCII (most of the
    /// text) is decided from the byte.
    #[inline(always)]
    fn char_len_at(&self, s: &str, i: usize) -> Option<usize> {
        let &b = s.as_bytes().get(i)?;
        if b.is_ascii() {
            return b.is_ascii_alphanumeric().then_some(1);
        }
        let c = s[i..].chars().next()?;
        self.contains(c).then(|| c.len_utf8())
    }

    fn contains(&self, c: char) -> bool {
        match self.table.get(c as usize) {
            Some(&w) => w,
            None => self.class.is_match(c.encode_utf8(&mut [0; 4])),
        }
    }

    /// The words of `s` as byte ranges, exactly what
    /// `[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*` finds: a run of word chars, then
    /// as long as a joiner is followed by a word char, the joiner and the next run. (Every
    /// match starts at a word char and the greedy quantifiers never give back, so a scan
    /// needs no backtracking.)
    fn words(&self, s: &str) -> Vec<Range<usize>> {
        let bytes = s.as_bytes();
        // A Vietnamese word and its space take some five bytes: room for all of them at once.
        let mut out = Vec::with_capacity(s.len() / 4 + 1);
        let mut i = 0;
        while i < bytes.len() {
            let Some(n) = self.char_len_at(s, i) else {
                i += s[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            let start = i;
            i += n;
            loop {
                while let Some(n) = self.char_len_at(s, i) {
                    i += n;
                }
                let joiner = match bytes.get(i) {
                    Some(b'-' | b'\'') => 1,
                    _ if s[i..].starts_with('’') => '’'.len_utf8(),
                    _ => 0,
                };
                if joiner == 0 || self.char_len_at(s, i + joiner).is_none() {
                    break;
                }
                i += joiner;
            }
            out.push(start..i);
        }
        out
    }
}

impl Rules {
    /// Whether a lowercase word may stand inside a foreign name ("van" in "Jan van der Berg").
    pub(crate) fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }
}

impl Rules {
    /// Whether `word` is a surname. Every surname is capitalised, and checking that first
    /// spares the hash of most words.
    fn is_surname(&self, word: &str) -> bool {
        word.chars().next().is_some_and(char::is_uppercase) && self.surnames.contains(word)
    }
}

impl Rules {
    /// The patterns of the titles, honorifics and skipped phrases, which the
    /// [`crate::Extractor`] scans for with the other stages' phrases.
    pub fn phrases(&self) -> &[String] {
        &self.phrases
    }

    /// Compiles the embedded titles, honorifics, surnames and words of the persons stage,
    /// which the build script has checked.
    pub fn builtin() -> Self {
        let words = |file: &str, data: &'static str| -> Vec<String> {
            lexicon::words(file, data)
                .unwrap_or_else(|e| panic!("embedded persons data is malformed: {e}"))
                .into_iter()
                .map(String::from)
                .collect()
        };
        let titles: Vec<(String, TitleInfo)> = lexicon::titles("titles.tsv", TITLES)
            .unwrap_or_else(|e| panic!("embedded titles are malformed: {e}"))
            .into_iter()
            .map(|t| {
                let side = match t.side {
                    TitleSide::Vietnamese => Side::Vietnamese,
                    TitleSide::Foreign => Side::Foreign,
                    TitleSide::National => Side::National,
                    TitleSide::Any => Side::Any,
                };
                (t.title.to_string(), TitleInfo { rank: t.rank, side })
            })
            .collect();
        let cues = lexicon::person_cues("persons.tsv", PERSON_WORDS)
            .unwrap_or_else(|e| panic!("embedded persons data is malformed: {e}"));
        let of = |cue: PersonCue| -> Vec<String> {
            cues.iter()
                .filter(|(c, _)| *c == cue)
                .map(|(_, p)| p.to_string())
                .collect()
        };
        let mut skip: Vec<String> = lexicon::orgs("orgs.tsv", ORGS)
            .unwrap_or_else(|e| panic!("embedded orgs are malformed: {e}"))
            .into_iter()
            .map(|o| o.pattern.to_string())
            .collect();
        skip.extend(
            hoptac_gazetteer::data::designators("designators.tsv", hoptac_gazetteer::DESIGNATORS)
                .unwrap_or_else(|e| panic!("embedded designators are malformed: {e}"))
                .into_iter()
                .map(|d| d.word.to_string()),
        );
        for body in of(PersonCue::Body) {
            skip.push(crate::text::lower_view(&body));
            skip.push(body);
        }
        let mut not_names: HashSet<String> =
            words("not_names.tsv", NOT_NAMES).into_iter().collect();
        for t in skip.iter().chain(titles.iter().map(|t| &t.0)) {
            not_names.extend(
                t.split_whitespace()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .map(String::from),
            );
        }
        let surnames: HashSet<String> = words("surnames.tsv", SURNAMES).into_iter().collect();
        for s in &surnames {
            not_names.remove(s);
        }
        let mut honorific_words = words("honorifics.tsv", HONORIFICS);
        honorific_words.sort_by_key(|h| std::cmp::Reverse(h.len()));
        let phrases = titles
            .into_iter()
            .map(|(t, info)| (t, Phrase::Title(info)))
            .chain(
                honorific_words
                    .iter()
                    .map(|h| (h.clone(), Phrase::Honorific)),
            )
            .chain(skip.into_iter().map(|s| (s, Phrase::Skip)))
            // Not in `skip`: their words ("Nam", "Đông") are also given names, so they must
            // not join `not_names`.
            .chain(
                words("areas.tsv", AREAS)
                    .into_iter()
                    .map(|a| (a, Phrase::Skip)),
            );
        let title_ends = of(PersonCue::TitleEnd)
            .into_iter()
            .map(|w| crate::text::lower_view(&w))
            .collect();
        let (phrases, phrase_tags) = tagged(phrases);
        Rules {
            phrases,
            phrase_tags,
            honorific_words,
            surnames,
            not_names,
            particles: words("name_particles.tsv", NAME_PARTICLES)
                .into_iter()
                .collect(),
            title_ends,
            glued_honorifics: of(PersonCue::GluedHonorific),
            word_char: WordChars::new(),
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
}

fn is_name_word(w: &str) -> bool {
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let mut letters = 0;
    let mut lowercase = false;
    for c in w.chars() {
        if c.is_ascii_digit() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
            lowercase |= !c.is_uppercase();
        }
    }
    let all_caps = letters > 1 && !lowercase;
    !all_caps
}

struct Scan<'a> {
    rules: &'a Rules,
    text: &'a str,
    toks: Vec<Tok>,
    /// Tokens that are a name glued to its honorific, rare enough for a list.
    glued: Vec<usize>,
    places: &'a [PlaceMention],
    skips: &'a [Hit<()>],
    honorifics: &'a [Hit<()>],
    titles: &'a [Hit<TitleInfo>],
}

impl Scan<'_> {
    fn word(&self, i: usize) -> &str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    fn place_at(&self, pos: usize) -> Option<&PlaceMention> {
        self.places
            .iter()
            .find(|p| p.full.start <= pos && pos < p.full.end)
    }

    fn in_hits<T>(hits: &[Hit<T>], pos: usize) -> Option<usize> {
        hits.iter()
            .find(|h| h.start <= pos && pos < h.end)
            .map(|h| h.end)
    }

    fn tok_after(&self, pos: usize) -> Option<usize> {
        self.toks.iter().position(|t| t.start >= pos)
    }

    /// The name run starting at token `i`: its token range, when it looks like a name.
    fn name_run(&self, i: usize) -> Option<Range<usize>> {
        let r = self.rules;
        let first = self.word(i);
        if !is_name_word(first) || self.place_at(self.toks[i].start).is_some() {
            return None;
        }
        if r.not_names.contains(first) && !r.surnames.contains(first) {
            return None;
        }
        let vietnamese = r.surnames.contains(first);
        let mut j = i + 1;
        while j < self.toks.len() && j - i < MAX_NAME_WORDS {
            let gap = &self.text[self.toks[j - 1].end..self.toks[j].start];
            let w = self.word(j);
            if gap != " " {
                break;
            }
            // "Martijn van Dijk": a particle between two words of a foreign name.
            let particle = !vietnamese
                && r.particles.contains(w)
                && self.toks.get(j + 1).is_some_and(|t| {
                    self.text[self.toks[j].end..t.start] == *" "
                        && is_name_word(&self.text[t.start..t.end])
                });
            if particle {
                j += 1;
                continue;
            }
            if !is_name_word(w) {
                break;
            }
            if let Some(p) = self.place_at(self.toks[j].start) {
                // A Vietnamese given name can spell a place ("Nguyễn Lộc Hà"): a bare place
                // name that ends the name is part of it.
                let words = self.toks[j..]
                    .iter()
                    .take_while(|t| t.end <= p.span.end)
                    .count();
                let bare = p.full == p.span && p.span.start == self.toks[j].start;
                let ends = self.toks.get(j + words).is_none_or(|t| {
                    !is_name_word(&self.text[t.start..t.end])
                        || self.text.get(p.span.end..t.start) != Some(" ")
                });
                // So can a foreign surname a town bears ("Igor Sokolov"), never a region's or
                // a country's name.
                let town = words == 1 && p.place.level == crate::model::PlaceLevel::Local;
                let vietnamese_name =
                    vietnamese && words > 0 && j - i + words <= MAX_VIETNAMESE_NAME_WORDS;
                if bare && ends && (vietnamese_name || (!vietnamese && town)) {
                    j += words;
                }
                break;
            }
            if Self::in_hits(self.titles, self.toks[j].start).is_some() {
                break;
            }
            j += 1;
        }
        (j - i >= 2).then_some(i..j)
    }

    fn person(
        &self,
        run: Range<usize>,
        title: String,
        place: Option<Place>,
        info: Option<TitleInfo>,
    ) -> PersonMention {
        let span = self.toks[run.start].start..self.toks[run.end - 1].end;
        PersonMention {
            person: Person {
                name: self.text[span.clone()].to_string(),
                title,
                place,
            },
            titled_end: span.end,
            span,
            rank: info.map_or(0, |i| i.rank),
            side: info.map_or(Side::Any, |i| i.side),
        }
    }

    /// Titles written after a name, set off by a comma or a dash: "X, Ủy viên Trung ương Đảng,
    /// Phó Bí thư Thường trực Thành ủy Hà Nội".
    fn appositive(&self, end: usize, limit: usize) -> Appositive {
        let mut pos = end;
        let mut best: (String, Option<Place>, Option<TitleInfo>) = (String::new(), None, None);
        loop {
            let rest = &self.text[pos..limit];
            let trimmed = rest.trim_start_matches([' ', ',', '-', '–', '—']);
            if trimmed.len() == rest.len() && pos != end {
                break;
            }
            let sep = &rest[..rest.len() - trimmed.len()];
            if !sep.contains([',', '-', '–', '—']) {
                break;
            }
            let seg_start = pos + sep.len();
            let Some(title) = self.titles.iter().find(|t| t.start == seg_start) else {
                break;
            };
            let seg_end = self.text[seg_start..limit]
                .find([',', ';', '–', '—'])
                .map_or(limit, |k| seg_start + k);
            let seg_end = title_end(
                self.rules,
                &self.text[seg_start..seg_end],
                title.end - seg_start,
            )
            .map_or(seg_end, |k| seg_start + k);
            let place = self
                .places
                .iter()
                .find(|p| !p.qualifier && p.span.start >= title.end && p.span.end <= seg_end)
                .map(|p| p.place.clone());
            let words = self.text[seg_start..seg_end].split_whitespace().count();
            if best.2.is_none_or(|b| title.tag.rank > b.rank) {
                best.0 = self.text[seg_start..seg_end].trim().to_string();
                best.2 = Some(title.tag);
            }
            // The most specific place any of the titles names: "Ủy viên Trung ương Đảng
            // Nhân dân Cách mạng Lào, Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Champasak" serves
            // Champasak.
            if let Some(place) = place {
                if best.1.as_ref().is_none_or(|b| more_specific(&place, b)) {
                    best.1 = Some(place);
                }
            }
            if words > MAX_APPOSITIVE_WORDS {
                // A long segment has left the titles for the rest of the sentence.
                break;
            }
            pos = seg_end;
        }
        Appositive {
            title: best.0,
            place: best.1,
            info: best.2,
            end: pos,
        }
    }
}

/// Whether `a` names a place more precisely than `b`: a region or town of a country rather
/// than the country.
fn more_specific(a: &Place, b: &Place) -> bool {
    !a.region.is_empty() && b.region.is_empty()
}

/// What follows a leading honorific ("ông", "đồng chí", "PGS.TS") in `phrase`, when it starts
/// with one.
pub fn after_honorific<'p>(rules: &Rules, phrase: &'p str) -> Option<&'p str> {
    rules.honorific_words.iter().find_map(|h| {
        phrase
            .strip_prefix(h.as_str())
            .filter(|rest| rest.starts_with(' '))
            .map(str::trim_start)
    })
}

/// Drops the place mentions that are part of a person's name: "Sokolov" in "ông Igor
/// Sokolov" is a surname, not the Czech town. `people` is in text order.
pub fn drop_names(places: &mut Vec<PlaceMention>, people: &[PersonMention]) {
    places.retain(|m| {
        // Names do not overlap: only the last one starting before the place can hold it.
        let before = people.partition_point(|p| p.span.start <= m.span.start);
        before
            .checked_sub(1)
            .is_none_or(|i| m.span.end > people[i].span.end)
    });
}

/// Every person mention in the text, in order and not overlapping; `lower` is its
/// [`crate::text::lower_view`], `found` the occurrences of [`Rules::phrases`] in it.
pub fn find(
    rules: &Rules,
    text: &str,
    lower: &str,
    found: Found<'_>,
    sentences: &[Range<usize>],
    places: &[PlaceMention],
) -> Vec<PersonMention> {
    let r = rules;
    let mut out: Vec<PersonMention> = Vec::new();
    let phrases: Vec<Hit<Phrase>> = found
        .leftmost_longest(lower, |_| true)
        .into_iter()
        .map(|(start, end, pattern)| Hit {
            start,
            end,
            tag: r.phrase_tags[pattern],
        })
        .collect();
    let all_titles = select(&phrases, |p| match p {
        Phrase::Title(info) => Some(info),
        _ => None,
    });
    let all_skips = select(&phrases, |p| {
        (!matches!(p, Phrase::Honorific)).then_some(())
    });
    let all_honorifics = select(&phrases, |p| matches!(p, Phrase::Honorific).then_some(()));
    for s in sentences {
        let first = places.partition_point(|p| p.full.end <= s.start);
        let last = places.partition_point(|p| p.full.start < s.end).max(first);
        let words = r.word_char.words(&text[s.clone()]);
        let titles_here = within(&all_titles, s);
        let mut toks = Vec::with_capacity(words.len());
        let mut glued = Vec::new();
        for m in words {
            let (start, end) = (s.start + m.start, s.start + m.end);
            // A name glued to the title after it by a dash with no spaces ("Padeumphone
            // Sonthany-Phó Bí thư Tỉnh ủy"): two tokens.
            let title_inside = titles_here
                .iter()
                .find(|t| t.start > start && t.start < end && text[..t.start].ends_with('-'));
            if let Some(t) = title_inside {
                toks.push(Tok {
                    start,
                    end: t.start - 1,
                });
                toks.push(Tok {
                    start: t.start,
                    end,
                });
                continue;
            }
            let g = glued_honorific(rules, &text[start..end]);
            if g > 0 {
                toks.push(Tok {
                    start,
                    end: start + g,
                });
                glued.push(toks.len());
                toks.push(Tok {
                    start: start + g,
                    end,
                });
            } else {
                toks.push(Tok { start, end });
            }
        }
        let scan = Scan {
            rules,
            text,
            toks,
            glued,
            places: &places[first..last],
            skips: within(&all_skips, s),
            honorifics: within(&all_honorifics, s),
            titles: within(&all_titles, s),
        };
        let mut found: Vec<PersonMention> = Vec::new();
        let taken = |m: PersonMention, found: &mut Vec<PersonMention>| {
            if !found
                .iter()
                .any(|f| f.span.start < m.span.end && m.span.start < f.span.end)
            {
                found.push(m);
            }
        };
        for t in scan.titles {
            if let Some(mut m) = after_title(&scan, t, s.end) {
                m.titled_end = scan.appositive(m.span.end, s.end).end;
                taken(m, &mut found);
            }
        }
        for i in 0..scan.toks.len() {
            let start = scan.toks[i].start;
            let honorific = scan.glued.contains(&i)
                || scan
                    .honorifics
                    .iter()
                    .any(|h| h.end + 1 == start && &text[h.end..start] == " ");
            if !honorific && !r.is_surname(scan.word(i)) {
                continue;
            }
            let Some(run) = scan.name_run(i) else {
                continue;
            };
            let end = scan.toks[run.end - 1].end;
            let a = scan.appositive(end, s.end);
            if a.info.is_none() && !honorific {
                continue;
            }
            let mut person = scan.person(run, a.title, a.place, a.info);
            person.titled_end = a.end;
            taken(person, &mut found);
        }
        found.sort_by_key(|m| m.span.start);
        out.extend(found);
    }
    out
}

/// A title written before a name without the honorifics it ends with ("Thống đốc tỉnh ông"):
/// they address the person and are no part of the title.
fn without_honorifics<'t>(rules: &Rules, mut title: &'t str) -> &'t str {
    while let Some(rest) = rules.honorific_words.iter().find_map(|h| {
        title
            .strip_suffix(h.as_str())
            .and_then(|rest| rest.strip_suffix(' '))
    }) {
        title = rest;
    }
    title
}

/// The phrases `keep` gives a tag to, with that tag.
fn select<T>(phrases: &[Hit<Phrase>], keep: impl Fn(Phrase) -> Option<T>) -> Vec<Hit<T>> {
    phrases
        .iter()
        .filter_map(|h| {
            keep(h.tag).map(|tag| Hit {
                start: h.start,
                end: h.end,
                tag,
            })
        })
        .collect()
}

/// The hits that lie inside `s`. `hits` are in text order and never overlap (leftmost-longest
/// matches), so they are one run, of which only the last may reach past `s`.
fn within<'h, T>(hits: &'h [Hit<T>], s: &Range<usize>) -> &'h [Hit<T>] {
    let from = hits.partition_point(|h| h.start < s.start);
    let mut to = from + hits[from..].partition_point(|h| h.start < s.end);
    if to > from && hits[to - 1].end > s.end {
        to -= 1;
    }
    &hits[from..to]
}

/// Bytes of an honorific glued to the name that follows ("ôngNguyễn").
fn glued_honorific(rules: &Rules, word: &str) -> usize {
    for h in &rules.glued_honorifics {
        // Asked of every word: most differ from every honorific in their first byte.
        if word.as_bytes().first() != h.as_bytes().first() {
            continue;
        }
        if let Some(rest) = word.strip_prefix(h.as_str()) {
            if rest.chars().next().is_some_and(char::is_uppercase) {
                return h.len();
            }
        }
    }
    0
}

/// Where, in a title segment after a name, the title stops (a byte offset into `segment`),
/// looking only past its first `head` bytes (the title word itself): where the sentence's
/// predicate begins ("X, Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã thăm …", "…, Chủ tịch UBND
/// tỉnh tiếp đoàn …"), a bracket, a dash or a full stop; `None` when it runs to the segment's
/// end. A final full stop is not part of it either.
fn title_end(rules: &Rules, segment: &str, head: usize) -> Option<usize> {
    let head = crate::text::floor_boundary(segment, head.min(segment.len()));
    let lower = crate::text::lower_view(&segment[head..]);
    let word = rules
        .title_ends
        .iter()
        .filter_map(|w| {
            lower.match_indices(w.as_str()).map(|(i, _)| i).find(|&i| {
                i > 0 && lower[..i].ends_with(' ') && crate::text::is_word(&lower, i, i + w.len())
            })
        })
        .min()
        .map(|i| head + i - 1);
    let mark = [" (", "- ", ". "]
        .iter()
        .filter_map(|m| segment[head..].find(m).map(|i| head + i))
        .min();
    let cut = word.into_iter().chain(mark).min();
    cut.or_else(|| segment.trim_end().strip_suffix('.').map(str::len))
}

/// "Title [body] [place] [honorific] Name": the name a title introduces.
fn after_title(scan: &Scan<'_>, title: &Hit<TitleInfo>, limit: usize) -> Option<PersonMention> {
    let text = scan.text;
    let mut i = scan.tok_after(title.end)?;
    let mut place: Option<Place> = None;
    let mut prev_end = title.end;
    for _ in 0..MAX_TITLE_GAP_WORDS {
        let tok = *scan.toks.get(i)?;
        if tok.start >= limit {
            return None;
        }
        let gap = &text[prev_end..tok.start];
        if gap.contains([',', ';', ':', '"', '“', '”'])
            || gap.contains(" - ")
            || gap.contains(" – ")
        {
            return None;
        }
        if let Some(p) = scan.place_at(tok.start) {
            if place.is_none() && !p.qualifier {
                place = Some(p.place.clone());
            }
            prev_end = p.full.end;
            i = scan.tok_after(prev_end)?;
            continue;
        }
        if let Some(end) = Scan::in_hits(scan.skips, tok.start)
            .or_else(|| Scan::in_hits(scan.honorifics, tok.start))
            .or_else(|| Scan::in_hits(scan.titles, tok.start))
        {
            prev_end = end.max(tok.end);
            i = scan.tok_after(prev_end)?;
            continue;
        }
        let w = scan.word(i);
        if let Some(run) = scan.name_run(i) {
            let title_text = without_honorifics(
                scan.rules,
                text[title.start..tok.start]
                    .trim()
                    .trim_end_matches(['(', ')', ' ']),
            )
            .to_string();
            return Some(scan.person(run, title_text, place, Some(title.tag)));
        }
        let skippable = scan.rules.not_names.contains(w)
            || (w.chars().all(|c| !c.is_lowercase()) && w.chars().count() > 1);
        if !skippable {
            return None;
        }
        prev_end = tok.end;
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn rules() -> &'static Rules {
        static R: OnceLock<Rules> = OnceLock::new();
        R.get_or_init(Rules::builtin)
    }
    use crate::{places, sentences, text::lower_view};
    use hoptac_gazetteer::Gazetteer;

    #[test]
    fn words_are_what_the_word_pattern_finds() {
        let pattern = Regex::new(r"[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*").unwrap();
        let texts = [
            "Ông Chăn-thạ-vông Xổm-xay, Phó Chủ tịch tỉnh Xiêng Khoảng (Lào), đã đến thăm.",
            "O’Brien và d'Artagnan - hai -người '' ’’ a-'b ’x ÿ₫ 2024-2025 ١٢ x\u{301}y",
            "Thống đốc tỉnh Hokkaido Suzuki Naomichi; Ile-de-France — 東京都 -",
            "",
        ];
        for t in texts {
            let want: Vec<_> = pattern.find_iter(t).map(|m| m.range()).collect();
            assert_eq!(rules().word_char.words(t), want, "{t}");
        }
    }

    #[test]
    fn surnames_in_the_data_are_capitalised() {
        // `Rules::is_surname` relies on it.
        for s in &rules().surnames {
            assert!(s.chars().next().is_some_and(char::is_uppercase), "{s}");
        }
    }

    /// [`find`], with the stage's phrases scanned for alone.
    fn find_alone(text: &str, s: &[Range<usize>], p: &[PlaceMention]) -> Vec<PersonMention> {
        let phrases = crate::text::Phrases::new(&[rules().phrases()]);
        let lower = lower_view(text);
        find(rules(), text, &lower, phrases.scan(&lower).of(0), s, p)
    }

    fn people(text: &str) -> Vec<PersonMention> {
        let g = Gazetteer::builtin();
        let s = sentences::split(&sentences::Rules::builtin(), text);
        let p = places::find(&g, &places::Matcher::new(&g), text, &s);
        find_alone(text, &s, &p)
    }

    fn names(text: &str) -> Vec<String> {
        people(text).into_iter().map(|p| p.person.name).collect()
    }

    #[test]
    fn particles_inside_foreign_names() {
        assert_eq!(
            names(
                "Tiếp đoàn có ông Martijn van Dijk, Ủy viên Hội đồng điều hành tỉnh Noord-Brabant."
            ),
            ["Martijn van Dijk"]
        );
        assert_eq!(
            names("Bà Nguyễn Thị Hà la lên vui mừng."),
            ["Nguyễn Thị Hà"],
            "a Vietnamese name takes no particle"
        );
    }

    #[test]
    fn name_after_title_and_place() {
        let m =
            people("Chiều 3-3, Chủ tịch HĐND thành phố Hà Nội Nguyễn Ngọc Tuấn chủ trì hội đàm.");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].person.name, "Nguyễn Ngọc Tuấn");
        assert_eq!(m[0].person.place.as_ref().map(|p| p.code()), Some("VN-HN"));
        let m = people("Thống đốc tỉnh Hokkaido Suzuki Naomichi phát biểu tại buổi hội đàm.");
        assert_eq!(m[0].person.name, "Suzuki Naomichi");
        assert_eq!(m[0].person.place.as_ref().map(|p| p.code()), Some("JP-01"));
    }

    #[test]
    fn a_surname_that_a_town_bears_is_a_name_not_a_place() {
        let text = "Sáng 17-9, tại thành phố Irkutsk, ông Hà Quốc Vinh hội kiến ông Igor Sokolov, Thống đốc tỉnh Irkutsk.";
        let g = Gazetteer::builtin();
        let s = sentences::split(&sentences::Rules::builtin(), text);
        let mut p = places::find(&g, &places::Matcher::new(&g), text, &s);
        let m = find_alone(text, &s, &p);
        assert_eq!(names(text), ["Hà Quốc Vinh", "Igor Sokolov"]);
        drop_names(&mut p, &m);
        let codes: Vec<&str> = p.iter().map(PlaceMention::code).collect();
        assert_eq!(codes, ["RU-IRK", "RU-IRK"]);
    }

    #[test]
    fn name_with_honorific_and_titles_after() {
        let m = people("Đoàn đại biểu thành phố Hà Nội do đồng chí Nguyễn Thị Tuyến, Ủy viên Trung ương Đảng, Phó Bí thư Thường trực Thành ủy Hà Nội làm trưởng đoàn.");
        assert_eq!(m[0].person.name, "Nguyễn Thị Tuyến");
        assert_eq!(m[0].person.place.as_ref().map(|p| p.code()), Some("VN-HN"));
        assert_eq!(
            m[0].person.title, "Phó Bí thư Thường trực Thành ủy Hà Nội",
            "the title stops where the predicate starts"
        );
        assert!(m[0].rank >= 80);
        assert_eq!(
            names("Đoàn do ông Wada Kenji, Chủ tịch Hội dẫn đầu."),
            ["Wada Kenji"]
        );
        assert_eq!(
            names("Chủ tịch Hội đồng tỉnh Fukuoka ông Kohara Katsuji cho biết."),
            ["Kohara Katsuji"]
        );
    }

    #[test]
    fn glued_honorific_and_hyphenated_names() {
        assert_eq!(
            names("Tham dự có ôngNguyễn Đức Hải, Bí thư tỉnh ủy tỉnh Quảng Nam."),
            ["Nguyễn Đức Hải"]
        );
        assert_eq!(
            names("Đoàn do ông Ni-si-ha-ra Y-ô-si-ka-zu – Phó thống đốc tỉnh làm trưởng đoàn."),
            ["Ni-si-ha-ra Y-ô-si-ka-zu"]
        );
    }

    #[test]
    fn places_and_plain_words_are_not_names() {
        assert!(names("Hà Nội và Quảng Ninh tăng cường hợp tác.").is_empty());
        assert!(people("").is_empty());
    }

    #[test]
    fn a_part_of_the_world_after_a_title_is_no_name() {
        let found = names(
            "Đoàn gồm ông Peter Lindqvist, Giám đốc Văn phòng Thương mại Saskatchewan khu vực \
             Đông Nam Á cùng đại diện một số doanh nghiệp.",
        );
        assert_eq!(found, ["Peter Lindqvist"]);
    }
}
