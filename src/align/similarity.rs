//! The text passes: identical texts paired in order, then word similarity among candidates found
//! through an inverted word index, best pairs first.

use super::AlignOptions;
use super::MatchBasis;
use super::matcher::{Group, Matcher};
use std::collections::HashMap;

impl Matcher<'_> {
    /// Identical texts, paired in order (the k-th copy on the left with the k-th on the right).
    pub(super) fn exact_text(&mut self) {
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
    pub(super) fn similarity(&mut self, opts: &AlignOptions) {
        let (ls, rs) = self.free_clauses();
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
                // Only candidates sharing at least half as many rare words as the best one, and
                // at least two when the clause has two: one shared rare word is a coincidence.
                let floor = touched
                    .first()
                    .map_or(0, |&j| counts[j as usize].div_ceil(2))
                    .max(rare.len().min(2) as u16);
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
                    // The score cannot beat the lighter clause's share of the total weight.
                    let (wa, wb) = (lwt[li], rwt[rj]);
                    if wa + wb > 0.0
                        && 2.0 * wa.min(wb) / (wa + wb) + opts.topic_bonus < opts.min_similarity
                    {
                        continue;
                    }
                    let s = (score(li, rj) * 10_000.0).round() / 10_000.0;
                    if s + opts.topic_bonus < opts.min_similarity {
                        continue;
                    }
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
}
