//! Commitment-strength flags on wording the first heuristics were not written for: numbers and
//! periods in words, clock times, ordinal days, ranges, hedged obligations, lifted
//! prohibitions, exceptions in place of provisos and guarantors that decline. One test per kind
//! of error found on the first independently labelled set (docs/flags.md).

mod common;

use common::strings;
use peacediff::strength::{FlagKind, Shift, StrengthFlag};

/// The guarantors these cases declare.
const NAMES: &[&str] = &["Norway", "Austria", "Chile"];

fn flags(old: &str, new: &str) -> Vec<StrengthFlag> {
    common::strength_flags(NAMES, old, new)
}

fn only(old: &str, new: &str, kind: FlagKind) -> StrengthFlag {
    common::only_flag(NAMES, old, new, kind)
}

#[test]
fn numbers_written_in_words_are_compared() {
    let f = only(
        "The observer team numbers three hundred inspectors.",
        "The observer team numbers five hundred inspectors.",
        FlagKind::Number,
    );
    assert_eq!(f.shift, Shift::Increased);
    assert_eq!(f.removed, strings(&["three hundred"]));
    assert_eq!(f.added, strings(&["five hundred"]));
    assert_eq!(f.counts.as_deref(), Some("inspectors"));
    let f = only(
        "Up to thirty-five thousand reservists are called up.",
        "Up to fifteen thousand reservists are called up.",
        FlagKind::Number,
    );
    assert_eq!(f.shift, Shift::Decreased);
    assert_eq!(f.removed, strings(&["thirty-five thousand"]));
    // Small counts in words of the text's own parts stay silent: "two drafts" commits to
    // nothing, nor does "the two sides"; "two battalions" does.
    assert!(flags("Talks go on.", "Two drafts are on the table.").is_empty());
    assert!(flags("The sides meet.", "The two sides meet.").is_empty());
    let f = only(
        "Two battalions stay in Marevo.",
        "Three battalions stay in Marevo.",
        FlagKind::Number,
    );
    assert_eq!(
        (f.shift, f.counts.as_deref()),
        (Shift::Increased, Some("battalions"))
    );
}

#[test]
fn a_range_and_distances_moving_together_are_one_flag() {
    let f = only(
        "The buffer strip is between 5 and 8 km deep.",
        "The buffer strip is between 9 and 12 km deep.",
        FlagKind::Number,
    );
    assert_eq!(
        (f.shift, f.counts.as_deref()),
        (Shift::Increased, Some("km"))
    );
    assert_eq!(
        (f.removed.clone(), f.added.clone()),
        (strings(&["5", "8"]), strings(&["9", "12"]))
    );
    assert_eq!(f.summary, "number increased: 5, 8 → 9, 12 (km)");
    let f = only(
        "Howitzers are moved 40 km from the front and launchers 60 km.",
        "Howitzers are moved 25 km from the front and launchers 45 km.",
        FlagKind::Number,
    );
    assert_eq!(f.removed, strings(&["40", "60"]));
    assert_eq!(f.added, strings(&["25", "45"]));
    // Counts of things on two sides keep a flag each.
    let all = flags(
        "Each side frees 300 prisoners for 300 prisoners.",
        "Each side frees 500 prisoners for 500 prisoners.",
    );
    assert_eq!(all.len(), 2, "{all:#?}");
}

#[test]
fn a_clock_time_moved_is_a_deadline() {
    let f = only(
        "Shelling stops at 20:00 on the first day.",
        "Shelling stops at 06:00 on the first day.",
        FlagKind::Deadline,
    );
    assert_eq!(f.shift, Shift::Decreased);
    assert_eq!(f.summary, "deadline moved earlier: 20:00 → 06:00");
    // A ratio is no time.
    assert!(flags("Revenue is split 50:50.", "Revenue is split 60:40.").is_empty());
}

#[test]
fn periods_in_words_and_ordinal_days_are_compared() {
    let f = only(
        "Detainees are released within twenty days.",
        "Detainees are released within fifteen days.",
        FlagKind::Deadline,
    );
    assert_eq!(f.shift, Shift::Decreased);
    let f = only(
        "The mission runs for nine months.",
        "The mission runs for one year.",
        FlagKind::Deadline,
    );
    assert_eq!(
        (f.shift, f.removed.clone(), f.added.clone()),
        (
            Shift::Increased,
            strings(&["nine months"]),
            strings(&["one year"])
        )
    );
    let f = only(
        "Mines are cleared by the 30th day after signature.",
        "Mines are cleared by the 45th day after signature.",
        FlagKind::Deadline,
    );
    assert_eq!(f.shift, Shift::Increased);
    assert_eq!(f.added, strings(&["45th day"]));
}

