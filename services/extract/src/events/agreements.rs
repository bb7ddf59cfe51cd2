//! Agreements: every statement of an instrument, with its kind, status, date, term and fields.
use super::cues::{is_instrument, Cat, Cues};
use super::document::Doc;
use super::parties::{
    cross_border, distinct_codes, distinct_places, fill_parties, is_bare_country,
    is_foreign_region, one_per_foreign_side, party_clause,
};
use super::timeline::{
    covered_year, lies_ahead, months_before_publication, own_stated_time, stated_time, years_in,
    Want, PAST_MONTHS,
};
use crate::dates::{DateKind, DateMention};
use crate::lexicon::Cue;
use crate::model::{
    AgreementKind, AgreementStatus, Field, PartialDate, Party, PartyKind, Place, Term,
};
use crate::places::PlaceMention;
use crate::text::Hit;
use std::ops::Range;

/// The most bytes between a signing verb and the instrument it governs ("ký kết thỏa thuận").
const SIGN_GAP: usize = 2;

/// How far after "thiết lập quan hệ hữu nghị" its year may be written.
const ESTABLISH_REACH: usize = 65;

/// Words after an instrument name within which "hữu nghị" / "kết nghĩa" make it a friendship.
const FRIENDSHIP_REACH: usize = 65;

/// One statement of an agreement, before merging.
pub(super) struct AgreementMention {
    pub(super) sentence: usize,
    pub(super) kind: AgreementKind,
    pub(super) status: AgreementStatus,
    pub(super) title: String,
    pub(super) parties: Vec<Party>,
    pub(super) institutions: Option<bool>,
    pub(super) date: Option<PartialDate>,
    /// How directly the text ties `date` to the mention (see `Dated`).
    pub(super) date_rank: u8,
    pub(super) term: Option<Term>,
    pub(super) fields: Vec<Field>,
}

