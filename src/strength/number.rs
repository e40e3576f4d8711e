//! Reading numbers in clause text: their values, what they count, and the numbers that are not
//! quantities at all (clock times, dates, years, references to articles and points). The flags
//! built on them are in `quantity` and `deadline`.

use super::words::Words;

/// The value of a single number word (`six`), if it is one: the words read as values, for
/// deadlines ("six months") and counts ("twelve warships", "twenty-five thousand
/// peacekeepers"). A `match`, since every word of every changed clause is asked.
fn word_value(word: &str) -> Option<f64> {
    Some(match word {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        _ => return None,
    })
}

/// A number written in words starting at `i` ("twelve", "two hundred", "twenty-five
/// thousand", "a hundred" is not read): where it ends, its value and its text as written.
/// "one" alone is returned too; callers decide whether a lone "one" counts (it is more often
/// a pronoun than a count).
pub(super) fn spelled_at(w: &Words, i: usize) -> Option<(usize, f64, String)> {
    let first = word_value(&w.low[i]).filter(|v| *v < 100.0)?;
    let mut value = first;
    let mut end = i + 1;
    let mut text = w.raw[i].to_string();
    // "twenty-five": a tens word joined by a hyphen to a unit word.
    if first >= 20.0
        && w.glued_after[i] == "-"
        && let Some(unit) = w
            .low
            .get(end)
            .and_then(|x| word_value(x))
            .filter(|v| *v < 10.0)
    {
        value += unit;
        text = format!("{text}-{}", w.raw[end]);
        end += 1;
    }
    for scale in ["hundred", "thousand", "million", "billion"] {
        if w.low.get(end).is_some_and(|x| x == scale) {
            value *= word_value(scale)
                .or_else(|| multiplier(scale))
                .unwrap_or(1.0);
            text = format!("{text} {}", w.raw[end]);
            end += 1;
        }
    }
    Some((end, value, text))
}

/// The value of a written number (`600,000`, `1.5`, `600 000`), and a multiplier glued to it
/// (`50bn`, `100m`).
pub(super) fn digits_value(word: &str) -> Option<f64> {
    if crate::diff::is_number(word) {
        let plain: String = word
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        return plain.parse().ok();
    }
    // A multiplier glued to digits: a word that does not start with a digit has none.
    let split = word.find(|c: char| c.is_alphabetic()).filter(|&k| k > 0)?;
    let (n, suffix) = word.split_at(split);
    let scale = if suffix.eq_ignore_ascii_case("bn") {
        1e9
    } else if suffix.eq_ignore_ascii_case("mn") || suffix.eq_ignore_ascii_case("m") {
        1e6
    } else if suffix.eq_ignore_ascii_case("k") {
        1e3
    } else {
        return None;
    };
    crate::diff::is_number(n).then(|| digits_value(n).map(|v| v * scale))?
}

/// A multiplier written as its own word ("100 billion").
pub(super) fn multiplier(word: &str) -> Option<f64> {
    match word {
        "thousand" => Some(1e3),
        "million" | "mn" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Words before a number that make it a name rather than a quantity ("Article 5").
const REFERENCE_BEFORE: [&str; 16] = [
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
    "protocol",
    "phase",
];

/// Whether the number at `i` names a text rather than counts something: "Article 5",
/// "point 12", "the 28 points" (a draft's name), "a 12-point plan".
pub(super) fn is_reference(w: &Words, i: usize) -> bool {
    w.before(i).is_some_and(|b| REFERENCE_BEFORE.contains(&b))
        || w.after(i).is_some_and(|a| a == "point" || a == "points")
}

/// Whether the number at `i` is half of a clock time or a ratio ("00:00", "50:50"): a colon
/// joins it to another number.
pub(super) fn is_clock(w: &Words, i: usize) -> bool {
    let number = |k: usize| w.raw.get(k).is_some_and(|x| crate::diff::is_number(x));
    (w.glued_after[i] == ":" && number(i + 1))
        || (w.glued_before[i] == ":" && i > 0 && number(i - 1))
}

/// Whether the number at `i` is a year written alone ("in 2015"): four digits from 1900 to
/// 2100 and no unit after it.
pub(super) fn is_year(w: &Words, i: usize) -> bool {
    let raw = w.raw[i];
    raw.len() == 4
        && raw.bytes().all(|b| b.is_ascii_digit())
        && raw.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// The month a word names, from 1.
pub(super) fn month(w: &Words, i: usize) -> Option<u32> {
    // "may" the modal is lowercase; the month is written with a capital.
    if w.low[i] == "may" && w.raw[i] != "May" {
        return None;
    }
    Some(match w.low[i].as_ref() {
        "january" => 1,
        "february" => 2,
        "march" => 3,
        "april" => 4,
        "may" => 5,
        "june" => 6,
        "july" => 7,
        "august" => 8,
        "september" => 9,
        "october" => 10,
        "november" => 11,
        "december" => 12,
        _ => return None,
    })
}

/// A day of the month ("15", "15th").
pub(super) fn day(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let ok = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
    digits
        .parse::<u32>()
        .ok()
        .filter(|d| ok && (1..=31).contains(d))
}

/// Whether two values are the same number (after parsing "1,000" and "1000").
pub(super) fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}
