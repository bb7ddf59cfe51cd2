//! Stage 7: agreements and visits with their roles, following the annotation guidelines; one
//! record per instrument or trip, merged from all its mentions in the article.

mod agreements;
mod cues;
mod document;
mod leaders;
mod merge;
mod parties;
mod timeline;
mod visits;

use self::agreements::agreement_mentions;
use self::document::Doc;
use self::merge::{drop_meetings_on_trips, merge_agreements, merge_visits};
use self::visits::{venue_visits, visit_mentions};
use crate::model::{Agreement, Visit};

pub use self::cues::Cues;
pub use self::document::Context;

/// The agreements and visits of an article.
pub fn find(c: &Context<'_>) -> (Vec<Agreement>, Vec<Visit>) {
    if c.sentences.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let doc = Doc::new(c);
    let am = agreement_mentions(&doc);
    let vm = visit_mentions(&doc);
    let agreements = merge_agreements(&doc, am);
    let mut visits = merge_visits(&doc, vm);
    venue_visits(&doc, &agreements, &mut visits);
    drop_meetings_on_trips(&doc, &mut visits);
    (agreements, visits)
}
