//! Commitment-strength flags: each kind, its direction and its evidence.

use peacediff::diff::word_diff;
use peacediff::strength::{FlagKind, Shift, StrengthFlag, strength_flags_with};

fn flags(old: &str, new: &str) -> Vec<StrengthFlag> {
    strength_flags_with(&["Ukraine|UA", "Russia|RU"], &word_diff(old, new))
}

fn only(old: &str, new: &str, kind: FlagKind) -> StrengthFlag {
    let all = flags(old, new);
    let mut of_kind: Vec<StrengthFlag> = all.iter().filter(|f| f.kind == kind).cloned().collect();
    assert_eq!(of_kind.len(), 1, "{all:#?}");
    of_kind.remove(0)
}

#[test]
fn a_number_going_up_or_down() {
    let f = only(
        "Ukraine's armed forces are limited to 600,000 personnel.",
        "Ukraine's armed forces are limited to 800,000 personnel.",
        FlagKind::Number,
    );
    assert_eq!(f.shift, Shift::Increased);
    assert_eq!(
        (f.removed.as_slice(), f.added.as_slice()),
        (&["600,000".to_string()][..], &["800,000".to_string()][..])
    );
    assert_eq!(f.summary, "number increased: 600,000 → 800,000");
    let f = only(
        "A fund of $100 billion.",
        "A fund of $50 billion.",
        FlagKind::Number,
    );
    assert_eq!(f.shift, Shift::Decreased);
}

#[test]
fn a_deadline_moved_or_vanished() {
    let f = only(
        "Elections are held within 100 days.",
        "Elections are held within 200 days.",
        FlagKind::Deadline,
    );
    assert_eq!(f.shift, Shift::Increased);
    assert_eq!(f.removed, ["100 days"]);
    assert_eq!(f.added, ["200 days"]);
    // Units count: six months is longer than 100 days.
    let f = only("Within 100 days.", "Within six months.", FlagKind::Deadline);
    assert_eq!(f.shift, Shift::Increased);
    let f = only(
        "Ukraine is to hold elections within 100 days.",
        "Ukraine undertakes to hold elections as soon as possible after signing.",
        FlagKind::Deadline,
    );
    assert_eq!(f.shift, Shift::Weaker);
    assert_eq!(f.summary, "deadline vanished: 100 days");
    let f = only(
        "Troops withdraw.",
        "Troops withdraw within 30 days.",
        FlagKind::Deadline,
    );
    assert_eq!(f.shift, Shift::Stronger);
    // A deadline's number is not also reported as a plain number.
    assert!(
        flags("Within 100 days.", "Within 60 days.")
            .iter()
            .all(|f| f.kind != FlagKind::Number)
    );
}

#[test]
fn a_modal_softened_or_hardened() {
    let f = only(
        "Russia will withdraw its forces.",
        "Russia may withdraw its forces.",
        FlagKind::Modal,
    );
    assert_eq!(f.shift, Shift::Weaker);
    assert_eq!(f.removed, ["will"]);
    assert_eq!(f.added, ["may"]);
    let f = only(
        "The parties should respect the line.",
        "The parties shall respect the line.",
        FlagKind::Modal,
    );
    assert_eq!(f.shift, Shift::Stronger);
    let f = only(
        "NATO must not station troops.",
        "NATO seeks to avoid stationing troops.",
        FlagKind::Modal,
    );
    assert_eq!(f.shift, Shift::Weaker);
    assert_eq!(f.added, ["seeks to"]);
    // Rewording that keeps a binding modal is no flag.
    assert!(
        flags("Russia will withdraw.", "Russia will pull back.")
            .iter()
            .all(|f| f.kind != FlagKind::Modal)
    );
}

#[test]
fn a_condition_added_or_removed() {
    let f = only(
        "Sanctions are lifted.",
        "Sanctions are lifted, subject to compliance.",
        FlagKind::Condition,
    );
    assert_eq!(f.shift, Shift::Weaker);
    assert_eq!(f.added, ["subject to"]);
    let f = only(
        "The guarantee applies unless Ukraine attacks first.",
        "The guarantee applies.",
        FlagKind::Condition,
    );
    assert_eq!(f.shift, Shift::Stronger);
    assert_eq!(f.removed, ["unless"]);
}

#[test]
fn a_guarantor_added_removed_or_replaced() {
    let f = only(
        "Ukraine receives security guarantees from the United States.",
        "Ukraine receives security guarantees from the United States and NATO.",
        FlagKind::Guarantor,
    );
    assert_eq!(f.shift, Shift::Stronger);
    assert_eq!(f.added, ["NATO"]);
    let f = only(
        "The United States and Europe guarantee the ceasefire.",
        "The United States guarantees the ceasefire.",
        FlagKind::Guarantor,
    );
    assert_eq!(f.shift, Shift::Weaker);
    assert_eq!(f.removed, ["Europe"]);
    // Aliases of one guarantor are not a change: "United States" → "US".
    assert!(
        flags(
            "A guarantee given by the United States.",
            "A guarantee given by the US."
        )
        .iter()
        .all(|f| f.kind != FlagKind::Guarantor)
    );
    // "us" the pronoun is not the US.
    assert!(
        flags("A guarantee for all.", "A guarantee for all of us.")
            .iter()
            .all(|f| f.kind != FlagKind::Guarantor)
    );
    // Names in a clause that is not about guaranteeing are not guarantors.
    assert!(flags("Trade with Europe resumes.", "Trade resumes.").is_empty());
}

