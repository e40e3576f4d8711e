//! Conditions: wording that makes a commitment depend on something ("if", "provided",
//! "on condition that", "subject to", "as long as", "unless", "contingent on" ...). Conditions
//! are counted, not told apart: "on condition that" reworded as "provided" is the same
//! condition, and only a change in how many a clause sets is flagged.

use super::words::{PhraseIndex, Words, minus};
use super::{FlagKind, Shift, StrengthFlag};
use std::sync::LazyLock;

/// Fixed condition phrases, each as (words, phrase shown).
const PHRASES: [(&str, &str); 28] = [
    ("except where", "except where"),
    ("except when", "except when"),
    ("only if", "only if"),
    ("only after", "only after"),
    ("only when", "only when"),
    ("only once", "only once"),
    ("except if", "except if"),
    ("unless", "unless"),
    ("provided that", "provided that"),
    ("providing that", "providing that"),
    ("on condition that", "on condition that"),
    ("on the condition that", "on condition that"),
    ("on condition", "on condition that"),
    ("as long as", "as long as"),
    ("so long as", "so long as"),
    ("contingent on", "contingent on"),
    ("contingent upon", "contingent on"),
    ("conditional on", "conditional on"),
    ("conditional upon", "conditional on"),
    ("conditioned on", "conditioned on"),
    ("conditioned upon", "conditioned on"),
    ("in the event of", "in the event of"),
    ("in the event that", "in the event that"),
    ("in case of", "in case of"),
    ("depends on", "depends on"),
    ("depend on", "depends on"),
    ("dependent on", "depends on"),
    ("depending on", "depends on"),
];

/// Words after "provided" that make it the verb ("provided by", "as provided for"), not the
/// conjunction.
const PROVIDED_VERB: [&str; 12] = [
    "for", "by", "to", "in", "with", "under", "through", "via", "on", "at", "as", "from",
];

/// [`PHRASES`] indexed by first word; each value is the phrase as shown.
static BY_FIRST_WORD: LazyLock<PhraseIndex<&'static str>> =
    LazyLock::new(|| PhraseIndex::new(PHRASES));

fn phrase_at(w: &Words, i: usize) -> Option<(usize, &'static str)> {
    BY_FIRST_WORD.at(w, i).map(|(end, shown)| (end, *shown))
}

/// A condition starting at `i` and where it ends.
fn condition_at(w: &Words, i: usize) -> Option<(usize, &'static str)> {
    if let Some(hit) = phrase_at(w, i) {
        return Some(hit);
    }
    let after = w.after(i);
    match w.low[i].as_ref() {
        // Hedges and concessions set no condition: "if any", "if either", "even if", "as if".
        // "if any," and "if either," are asides; "if either Party violates" is a condition.
        "if" => {
            let aside = w.pause_before.get(i + 2).is_none_or(|p| *p);
            let hedge = (matches!(after, Some("any" | "either")) && aside)
                || w.before(i)
                    .is_some_and(|b| matches!(b, "even" | "as" | "what"));
            (!hedge).then_some((i + 1, "if"))
        }
        // ", provided the ceasefire holds" (a conjunction after a pause), not "aid provided by".
        "provided" => {
            let conjunction =
                w.pause_before[i] && !after.is_some_and(|a| PROVIDED_VERB.contains(&a));
            conjunction.then_some((i + 1, "provided"))
        }
        // "subject to", but not "not subject to".
        "subject" if after == Some("to") && w.before(i) != Some("not") => {
            Some((i + 2, "subject to"))
        }
        "in" if after == Some("case") => Some((i + 2, "in case")),
        // "except the guard units", "except as agreed": an exception to what precedes.
        // ("except if/where/when" are phrases above.)
        "except" => Some((i + 1 + usize::from(after == Some("for")), "except")),
        // "save where", "save that": the old sense of "except"; "save lives" is a verb.
        "save" => match after {
            Some("where") => Some((i + 2, "save where")),
            Some("that") => Some((i + 2, "save that")),
            Some("as") => Some((i + 2, "save as")),
            Some("when") => Some((i + 2, "save when")),
            _ => None,
        },
        // "once the line holds", "once martial law is lifted": a condition met at a time; not
        // "once a month", "once every six months", "once again", "at once", "more than once".
        "once" => {
            let frequency = match after {
                None => true,
                Some("every") => w.low.get(i + 2).is_some_and(|x| {
                    x.starts_with(|c: char| c.is_ascii_digit()) || TIMES.contains(&x.as_ref())
                }),
                Some(a) => {
                    ONCE_NOT_CLAUSE.contains(&a) || w.sentence.get(i + 1) != w.sentence.get(i)
                }
            };
            let counted = w
                .before(i)
                .is_some_and(|b| matches!(b, "at" | "than" | "for" | "all"));
            (!frequency && !counted && !w.pause_before.get(i + 1).is_some_and(|p| *p))
                .then_some((i + 1, "once"))
        }
        // "When the questions have been agreed, ..." opening a sentence: the same condition as
        // "once they have been agreed" (a "when" inside a sentence is usually a time).
        // So does "After ... ," ("After the arrangements have been agreed, neither may ...").
        // "After 30 days, ..." is a time, not a condition.
        "when" | "after" if w.raw[i] == "When" || w.raw[i] == "After" => {
            let opens = w.opens_sentence(i);
            let time = w.low.get(i + 1).is_some_and(|x| {
                x.starts_with(|c: char| c.is_ascii_digit())
                    || super::number::spelled_at(w, i + 1).is_some()
            });
            (opens && !time).then(|| (i + 1, if w.raw[i] == "When" { "when" } else { "after" }))
        }
        // "Should Russia invade again, ..." opening a sentence: an "if".
        "should" if w.raw[i] == "Should" && w.opens_sentence(i) => Some((i + 1, "should")),
        _ => None,
    }
}

