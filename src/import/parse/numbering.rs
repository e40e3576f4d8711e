//! The numbering at the start of a line — `1.`, `21a`, `21(a)`, `(ii)`, `II.B.3`,
//! `Article 3`, `§ 4` and the rest — read into what it says about the item it starts.
//!
//! Apart from the clause assembly in [`super`]: this is where most formats are recognised,
//! and it looks at one line only.

/// What a numbering token says about the item it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Number {
    /// A top-level or dotted number: "3", "3.1", "II.B.3", with its printed label.
    Path { id: String, label: String },
    /// A letter sub-point: "a" of "(a)" / "a)", or attached to a number: "21a" / "21(a)".
    Letter {
        of: Option<String>,
        letter: char,
        label: String,
    },
    /// A lower-case roman sub-point: "(ii)".
    Roman { numeral: String, label: String },
}

impl Number {
    fn path(id: impl Into<String>, label: impl Into<String>) -> Number {
        Number::Path {
            id: id.into(),
            label: label.into(),
        }
    }
}

fn is_roman_upper(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| "IVXLC".contains(c))
}

fn is_roman_lower(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.chars().all(|c| "ivxl".contains(c))
}

/// The rest of the line after a number's closing mark: `.`, `)`, `:` or a dash, then a space.
fn after_mark(rest: &str) -> Option<&str> {
    let rest = rest
        .strip_prefix(". ")
        .or_else(|| rest.strip_prefix(") "))
        .or_else(|| rest.strip_prefix(": "))
        .or_else(|| rest.strip_prefix(" — "))
        .or_else(|| rest.strip_prefix(" - "))
        .or_else(|| rest.strip_prefix(". —"))
        .or_else(|| rest.strip_prefix(' '))?;
    Some(rest.trim_start())
}

