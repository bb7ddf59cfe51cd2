//! A corpus of synthetic Vietnamese news articles about subnational international cooperation,
//! for benchmarking the hoptac extractor on more text than the seed articles.
//!
//! Pure and deterministic: the same seed gives the same bytes on every machine and build, so
//! figures from different runs measure the same input. Articles take the shapes of real news
//! pages — title (sometimes printed twice), dateline, lead, body, photo captions, tags,
//! related-news lists, navigation — around signing ceremonies, delegations, plans and
//! anniversaries, with paragraphs of ordinary economic news that name places but report no event.
//! Every place comes from the gazetteer crate's files (`services/gazetteer/data/places`), so any
//! Vietnamese province, foreign region or city the extractor knows can appear.
#![warn(missing_docs)]

mod article;
mod gazetteer;
mod rng;
mod templates;
mod vocab;

pub use article::{MAX_ARTICLE_BYTES, MIN_ARTICLE_BYTES};

/// One generated article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedArticle {
    /// A file-name-safe name, unique in its corpus: the article's number and kind
    /// (`000042-signing`).
    pub name: String,
    /// The article as a news site would give it: plain text, paragraphs on lines.
    pub text: String,
}

/// Articles for `seed` until together they hold at least `min_bytes` bytes of text.
///
/// Article `i` depends only on the seed and `i`, so a larger corpus starts with the smaller one.
pub fn generate(seed: u64, min_bytes: usize) -> Vec<GeneratedArticle> {
    let g = gazetteer::Gazetteer::builtin();
    let world = article::World::new(&g);
    let mut seeds = rng::Rng::new(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < min_bytes {
        let mut rng = rng::Rng::new(seeds.next_u64());
        let a = article::write(&world, out.len(), &mut rng);
        total += a.text.len();
        out.push(a);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const MB: usize = 1_000_000;

    fn joined(articles: &[GeneratedArticle]) -> String {
        articles.iter().map(|a| a.text.as_str()).collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_bytes() {
        let a = generate(7, 300_000);
        assert_eq!(a, generate(7, 300_000));
        assert_ne!(joined(&a), joined(&generate(8, 300_000)));
        // A larger corpus for the same seed starts with the smaller one.
        let b = generate(7, 600_000);
        assert_eq!(a[..], b[..a.len()]);
    }

    #[test]
    fn the_requested_size_is_reached_with_articles_of_news_size() {
        assert!(generate(1, 0).is_empty());
        let corpus = generate(1, MB);
        let total: usize = corpus.iter().map(|a| a.text.len()).sum();
        assert!(total >= MB);
        let last = corpus.last().map_or(0, |a| a.text.len());
        assert!(total - last < MB, "stops once the size is reached");
        for a in &corpus {
            assert!(
                (MIN_ARTICLE_BYTES..=MAX_ARTICLE_BYTES).contains(&a.text.len()),
                "{}",
                a.name
            );
        }
        let names: HashSet<&str> = corpus.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names.len(), corpus.len());
        let small = corpus.iter().filter(|a| a.text.len() < 4_000).count();
        let large = corpus.iter().filter(|a| a.text.len() > 9_000).count();
        assert!(
            small > corpus.len() / 4 && large > 0,
            "{small} small, {large} large"
        );
    }

    /// The longest literal stretch of a template: present in the text whenever it was used.
    fn literal(template: &str) -> &str {
        template
            .split(['{', '}'])
            .step_by(2)
            .max_by_key(|s| s.len())
            .unwrap_or_default()
    }

    #[test]
    fn every_template_and_every_kind_of_article_appears() {
        let corpus = generate(2, 2 * MB);
        let text = joined(&corpus);
        let mut templates = 0;
        for group in templates::ALL {
            for t in *group {
                assert!(text.contains(literal(t)), "never used: {t}");
                templates += 1;
            }
        }
        assert!(templates >= 30);
        for kind in [
            "signing",
            "visit",
            "trip",
            "planned",
            "anniversary",
            "economy",
        ] {
            assert!(corpus.iter().any(|a| a.name.ends_with(kind)), "{kind}");
        }
        for noise in [
            "Tin liên quan",
            "Ảnh: ",
            "Trang chủ",
            "Tags: ",
            "GMT+7",
            "(TTXVN) - ",
        ] {
            assert!(text.contains(noise), "{noise}");
        }
    }

    /// Corpus bytes per foreign place that name nearly all of them.
    const BYTES_PER_PLACE: usize = 1_700;

    #[test]
    fn places_from_the_whole_gazetteer_appear() {
        let g = gazetteer::Gazetteer::builtin();
        let foreign: Vec<&gazetteer::Place> = g
            .partners
            .iter()
            .flat_map(|c| c.regions.iter().chain(&c.locals))
            .collect();
        // About 1.7 KB of corpus per foreign place names some 96 % of them (a draw from the
        // whole gazetteer misses a few by chance); 90 % leaves room for changes to the shapes.
        // The sample grows with the gazetteer, so that adding a country keeps the check true.
        let size = (foreign.len() * BYTES_PER_PLACE).max(4 * MB);
        let text = joined(&generate(3, size));
        let seen = |p: &gazetteer::Place| {
            std::iter::once(p.name)
                .chain(p.aliases.iter().copied())
                .any(|s| text.contains(s))
        };
        let vn = g.vn_regions.iter().filter(|p| seen(p)).count();
        assert_eq!(vn, g.vn_regions.len(), "every Vietnamese province");
        let hit = foreign.iter().filter(|p| seen(p)).count();
        assert!(
            hit * 10 >= foreign.len() * 9,
            "{hit} of {} foreign places",
            foreign.len()
        );
        let partners = g
            .partners
            .iter()
            .filter(|c| c.regions.iter().chain(&c.locals).any(seen))
            .count();
        assert_eq!(partners, g.partners.len(), "every partner country");
    }
}
