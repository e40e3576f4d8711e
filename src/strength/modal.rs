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

/// How often a phrase is used in the sense its list gives it. The few phrases that read
/// otherwise in some company are corrected here, once for every list:
/// - "will endeavour" and "will consider" are permissive: their "will" is not binding;
/// - a sentence opening with "Should" ("Should Russia invade again, ...") states a condition,
///   so it is an "if", not the permissive "should";
/// - hedges and concessions ("if either", "even if", ...) are no "if"; "only if" is counted as
///   itself.
fn phrase_count(w: &Words, phrase: &str) -> usize {
    let n = w.count(phrase);
    match phrase {
        "will" => n.saturating_sub(w.count("will endeavour") + w.count("will consider")),
        "should" => n.saturating_sub(inverted_conditions(w)),
        "if" => {
            let not_conditions: usize = IF_NOT_CONDITIONS.iter().map(|x| w.count(x)).sum();
            n.saturating_sub(not_conditions) + inverted_conditions(w)
        }
        _ => n,
    }
}

/// Every use of the phrases of a list, one entry per occurrence, in list order.
fn occurrences(w: &Words, list: &[&'static str]) -> Vec<&'static str> {
    list.iter()
        .flat_map(|&p| std::iter::repeat_n(p, phrase_count(w, p)))
        .collect()
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
    let (bo, bn) = (occurrences(old, &BINDING), occurrences(new, &BINDING));
    let (so, sn) = (occurrences(old, &PERMISSIVE), occurrences(new, &PERMISSIVE));
    let binding_gone = minus(&bo, &bn);
    let binding_came = minus(&bn, &bo);
    let soft_came = minus(&sn, &so);
    let soft_gone = minus(&so, &sn);
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
    let (co, cn) = (occurrences(old, &CONDITIONS), occurrences(new, &CONDITIONS));
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
