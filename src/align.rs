//! Aligning two drafts into rows: unchanged, revised, dropped, added, moved, split, merged.
//!
//! How a pair of clauses is matched, in order of precedence:
//!
//! 1. **Inheritance.** A derived draft against its base: what the derived draft reports for each
//!    base clause decides (kept → unchanged, revised → revised, bracketed → bracketed,
//!    not reported → unknown, dropped or parked → dropped, carrying the removal's evidence).
//!    Two derived drafts of the same base align through their shared base clause ids.
//! 2. **Links** written in the data, read in both directions (on either draft's clauses).
//!    One clause linked to several on the other side is a split or a merge.
//! 3. **Similarity** of the words (not characters) of clauses left over, among candidates found
//!    through an inverted word index (never every clause against every other), with a bonus for
//!    shared topics.
//! 4. **Topic**: clauses still left over that share a topic with clauses of the other draft are
//!    grouped many to many (`Related` rows), so drafts of different structure (the 28 points
//!    against the 10-point Peace Formula) still line up usefully.
//!
//! Rows come in the right draft's order, with left-only rows placed after the row of their
//! nearest preceding left clause. One-to-one matches that break the order of the longest
//! order-preserving chain are `Moved`.

use crate::diff::WordDiff;
use crate::model::{ChangeAction, Clause, ClauseStatus, Corpus, Link, LinkBasis, Plan, Relation};
use crate::strength::StrengthFlag;
use serde::Serialize;
use std::collections::HashMap;

/// What happened to a clause (or clauses) between the left and the right draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowKind {
    /// Same text on both sides.
    Unchanged,
    /// Same clause, changed wording (the row has a word diff).
    Revised,
    /// Only in the left draft.
    Dropped,
    /// Only in the right draft.
    Added,
    /// Same clause in another position (may also have a word diff).
    Moved,
    /// One left clause became several right clauses.
    Split,
    /// Several left clauses became one right clause.
    Merged,
    /// A derived draft's clause whose fate was not reported: inherited, text unknown.
    Unknown,
    /// Clauses matched only by shared topics, possibly many to many.
    Related,
}

impl RowKind {
    /// Every kind, in the order legends list them.
    pub const ALL: [RowKind; 9] = [
        RowKind::Unchanged,
        RowKind::Revised,
        RowKind::Dropped,
        RowKind::Added,
        RowKind::Moved,
        RowKind::Split,
        RowKind::Merged,
        RowKind::Unknown,
        RowKind::Related,
    ];

    /// A one-character mark for gutters and legends.
    pub fn mark(self) -> &'static str {
        match self {
            RowKind::Unchanged => "=",
            RowKind::Revised => "~",
            RowKind::Dropped => "-",
            RowKind::Added => "+",
            RowKind::Moved => "↕",
            RowKind::Split => "<",
            RowKind::Merged => ">",
            RowKind::Unknown => "?",
            RowKind::Related => "≈",
        }
    }

    /// A word for the kind ("unchanged", "revised", …), as in JSON.
    pub fn label(self) -> &'static str {
        match self {
            RowKind::Unchanged => "unchanged",
            RowKind::Revised => "revised",
            RowKind::Dropped => "dropped",
            RowKind::Added => "added",
            RowKind::Moved => "moved",
            RowKind::Split => "split",
            RowKind::Merged => "merged",
            RowKind::Unknown => "unknown",
            RowKind::Related => "related",
        }
    }

    /// A sentence for legends and help screens.
    pub fn describe(self) -> &'static str {
        match self {
            RowKind::Unchanged => "same text in both drafts",
            RowKind::Revised => "same clause, changed wording",
            RowKind::Dropped => "only in the left draft",
            RowKind::Added => "only in the right draft",
            RowKind::Moved => "same clause, other position",
            RowKind::Split => "one clause became several",
            RowKind::Merged => "several clauses became one",
            RowKind::Unknown => "inherited, fate not reported",
            RowKind::Related => "matched by topic only",
        }
    }

    /// Whether the row is a change worth showing with `--changes-only` (all but unchanged).
    pub fn is_change(self) -> bool {
        self != RowKind::Unchanged
    }
}

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

/// One row of an alignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub kind: RowKind,
    /// Indices into the left draft's `clauses`; empty for `Added`.
    pub left: Vec<usize>,
    /// Indices into the right draft's `clauses`; empty for `Dropped`.
    pub right: Vec<usize>,
    pub basis: MatchBasis,
    /// The word diff, for one-to-one rows whose texts differ (revised, moved) and for split and
    /// merged rows (the joined texts of each side, separated by a blank line).
    pub diff: Option<WordDiff>,
    /// Commitment-strength findings for rows with a diff.
    pub strength: Vec<StrengthFlag>,
    /// Whether any clause of the row is bracketed (left open for the leaders).
    pub bracketed: bool,
    /// For a clause a derived draft removed: the index into that derived draft's `removals`
    /// (the right draft's for `Dropped`, the left draft's for `Added`) giving the evidence.
    pub removal: Option<usize>,
}

