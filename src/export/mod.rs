//! Exporting a comparison of two drafts, for colleagues, documents and GitHub: Markdown that
//! renders cleanly without colour, and JSON with a documented schema (docs/json.md).
//!
//! Both are pure functions of the corpus, the two drafts and the [`ExportOptions`]: they return
//! a `String`, print nothing and write no file (the CLI writes files through
//! [`crate::fsutil::write_atomic`]). The terminal app calls the same functions.
//!
//! ```
//! use peacediff::export::{self, ExportOptions};
//! let corpus = peacediff::load::load_bundled().unwrap().corpus;
//! let (a, b) = export::default_pair(&corpus).unwrap();
//! let md = export::export_markdown(&corpus, a, b, &ExportOptions::default());
//! assert!(md.starts_with("# "));
//! ```

pub mod build;
pub mod escape;
pub mod json;
pub mod markdown;
pub mod marked;
pub mod report;
pub mod rows;

use crate::model::{Corpus, Plan};
use report::Named;

/// The drafts the app opens on, and that `peacediff | cat` exports: the US 28-point draft
/// against the 19-point framework after Geneva.
pub const DEFAULT_PAIR: (&str, &str) = ("us-28", "geneva-19");

/// The default pair if the corpus has both drafts, else its two oldest drafts; `None` when it
/// has fewer than two.
pub fn default_pair(corpus: &Corpus) -> Option<(&Plan, &Plan)> {
    match (corpus.plan(DEFAULT_PAIR.0), corpus.plan(DEFAULT_PAIR.1)) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => match corpus.plans.as_slice() {
            [a, b, ..] => Some((a, b)),
            _ => None,
        },
    }
}

/// What to include in an export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Leave out unchanged rows (the summary still counts them).
    pub changes_only: bool,
    /// Only rows with a clause on this topic (its id or title, any case).
    pub topic: Option<String>,
    /// Only rows with a clause that touches this party's red lines (id, short label or name).
    pub party: Option<String>,
}

/// A filter that names nothing in the corpus.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("no topic `{given}`; the topics are {}", known.join(", "))]
    UnknownTopic { given: String, known: Vec<String> },
    #[error("no party `{given}`; the parties are {}", known.join(", "))]
    UnknownParty { given: String, known: Vec<String> },
}

/// The filters with their topic and party found in the corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolved {
    pub topic: Option<Named>,
    pub party: Option<Named>,
}

impl ExportOptions {
    /// Finds the topic and party the options name, or says which name is unknown and what the
    /// choices are.
    pub fn resolve(&self, corpus: &Corpus) -> Result<Resolved, ExportError> {
        let topic = match &self.topic {
            None => None,
            Some(t) => Some(find_topic(corpus, t).ok_or_else(|| {
                ExportError::UnknownTopic {
                    given: t.clone(),
                    known: corpus
                        .topics
                        .iter()
                        .map(|t| format!("`{}`", t.id))
                        .collect(),
                }
            })?),
        };
        let party = match &self.party {
            None => None,
            Some(p) => Some(find_party(corpus, p).ok_or_else(|| {
                ExportError::UnknownParty {
                    given: p.clone(),
                    known: corpus
                        .parties
                        .iter()
                        .map(|p| format!("`{}`", p.id))
                        .collect(),
                }
            })?),
        };
        Ok(Resolved { topic, party })
    }

    /// As [`ExportOptions::resolve`], keeping an unknown name as given (it then matches no
    /// clause, and the export says which filter was applied).
    pub fn resolve_lenient(&self, corpus: &Corpus) -> Resolved {
        let as_given = |s: &String| Named {
            id: s.clone(),
            name: s.clone(),
        };
        Resolved {
            topic: self
                .topic
                .as_ref()
                .map(|t| find_topic(corpus, t).unwrap_or_else(|| as_given(t))),
            party: self
                .party
                .as_ref()
                .map(|p| find_party(corpus, p).unwrap_or_else(|| as_given(p))),
        }
    }
}

fn find_topic(corpus: &Corpus, name: &str) -> Option<Named> {
    corpus
        .topics
        .iter()
        .find(|t| t.id.eq_ignore_ascii_case(name) || t.title.eq_ignore_ascii_case(name))
        .map(|t| Named {
            id: t.id.clone(),
            name: t.title.clone(),
        })
}

fn find_party(corpus: &Corpus, name: &str) -> Option<Named> {
    corpus.find_party(name).map(|p| Named {
        id: p.id.clone(),
        name: p.name.clone(),
    })
}

/// The comparison of `left` (A) against `right` (B) as GitHub-flavoured Markdown.
pub fn export_markdown(
    corpus: &Corpus,
    left: &Plan,
    right: &Plan,
    options: &ExportOptions,
) -> String {
    markdown::render(&build::build(corpus, left, right, options))
}

/// The comparison as pretty-printed JSON (schema: docs/json.md), ending in a newline.
pub fn export_json(corpus: &Corpus, left: &Plan, right: &Plan, options: &ExportOptions) -> String {
    json::render(&build::build(corpus, left, right, options))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Firmness;
    use crate::testing::{clause, corpus, party, plan};

    fn small() -> Corpus {
        corpus(
            vec![party("ua", "Ukraine", &[("ua-x", Firmness::Firm)])],
            vec![
                plan("b", (2025, 2, 1), vec![clause("1", "x", &["territory"])]),
                plan("a", (2025, 1, 1), vec![]),
            ],
        )
    }

    #[test]
    fn filters_are_found_by_id_title_or_name_in_any_case() {
        let c = small();
        let opts = ExportOptions {
            topic: Some("TERRITORY".into()),
            party: Some("ukraine".into()),
            changes_only: false,
        };
        let r = opts.resolve(&c).unwrap();
        assert_eq!(r.topic.unwrap().id, "territory");
        assert_eq!(r.party.unwrap().id, "ua");
    }

    #[test]
    fn an_unknown_filter_names_the_choices() {
        let c = small();
        let opts = ExportOptions {
            party: Some("ru".into()),
            ..ExportOptions::default()
        };
        assert_eq!(
            opts.resolve(&c).unwrap_err().to_string(),
            "no party `ru`; the parties are `ua`"
        );
        // Lenient resolution keeps the name, and then matches nothing.
        assert_eq!(opts.resolve_lenient(&c).party.unwrap().id, "ru");
    }

    #[test]
    fn without_the_default_drafts_the_two_oldest_are_compared() {
        let c = small();
        let (a, b) = default_pair(&c).unwrap();
        assert_eq!((a.id.as_str(), b.id.as_str()), ("a", "b"));
        assert!(default_pair(&corpus(vec![], vec![])).is_none());
    }
}