/// Every statement of an instrument: one per instrument word of a sentence (a sentence may
/// list several), with the status its verbs, cues and years give it.
pub(super) fn agreement_mentions(doc: &Doc<'_>) -> Vec<AgreementMention> {
    let c = doc.c;
    let cues = c.cues;
    let mut out = Vec::new();
    for (si, s) in c.sentences.iter().enumerate() {
        // A draft ("trao đổi dự thảo văn kiện hợp tác") is not an instrument signed.
        let instruments: Vec<Hit<Cat>> = doc
            .hits_in(s, is_instrument)
            .into_iter()
            .filter(|h| !cues.ends_with(&doc.lower[..h.start], Cue::Draft))
            .collect();
        if instruments.is_empty() {
            out.extend(established(doc, si));
            continue;
        }
        let signs = doc.hits_in(s, |t| t == Cat::Sign);
        let planned = doc.hits_in(s, |t| t == Cat::Planned);
        let wish = doc.hits_in(s, |t| t == Cat::Wish);
        let past_cues = doc.hits_in(s, |t| t == Cat::Past);
        // "Biên bản ghi nhớ sẽ được ký kết vào tháng 3/2025 tại thành phố Vladivostok": a
        // signing that names only where it happens is between the article's two sides.
        let only_venues = {
            let in_s = doc.places_in(s);
            !in_s.is_empty() && in_s.iter().all(|m| doc.is_venue(s, m))
        };
        let pair_named = doc.has(s, Cat::Pair)
            || only_venues
            || cues.starts_with(&doc.lower[s.clone()], Cue::EventSubject);
        for (k, ins) in instruments.iter().enumerate() {
            // An instrument's clause ends at a semicolon: "A và B đã ký Biên bản ghi nhớ năm
            // 2018; C và B đã ký Biên bản thỏa thuận năm 2019". It opens after a colon, where
            // what someone said starts ("Từ Paris, phóng viên … cho biết: sáng 10/6, … đã ký").
            let clause_start = doc.lower[s.start..ins.start]
                .rfind([';', ':'])
                .map_or(s.start, |i| s.start + i + 1);
            let clause_end = doc.lower[ins.end..s.end]
                .find(';')
                .map_or(s.end, |i| ins.end + i);
            let seg_start = if k == 0 { s.start } else { ins.start }.max(clause_start);
            let seg_end = instruments
                .get(k + 1)
                .map_or(s.end, |n| n.start)
                .min(clause_end);
            // "… giữa A và B cũng như các văn bản giữa C với …": what follows is about
            // something else.
            let seg_end = cues
                .first(&doc.lower[ins.end..seg_end], Cue::AnotherTopic)
                .map_or(seg_end, |r| ins.end + r.start);
            // "… đã ký kết thỏa thuận hợp tác với thành phố Delft (Hà Lan) và làm việc với
            // chính quyền thành phố Bruges (Bỉ)": a second verb starts another event.
            let seg_end = doc
                .hits_in(&(ins.end..seg_end), |t| {
                    matches!(t, Cat::Toward | Cat::Receive)
                })
                .iter()
                .filter(|h| {
                    let verb = &doc.lower[h.start..h.end];
                    h.tag == Cat::Receive
                        || cues.is(verb, Cue::VisitVerb)
                        || cues.is(verb, Cue::MeetingVerb)
                })
                .find_map(|h| {
                    let before = doc.lower[ins.end..h.start].trim_end();
                    let before = cues.strip_ending(before, Cue::Done).unwrap_or(before);
                    cues.strip_ending(before, Cue::And)
                        .map(|b| ins.end + b.len())
                })
                .unwrap_or(seg_end);
            let seg = seg_start..seg_end;
            let after = ins.start..seg_end;
            // A signing verb right before another instrument is that one's ("Trên cơ sở ý định
            // thư này, hai bên tiến tới ký kết thỏa thuận hợp tác").
            let governs_other = |sg: &Hit<Cat>| {
                instruments.iter().any(|o| {
                    o.start != ins.start && o.start >= sg.end && o.start - sg.end <= SIGN_GAP
                })
            };
            let sign = signs
                .iter()
                .rfind(|h| {
                    (h.end <= ins.start || (h.start >= ins.start && h.end <= seg_end))
                        && !governs_other(h)
                })
                .copied();
            // Else the sentence's first signing verb.
            let sign = sign.or_else(|| signs.first().copied().filter(|sg| !governs_other(sg)));
            let Cat::Instrument(mut kind) = ins.tag else {
                continue;
            };
            let friendship_window =
                ins.end..crate::text::after_chars(c.text, ins.end, FRIENDSHIP_REACH).min(seg_end);
            let window_text =
                &doc.lower[crate::text::floor_boundary(c.text, friendship_window.start)
                    ..crate::text::floor_boundary(c.text, friendship_window.end)];
            let window_end = cues
                .first(window_text, Cue::NameEnd)
                .map(|r| r.start)
                .into_iter()
                .chain(window_text.find(", "))
                .min()
                .unwrap_or(window_text.len());
            let window = friendship_window.start..friendship_window.start + window_end;
            // Founding a friendship or twinning anywhere in the name ("Thỏa thuận nâng cấp
            // quan hệ hữu nghị kết nghĩa"); "hữu nghị" only as what the instrument is, right
            // after its name ("Thỏa thuận hợp tác hữu nghị"), not its setting ("Biên bản ghi
            // nhớ về tăng cường giao lưu hữu nghị").
            let names_friendship = doc
                .hits_in(&window, |t| t == Cat::Friendship)
                .first()
                .is_some_and(|f| {
                    let mut between = doc.lower[ins.end..f.start].trim();
                    while let Some(rest) = cues.strip_opening(between, Cue::FriendshipJoiner) {
                        between = rest;
                    }
                    between.is_empty()
                });
            if names_friendship || doc.has(&window, Cat::Establish) {
                kind = AgreementKind::Friendship;
            }
            let years: Vec<i32> = years_in(doc, &seg);
            let reference_year = doc.reference_year;
            let dated_day = c
                .dates
                .iter()
                .any(|d| d.span.start >= s.start && d.span.end <= s.end && d.date.day > 0);
            // A plan: a cue before the verb ("sẽ ký"), or a signing set for a time after the
            // article ("để ký kết … vào tháng 9/2025").
            // "đã ký" is done, whatever year the sentence goes on to name ("hai bên đã ký Biên
            // bản hội đàm, thống nhất các nội dung hợp tác năm 2026").
            // "Biên bản thỏa thuận hợp tác năm 2026": the year the instrument is for, its term,
            // not when it is signed.
            let covered = covered_year(doc, ins);
            // A plan's cue governs the signing only when no word of carrying out an instrument
            // signed before stands between ("2 tỉnh sẽ báo cáo việc thực hiện các nội dung
            // Biên bản … ký ngày 22/12/2017").
            let carried_out = |p: &Hit<Cat>, sg: &Hit<Cat>| {
                past_cues
                    .iter()
                    .any(|q| q.start >= p.end && q.end <= sg.start)
            };
            let is_planned = sign.is_some_and(|sg| {
                !cues.ends_with(&doc.lower[..sg.start], Cue::Done)
                    && (planned
                        .iter()
                        .any(|p| p.end <= sg.start && !carried_out(p, &sg))
                        || own_stated_time(c, s).is_some_and(|d| {
                            lies_ahead(c, d) && !covered.is_some_and(|y| y.span == d.span)
                        }))
            });
            let is_wish = sign.is_some_and(|sg| wish.iter().any(|w| w.end <= sg.start));
            let anchor = sign.map_or(ins.start, |sg| sg.start.min(ins.start));
            let past_cue = past_cues.iter().any(|p| p.end <= anchor);
            let mut statuses: Vec<(AgreementStatus, Option<PartialDate>, u8)> = Vec::new();
            let anniversary = anniversary(doc, s, anchor);
            // "… đề nghị 2 tỉnh … ký kết Bản ghi nhớ giai đoạn mới tại tỉnh Preah Sihanouk vào
            // tháng 4/2025": a proposal for a stated time to come is a plan; with no time it is
            // a wish.
            let proposed = is_wish
                && own_stated_time(c, s).is_some_and(|d| {
                    (lies_ahead(c, d) || doc.after_its_event(&d.date))
                        && !doc.before_its_year(&d.date)
                });
            if (is_wish && !proposed) || matches!(anniversary, Anniversary::Unknown) {
                continue;
            } else if let Anniversary::Founded(year) = anniversary {
                let founded = PartialDate {
                    year,
                    ..Default::default()
                };
                statuses.push((AgreementStatus::Past, Some(founded), 3));
            } else if is_planned || proposed {
                // "hướng tới kỷ niệm 46 năm Ngày ký Hiệp ước … (18/7/1977), hai tỉnh … tổ chức Lễ
                // ký kết": a year before the article's is no time a plan is set for.
                match stated_time(c, si).filter(|d| !doc.before_its_year(&d.date)) {
                    Some(d) => statuses.push((AgreementStatus::Planned, Some(d.date), 3)),
                    None => continue,
                }
            } else if !years.is_empty()
                && (!dated_day || past_cue)
                && years.iter().all(|&y| reference_year.is_none_or(|r| y < r))
            {
                for y in years {
                    statuses.push((
                        AgreementStatus::Past,
                        Some(PartialDate {
                            year: y,
                            ..Default::default()
                        }),
                        3,
                    ));
                }
            } else if sign.is_some() && !past_cue {
                let dated = doc.date_near(si, Want::Day);
                // "đã ký biên bản ghi nhớ vào tháng 9-2019" in a 2023 article: signed long before.
                // With no publication date: a year written with the signing's date before the
                // year the article is written in ("ký … ngày 21/10/2008. Trong 15 năm qua …").
                let before_the_article = |d: &PartialDate| {
                    c.published.is_none_or(|p| p.year == 0)
                        && !d.year_inferred
                        && doc.present_year.is_some_and(|y| d.year > 0 && d.year < y)
                };
                let long_before = dated.rank >= 2
                    && dated.start.is_some_and(|d| {
                        months_before_publication(c, &d) > PAST_MONTHS || before_the_article(&d)
                    });
                let status = if long_before {
                    AgreementStatus::Past
                } else {
                    AgreementStatus::Signed
                };
                statuses.push((status, dated.start, dated.rank));
            } else if let Some(day) = sign
                .filter(|_| past_cue)
                .and_then(|_| own_signing_day(doc, si, reference_year))
            {
                // "… báo cáo việc thực hiện các nội dung Biên bản … ký ngày 22/12/2017": an
                // instrument carried out, signed on the day the sentence gives it.
                statuses.push((AgreementStatus::Past, Some(day), 3));
            } else {
                let period = c.dates.iter().find(|d| {
                    d.kind == DateKind::Period
                        && d.span.start >= after.start
                        && d.span.end <= after.end
                });
                // "Thỏa thuận hợp tác giai đoạn 2019 - 2022 đã giúp …" in a 2024 article: an
                // instrument whose term is over was signed before.
                let ended = period
                    .is_some_and(|d| d.end.zip(reference_year).is_some_and(|(e, r)| e.year < r));
                if (past_cue || ended) && period.is_some() && sign.is_none() {
                    statuses.push((AgreementStatus::Past, None, 0));
                } else {
                    continue;
                }
            }
            // An instrument named for two nations ("Hiệp ước Hữu nghị và Hợp tác Việt Nam -
            // Lào") is theirs: national, out of scope.
            let name_end = c.text[ins.end..seg_end]
                .find([',', ';', '(', '.'])
                .map_or(seg_end, |i| ins.end + i);
            let named_for = distinct_codes(&doc.places_in(&(ins.end..name_end)));
            if named_for.len() >= 2 && named_for.iter().all(|m| m.place.region.is_empty()) {
                continue;
            }
            let between = party_clause(cues, c.lower, &seg);
            let named = distinct_codes(&doc.places_in(&between));
            let nations = named.len() >= 2 && named.iter().all(|m| m.place.region.is_empty());
            if nations || doc.has(&between, Cat::National) {
                // "giữa Bộ … Việt Nam và Bộ … Campuchia", "giữa hai nước": national, out of scope.
                continue;
            }
            let mut mentions = doc.places_in(&between);
            if distinct_codes(&mentions).len() < 2 {
                mentions = doc.places_in(&seg);
            }
            if distinct_codes(&mentions).len() < 2 {
                mentions = doc.places_in(&(clause_start..clause_end));
            }
            // The whole sentence, unless the signers' places make up the clause's sides
            // ("… cho biết: tại Bordeaux, ông Tôn Thất Minh Hiếu và bà Claire Dumoulin … đã ký").
            let with_signers: Vec<Place> = distinct_codes(&mentions)
                .iter()
                .map(|m| m.place.clone())
                .chain(doc.places_of_people_in(s))
                .collect();
            if distinct_codes(&mentions).len() < 2 && !cross_border(&with_signers) {
                // A later clause shares the sentence's subject, not its other objects ("UBND
                // TP. Hồ Chí Minh đã ký … với thành phố Busan …; đồng thời ký Thỏa thuận hợp
                // tác với thủ đô Ulaanbaatar").
                let subject = s.start..signs.first().map_or(s.start, |h| h.start);
                let shared: Vec<&PlaceMention> = doc
                    .places_in(&subject)
                    .into_iter()
                    .chain(mentions.iter().copied())
                    .collect();
                mentions = if clause_start > s.start && cross_border(&distinct_places(&shared)) {
                    shared
                } else {
                    doc.places_in(s)
                };
            }
            // Where the signing took place ("tại Seoul, …") is not a side of it, when the
            // sides are named besides.
            let sides: Vec<&PlaceMention> = mentions
                .iter()
                .filter(|m| !doc.is_venue(s, m))
                .copied()
                .collect();
            if cross_border(&distinct_places(&sides)) {
                mentions = sides;
            }
            // "… đã làm việc với chính quyền bang Bayern (Đức) và ký ý định thư hợp tác với vùng
            // Nam Moravia", "Trong chuyến công tác tại Hà Lan và Bỉ, đoàn … đã ký kết thỏa thuận
            // hợp tác với thành phố Delft": when the partner is named after the signing, a
            // foreign place before it is another clause's object or the trip's, not a side.
            if let Some(sg) = sign {
                let partners_after: Vec<&str> = mentions
                    .iter()
                    .filter(|m| m.span.start >= sg.end && is_foreign_region(m))
                    .map(|m| m.code())
                    .collect();
                if !partners_after.is_empty() {
                    mentions.retain(|m| {
                        m.span.start >= sg.end
                            || &*m.place.country == "VN"
                            || partners_after.contains(&m.code())
                    });
                }
            }
            let distinct = distinct_codes(&mentions);
            // "Ông A và ông B ký biên bản", "ông A lần lượt ký … với tỉnh B và với tỉnh C": the
            // signers' places stand for sides not named.
            let one_side = !cross_border(&distinct_places(&mentions));
            let signers: Vec<Place> = if distinct.len() < 2 || one_side {
                doc.places_of_people_in(s)
            } else {
                Vec::new()
            };
            let institutions = (!distinct.is_empty()).then(|| {
                distinct.iter().any(|m| {
                    matches!(
                        m.kind,
                        PartyKind::Education | PartyKind::Association | PartyKind::Company
                    )
                })
            });
            let term = c
                .dates
                .iter()
                .find(|d| {
                    d.kind == DateKind::Period
                        && d.span.start >= seg.start
                        && d.span.end <= seg.end
                        && !c.text[..d.span.start].ends_with('(')
                })
                .or(covered)
                .map(|d| Term {
                    start_year: d.date.year,
                    end_year: d.end.map_or(d.date.year, |e| e.year),
                });
            let org_spans: Vec<Range<usize>> = distinct.iter().map(|m| m.full.clone()).collect();
            let fields_end = doc.instrument_content_end(si);
            let fields = doc.fields(after.start..fields_end, &org_spans);
            // A past instrument is named, not described: what the sentence says of the results
            // of cooperation under it is not its fields.
            let past_fields = doc.fields(
                ins.start..ins.start + title_len_of(c.text, ins.start, seg_end),
                &org_spans,
            );
            let title_end = ins.start
                + c.text[ins.start..seg_end]
                    .find([',', ';', '.'])
                    .unwrap_or(seg_end - ins.start);
            let title_end = cues
                .first(&doc.lower[ins.end..title_end], Cue::Between)
                .map_or(title_end, |r| ins.end + r.start);
            let title = c.text[ins.start..title_end].trim().to_string();
            let plural =
                is_plural_instrument(cues, &doc.lower[seg_start..seg_end], ins.start - seg_start)
                    || with_several_partners(doc, ins.end..seg_end);
            for (status, date, date_rank) in statuses {
                let parties = fill_parties(doc, &distinct, &signers, date, pair_named);
                let Some(parties) = parties else { continue };
                let sets = if plural {
                    one_per_foreign_side(parties)
                } else {
                    vec![parties]
                };
                for parties in sets {
                    out.push(AgreementMention {
                        sentence: si,
                        kind,
                        status,
                        title: title.clone(),
                        parties,
                        institutions,
                        date,
                        date_rank,
                        term,
                        fields: if status == AgreementStatus::Past {
                            past_fields.clone()
                        } else {
                            fields.clone()
                        },
                    });
                }
            }
        }
    }
    out
}

