//! Deadlines: time limits written as a length ("within 30 days", "six months", "immediately")
//! or as a date ("by 1 March 2015", "by the end of 2015", "at 00:00 on 15 February 2015"), and
//! the flags for those that were extended, shortened, dropped or added.

use super::number::{day, digits_value, is_clock, is_year, month, spelled_at};
use super::words::{Words, minus};
use super::{FlagKind, Shift, StrengthFlag};

const UNITS: [(&str, f64); 12] = [
    ("fortnight", 14.0),
    ("fortnights", 14.0),
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

/// Words before a date that make it a time limit or a start ("by", "no later than", "on").
const DATE_LIMIT_BEFORE: [&str; 9] = [
    "by",
    "before",
    "until",
    "till",
    "than",
    "on",
    "from",
    "effective",
    "starting",
];

/// Words shortly before a date that make it the date of a text ("signed on") or a reference
/// ("the line as it stood on 1 January"), not a limit.
const DATE_OF_TEXT: [&str; 8] = [
    "stood",
    "existed",
    "signed",
    "done",
    "dated",
    "adopted",
    "concluded",
    "initialled",
];

/// A deadline as written ("100 days", "1 March 2015") and when it falls.
#[derive(Clone, PartialEq)]
pub(super) struct Deadline {
    text: String,
    when: When,
}

#[derive(Clone, Copy, PartialEq)]
enum When {
    /// A length, in days.
    Days(f64),
    /// A date as a sortable number, and whether it gave a year.
    Date(u32, bool),
    /// A clock time, in minutes after midnight.
    Clock(u32),
}

/// The deadlines of a text, and which words they (and dates that are no deadline) use, so that
/// their numbers are not read as quantities as well.
pub(super) fn scan(w: &Words) -> (Vec<Deadline>, Vec<bool>) {
    let mut out = Vec::new();
    let mut used = vec![false; w.low.len()];
    for i in 0..w.low.len() {
        if used[i] {
            continue;
        }
        if w.low[i] == "immediately" {
            out.push(Deadline {
                text: w.raw[i].to_string(),
                when: When::Days(0.0),
            });
        } else if let Some((start, end, when)) = date_at(w, i) {
            used[start..end].iter_mut().for_each(|u| *u = true);
            if limits(w, start) {
                // As written, with a comma inside it ("March 20, 2026").
                let text = date_text(w, start, end);
                out.push(Deadline { text, when });
            }
        } else if let Some((end, minutes)) = clock_at(w, i) {
            used[i..end].iter_mut().for_each(|u| *u = true);
            out.push(Deadline {
                text: format!("{}:{}", w.raw[i], w.raw[i + 1]),
                when: When::Clock(minutes),
            });
        } else if let Some((end, days)) = length_at(w, i) {
            used[i..end].iter_mut().for_each(|u| *u = true);
            // "the last 30 years" looks back: a period, not a time limit.
            let looks_back = w
                .before(i)
                .is_some_and(|b| matches!(b, "last" | "past" | "previous"));
            if !looks_back {
                let text = w.raw[i..end].join(" ");
                out.push(Deadline {
                    text,
                    when: When::Days(days),
                });
            }
        }
    }
    (out, used)
}

/// A date as written: with a comma inside it ("March 20, 2026") and an ISO date's hyphens
/// ("2026-03-15").
fn date_text(w: &Words, start: usize, end: usize) -> String {
    let mut text = String::new();
    for k in start..end {
        text.push_str(w.raw[k]);
        if k + 1 < end {
            match w.glued_after[k] {
                "-" => text.push('-'),
                "," => text.push_str(", "),
                _ => text.push(' '),
            }
        }
    }
    text
}

/// A length of time starting at `i` ("30 days", "six months", "10 working days"): where it ends
/// and how many days it is.
fn length_at(w: &Words, i: usize) -> Option<(usize, f64)> {
    if is_clock(w, i) {
        return None;
    }
    // "the 19th day after the ceasefire": an ordinal counts days from a start.
    if let Some(d) = ordinal_number(w.raw[i]) {
        let unit = w.after(i)?;
        return (unit == "day").then_some((i + 2, f64::from(d)));
    }
    // "within a fortnight", "for a year": one unit after a preposition of time (not "once a
    // month", "24 hours a day").
    if matches!(w.low[i].as_ref(), "a" | "an")
        && w.before(i).is_some_and(|b| {
            matches!(
                b,
                "within" | "in" | "for" | "after" | "of" | "than" | "over"
            )
        })
        && let Some((_, days)) = w
            .after(i)
            .and_then(|u| UNITS.iter().find(|(x, _)| *x == u && !x.ends_with('s')))
    {
        return Some((i + 2, *days));
    }
    let (n, end) = match digits_value(w.raw[i]) {
        Some(n) => (n, i + 1),
        None => spelled_at(w, i).map(|(end, n, _)| (n, end))?,
    };
    let skip = usize::from(
        w.low
            .get(end)
            .is_some_and(|a| matches!(a.as_ref(), "working" | "calendar" | "business")),
    );
    let unit = w.low.get(end + skip)?;
    let (_, days) = UNITS.iter().find(|(u, _)| u == unit)?;
    // "one" counts only as "one year", "one month": a unit in the singular.
    (n != 1.0 || !unit.ends_with('s')).then_some((end + 1 + skip, n * days))
}

/// The value of an ordinal written in digits ("19th", "45th", "2nd").
fn ordinal_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    matches!(suffix, "st" | "nd" | "rd" | "th")
        .then(|| digits.parse().ok())
        .flatten()
}

