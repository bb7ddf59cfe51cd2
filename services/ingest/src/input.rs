//! Checking what callers submit before any work is done: a bad article is refused with the
//! field at fault, and nothing is stored.

use hoptac_api::v1::{article_input::Body as PbBody, ArticleInput, Extraction, PartialDate};
use hoptac_extract::{Body, Extractor, Input};

use crate::{convert, error::Error};

/// What turns an article into records: the extractor in a running service; in tests of the
/// service, a stand-in that answers with records built by hand, so that they test storage,
/// feeds and queries whatever the extractor's rules make of a text.
pub trait Extract: Send + Sync + 'static {
    /// The article's normalized text, identity and records.
    fn extract(&self, input: &Input<'_>) -> hoptac_extract::Extraction;
}

impl Extract for Extractor {
    fn extract(&self, input: &Input<'_>) -> hoptac_extract::Extraction {
        Extractor::extract(self, input)
    }
}

/// An article that passed the checks, owning its body.
#[derive(Debug, Clone)]
pub struct Submission {
    /// Where it was published.
    pub url: String,
    /// The site or paper.
    pub source: String,
    /// The headline, possibly empty.
    pub title: String,
    /// The body, text or HTML.
    pub body: OwnedBody,
    /// The publication date, when given.
    pub published_on: Option<hoptac_extract::PartialDate>,
}

/// An owned article body.
#[derive(Debug, Clone)]
pub enum OwnedBody {
    /// Plain text.
    Text(String),
    /// HTML.
    Html(String),
}

impl Submission {
    /// The extractor's view of this article.
    pub fn as_input(&self) -> Input<'_> {
        Input {
            body: match &self.body {
                OwnedBody::Text(t) => Body::Text(t),
                OwnedBody::Html(h) => Body::Html(h),
            },
            title: &self.title,
            published_on: self.published_on,
        }
    }

    /// The article as submitted, as stored for re-extraction.
    pub fn into_message(self) -> ArticleInput {
        ArticleInput {
            url: self.url,
            source: self.source,
            title: self.title,
            body: Some(match self.body {
                OwnedBody::Text(t) => PbBody::Text(t),
                OwnedBody::Html(h) => PbBody::Html(h),
            }),
            published_on: self.published_on.map(convert::date),
        }
    }

    /// Runs the extractor (CPU work: call it off the async threads). An article that is only
    /// markup or site noise is refused, naming the body's field.
    pub fn extract(
        &self,
        extractor: &dyn Extract,
        ingested_at: Option<pbjson_types::Timestamp>,
    ) -> Result<Extraction, Error> {
        let found = extractor.extract(&self.as_input());
        if found.text.trim().is_empty() {
            return Err(Error::InvalidArgument {
                field: self.body_field(),
                reason: "holds no article text once markup and site noise are removed".into(),
            });
        }
        Ok(convert::extraction(
            &found,
            &self.url,
            &self.source,
            ingested_at,
        ))
    }

    /// The request field holding the body, for error messages.
    pub fn body_field(&self) -> &'static str {
        match self.body {
            OwnedBody::Text(_) => "article.text",
            OwnedBody::Html(_) => "article.html",
        }
    }
}

/// Checks a submitted article against the rules every RPC shares.
pub fn check(article: Option<ArticleInput>, max_body_bytes: usize) -> Result<Submission, Error> {
    let article = article.ok_or_else(|| Error::InvalidArgument {
        field: "article",
        reason: "is required".into(),
    })?;
    let (field, body) = match article.body {
        Some(PbBody::Text(text)) => ("article.text", OwnedBody::Text(text)),
        Some(PbBody::Html(html)) => ("article.html", OwnedBody::Html(html)),
        None => {
            return Err(Error::InvalidArgument {
                field: "article.body",
                reason: "is required: set `text` (plain text) or `html`".into(),
            })
        }
    };
    let raw = match &body {
        OwnedBody::Text(t) | OwnedBody::Html(t) => t,
    };
    if raw.len() > max_body_bytes {
        return Err(Error::TooLarge {
            field,
            size: raw.len(),
            limit: max_body_bytes,
        });
    }
    if raw.trim().is_empty() {
        return Err(Error::InvalidArgument {
            field,
            reason: "must not be empty or only whitespace".into(),
        });
    }
    let published_on = article.published_on.as_ref().map(check_date).transpose()?;
    Ok(Submission {
        url: article.url,
        source: article.source,
        title: article.title,
        body,
        published_on,
    })
}

fn check_date(date: &PartialDate) -> Result<hoptac_extract::PartialDate, Error> {
    let valid = (0..=9999).contains(&date.year)
        && (0..=12).contains(&date.month)
        && (0..=31).contains(&date.day)
        && (date.day == 0 || date.month != 0);
    if valid {
        Ok(convert::domain_date(date))
    } else {
        Err(Error::InvalidArgument {
            field: "article.published_on",
            reason: format!(
                "{}-{}-{} is not a date: year 0-9999, month 0-12, day 0-31 (0 = unknown), no day without a month",
                date.year, date.month, date.day
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(body: &str) -> Option<ArticleInput> {
        Some(ArticleInput {
            body: Some(PbBody::Text(body.into())),
            ..Default::default()
        })
    }

    fn field_of(err: Error) -> &'static str {
        err.field().expect("a field error")
    }

    #[test]
    fn a_missing_article_or_body_names_the_field() {
        assert_eq!(field_of(check(None, 100).unwrap_err()), "article");
        let no_body = Some(ArticleInput {
            url: "https://baoquangninh.vn/x".into(),
            ..Default::default()
        });
        assert_eq!(field_of(check(no_body, 100).unwrap_err()), "article.body");
    }

    #[test]
    fn whitespace_only_text_is_refused() {
        assert_eq!(
            field_of(check(text(" \n\t \u{3000}"), 100).unwrap_err()),
            "article.text"
        );
    }

    #[test]
    fn the_size_limit_counts_bytes_of_the_body() {
        let body = "Đoàn đại biểu tỉnh Hokkaido thăm Quảng Ninh.";
        assert!(check(text(body), body.len()).is_ok());
        match check(text(body), body.len() - 1) {
            Err(Error::TooLarge { size, limit, .. }) => {
                assert_eq!((size, limit), (body.len(), body.len() - 1))
            }
            other => panic!("expected TooLarge, got {other:?}"),
        }
    }

    #[test]
    fn an_impossible_publication_date_is_refused() {
        let mut article = text("Hà Nội và Fukuoka ký kết thỏa thuận hợp tác.").expect("article");
        article.published_on = Some(PartialDate {
            year: 2025,
            month: 13,
            day: 1,
            year_inferred: false,
        });
        assert_eq!(
            field_of(check(Some(article), 1000).unwrap_err()),
            "article.published_on"
        );
    }
}