/// How many rows of each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    pub unchanged: usize,
    pub revised: usize,
    pub dropped: usize,
    pub added: usize,
    pub moved: usize,
    pub split: usize,
    pub merged: usize,
    pub unknown: usize,
    pub related: usize,
}

impl Counts {
    pub fn get(&self, kind: RowKind) -> usize {
        match kind {
            RowKind::Unchanged => self.unchanged,
            RowKind::Revised => self.revised,
            RowKind::Dropped => self.dropped,
            RowKind::Added => self.added,
            RowKind::Moved => self.moved,
            RowKind::Split => self.split,
            RowKind::Merged => self.merged,
            RowKind::Unknown => self.unknown,
            RowKind::Related => self.related,
        }
    }
    fn bump(&mut self, kind: RowKind) {
        let slot = match kind {
            RowKind::Unchanged => &mut self.unchanged,
            RowKind::Revised => &mut self.revised,
            RowKind::Dropped => &mut self.dropped,
            RowKind::Added => &mut self.added,
            RowKind::Moved => &mut self.moved,
            RowKind::Split => &mut self.split,
            RowKind::Merged => &mut self.merged,
            RowKind::Unknown => &mut self.unknown,
            RowKind::Related => &mut self.related,
        };
        *slot += 1;
    }
    /// Rows that are not unchanged.
    pub fn changes(&self) -> usize {
        RowKind::ALL
            .iter()
            .filter(|k| k.is_change())
            .map(|k| self.get(*k))
            .sum()
    }
}

/// Two drafts aligned into rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    /// The left draft's id.
    pub left: String,
    /// The right draft's id.
    pub right: String,
    pub rows: Vec<Row>,
}

impl Alignment {
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for r in &self.rows {
            c.bump(r.kind);
        }
        c
    }
}

/// Tuning for [`align_with`]. The defaults are what [`align`] uses.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AlignOptions {
    /// The lowest word similarity (after the topic bonus) accepted as the same clause.
    pub min_similarity: f32,
    /// Added to the similarity when the two clauses share a topic.
    pub topic_bonus: f32,
    /// Whether to group leftover clauses by shared topic into `Related` rows.
    pub topic_rows: bool,
    /// Topic rows are made only when the drafts are structured differently: when more than
    /// this share of either draft's clauses is still unmatched after inheritance, links and
    /// similarity. Otherwise leftovers stay dropped and added.
    pub topic_threshold: f32,
    /// At most this many candidates are scored per clause (the ones sharing the rarest words).
    pub max_candidates: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            min_similarity: 0.5,
            topic_bonus: 0.1,
            topic_rows: true,
            topic_threshold: 0.4,
            max_candidates: 50,
        }
    }
}

/// Aligns two drafts of the corpus (or any two plans) with the default options.
pub fn align(corpus: &Corpus, left: &Plan, right: &Plan) -> Alignment {
    align_with(corpus, left, right, &AlignOptions::default())
}

/// Aligns two drafts with explicit options.
pub fn align_with(corpus: &Corpus, left: &Plan, right: &Plan, opts: &AlignOptions) -> Alignment {
    let mut m = Matcher::new(corpus, left, right);
    m.inheritance();
    m.links();
    m.exact_text();
    m.similarity(opts);
    if opts.topic_rows {
        m.topics(opts);
    }
    m.leftovers();
    let guarantors = crate::strength::Guarantors::from_corpus(corpus);
    let rows = m.finish(&guarantors);
    Alignment {
        left: left.id.clone(),
        right: right.id.clone(),
        rows,
    }
}

/// A group of clauses matched together, before it becomes a row.
struct Group {
    left: Vec<usize>,
    right: Vec<usize>,
    basis: MatchBasis,
    /// Unknown (inherited, not reported) or Related (topic / loose link); otherwise the kind is
    /// worked out from the shape and the texts.
    fixed: Option<RowKind>,
    removal: Option<usize>,
}

#[derive(Clone)]
struct Edge {
    l: usize,
    r: usize,
    relation: Relation,
    basis: LinkBasis,
    via: Option<String>,
}

fn relation_rank(r: Relation) -> u8 {
    match r {
        Relation::Same => 0,
        Relation::Revises => 1,
        Relation::Replaces => 2,
        Relation::Opposes => 3,
        Relation::Related => 4,
    }
}

impl Edge {
    fn rank(&self) -> (u8, LinkBasis, bool) {
        (relation_rank(self.relation), self.basis, self.via.is_some())
    }
}

struct Matcher<'a> {
    corpus: &'a Corpus,
    left: &'a Plan,
    right: &'a Plan,
    /// Which group each clause is in (topic rows aside, at most one).
    l_used: Vec<bool>,
    r_used: Vec<bool>,
    /// Removal evidence for a left clause the right draft removed, and vice versa.
    l_removal: Vec<Option<usize>>,
    r_removal: Vec<Option<usize>>,
    groups: Vec<Group>,
}

