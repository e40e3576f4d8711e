//! The exported comparison as plain, owned data: what the JSON export serialises (its schema is
//! documented in docs/json.md) and what the Markdown export renders, so both say the same.
//!
//! Enumerations are written as the kebab-case words the rest of peacediff uses (`"revised"`,
//! `"crosses"`, `"published-text"`), so the types stay simple to read back with serde.

use serde::{Deserialize, Serialize};

/// The `schema` field of every JSON export; bumped on any incompatible change.
pub const SCHEMA: &str = "peacediff-export/1";

/// One comparison of two drafts, filtered as asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// "peacediff 0.1.0".
    pub generator: String,
    pub corpus: CorpusHeader,
    /// Draft A, the older or base side.
    pub left: DraftHeader,
    /// Draft B.
    pub right: DraftHeader,
    pub filters: Filters,
    pub summary: Summary,
    /// Per party, in the corpus's party order (only the filtered party with `--party`).
    pub red_lines: Vec<PartyScore>,
    /// The rows shown, in alignment order.
    pub rows: Vec<Row>,
    /// Every source cited above, numbered from 1 in order of first citation.
    pub sources: Vec<SourceEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorpusHeader {
    pub title: String,
    pub coverage: String,
    pub as_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftHeader {
    pub id: String,
    pub short: String,
    pub title: String,
    /// `2025-11-20`, or `2025-11` / `2025` when only that is known.
    pub date: String,
    /// `official`, `leaked`, `reported` or `reconstructed`.
    pub status: String,
    /// The proposing parties' names.
    pub proposers: Vec<String>,
    /// The id of the draft this one is written as changes to.
    pub base: Option<String>,
    pub summary: String,
    /// The draft's main sources, as numbers into `sources`.
    pub sources: Vec<usize>,
    /// Who else took part, one entry per recorded role, in the order `signed by`, `mediated
    /// by`, `guaranteed by`, `observed by` (`describe::participants`, proposers apart).
    #[serde(default)]
    pub roles: Vec<RoleEntry>,
    /// Outside documents the draft's clauses refer to.
    #[serde(default)]
    pub documents: Vec<DocumentEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleEntry {
    /// `signed by`, `mediated by`, `guaranteed by` or `observed by`.
    pub role: String,
    /// Party or actor ids.
    pub ids: Vec<String>,
    /// Their names as a sentence gives them ("Ukraine, Russia and OSCE").
    pub names: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntry {
    pub key: String,
    pub title: String,
    pub date: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filters {
    /// Unchanged rows left out.
    pub changes_only: bool,
    /// Only rows with a clause on this topic.
    pub topic: Option<Named>,
    /// Only rows with a clause that touches this party's red lines.
    pub party: Option<Named>,
}

impl Filters {
    /// Whether any filter narrows the rows.
    pub fn any(&self) -> bool {
        self.changes_only || self.topic.is_some() || self.party.is_some()
    }
}

/// An id with its human name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// Rows in the whole alignment.
    pub rows_total: usize,
    /// Rows that pass the topic and party filters (all rows without them).
    pub rows_matching: usize,
    /// Rows in `rows`: the matching ones, less unchanged rows with `changes_only`.
    pub rows_shown: usize,
    /// The matching rows by kind, every kind listed, in legend order.
    pub counts: Vec<KindCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindCount {
    /// A row class (`unchanged`, `bracketed`, `unreported`, `revised`, `dropped`, `added`,
    /// `split`, `merged`, `related`: these add up to the rows) or a flag counted across them
    /// (`moved`, `also bracketed`, `disputed`).
    pub kind: String,
    pub mark: String,
    pub count: usize,
}

/// One party's red lines in both drafts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyScore {
    pub party: String,
    pub name: String,
    pub short: String,
    /// Positions crossed in A (hard red lines and demands; see `hard`).
    pub crossed_left: Vec<LineRef>,
    /// Positions crossed in B.
    pub crossed_right: Vec<LineRef>,
    /// Hard red lines crossed in B minus those crossed in A.
    pub change: i64,
    /// Crossed in B, not in A.
    pub newly_crossed: Vec<LineRef>,
    /// Crossed in A, not in B.
    pub no_longer_crossed: Vec<LineRef>,
    /// Crossed in both.
    pub still_crossed: Vec<LineRef>,
    /// Positions a derived draft A leaves open: the base crosses, meets or partly meets them,
    /// but A's clauses on them are unreported, or bracketed without an assessment.
    pub open_left: Vec<LineRef>,
    /// The same for B.
    pub open_right: Vec<LineRef>,
    /// Assessed in A and open in B: B does not say, so no change is claimed.
    pub now_open: Vec<LineRef>,
    /// Positions A is not scored against: it is dated outside the period they are documented
    /// for, and no clause assesses them (`analysis::PartyRedLines::dated_out`).
    #[serde(default)]
    pub dated_out_left: Vec<LineRef>,
    /// The same for B.
    #[serde(default)]
    pub dated_out_right: Vec<LineRef>,
    /// "19-pt crosses 2 of Ukraine's red lines, down from 7 in 28-pt".
    pub headline: String,
    /// The scoreboard cell for A and for B (`analysis::PartySummary::cell`): "✗3", "✗0 ○5",
    /// "∅" (not assessed).
    pub cell_left: String,
    pub cell_right: String,
    /// Demands crossed in A and in B (`None`: not assessed).
    pub demands_left: Option<usize>,
    pub demands_right: Option<usize>,
}

impl PartyScore {
    /// Hard red lines crossed in A and in B.
    pub fn hard_counts(&self) -> (usize, usize) {
        let hard = |v: &[LineRef]| v.iter().filter(|l| l.hard).count();
        (hard(&self.crossed_left), hard(&self.crossed_right))
    }
}

/// A red line or demand, named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineRef {
    pub id: String,
    pub title: String,
    /// A hard red line (`hard-legal` or `hard-declared`), not a demand.
    pub hard: bool,
}

/// One row of the alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// What happened to the words: `unchanged`, `revised`, `dropped`, `added`, `split`,
    /// `merged`, `related`.
    pub kind: String,
    /// The class the row is counted under (as in [`KindCount::kind`]).
    pub class: String,
    /// The class's mark and one per flag ("~↕": revised and moved).
    pub mark: String,
    /// The class and flags in words ("revised, moved").
    pub words: String,
    /// What the match rests on: "link: revises (text)", "inherited: dropped", …
    pub matched_on: String,
    /// The clauses of A in the row (none for an added clause).
    pub left: Vec<ClauseEntry>,
    /// The clauses of B in the row (none for a dropped clause).
    pub right: Vec<ClauseEntry>,
    /// The word diff from A's text to B's, when the texts differ and are compared.
    pub diff: Option<Vec<DiffSegment>>,
    /// Commitment-strength findings (numbers, deadlines, modals, conditions, guarantors).
    pub strength: Vec<StrengthEntry>,
    /// Whether a clause of the row is bracketed (left open for the leaders).
    pub bracketed: bool,
    /// Whether the row is out of order (one-to-one rows only).
    pub moved: bool,
    /// Whether a derived draft's clause in the row was not reported.
    pub unreported: bool,
    /// Whether a clause of the row is disputed between sources.
    pub disputed: bool,
    /// Whether A's side leaves the parties' positions open (`analysis::leaves_open` for all of
    /// its clauses): a missing assessment there claims nothing.
    pub left_open: bool,
    /// The same for B's side.
    pub right_open: bool,
    /// For a clause a derived draft dropped or moved to a separate track: the evidence.
    pub removal: Option<RemovalEntry>,
    /// The red-line effects that differ between A's and B's clauses of the row.
    pub assessment_changes: Vec<AssessmentChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseEntry {
    pub id: String,
    pub label: String,
    pub title: String,
    pub text: String,
    pub topics: Vec<String>,
    /// `published-text`, `reported` or `inferred`.
    pub certainty: String,
    pub certainty_note: Option<String>,
    /// `high`, `medium` or `low`, when the record says how far it is trusted.
    #[serde(default)]
    pub confidence: Option<String>,
    /// Certainty and confidence as views mark a clause when it is short of a printed text or
    /// of high confidence ("reported · low confidence"); `None` otherwise.
    #[serde(default)]
    pub certainty_flag: Option<String>,
    /// How deep the clause is nested: 0 for a numbered point, 1 for its sub-point, …
    #[serde(default)]
    pub depth: usize,
    /// Its cross-references within the draft and to outside documents.
    #[serde(default)]
    pub refs: Vec<RefEntry>,
    /// The clauses of the same draft that refer to it ("9 (Border) depends on it").
    #[serde(default)]
    pub cited_by: Vec<String>,
    /// `bracketed`, `disputed` or `unknown`.
    pub status: Option<String>,
    /// The status as views print it ("bracketed by US and UA": `analysis::status_words`).
    pub status_words: Option<String>,
    /// Party ids the record says left the clause bracketed.
    pub bracketed_by: Vec<String>,
    pub note: Option<String>,
    pub order_uncertain: bool,
    /// Numbers into the report's `sources`.
    pub sources: Vec<usize>,
    pub assessments: Vec<AssessmentEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentEntry {
    pub party: String,
    /// `crosses`, `partial` or `meets`.
    pub effect: String,
    pub red_lines: Vec<String>,
    pub note: String,
    /// `high`, `medium` or `low`.
    pub confidence: Option<String>,
    /// The date of the position the assessment reflects, when not the draft's own time.
    #[serde(default)]
    pub as_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefEntry {
    /// `refers-to`, `depends-on`, `implements` or `amends`.
    pub relation: String,
    /// `clause` (of the same draft) or `document`.
    pub kind: String,
    /// The clause id or document key.
    pub target: String,
    pub part: Option<String>,
    pub note: Option<String>,
    /// As views print it: "depends on 11 (Constitutional reform)".
    pub words: String,
    /// The document's address, when it has one.
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiffSegment {
    /// `equal`, `removed` or `added`.
    pub kind: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrengthEntry {
    /// `number`, `deadline`, `modal`, `condition` or `guarantor`.
    pub kind: String,
    /// `increased`, `decreased`, `weaker`, `stronger` or `changed`.
    pub shift: String,
    pub removed: Vec<String>,
    pub added: Vec<String>,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemovalEntry {
    /// `dropped` or `separate-track`.
    pub action: String,
    pub certainty: String,
    pub note: Option<String>,
    pub sources: Vec<usize>,
}

/// How one party's red line is affected on each side of a row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentChange {
    pub party: String,
    /// `None`: the party's general position on the clauses, a verdict naming no red line.
    pub red_line: Option<LineRef>,
    /// The effect in A's clauses (the strongest, if several); `None`: no assessment there.
    pub left: Option<EffectNote>,
    pub right: Option<EffectNote>,
    /// A's standing on the line as this row's clauses bear on it, mark and word ("✗ crosses",
    /// "○ open (bracketed)", "· silent", "∅ not assessed"): `analysis::side_standing`.
    pub left_standing: String,
    pub right_standing: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffectNote {
    pub effect: String,
    /// The label of the clause the assessment is on.
    pub clause: String,
    pub note: String,
}

/// A source, cited by number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    pub number: usize,
    /// The draft whose file declares it, and its key there (`A1`, `us-28/A1`).
    pub plan: String,
    pub key: String,
    pub outlet: String,
    pub title: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub note: Option<String>,
}
