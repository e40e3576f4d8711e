//! The loaded corpus as plain data: parties and their red lines, topics, drafts and clauses.
//!
//! Everything here is owned, validated and cross-referenced by the loader; nothing in this
//! module reads files or knows about TOML. Derived drafts arrive here already materialised,
//! so every consumer sees one uniform list of clauses per draft.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// A calendar date that may be known only to the month or year ("Nov 2025").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl PartialDate {
    /// A real calendar date (years 1900–2200), or `None`; a day needs a month.
    pub fn from_numbers(year: i64, month: Option<i64>, day: Option<i64>) -> Option<PartialDate> {
        let year_ok = (1900..=2200).contains(&year);
        let month_ok = month.is_none_or(|m| (1..=12).contains(&m));
        let day_ok = match (month, day) {
            (Some(m), Some(d)) => d >= 1 && d <= days_in_month(year, m),
            (None, Some(_)) => false,
            _ => true,
        };
        (year_ok && month_ok && day_ok).then(|| PartialDate {
            year: year as u16,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }

    /// The numbers of a `YYYY[-MM[-DD]]` text, not yet checked against the calendar: the
    /// loader tells "not a date" apart from "impossible date", so the two steps are separate.
    pub fn split_text(s: &str) -> Option<(i64, Option<i64>, Option<i64>)> {
        let mut parts = s.split('-');
        let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
        let month = match parts.next() {
            Some(m) if m.len() == 2 => Some(m.parse().ok()?),
            Some(_) => return None,
            None => None,
        };
        let day = match parts.next() {
            Some(d) if d.len() == 2 => Some(d.parse().ok()?),
            Some(_) => return None,
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some((year, month, day))
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Parses the form [`Display`](fmt::Display) writes: `2025`, `2025-11` or `2025-11-20`.
impl std::str::FromStr for PartialDate {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartialDate::split_text(s)
            .and_then(|(y, m, d)| PartialDate::from_numbers(y, m, d))
            .ok_or_else(|| format!("`{s}` is not a date of the form YYYY[-MM[-DD]]"))
    }
}

/// Written as text (`"2025-11"`) in JSON, so scripts read dates without decoding a struct.
impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The inverse of `Serialize`: read back from the same text, for the corpus cache.
impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

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

/// How firmly a party holds a position, from the red-line brief's grading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Firmness {
    /// Backed by a constitution, statute or formally adopted legal act.
    HardLegal,
    /// Declared non-negotiable at the top level, with no softening seen.
    HardDeclared,
    /// Consistently held, with visible conditions.
    Firm,
    /// An aim that has been traded or softened.
    Preference,
}

impl Firmness {
    /// Hard lines are the ones a headline counts as "red lines"; the rest are demands.
    pub fn is_hard(self) -> bool {
        matches!(self, Firmness::HardLegal | Firmness::HardDeclared)
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Firmness::HardLegal => "hard-legal",
            Firmness::HardDeclared => "hard-declared",
            Firmness::Firm => "firm",
            Firmness::Preference => "preference",
        }
    }
}

/// One position of one party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RedLine {
    pub id: String,
    pub party: String,
    pub title: String,
    pub summary: String,
    pub firmness: Firmness,
    pub trend: Option<String>,
    pub sources: Vec<String>,
    /// Why no draft assesses this line yet, when that is the case on purpose.
    pub untouched_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Party {
    pub id: String,
    pub name: String,
    /// Two-letter label for narrow columns ("UA").
    pub short: String,
    pub summary: Option<String>,
    pub red_lines: Vec<RedLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub description: String,
}

/// How a draft's text is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanStatus {
    Official,
    Leaked,
    Reported,
    Reconstructed,
}

impl PlanStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Official => "official",
            PlanStatus::Leaked => "leaked",
            PlanStatus::Reported => "reported",
            PlanStatus::Reconstructed => "reconstructed",
        }
    }
}

/// How sure we are of a clause's text. Ordered from most to least certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Certainty {
    PublishedText,
    Reported,
    Inferred,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::PublishedText => "published-text",
            Certainty::Reported => "reported",
            Certainty::Inferred => "inferred",
        }
    }
    /// The less certain of two labels: a clause is never surer than its least sure input.
    pub fn weakest(self, other: Certainty) -> Certainty {
        self.max(other)
    }
}

/// A clause's standing in the negotiation, when it is not simply part of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClauseStatus {
    /// Left open for the leaders to decide.
    Bracketed,
    /// Not agreed between the drafting parties, or reported differently by sources.
    Disputed,
    /// Inherited by a derived draft without any report of what happened to it.
    Unknown,
}

impl ClauseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ClauseStatus::Bracketed => "bracketed",
            ClauseStatus::Disputed => "disputed",
            ClauseStatus::Unknown => "unknown",
        }
    }
}