/// Words after "once" that make it a count or an adverb ("once a month", "once again").
const ONCE_NOT_CLAUSE: [&str; 14] = [
    "a", "an", "again", "more", "per", "or", "and", "in", "daily", "weekly", "monthly", "annually",
    "yearly", "only",
];

/// Units of time after "once every" that make it a frequency ("once every six months").
const TIMES: [&str; 12] = [
    "day", "days", "week", "weeks", "month", "months", "year", "years", "quarter", "two", "three",
    "six",
];

/// Every condition of a text, in order.
fn scan(w: &Words) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.low.len() {
        match condition_at(w, i) {
            Some((end, c)) => {
                out.push(c);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Markers that set an exception (the commitment holds unless something happens) rather than
/// a proviso (it holds if something happens).
const EXCEPTIONS: [&str; 9] = [
    "unless",
    "except if",
    "except where",
    "except when",
    "except",
    "save where",
    "save that",
    "save as",
    "save when",
];

fn is_exception(c: &str) -> bool {
    EXCEPTIONS.contains(&c)
}

pub(super) fn conditions(old: &Words, new: &Words, flags: &mut Vec<StrengthFlag>) {
    let (o, n) = (scan(old), scan(new));
    // As many conditions on both sides, but a proviso gone and an exception come (or the
    // reverse): the commitment now hangs on a different kind of event ("provided that Russia
    // withdraws" → "unless Russia resumes hostilities"). Neither weaker nor stronger.
    if o.len() == n.len() {
        let (gone, came) = (minus(&o, &n), minus(&n, &o));
        let g: Vec<&str> = gone.iter().copied().filter(|c| !is_exception(c)).collect();
        let c: Vec<&str> = came.iter().copied().filter(|c| is_exception(c)).collect();
        let (g2, c2): (Vec<&str>, Vec<&str>) = (
            gone.iter().copied().filter(|c| is_exception(c)).collect(),
            came.iter().copied().filter(|c| !is_exception(c)).collect(),
        );
        for (g, c) in [(g, c), (g2, c2)] {
            if !g.is_empty() && !c.is_empty() {
                let owned = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
                let (removed, added) = (owned(&g), owned(&c));
                flags.push(StrengthFlag::new(
                    FlagKind::Condition,
                    Shift::Changed,
                    (removed.clone(), added.clone()),
                    format!(
                        "condition replaced: {} → {}",
                        removed.join(", "),
                        added.join(", ")
                    ),
                ));
            }
        }
        return;
    }
    let owned = |v: Vec<&str>, k: usize| -> Vec<String> {
        v.into_iter().take(k).map(str::to_string).collect()
    };
    if n.len() > o.len() {
        let added = owned(minus(&n, &o), n.len() - o.len());
        flags.push(StrengthFlag::new(
            FlagKind::Condition,
            Shift::Weaker,
            (vec![], added.clone()),
            format!("condition added: {}", added.join(", ")),
        ));
    } else if o.len() > n.len() {
        let removed = owned(minus(&o, &n), o.len() - n.len());
        flags.push(StrengthFlag::new(
            FlagKind::Condition,
            Shift::Stronger,
            (removed.clone(), vec![]),
            format!("condition removed: {}", removed.join(", ")),
        ));
    }
}
