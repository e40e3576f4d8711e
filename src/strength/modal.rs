//! Modal wording: how firmly a clause commits, and whether it commits to doing or to not doing.
//!
//! Every modal is read as a force (binding: `shall`, `will`, `must`, `undertakes to`; or
//! permissive: `may`, `should`, `can`, `seeks to`) and a polarity (positive, or negated: `shall
//! not`, `won't`, `cannot`, `undertakes not to`, or a subject with `neither`/`no`). A negated
//! `may` or `can` is a prohibition ("may not deploy" is not permitted to deploy), so it counts as
//! binding; a negated `should`, `could` or `might` stays permissive ("should not" is a softened
//! prohibition). Flags compare like with like:
//! - positive binding gone and positive permissive come: softened (`weaker`), and the reverse;
//! - negated binding gone and negated permissive come ("must not" → "should not"): a softened
//!   prohibition (`weaker`), and the reverse (`stronger`);
//! - a positive modal gone and a negated one come, or the reverse, with nothing above to explain
//!   it: the commitment was reversed (`changed`), which is neither weaker nor stronger.
//!
//! So "will not" → "may not" is no flag (both prohibitions), and "must" → "must not" is a
//! reversal, not a softening.

use super::words::{Words, minus};
use super::{FlagKind, Shift, StrengthFlag};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Force {
    Binding,
    Permissive,
}

/// One modal as read: its phrase as the flags show it, force and polarity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Modal {
    phrase: &'static str,
    force: Force,
    negated: bool,
}

use Force::{Binding, Permissive};

/// Verb phrases, each as (words, phrase shown, force, negated); a plural or singular form
/// shows as the singular.
const PHRASES: [(&str, &str, Force, bool); 38] = [
    ("undertakes not to", "undertakes not to", Binding, true),
    ("undertake not to", "undertakes not to", Binding, true),
    ("commits not to", "commits not to", Binding, true),
    ("commit not to", "commits not to", Binding, true),
    ("agrees not to", "agrees not to", Binding, true),
    ("agree not to", "agrees not to", Binding, true),
    ("undertakes to", "undertakes to", Binding, false),
    ("undertake to", "undertakes to", Binding, false),
    ("commits to", "commits to", Binding, false),
    ("commit to", "commits to", Binding, false),
    ("agrees to", "agrees to", Binding, false),
    ("agree to", "agrees to", Binding, false),
    ("is obliged to", "is obliged to", Binding, false),
    ("are obliged to", "is obliged to", Binding, false),
    ("is required to", "is required to", Binding, false),
    ("are required to", "is required to", Binding, false),
    ("is bound to", "is bound to", Binding, false),
    ("are bound to", "is bound to", Binding, false),
    ("guarantees that", "guarantees that", Binding, false),
    ("guarantee that", "guarantees that", Binding, false),
    // A released obligation leaves the act optional: permissive.
    (
        "is not required to",
        "is not required to",
        Permissive,
        false,
    ),
    (
        "are not required to",
        "is not required to",
        Permissive,
        false,
    ),
    ("is not obliged to", "is not obliged to", Permissive, false),
    ("are not obliged to", "is not obliged to", Permissive, false),
    ("need not", "need not", Permissive, false),
    ("seeks to", "seeks to", Permissive, false),
    ("seek to", "seeks to", Permissive, false),
    ("aims to", "aims to", Permissive, false),
    ("aim to", "aims to", Permissive, false),
    ("intends to", "intends to", Permissive, false),
    ("intend to", "intends to", Permissive, false),
    ("is expected to", "is expected to", Permissive, false),
    ("are expected to", "is expected to", Permissive, false),
    ("endeavours to", "endeavours to", Permissive, false),
    ("endeavour to", "endeavours to", Permissive, false),
    ("strives to", "strives to", Permissive, false),
    ("strive to", "strives to", Permissive, false),
    ("is encouraged to", "is encouraged to", Permissive, false),
];

/// Verbs after `will` that make it aspirational ("will endeavour", "will consider").
const WILL_TRY: [(&str, &str); 7] = [
    ("endeavour", "will endeavour"),
    ("endeavor", "will endeavour"),
    ("seek", "will seek"),
    ("strive", "will strive"),
    ("try", "will try"),
    ("consider", "will consider"),
    ("aim", "will aim"),
];

