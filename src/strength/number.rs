//! Numbers and deadlines: numbers that went up or down, and time limits that were extended,
//! shortened, dropped or added.

use super::words::{Words, minus};
use super::{FlagKind, Shift, StrengthFlag};

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

/// Words before a number that make it a name rather than a quantity ("Article 5").
const REFERENCE_BEFORE: [&str; 14] = [
    "article",
    "articles",
    "point",
    "points",
    "paragraph",
    "paragraphs",
    "section",
    "sections",
    "clause",
    "clauses",
    "chapter",
    "resolution",
    "annex",
    "no",
];

/// Whether the number at `i` names a text rather than counts something: "Article 5",
/// "point 12", "the 28 points" (a draft's name), "a 12-point plan".
fn is_reference(w: &Words, i: usize) -> bool {
    w.before(i).is_some_and(|b| REFERENCE_BEFORE.contains(&b))
        || w.after(i).is_some_and(|a| a == "point" || a == "points")
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
        // "the last 30 years" looks back: a period, not a time limit.
        let looks_back = w
            .before(i)
            .is_some_and(|b| matches!(b, "last" | "past" | "previous"));
        if let Some(unit) = w
            .low
            .get(i + 1)
            .and_then(|u| UNITS.iter().find(|(x, _)| x == u))
            .filter(|_| !looks_back)
        {
            deadlines.push(Deadline {
                text: format!("{} {}", w.raw[i], w.raw[i + 1]),
                days: n * unit.1,
            });
            used[i] = true;
        }
    }
    let numbers = (0..w.low.len())
        .filter(|&i| !used[i] && crate::diff::is_number(w.raw[i]) && !is_reference(w, i))
        .map(|i| w.raw[i].to_string())
        .collect();
    (deadlines, numbers)
}

pub(super) fn deadlines_and_numbers(old: &Words, new: &Words, flags: &mut Vec<StrengthFlag>) {
    let (od, on) = scan(old);
    let (nd, nn) = scan(new);
    deadline_flags(&od, &nd, flags);
    number_flags(&on, &nn, flags);
    let _ = fmt_value;
}

/// Deadlines that went, paired in order with those that came; the rest vanished or added.
fn deadline_flags(od: &[Deadline], nd: &[Deadline], flags: &mut Vec<StrengthFlag>) {
    let gone = minus(od, nd);
    let came = minus(nd, od);
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
}

/// Numbers other than deadlines' that went, paired in order with those that came.
fn number_flags(on: &[String], nn: &[String], flags: &mut Vec<StrengthFlag>) {
    let gone = minus(on, nn);
    let came = minus(nn, on);
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
}
