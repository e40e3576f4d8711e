//! The inverted word index the similarity pass reads: each free clause's distinct words, which
//! clauses hold each word, how rare each word is, and the score of a pair. Matches nothing.

use rustc_hash::FxHashMap as HashMap;

/// How many of a clause's rarest words pick its candidates.
const RARE: usize = 8;

/// A word held by more clauses of the other side than this picks candidates only among the
/// [`NARROW`] of them nearest the clause's own position (see [`WordIndex::shortlist`]).
const WINDOW: usize = 128;

/// How many of the clauses holding a word longer than [`WINDOW`] it counts: those nearest the
/// clause's expected place. Such a word says little about which clause is the counterpart, and
/// the counterpart of a clause that kept its place is among the nearest; counting 128 instead
/// (as this pass once did) touched four times as many clauses and found slightly fewer right
/// pairs on the generated near-duplicate and tiny-vocabulary drafts (docs/performance.md).
const NARROW: usize = 32;

/// At most this many candidates are scored for a crowded clause (one whose rarest words
/// include a word longer than [`WINDOW`]): its candidates tie on shared words by the dozen, the
/// nearest to its expected place come first, and the similarity pass keeps 12 a clause.
const CROWDED_MAX: usize = 16;

/// How much more a shared number counts than a shared word of the same rarity.
const NUMBER_WEIGHT: f32 = 1.5;

/// The words of the free clauses of both drafts; side 0 is the left draft, side 1 the right.
pub(super) struct WordIndex {
    /// Each clause's distinct word ids, sorted.
    bags: [Vec<Vec<u32>>; 2],
    /// For each word id, the clauses holding it.
    post: [Vec<Vec<u32>>; 2],
    /// Inverse document frequency of each word, over both sides.
    idf: Vec<f32>,
    /// Each clause's total word weight.
    weight: [Vec<f32>; 2],
}

/// Per-thread scratch for the candidate search, kept between clauses to spare allocations:
/// the counts of [`WordIndex::shortlist`], and one clause's words spread over a table by word
/// id ([`WordIndex::load`]) so that its overlap with each candidate is one pass over the
/// candidate's words ([`WordIndex::overlap_loaded`]) instead of a merge of two lists.
pub(super) struct Tally {
    counts: Vec<u16>,
    touched: Vec<u32>,
    /// The weight of each word of the loaded clause, zero for every other word.
    probe: Vec<f32>,
    /// The clause loaded in `probe`: (side, index).
    loaded: Option<(usize, usize)>,
}

/// What two clauses share and what each weighs (left first): their score and containment
/// are worked out from it, so one pass over their words gives both.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Overlap {
    shared: f32,
    left: f32,
    right: f32,
}

impl Overlap {
    /// IDF-weighted Dice of the two clauses.
    pub(super) fn score(self) -> f32 {
        let denom = self.left + self.right;
        if denom == 0.0 {
            0.0
        } else {
            2.0 * self.shared / denom
        }
    }

    /// How much of the left clause's weight, and of the right's, their shared words carry:
    /// near 1 for a clause whose words all reappear in the other (a part of it).
    pub(super) fn containment(self) -> (f32, f32) {
        let part = |w: f32| if w == 0.0 { 0.0 } else { self.shared / w };
        (part(self.left), part(self.right))
    }
}

/// Term ids by term ([`super::terms`]), assigned in the order terms are first met.
struct Interner {
    ids: HashMap<String, u32>,
    /// Each word token as written, with its term id (`None`: a stop word), so that each
    /// distinct word is lowercased and stemmed once however often it occurs.
    seen: HashMap<String, Option<u32>>,
    /// Whether each id is a number.
    number: Vec<bool>,
    stemmer: rust_stemmers::Stemmer,
}

impl Default for Interner {
    fn default() -> Self {
        Interner {
            ids: HashMap::default(),
            seen: HashMap::default(),
            number: Vec::new(),
            stemmer: super::terms::stemmer(),
        }
    }
}

