//! Spellings of names: the folded key any spelling is looked up under, the two placements of
//! a tone mark (Hòa / Hoà), and the tone variants of transcribed foreign names.
use unicode_normalization::UnicodeNormalization;

/// Lowercase, diacritics removed, đ as d, punctuation as spaces, spaces collapsed: the key
/// under which any spelling of a name is looked up.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c if unicode_normalization::char::is_combining_mark(c) => continue,
            c => c,
        };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// Chars below this are folded through [`Folder`]'s table: Latin, the combining marks and the
/// Vietnamese vowels with their marks.
const FOLD_TABLE_CHARS: u32 = 0x2000;

/// What [`Folder`]'s table says of a char: fold it to one char, make it a space, drop it (a
/// combining mark), or work it out the slow way.
#[derive(Clone, Copy)]
enum Folded {
    Char(char),
    Space,
    Drop,
    Slow,
}

/// [`fold`] for whole texts, with a table of the folded form of every common char worked out
/// once; built by whoever owns the matcher that needs it.
pub struct Folder {
    table: Vec<Folded>,
}

impl Default for Folder {
    fn default() -> Self {
        Self::new()
    }
}

impl Folder {
    /// Works out the table.
    pub fn new() -> Self {
        let table = (0..FOLD_TABLE_CHARS)
            .map(|i| char::from_u32(i).map_or(Folded::Slow, fold_char))
            .collect();
        Folder { table }
    }

    /// [`fold`] of a whole text with, for each byte of the folded text, the byte of `text` it
    /// comes from, and one more entry for the end: a match in the folded text maps back to its
    /// span in `text`. Punctuation and whitespace runs become one space; nothing is trimmed.
    pub fn fold_with_offsets(&self, text: &str) -> (String, Vec<usize>) {
        let mut out = String::with_capacity(text.len());
        let mut offsets: Vec<usize> = Vec::with_capacity(text.len() + 1);
        let space = |out: &mut String, offsets: &mut Vec<usize>, i: usize| {
            if !out.ends_with(' ') {
                out.push(' ');
                offsets.push(i);
            }
        };
        for (i, ch) in text.char_indices() {
            let folded = self.table.get(ch as usize).copied().unwrap_or(Folded::Slow);
            match folded {
                Folded::Char(c) => {
                    out.push(c);
                    offsets.extend(std::iter::repeat_n(i, c.len_utf8()));
                }
                Folded::Space => space(&mut out, &mut offsets, i),
                Folded::Drop => {}
                Folded::Slow => {
                    for c in std::iter::once(ch).nfd() {
                        let c = match c {
                            'đ' | 'Đ' => 'd',
                            c if unicode_normalization::char::is_combining_mark(c) => continue,
                            c => c,
                        };
                        if c.is_alphanumeric() {
                            for l in c.to_lowercase() {
                                out.push(l);
                                offsets.extend(std::iter::repeat_n(i, l.len_utf8()));
                            }
                        } else {
                            space(&mut out, &mut offsets, i);
                        }
                    }
                }
            }
        }
        offsets.push(text.len());
        (out, offsets)
    }
}

/// The table entry of one char.
fn fold_char(ch: char) -> Folded {
    let mut base = std::iter::once(ch).nfd().filter_map(|c| match c {
        'đ' | 'Đ' => Some('d'),
        c if unicode_normalization::char::is_combining_mark(c) => None,
        c => Some(c),
    });
    match (base.next(), base.next()) {
        (None, _) => Folded::Drop,
        (Some(c), None) if !c.is_alphanumeric() => Folded::Space,
        (Some(c), None) => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => Folded::Char(l),
                _ => Folded::Slow,
            }
        }
        _ => Folded::Slow,
    }
}

/// The five tone marks of Vietnamese, as combining characters (huyền, sắc, ngã, hỏi, nặng).
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// A foreign name as the Vietnamese press may transcribe it with another tone on one of its
/// syllables ("Khăm Muộn" / "Khăm Muồn", "Sa La Van" / "Sa La Vẳn"): every spelling that
/// differs from `s` by the tone of one syllable. Linear in the syllables, unlike every
/// combination of tones.
pub fn tone_variants(s: &str) -> Vec<String> {
    let decomposed: Vec<char> = s.nfd().collect();
    let mut out: Vec<String> = Vec::new();
    let mut start = 0;
    while start < decomposed.len() {
        let end = decomposed[start..]
            .iter()
            .position(|c| *c == ' ' || *c == '-')
            .map_or(decomposed.len(), |i| start + i);
        let syllable = &decomposed[start..end];
        let bare: Vec<char> = syllable
            .iter()
            .copied()
            .filter(|c| !TONE_MARKS.contains(c))
            .collect();
        if let Some(at) = tone_seat(&bare) {
            for tone in std::iter::once(None).chain(TONE_MARKS.iter().copied().map(Some)) {
                let mut word = bare.clone();
                if let Some(t) = tone {
                    word.insert(at + 1, t);
                }
                let mut variant: Vec<char> = decomposed[..start].to_vec();
                variant.extend(word);
                variant.extend_from_slice(&decomposed[end..]);
                let variant: String = variant.into_iter().nfc().collect();
                if variant != s && !out.contains(&variant) {
                    out.push(variant);
                }
            }
        }
        start = end + 1;
    }
    out
}

