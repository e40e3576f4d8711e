//! Commitment strength: did a revised clause get weaker or stronger, not only different?
//!
//! These are heuristics over the two texts of a revised row (English wording). Each compares how
//! often something occurs in the old and the new text, so a flag's evidence is exactly the words
//! that came or went. They catch:
//!
//! - **numbers**: a number (`600,000`, `1.5`, `600 000` with a no-break space) that disappeared
//!   paired, in order, with one that appeared: `increased` or `decreased`; a number only removed
//!   or only added is reported as `changed`. Which way is "weaker" depends on the clause (a
//!   higher army cap is a weaker limit), so numbers say up or down, not weaker or stronger.
//! - **deadlines**: a number or number word (`one` … `hundred`) followed by a time unit (`hours`,
//!   `days`, `weeks`, `months`, `years`), and `immediately`. Paired like numbers and compared in
//!   days: `increased` (extended) or `decreased` (shortened); one that vanished is `weaker`, one
//!   that appeared `stronger`. Their numbers are not also reported as numbers.
//! - **modals**: binding wording (`will`, `shall`, `must`, `is/are obliged to`, `is/are required
//!   to`, `is bound to`, `commits to`, `undertakes to`, `guarantees`) going while permissive or
//!   aspirational wording (`may`, `should`, `could`, `might`, `can`, `seeks to`, `aims to`,
//!   `intends to`, `is/are expected to`, `will endeavour`, `will consider`) comes is `weaker`
//!   (softened); the reverse is `stronger` (hardened).
//! - **conditions**: `if`, `unless`, `provided`, `providing`, `subject to`, `conditional`,
//!   `conditioned`, `contingent`, `only if`, `only after`, `in the event`, `on condition`. Added is
//!   `weaker` (the commitment now depends on something); removed is `stronger`.
//! - **guarantors**: in a clause about guaranteeing (either text has `guarantee(s/d)`,
//!   `guarantor(s)`, `enforce`, `monitor` or `backstop`), a party of the corpus (name or short
//!   label) or a common guarantor (`NATO`, `EU`, `UN`, `United States`/`US`/`USA`, `Europe`, `UK`,
//!   `France`, `Germany`, `Turkey`) that appeared (`stronger`), disappeared (`weaker`), or both
//!   (`changed`). Aliases of one name count as one; all-capital names match case-sensitively, so
//!   "us" is not the US.
//!
//! What they miss: negation ("will not" → "may not" reads as a softened modal), scope (which
//! commitment a condition or a deadline belongs to), wording outside these lists, other
//! languages, and whether a named party is a guarantor or only mentioned (a belligerent named in
//! a guarantee clause counts). Each flag carries its evidence so that a reader can judge it.

use crate::diff::WordDiff;
use crate::model::Corpus;
use serde::Serialize;
use std::borrow::Cow;

/// What kind of commitment change a flag reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    Number,
    Deadline,
    Modal,
    Condition,
    Guarantor,
}

impl FlagKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::Number => "number",
            FlagKind::Deadline => "deadline",
            FlagKind::Modal => "modal",
            FlagKind::Condition => "condition",
            FlagKind::Guarantor => "guarantor",
        }
    }
}

/// Which way the change went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shift {
    /// A number went up.
    Increased,
    /// A number went down.
    Decreased,
    /// A commitment got weaker (modal softened, condition added, guarantor or deadline removed).
    Weaker,
    /// A commitment got stronger (modal hardened, condition removed, guarantor or deadline added).
    Stronger,
    /// Something changed without a clear direction (a deadline moved in a non-numeric way, a
    /// guarantor replaced by another).
    Changed,
}

impl Shift {
    pub fn as_str(self) -> &'static str {
        match self {
            Shift::Increased => "increased",
            Shift::Decreased => "decreased",
            Shift::Weaker => "weaker",
            Shift::Stronger => "stronger",
            Shift::Changed => "changed",
        }
    }
    /// A one-character mark for narrow columns: "↑", "↓", "▽" (weaker), "△" (stronger), "≠".
    pub fn mark(self) -> &'static str {
        match self {
            Shift::Increased => "↑",
            Shift::Decreased => "↓",
            Shift::Weaker => "▽",
            Shift::Stronger => "△",
            Shift::Changed => "≠",
        }
    }
}

