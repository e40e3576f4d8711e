//! The links pass: links written in the data, read from both drafts (and through the base a
//! derived clause inherits), joined into one-to-one, split, merged or related groups.

use super::matcher::{Group, Matcher, anchors};
use super::{MatchBasis, RowKind};
use crate::model::{Clause, Corpus, Link, LinkBasis, Plan, Relation};
use rustc_hash::FxHashMap as HashMap;

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

impl Matcher<'_> {
    /// Links written on either side (or on the base clause a derived clause inherits).
    pub(super) fn links(&mut self) {
        let (left, right) = (self.left, self.right);
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
        let edges = self.edges();
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

    /// The best edge for each pair of free clauses a link joins, ordered by left then right.
    fn edges(&self) -> Vec<Edge> {
        let (corpus, left, right) = (self.corpus, self.left, self.right);
        let l_free: Vec<bool> = (0..left.clauses.len()).map(|l| self.free_l(l)).collect();
        let r_free: Vec<bool> = (0..right.clauses.len()).map(|r| self.free_r(r)).collect();
        let mut edges: HashMap<(usize, usize), Edge> = HashMap::default();
        // Left to right before right to left: of two edges of equal rank, the first found stays.
        let forward = hits(corpus, left, &l_free, right, &r_free)
            .into_iter()
            .map(|h| (h.from, h.to, h));
        let backward = hits(corpus, right, &r_free, left, &l_free)
            .into_iter()
            .map(|h| (h.to, h.from, h));
        for (l, r, hit) in forward.chain(backward) {
            let e = Edge {
                l,
                r,
                relation: hit.link.relation,
                basis: hit.link.basis,
                via: hit.via,
            };
            edges
                .entry((l, r))
                .and_modify(|old| {
                    if e.rank() < old.rank() {
                        *old = e.clone();
                    }
                })
                .or_insert(e);
        }
        let mut edges: Vec<Edge> = edges.into_values().collect();
        edges.sort_by_key(|e| (e.l, e.r));
        edges
    }

    /// Connected components of link edges, each a group (1-1, split, merge or many-to-many).
    fn components(&self, edges: &[Edge], loose: bool) -> Vec<Group> {
        let nl = self.left.clauses.len();
        let mut uf = UnionFind::new(nl + self.right.clauses.len());
        for e in edges {
            uf.union(e.l, nl + e.r);
        }
        type Component<'e> = (Vec<usize>, Vec<usize>, Option<&'e Edge>);
        let mut by_root: HashMap<usize, Component> = HashMap::default();
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
                // Clauses linked only as opposing positions are on one matter, but neither
                // revises the other: a word diff between them says nothing.
                let opposed = best.relation == Relation::Opposes;
                Group {
                    left: ls,
                    right: rs,
                    basis: MatchBasis::Link {
                        relation: best.relation,
                        basis: best.basis,
                        via: best.via.clone(),
                    },
                    fixed: (loose || many || opposed).then_some(RowKind::Related),
                    removal: None,
                }
            })
            .collect();
        out.sort_by_key(|g| (g.right[0], g.left[0]));
        out
    }
}

/// A link spoken by a clause of one draft that hits a clause of the other.
struct Hit<'p> {
    from: usize,
    to: usize,
    link: &'p Link,
    via: Option<String>,
}

/// One direction of the links pass: the links of `from`'s free clauses, looked up among the
/// anchors of `to`'s free clauses, in clause order.
fn hits<'p>(
    corpus: &'p Corpus,
    from: &'p Plan,
    from_free: &[bool],
    to: &Plan,
    to_free: &[bool],
) -> Vec<Hit<'p>> {
    let to_anchor = anchors(to);
    let mut out = Vec::new();
    for (f, fc) in from.clauses.iter().enumerate() {
        if !from_free[f] {
            continue;
        }
        for (link, via) in spoken(corpus, fc) {
            let Some(ts) = to_anchor.get(&(link.plan.as_str(), link.clause.as_str())) else {
                continue;
            };
            for &t in ts.iter().filter(|&&t| to_free[t]) {
                out.push(Hit {
                    from: f,
                    to: t,
                    link,
                    via: via.clone().or_else(|| via_of(to, t, &link.plan)),
                });
            }
        }
    }
    out
}

/// The links a clause speaks with: its own, and its base clause's (read via the base).
fn spoken<'p>(corpus: &'p Corpus, c: &'p Clause) -> Vec<(&'p Link, Option<String>)> {
    let mut out: Vec<(&Link, Option<String>)> = c.links.iter().map(|l| (l, None)).collect();
    if let Some(h) = &c.inherited
        && let Some(bc) = corpus
            .plan(&h.base_plan)
            .and_then(|p| p.clause(&h.base_clause))
    {
        out.extend(bc.links.iter().map(|l| (l, Some(h.base_plan.clone()))));
    }
    out
}

/// The anchor a link hits is "via" a base when it is not the clause's own.
fn via_of(plan: &Plan, idx: usize, target_plan: &str) -> Option<String> {
    (target_plan != plan.id).then(|| {
        plan.clauses[idx]
            .inherited
            .as_ref()
            .map(|h| h.base_plan.clone())
            .unwrap_or_default()
    })
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