/// Maps the anchors of a draft's clauses — (plan id, clause id) of the clause itself, and of the
/// base clause it inherits — to the clause indices.
fn anchors(plan: &Plan) -> HashMap<(&str, &str), Vec<usize>> {
    let mut map: HashMap<(&str, &str), Vec<usize>> = HashMap::with_capacity(plan.clauses.len());
    for (i, c) in plan.clauses.iter().enumerate() {
        map.entry((plan.id.as_str(), c.id.as_str()))
            .or_default()
            .push(i);
        if let Some(inh) = &c.inherited {
            map.entry((inh.base_plan.as_str(), inh.base_clause.as_str()))
                .or_default()
                .push(i);
        }
    }
    map
}

fn is_bracketed(c: &Clause) -> bool {
    c.status == Some(ClauseStatus::Bracketed)
        || c.inherited
            .as_ref()
            .is_some_and(|i| i.action == ChangeAction::Bracketed)
}

impl<'a> Matcher<'a> {
    fn new(corpus: &'a Corpus, left: &'a Plan, right: &'a Plan) -> Self {
        Matcher {
            corpus,
            left,
            right,
            l_used: vec![false; left.clauses.len()],
            r_used: vec![false; right.clauses.len()],
            l_removal: vec![None; left.clauses.len()],
            r_removal: vec![None; right.clauses.len()],
            groups: Vec::new(),
        }
    }

    fn push(&mut self, g: Group) {
        for &l in &g.left {
            self.l_used[l] = true;
        }
        for &r in &g.right {
            self.r_used[r] = true;
        }
        self.groups.push(g);
    }