/// Whether the instrument at `at` in the segment `seg` (lowercase) is several instruments:
/// words before it make it several ("các biên bản ghi nhớ", "hai bản thỏa thuận"), one signing
/// follows another ("lần lượt ký … với tỉnh A và với tỉnh B"), or words after it give one to
/// each partner ("… mà tỉnh đã ký với từng tỉnh").
fn is_plural_instrument(cues: &Cues, seg: &str, at: usize) -> bool {
    let at = crate::text::floor_boundary(seg, at);
    let (before, after) = seg.split_at(at);
    cues.ends_with(before, Cue::PluralBefore)
        || cues.contains(before, Cue::OneAfterAnother)
        || cues.contains(after, Cue::EachPartner)
}

/// "ký kết biên bản ghi nhớ … với thành phố Eindhoven (Hà Lan) và thành phố Leuven (Bỉ)": one
/// side signing with several foreign regions named after "với" signs one instrument with each,
/// unless the text calls it one of three or more sides ("ba bên"). Sides that sign together
/// ("A, B và C đã ký kết …") sign one.
fn with_several_partners(doc: &Doc<'_>, after: Range<usize>) -> bool {
    let cues = doc.c.cues;
    let Some(at) = cues
        .first(&doc.lower[after.clone()], Cue::With)
        .map(|r| r.start)
    else {
        return false;
    };
    if cues.contains(&doc.lower[after.clone()], Cue::Multilateral) {
        return false;
    }
    let partners = doc.places_in(&(after.start + at..after.end));
    let foreign: Vec<&str> = partners
        .iter()
        .filter(|p| &*p.place.country != "VN" && !p.qualifier && !is_bare_country(&p.place))
        .map(|p| p.code())
        .collect();
    foreign.iter().any(|c| *c != foreign[0])
}

