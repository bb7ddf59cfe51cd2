//! Re-extraction: after an extractor upgrade, the current extractor runs over every stored
//! article as it was submitted, and only articles whose records changed are written again,
//! each under a new log sequence. Replicas following the changefeed see those entries like any
//! other and replace the article's records: no reload, no full replay.
//!
//! It runs beside normal ingestion, through the same single writer, so a re-extracted article
//! and a newly ingested one never race for a sequence.

use std::sync::Arc;

use hoptac_api::v1::{article_input::Body as PbBody, ArticleInput, Extraction};
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use crate::{
    error::Error,
    input::{self, Extract},
    store::{self, Change, Database, Pending, Store},
    writer::Writer,
};

/// Articles extracted between two progress reports; their changes are written together.
const CHUNK: usize = 64;

/// How far a re-extraction has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Stored articles re-read so far.
    pub examined: u64,
    /// Stored articles when the re-extraction began.
    pub total: u64,
    /// Articles whose records changed and were written again.
    pub changed: u64,
    /// Set once every article was examined and every change is durable.
    pub done: bool,
}

/// Re-extracts every article stored when it starts, publishing progress on `progress` after
/// each chunk, and returns the final tally. Stops between chunks with `ShuttingDown` when
/// `shutdown` fires; what was written by then is durable and consistent.
pub async fn run(
    db: Arc<Database>,
    writer: Writer,
    extractor: Arc<dyn Extract>,
    progress: &watch::Sender<Progress>,
    shutdown: &CancellationToken,
) -> Result<Progress, Error> {
    let ids = store::current(&db)?
        .article_ids()
        .collect::<Result<Vec<_>, _>>()?;
    let mut tally = Progress {
        total: ids.len() as u64,
        ..Progress::default()
    };
    progress.send_replace(tally);
    for chunk in ids.chunks(CHUNK) {
        if shutdown.is_cancelled() {
            return Err(Error::ShuttingDown {
                resume: "run the re-extraction again; articles done so far stay done".into(),
            });
        }
        // The store is taken per chunk: the writer may reopen it between two.
        let (store, extractor, chunk) = (store::current(&db)?, extractor.clone(), chunk.to_vec());
        let changed = tokio::task::spawn_blocking(move || {
            chunk
                .iter()
                .filter_map(|id| reread(&store, extractor.as_ref(), id).transpose())
                .collect::<Result<Vec<_>, _>>()
        })
        .await
        .map_err(|e| Error::Extraction(e.to_string()))??;
        let mut acks = Vec::with_capacity(changed.len());
        for pending in changed {
            acks.push(writer.enqueue(pending).await?);
        }
        tally.changed += acks.len() as u64;
        for ack in acks {
            ack.durable().await?;
        }
        tally.examined += CHUNK.min(ids.len() - tally.examined as usize) as u64;
        progress.send_replace(tally);
    }
    tally.done = true;
    progress.send_replace(tally);
    Ok(tally)
}

/// The article's replacement when the current extractor reads it differently; `None` when its
/// records are unchanged (or it vanished meanwhile, which nothing does today).
fn reread(store: &Store, extractor: &dyn Extract, id: &str) -> Result<Option<Pending>, Error> {
    let Some(Change { extraction, .. }) = store.find(id)? else {
        return Ok(None);
    };
    let stored = extraction.article.clone().unwrap_or_default();
    let input = match store.source(id)? {
        Some(input) => input,
        // Articles stored before sources were kept: their cleaned text is the best input left.
        None => ArticleInput {
            url: stored.url.clone(),
            source: stored.source.clone(),
            title: stored.title.clone(),
            body: Some(PbBody::Text(stored.text.clone())),
            published_on: stored.published_on,
        },
    };
    let submission = input::check(Some(input), usize::MAX)
        .map_err(|e| Error::Corrupt(format!("stored article {id} is no longer valid: {e}")))?;
    let mut fresh: Extraction = submission
        .extract(extractor, stored.ingested_at)
        .map_err(|e| Error::Corrupt(format!("stored article {id} no longer extracts: {e}")))?;
    let article = fresh.article.get_or_insert_with(Default::default);
    // The article keeps its identity and its first submission's details whatever the
    // extractor now makes of the text.
    article.id = stored.id.clone();
    article.url = stored.url.clone();
    article.source = stored.source.clone();
    if fresh == extraction {
        return Ok(None);
    }
    Ok(Some(Pending {
        article: fresh.article.clone().unwrap_or_default(),
        extraction: fresh,
        input: None,
        replaces: true,
    }))
}

