//! Quantities: numbers with what they count ("600,000 personnel", "30 km", "$100 billion",
//! "33%"), and the flags for those that went up, went down, went or came. Numbers are compared
//! only with numbers that count the same thing, and among several of one kind by the words
//! around them, so that one side's proposal is not paired with another side's cap.

use super::number::{
    digits_value, is_clock, is_reference, is_year, multiplier, same_value, spelled_at,
};
use super::quantity_unit::{
    FORCE_WORDS, STOP, capped_subject, counts_small, near_forces, unit_after, unit_class,
};
use super::words::Words;
use super::{FlagKind, Shift, StrengthFlag};
use rust_stemmers::{Algorithm, Stemmer};

/// A number as written ("$100 billion"), its value, what it counts and the stems of the words
/// around it (for pairing).
#[derive(Debug, Clone)]
struct Quantity {
    text: String,
    value: f64,
    /// What it counts, as a flag shows it: a unit class below for units of measure and
    /// money ("km", "personnel", "dollars"), else the noun as written ("civilians").
    counts: Option<String>,
    /// What it counts for comparing: the unit class of any known unit ("civilians" and
    /// "persons" are both "people"), else the noun.
    class: Option<String>,
    context: Vec<String>,
    /// Where the number starts and ends in the text, and its sentence.
    at: (usize, usize),
    sentence: u32,
    /// Whether it opens a range with the next number ("between 15 and 20 km").
    opens_range: bool,
}

fn context(w: &Words, stemmer: &Stemmer, i: usize, end: usize) -> Vec<String> {
    let s = w.sentence[i];
    (i.saturating_sub(8)..(end + 4).min(w.low.len()))
        .filter(|&k| (k < i || k >= end) && w.sentence[k] == s)
        .map(|k| w.low[k].as_ref())
        .filter(|x| !STOP.contains(x) && !x.starts_with(|c: char| c.is_ascii_digit()))
        .map(|x| stemmer.stem(x).into_owned())
        .collect()
}

/// The quantities of a text; `used` marks words that deadlines and dates took.
fn scan(w: &Words, used: &[bool]) -> Vec<Quantity> {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut out: Vec<Quantity> = (0..w.low.len())
        .filter(|&i| !used[i])
        .filter_map(|i| quantity_at(w, &stemmer, i))
        // Only numbers are asked whether they are clock times or references.
        .filter(|q| !is_clock(w, q.at.0) && !is_reference(w, q.at.0))
        .collect();
    inherit_range_units(w, &mut out);
    inherit_units(&mut out);
    out
}

/// The first number of a range takes the unit written after the second ("between 15 and 20
/// km", "15 to 20 km", "15–20 km").
fn inherit_range_units(w: &Words, qs: &mut [Quantity]) {
    for k in 0..qs.len().saturating_sub(1) {
        let (end, next) = (qs[k].at.1, qs[k + 1].at.0);
        let from = w
            .before(qs[k].at.0)
            .is_some_and(|b| matches!(b, "between" | "from"));
        // "10 to 15 km" without "from": a range when only the second number has a unit.
        let bare_to = w.low[end] == "to" && qs[k].counts.is_none() && qs[k + 1].counts.is_some();
        let joined = (next == end + 1
            && (matches!(w.low[end].as_ref(), "and" | "to") && from || bare_to))
            || (next == end && matches!(w.glued_after[end - 1], "-" | "–"));
        if joined {
            qs[k].opens_range = true;
            if qs[k].counts.is_none() {
                qs[k].counts = qs[k + 1].counts.clone();
                qs[k].class = qs[k + 1].class.clone();
            }
        }
    }
}