/// How a clause relates to a counterpart in another draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Same substance, carried over.
    Same,
    /// Same subject, changed wording or terms.
    Revises,
    /// A different provision takes its place.
    Replaces,
    /// Runs the opposite way on the same subject.
    Opposes,
    /// Touches the same subject loosely.
    Related,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Same => "same",
            Relation::Revises => "revises",
            Relation::Replaces => "replaces",
            Relation::Opposes => "opposes",
            Relation::Related => "related",
        }
    }
}

/// What a correspondence rests on, as the correspondence table marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkBasis {
    /// Both texts are printed and plainly deal with the same thing.
    Text,
    /// The link rests on reports.
    Reported,
    /// A topical match or an assumed survival.
    Inferred,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub plan: String,
    pub clause: String,
    pub relation: Relation,
    pub basis: LinkBasis,
    pub note: Option<String>,
}

/// A clause's effect on one party's positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Effect {
    Crosses,
    Partial,
    Meets,
}

impl Effect {
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Crosses => "crosses",
            Effect::Partial => "partial",
            Effect::Meets => "meets",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub party: String,
    pub effect: Effect,
    /// The positions involved; never empty.
    pub red_lines: Vec<String>,
    pub note: String,
    pub confidence: Option<Confidence>,
}

/// What a derived draft did with one clause of its base draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeAction {
    Kept,
    Revised,
    Bracketed,
    Dropped,
    SeparateTrack,
    Unknown,
}

impl ChangeAction {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeAction::Kept => "kept",
            ChangeAction::Revised => "revised",
            ChangeAction::Bracketed => "bracketed",
            ChangeAction::Dropped => "dropped",
            ChangeAction::SeparateTrack => "separate-track",
            ChangeAction::Unknown => "unknown",
        }
    }
    /// Dropped and parked clauses are not part of the derived draft's text.
    pub fn removes(self) -> bool {
        matches!(self, ChangeAction::Dropped | ChangeAction::SeparateTrack)
    }
}

/// How a clause of a derived draft came from its base, or how a base clause left it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inheritance {
    pub base_plan: String,
    pub base_clause: String,
    pub action: ChangeAction,
    /// Whether the action was stated in the data (`false`: not reported, so `unknown`).
    pub reported: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    pub id: String,
    /// The number or letter as printed in the original ("21d", "II.B.4").
    pub label: String,
    pub parent: Option<String>,
    pub title: String,
    pub text: String,
    pub topics: Vec<String>,
    pub certainty: Certainty,
    pub certainty_note: Option<String>,
    pub sources: Vec<String>,
    pub status: Option<ClauseStatus>,
    pub note: Option<String>,
    pub links: Vec<Link>,
    pub assessments: Vec<Assessment>,
    /// Set on clauses of a derived draft that come from its base.
    pub inherited: Option<Inheritance>,
    /// Whether the draft's own order for this clause is uncertain.
    pub order_uncertain: bool,
}

/// A base clause that a derived draft removed (dropped or moved to a separate track).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removal {
    pub base_clause: String,
    pub action: ChangeAction,
    pub certainty: Certainty,
    pub sources: Vec<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub id: String,
    pub title: String,
    /// A short label for headers and columns ("28-pt").
    pub short: String,
    pub date: PartialDate,
    pub proposers: Vec<String>,
    pub status: PlanStatus,
    pub summary: String,
    /// The keys of the draft's main sources, most authoritative first.
    pub main_sources: Vec<String>,
    pub note: Option<String>,
    /// The draft this one is written as changes to, if any.
    pub base: Option<String>,
    pub clauses: Vec<Clause>,
    pub removals: Vec<Removal>,
    pub sources: Vec<Source>,
    /// The file the draft was loaded from, for messages.
    pub file: String,
}

impl Plan {
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.id == id)
    }
    pub fn clause_index(&self, id: &str) -> Option<usize> {
        self.clauses.iter().position(|c| c.id == id)
    }
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.key == key)
    }
    /// Top-level clauses (numbered points, not their lettered sub-points).
    pub fn top_level_count(&self) -> usize {
        self.clauses.iter().filter(|c| c.parent.is_none()).count()
    }
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
            parties,
            party_sources,
            plans,
            plan_index,
        }
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

/// Which way a revision or replacement reads between two clauses.
///
/// Time decides: the later draft revises the earlier, whichever file the link was written in
/// (a link from the 2022 Peace Formula to the 28 points must still read "28-pt revises").
/// Only between drafts of the same date does the side the link was written on decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// This clause revises (or replaces) the counterpart.
    Outgoing,
    /// The counterpart revises (or replaces) this clause.
    Incoming,
}

/// A clause of another draft that corresponds to a given clause.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Counterpart<'c> {
    #[serde(serialize_with = "plan_id")]
    pub plan: &'c Plan,
    #[serde(serialize_with = "clause_id")]
    pub clause: &'c Clause,
    pub relation: Relation,
    pub basis: LinkBasis,
    pub direction: Direction,
}

fn plan_id<S: serde::Serializer>(p: &&Plan, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&p.id)
}

fn clause_id<S: serde::Serializer>(c: &&Clause, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&c.id)
}