#[cfg(test)]
mod tests {
    use hoptac_api::v1::Article;

    use super::*;
    use hoptac_extract::Extractor;

    const ARTICLE: &str = "Chiều 12/3/2024, tại Hà Nội, Phó Chủ tịch UBND thành phố Hà Nội \
        tiếp đoàn đại biểu tỉnh Fukuoka (Nhật Bản) do Thống đốc Hattori Seitaro dẫn đầu. Hai \
        bên đã ký kết biên bản ghi nhớ hợp tác trong lĩnh vực giáo dục và du lịch.";

    /// Stores the article with the records `records` says an older extractor found.
    async fn stored(
        writer: &Writer,
        extractor: &dyn Extract,
        text: &str,
        records: impl FnOnce(&mut Extraction),
    ) -> String {
        let input = ArticleInput {
            url: "https://hanoimoi.vn/tiep-doan-fukuoka".into(),
            body: Some(PbBody::Text(text.into())),
            ..Default::default()
        };
        let submission = input::check(Some(input.clone()), usize::MAX).expect("valid");
        let mut extraction = submission.extract(extractor, None).expect("extracts");
        records(&mut extraction);
        let article: Article = extraction.article.clone().expect("article");
        writer
            .write(Pending {
                article: article.clone(),
                extraction,
                input: Some(input),
                replaces: false,
            })
            .await
            .expect("written");
        article.id
    }

    #[tokio::test]
    async fn only_articles_whose_records_changed_are_logged_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Arc::new(Database::open(dir.path(), 8 << 20).expect("opens"));
        let (writer, _task) = Writer::spawn(db.clone()).expect("spawns");
        let extractor = Arc::new(Extractor::new());
        let current = stored(&writer, extractor.as_ref(), ARTICLE, |_| {}).await;
        let other = format!("{ARTICLE} Đoàn cũng thăm Trường Đại học Hà Nội.");
        let stale = stored(&writer, extractor.as_ref(), &other, |e| {
            e.agreements.clear();
            e.visits.clear();
        })
        .await;

        let (progress, _) = watch::channel(Progress::default());
        let tally = run(
            db.clone(),
            writer.clone(),
            extractor,
            &progress,
            &CancellationToken::new(),
        )
        .await
        .expect("re-extracts");
        let store = db.current().expect("open");
        assert_eq!(
            tally,
            Progress {
                examined: 2,
                total: 2,
                changed: 1,
                done: true
            }
        );
        let stale_now = store.find(&stale).expect("reads").expect("stored");
        assert_eq!(stale_now.sequence, 3, "the changed article is logged anew");
        assert!(!stale_now.extraction.agreements.is_empty());
        assert_eq!(
            store
                .find(&current)
                .expect("reads")
                .expect("stored")
                .sequence,
            1,
            "the unchanged article keeps its entry"
        );
        let log: Vec<u64> = store
            .changes(0, 3, 10)
            .expect("reads")
            .iter()
            .map(|c| c.sequence)
            .collect();
        assert_eq!(log, vec![1, 3]);
    }

    #[tokio::test]
    async fn a_cancelled_reextraction_stops_with_a_resumable_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Arc::new(Database::open(dir.path(), 8 << 20).expect("opens"));
        let (writer, _task) = Writer::spawn(db.clone()).expect("spawns");
        let extractor = Arc::new(Extractor::new());
        stored(&writer, extractor.as_ref(), ARTICLE, |e| e.visits.clear()).await;
        let shutdown = CancellationToken::new();
        shutdown.cancel();
        let (progress, _) = watch::channel(Progress::default());
        let err = run(db.clone(), writer, extractor, &progress, &shutdown)
            .await
            .expect_err("stops");
        assert!(matches!(err, Error::ShuttingDown { .. }));
        let head = db.current().expect("open").head().expect("head");
        assert_eq!(head, 1, "nothing was written");
    }
}
