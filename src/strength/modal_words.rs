//! The modal vocabulary: verb phrases with their force and polarity, the auxiliaries and their
//! negations, contractions, and the verbs that turn "will" or "shall" into an effort. Kept
//! apart from `modal_read`, which reads texts with it, so the lists can be read and extended
//! on their own.

use super::modal_read::Force;
use Force::{Advisory, Binding, Permissive};

/// Verb phrases, each as (words, phrase shown, force, negated); a plural or singular form
/// shows as the singular.
pub(super) const PHRASES: [(&str, &str, Force, bool); 52] = [
    // "has to" is a duty; "does not have to" releases one.
    ("does not have to", "does not have to", Permissive, false),
    ("do not have to", "do not have to", Permissive, false),
    ("has to", "has to", Binding, false),
    ("have to", "have to", Binding, false),
    // Permissions in words, and their negations (prohibitions).
    ("is not permitted to", "is not permitted to", Binding, true),
    (
        "are not permitted to",
        "are not permitted to",
        Binding,
        true,
    ),
    ("is not allowed to", "is not allowed to", Binding, true),
    ("are not allowed to", "are not allowed to", Binding, true),
    ("is permitted to", "is permitted to", Permissive, false),
    ("are permitted to", "are permitted to", Permissive, false),
    ("is allowed to", "is allowed to", Permissive, false),
    ("are allowed to", "are allowed to", Permissive, false),
    ("is entitled to", "is entitled to", Permissive, false),
    ("are entitled to", "are entitled to", Permissive, false),
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
    ("seeks to", "seeks to", Advisory, false),
    ("seek to", "seeks to", Advisory, false),
    ("aims to", "aims to", Advisory, false),
    ("aim to", "aims to", Advisory, false),
    ("intends to", "intends to", Advisory, false),
    ("intend to", "intends to", Advisory, false),
    ("is expected to", "is expected to", Advisory, false),
    ("are expected to", "is expected to", Advisory, false),
    ("endeavours to", "endeavours to", Advisory, false),
    ("endeavour to", "endeavours to", Advisory, false),
    ("strives to", "strives to", Advisory, false),
    ("strive to", "strives to", Advisory, false),
    ("is encouraged to", "is encouraged to", Advisory, false),
];

/// Verbs after `will` that make it an effort ("will endeavour", "will seek").
/// "will consider" is not among them: considering is itself the act promised, and "will
/// consider" → "may consider" is a softened promise.
pub(super) const WILL_TRY: [(&str, &str); 6] = [
    ("endeavour", "will endeavour"),
    ("endeavor", "will endeavour"),
    ("seek", "will seek"),
    ("strive", "will strive"),
    ("try", "will try"),
    ("aim", "will aim"),
];

/// Verbs after `shall` that turn the obligation into an effort ("shall endeavour to").
pub(super) const SHALL_TRY: [(&str, &str); 5] = [
    ("endeavour", "shall endeavour to"),
    ("endeavor", "shall endeavour to"),
    ("seek", "shall seek to"),
    ("strive", "shall strive to"),
    ("try", "shall try to"),
];

/// A modal auxiliary: its positive and negated phrase, and its force when positive.
pub(super) fn auxiliary(word: &str) -> Option<(&'static str, &'static str, Force)> {
    Some(match word {
        "will" => ("will", "will not", Binding),
        "shall" => ("shall", "shall not", Binding),
        "must" => ("must", "must not", Binding),
        "may" => ("may", "may not", Permissive),
        "can" => ("can", "cannot", Permissive),
        "should" => ("should", "should not", Advisory),
        "could" => ("could", "could not", Permissive),
        "might" => ("might", "might not", Permissive),
        // "would provide" makes a promise hypothetical.
        "would" => ("would", "would not", Permissive),
        _ => return None,
    })
}

/// Contractions, already negated.
pub(super) fn contraction(word: &str) -> Option<&'static str> {
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