impl Counterpart<'_> {
    /// The relation read from the given clause's side ("revises" or "revised by").
    pub fn describe(&self) -> &'static str {
        match (self.direction, self.relation) {
            (_, Relation::Same) => "same",
            (_, Relation::Related) => "related",
            (_, Relation::Opposes) => "opposes",
            (Direction::Outgoing, Relation::Revises) => "revises",
            (Direction::Incoming, Relation::Revises) => "revised by",
            (Direction::Outgoing, Relation::Replaces) => "replaces",
            (Direction::Incoming, Relation::Replaces) => "replaced by",
        }
    }
}

/// The relation a derived clause has to the base clause it inherits.
pub fn inheritance_relation(action: ChangeAction) -> Relation {
    match action {
        ChangeAction::Revised => Relation::Revises,
        ChangeAction::Kept | ChangeAction::Bracketed | ChangeAction::Unknown => Relation::Same,
        ChangeAction::Dropped | ChangeAction::SeparateTrack => Relation::Related,
    }
}

impl Corpus {
    /// Every clause of another draft that corresponds to `clause` of `plan`: links written on
    /// either side, and inheritance between a derived draft and its base. In date order.
    pub fn counterparts<'c>(&'c self, plan: &Plan, clause: &Clause) -> Vec<Counterpart<'c>> {
        let mut out: Vec<Counterpart<'c>> = Vec::new();
        let mut push = |cp: Counterpart<'c>| {
            if !out
                .iter()
                .any(|o| o.plan.id == cp.plan.id && o.clause.id == cp.clause.id)
            {
                out.push(cp);
            }
        };
        for l in &clause.links {
            if let Some((p, c)) = self
                .plan(&l.plan)
                .and_then(|p| p.clause(&l.clause).map(|c| (p, c)))
            {
                push(Counterpart {
                    plan: p,
                    clause: c,
                    relation: l.relation,
                    basis: l.basis,
                    direction: Direction::Outgoing,
                });
            }
        }
        if let Some(i) = &clause.inherited {
            if let Some((p, c)) = self
                .plan(&i.base_plan)
                .and_then(|p| p.clause(&i.base_clause).map(|c| (p, c)))
            {
                let basis = if i.reported {
                    LinkBasis::Reported
                } else {
                    LinkBasis::Inferred
                };
                push(Counterpart {
                    plan: p,
                    clause: c,
                    relation: inheritance_relation(i.action),
                    basis,
                    direction: Direction::Outgoing,
                });
            }
        }
        for other in self.plans.iter().filter(|p| p.id != plan.id) {
            for c in &other.clauses {
                for l in c
                    .links
                    .iter()
                    .filter(|l| l.plan == plan.id && l.clause == clause.id)
                {
                    push(Counterpart {
                        plan: other,
                        clause: c,
                        relation: l.relation,
                        basis: l.basis,
                        direction: Direction::Incoming,
                    });
                }
                if let Some(i) = c
                    .inherited
                    .as_ref()
                    .filter(|i| i.base_plan == plan.id && i.base_clause == clause.id)
                {
                    let basis = if i.reported {
                        LinkBasis::Reported
                    } else {
                        LinkBasis::Inferred
                    };
                    push(Counterpart {
                        plan: other,
                        clause: c,
                        relation: inheritance_relation(i.action),
                        basis,
                        direction: Direction::Incoming,
                    });
                }
            }
        }
        for cp in &mut out {
            if cp.plan.date != plan.date {
                cp.direction = if cp.plan.date < plan.date {
                    Direction::Outgoing
                } else {
                    Direction::Incoming
                };
            }
        }
        let order = |p: &Plan| {
            self.plans
                .iter()
                .position(|x| x.id == p.id)
                .unwrap_or(usize::MAX)
        };
        out.sort_by_key(|cp| order(cp.plan));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_and_impossible_ones_do_not() {
        assert_eq!(
            PartialDate::split_text("2025-11"),
            Some((2025, Some(11), None))
        );
        assert_eq!(PartialDate::split_text("Nov 2025"), None);
        assert!(PartialDate::from_numbers(2024, Some(2), Some(29)).is_some());
        assert!(PartialDate::from_numbers(2025, Some(2), Some(29)).is_none());
        assert!(PartialDate::from_numbers(2025, Some(13), None).is_none());
        assert!(PartialDate::from_numbers(2025, Some(4), Some(31)).is_none());
        assert!(PartialDate::from_numbers(2025, None, Some(3)).is_none());
    }

    #[test]
    fn dates_read_back_what_they_write() {
        for text in ["2025", "2025-11", "2024-02-29"] {
            let date: PartialDate = text.parse().unwrap();
            assert_eq!(date.to_string(), text);
            let json = serde_json::to_string(&date).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<PartialDate>(&json).unwrap(), date);
        }
        assert!("2025-02-30".parse::<PartialDate>().is_err());
        assert!(serde_json::from_str::<PartialDate>("\"Nov 2025\"").is_err());
    }
}
