//! The words of agreements and visits, as the event rules see them: each phrase of
//! `data/events.tsv` with its category, compiled once by the [`crate::Extractor`], and the
//! keywords of the fields of cooperation.
use std::{collections::HashMap, ops::Range};

use crate::lexicon::{self, Cue, FieldName, InstrumentKind};
use crate::model::{AgreementKind, Field};
use aho_corasick::{AhoCorasick, MatchKind};
use std::cmp::Reverse;

use crate::text::{is_word, lower_view, spellings, Found, Hit, Lexicon};

const EVENTS: &str = include_str!("../../data/events.tsv");
const FIELDS: &str = include_str!("../../data/fields.tsv");

/// A phrase the event rules find by scanning the whole text, with what it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cat {
    Instrument(AgreementKind),
    Sign,
    Friendship,
    Delegation,
    Toward,
    Receive,
    Lead,
    Planned,
    Past,
    Wish,
    Generic,
    Online,
    Venue,
    Pair,
    Establish,
    National,
    Content,
    NationalHost,
    Mission,
    Building,
    /// A phrase that holds an event word but is none ("trao đổi" is an exchange, not "trao").
    Neutral,
}

impl Cat {
    /// The scanned category of a cue, or `None` for the cues the rules look up in place.
    fn of(cue: Cue, kind: Option<InstrumentKind>) -> Option<Cat> {
        Some(match cue {
            Cue::Instrument => Cat::Instrument(agreement_kind(kind?)),
            Cue::Sign => Cat::Sign,
            Cue::Friendship => Cat::Friendship,
            Cue::Delegation => Cat::Delegation,
            Cue::Toward => Cat::Toward,
            Cue::Receive => Cat::Receive,
            Cue::Lead => Cat::Lead,
            Cue::Planned => Cat::Planned,
            Cue::Past => Cat::Past,
            Cue::Wish => Cat::Wish,
            Cue::Generic => Cat::Generic,
            Cue::Online => Cat::Online,
            Cue::Venue => Cat::Venue,
            Cue::Pair => Cat::Pair,
            Cue::Establish => Cat::Establish,
            Cue::National => Cat::National,
            Cue::Content => Cat::Content,
            Cue::NationalHost => Cat::NationalHost,
            Cue::Mission => Cat::Mission,
            Cue::Building => Cat::Building,
            Cue::Neutral => Cat::Neutral,
            _ => return None,
        })
    }
}

fn agreement_kind(k: InstrumentKind) -> AgreementKind {
    match k {
        InstrumentKind::Agreement => AgreementKind::Agreement,
        InstrumentKind::Memorandum => AgreementKind::Memorandum,
        InstrumentKind::Friendship => AgreementKind::Friendship,
        InstrumentKind::Minutes => AgreementKind::Minutes,
        InstrumentKind::LetterOfIntent => AgreementKind::LetterOfIntent,
        InstrumentKind::Other => AgreementKind::Other,
    }
}

fn field(f: FieldName) -> Field {
    match f {
        FieldName::Health => Field::Health,
        FieldName::Education => Field::Education,
        FieldName::Culture => Field::Culture,
        FieldName::Tourism => Field::Tourism,
        FieldName::Economy => Field::Economy,
        FieldName::Trade => Field::Trade,
        FieldName::Investment => Field::Investment,
        FieldName::Agriculture => Field::Agriculture,
        FieldName::Environment => Field::Environment,
        FieldName::Urban => Field::Urban,
        FieldName::Transport => Field::Transport,
        FieldName::ScienceTechnology => Field::ScienceTechnology,
        FieldName::Labour => Field::Labour,
        FieldName::PeopleExchange => Field::PeopleExchange,
        FieldName::Industry => Field::Industry,
        FieldName::Other => Field::Other,
    }
}

/// The event words compiled: the scanned categories and the [`LOCATED`] ones in one
/// automaton, every other category as a list of its phrases (lowercase), and the field
/// keywords.
pub struct Cues {
    /// The scanned phrases (in both tone spellings) and the located ones, which the
    /// [`crate::Extractor`] finds with the other stages' phrases in one pass over an article.
    phrases: Vec<String>,
    /// Per pattern of `phrases`, what it is.
    roles: Vec<Role>,
    /// Per looked-up category (indexed by `Cue as usize`), its phrases.
    lists: Vec<List>,
    fields: Lexicon<Field>,
}

/// What a pattern of [`Cues::phrases`] is.
#[derive(Debug, Clone, Copy)]
enum Role {
    /// A phrase of a scanned category: found leftmost-longest, as whole words.
    Scanned(Cat),
    /// A phrase of a [`LOCATED`] category: found wherever it stands as whole words.
    Located(Cue),
}

