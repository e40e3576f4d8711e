//! What a row's match rests on ([`MatchBasis`]) and its wording for a reader.
//!
//! Kept apart from the row itself because it is the evidence a reader judges a match by,
//! with a wording of its own, and it changes when a matching pass is added, not when a row
//! is rendered.

use crate::model::{ChangeAction, LinkBasis, Relation};
use serde::Serialize;

/// What a row's match rests on, so a reader can judge it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "by", rename_all = "kebab-case")]
pub enum MatchBasis {
    /// A link written in the data (on either side). `via` names the base draft when the link
    /// was written to the base clause a derived draft inherits (derived clauses carry no links
    /// of their own), e.g. a Peace Formula link to `us-28:6` matching the 19-pt draft's 6.
    Link {
        relation: Relation,
        basis: LinkBasis,
        via: Option<String>,
    },
    /// A derived draft's report on its base clause (for two derived drafts: both reports on the
    /// shared base clause; `action` is the right side's, or the left's if the right kept it).
    Inherited {
        action: ChangeAction,
        reported: bool,
    },
    /// Word similarity, 0.0–1.0 (shared topics add a bonus before the threshold).
    Similarity { score: f32 },
    /// Shared topic ids.
    Topic { topics: Vec<String> },
    /// Nothing: a one-sided row without evidence.
    None,
}

impl MatchBasis {
    /// A short phrase for a reader: "link: revises (text)", "similarity 0.82",
    /// "topic: territory, sanctions", "inherited: dropped".
    pub fn describe(&self) -> String {
        match self {
            MatchBasis::Link {
                relation,
                basis,
                via,
            } => match via {
                Some(v) => format!(
                    "link: {} ({}, via {v})",
                    relation.as_str(),
                    basis_str(*basis)
                ),
                None => format!("link: {} ({})", relation.as_str(), basis_str(*basis)),
            },
            MatchBasis::Inherited { action, reported } => {
                if *reported {
                    format!("inherited: {}", action.as_str())
                } else {
                    "inherited: not reported".to_string()
                }
            }
            MatchBasis::Similarity { score } => format!("similarity {score:.2}"),
            MatchBasis::Topic { topics } => format!("topic: {}", topics.join(", ")),
            MatchBasis::None => "no match".to_string(),
        }
    }
}

pub(crate) fn basis_str(b: LinkBasis) -> &'static str {
    match b {
        LinkBasis::Text => "text",
        LinkBasis::Reported => "reported",
        LinkBasis::Inferred => "inferred",
    }
}
