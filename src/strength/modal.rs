//! Modal and condition wording: binding words giving way to permissive ones (or back), and
//! conditions that came or went.

use super::words::{Words, minus};
use super::{FlagKind, Shift, StrengthFlag};

/// Binding wording: a firm commitment.
const BINDING: [&str; 11] = [
    "will",
    "shall",
    "must",
    "is obliged to",
    "are obliged to",
    "commits to",
    "undertakes to",
    "guarantees that",
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

/// Uses of "if" that set no condition: hedges ("which version, if either, ...", "the rest, if
/// any, ...") and concessions ("even if", "as if"). "only if" is a condition of its own.
const IF_NOT_CONDITIONS: [&str; 5] = ["if either", "if any", "even if", "as if", "only if"];

/// Every phrase the modal and condition checks count, for the lexicon.
pub(super) const PHRASES: [&[&str]; 4] = [&BINDING, &PERMISSIVE, &CONDITIONS, &IF_NOT_CONDITIONS];

/// The phrases of a list that occur more often in `a` than in `b`, one entry per occurrence.
fn more_in(list: &[&'static str], a: &Words, b: &Words) -> Vec<&'static str> {
    let mut out = Vec::new();
    for &p in list {
        let (x, y) = (modal_count(a, p), modal_count(b, p));
        for _ in y..x {
            out.push(p);
        }
    }
    out
}

/// Occurrences of a permissive phrase used as a modal: a sentence opening with "Should"
/// ("Should Russia invade again, ...") states a condition, not a permission.
fn modal_count(w: &Words, phrase: &str) -> usize {
    let n = w.count(phrase);
    if phrase == "should" {
        n.saturating_sub(inverted_conditions(w))
    } else {
        n
    }
}

/// Conditions written by inversion: "Should" with a capital, which in these texts only opens a
/// sentence ("Should Russia invade Ukraine again, ...").
fn inverted_conditions(w: &Words) -> usize {
    w.at("should")
        .iter()
        .filter(|&&i| w.raw[i as usize] == "Should")
        .count()
}

/// Evidence as the flags carry it.
fn owned(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

pub(super) fn modals(old: &Words, new: &Words, flags: &mut Vec<StrengthFlag>) {
    // "will endeavour" and "will consider" are permissive; do not count their "will" as binding.
    let binding = |w: &Words| {
        let mut v: Vec<&'static str> = Vec::new();
        for p in BINDING {
            let mut n = w.count(p);
            if p == "will" {
                n -= w.count("will endeavour") + w.count("will consider");
            }
            v.extend(std::iter::repeat_n(p, n));
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
            removed: owned(&binding_gone),
            added: owned(&soft_came),
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
            removed: owned(&soft_gone),
            added: owned(&binding_came),
        });
    }
}

const CONDITIONS: [&str; 12] = [
    "if",
    "unless",
    "provided that",
    "providing that",
    "subject to",
    "conditional",
    "conditioned",
    "contingent",
    "only after",
    "only if",
    "in the event",
    "on condition",
];

pub(super) fn conditions(old: &Words, new: &Words, flags: &mut Vec<StrengthFlag>) {
    let list = |w: &Words| {
        let mut v: Vec<&'static str> = Vec::new();
        for p in CONDITIONS {
            let mut n = w.count(p);
            if p == "if" {
                let not_conditions: usize = IF_NOT_CONDITIONS.iter().map(|x| w.count(x)).sum();
                // "Should Russia invade ..." is "if Russia invades ...", and is counted as one.
                n = n.saturating_sub(not_conditions) + inverted_conditions(w);
            }
            v.extend(std::iter::repeat_n(p, n));
        }
        v
    };
    let (co, cn) = (list(old), list(new));
    let came = owned(&minus(&cn, &co));
    let gone = owned(&minus(&co, &cn));
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