/// Verbs after `shall` that turn the obligation into an effort ("shall endeavour to").
const SHALL_TRY: [(&str, &str); 5] = [
    ("endeavour", "shall endeavour to"),
    ("endeavor", "shall endeavour to"),
    ("seek", "shall seek to"),
    ("strive", "shall strive to"),
    ("try", "shall try to"),
];

/// A modal auxiliary: its positive and negated phrase, and its force when positive.
fn auxiliary(word: &str) -> Option<(&'static str, &'static str, Force)> {
    Some(match word {
        "will" => ("will", "will not", Binding),
        "shall" => ("shall", "shall not", Binding),
        "must" => ("must", "must not", Binding),
        "may" => ("may", "may not", Permissive),
        "can" => ("can", "cannot", Permissive),
        "should" => ("should", "should not", Permissive),
        "could" => ("could", "could not", Permissive),
        "might" => ("might", "might not", Permissive),
        // "would provide" makes a promise hypothetical.
        "would" => ("would", "would not", Permissive),
        _ => return None,
    })
}

/// Contractions, already negated.
fn contraction(word: &str) -> Option<&'static str> {
    Some(match word {
        "cannot" | "can't" => "can",
        "won't" => "will",
        "shan't" => "shall",
        "mustn't" => "must",
        "shouldn't" => "should",
        "couldn't" => "could",
        "wouldn't" => "would",
        _ => return None,
    })
}

/// The force of a negated auxiliary: "may not" and "cannot" forbid (binding); "should not"
/// advises against (permissive).
fn negated_force(positive: &str, force: Force) -> Force {
    match positive {
        "may" | "can" => Binding,
        _ => force,
    }
}

/// Whether the subject before `i` is negative ("neither Russia nor Ukraine may", "no party
/// shall"): the modal then forbids.
fn negative_subject(w: &Words, i: usize) -> bool {
    let s = w.sentence[i];
    (i.saturating_sub(5)..i).any(|k| {
        w.sentence[k] == s && matches!(w.low[k].as_ref(), "neither" | "nor" | "no" | "none")
    })
}

/// Whether the word at `k` negates (`not`, `never`), allowing one adverb before it.
fn negation_at(w: &Words, k: usize) -> Option<usize> {
    let at = |k: usize| w.low.get(k).map(|x| x.as_ref());
    match at(k) {
        Some("not" | "never") => Some(k + 1),
        Some("also" | "then" | "further" | "therefore" | "thereafter") => {
            matches!(at(k + 1), Some("not" | "never")).then_some(k + 2)
        }
        _ => None,
    }
}

fn phrase_at(w: &Words, i: usize) -> Option<(usize, Modal)> {
    PHRASES.iter().find_map(|(words, phrase, force, negated)| {
        let n = words.split(' ').count();
        let hit = words
            .split(' ')
            .enumerate()
            .all(|(k, x)| w.low.get(i + k).is_some_and(|y| y == x));
        hit.then_some((
            i + n,
            Modal {
                phrase,
                force: *force,
                negated: *negated,
            },
        ))
    })
}

fn auxiliary_at(w: &Words, i: usize) -> Option<(usize, Modal)> {
    // A sentence opening with "Should" ("Should Russia invade ...") is a condition.
    if w.raw[i] == "Should" {
        return None;
    }
    // "May" next to a number is the month ("1 May 2015").
    let number = |k: Option<usize>| {
        k.and_then(|k| w.raw.get(k))
            .is_some_and(|x| x.starts_with(|c: char| c.is_ascii_digit()))
    };
    if w.raw[i] == "May" && (number(i.checked_sub(1)) || number(Some(i + 1))) {
        return None;
    }
    if let Some(positive) = contraction(&w.low[i]) {
        let (_, neg, force) = auxiliary(positive)?;
        let force = negated_force(positive, force);
        return Some((i + 1, modal(neg, force, true)));
    }
    let (pos, neg, force) = auxiliary(&w.low[i])?;
    if let Some(end) = negation_at(w, i + 1) {
        return Some((end, modal(neg, negated_force(pos, force), true)));
    }
    if pos == "will"
        && let Some((_, phrase)) = WILL_TRY.iter().find(|(v, _)| w.after(i) == Some(v))
    {
        return Some((i + 2, modal(phrase, Permissive, false)));
    }
    if pos == "shall"
        && let Some((_, phrase)) = SHALL_TRY.iter().find(|(v, _)| w.after(i) == Some(v))
        && w.low.get(i + 2).is_some_and(|t| t == "to")
    {
        return Some((i + 3, modal(phrase, Permissive, false)));
    }
    if negative_subject(w, i) {
        return Some((i + 1, modal(neg, negated_force(pos, force), true)));
    }
    Some((i + 1, modal(pos, force, false)))
}