/// "thiết lập quan hệ hữu nghị … năm 2009": a friendship founded in a stated year counts as a
/// past friendship instrument even when the instrument is not named, and a planned one when a
/// plan sets it for this year or a later one; an anniversary of it ("kỷ niệm 15 năm thiết lập
/// …") does not state one.
fn established(doc: &Doc<'_>, si: usize) -> Option<AgreementMention> {
    let c = doc.c;
    let s = &c.sentences[si];
    let hit = doc.hits_in(s, |t| t == Cat::Establish).into_iter().next()?;
    if doc.has(s, Cat::Wish) {
        return None;
    }
    let marked = anniversary(doc, s, hit.start);
    let year = match marked {
        Anniversary::Founded(year) => year,
        Anniversary::Unknown => return None,
        Anniversary::None => {
            // The year after the phrase ("… hữu nghị năm 2009"), else the one that opens the
            // clause before it ("Năm 2017, hai thành phố thiết lập quan hệ hữu nghị").
            let reach = crate::text::after_chars(c.text, hit.end, ESTABLISH_REACH).min(s.end);
            let back = crate::text::before_chars(c.text, hit.start, ESTABLISH_REACH).max(s.start);
            let bare_year = |d: &&DateMention| d.kind == DateKind::Point && d.date.month == 0;
            let after = c
                .dates
                .iter()
                .filter(bare_year)
                .find(|d| d.span.start >= hit.end && d.span.end <= reach);
            let before = || {
                c.dates
                    .iter()
                    .filter(bare_year)
                    .rfind(|d| d.span.start >= back && d.span.end <= hit.start)
            };
            after.or_else(before)?.date.year
        }
    };
    let distinct = distinct_codes(&doc.places_in(s));
    let founded = PartialDate {
        year,
        ..Default::default()
    };
    let parties = fill_parties(doc, &distinct, &[], Some(founded), doc.has(s, Cat::Pair))?;
    // "thống nhất … để ký kết văn bản thiết lập quan hệ hữu nghị … vào năm 2025": a friendship
    // to be founded, in a year still to come.
    let cue = doc
        .hits_in(s, |t| t == Cat::Planned)
        .iter()
        .any(|p| p.end <= hit.start);
    // An anniversary of a founding marks one that happened.
    let planned = !matches!(marked, Anniversary::Founded(_))
        && match c.published.filter(|p| p.year > 0) {
            Some(p) => year > p.year || (cue && year == p.year),
            None => cue,
        };
    Some(AgreementMention {
        sentence: si,
        kind: AgreementKind::Friendship,
        status: if planned {
            AgreementStatus::Planned
        } else {
            AgreementStatus::Past
        },
        title: c.text[hit.start..hit.end].to_string(),
        parties,
        institutions: None,
        date: Some(founded),
        date_rank: 3,
        term: None,
        fields: Vec::new(),
    })
}

