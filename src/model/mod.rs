//! The loaded corpus as plain data: parties and their red lines, topics, drafts and clauses.
//!
//! Everything here is owned, validated and cross-referenced by the loader; nothing in this
//! module reads files or knows about TOML. Derived drafts arrive here already materialised,
//! so every consumer sees one uniform list of clauses per draft.
//!
//! Split by subject: `date` (dates known to the day, month or year), `party` (parties and
//! their positions), `plan` (drafts, clauses and everything a clause carries), `counterpart`
//! (a clause's correspondents in other drafts).

mod actor;
mod counterpart;
mod date;
mod party;
mod plan;

pub use actor::{Actor, ActorKind, Document, RefRelation, RefTarget, Reference, Roles};
pub use counterpart::{Counterpart, Direction, inheritance_relation};
pub use date::{PartialDate, Period};
pub use party::{Firmness, Party, RedLine};
pub use plan::{
    Assessment, Certainty, ChangeAction, Clause, ClauseStatus, Confidence, Effect, Inheritance,
    Link, LinkBasis, Plan, PlanStatus, Relation, Removal,
};

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Where a piece of information comes from. Declared once per file, cited by key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub key: String,
    pub outlet: String,
    pub title: String,
    pub date: Option<PartialDate>,
    pub url: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Words and phrases that mark a clause as on this topic, for proposing topics to imported
    /// drafts (`peacediff import`); matched by word stem, case aside. Users extend them.
    pub keywords: Vec<String>,
}

/// What the corpus says about itself: its scope and how current it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusInfo {
    pub title: String,
    pub coverage: String,
    pub as_of: Option<PartialDate>,
}

/// Everything loaded from one plans folder, validated and cross-referenced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Corpus {
    pub info: CorpusInfo,
    pub topics: Vec<Topic>,
    /// Participants that are not scored parties (mediators, guarantors, signatories).
    pub actors: Vec<Actor>,
    pub parties: Vec<Party>,
    /// Sources cited by red lines.
    pub party_sources: Vec<Source>,
    /// Drafts in date order (then id), the order every view lists them in.
    pub plans: Vec<Plan>,
    #[serde(skip)]
    plan_index: HashMap<String, usize>,
}

impl Corpus {
    pub fn new(
        info: CorpusInfo,
        topics: Vec<Topic>,
        actors: Vec<Actor>,
        parties: Vec<Party>,
        party_sources: Vec<Source>,
        mut plans: Vec<Plan>,
    ) -> Self {
        plans.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        let plan_index = plans
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        Corpus {
            info,
            topics,
            actors,
            parties,
            party_sources,
            plans,
            plan_index,
        }
    }

    /// A draft's position in [`Corpus::plans`].
    pub fn plan_position(&self, id: &str) -> Option<usize> {
        self.plan_index.get(id).copied()
    }

    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plan_index.get(id).map(|&i| &self.plans[i])
    }

    /// Finds a draft by id or by its short label, ignoring case ("28-pt", "us-28").
    pub fn find_plan(&self, name: &str) -> Option<&Plan> {
        self.plan(name).or_else(|| {
            self.plans
                .iter()
                .find(|p| p.id.eq_ignore_ascii_case(name) || p.short.eq_ignore_ascii_case(name))
        })
    }

    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    /// A party by what a user types: its id, short label or name, in any case (`ua`, `UA`,
    /// `Ukraine`).
    pub fn find_party(&self, name: &str) -> Option<&Party> {
        self.party(name).or_else(|| {
            self.parties.iter().find(|p| {
                p.id.eq_ignore_ascii_case(name)
                    || p.short.eq_ignore_ascii_case(name)
                    || p.name.eq_ignore_ascii_case(name)
            })
        })
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The full name of a party or actor id, as views print it; the id itself if neither.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.party(id)
            .map(|p| p.name.as_str())
            .or_else(|| self.actor(id).map(|a| a.name.as_str()))
            .unwrap_or(id)
    }

    /// The short label of a party or actor id ("UA", "OSCE"); the id itself if neither.
    pub fn label_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.party(id)
            .map(|p| p.short.as_str())
            .or_else(|| self.actor(id).map(Actor::label))
            .unwrap_or(id)
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    pub fn red_line(&self, id: &str) -> Option<&RedLine> {
        self.parties
            .iter()
            .flat_map(|p| p.red_lines.iter())
            .find(|r| r.id == id)
    }

    pub fn party_source(&self, key: &str) -> Option<&Source> {
        self.party_sources.iter().find(|s| s.key == key)
    }
}