fn quantity_at(w: &Words, stemmer: &Stemmer, i: usize) -> Option<Quantity> {
    // A number in words is read whole ("twenty-five thousand"), never from its middle.
    let inside_spelled = i > 0 && spelled_at(w, i - 1).is_some_and(|(end, _, _)| end > i);
    let (mut value, spelled, mut end, mut text) = match digits_value(w.raw[i]) {
        Some(v) => (v, false, i + 1, w.raw[i].to_string()),
        None if !inside_spelled => {
            let (end, v, text) = spelled_at(w, i).filter(|(_, v, _)| *v > 1.0)?;
            (v, true, end, text)
        }
        None => return None,
    };
    if let Some(m) = w.low.get(end).and_then(|x| multiplier(x)) {
        value *= m;
        text = format!("{text} {}", w.raw[end]);
        end += 1;
    }
    let currency = match w.glued_before[i] {
        "$" => Some("dollars"),
        "€" => Some("euros"),
        "£" => Some("pounds"),
        _ => None,
    };
    if let Some(c) = currency {
        text = format!("{}{text}", w.glued_before[i]);
        return Some(Quantity {
            text,
            value,
            counts: Some(c.into()),
            class: Some(c.into()),
            context: context(w, stemmer, i, end),
            at: (i, end),
            sentence: w.sentence[i],
            opens_range: false,
        });
    }
    if w.glued_after[end - 1] == "%" {
        text.push('%');
    }
    let counts = if text.ends_with('%') {
        Some(("percent".to_string(), "percent".to_string()))
    } else {
        unit_after(w, end)
    };
    // Spelled-out numbers are quantities with a known unit ("five tanks"), from ten up with a
    // plural noun ("twelve warships", "two hundred monitors"), and below ten with a plural
    // noun that is no part of the text's own structure or of its parties ("three battalions",
    // but not "the two sides", "two proposals", "four sub-points").
    let known = counts
        .as_ref()
        .is_some_and(|(_, c)| unit_class(c).is_some());
    if spelled
        && !known
        && !counts
            .as_ref()
            .is_some_and(|(shown, _)| value >= 10.0 || counts_small(w, i, shown))
    {
        return None;
    }
    if counts.is_none() && is_year(w, i) {
        return None;
    }
    // A capped number counts its subject ("the number of foreign instructors training the
    // armed forces is capped at 1,500"), unless that subject is the forces themselves;
    // otherwise armed-forces words near it say it counts personnel.
    let personnel = || ("personnel".to_string(), "personnel".to_string());
    let counts = counts
        .or_else(|| {
            capped_subject(w, i).map(|(shown, class)| {
                if FORCE_WORDS.contains(&shown.as_str()) {
                    personnel()
                } else {
                    (shown, class)
                }
            })
        })
        .or_else(|| near_forces(w, i).then(personnel));
    let (counts, class) = counts.unzip();
    Some(Quantity {
        text,
        value,
        counts,
        class,
        context: context(w, stemmer, i, end),
        at: (i, end),
        sentence: w.sentence[i],
        opens_range: false,
    })
}

/// A bare number takes the kind of the quantity before it in the text when their sizes are
/// alike ("a ceiling of 600,000 troops ... another account gives 800,000").
fn inherit_units(qs: &mut [Quantity]) {
    for k in 1..qs.len() {
        if qs[k].counts.is_some() {
            continue;
        }
        let v = qs[k].value;
        let from = qs[..k].iter().rev().find(|p| {
            p.counts.is_some() && p.value > 0.0 && (v / p.value) < 10.0 && (p.value / v) < 10.0
        });
        let (counts, class) = from.map(|p| (p.counts.clone(), p.class.clone())).unzip();
        qs[k].counts = counts.flatten();
        qs[k].class = class.flatten();
    }
}

pub(super) fn number_flags(
    old: (&Words, &[bool]),
    new: (&Words, &[bool]),
    flags: &mut Vec<StrengthFlag>,
) {
    let mut gone = scan(old.0, old.1);
    let mut came = scan(new.0, new.1);
    // The same number of the same thing on both sides is no change.
    gone.retain(|a| {
        let same = came.iter().position(|b| {
            same_value(a.value, b.value)
                && (a.class == b.class || a.class.is_none() || b.class.is_none())
        });
        same.map(|k| came.remove(k)).is_none()
    });
    // Nor is the same number with its noun reworded ("300 detainees" → "300 persons detained"),
    // when no number of either kind is left to pair it with.
    let mut k = 0;
    while k < gone.len() {
        let a = &gone[k];
        let hit = came.iter().all(|o| o.class != a.class).then(|| {
            came.iter().position(|b| {
                same_value(a.value, b.value) && gone.iter().all(|o| o.class != b.class)
            })
        });
        match hit.flatten() {
            Some(j) => {
                came.remove(j);
                gone.remove(k);
            }
            None => k += 1,
        }
    }
    let mut paired: Vec<(Quantity, Quantity)> = Vec::new();
    while let Some((a, b)) = best_pair(&gone, &came) {
        paired.push((gone.remove(a), came.remove(b)));
    }
    paired.sort_by_key(|(_, b)| b.at);
    for group in moved_together(paired) {
        let (a, b): (Vec<Quantity>, Vec<Quantity>) = group.into_iter().unzip();
        let shift = shift_of(&a[0], &b[0]);
        let verb = format!("number {}", shift.as_str());
        flags.push(flag(shift, &verb, &a, &b));
    }
    // A number left alone whose value the other text still writes was not removed or added:
    // only what it counts could no longer be read ("three independent experts" → "three are
    // independent experts").
    let (in_old, in_new) = if gone.is_empty() && came.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        (values(old.0), values(new.0))
    };
    let written = |q: &Quantity, v: &[f64]| v.iter().any(|x| same_value(*x, q.value));
    for a in gone.iter().filter(|a| !written(a, &in_new)) {
        flags.push(flag(
            Shift::Changed,
            "number removed",
            std::slice::from_ref(a),
            &[],
        ));
    }
    for b in came.iter().filter(|b| !written(b, &in_old)) {
        flags.push(flag(
            Shift::Changed,
            "number added",
            &[],
            std::slice::from_ref(b),
        ));
    }
}

