//! Generated pairs of drafts: a realistic edit (the default) and the adversarial shapes the
//! benchmarks time, because an engine tuned on one shape can be quadratic on another.

mod words;

use super::{Rng, assess, clause, corpus, party, plan};
use crate::model::{Clause, Corpus, Effect, Firmness, Party, Plan};
use words::{Texts, Words, revise, sentence};

/// The synthetic topics.
pub const SYNTHETIC_TOPICS: [&str; 12] = [
    "territory",
    "military-limits",
    "security-guarantees",
    "nato",
    "sanctions",
    "reconstruction",
    "humanitarian",
    "nuclear",
    "elections",
    "language-religion",
    "ceasefire",
    "justice",
];

/// The shape of a generated pair. Every shape but `Unrelated` makes the right draft an edit of
/// the left one (~70% of clauses kept, ~15% revised, ~5% dropped, ~5% moved, ~5% added).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Clauses of 30–50 words from a Zipf-distributed vocabulary of 6,000 words with numbers.
    Realistic,
    /// Every clause is one 40-word clause with one word changed: the words of that clause are
    /// shared by almost every clause, so they do not narrow the search.
    NearDuplicates,
    /// Clauses of 30–50 words from a vocabulary of 36 words: every clause shares most of its
    /// words with most others.
    TinyVocabulary,
    /// The right draft generated apart from the left one: almost nothing matches.
    Unrelated,
    /// The realistic edit, then the right draft's clauses in random order.
    Shuffled,
    /// The realistic edit with the middle clause of the left draft, and its counterpart on the
    /// right, made about `bytes` long.
    LongClause { bytes: usize },
}

impl std::str::FromStr for Shape {
    type Err = String;

    /// `realistic`, `near-duplicates`, `tiny-vocabulary`, `unrelated`, `shuffled`, or
    /// `long:BYTES`.
    fn from_str(s: &str) -> Result<Shape, String> {
        Ok(match s {
            "realistic" => Shape::Realistic,
            "near-duplicates" => Shape::NearDuplicates,
            "tiny-vocabulary" => Shape::TinyVocabulary,
            "unrelated" => Shape::Unrelated,
            "shuffled" => Shape::Shuffled,
            _ => match s.strip_prefix("long:").map(str::parse) {
                Some(Ok(bytes)) => Shape::LongClause { bytes },
                _ => {
                    return Err(format!(
                        "unknown shape {s:?}: realistic, near-duplicates, tiny-vocabulary, \
                         unrelated, shuffled or long:BYTES"
                    ));
                }
            },
        })
    }
}

/// Generates two drafts, `syn-a` and `syn-b`, of about `n` clauses of about 40 words each.
/// `syn-b` is `syn-a` with ~70% of clauses kept, ~15% revised, ~5% dropped, ~5% moved and
/// ~5% new clauses added. One party `ua` has 20 red lines, assessed on ~5% of clauses.
pub fn synthetic(n: usize, seed: u64) -> Corpus {
    shaped(Shape::Realistic, n, seed)
}

/// Like [`synthetic`], in the given shape.
pub fn shaped(shape: Shape, n: usize, seed: u64) -> Corpus {
    let (a, b, ua) = shaped_parts(shape, n, seed);
    corpus(vec![ua], vec![a, b])
}

/// The party `ua` with its 20 red lines, and their ids.
fn red_lines() -> (Party, Vec<String>) {
    let lines: Vec<(String, Firmness)> = (0..20)
        .map(|i| {
            let f = [
                Firmness::HardLegal,
                Firmness::HardDeclared,
                Firmness::Firm,
                Firmness::Preference,
            ][i % 4];
            (format!("ua-line-{i}"), f)
        })
        .collect();
    let line_refs: Vec<(&str, Firmness)> = lines.iter().map(|(s, f)| (s.as_str(), *f)).collect();
    let ua = party("ua", "Ukraine", &line_refs);
    (ua, lines.into_iter().map(|(id, _)| id).collect())
}

/// `n` clauses with ids counting from `first`, each with one or two topics and, on ~5%, an
/// assessment of one of `lines`.
fn clauses(rng: &mut Rng, texts: &Texts, n: usize, first: usize, lines: &[String]) -> Vec<Clause> {
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let t1 = SYNTHETIC_TOPICS[rng.below(SYNTHETIC_TOPICS.len())];
        let t2 = SYNTHETIC_TOPICS[rng.below(SYNTHETIC_TOPICS.len())];
        let words = 30 + rng.below(21);
        let mut c = clause(&(first + i).to_string(), &texts.make(rng, words), &[t1]);
        if t2 != t1 && rng.chance(0.3) {
            c.topics.push(t2.to_string());
        }
        if rng.chance(0.05) {
            let effect = [Effect::Crosses, Effect::Partial, Effect::Meets][rng.below(3)];
            c.assessments
                .push(assess("ua", effect, &lines[rng.below(lines.len())]));
        }
        out.push(c);
    }
    out
}

