//! `peacediff import`: a numbered draft, as plain text or Markdown, becomes a plan file that
//! loads — clause ids, labels, nesting and texts from the numbering ([`parse`]); topics proposed
//! from the corpus's keyword lists ([`topics`]); links to the most similar draft proposed by the
//! aligner, each with its score in a comment to accept or delete. Nothing is invented: what the
//! text does not say (titles, a summary, a source's details) is written as a `TODO` placeholder,
//! which loads and which `peacediff check` reports as a warning on its line.

pub mod parse;
mod toml_out;
pub mod topics;

use crate::align::{self, MatchBasis, RowKind};
use crate::diagnostic::SourceText;
use crate::load::{self, LoadError};
use crate::model::{Corpus, PartialDate, Relation};

pub use parse::{Found, Parsed};

/// What the user says about the draft (command-line flags); anything left `None` becomes a
/// placeholder to fill in.
#[derive(Debug, Clone)]
pub struct Meta {
    pub id: String,
    pub title: Option<String>,
    pub short: Option<String>,
    pub date: PartialDate,
    pub status: String,
    pub proposers: Vec<String>,
    pub source_url: Option<String>,
    pub source_title: Option<String>,
    pub outlet: Option<String>,
}

/// Which draft to propose links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Base {
    /// No links.
    None,
    /// This draft (id or short label).
    Named(String),
    /// The loaded draft whose alignment pairs the most clauses by wording.
    MostSimilar,
}

/// A link the aligner proposes for an imported clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposed {
    pub plan: String,
    pub clause: String,
    pub relation: Relation,
    /// What it rests on, for the comment ("similarity 0.74").
    pub basis: String,
}

/// The result: the plan file's text, and what the user should know about it.
#[derive(Debug, Clone)]
pub struct Imported {
    pub toml: String,
    pub clauses: usize,
    /// The draft links were proposed to, and how many.
    pub linked_to: Option<(String, usize)>,
    /// Placeholders left to fill in.
    pub todo: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("no numbered points found: number the draft's points (`1.`, `2)`, `Article 3`, …)")]
    NoClauses,
    #[error("unknown draft `{given}` for --base")]
    UnknownBase { given: String },
    #[error("the draft id `{0}` is taken by a loaded draft; choose another with --id")]
    IdTaken(String),
    #[error(transparent)]
    Load(#[from] LoadError),
}

/// Imports `text` into a plan file for the folder `files` (the corpus it will join).
pub fn import(
    files: Vec<SourceText>,
    text: &str,
    meta: &Meta,
    base: &Base,
) -> Result<Imported, ImportError> {
    let parsed = parse::parse(text);
    if parsed.clauses.is_empty() {
        return Err(ImportError::NoClauses);
    }
    let corpus = load::load_texts(files.clone())?.corpus;
    if corpus.plans.iter().any(|p| p.id == meta.id) {
        return Err(ImportError::IdTaken(meta.id.clone()));
    }
    let topics: Vec<Vec<String>> = parsed
        .clauses
        .iter()
        .map(|c| {
            topics::propose(
                &corpus,
                &format!("{} {}", c.title.as_deref().unwrap_or(""), c.text),
            )
        })
        .collect();
    let (first, _) = toml_out::write(&parsed, meta, &topics, &[]);
    let (links, linked_to) = match base {
        Base::None => (vec![Vec::new(); parsed.clauses.len()], None),
        _ => propose_links(files, &corpus, &first, meta, base)?,
    };
    let (toml, todo) = toml_out::write(&parsed, meta, &topics, &links);
    Ok(Imported {
        todo,
        toml,
        clauses: parsed.clauses.len(),
        linked_to,
    })
}

type Links = (Vec<Vec<Proposed>>, Option<(String, usize)>);

/// Loads the folder with the new draft in it, aligns the base (or every draft, to find the
/// most similar) against it, and turns each row that pairs clauses into links.
fn propose_links(
    mut files: Vec<SourceText>,
    corpus: &Corpus,
    first: &str,
    meta: &Meta,
    base: &Base,
) -> Result<Links, ImportError> {
    files.push(SourceText::new(
        format!("{}.toml", meta.id),
        first.to_string(),
    ));
    let with_new = load::load_texts(files)?.corpus;
    let new = with_new
        .plan(&meta.id)
        .expect("the imported draft loads under its id");
    let candidates: Vec<&crate::model::Plan> = match base {
        Base::Named(name) => {
            let found = corpus
                .find_plan(name)
                .ok_or_else(|| ImportError::UnknownBase {
                    given: name.clone(),
                })?;
            vec![with_new.plan(&found.id).expect("present in both")]
        }
        _ => with_new.plans.iter().filter(|p| p.id != meta.id).collect(),
    };
    let mut best: Option<(usize, Vec<Vec<Proposed>>, String, usize)> = None;
    for b in candidates {
        let al = align::align(&with_new, b, new);
        let mut links = vec![Vec::new(); new.clauses.len()];
        // The most similar draft is the one with the most one-to-one correspondences: a draft
        // whose rows are splits and loose relations is a weaker match however many it has.
        let mut pairs = 0;
        let mut proposed = 0;
        for row in &al.rows {
            let relation = match (row.kind, &row.basis) {
                (_, MatchBasis::Topic { .. }) | (_, MatchBasis::None) => continue,
                (RowKind::Unchanged, _) => Relation::Same,
                (RowKind::Revised | RowKind::Split | RowKind::Merged, _) => Relation::Revises,
                (RowKind::Related, _) => Relation::Related,
                _ => continue,
            };
            if row.left.len() == 1 && row.right.len() == 1 && relation != Relation::Related {
                pairs += 1;
            }
            for &r in &row.right {
                for &l in &row.left {
                    proposed += 1;
                    links[r].push(Proposed {
                        plan: b.id.clone(),
                        clause: b.clauses[l].id.clone(),
                        relation,
                        basis: row.basis.describe(),
                    });
                }
            }
        }
        if best.as_ref().is_none_or(|(n, _, _, _)| pairs > *n) {
            best = Some((pairs, links, b.id.clone(), proposed));
        }
    }
    Ok(match best {
        Some((_, links, id, n)) => (links, Some((id, n))),
        None => (vec![Vec::new(); new.clauses.len()], None),
    })
}