/// Every number a text writes, in digits or words, whatever it counts.
fn values(w: &Words) -> Vec<f64> {
    (0..w.low.len())
        .filter_map(|i| digits_value(w.raw[i]).or_else(|| spelled_at(w, i).map(|(_, v, _)| v)))
        .collect()
}

fn shift_of(a: &Quantity, b: &Quantity) -> Shift {
    if b.value > a.value {
        Shift::Increased
    } else if b.value < a.value {
        Shift::Decreased
    } else {
        Shift::Changed
    }
}

/// Distances: a line described by several of them moves as one.
const DISTANCES: [&str; 2] = ["km", "miles"];

/// Pairs that one flag reports, because a reader sees one change: the two ends of a range
/// ("between 15 and 20 km" → "between 25 and 30 km"), and distances in one sentence that all
/// moved the same way (mortars 15 → 10 km and tanks 30 → 20 km: the withdrawal lines were
/// drawn closer). Other numbers keep a flag each: "1,000 prisoners for 1,000 prisoners" are
/// two sides' counts.
fn moved_together(paired: Vec<(Quantity, Quantity)>) -> Vec<Vec<(Quantity, Quantity)>> {
    let mut groups: Vec<Vec<(Quantity, Quantity)>> = Vec::new();
    for (a, b) in paired {
        let joins = groups.iter_mut().find(|g| {
            let (ga, gb) = &g[g.len() - 1];
            let together = (ga.opens_range && gb.opens_range)
                || gb.class.as_deref().is_some_and(|c| DISTANCES.contains(&c));
            together
                && gb.class == b.class
                && gb.sentence == b.sentence
                && ga.sentence == a.sentence
                && shift_of(ga, gb) == shift_of(&a, &b)
        });
        match joins {
            Some(g) => g.push((a, b)),
            None => groups.push(vec![(a, b)]),
        }
    }
    groups
}

/// The gone and came quantities counting the same thing that share most words around them
/// (the first such pair in order when none share any).
fn best_pair(gone: &[Quantity], came: &[Quantity]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (a, qa) in gone.iter().enumerate() {
        for (b, qb) in came.iter().enumerate() {
            if qa.class != qb.class {
                continue;
            }
            let shared = qa.context.iter().filter(|x| qb.context.contains(x)).count();
            if best.is_none_or(|(_, _, s)| shared > s) {
                best = Some((a, b, shared));
            }
        }
    }
    best.map(|(a, b, _)| (a, b))
}

fn flag(shift: Shift, verb: &str, a: &[Quantity], b: &[Quantity]) -> StrengthFlag {
    let texts = |q: &[Quantity]| -> Vec<String> { q.iter().map(|q| q.text.clone()).collect() };
    let side = |q: &[Quantity]| {
        if q.is_empty() {
            "none".to_string()
        } else {
            texts(q).join(", ")
        }
    };
    let counts = a.first().or(b.first()).and_then(|q| q.counts.clone());
    let what = counts.as_ref().map_or(String::new(), |c| format!(" ({c})"));
    let mut f = StrengthFlag::new(
        FlagKind::Number,
        shift,
        (texts(a), texts(b)),
        format!("{verb}: {} → {}{what}", side(a), side(b)),
    );
    f.counts = counts;
    f
}