/// A realistic edit of `left`: kept, revised, dropped, moved further down, and new clauses
/// (numbered from `*next_new` on, which is advanced).
fn edit(
    rng: &mut Rng,
    texts: &Texts,
    left: &[Clause],
    lines: &[String],
    next_new: &mut usize,
) -> Vec<Clause> {
    let mut right: Vec<Clause> = Vec::with_capacity(left.len() + left.len() / 20);
    let mut moved: Vec<Clause> = Vec::new();
    for c in left {
        let roll = rng.below(100);
        let mut nc = c.clone();
        nc.assessments.clear();
        if rng.chance(0.05) {
            let effect = [Effect::Crosses, Effect::Partial, Effect::Meets][rng.below(3)];
            nc.assessments
                .push(assess("ua", effect, &lines[rng.below(lines.len())]));
        }
        match roll {
            0..70 => right.push(nc),
            70..85 => {
                nc.text = revise(rng, &c.text, texts.from);
                right.push(nc);
            }
            85..90 => {} // dropped
            90..95 => moved.push(nc),
            _ => {
                right.push(nc);
                let words = 30 + rng.below(21);
                let t = SYNTHETIC_TOPICS[rng.below(SYNTHETIC_TOPICS.len())];
                right.push(clause(&next_new.to_string(), &texts.make(rng, words), &[t]));
                *next_new += 1;
            }
        }
        // moved clauses land some way further on
        if !moved.is_empty() && rng.chance(0.02) {
            right.push(moved.remove(0));
        }
    }
    right.append(&mut moved);
    right
}

pub(super) fn shaped_parts(shape: Shape, n: usize, seed: u64) -> (Plan, Plan, Party) {
    let mut rng = Rng::new(seed);
    let (ua, lines) = red_lines();
    let texts = Texts::of(shape, seed);
    let left = clauses(&mut rng, &texts, n, 1, &lines);
    let mut next_new = n + 1;
    let mut right = if shape == Shape::Unrelated {
        let mut other = Rng::new(seed ^ 0xD1FF);
        clauses(&mut other, &texts, n, n + 1, &lines)
    } else {
        edit(&mut rng, &texts, &left, &lines, &mut next_new)
    };
    let mut left = left;
    match shape {
        Shape::Shuffled => {
            for i in (1..right.len()).rev() {
                right.swap(i, rng.below(i + 1));
            }
        }
        Shape::LongClause { bytes } => lengthen(&mut rng, &mut left, &mut right, n / 2, bytes),
        _ => {}
    }
    let a = plan("syn-a", (2025, 1, 1), left);
    let b = plan("syn-b", (2025, 6, 1), right);
    (a, b, ua)
}

/// Makes left clause `at` about `bytes` long, and its counterpart on the right (the clause with
/// its id, if the edit kept it) the same text with a few words revised.
fn lengthen(rng: &mut Rng, left: &mut [Clause], right: &mut [Clause], at: usize, bytes: usize) {
    let Some(c) = left.get_mut(at) else {
        return;
    };
    let mut text = String::with_capacity(bytes + 400);
    while text.len() < bytes {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&sentence(rng, 40, Words::Zipf));
    }
    if let Some(rc) = right.iter_mut().find(|r| r.id == c.id) {
        rc.text = revise(rng, &text, Words::Zipf);
    }
    c.text = text;
}

/// Drafts `d0001`, `d0002`, … of `clauses` clauses each (realistic words), each an edit of the
/// one before, with the party `ua`.
pub(super) fn chain(drafts: usize, n: usize, seed: u64) -> (Vec<Plan>, Party) {
    let mut rng = Rng::new(seed);
    let (ua, lines) = red_lines();
    let texts = Texts::of(Shape::Realistic, seed);
    let mut current = clauses(&mut rng, &texts, n, 1, &lines);
    let mut next_new = n + 1;
    let mut plans = Vec::with_capacity(drafts);
    for k in 0..drafts {
        if k > 0 {
            current = edit(&mut rng, &texts, &current, &lines, &mut next_new);
        }
        let date = (
            2000 + (k / 300) as u16,
            1 + ((k / 25) % 12) as u8,
            1 + (k % 25) as u8,
        );
        plans.push(plan(&format!("d{:04}", k + 1), date, current.clone()));
    }
    (plans, ua)
}