#[test]
fn unchanged_text_has_no_flags() {
    assert!(
        flags(
            "Russia will withdraw within 100 days.",
            "Russia will withdraw within 100 days."
        )
        .is_empty()
    );
    assert!(flags("Same words, other order.", "Other order, same words.").is_empty());
}

#[test]
fn flags_serialise_with_their_evidence() {
    let f = only(
        "Russia will withdraw.",
        "Russia may withdraw.",
        FlagKind::Modal,
    );
    let v = serde_json::to_value(&f).unwrap();
    assert_eq!(v["kind"], "modal");
    assert_eq!(v["shift"], "weaker");
    assert_eq!(v["removed"][0], "will");
    assert_eq!(v["added"][0], "may");
}

/// Wording the heuristics used to misread in the bundled drafts' paraphrases.
#[test]
fn references_hedges_nouns_and_recipients_are_not_commitments() {
    let none_of = |old: &str, new: &str, kind: FlagKind| {
        let all = flags(old, new);
        assert!(all.iter().all(|f| f.kind != kind), "{kind:?} in {all:#?}");
    };
    // A number that names a text is not a quantity...
    none_of(
        "Ukraine's security guarantees are reliable.",
        "Ukraine's security guarantees are stronger than in the 28 points.",
        FlagKind::Number,
    );
    none_of(
        "A guarantee like NATO's.",
        "A guarantee modelled on Article 5.",
        FlagKind::Number,
    );
    none_of("A plan.", "A 12-point plan.", FlagKind::Number);
    // ...but the same figure as a quantity is.
    let f = only(
        "Troops withdraw.",
        "28 brigades withdraw.",
        FlagKind::Number,
    );
    assert_eq!(f.added, ["28"]);
    // Hedges and concessions set no condition; "only if" does, once.
    none_of(
        "The cap is lifted.",
        "The cap is lifted; which version, if either, is in the text is not known.",
        FlagKind::Condition,
    );
    none_of(
        "Funds go to Ukraine.",
        "Funds, if any, go to Ukraine.",
        FlagKind::Condition,
    );
    none_of(
        "Talks go on.",
        "Talks go on even if shelling resumes.",
        FlagKind::Condition,
    );
    let f = only(
        "It applies.",
        "It applies only if Russia withdraws.",
        FlagKind::Condition,
    );
    assert_eq!(f.added, ["only if"]);
    // "providing" the gerund is not "providing that".
    none_of(
        "The US is paid for the guarantee.",
        "The US is paid for providing the guarantee.",
        FlagKind::Condition,
    );
    let f = only(
        "Aid flows.",
        "Aid flows, provided that Kyiv reforms.",
        FlagKind::Condition,
    );
    assert_eq!(f.added, ["provided that"]);
    // "guarantees" the noun is no binding modal; "guarantees that" is.
    none_of(
        "The parties should respect the line.",
        "The security guarantees cover the line.",
        FlagKind::Modal,
    );
    let f = only(
        "Russia may respect the line.",
        "Russia guarantees that it respects the line.",
        FlagKind::Modal,
    );
    assert_eq!(f.shift, Shift::Stronger);
    // The receiver of a guarantee, or a name in the possessive, is not a guarantor.
    none_of(
        "Security guarantees are given.",
        "Security guarantees are given to Ukraine.",
        FlagKind::Guarantor,
    );
    none_of(
        "The US gives a guarantee.",
        "The US gives Ukraine a guarantee modelled on NATO's Article 5.",
        FlagKind::Guarantor,
    );
    none_of(
        "Reliable security guarantees.",
        "Ukraine is to be given reliable security guarantees.",
        FlagKind::Guarantor,
    );
    // "Should Russia invade" opening a sentence is a condition, the same as "If Russia invades",
    // and no permissive modal.
    none_of(
        "Should Russia invade again, sanctions return.",
        "If Russia invades again, sanctions return.",
        FlagKind::Condition,
    );
    none_of(
        "Should Russia invade again, sanctions return.",
        "Sanctions return will follow any invasion.",
        FlagKind::Modal,
    );
    let f = only(
        "Should Russia invade again, sanctions return.",
        "Sanctions return after any invasion.",
        FlagKind::Condition,
    );
    assert_eq!(f.removed, ["if"]);
    // A name counts as a guarantor only in a sentence (or semicolon-separated part) that speaks
    // of guaranteeing.
    none_of(
        "A ceasefire starts; the guarantees apply after ratification.",
        "A ceasefire starts. Ukraine then submits the deal; the guarantees apply after ratification.",
        FlagKind::Guarantor,
    );
    let f = only(
        "The US guarantees the ceasefire.",
        "The US observes the ceasefire. Guarantees follow later.",
        FlagKind::Guarantor,
    );
    assert_eq!(f.removed, ["US"]);
    // A period looking back is not a time limit.
    none_of(
        "Disputes of the last 30 years are settled.",
        "Disputes are settled.",
        FlagKind::Deadline,
    );
}