/// The numbering at the start of `s`, and the text after it.
pub(super) fn number(s: &str) -> Option<(Number, &str)> {
    let s = s.trim_start_matches("**").trim_start();
    // "Article 3", "Point 12.", "§ 4", "Section 2:".
    for word in [
        "Article",
        "Art.",
        "Point",
        "Section",
        "Clause",
        "Paragraph",
        "Item",
        "§",
    ] {
        if let Some(rest) = s.strip_prefix(word) {
            let rest = rest.trim_start();
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
                .unwrap_or(rest.len());
            let num = rest[..end].trim_end_matches('.');
            if num.is_empty()
                || !num.starts_with(|c: char| c.is_ascii_digit() || "IVXLC".contains(c))
            {
                continue;
            }
            let after = rest[end..]
                .trim_start_matches(['.', ':', ')', '*'])
                .trim_start();
            let after = after.strip_prefix("—").map_or(after, str::trim_start);
            let label = format!("{} {num}", word.trim_end_matches('.'));
            return Some((Number::path(num.to_string(), label), after));
        }
    }
    // "(1)", "(a)", "(ii)".
    if let Some(inner) = s.strip_prefix('(') {
        let close = inner.find(')')?;
        let tok = &inner[..close];
        let after = inner[close + 1..].trim_start();
        if after.is_empty() && !tok.is_empty() {
            return None;
        }
        if tok.chars().all(|c| c.is_ascii_digit()) && !tok.is_empty() {
            let label = format!("({tok})");
            return Some((Number::path(tok, label), after));
        }
        // "(i)", "(ii)", "(iv)": roman; a lone "(v)" or "(x)" reads as a letter.
        if tok == "i" || (tok.len() > 1 && is_roman_lower(tok)) {
            let label = format!("({tok})");
            return Some((
                Number::Roman {
                    numeral: tok.into(),
                    label,
                },
                after,
            ));
        }
        let mut cs = tok.chars();
        if let (Some(c), None) = (cs.next(), cs.next())
            && c.is_ascii_lowercase()
        {
            return Some((
                Number::Letter {
                    of: None,
                    letter: c,
                    label: format!("({c})"),
                },
                after,
            ));
        }
        return None;
    }
    // Numbers: "12", "12.", "12)", "21a", "21(a)", "3.1", "3.1."; roman paths "I.5", "II.B.3".
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '(' || c == ')'))
        .unwrap_or(s.len());
    let tok = &s[..end];
    let rest = &s[end..];
    if tok.is_empty() {
        return None;
    }
    let first = tok.chars().next()?;
    if first.is_ascii_digit() {
        let digits_end = tok.find(|c: char| !c.is_ascii_digit()).unwrap_or(tok.len());
        let (num, tail) = tok.split_at(digits_end);
        // Six digits at most: longer runs are figures, not point numbers. (A year such as
        // "2025" with no mark after it is prose, below.)
        if num.len() > 6 {
            return None;
        }
        match tail {
            "" => {
                // "12 text" with no mark is prose ("12 members…"), unless bold or a heading.
                if !rest.starts_with(['.', ')', ':']) && !rest.starts_with(" —") {
                    return None;
                }
                let body = s[end..].trim_start_matches(['.', ')', ':']).trim_start();
                let body = body.strip_prefix("—").map_or(body, str::trim_start);
                let body = body.trim_start_matches("**").trim_start();
                return Some((Number::path(num, num), body));
            }
            "." | ")" => {
                let body = after_mark(rest).or_else(|| rest.is_empty().then_some(""))?;
                let label = num.to_string();
                return Some((Number::path(num, label), body));
            }
            _ => {}
        }
        let body = after_mark(rest).or_else(|| rest.is_empty().then_some(""))?;
        // "21a", "21a.", "21a)", "21(a)".
        let letters: String = tail.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        let punct_ok = tail
            .chars()
            .all(|c| c.is_ascii_alphabetic() || "().".contains(c));
        if letters.len() == 1 && punct_ok && !tail.contains("..") {
            let letter = letters.chars().next()?;
            let label = format!("{num}{}", tail.trim_end_matches('.'));
            return Some((
                Number::Letter {
                    of: Some(num.into()),
                    letter,
                    label,
                },
                body,
            ));
        }
        // "3.1", "3.1.", "3.1.2".
        let dotted = tok.trim_end_matches(['.', ')']);
        if dotted
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        {
            return Some((Number::path(dotted, dotted), body));
        }
        return None;
    }
    // "G9.", "A12)": a capital and a number, as annexes and reported items are labelled.
    let path = tok.trim_end_matches(['.', ')']);
    if path.len() >= 2
        && path.len() < tok.len()
        && first.is_ascii_uppercase()
        && !is_roman_upper(&path[..1])
        && path[1..].chars().all(|c| c.is_ascii_digit())
    {
        let body = after_mark(rest).or_else(|| rest.is_empty().then_some(""))?;
        return Some((Number::path(path, path), body));
    }
    // "A.", "B)": a point lettered at the top level (an annex, a lettered draft).
    if path.len() == 1 && first.is_ascii_uppercase() && tok.len() == 2 && !is_roman_upper(path) {
        let body = after_mark(rest)?;
        return Some((Number::path(path, path), body));
    }
    // "I.", "II.B.3", "IV)".
    let parts: Vec<&str> = path.split('.').collect();
    // A section letter with a dotted number ("G.1", "A.2") reads like a roman path.
    let section_letter = parts.len() > 1 && parts[0].len() == 1 && first.is_ascii_uppercase();
    if (is_roman_upper(parts[0]) || section_letter)
        && parts[1..]
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
        && (parts.len() > 1 || tok.ends_with(['.', ')']))
    {
        let body = after_mark(rest).or_else(|| rest.is_empty().then_some(""))?;
        return Some((Number::path(path, path), body));
    }
    // "a)", "a.": a letter sub-point.
    let mut cs = tok.chars();
    if let (Some(c), Some(mark), None) = (cs.next(), cs.next(), cs.next())
        && c.is_ascii_lowercase()
        && (mark == ')' || mark == '.')
    {
        let body = after_mark(rest)?;
        return Some((
            Number::Letter {
                of: None,
                letter: c,
                label: format!("{c}{mark}"),
            },
            body,
        ));
    }
    None
}