impl Interner {
    /// The distinct term ids of a text, sorted.
    fn bag(&mut self, text: &str) -> Vec<u32> {
        let mut ids: Vec<u32> = Vec::with_capacity(48);
        super::terms::for_each_word(text, |w| {
            let id = match self.seen.get(w) {
                Some(&id) => id,
                None => {
                    let id = super::terms::term_of(w, &self.stemmer).map(|t| {
                        let next = self.ids.len() as u32;
                        *self.ids.entry(t.text).or_insert_with(|| {
                            self.number.push(t.number);
                            next
                        })
                    });
                    self.seen.insert(w.to_string(), id);
                    id
                }
            };
            ids.extend(id);
        });
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// For each word id, the bags (by position) that hold it.
fn postings(bags: &[Vec<u32>], nw: usize) -> Vec<Vec<u32>> {
    let mut post: Vec<Vec<u32>> = vec![Vec::new(); nw];
    for (i, ws) in bags.iter().enumerate() {
        for &w in ws {
            post[w as usize].push(i as u32);
        }
    }
    post
}

impl WordIndex {
    /// Indexes the texts of the left and the right free clauses (left first, so word ids are
    /// given in that order).
    pub(super) fn new(left: &[&str], right: &[&str]) -> WordIndex {
        let mut interner = Interner::default();
        let lw: Vec<Vec<u32>> = left.iter().map(|t| interner.bag(t)).collect();
        let rw: Vec<Vec<u32>> = right.iter().map(|t| interner.bag(t)).collect();
        let nw = interner.ids.len();
        let post = [postings(&lw, nw), postings(&rw, nw)];
        let total = (left.len() + right.len()) as f32;
        // A number two clauses share ("600,000", "100 days") is a strong anchor: it weighs as
        // much as half again a word of the same rarity.
        let idf: Vec<f32> = (0..nw)
            .map(|w| {
                let rarity = (1.0 + total / (post[0][w].len() + post[1][w].len()) as f32).ln();
                if interner.number[w] {
                    rarity * NUMBER_WEIGHT
                } else {
                    rarity
                }
            })
            .collect();
        let weight = |ws: &[u32]| ws.iter().map(|&w| idf[w as usize]).sum::<f32>();
        let lwt: Vec<f32> = lw.iter().map(|ws| weight(ws)).collect();
        let rwt: Vec<f32> = rw.iter().map(|ws| weight(ws)).collect();
        WordIndex {
            bags: [lw, rw],
            post,
            idf,
            weight: [lwt, rwt],
        }
    }

    /// How many clauses a side has.
    pub(super) fn len(&self, side: usize) -> usize {
        self.bags[side].len()
    }

    /// The total word weights of left clause `i` and right clause `j`.
    pub(super) fn weights(&self, i: usize, j: usize) -> (f32, f32) {
        (self.weight[0][i], self.weight[1][j])
    }

    /// A scratch [`Tally`] for this index.
    pub(super) fn tally(&self) -> Tally {
        Tally {
            counts: vec![0; self.len(0).max(self.len(1))],
            touched: Vec::new(),
            probe: vec![0.0; self.idf.len()],
            loaded: None,
        }
    }

    /// IDF-weighted Dice of left clause `i` and right clause `j` over their distinct words.
    pub(super) fn score(&self, i: usize, j: usize) -> f32 {
        self.overlap(i, j).score()
    }

    /// What left clause `i` and right clause `j` share, by merging their word lists.
    pub(super) fn overlap(&self, i: usize, j: usize) -> Overlap {
        let (a, b) = (&self.bags[0][i], &self.bags[1][j]);
        let (mut x, mut y, mut shared) = (0, 0, 0.0f32);
        while x < a.len() && y < b.len() {
            match a[x].cmp(&b[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.idf[a[x] as usize];
                    x += 1;
                    y += 1;
                }
            }
        }
        Overlap {
            shared,
            left: self.weight[0][i],
            right: self.weight[1][j],
        }
    }

    /// Loads clause `i` of side `side` into `t`, for [`WordIndex::overlap_loaded`].
    pub(super) fn load(&self, side: usize, i: usize, t: &mut Tally) {
        if let Some((s, k)) = t.loaded.take() {
            for &w in &self.bags[s][k] {
                t.probe[w as usize] = 0.0;
            }
        }
        for &w in &self.bags[side][i] {
            t.probe[w as usize] = self.idf[w as usize];
        }
        t.loaded = Some((side, i));
    }

    /// What the clause loaded in `t` shares with clause `j` of the other side: the same value,
    /// bit for bit, as [`WordIndex::overlap`] — the shared words' weights are added in the same
    /// order (increasing word id), and the words not shared add an exact zero.
    pub(super) fn overlap_loaded(&self, t: &Tally, j: usize) -> Overlap {
        let (side, i) = t.loaded.expect("a clause is loaded");
        let mut shared = 0.0f32;
        for &w in &self.bags[1 - side][j] {
            shared += t.probe[w as usize];
        }
        let (li, rj) = if side == 0 { (i, j) } else { (j, i) };
        Overlap {
            shared,
            left: self.weight[0][li],
            right: self.weight[1][rj],
        }
    }

    /// The clauses of the other side that share the most of clause `i`'s rarest words, most
    /// shared first, at most `max` of them.
    ///
    /// The work per clause is bounded, whatever the drafts: a rare word held by more than
    /// [`WINDOW`] clauses of the other side (near-duplicate clauses, a tiny vocabulary) counts
    /// only for the [`NARROW`] of them nearest to where clause `i` would sit there if both
    /// drafts kept one order (`centre`, a position in the other side's list: [`super::place`]);
    /// such a clause is crowded, keeps at most [`CROWDED_MAX`] candidates, and among those
    /// sharing as many rare words prefers the nearest to `centre`. The best are selected, not
    /// sorted out of all those touched. On drafts where every such word is held by fewer
    /// clauses, nothing is left out and the order is the draft's.
    pub(super) fn shortlist(
        &self,
        side: usize,
        i: usize,
        centre: u32,
        max: usize,
        t: &mut Tally,
    ) -> Vec<u32> {
        let post = &self.post[1 - side];
        let mut rare: Vec<u32> = self.bags[side][i]
            .iter()
            .copied()
            .filter(|&w| !post[w as usize].is_empty())
            .collect();
        // The RARE rarest, in order; the key is unique (the word id breaks ties), so selecting
        // them first gives the same words as sorting all.
        let rarity = |&w: &u32| (post[w as usize].len(), w);
        if rare.len() > RARE {
            rare.select_nth_unstable_by_key(RARE - 1, rarity);
            rare.truncate(RARE);
        }
        rare.sort_unstable_by_key(rarity);
        // Crowded: even one of the clause's rarest words is too common to tell its clauses apart.
        let crowded = rare.iter().any(|&w| post[w as usize].len() > WINDOW);
        for &w in &rare {
            for &j in near(&post[w as usize], centre) {
                if t.counts[j as usize] == 0 {
                    t.touched.push(j);
                }
                t.counts[j as usize] += 1;
            }
        }
        let max = if crowded { max.min(CROWDED_MAX) } else { max };
        let counts = &t.counts;
        // Among clauses sharing as many rare words, a crowded clause takes those nearest its
        // expected place first (the order prior); otherwise the first in draft order, as always.
        let key = |&j: &u32| {
            let away = if crowded { j.abs_diff(centre) } else { 0 };
            (std::cmp::Reverse(counts[j as usize]), away, j)
        };
        let mut best = &mut t.touched[..];
        if best.len() > max && max > 0 {
            best.select_nth_unstable_by_key(max - 1, key);
            best = &mut best[..max];
        }
        best.sort_unstable_by_key(key);
        // Only candidates sharing at least half as many rare words as the best one, and at
        // least two when the clause has two: one shared rare word is a coincidence.
        let floor = best
            .first()
            .map_or(0, |&j| counts[j as usize].div_ceil(2))
            .max(rare.len().min(2) as u16);
        let out: Vec<u32> = best
            .iter()
            .copied()
            .take(max)
            .take_while(|&j| counts[j as usize] >= floor)
            .collect();
        for &j in &t.touched {
            t.counts[j as usize] = 0;
        }
        t.touched.clear();
        out
    }
}

/// The clauses of a posting list (sorted) to count: all of them, or, for a list longer than
/// [`WINDOW`], the [`NARROW`] nearest to `centre`.
fn near(list: &[u32], centre: u32) -> &[u32] {
    if list.len() <= WINDOW {
        return list;
    }
    let at = list.partition_point(|&j| j < centre);
    let start = at.saturating_sub(NARROW / 2).min(list.len() - NARROW);
    &list[start..start + NARROW]
}

#[cfg(test)]
mod tests;
