//! The words of generated clauses: a Zipf-distributed vocabulary of common words and
//! pseudo-words (or a tiny one), sentences with grouped numbers, and the small revisions an
//! edit makes (a number changed, a modal softened, an exception added).
//!
//! Kept apart from the shapes of generated pairs in [`super`] because how a text reads is one
//! question and which clauses are kept, moved or dropped another.

use super::Shape;
use crate::testing::Rng;

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
pub(super) enum Words {
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

pub(super) fn sentence(rng: &mut Rng, words: usize, from: Words) -> String {
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

pub(super) fn revise(rng: &mut Rng, text: &str, from: Words) -> String {
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

/// A generated clause text of `words` words for the shape.
pub(super) struct Texts {
    pub(super) from: Words,
    /// The one clause every near-duplicate is a copy of, as words.
    base: Option<Vec<String>>,
}

impl Texts {
    pub(super) fn of(shape: Shape, seed: u64) -> Texts {
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

    pub(super) fn make(&self, rng: &mut Rng, words: usize) -> String {
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