    /// A derived draft against its base, or two derived drafts of the same base.
    fn inheritance(&mut self) {
        let (left, right) = (self.left, self.right);
        let derived =
            |p: &Plan| p.base.is_some() || p.clauses.iter().any(|c| c.inherited.is_some());
        if !derived(left) && !derived(right) {
            return;
        }
        let l_inherited: HashMap<(&str, &str), usize> = left
            .clauses
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                c.inherited
                    .as_ref()
                    .map(|h| ((h.base_plan.as_str(), h.base_clause.as_str()), i))
            })
            .collect();
        for (r, rc) in right.clauses.iter().enumerate() {
            let Some(rh) = &rc.inherited else { continue };
            let (l, action, reported) = if rh.base_plan == left.id {
                match left.clause_index(&rh.base_clause) {
                    Some(l) => (l, rh.action, rh.reported),
                    None => continue,
                }
            } else if let Some(&l) =
                l_inherited.get(&(rh.base_plan.as_str(), rh.base_clause.as_str()))
            {
                let lh = left.clauses[l].inherited.as_ref().expect("inherited");
                // The more telling of the two reports, whichever side it is on.
                let rank = |a: ChangeAction| match a {
                    ChangeAction::Unknown => 0,
                    ChangeAction::Revised => 1,
                    ChangeAction::Bracketed => 2,
                    _ => 3,
                };
                if lh.action == ChangeAction::Unknown || rh.action == ChangeAction::Unknown {
                    (l, ChangeAction::Unknown, false)
                } else if rank(lh.action) < rank(rh.action) {
                    (l, lh.action, lh.reported)
                } else {
                    (l, rh.action, rh.reported)
                }
            } else {
                continue;
            };
            if self.l_used[l] {
                continue;
            }
            self.push(Group {
                left: vec![l],
                right: vec![r],
                basis: MatchBasis::Inherited { action, reported },
                fixed: (action == ChangeAction::Unknown).then_some(RowKind::Unknown),
                removal: None,
            });
        }
        for (l, lc) in left.clauses.iter().enumerate() {
            let Some(lh) = &lc.inherited else { continue };
            if lh.base_plan != right.id || self.l_used[l] {
                continue;
            }
            let Some(r) = right.clause_index(&lh.base_clause) else {
                continue;
            };
            if self.r_used[r] {
                continue;
            }
            self.push(Group {
                left: vec![l],
                right: vec![r],
                basis: MatchBasis::Inherited {
                    action: lh.action,
                    reported: lh.reported,
                },
                fixed: (lh.action == ChangeAction::Unknown).then_some(RowKind::Unknown),
                removal: None,
            });
        }
        // Removals: the base clause (or a sibling's copy of it) is dropped, with evidence.
        let l_anchor = anchors(left);
        let r_anchor = anchors(right);
        for (k, rem) in right.removals.iter().enumerate() {
            let base = right.base.as_deref().unwrap_or_default();
            if let Some(ls) = l_anchor.get(&(base, rem.base_clause.as_str())) {
                for &l in ls {
                    if !self.l_used[l] {
                        self.l_removal[l] = Some(k);
                    }
                }
            }
        }
        for (k, rem) in left.removals.iter().enumerate() {
            let base = left.base.as_deref().unwrap_or_default();
            if let Some(rs) = r_anchor.get(&(base, rem.base_clause.as_str())) {
                for &r in rs {
                    if !self.r_used[r] {
                        self.r_removal[r] = Some(k);
                    }
                }
            }
        }
    }

    fn free_l(&self, l: usize) -> bool {
        !self.l_used[l] && self.l_removal[l].is_none()
    }
    fn free_r(&self, r: usize) -> bool {
        !self.r_used[r] && self.r_removal[r].is_none()
    }

    /// Links written on either side (or on the base clause a derived clause inherits).
    fn links(&mut self) {
        let (corpus, left, right) = (self.corpus, self.left, self.right);
        let speaks = |p: &Plan| {
            p.clauses
                .iter()
                .any(|c| !c.links.is_empty() || c.inherited.is_some())
        };
        // Links written on a third draft's clauses do not align these two, so a pair with no
        // links of its own (and no inherited clauses) has nothing to read here.
        if !speaks(left) && !speaks(right) {
            return;
        }
        let l_anchor = anchors(left);
        let r_anchor = anchors(right);
        let mut edges: HashMap<(usize, usize), Edge> = HashMap::new();
        let mut add = |e: Edge| {
            edges
                .entry((e.l, e.r))
                .and_modify(|old| {
                    if e.rank() < old.rank() {
                        *old = e.clone();
                    }
                })
                .or_insert(e);
        };
        // The links a clause speaks with: its own, and its base clause's (read via the base).
        let spoken = |c: &'a Clause| -> Vec<(&'a Link, Option<String>)> {
            let mut out: Vec<(&Link, Option<String>)> = c.links.iter().map(|l| (l, None)).collect();
            if let Some(h) = &c.inherited {
                if let Some(bc) = corpus
                    .plan(&h.base_plan)
                    .and_then(|p| p.clause(&h.base_clause))
                {
                    out.extend(bc.links.iter().map(|l| (l, Some(h.base_plan.clone()))));
                }
            }
            out
        };
        // The anchor a link hits is "via" a base when it is not the clause's own.
        let via_of = |plan: &Plan, idx: usize, target_plan: &str| -> Option<String> {
            (target_plan != plan.id).then(|| {
                plan.clauses[idx]
                    .inherited
                    .as_ref()
                    .map(|h| h.base_plan.clone())
                    .unwrap_or_default()
            })
        };
        for (l, lc) in left.clauses.iter().enumerate() {
            if !self.free_l(l) {
                continue;
            }
            for (link, via) in spoken(lc) {
                let Some(rs) = r_anchor.get(&(link.plan.as_str(), link.clause.as_str())) else {
                    continue;
                };
                for &r in rs {
                    if !self.free_r(r) {
                        continue;
                    }
                    add(Edge {
                        l,
                        r,
                        relation: link.relation,
                        basis: link.basis,
                        via: via.clone().or_else(|| via_of(right, r, &link.plan)),
                    });
                }
            }
        }
        for (r, rc) in right.clauses.iter().enumerate() {
            if !self.free_r(r) {
                continue;
            }
            for (link, via) in spoken(rc) {
                let Some(ls) = l_anchor.get(&(link.plan.as_str(), link.clause.as_str())) else {
                    continue;
                };
                for &l in ls {
                    if !self.free_l(l) {
                        continue;
                    }
                    add(Edge {
                        l,
                        r,
                        relation: link.relation,
                        basis: link.basis,
                        via: via.clone().or_else(|| via_of(left, l, &link.plan)),
                    });
                }
            }
        }
        let mut edges: Vec<Edge> = edges.into_values().collect();
        edges.sort_by_key(|e| (e.l, e.r));
        let (strong, weak): (Vec<Edge>, Vec<Edge>) = edges
            .into_iter()
            .partition(|e| e.relation != Relation::Related);
        for g in self.components(&strong, false) {
            self.push(g);
        }
        let weak: Vec<Edge> = weak
            .into_iter()
            .filter(|e| self.free_l(e.l) && self.free_r(e.r))
            .collect();
        for g in self.components(&weak, true) {
            self.push(g);
        }
    }

    /// Connected components of link edges, each a group (1-1, split, merge or many-to-many).
    fn components(&self, edges: &[Edge], loose: bool) -> Vec<Group> {
        let nl = self.left.clauses.len();
        let mut uf = UnionFind::new(nl + self.right.clauses.len());
        for e in edges {
            uf.union(e.l, nl + e.r);
        }
        type Component<'e> = (Vec<usize>, Vec<usize>, Option<&'e Edge>);
        let mut by_root: HashMap<usize, Component> = HashMap::new();
        for e in edges {
            let entry = by_root.entry(uf.find(e.l)).or_default();
            entry.0.push(e.l);
            entry.1.push(e.r);
            if entry.2.is_none_or(|b| e.rank() < b.rank()) {
                entry.2 = Some(e);
            }
        }
        let mut out: Vec<Group> = by_root
            .into_values()
            .map(|(mut ls, mut rs, best)| {
                ls.sort_unstable();
                ls.dedup();
                rs.sort_unstable();
                rs.dedup();
                let best = best.expect("a component has an edge");
                let many = ls.len() > 1 && rs.len() > 1;
                Group {
                    left: ls,
                    right: rs,
                    basis: MatchBasis::Link {
                        relation: best.relation,
                        basis: best.basis,
                        via: best.via.clone(),
                    },
                    fixed: (loose || many).then_some(RowKind::Related),
                    removal: None,
                }
            })
            .collect();
        out.sort_by_key(|g| (g.right[0], g.left[0]));
        out
    }

    /// Identical texts, paired in order (the k-th copy on the left with the k-th on the right).
    fn exact_text(&mut self) {
        let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
        for (r, rc) in self.right.clauses.iter().enumerate() {
            if self.free_r(r) {
                by_text.entry(rc.text.as_str()).or_default().push(r);
            }
        }
        for list in by_text.values_mut() {
            list.reverse();
        }
        for l in 0..self.left.clauses.len() {
            if !self.free_l(l) {
                continue;
            }
            let text = self.left.clauses[l].text.as_str();
            if let Some(r) = by_text.get_mut(text).and_then(|v| v.pop()) {
                self.push(Group {
                    left: vec![l],
                    right: vec![r],
                    basis: MatchBasis::Similarity { score: 1.0 },
                    fixed: None,
                    removal: None,
                });
            }
        }
    }

    /// Word similarity (IDF-weighted Dice over distinct words) among candidates that share
    /// rare words, with a bonus for shared topics; matched greedily, best first.
    fn similarity(&mut self, opts: &AlignOptions) {
        let ls: Vec<usize> = (0..self.left.clauses.len())
            .filter(|&l| self.free_l(l))
            .collect();
        let rs: Vec<usize> = (0..self.right.clauses.len())
            .filter(|&r| self.free_r(r))
            .collect();
        if ls.is_empty() || rs.is_empty() {
            return;
        }
        let mut interner: HashMap<String, u32> = HashMap::new();
        let mut buf = String::new();
        let mut bag = |text: &str| -> Vec<u32> {
            let mut ids: Vec<u32> = Vec::with_capacity(48);
            let mut add = |w: &str| {
                buf.clear();
                buf.push_str(w);
                buf.make_ascii_lowercase();
                let id = match interner.get(buf.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = interner.len() as u32;
                        interner.insert(buf.clone(), id);
                        id
                    }
                };
                ids.push(id);
            };
            if text.is_ascii() {
                // Fast path: for plain ASCII, words are runs of letters and digits.
                text.split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .for_each(&mut add);
            } else {
                crate::diff::words(text).for_each(|w| add(&w));
            }
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        let lw: Vec<Vec<u32>> = ls
            .iter()
            .map(|&l| bag(&self.left.clauses[l].text))
            .collect();
        let rw: Vec<Vec<u32>> = rs
            .iter()
            .map(|&r| bag(&self.right.clauses[r].text))
            .collect();
        let nw = interner.len();
        let mut l_post: Vec<Vec<u32>> = vec![Vec::new(); nw];
        let mut r_post: Vec<Vec<u32>> = vec![Vec::new(); nw];
        for (i, ws) in lw.iter().enumerate() {
            for &w in ws {
                l_post[w as usize].push(i as u32);
            }
        }
        for (j, ws) in rw.iter().enumerate() {
            for &w in ws {
                r_post[w as usize].push(j as u32);
            }
        }
        let total = (ls.len() + rs.len()) as f32;
        let idf: Vec<f32> = (0..nw)
            .map(|w| (1.0 + total / (l_post[w].len() + r_post[w].len()) as f32).ln())
            .collect();
        let weight = |ws: &[u32]| ws.iter().map(|&w| idf[w as usize]).sum::<f32>();
        let lwt: Vec<f32> = lw.iter().map(|ws| weight(ws)).collect();
        let rwt: Vec<f32> = rw.iter().map(|ws| weight(ws)).collect();
        let score = |i: usize, j: usize| -> f32 {
            let (a, b) = (&lw[i], &rw[j]);
            let (mut x, mut y, mut shared) = (0, 0, 0.0f32);
            while x < a.len() && y < b.len() {
                match a[x].cmp(&b[y]) {
                    std::cmp::Ordering::Less => x += 1,
                    std::cmp::Ordering::Greater => y += 1,
                    std::cmp::Ordering::Equal => {
                        shared += idf[a[x] as usize];
                        x += 1;
                        y += 1;
                    }
                }
            }
            let denom = lwt[i] + rwt[j];
            if denom == 0.0 {
                0.0
            } else {
                2.0 * shared / denom
            }
        };
        let share_topic = |i: usize, j: usize| {
            let (a, b) = (&self.left.clauses[ls[i]], &self.right.clauses[rs[j]]);
            a.topics.iter().any(|t| b.topics.contains(t))
        };
        // Candidate pairs: from each side, the clauses of the other that share the most of its
        // rarest words. Both directions, so the result does not depend on which side is left.
        const RARE: usize = 8;
        let mut cands: Vec<(f32, f32, usize, usize)> = Vec::new();
        let mut counts: Vec<u16> = vec![0; ls.len().max(rs.len())];
        let mut touched: Vec<u32> = Vec::new();
        for dir in 0..2 {
            let (mine, post) = if dir == 0 {
                (&lw, &r_post)
            } else {
                (&rw, &l_post)
            };
            for (i, ws) in mine.iter().enumerate() {
                let mut rare: Vec<u32> = ws
                    .iter()
                    .copied()
                    .filter(|&w| !post[w as usize].is_empty())
                    .collect();
                rare.sort_by_key(|&w| (post[w as usize].len(), w));
                rare.truncate(RARE);
                for &w in &rare {
                    for &j in &post[w as usize] {
                        if counts[j as usize] == 0 {
                            touched.push(j);
                        }
                        counts[j as usize] += 1;
                    }
                }
                touched.sort_unstable_by_key(|&j| (std::cmp::Reverse(counts[j as usize]), j));
                // Only candidates sharing at least half as many rare words as the best one.
                let floor = touched
                    .first()
                    .map_or(0, |&j| counts[j as usize].div_ceil(2));
                for &j in touched
                    .iter()
                    .take(opts.max_candidates)
                    .take_while(|&&j| counts[j as usize] >= floor)
                {
                    let (li, rj) = if dir == 0 {
                        (i, j as usize)
                    } else {
                        (j as usize, i)
                    };
                    // Rounded, so that sums taken in another order (the word ids depend on
                    // which draft is read first) compare equal, and ties break the same way
                    // whichever draft is on the left.
                    let s = (score(li, rj) * 10_000.0).round() / 10_000.0;
                    let bonus = if share_topic(li, rj) {
                        opts.topic_bonus
                    } else {
                        0.0
                    };
                    if s + bonus >= opts.min_similarity {
                        cands.push((s + bonus, s, li, rj));
                    }
                }
                for &j in &touched {
                    counts[j as usize] = 0;
                }
                touched.clear();
            }
        }
        cands.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then((a.2 + a.3).cmp(&(b.2 + b.3)))
                .then(a.2.max(a.3).cmp(&b.2.max(b.3)))
                .then(a.2.cmp(&b.2))
        });
        for (_, s, i, j) in cands {
            let (l, r) = (ls[i], rs[j]);
            if self.l_used[l] || self.r_used[r] {
                continue;
            }
            self.push(Group {
                left: vec![l],
                right: vec![r],
                basis: MatchBasis::Similarity {
                    score: (s * 100.0).round() / 100.0,
                },
                fixed: None,
                removal: None,
            });
        }
    }

    /// For drafts of different structure: leftovers sharing a topic, grouped many to many.
    ///
    /// Per topic (in the corpus's order): the unmatched clauses of both drafts on it; when only
    /// one draft has unmatched clauses on it, they are set against all of the other draft's
    /// clauses on it (matched elsewhere or not), so a point of the 28 with no counterpart of its
    /// own still shows which Peace Formula points deal with its subject. Topics with the same
    /// clauses on both sides share a row.
    fn topics(&mut self, opts: &AlignOptions) {
        let ls: Vec<usize> = (0..self.left.clauses.len())
            .filter(|&l| self.free_l(l))
            .collect();
        let rs: Vec<usize> = (0..self.right.clauses.len())
            .filter(|&r| self.free_r(r))
            .collect();
        let (nl, nr) = (self.left.clauses.len(), self.right.clauses.len());
        let share_l = ls.len() as f32 / nl.max(1) as f32;
        let share_r = rs.len() as f32 / nr.max(1) as f32;
        if (ls.is_empty() && rs.is_empty()) || share_l.max(share_r) <= opts.topic_threshold {
            return;
        }
        let mut order: Vec<&str> = self.corpus.topics.iter().map(|t| t.id.as_str()).collect();
        let mut extra: Vec<&str> = self
            .left
            .clauses
            .iter()
            .chain(&self.right.clauses)
            .flat_map(|c| c.topics.iter().map(String::as_str))
            .filter(|t| !order.contains(t))
            .collect();
        extra.sort_unstable();
        extra.dedup();
        order.extend(extra);
        let on = |c: &Clause, t: &str| c.topics.iter().any(|x| x == t);
        let mut groups: Vec<Group> = Vec::new();
        for t in order {
            let fl: Vec<usize> = ls
                .iter()
                .copied()
                .filter(|&l| on(&self.left.clauses[l], t))
                .collect();
            let fr: Vec<usize> = rs
                .iter()
                .copied()
                .filter(|&r| on(&self.right.clauses[r], t))
                .collect();
            let (gl, gr) = match (fl.is_empty(), fr.is_empty()) {
                (true, true) => continue,
                (false, false) => (fl, fr),
                (false, true) => (
                    fl,
                    (0..nr).filter(|&r| on(&self.right.clauses[r], t)).collect(),
                ),
                (true, false) => (
                    (0..nl).filter(|&l| on(&self.left.clauses[l], t)).collect(),
                    fr,
                ),
            };
            if gl.is_empty() || gr.is_empty() {
                continue;
            }
            if let Some(g) = groups.iter_mut().find(|g| g.left == gl && g.right == gr) {
                if let MatchBasis::Topic { topics } = &mut g.basis {
                    topics.push(t.to_string());
                }
                continue;
            }
            groups.push(Group {
                left: gl,
                right: gr,
                basis: MatchBasis::Topic {
                    topics: vec![t.to_string()],
                },
                fixed: Some(RowKind::Related),
                removal: None,
            });
        }
        for g in groups {
            self.push(g);
        }
    }

    fn leftovers(&mut self) {
        for l in 0..self.left.clauses.len() {
            if self.l_used[l] {
                continue;
            }
            let removal = self.l_removal[l];
            let basis = removal.map_or(MatchBasis::None, |k| MatchBasis::Inherited {
                action: self.right.removals[k].action,
                reported: true,
            });
            self.push(Group {
                left: vec![l],
                right: vec![],
                basis,
                fixed: Some(RowKind::Dropped),
                removal,
            });
        }
        for r in 0..self.right.clauses.len() {
            if self.r_used[r] {
                continue;
            }
            let removal = self.r_removal[r];
            let basis = removal.map_or(MatchBasis::None, |k| MatchBasis::Inherited {
                action: self.left.removals[k].action,
                reported: true,
            });
            self.push(Group {
                left: vec![],
                right: vec![r],
                basis,
                fixed: Some(RowKind::Added),
                removal,
            });
        }
    }

    /// Decides kinds, marks moves, orders the rows, and computes diffs and strength flags.
    fn finish(self, guarantors: &crate::strength::Guarantors) -> Vec<Row> {
        let (left, right) = (self.left, self.right);
        let text = joined;
        let mut rows: Vec<Row> = self
            .groups
            .into_iter()
            .map(|g| {
                let kind = g.fixed.unwrap_or(match (g.left.len(), g.right.len()) {
                    (1, 1) => {
                        if left.clauses[g.left[0]].text == right.clauses[g.right[0]].text {
                            RowKind::Unchanged
                        } else {
                            RowKind::Revised
                        }
                    }
                    (1, _) => RowKind::Split,
                    (_, 1) => RowKind::Merged,
                    _ => RowKind::Related,
                });
                let bracketed = g.left.iter().any(|&i| is_bracketed(&left.clauses[i]))
                    || g.right.iter().any(|&i| is_bracketed(&right.clauses[i]));
                Row {
                    kind,
                    left: g.left,
                    right: g.right,
                    basis: g.basis,
                    diff: None,
                    strength: Vec::new(),
                    bracketed,
                    removal: g.removal,
                }
            })
            .collect();
        mark_moves(&mut rows, left, right);
        order_rows(&mut rows, left.clauses.len());
        let work = |row: &mut Row| {
            let wants_diff = match row.kind {
                RowKind::Revised | RowKind::Split | RowKind::Merged => true,
                RowKind::Moved => {
                    left.clauses[row.left[0]].text != right.clauses[row.right[0]].text
                }
                _ => false,
            };
            if wants_diff {
                let d = crate::diff::word_diff(&text(left, &row.left), &text(right, &row.right));
                row.strength = crate::strength::strength_flags_for(guarantors, &d);
                row.diff = Some(d);
            }
        };
        // Word diffs are independent: spread them over the cores for large drafts.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if threads > 1 && rows.len() >= 2_000 {
            let chunk = rows.len().div_ceil(threads);
            std::thread::scope(|scope| {
                for part in rows.chunks_mut(chunk) {
                    let work = &work;
                    scope.spawn(move || part.iter_mut().for_each(work));
                }
            });
        } else {
            rows.iter_mut().for_each(work);
        }
        rows
    }
}