/// A clock time at `i` after "at", "by", "before", "until" or "from" ("at 18:00"): where it
/// ends and its minutes after midnight. A ratio ("50:50") has no valid hour and is left out.
fn clock_at(w: &Words, i: usize) -> Option<(usize, u32)> {
    if !is_clock(w, i) || w.glued_after[i] != ":" {
        return None;
    }
    let limit = w
        .before(i)
        .is_some_and(|b| matches!(b, "at" | "by" | "before" | "until" | "from"));
    // The minutes may be missing: "18:00:" ends a text with the second half read here.
    let minutes = w.raw.get(i + 1)?;
    let (h, m) = (w.raw[i].parse::<u32>().ok()?, minutes.parse::<u32>().ok()?);
    (limit && h <= 24 && m < 60 && minutes.len() == 2).then_some((i + 2, h * 60 + m))
}

/// A date starting at `i`: "15 February 2015", "February 15, 2015", "March 2015", "end of
/// 2015", or a year after a limit word ("by 2016"). Where it starts and ends, and when it is.
fn date_at(w: &Words, i: usize) -> Option<(usize, usize, When)> {
    let year_at =
        |k: usize| (k < w.low.len() && is_year(w, k)).then(|| w.raw[k].parse::<u32>().unwrap_or(0));
    if w.low[i] == "end" && w.after(i) == Some("of") {
        let y = year_at(i + 2)?;
        return Some((i, i + 3, When::Date(ordinal(Some(y), 12, 31), true)));
    }
    // A dotted date, day first: "31.08.2026".
    if let Some(when) = dotted(w.raw[i]) {
        return Some((i, i + 1, when));
    }
    // An ISO date: "2026-03-15" (the year, then month and day each after a hyphen).
    if let Some(y) = year_at(i)
        && let Some((m, d)) = iso_month_day(w, i)
    {
        return Some((i, i + 3, When::Date(ordinal(Some(y), m, d), true)));
    }
    if let Some(y) = year_at(i) {
        let limit = w
            .before(i)
            .is_some_and(|b| matches!(b, "by" | "before" | "until"));
        return limit.then_some((i, i + 1, When::Date(ordinal(Some(y), 12, 31), true)));
    }
    let d = day(w.raw[i]);
    let (m_at, day_first) = match (d, w.low.get(i + 1)) {
        (Some(_), Some(_)) if month(w, i + 1).is_some() => (i + 1, d),
        // "the 1st of August"
        (Some(_), Some(of))
            if of == "of"
                && !w.raw[i].bytes().all(|b| b.is_ascii_digit())
                && w.low.get(i + 2).is_some()
                && month(w, i + 2).is_some() =>
        {
            (i + 2, d)
        }
        _ => (i, None),
    };
    let m = month(w, m_at)?;
    let mut end = m_at + 1;
    let mut dd = day_first;
    if dd.is_none()
        && let Some(x) = w.raw.get(end).and_then(|x| day(x))
    {
        dd = Some(x);
        end += 1;
    }
    let y = year_at(end);
    if y.is_some() {
        end += 1;
    } else if dd.is_none() {
        return None; // a month alone ("in March") is too vague to compare
    }
    Some((
        i,
        end,
        When::Date(ordinal(y, m, dd.unwrap_or(0)), y.is_some()),
    ))
}

/// A date written "31.08.2026" (day, month, year, as in most of Europe).
fn dotted(word: &str) -> Option<When> {
    let mut parts = word.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let num = |x: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit()))
            .then(|| x.parse::<u32>().ok())
            .flatten()
    };
    let (d, m, y) = (num(d, 1..=2)?, num(m, 1..=2)?, num(y, 4..=4)?);
    (parts.next().is_none() && (1..=31).contains(&d) && (1..=12).contains(&m))
        .then_some(When::Date(ordinal(Some(y), m, d), true))
}

