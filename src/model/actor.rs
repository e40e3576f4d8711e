//! Who else takes part in a negotiation besides the parties whose positions are scored: states,
//! organisations, armed groups and persons that sign, mediate, guarantee or observe a draft.
//!
//! Also what a clause can point at besides other drafts' clauses: outside documents and
//! cross-references within its draft.
//!
//! Actors are declared once (in `corpus.toml`) so that a draft can name the OSCE or a
//! separatist signatory without that actor becoming a red-line party: parties have positions
//! that every view scores; actors only have roles.

use super::PartialDate;
use serde::{Deserialize, Serialize};

/// What sort of actor it is, as the record describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    State,
    Organisation,
    /// A non-state armed formation or the authority it set up.
    ArmedGroup,
    Person,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Organisation => "organisation",
            ActorKind::ArmedGroup => "armed-group",
            ActorKind::Person => "person",
        }
    }
}

/// A participant in the negotiations that is not one of the scored parties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// A short label for narrow places ("OSCE"); views fall back to the name.
    pub short: Option<String>,
    pub kind: ActorKind,
    /// Other names the texts use for it ("the Organization for Security and Co-operation in
    /// Europe"), for recognising it in clause wording.
    pub aliases: Vec<String>,
    pub note: Option<String>,
}

impl Actor {
    /// The label views print where space is short: the short label, else the name.
    pub fn label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
}

/// The roles a draft names besides its proposers. Each entry is a party id or an actor id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Roles {
    pub signatories: Vec<String>,
    pub mediators: Vec<String>,
    pub guarantors: Vec<String>,
    pub observers: Vec<String>,
}

impl Roles {
    /// Each role with its name as views print it ("signed by"), in a fixed order, skipping
    /// empty ones.
    pub fn named(&self) -> Vec<(&'static str, &[String])> {
        [
            ("signed by", &self.signatories),
            ("mediated by", &self.mediators),
            ("guaranteed by", &self.guarantors),
            ("observed by", &self.observers),
        ]
        .into_iter()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(n, ids)| (n, ids.as_slice()))
        .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.named().is_empty()
    }
}

/// A document that is not encoded as a draft but that clauses refer to: a treaty, a UN
/// resolution, an earlier agreement. Declared in the draft file that cites it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub key: String,
    pub title: String,
    pub date: Option<PartialDate>,
    pub url: Option<String>,
    pub note: Option<String>,
}

/// What a cross-reference points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "id")]
pub enum RefTarget {
    /// Another clause of the same draft, by id.
    Clause(String),
    /// A declared [`Document`] of the draft, by key.
    Document(String),
}

/// How a clause refers to its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefRelation {
    /// Mentions or cites it.
    RefersTo,
    /// Takes effect only with or after it.
    DependsOn,
    /// Carries it out or gives it effect.
    Implements,
    /// Changes it.
    Amends,
}

impl RefRelation {
    pub fn as_str(self) -> &'static str {
        match self {
            RefRelation::RefersTo => "refers-to",
            RefRelation::DependsOn => "depends-on",
            RefRelation::Implements => "implements",
            RefRelation::Amends => "amends",
        }
    }
    /// As a sentence reads it: "depends on".
    pub fn words(self) -> &'static str {
        match self {
            RefRelation::RefersTo => "refers to",
            RefRelation::DependsOn => "depends on",
            RefRelation::Implements => "implements",
            RefRelation::Amends => "amends",
        }
    }
    /// The same relation read from the target's side: "is depended on by".
    pub fn reverse_words(self) -> &'static str {
        match self {
            RefRelation::RefersTo => "referred to by",
            RefRelation::DependsOn => "a condition of",
            RefRelation::Implements => "implemented by",
            RefRelation::Amends => "amended by",
        }
    }
}

/// A clause's cross-reference to another clause of its draft or to an outside document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub target: RefTarget,
    pub relation: RefRelation,
    /// The part of the target meant ("Article 51", "paragraph 4").
    pub part: Option<String>,
    pub note: Option<String>,
}