/// One-to-one unchanged or revised rows that are not in every longest order-preserving chain
/// become `Moved` (a rule that does not depend on which draft is on the left). Clauses whose
/// order the data marks uncertain are never reported as moved.
fn mark_moves(rows: &mut [Row], left: &Plan, right: &Plan) {
    let mut pts: Vec<(usize, usize, usize)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            matches!(
                r.kind,
                RowKind::Unchanged | RowKind::Revised | RowKind::Unknown
            ) && r.left.len() == 1
                && r.right.len() == 1
        })
        .map(|(i, r)| (r.left[0], r.right[0], i))
        .collect();
    if pts.len() < 2 {
        return;
    }
    pts.sort_unstable();
    let seq: Vec<usize> = pts.iter().map(|p| p.1).collect();
    let f = lis_ending(&seq);
    let rev: Vec<usize> = seq.iter().rev().map(|&x| usize::MAX - x).collect();
    let mut g = lis_ending(&rev);
    g.reverse();
    let best = f.iter().copied().max().unwrap_or(0);
    let in_some: Vec<bool> = (0..seq.len()).map(|i| f[i] + g[i] - 1 == best).collect();
    let mut per_level = vec![0usize; best + 1];
    for i in 0..seq.len() {
        if in_some[i] {
            per_level[f[i]] += 1;
        }
    }
    for (i, &(l, r, row)) in pts.iter().enumerate() {
        let in_all = in_some[i] && per_level[f[i]] == 1;
        let uncertain = left.clauses[l].order_uncertain || right.clauses[r].order_uncertain;
        let row = &mut rows[row];
        if !in_all && !uncertain && row.kind != RowKind::Unknown {
            row.kind = RowKind::Moved;
        }
    }
}