/// One commitment-strength finding on a revised clause, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrengthFlag {
    pub kind: FlagKind,
    pub shift: Shift,
    /// The evidence tokens (or short phrases) from the old text.
    pub removed: Vec<String>,
    /// The evidence tokens (or short phrases) from the new text.
    pub added: Vec<String>,
    /// A one-line description ("number increased: 600,000 → 800,000").
    pub summary: String,
}

/// The flags for a revised clause, given its word diff, with guarantor names from the corpus's
/// parties. Empty when nothing of the kinds above changed.
pub fn strength_flags(corpus: &Corpus, diff: &WordDiff) -> Vec<StrengthFlag> {
    strength_flags_for(&Guarantors::from_corpus(corpus), diff)
}

/// As [`strength_flags`], with an explicit list of guarantor names (in addition to the
/// built-in common ones). An entry may give aliases separated by `|` ("United States|US").
pub fn strength_flags_with(guarantors: &[&str], diff: &WordDiff) -> Vec<StrengthFlag> {
    strength_flags_for(&Guarantors::new(guarantors), diff)
}

/// The names looked for as guarantors, prepared once for many clauses.
#[derive(Debug, Clone)]
pub struct Guarantors {
    /// Alias groups ("United States", "US", "USA", "America").
    groups: Vec<Vec<Name>>,
}

#[derive(Debug, Clone)]
struct Name {
    shown: String,
    /// All capitals, one word: matched case-sensitively ("US", not "us").
    acronym: bool,
    lower: Vec<String>,
}

impl Name {
    fn new(s: &str) -> Name {
        let words: Vec<&str> = s.split_whitespace().collect();
        Name {
            shown: s.to_string(),
            acronym: words.len() == 1 && s.chars().all(|c| c.is_uppercase()),
            lower: words.iter().map(|w| w.to_lowercase()).collect(),
        }
    }
}

impl Guarantors {
    /// The built-in common guarantors and `extra` names (aliases separated by `|`); groups that
    /// share an alias are merged.
    pub fn new(extra: &[&str]) -> Guarantors {
        let mut groups: Vec<Vec<String>> = COMMON_GUARANTORS
            .iter()
            .map(|g| g.split('|').map(str::to_string).collect())
            .collect();
        for e in extra {
            let aliases: Vec<String> = e
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect();
            match groups
                .iter_mut()
                .find(|g| g.iter().any(|x| aliases.contains(x)))
            {
                Some(g) => {
                    for a in aliases {
                        if !g.contains(&a) {
                            g.push(a);
                        }
                    }
                }
                None if !aliases.is_empty() => groups.push(aliases),
                None => {}
            }
        }
        Guarantors {
            groups: groups
                .iter()
                .map(|g| g.iter().map(|n| Name::new(n)).collect())
                .collect(),
        }
    }

    /// The built-in names and each party of the corpus (name and short label).
    pub fn from_corpus(corpus: &Corpus) -> Guarantors {
        let names: Vec<String> = corpus
            .parties
            .iter()
            .map(|p| format!("{}|{}", p.name, p.short))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        Guarantors::new(&names)
    }
}

/// As [`strength_flags`], with prepared guarantor names.
pub fn strength_flags_for(guarantors: &Guarantors, diff: &WordDiff) -> Vec<StrengthFlag> {
    if diff.is_unchanged() {
        return Vec::new();
    }
    let (old_text, new_text) = (diff.old_text(), diff.new_text());
    let old = Words::new(&old_text);
    let new = Words::new(&new_text);
    let mut flags = Vec::new();
    deadlines_and_numbers(&old, &new, &mut flags);
    modals(&old, &new, &mut flags);
    conditions(&old, &new, &mut flags);
    guarantor_flags(guarantors, &old, &new, &mut flags);
    flags
}