/// The phrases of one looked-up category, lowercase, with the bytes they start and end with:
/// most places the rules ask about start or end with a byte no phrase does, and are settled
/// by one lookup instead of a comparison per phrase.
#[derive(Default)]
struct List {
    phrases: Vec<String>,
    first_bytes: ByteSet,
    last_bytes: ByteSet,
    /// The phrases in one automaton that reports every occurrence, overlapping ones too, for
    /// finding them in a stretch of text in one pass.
    finder: Option<AhoCorasick>,
    /// The byte length of the longest phrase.
    longest: usize,
}

/// A set of bytes.
#[derive(Default)]
struct ByteSet([u64; 4]);

impl ByteSet {
    fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
}

impl List {
    fn new(phrases: Vec<String>) -> Self {
        let finder = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&phrases)
            .unwrap_or_else(|e| panic!("cue automaton does not build: {e}"));
        let mut list = List {
            longest: phrases.iter().map(String::len).max().unwrap_or(0),
            finder: Some(finder),
            phrases,
            ..List::default()
        };
        for p in &list.phrases {
            if let (Some(&first), Some(&last)) = (p.as_bytes().first(), p.as_bytes().last()) {
                list.first_bytes.insert(first);
                list.last_bytes.insert(last);
            }
        }
        list
    }
}

/// The looked-up categories the rules ask of every sentence, or of the whole article: found
/// once per article ([`Cues::scan`]) rather than scanned for sentence by sentence.
const LOCATED: [Cue; 4] = [
    Cue::Organizes,
    Cue::TripNoun,
    Cue::AttendVerb,
    Cue::Anniversary,
];

impl Cues {
    /// Compiles the embedded `events.tsv` and `fields.tsv`, which the build script has checked.
    pub fn builtin() -> Self {
        let rows = lexicon::cues("events.tsv", EVENTS)
            .unwrap_or_else(|e| panic!("embedded event data is malformed: {e}"));
        let mut scanned = Vec::new();
        let mut by_cue: HashMap<Cue, Vec<String>> = HashMap::new();
        for r in rows {
            match Cat::of(r.cue, r.kind) {
                Some(cat) => scanned.push((r.phrase.to_string(), cat)),
                None => by_cue.entry(r.cue).or_default().push(lower_view(r.phrase)),
            }
        }
        let fields = lexicon::fields("fields.tsv", FIELDS)
            .unwrap_or_else(|e| panic!("embedded field data is malformed: {e}"))
            .into_iter()
            .map(|(k, f)| (k.to_string(), field(f)));
        let mut patterns: Vec<String> = Vec::new();
        let mut roles: Vec<Role> = Vec::new();
        for (phrase, cat) in scanned {
            for v in spellings(&phrase) {
                patterns.push(v);
                roles.push(Role::Scanned(cat));
            }
        }
        for cue in LOCATED {
            for phrase in by_cue.get(&cue).into_iter().flatten() {
                patterns.push(phrase.clone());
                roles.push(Role::Located(cue));
            }
        }
        let mut lists: Vec<List> = Vec::new();
        for (cue, phrases) in by_cue {
            let i = cue as usize;
            if lists.len() <= i {
                lists.resize_with(i + 1, List::default);
            }
            lists[i] = List::new(phrases);
        }
        Cues {
            phrases: patterns,
            roles,
            lists,
            fields: Lexicon::new(fields.collect::<Vec<_>>()),
        }
    }

    /// The patterns of the scanned and the located phrases, which the [`crate::Extractor`]
    /// scans for with the other stages' phrases.
    pub fn phrases(&self) -> &[String] {
        &self.phrases
    }

    /// From `found`, the occurrences of [`Cues::phrases`] in `lower`, a lowercase view of the
    /// text: every scanned phrase, the leftmost-longest occurrences that stand as whole
    /// words, in order; and where the phrases of the [`LOCATED`] categories stand as whole
    /// words, per category (indexed by `Cue as usize`), by start and then longest first,
    /// overlapping ones too (the other categories' lists are empty).
    pub(super) fn scan(
        &self,
        found: &Found<'_>,
        lower: &str,
    ) -> (Vec<Hit<Cat>>, Vec<Vec<Range<usize>>>) {
        let mut located: Vec<Vec<Range<usize>>> = vec![Vec::new(); Cue::NAMES.len()];
        for (start, end, pattern) in found.iter() {
            if let Role::Located(cue) = self.roles[pattern] {
                if is_word(lower, start, end) {
                    located[cue as usize].push(start..end);
                }
            }
        }
        let scanned = |pattern: usize| matches!(self.roles[pattern], Role::Scanned(_));
        let hits = found
            .leftmost_longest(lower, scanned)
            .into_iter()
            .filter_map(|(start, end, pattern)| match self.roles[pattern] {
                Role::Scanned(tag) => Some(Hit { start, end, tag }),
                Role::Located(_) => None,
            })
            .collect();
        (hits, located)
    }