/// Where a syllable's tone sits (the index of its vowel, decomposed, before any other mark):
/// on a vowel with a circumflex, breve or horn if there is one, else on the first vowel.
fn tone_seat(syllable: &[char]) -> Option<usize> {
    let is_vowel = |c: char| "aeiouyAEIOUY".contains(c);
    let modified = syllable
        .windows(2)
        .position(|w| is_vowel(w[0]) && matches!(w[1], '\u{302}' | '\u{306}' | '\u{31b}'));
    modified
        .or_else(|| syllable.iter().position(|&c| is_vowel(c)))
        .map(|i| {
            // After the vowel's own marks, so that NFC composes them in order.
            let marks = syllable[i + 1..]
                .iter()
                .take_while(|c| unicode_normalization::char::is_combining_mark(**c))
                .count();
            i + marks
        })
}

/// The syllable pairs written with the tone mark on either vowel (Hòa / Hoà, Thủy / Thuỷ).
const TONE_PAIRS: &[(&str, &str)] = &[
    ("òa", "oà"),
    ("óa", "oá"),
    ("ỏa", "oả"),
    ("õa", "oã"),
    ("ọa", "oạ"),
    ("òe", "oè"),
    ("óe", "oé"),
    ("ỏe", "oẻ"),
    ("õe", "oẽ"),
    ("ọe", "oẹ"),
    ("ùy", "uỳ"),
    ("úy", "uý"),
    ("ủy", "uỷ"),
    ("ũy", "uỹ"),
    ("ụy", "uỵ"),
];

/// `s` and the same words with the other tone-mark placement, so both spellings match.
pub fn spelling_variants(s: &str) -> Vec<String> {
    let s: String = s.nfc().collect();
    let mut out = vec![s.clone()];
    let mut modern = s.clone();
    let mut old = s;
    for (new_style, old_style) in TONE_PAIRS {
        modern = modern.replace(old_style, new_style);
        old = old.replace(new_style, old_style);
        let upper_new = capitalize(new_style);
        let upper_old = capitalize(old_style);
        modern = modern.replace(&upper_old, &upper_new);
        old = old.replace(&upper_new, &upper_old);
    }
    for v in [modern, old] {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_variants_change_one_syllable_at_a_time() {
        let v = tone_variants("Khăm Muộn");
        assert!(v.contains(&"Khăm Muồn".to_string()), "{v:?}");
        assert!(v.contains(&"Khằm Muộn".to_string()), "{v:?}");
        assert!(
            !v.contains(&"Khằm Muồn".to_string()),
            "one syllable at a time"
        );
        assert!(tone_variants("Sa-la-van").contains(&"Sa-la-vản".to_string()));
        assert_eq!(tone_variants("Khăm Muộn").len(), 10);
    }

    #[test]
    fn the_folder_folds_as_fold_does() {
        let folder = Folder::new();
        for t in [
            "Tỉnh Bô-ly-khăm-xay, Lào",
            "ĐÀ NẴNG  và   Hội An!",
            "Khăm-vén Păn-nha-nu-vông",
            "東京 Ω x\u{301}",
        ] {
            assert_eq!(folder.fold_with_offsets(t).0.trim(), fold(t), "{t}");
        }
    }

    #[test]
    fn folded_text_maps_back_to_the_original() {
        let t = "Tỉnh Bô-ly-khăm-xay, Lào";
        let (f, map) = Folder::new().fold_with_offsets(t);
        assert_eq!(f, "tinh bo ly kham xay lao");
        let at = f.find("bo ly kham xay").unwrap_or(0);
        let end = at + "bo ly kham xay".len();
        assert_eq!(&t[map[at]..map[end]], "Bô-ly-khăm-xay");
        assert_eq!(map.len(), f.len() + 1);
    }

    #[test]
    fn fold_ignores_case_diacritics_and_punctuation() {
        assert_eq!(fold("TP. Hà Nội"), "tp ha noi");
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("  Bà Rịa - Vũng Tàu "), "ba ria vung tau");
    }

    #[test]
    fn both_tone_placements_are_variants() {
        let v = spelling_variants("Thanh Hóa");
        assert!(v.contains(&"Thanh Hoá".to_string()));
        let v = spelling_variants("Tỉnh uỷ");
        assert!(v.contains(&"Tỉnh ủy".to_string()));
    }
}