/// For each position, the length of the longest strictly increasing subsequence ending there.
fn lis_ending(seq: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(seq.len());
    for &x in seq {
        let k = tails.partition_point(|&t| t < x);
        if k == tails.len() {
            tails.push(x);
        } else {
            tails[k] = x;
        }
        out.push(k + 1);
    }
    out
}

/// Rows in the right draft's order; a left-only row right after the row holding the nearest
/// earlier left clause that kept its place (or first, if none).
fn order_rows(rows: &mut Vec<Row>, n_left: usize) {
    const NONE: usize = usize::MAX;
    let mut anchor_of_left = vec![NONE; n_left];
    for r in rows.iter() {
        if r.right.is_empty() || r.kind == RowKind::Moved {
            continue;
        }
        let pos = r.right[0];
        for &l in &r.left {
            anchor_of_left[l] = anchor_of_left[l].min(pos);
        }
    }
    // For each left clause, the anchor of the nearest anchored left clause at or before it.
    let mut last = NONE;
    let mut before = vec![NONE; n_left];
    for l in 0..n_left {
        if anchor_of_left[l] != NONE {
            last = anchor_of_left[l];
        }
        before[l] = last;
    }
    let mut keyed: Vec<((usize, u8, usize, usize), Row)> = rows
        .drain(..)
        .enumerate()
        .map(|(i, r)| {
            let key = if let Some(&pos) = r.right.iter().min() {
                (pos, 1, r.left.first().copied().unwrap_or(0), i)
            } else {
                let l = r.left[0];
                match before[l] {
                    NONE => (0, 0, l, i),
                    pos => (pos, 2, l, i),
                }
            };
            (key, r)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    rows.extend(keyed.into_iter().map(|(_, r)| r));
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// A row with clause references instead of bare indices, and the removal's evidence inline:
/// the form the CLI's and the export's JSON use (see docs/json.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowReport {
    pub kind: RowKind,
    pub mark: &'static str,
    pub left: Vec<crate::analysis::ClauseRef>,
    pub right: Vec<crate::analysis::ClauseRef>,
    /// The left clauses' texts, joined by a blank line; empty for added rows.
    pub left_text: String,
    /// The right clauses' texts, joined by a blank line; empty for dropped rows.
    pub right_text: String,
    pub basis: MatchBasis,
    /// [`MatchBasis::describe`].
    pub matched_on: String,
    pub diff: Option<WordDiff>,
    pub strength: Vec<StrengthFlag>,
    pub bracketed: bool,
    pub removal: Option<crate::model::Removal>,
}

fn joined(plan: &Plan, idx: &[usize]) -> String {
    idx.iter()
        .map(|&i| plan.clauses[i].text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// An alignment with clause references, ready to serialise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignmentReport {
    pub left: String,
    pub right: String,
    pub counts: Counts,
    pub rows: Vec<RowReport>,
}

impl Alignment {
    /// The alignment with clause ids and labels, for JSON. `changes_only` leaves out
    /// unchanged rows (the counts still count them).
    pub fn report(&self, left: &Plan, right: &Plan, changes_only: bool) -> AlignmentReport {
        use crate::analysis::ClauseRef;
        AlignmentReport {
            left: self.left.clone(),
            right: self.right.clone(),
            counts: self.counts(),
            rows: self
                .rows
                .iter()
                .filter(|r| !changes_only || r.kind.is_change())
                .map(|r| RowReport {
                    kind: r.kind,
                    mark: r.kind.mark(),
                    left: r.left.iter().map(|&i| ClauseRef::new(left, i)).collect(),
                    right: r.right.iter().map(|&i| ClauseRef::new(right, i)).collect(),
                    left_text: joined(left, &r.left),
                    right_text: joined(right, &r.right),
                    basis: r.basis.clone(),
                    matched_on: r.basis.describe(),
                    diff: r.diff.clone(),
                    strength: r.strength.clone(),
                    bracketed: r.bracketed,
                    removal: r.removal.and_then(|i| {
                        let holder = if r.left.is_empty() { left } else { right };
                        holder.removals.get(i).cloned()
                    }),
                })
                .collect(),
        }
    }
}