/// A text's word tokens, as written (less a possessive `'s`) and lowercased, with the
/// positions sorted by word for lookups.
struct Words<'a> {
    raw: Vec<&'a str>,
    low: Vec<Cow<'a, str>>,
    order: Vec<u32>,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Words<'a> {
        let raw: Vec<&str> = crate::diff::tokens(text)
            .filter(|t| crate::diff::is_word(t))
            .map(|t| {
                t.strip_suffix("'s")
                    .or_else(|| t.strip_suffix("’s"))
                    .unwrap_or(t)
            })
            .collect();
        let low: Vec<Cow<str>> = raw
            .iter()
            .map(|w| {
                if w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                {
                    Cow::Borrowed(*w)
                } else {
                    Cow::Owned(w.to_lowercase())
                }
            })
            .collect();
        let mut order: Vec<u32> = (0..low.len() as u32).collect();
        order.sort_by(|&a, &b| low[a as usize].cmp(&low[b as usize]).then(a.cmp(&b)));
        Words { raw, low, order }
    }
    /// Positions of a lowercase word.
    fn at(&self, word: &str) -> &[u32] {
        let lo = self
            .order
            .partition_point(|&i| self.low[i as usize].as_ref() < word);
        let hi = lo + self.order[lo..].partition_point(|&i| self.low[i as usize].as_ref() == word);
        &self.order[lo..hi]
    }
    fn count(&self, phrase: &str) -> usize {
        let mut parts = phrase.split(' ');
        let first = parts.next().unwrap_or_default();
        let starts = self.at(first);
        if !phrase.contains(' ') {
            return starts.len();
        }
        starts
            .iter()
            .filter(|&&i| {
                parts
                    .clone()
                    .enumerate()
                    .all(|(k, w)| self.low.get(i as usize + 1 + k).is_some_and(|x| x == w))
            })
            .count()
    }
    fn has(&self, word: &str) -> bool {
        !self.at(word).is_empty()
    }
}

/// Items of `a` not matched by an equal item of `b` (multiset difference), in `a`'s order.
fn minus<T: PartialEq + Clone>(a: &[T], b: &[T]) -> Vec<T> {
    let mut left: Vec<Option<&T>> = b.iter().map(Some).collect();
    a.iter()
        .filter(
            |x| match left.iter_mut().find(|y| y.is_some_and(|y| y == *x)) {
                Some(slot) => {
                    *slot = None;
                    false
                }
                None => true,
            },
        )
        .cloned()
        .collect()
}

const NUMBER_WORDS: [(&str, f64); 20] = [
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
];

const UNITS: [(&str, f64); 10] = [
    ("hour", 1.0 / 24.0),
    ("hours", 1.0 / 24.0),
    ("day", 1.0),
    ("days", 1.0),
    ("week", 7.0),
    ("weeks", 7.0),
    ("month", 30.0),
    ("months", 30.0),
    ("year", 365.0),
    ("years", 365.0),
];

fn number_value(word: &str) -> Option<f64> {
    if crate::diff::is_number(word) {
        return word.replace(',', "").parse().ok();
    }
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, v)| *v)
}

fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v}")
    } else {
        format!("{v:.1}")
    }
}

/// A deadline phrase: the words as written ("100 days") and its length in days.
#[derive(Clone, PartialEq)]
struct Deadline {
    text: String,
    days: f64,
}

/// Deadlines ("100 days", "six months", "immediately") and the positions of the number words
/// they use; and the other numbers, as written.
fn scan(w: &Words) -> (Vec<Deadline>, Vec<String>) {
    let mut deadlines = Vec::new();
    let mut used = vec![false; w.low.len()];
    #[allow(clippy::needless_range_loop)] // looks ahead to the word after `i`
    for i in 0..w.low.len() {
        if w.low[i] == "immediately" {
            deadlines.push(Deadline {
                text: w.raw[i].to_string(),
                days: 0.0,
            });
            continue;
        }
        let Some(n) = number_value(&w.low[i]) else {
            continue;
        };
        if let Some(unit) = w
            .low
            .get(i + 1)
            .and_then(|u| UNITS.iter().find(|(x, _)| x == u))
        {
            deadlines.push(Deadline {
                text: format!("{} {}", w.raw[i], w.raw[i + 1]),
                days: n * unit.1,
            });
            used[i] = true;
        }
    }
    let numbers = (0..w.low.len())
        .filter(|&i| !used[i] && crate::diff::is_number(w.raw[i]))
        .map(|i| w.raw[i].to_string())
        .collect();
    (deadlines, numbers)
}

