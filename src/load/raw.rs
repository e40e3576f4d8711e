//! The shapes of the TOML files, exactly as written, with the position of every value.
//!
//! These structs reject unknown keys and keep spans on every string the validator may need to
//! point at. They are private to loading: the rest of the crate sees only `model`.

use serde::Deserialize;
use toml::Spanned;

pub type Str = Spanned<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCorpusInfo {
    pub title: Str,
    pub coverage: Str,
    pub as_of: Option<Spanned<toml::Value>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTopic {
    pub id: Str,
    pub title: Str,
    pub description: Str,
    #[serde(default)]
    pub keywords: Vec<Str>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActor {
    pub id: Str,
    pub name: Str,
    pub short: Option<Str>,
    pub kind: Str,
    #[serde(default)]
    pub aliases: Vec<Str>,
    pub note: Option<Str>,
}

/// An outside document a draft's clauses refer to (`[documents.KEY]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub title: Str,
    pub date: Option<Spanned<toml::Value>>,
    pub url: Option<Str>,
    pub note: Option<Str>,
}

/// A clause's cross-reference: exactly one of `clause` and `document`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRef {
    pub clause: Option<Str>,
    pub document: Option<Str>,
    pub relation: Option<Str>,
    pub part: Option<Str>,
    pub note: Option<Str>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub outlet: Str,
    pub title: Str,
    pub date: Option<Spanned<toml::Value>>,
    pub url: Option<Str>,
    pub note: Option<Str>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawParty {
    pub id: Str,
    pub name: Str,
    pub short: Str,
    pub summary: Option<Str>,
    /// Defaults for the party's red lines' `held_from` / `held_to`.
    pub held_from: Option<Spanned<toml::Value>>,
    pub held_to: Option<Spanned<toml::Value>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRedLine {
    pub id: Str,
    pub title: Str,
    pub summary: Str,
    pub firmness: Str,
    pub trend: Option<Str>,
    pub sources: Vec<Str>,
    pub untouched_note: Option<Str>,
    pub held_from: Option<Spanned<toml::Value>>,
    pub held_to: Option<Spanned<toml::Value>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlanHeader {
    pub id: Str,
    pub title: Str,
    pub short: Str,
    pub date: Spanned<toml::Value>,
    #[serde(default)]
    pub proposers: Vec<Str>,
    #[serde(default)]
    pub signatories: Vec<Str>,
    #[serde(default)]
    pub mediators: Vec<Str>,
    #[serde(default)]
    pub guarantors: Vec<Str>,
    #[serde(default)]
    pub observers: Vec<Str>,
    pub status: Str,
    pub summary: Str,
    pub sources: Vec<Str>,
    pub note: Option<Str>,
    pub base: Option<Str>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    pub plan: Str,
    pub clause: Str,
    pub relation: Str,
    pub basis: Str,
    pub note: Option<Str>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssessment {
    pub party: Str,
    pub effect: Str,
    /// Missing or empty: a general position on the clause, tied to no listed red line.
    pub red_lines: Option<Spanned<Vec<Str>>>,
    pub note: Str,
    pub confidence: Option<Str>,
    pub as_of: Option<Spanned<toml::Value>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClause {
    pub id: Str,
    pub label: Option<Str>,
    pub parent: Option<Str>,
    pub title: Str,
    pub text: Str,
    pub topics: Spanned<Vec<Str>>,
    pub certainty: Str,
    pub certainty_note: Option<Str>,
    pub confidence: Option<Str>,
    pub sources: Spanned<Vec<Str>>,
    pub status: Option<Str>,
    #[serde(default)]
    pub bracketed_by: Option<Spanned<Vec<Str>>>,
    pub note: Option<Str>,
    #[serde(default)]
    pub order_uncertain: bool,
    #[serde(default)]
    pub links: Vec<RawLink>,
    #[serde(default)]
    pub refs: Vec<Spanned<RawRef>>,
    #[serde(default)]
    pub assess: Vec<RawAssessment>,
    /// Only in derived drafts: place this new clause after the named one.
    pub after: Option<Str>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChange {
    pub clause: Str,
    pub action: Str,
    pub title: Option<Str>,
    pub text: Option<Str>,
    pub certainty: Option<Str>,
    pub certainty_note: Option<Str>,
    pub confidence: Option<Str>,
    pub sources: Option<Spanned<Vec<Str>>>,
    pub status: Option<Str>,
    #[serde(default)]
    pub bracketed_by: Option<Spanned<Vec<Str>>>,
    pub note: Option<Str>,
    pub topics: Option<Spanned<Vec<Str>>>,
    pub assess: Option<Vec<RawAssessment>>,
}