fn modal(phrase: &'static str, force: Force, negated: bool) -> Modal {
    Modal {
        phrase,
        force,
        negated,
    }
}

/// Verbs of abstaining: "shall refrain from firing", "seeks to avoid stationing" commit to not
/// doing, with the modal's own force and words.
const ABSTAIN: [&str; 3] = ["refrain", "avoid", "abstain"];

/// Every modal of a text, in order.
fn scan(w: &Words) -> Vec<Modal> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.low.len() {
        match phrase_at(w, i).or_else(|| auxiliary_at(w, i)) {
            Some((end, mut m)) => {
                if w.low
                    .get(end)
                    .is_some_and(|x| ABSTAIN.contains(&x.as_ref()))
                {
                    m.negated = !m.negated;
                }
                out.push(m);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

pub(super) fn modals(old: &Words, new: &Words, flags: &mut Vec<StrengthFlag>) {
    let (o, n) = (scan(old), scan(new));
    let gone = minus(&o, &n);
    let came = minus(&n, &o);
    let pick = |v: &[Modal], force: Force, negated: bool| -> Vec<Modal> {
        v.iter()
            .filter(|m| m.force == force && m.negated == negated)
            .copied()
            .collect()
    };
    let mut explained = (Vec::new(), Vec::new());
    for negated in [false, true] {
        let what = if negated { "prohibition" } else { "modal" };
        for (from, to, shift, verb) in [
            (Binding, Permissive, Shift::Weaker, "softened"),
            (Permissive, Binding, Shift::Stronger, "hardened"),
        ] {
            let (g, c) = (pick(&gone, from, negated), pick(&came, to, negated));
            if !g.is_empty() && !c.is_empty() {
                flags.push(flag(shift, &format!("{what} {verb}"), &g, &c));
                explained.0.extend(g);
                explained.1.extend(c);
            }
        }
    }
    let mut gone = minus(&gone, &explained.0);
    let mut came = minus(&came, &explained.1);
    // A prohibition lifted into a permission ("shall not host" → "may host"; not a hypothetical
    // "would") binds no one any
    // more: weaker. The reverse (a permission turned into a prohibition) stays a reversal
    // below: the party loses a freedom and takes a duty, and readers label it either way.
    let permission = |m: &&Modal| matches!(m.phrase, "may" | "can");
    let g = pick(&gone, Binding, true);
    let c: Vec<Modal> = pick(&came, Permissive, false)
        .iter()
        .filter(permission)
        .copied()
        .collect();
    if !g.is_empty() && !c.is_empty() {
        flags.push(flag(Shift::Weaker, "prohibition lifted", &g, &c));
        gone = minus(&gone, &g);
        came = minus(&came, &c);
    }
    // A hypothetical "would" softens a "will" (above) but reverses nothing.
    let real = |m: &&Modal| !m.phrase.starts_with("would");
    for (negated, verb) in [(false, "modal negated"), (true, "negation removed")] {
        let g: Vec<Modal> = gone
            .iter()
            .filter(real)
            .filter(|m| m.negated == negated)
            .copied()
            .collect();
        let c: Vec<Modal> = came
            .iter()
            .filter(real)
            .filter(|m| m.negated != negated)
            .copied()
            .collect();
        if !g.is_empty() && !c.is_empty() {
            flags.push(flag(Shift::Changed, verb, &g, &c));
        }
    }
}

fn flag(shift: Shift, verb: &str, gone: &[Modal], came: &[Modal]) -> StrengthFlag {
    let words = |v: &[Modal]| -> Vec<String> { v.iter().map(|m| m.phrase.to_string()).collect() };
    let (removed, added) = (words(gone), words(came));
    let summary = format!("{verb}: {} → {}", removed.join(", "), added.join(", "));
    StrengthFlag::new(FlagKind::Modal, shift, (removed, added), summary)
}
