//! Modal wording: how firmly a clause commits, and whether it commits to doing or to not doing.
//!
//! Every modal is read as a force and a polarity. Forces, strongest first: binding (`shall`,
//! `will`, `must`, `is to`, `undertakes to`), advisory (`should`, `seeks to`, `will
//! endeavour`), permissive (`may`, `can`, `could`, the hypothetical `would`, `need not`).
//! Polarity: positive, or negated (`shall not`, `won't`, `cannot`, `is not to`, `undertakes
//! not to`, a subject with `neither`/`no`). A negated `may` or `can` forbids ("may not deploy"
//! is not permitted to deploy), so it is binding; a negated `should` stays advisory ("should
//! not" is a softened prohibition). Flags compare like with like:
//! - one force gone and another come in the same polarity: `weaker` when the new one is
//!   weaker ("must" → "should", "should" → "may", "must not" → "should not"), else `stronger`;
//! - a prohibition lifted into a permission ("shall not" → "may") is `weaker`; a permission
//!   turned into a prohibition ("can" → "cannot", "may" → "must not") `stronger`;
//! - any other positive modal gone and negated one come, or the reverse: the commitment was
//!   reversed (`changed`), neither weaker nor stronger ("will" → "will not").
//!
//! So "will not" → "may not" is no flag (both prohibitions), and "must" → "must not" is a
//! reversal, not a softening.

use super::modal_read::{Force, Modal, scan};
use super::words::{Words, minus};
use super::{FlagKind, Shift, StrengthFlag};

use Force::{Advisory, Binding, Permissive};

pub(super) fn modals(old: &Words, new: &Words, flags: &mut Vec<StrengthFlag>) {
    let (o, n) = (scan(old), scan(new));
    let mut gone = minus(&o, &n);
    let mut came = minus(&n, &o);
    // One force gave way to another in the same polarity: softened or hardened. Strongest
    // changes first, so that "must" → "should" is read before "should" → "may".
    for negated in [false, true] {
        let what = if negated { "prohibition" } else { "modal" };
        for (from, to) in [
            (Binding, Permissive),
            (Binding, Advisory),
            (Advisory, Permissive),
            (Permissive, Binding),
            (Advisory, Binding),
            (Permissive, Advisory),
        ] {
            let g = pick(&gone, |m| m.force == from && m.negated == negated);
            let c = pick(&came, |m| m.force == to && m.negated == negated);
            if !g.is_empty() && !c.is_empty() {
                let (shift, verb) = if from > to {
                    (Shift::Weaker, "softened")
                } else {
                    (Shift::Stronger, "hardened")
                };
                flags.push(flag(shift, &format!("{what} {verb}"), &g, &c));
                gone = minus(&gone, &g);
                came = minus(&came, &c);
            }
        }
    }
    // A prohibition lifted into a permission ("shall not host" → "may host") binds no one any
    // more: weaker; a permission turned into a prohibition ("can reopen" → "cannot reopen"),
    // stronger. A hypothetical "would" takes no part.
    let permission = |m: &Modal| {
        !m.negated
            && (matches!(m.phrase, "may" | "can")
                || m.phrase.contains("permitted")
                || m.phrase.contains("allowed")
                || m.phrase.contains("entitled"))
    };
    let prohibition = |m: &Modal| m.negated && m.force == Binding;
    for (lost, won, shift, verb) in [
        (
            &prohibition as &dyn Fn(&Modal) -> bool,
            &permission as &dyn Fn(&Modal) -> bool,
            Shift::Weaker,
            "prohibition lifted",
        ),
        (
            &permission,
            &prohibition,
            Shift::Stronger,
            "prohibition imposed",
        ),
    ] {
        let (g, c) = (pick(&gone, lost), pick(&came, won));
        if !g.is_empty() && !c.is_empty() {
            flags.push(flag(shift, verb, &g, &c));
            gone = minus(&gone, &g);
            came = minus(&came, &c);
        }
    }
    // What is left of a positive modal gone and a negated one come for the same act (or the
    // reverse) is a reversal: a duty to act became a duty not to ("will withdraw" → "will not
    // withdraw"). Neither weaker nor stronger. A hypothetical "would" reverses nothing.
    let real = |m: &Modal| !m.phrase.starts_with("would");
    for (negated, verb) in [(false, "modal negated"), (true, "negation removed")] {
        let g = pick(&gone, |m| {
            real(m)
                && m.negated == negated
                && came
                    .iter()
                    .any(|c| real(c) && c.negated != negated && c.act == m.act)
        });
        let c = pick(&came, |c| {
            real(c) && c.negated != negated && g.iter().any(|m| m.act == c.act)
        });
        if !g.is_empty() && !c.is_empty() {
            flags.push(flag(Shift::Changed, verb, &g, &c));
        }
    }
}

fn pick(v: &[Modal], keep: impl Fn(&Modal) -> bool) -> Vec<Modal> {
    v.iter().filter(|m| keep(m)).copied().collect()
}

fn flag(shift: Shift, verb: &str, gone: &[Modal], came: &[Modal]) -> StrengthFlag {
    let words = |v: &[Modal]| -> Vec<String> { v.iter().map(|m| m.phrase.to_string()).collect() };
    let (removed, added) = (words(gone), words(came));
    let summary = format!("{verb}: {} → {}", removed.join(", "), added.join(", "));
    StrengthFlag::new(FlagKind::Modal, shift, (removed, added), summary)
}