/// The month and day of an ISO date whose year is at `i` ("2026" "-" "03" "-" "15").
fn iso_month_day(w: &Words, i: usize) -> Option<(u32, u32)> {
    let two = |k: usize| {
        w.raw
            .get(k)
            .filter(|x| x.len() == 2 && x.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|x| x.parse::<u32>().ok())
    };
    let hyphen = |k: usize| w.glued_after.get(k).is_some_and(|g| *g == "-");
    let (m, d) = (two(i + 1)?, two(i + 2)?);
    (hyphen(i) && hyphen(i + 1) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

fn ordinal(year: Option<u32>, month: u32, day: u32) -> u32 {
    year.unwrap_or(0) * 416 + month * 32 + day
}

/// Whether the date starting at `start` is a time limit or a start ("by 1 March", "on 15
/// February"), not the date a text was signed.
fn limits(w: &Words, start: usize) -> bool {
    let mut k = start;
    while k > 0 && w.low[k - 1] == "the" {
        k -= 1;
    }
    let before = |k: usize| k.checked_sub(1).map(|j| w.low[j].as_ref());
    let limit = before(k).is_some_and(|b| DATE_LIMIT_BEFORE.contains(&b))
        || (before(k) == Some("of") && k >= 2 && w.low[k - 2] == "as");
    let of_text = w.low[start.saturating_sub(5)..start]
        .iter()
        .any(|x| DATE_OF_TEXT.contains(&x.as_ref()));
    limit && !of_text
}

/// Deadlines that went, paired in order with those that came (lengths with lengths, dates with
/// dates, then what is left either way); the rest vanished or were added.
pub(super) fn deadline_flags(od: &[Deadline], nd: &[Deadline], flags: &mut Vec<StrengthFlag>) {
    let mut gone = minus(od, nd);
    let mut came = minus(nd, od);
    // The same time written another way ("48 hours" and "two days") is no change.
    gone.retain(|a| match came.iter().position(|b| b.when == a.when) {
        Some(k) => {
            came.remove(k);
            false
        }
        None => true,
    });
    for kind in 0..3 {
        let is = |d: &Deadline| kind_of(d.when) == kind;
        while let (Some(a), Some(b)) = (gone.iter().position(is), came.iter().position(is)) {
            let (a, b) = (gone.remove(a), came.remove(b));
            flags.push(moved(&a, &b));
        }
    }
    while !gone.is_empty() && !came.is_empty() {
        let (a, b) = (gone.remove(0), came.remove(0));
        flags.push(moved(&a, &b));
    }
    for a in gone {
        flags.push(StrengthFlag::new(
            FlagKind::Deadline,
            Shift::Weaker,
            (vec![a.text.clone()], vec![]),
            format!("deadline vanished: {}", a.text),
        ));
    }
    for b in came {
        flags.push(StrengthFlag::new(
            FlagKind::Deadline,
            Shift::Stronger,
            (vec![], vec![b.text.clone()]),
            format!("deadline added: {}", b.text),
        ));
    }
}

/// Lengths, dates and clock times are paired with their own kind first.
fn kind_of(when: When) -> u8 {
    match when {
        When::Days(_) => 0,
        When::Date(..) => 1,
        When::Clock(_) => 2,
    }
}

fn moved(a: &Deadline, b: &Deadline) -> StrengthFlag {
    let order = match (a.when, b.when) {
        (When::Days(x), When::Days(y)) => x.partial_cmp(&y),
        (When::Date(x, yx), When::Date(y, yy)) if yx == yy => Some(x.cmp(&y)),
        (When::Clock(x), When::Clock(y)) => Some(x.cmp(&y)),
        _ => None,
    };
    let dates = !matches!(a.when, When::Days(_));
    let (shift, verb) = match (order, dates) {
        (Some(std::cmp::Ordering::Less), false) => (Shift::Increased, "deadline extended"),
        (Some(std::cmp::Ordering::Greater), false) => (Shift::Decreased, "deadline shortened"),
        (Some(std::cmp::Ordering::Less), true) => (Shift::Increased, "deadline moved later"),
        (Some(std::cmp::Ordering::Greater), true) => (Shift::Decreased, "deadline moved earlier"),
        _ => (Shift::Changed, "deadline reworded"),
    };
    StrengthFlag::new(
        FlagKind::Deadline,
        shift,
        (vec![a.text.clone()], vec![b.text.clone()]),
        format!("{verb}: {} → {}", a.text, b.text),
    )
}
