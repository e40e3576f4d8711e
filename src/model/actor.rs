//! Who else takes part in a negotiation besides the parties whose positions are scored: states,
//! organisations, armed groups and persons that sign, mediate, guarantee or observe a draft.
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

/// The span of time a position is documented for. Either end may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
}

impl Period {
    /// Whether a draft of date `d` lies wholly outside the period. A date known only to the
    /// month or year counts as inside when any part of it overlaps (2025 overlaps a period
    /// from 2025-06), so only a plain mismatch takes a position out of scoring.
    pub fn excludes(&self, d: &PartialDate) -> bool {
        let before = self.from.is_some_and(|f| latest(d) < earliest(&f));
        let after = self.to.is_some_and(|t| earliest(d) > latest(&t));
        before || after
    }

    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// "2025-02 to 2026-06", "from 2025-02", "until 2016"; `None` when both ends are open.
    pub fn describe(&self) -> Option<String> {
        match (self.from, self.to) {
            (Some(f), Some(t)) => Some(format!("{f} to {t}")),
            (Some(f), None) => Some(format!("from {f}")),
            (None, Some(t)) => Some(format!("until {t}")),
            (None, None) => None,
        }
    }
}

/// The first day a partial date can mean, as (year, month, day).
fn earliest(d: &PartialDate) -> (u16, u8, u8) {
    (d.year, d.month.unwrap_or(1), d.day.unwrap_or(1))
}

/// The last day a partial date can mean (day 31 stands for "end of month": only order matters).
fn latest(d: &PartialDate) -> (u16, u8, u8) {
    (d.year, d.month.unwrap_or(12), d.day.unwrap_or(31))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_period_excludes_only_dates_plainly_outside_it() {
        let p = Period {
            from: Some(d("2025-06")),
            to: Some(d("2026-06-30")),
        };
        assert!(p.excludes(&d("2015-02-12")));
        assert!(p.excludes(&d("2025-05-31")));
        assert!(!p.excludes(&d("2025")), "the year overlaps the period");
        assert!(!p.excludes(&d("2025-06-01")));
        assert!(!p.excludes(&d("2026-06")));
        assert!(p.excludes(&d("2026-07")));
        assert!(!Period::default().excludes(&d("1991")));
    }

    #[test]
    fn periods_describe_their_ends() {
        let from = Period {
            from: Some(d("2025-02")),
            to: None,
        };
        assert_eq!(from.describe().as_deref(), Some("from 2025-02"));
        assert_eq!(Period::default().describe(), None);
    }
}
