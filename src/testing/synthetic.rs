//! Generated pairs of drafts: a realistic edit (the default) and the adversarial shapes the
//! benchmarks time, because an engine tuned on one shape can be quadratic on another.

use super::{Rng, assess, clause, corpus, party, plan};
use crate::model::{Clause, Corpus, Effect, Firmness, Party, Plan};

const SYLLABLES: [&str; 24] = [
    "ka", "ro", "vi", "ne", "tu", "sa", "le", "mo", "di", "pra", "sto", "gen", "lar", "mi", "col",
    "ver", "an", "tis", "der", "pol", "ur", "se", "qua", "bel",
];
const COMMON: [&str; 24] = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "shall",
    "be",
    "by",
    "for",
    "on",
    "parties",
    "will",
    "with",
    "all",
    "agreement",
    "ukraine",
    "russia",
    "security",
    "forces",
    "within",
    "days",
    "that",
    "is",
];
const MODALS: [(&str, &str); 4] = [
    ("shall", "may"),
    ("will", "should"),
    ("must", "could"),
    ("guarantees", "seeks"),
];

/// How many words the tiny vocabulary has.
const TINY_WORDS: usize = 36;

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

/// Makes a vocabulary word from its rank: common words first, then pseudo-words.
fn word(rank: usize) -> String {
    if rank < COMMON.len() {
        return COMMON[rank].to_string();
    }
    let mut r = rank - COMMON.len() + 30;
    let mut w = String::new();
    while r > 0 {
        w.push_str(SYLLABLES[r % SYLLABLES.len()]);
        r /= SYLLABLES.len();
    }
    w
}

/// A roughly Zipf-distributed word rank over a 6,000-word vocabulary.
fn zipf(rng: &mut Rng) -> usize {
    let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    ((6000f64).powf(u) - 1.0) as usize
}

/// Where the words of a shape come from.
#[derive(Clone, Copy, PartialEq)]
enum Words {
    /// [`zipf`] ranks, and numbers such as `600,000`.
    Zipf,
    /// [`TINY_WORDS`] pseudo-words (no stop words, which matching would drop), no numbers.
    Tiny,
}

impl Words {
    fn pick(self, rng: &mut Rng) -> String {
        match self {
            Words::Zipf => word(zipf(rng)),
            Words::Tiny => word(COMMON.len() + rng.below(TINY_WORDS)),
        }
    }
}

fn sentence(rng: &mut Rng, words: usize, from: Words) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(if rng.chance(0.05) { ',' } else { ' ' });
            if s.ends_with(',') {
                s.push(' ');
            }
        }
        if from == Words::Zipf && rng.chance(0.04) {
            let n = (rng.below(900) + 1) * 1000;
            s.push_str(&group(n));
        } else {
            s.push_str(&from.pick(rng));
        }
    }
    s.push('.');
    s
}

/// `600000` → `"600,000"`.
fn group(n: usize) -> String {
    let d = n.to_string();
    let mut out = String::new();
    for (i, ch) in d.chars().enumerate() {
        if i > 0 && (d.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn revise(rng: &mut Rng, text: &str, from: Words) -> String {
    let mut toks: Vec<String> = text.split(' ').map(str::to_string).collect();
    let edits = 1 + rng.below(3);
    for _ in 0..edits {
        let i = rng.below(toks.len());
        match rng.below(4) {
            0 => {
                // a number changes, or appears
                let n = (rng.below(900) + 1) * 1000;
                toks[i] = group(n);
            }
            1 => {
                // a modal softens
                let (hard, soft) = MODALS[rng.below(MODALS.len())];
                toks.insert(i, if rng.chance(0.7) { soft } else { hard }.to_string());
            }
            2 => {
                toks.insert(i, "unless".to_string());
                toks.insert(i + 1, from.pick(rng));
            }
            _ => toks[i] = from.pick(rng),
        }
    }
    toks.join(" ")
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

/// A generated clause text of `words` words for the shape.
struct Texts {
    from: Words,
    /// The one clause every near-duplicate is a copy of, as words.
    base: Option<Vec<String>>,
}

impl Texts {
    fn of(shape: Shape, seed: u64) -> Texts {
        let from = if shape == Shape::TinyVocabulary {
            Words::Tiny
        } else {
            Words::Zipf
        };
        let base = (shape == Shape::NearDuplicates).then(|| {
            let mut rng = Rng::new(seed ^ 0x5EED);
            sentence(&mut rng, 40, Words::Zipf)
                .split(' ')
                .map(str::to_string)
                .collect()
        });
        Texts { from, base }
    }

    fn make(&self, rng: &mut Rng, words: usize) -> String {
        match &self.base {
            None => sentence(rng, words, self.from),
            Some(base) => {
                let mut toks = base.clone();
                let i = rng.below(toks.len());
                toks[i] = self.from.pick(rng);
                toks.join(" ")
            }
        }
    }
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