#[test]
fn a_reference_date_is_no_deadline() {
    let all = flags(
        "Units hold the positions as they stood on 3 April 2026.",
        "Units hold the positions as they stood on 9 May 2026.",
    );
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn a_prohibition_lifted_into_a_permission_is_weaker() {
    let f = only(
        "Austria shall not export artillery shells.",
        "Austria may export artillery shells.",
        FlagKind::Modal,
    );
    assert_eq!(f.shift, Shift::Weaker);
    assert_eq!(f.summary, "prohibition lifted: shall not → may");
    // The reverse binds more: a permission turned into a prohibition.
    let f = only(
        "Austria may export artillery shells.",
        "Austria shall not export artillery shells.",
        FlagKind::Modal,
    );
    assert_eq!(f.shift, Shift::Stronger);
    assert_eq!(f.summary, "prohibition imposed: may → shall not");
    // A duty to act turned into a duty not to, for the same act, is a reversal; for another
    // act it is two commitments, and nothing is said.
    let f = only(
        "Austria will export artillery shells.",
        "Austria will not export artillery shells.",
        FlagKind::Modal,
    );
    assert_eq!(
        (f.shift, f.summary.as_str()),
        (Shift::Changed, "modal negated: will → will not")
    );
    assert!(
        flags(
            "Austria will export artillery shells.",
            "Austria will not import artillery shells."
        )
        .is_empty()
    );
}

#[test]
fn forces_rank_binding_advisory_permissive() {
    for (old, new, shift) in [
        (
            "The group will consider claims.",
            "The group may consider claims.",
            Shift::Weaker,
        ),
        (
            "The lists should be published.",
            "The lists may be published.",
            Shift::Weaker,
        ),
        (
            "States may send monitors.",
            "States should send monitors.",
            Shift::Stronger,
        ),
        (
            "Checkpoints are to be removed.",
            "Checkpoints may be removed.",
            Shift::Weaker,
        ),
        (
            "The parties shall meet monthly.",
            "The parties should meet monthly.",
            Shift::Weaker,
        ),
    ] {
        let f = only(old, new, FlagKind::Modal);
        assert_eq!(f.shift, shift, "{old} → {new}: {}", f.summary);
    }
    // "is to" after a noun of purpose is an aim, not a duty.
    assert!(
        flags(
            "The aim is to restore trade.",
            "The aim may be to restore trade."
        )
        .iter()
        .all(|f| f.removed.is_empty())
    );
}

#[test]
fn hedged_obligations_are_weaker() {
    let f = only(
        "The sides shall reopen the border crossings.",
        "The sides shall endeavour to reopen the border crossings.",
        FlagKind::Modal,
    );
    assert_eq!(
        (f.shift, f.removed.clone(), f.added.clone()),
        (
            Shift::Weaker,
            strings(&["shall"]),
            strings(&["shall endeavour to"])
        )
    );
    let f = only(
        "Donors will fund the demining.",
        "Donors would fund the demining.",
        FlagKind::Modal,
    );
    assert_eq!(
        (f.shift, f.added.clone()),
        (Shift::Weaker, strings(&["would"]))
    );
}

#[test]
fn conditions_beyond_the_common_markers() {
    let f = only(
        "Ships shall not enter the port.",
        "Ships shall not enter the port except where the harbour master allows it.",
        FlagKind::Condition,
    );
    assert_eq!(
        (f.shift, f.added.clone()),
        (Shift::Weaker, strings(&["except where"]))
    );
    // A proviso replaced by an exception is a different condition.
    let f = only(
        "Aid flows provided that the road is open.",
        "Aid flows unless the road is shelled.",
        FlagKind::Condition,
    );
    assert_eq!(f.shift, Shift::Changed);
    assert_eq!(f.summary, "condition replaced: provided that → unless");
    // An inverted "Should" is shown as written.
    let f = only(
        "The monitors report every breach.",
        "Should a breach occur, the monitors report it.",
        FlagKind::Condition,
    );
    assert_eq!(f.added, strings(&["should"]));
}

#[test]
fn the_same_condition_reworded_is_no_flag() {
    let all = flags(
        "If either side breaks the truce, talks stop.",
        "Should either side break the truce, talks stop.",
    );
    assert!(all.is_empty(), "{all:#?}");
    // "if any," is an aside, not a condition.
    let all = flags(
        "Remaining mines, if any, are mapped.",
        "Remaining mines are mapped.",
    );
    assert!(
        all.iter().all(|f| f.kind != FlagKind::Condition),
        "{all:#?}"
    );
}

#[test]
fn a_guarantor_that_declines_is_not_counted_and_a_swap_has_no_direction() {
    let f = only(
        "Norway, Austria and Chile guarantee the corridor.",
        "Norway and Austria guarantee the corridor; Chile will not act as a guarantor.",
        FlagKind::Guarantor,
    );
    assert_eq!(
        (f.shift, f.removed.clone(), f.sizes),
        (Shift::Weaker, strings(&["Chile"]), Some((3, 2)))
    );
    let f = only(
        "Norway and Austria guarantee the corridor.",
        "Chile guarantees the corridor.",
        FlagKind::Guarantor,
    );
    // Some gone and another come: no direction claimed, the sizes said.
    assert_eq!((f.shift, f.sizes), (Shift::Changed, Some((2, 1))));
    assert_eq!(
        f.summary,
        "guarantor changed: Norway, Austria → Chile (2 → 1 guarantors)"
    );
}