/// Words that mark an anniversary when "N năm" follows them ("kỷ niệm 15 năm", "tròn 10 năm").
/// How many bytes of party names may stand between "N năm" and the event it counts from.
const ANNIVERSARY_PARTIES_REACH: usize = 60;

/// What "kỷ niệm N năm" just before an event word says of when it happened.
enum Anniversary {
    /// No anniversary is marked there.
    None,
    /// An anniversary of it is marked, in a year the text does not make plain.
    Unknown,
    /// It happened in this year: N years before the year the anniversary is marked.
    Founded(i32),
}

/// "kỷ niệm 15 năm thiết lập quan hệ hữu nghị", "kỷ niệm 10 năm ký kết Thỏa thuận": the event
/// at `at` is N years older than the year of the sentence (a "năm YYYY" in it) or of the
/// article.
fn anniversary(doc: &Doc<'_>, s: &Range<usize>, at: usize) -> Anniversary {
    let cues = doc.c.cues;
    let before = &doc.lower[s.start..at];
    let Some(cue) = doc.last_cue(&(s.start..at), Cue::Anniversary) else {
        return Anniversary::None;
    };
    let cue = cue.start - s.start..cue.end - s.start;
    // The count nearest the event: "kỷ niệm 60 năm …, 45 năm …, 55 năm ngày ký hợp tác hữu
    // nghị Thanh Hóa - Hủa Phăn" counts 55 years for the last.
    let Some((tail_start, years)) = last_count_of_years(cues, before, cue.end) else {
        return Anniversary::None;
    };
    let tail = &before[tail_start..];
    // What stands between "N năm" and the event: nothing ("kỷ niệm 15 năm ngày ký …"), or
    // only its parties ("tròn 10 năm hai thành phố A và B ký …"), never a clause or another
    // relation ("kỷ niệm 50 năm quan hệ ngoại giao, hai bên đã ký …").
    let t = cues
        .strip_opening(tail, Cue::DayWord)
        .unwrap_or(tail.trim());
    let close = t.chars().count() <= ANNIVERSARY_PARTIES_REACH
        && !t.contains([',', ';', ':'])
        && !cues.contains(t, Cue::AnniversaryOther);
    if !close {
        // An anniversary of something else ("Nhân dịp kỷ niệm 50 năm quan hệ ngoại giao, hai
        // bên đã ký kết …").
        return Anniversary::None;
    }
    let year_only = |d: &&DateMention| {
        d.span.start >= s.start
            && d.span.end <= s.end
            && d.kind == DateKind::Point
            && d.date.month == 0
            && d.date.year > 0
    };
    // The founding year written after the event ("kỷ niệm 10 năm ký kết thiết lập quan hệ
    // hợp tác hữu nghị (năm 2013)") is the year itself; the same anniversary told again
    // without it ("sau dịp kỷ niệm 10 năm ký kết …") is of the same founding.
    if let Some(year) =
        written_founding(doc, s, at).or_else(|| founding_told_elsewhere(doc, s, years))
    {
        return Anniversary::Founded(year);
    }
    // Else N years before the year the anniversary is marked: written in the sentence, else
    // the year of the article's event.
    let marked = doc
        .c
        .dates
        .iter()
        .find(year_only)
        .map(|d| d.date.year)
        .or(doc.reference_year)
        .or(doc.event_date.map(|d| d.year).filter(|&y| y > 0));
    match marked {
        Some(year) => Anniversary::Founded(year - years),
        None => Anniversary::Unknown,
    }
}