fn deadlines_and_numbers(old: &Words, new: &Words, flags: &mut Vec<StrengthFlag>) {
    let (od, on) = scan(old);
    let (nd, nn) = scan(new);
    // Deadlines.
    let gone = minus(&od, &nd);
    let came = minus(&nd, &od);
    let pairs = gone.len().min(came.len());
    for k in 0..pairs {
        let (a, b) = (&gone[k], &came[k]);
        let shift = if b.days > a.days {
            Shift::Increased
        } else if b.days < a.days {
            Shift::Decreased
        } else {
            Shift::Changed
        };
        let verb = match shift {
            Shift::Increased => "deadline extended",
            Shift::Decreased => "deadline shortened",
            _ => "deadline reworded",
        };
        flags.push(StrengthFlag {
            kind: FlagKind::Deadline,
            shift,
            removed: vec![a.text.clone()],
            added: vec![b.text.clone()],
            summary: format!("{verb}: {} → {}", a.text, b.text),
        });
    }
    for a in &gone[pairs..] {
        flags.push(StrengthFlag {
            kind: FlagKind::Deadline,
            shift: Shift::Weaker,
            removed: vec![a.text.clone()],
            added: vec![],
            summary: format!("deadline vanished: {}", a.text),
        });
    }
    for b in &came[pairs..] {
        flags.push(StrengthFlag {
            kind: FlagKind::Deadline,
            shift: Shift::Stronger,
            removed: vec![],
            added: vec![b.text.clone()],
            summary: format!("deadline added: {}", b.text),
        });
    }
    // Other numbers.
    let gone = minus(&on, &nn);
    let came = minus(&nn, &on);
    let pairs = gone.len().min(came.len());
    for k in 0..pairs {
        let (a, b) = (&gone[k], &came[k]);
        let (va, vb) = (
            number_value(a).unwrap_or(0.0),
            number_value(b).unwrap_or(0.0),
        );
        let shift = if vb > va {
            Shift::Increased
        } else if vb < va {
            Shift::Decreased
        } else {
            Shift::Changed
        };
        flags.push(StrengthFlag {
            kind: FlagKind::Number,
            shift,
            removed: vec![a.clone()],
            added: vec![b.clone()],
            summary: format!("number {}: {a} → {b}", shift.as_str()),
        });
    }
    for a in &gone[pairs..] {
        flags.push(StrengthFlag {
            kind: FlagKind::Number,
            shift: Shift::Changed,
            removed: vec![a.clone()],
            added: vec![],
            summary: format!("number removed: {a}"),
        });
    }
    for b in &came[pairs..] {
        flags.push(StrengthFlag {
            kind: FlagKind::Number,
            shift: Shift::Changed,
            removed: vec![],
            added: vec![b.clone()],
            summary: format!("number added: {b}"),
        });
    }
    let _ = fmt_value;
}

/// Binding wording: a firm commitment.
const BINDING: [&str; 11] = [
    "will",
    "shall",
    "must",
    "is obliged to",
    "are obliged to",
    "commits to",
    "undertakes to",
    "guarantees",
    "is required to",
    "are required to",
    "is bound to",
];
/// Permissive or aspirational wording.
const PERMISSIVE: [&str; 12] = [
    "may",
    "should",
    "could",
    "might",
    "can",
    "seeks to",
    "aims to",
    "is expected to",
    "are expected to",
    "will endeavour",
    "will consider",
    "intends to",
];

/// The phrases of a list that occur more often in `a` than in `b`, one entry per occurrence.
fn more_in(list: &[&str], a: &Words, b: &Words) -> Vec<String> {
    let mut out = Vec::new();
    for p in list {
        let (x, y) = (a.count(p), b.count(p));
        for _ in y..x {
            out.push(p.to_string());
        }
    }
    out
}

fn modals(old: &Words, new: &Words, flags: &mut Vec<StrengthFlag>) {
    // "will endeavour" and "will consider" are permissive; do not count their "will" as binding.
    let binding = |w: &Words| {
        let mut v: Vec<String> = Vec::new();
        for p in BINDING {
            let mut n = w.count(p);
            if p == "will" {
                n -= w.count("will endeavour") + w.count("will consider");
            }
            v.extend(std::iter::repeat_n(p.to_string(), n));
        }
        v
    };
    let (bo, bn) = (binding(old), binding(new));
    let binding_gone = minus(&bo, &bn);
    let binding_came = minus(&bn, &bo);
    let soft_came = more_in(&PERMISSIVE, new, old);
    let soft_gone = more_in(&PERMISSIVE, old, new);
    if !binding_gone.is_empty() && !soft_came.is_empty() {
        flags.push(StrengthFlag {
            kind: FlagKind::Modal,
            shift: Shift::Weaker,
            summary: format!(
                "modal softened: {} → {}",
                binding_gone.join(", "),
                soft_came.join(", ")
            ),
            removed: binding_gone.clone(),
            added: soft_came.clone(),
        });
    }
    if !soft_gone.is_empty() && !binding_came.is_empty() {
        flags.push(StrengthFlag {
            kind: FlagKind::Modal,
            shift: Shift::Stronger,
            summary: format!(
                "modal hardened: {} → {}",
                soft_gone.join(", "),
                binding_came.join(", ")
            ),
            removed: soft_gone,
            added: binding_came,
        });
    }
}