    /// Whether [`Cues::scan`] locates the category's phrases.
    pub(super) fn locates(cue: Cue) -> bool {
        LOCATED.contains(&cue)
    }

    /// Every field keyword in `lower`.
    pub(super) fn fields(&self, lower: &str) -> Vec<Hit<Field>> {
        self.fields.find(lower)
    }

    /// The phrases of a category the rules look up in place, lowercase.
    pub(super) fn list(&self, cue: Cue) -> &[String] {
        self.lists
            .get(cue as usize)
            .map_or(&[], |l| l.phrases.as_slice())
    }

    /// Whether `lower` (lowercase) is exactly one of the category's phrases.
    pub(super) fn is(&self, lower: &str, cue: Cue) -> bool {
        self.list(cue).iter().any(|p| p == lower)
    }

    /// The phrase of the category that `lower` ends with as whole words (trailing spaces
    /// ignored): the longest, if several.
    pub(super) fn ending(&self, lower: &str, cue: Cue) -> Option<&str> {
        let t = lower.trim_end();
        let list = self.lists.get(cue as usize)?;
        if !list.last_bytes.contains(*t.as_bytes().last()?) {
            return None;
        }
        list.phrases
            .iter()
            .filter(|p| t.ends_with(p.as_str()) && is_word(t, t.len() - p.len(), t.len()))
            .max_by_key(|p| p.len())
            .map(String::as_str)
    }

    /// Whether `lower` ends with one of the category's phrases as whole words.
    pub(super) fn ends_with(&self, lower: &str, cue: Cue) -> bool {
        self.ending(lower, cue).is_some()
    }

    /// The phrase of the category that `lower` starts with as whole words (leading spaces
    /// ignored): the longest, if several.
    pub(super) fn opening(&self, lower: &str, cue: Cue) -> Option<&str> {
        let t = lower.trim_start();
        let list = self.lists.get(cue as usize)?;
        if !list.first_bytes.contains(*t.as_bytes().first()?) {
            return None;
        }
        list.phrases
            .iter()
            .filter(|p| t.starts_with(p.as_str()) && is_word(t, 0, p.len()))
            .max_by_key(|p| p.len())
            .map(String::as_str)
    }

    /// Whether `lower` starts with one of the category's phrases as whole words.
    pub(super) fn starts_with(&self, lower: &str, cue: Cue) -> bool {
        self.opening(lower, cue).is_some()
    }

    /// Every place in `lower` where one of the category's phrases stands as whole words.
    fn all<'l>(&'l self, lower: &'l str, cue: Cue) -> impl Iterator<Item = Range<usize>> + 'l {
        self.lists
            .get(cue as usize)
            .and_then(|l| l.finder.as_ref())
            .into_iter()
            .flat_map(move |f| f.find_overlapping_iter(lower))
            .map(|m| m.range())
            .filter(move |r| is_word(lower, r.start, r.end))
    }

    /// The first place in `lower` where one of the category's phrases stands as whole words:
    /// its byte range (the longest phrase there).
    pub(super) fn first(&self, lower: &str, cue: Cue) -> Option<Range<usize>> {
        let list = self.lists.get(cue as usize)?;
        let finder = list.finder.as_ref()?;
        let mut best: Option<Range<usize>> = None;
        for m in finder.find_overlapping_iter(lower) {
            // Occurrences come in the order they end: once one ends further past the best
            // start than the longest phrase reaches, none after it can start before it.
            if best
                .as_ref()
                .is_some_and(|b| m.end() > b.start + list.longest)
            {
                break;
            }
            let r = m.range();
            let better = best
                .as_ref()
                .is_none_or(|b| (r.start, Reverse(r.end)) < (b.start, Reverse(b.end)));
            if better && is_word(lower, r.start, r.end) {
                best = Some(r);
            }
        }
        best
    }

    /// `lower` without the category's phrase it starts with (and the spaces around it), or
    /// `None` when it starts with none.
    pub(super) fn strip_opening<'t>(&self, lower: &'t str, cue: Cue) -> Option<&'t str> {
        let t = lower.trim_start();
        self.opening(t, cue).map(|p| t[p.len()..].trim_start())
    }

    /// `lower` without the category's phrase it ends with (and the spaces around it), or
    /// `None` when it ends with none.
    pub(super) fn strip_ending<'t>(&self, lower: &'t str, cue: Cue) -> Option<&'t str> {
        let t = lower.trim_end();
        self.ending(t, cue)
            .map(|p| t[..t.len() - p.len()].trim_end())
    }

    /// Whether one of the category's phrases stands in `lower` as whole words.
    pub(super) fn contains(&self, lower: &str, cue: Cue) -> bool {
        self.all(lower, cue).next().is_some()
    }
}

pub(super) fn is_instrument(c: Cat) -> bool {
    matches!(c, Cat::Instrument(_))
}