/// A founding year written right after the event at `at` of sentence `s` ("… hữu nghị (năm
/// 2013)").
fn written_founding(doc: &Doc<'_>, s: &Range<usize>, at: usize) -> Option<i32> {
    let reach = crate::text::after_chars(doc.c.text, at, ANNIVERSARY_PARTIES_REACH).min(s.end);
    doc.c
        .dates
        .iter()
        .find(|d| {
            d.span.start >= at
                && d.span.end <= reach
                && d.kind == DateKind::Point
                && d.date.month == 0
                && d.date.year > 0
        })
        .map(|d| d.date.year)
}

/// The founding year another sentence writes for an anniversary of the same number of years.
fn founding_told_elsewhere(doc: &Doc<'_>, own: &Range<usize>, years: i32) -> Option<i32> {
    let cues = doc.c.cues;
    doc.c.sentences.iter().filter(|s| *s != own).find_map(|s| {
        let lower = &doc.lower[s.clone()];
        let cue = doc.first_cue(s, Cue::Anniversary)?;
        let cue = cue.start - s.start..cue.end - s.start;
        let (tail, n) = last_count_of_years(cues, lower, cue.end)?;
        (n == years).then_some(())?;
        written_founding(doc, s, s.start + tail)
    })
}

/// The last "N năm" in `lower` after byte `from`: where the words after "năm" start, and N.
fn last_count_of_years(cues: &Cues, lower: &str, from: usize) -> Option<(usize, i32)> {
    let mut found = None;
    let mut at = from;
    while let Some(i) = lower[at..].find(|c: char| c.is_ascii_digit()) {
        let start = at + i;
        let digits: String = lower[start..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let end = start + digits.len();
        let after = &lower[end..];
        if let (Some(rest), Ok(n)) = (cues.strip_opening(after, Cue::YearWord), digits.parse()) {
            found = Some((lower.len() - rest.len(), n));
        }
        at = end;
    }
    found
}

/// The length of an instrument's name from `start`: up to the first comma, semicolon or stop.
fn title_len_of(text: &str, start: usize, end: usize) -> usize {
    text[start..end]
        .find([',', ';', '.'])
        .unwrap_or(end - start)
}

/// Whether two mentions of these kinds may name one instrument: minutes of talks and a
/// memorandum signed by the same sides are two, and so are a memorandum and a letter of
/// intent; but the press calls one instrument a memorandum here and an agreement there, and
/// any instrument may be the friendship one.
pub(super) fn same_kind(a: AgreementKind, b: AgreementKind) -> bool {
    use AgreementKind::{Agreement, Friendship, Memorandum};
    a == b
        || a == Friendship
        || b == Friendship
        || matches!((a, b), (Memorandum, Agreement) | (Agreement, Memorandum))
}

/// An instrument named by its bare word ("… đã ký biên bản."), which may be any of the kinds.
pub(super) fn is_bare(cues: &Cues, title: &str) -> bool {
    let t = crate::text::lower_view(title.trim_end_matches(['.', ' ']));
    cues.is(&t, Cue::BareInstrument) || cues.starts_with(&t, Cue::GeneralInstrument)
}

/// The day with its year written that sentence `si` states, not after the article's year: the
/// day an instrument it tells of as carried out was signed.
fn own_signing_day(doc: &Doc<'_>, si: usize, reference_year: Option<i32>) -> Option<PartialDate> {
    let dated = doc.date_near(si, Want::Day);
    dated.start.filter(|d| {
        dated.rank == 3
            && d.year > 0
            && !d.year_inferred
            && reference_year.is_none_or(|r| d.year <= r)
    })
}