const CONDITIONS: [&str; 12] = [
    "if",
    "unless",
    "provided",
    "providing",
    "subject to",
    "conditional",
    "conditioned",
    "contingent",
    "only after",
    "only if",
    "in the event",
    "on condition",
];

fn conditions(old: &Words, new: &Words, flags: &mut Vec<StrengthFlag>) {
    // "only if" is counted once, not also as "if".
    let list = |w: &Words| {
        let mut v = Vec::new();
        for p in CONDITIONS {
            let mut n = w.count(p);
            if p == "if" {
                n -= w.count("only if");
            }
            v.extend(std::iter::repeat_n(p.to_string(), n));
        }
        v
    };
    let (co, cn) = (list(old), list(new));
    let came = minus(&cn, &co);
    let gone = minus(&co, &cn);
    if !came.is_empty() {
        flags.push(StrengthFlag {
            kind: FlagKind::Condition,
            shift: Shift::Weaker,
            summary: format!("condition added: {}", came.join(", ")),
            removed: vec![],
            added: came,
        });
    }
    if !gone.is_empty() {
        flags.push(StrengthFlag {
            kind: FlagKind::Condition,
            shift: Shift::Stronger,
            summary: format!("condition removed: {}", gone.join(", ")),
            removed: gone,
            added: vec![],
        });
    }
}

/// Guarantor names always looked for, besides the corpus's parties; aliases separated by `|`.
const COMMON_GUARANTORS: [&str; 9] = [
    "NATO",
    "EU|European Union",
    "UN|United Nations",
    "United States|US|USA|America",
    "Europe|European|Europeans",
    "UK|Britain|United Kingdom",
    "France",
    "Germany",
    "Turkey",
];

/// Words that make a clause about guaranteeing something; guarantor flags need one of them.
const GUARANTEE_WORDS: [&str; 8] = [
    "guarantee",
    "guarantees",
    "guaranteed",
    "guarantor",
    "guarantors",
    "enforce",
    "monitor",
    "backstop",
];

/// Occurrences of a name: all-capital short names match case-sensitively ("US", not "us").
fn name_count(w: &Words, name: &Name) -> usize {
    let Some((first, rest)) = name.lower.split_first() else {
        return 0;
    };
    w.at(first)
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| {
            if name.acronym {
                w.raw[i] == name.shown
            } else {
                rest.iter()
                    .enumerate()
                    .all(|(k, x)| w.low.get(i + 1 + k).is_some_and(|y| y == x))
            }
        })
        .count()
}

fn guarantor_flags(g: &Guarantors, old: &Words, new: &Words, flags: &mut Vec<StrengthFlag>) {
    let about = |w: &Words| GUARANTEE_WORDS.iter().any(|g| w.has(g));
    if !about(old) && !about(new) {
        return;
    }
    let groups = &g.groups;
    let mut came: Vec<String> = Vec::new();
    let mut gone: Vec<String> = Vec::new();
    for g in groups {
        let count = |w: &Words| g.iter().map(|n| name_count(w, n)).sum::<usize>();
        let (a, b) = (count(old), count(new));
        let shown = |w: &Words| {
            g.iter()
                .find(|n| name_count(w, n) > 0)
                .map(|n| n.shown.clone())
                .unwrap_or_default()
        };
        if a == 0 && b > 0 {
            came.push(shown(new));
        } else if a > 0 && b == 0 {
            gone.push(shown(old));
        }
    }
    match (came.is_empty(), gone.is_empty()) {
        (true, true) => {}
        (false, true) => flags.push(StrengthFlag {
            kind: FlagKind::Guarantor,
            shift: Shift::Stronger,
            summary: format!("guarantor added: {}", came.join(", ")),
            removed: vec![],
            added: came,
        }),
        (true, false) => flags.push(StrengthFlag {
            kind: FlagKind::Guarantor,
            shift: Shift::Weaker,
            summary: format!("guarantor removed: {}", gone.join(", ")),
            removed: gone,
            added: vec![],
        }),
        (false, false) => flags.push(StrengthFlag {
            kind: FlagKind::Guarantor,
            shift: Shift::Changed,
            summary: format!(
                "guarantor changed: {} → {}",
                gone.join(", "),
                came.join(", ")
            ),
            removed: gone,
            added: came,
        }),
    }
}
