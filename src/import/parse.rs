//! Numbered draft text → clauses. Recognises the numbering real drafts use — `1.`, `1)`, `(1)`,
//! `21a`, `21(a)`, `3.1`, `(a)`, `a)`, `(i)`, `I.5`, `II.B.3`, `Article 3`, `Point 12`, `§ 4` —
//! in plain text and Markdown (headings, bullets, bold titles, nested lists), with footnotes.
//! Sub-points nest under the point they follow; lines without a number continue the clause
//! before them.

/// One clause as found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// A unique id made from the numbering (`21a`, `II.B.3`, `3.1`).
    pub id: String,
    /// The number as printed (`21(a)`, `Article 3`).
    pub label: String,
    pub parent: Option<String>,
    /// From a heading line or a bold lead-in, when the text has one.
    pub title: Option<String>,
    pub text: String,
    /// The 1-based line the clause starts on.
    pub line: usize,
    /// Footnotes the clause refers to, as "n: text".
    pub footnotes: Vec<String>,
}

/// A parsed draft: text before the first number (a preamble), and the clauses.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    pub preamble: String,
    pub clauses: Vec<Found>,
}

/// What a numbering token says about the item it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Number {
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

/// Splits off a line's Markdown decoration: heading hashes, a bullet, its indent.
fn undecorate(line: &str) -> (usize, bool, &str) {
    let indent = line
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    let mut rest = line.trim_start();
    let heading = rest.starts_with('#');
    rest = rest.trim_start_matches('#').trim_start();
    for bullet in ["- ", "* ", "+ ", "• "] {
        if let Some(r) = rest.strip_prefix(bullet) {
            rest = r.trim_start();
        }
    }
    (indent, heading, rest)
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
fn number(s: &str) -> Option<(Number, &str)> {
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

/// A footnote definition: `[1] text`, `[^1]: text`, `^1 text`, `1) ` is not one.
fn footnote(s: &str) -> Option<(String, &str)> {
    let (key, rest) = if let Some(r) = s.strip_prefix("[^") {
        let close = r.find("]:")?;
        (&r[..close], &r[close + 2..])
    } else if let Some(r) = s.strip_prefix('[') {
        let close = r.find(']')?;
        (&r[..close], &r[close + 1..])
    } else if let Some(r) = s.strip_prefix('^') {
        let end = r.find(' ')?;
        (&r[..end], &r[end..])
    } else {
        return None;
    };
    (!key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric()))
        .then(|| (key.to_string(), rest.trim()))
}

/// Whether a clause's text cites footnote `key`.
fn cites(text: &str, key: &str) -> bool {
    text.contains(&format!("[^{key}]"))
        || text.contains(&format!("[{key}]"))
        || text.contains(&format!("^{key}"))
}

/// A bold lead-in as the title: "**Security guarantees.** The text…".
fn bold_title(body: &str) -> Option<(String, &str)> {
    let inner = body.strip_prefix("**")?;
    let close = inner.find("**")?;
    let title = inner[..close].trim().trim_end_matches(['.', ':']).trim();
    let rest = inner[close + 2..]
        .trim_start_matches(['.', ':'])
        .trim_start();
    (!title.is_empty()).then(|| (title.to_string(), rest))
}

/// Whether a numbered line's text reads as a heading: short, no sentence end.
fn heading_like(body: &str) -> bool {
    let t = body.trim();
    !t.is_empty() && t.chars().count() <= 80 && !t.ends_with(['.', ';', ',', ':'])
}

struct Open {
    found: Found,
    /// Paragraphs of the text, joined at the end.
    paragraphs: Vec<String>,
    /// Whether the line that opened it only carried a heading.
    heading_only: bool,
    /// Whether that line was a Markdown heading (`## 3. Title`): a title for certain.
    markdown_heading: bool,
}

/// Parses a numbered draft.
pub fn parse(text: &str) -> Parsed {
    let mut preamble: Vec<String> = Vec::new();
    let mut done: Vec<Open> = Vec::new();
    let mut notes: Vec<(String, String)> = Vec::new();
    // The ids of the current top-level item, the current letter item, for nesting.
    let mut top: Option<(String, usize)> = None;
    let mut letter: Option<String> = None;
    let mut last_letter: Option<char> = None;
    let mut letters_on_top = false;
    let mut blank = false;
    for (n, raw) in text.lines().enumerate() {
        let (indent, heading, line) = undecorate(raw);
        if line.is_empty() {
            blank = true;
            continue;
        }
        if let Some((key, body)) = footnote(line) {
            notes.push((key, body.to_string()));
            blank = false;
            continue;
        }
        let numbered = number(line);
        let Some((num, body)) = numbered else {
            // Continuation of the open clause, or preamble.
            let plain = line.trim_matches('*').trim();
            match done.last_mut() {
                // A short line that looked like a heading, continued in lower case on the next
                // line, was the start of a sentence after all.
                Some(open)
                    if open.heading_only
                        && !open.markdown_heading
                        && !blank
                        && open.paragraphs.is_empty()
                        && plain.starts_with(|c: char| c.is_lowercase()) =>
                {
                    let start = open.found.title.take().unwrap_or_default();
                    open.paragraphs.push(format!("{start} {plain}"));
                    open.heading_only = false;
                }
                Some(open) => {
                    if blank || open.paragraphs.is_empty() {
                        open.paragraphs.push(plain.to_string());
                    } else if let Some(p) = open.paragraphs.last_mut() {
                        p.push(' ');
                        p.push_str(plain);
                    }
                }
                None => preamble.push(plain.to_string()),
            }
            blank = false;
            continue;
        };
        blank = false;
        let (id, label, parent) = match num {
            Number::Path { id, label } => {
                // Dotted paths nest under their prefix; an indented plain number nests under
                // the item it is indented beneath (a Markdown nested list).
                let parent_of_path = id.rsplit_once('.').map(|(p, _)| p.to_string());
                let nested = top
                    .as_ref()
                    .filter(|(_, ti)| indent > *ti && !id.contains('.'));
                match (parent_of_path, nested) {
                    (Some(p), _) => (
                        id.clone(),
                        label,
                        done.iter().any(|o| o.found.id == p).then_some(p),
                    ),
                    (None, Some((tid, _))) => {
                        let tid = tid.clone();
                        let id = format!("{tid}.{id}");
                        (id.clone(), id, Some(tid))
                    }
                    (None, None) => {
                        top = Some((id.clone(), indent));
                        letter = None;
                        last_letter = None;
                        (id, label, None)
                    }
                }
            }
            Number::Letter {
                of: Some(num),
                letter: l,
                label,
            } => {
                // "21a": the point 21's sub-point; 21 need not be present.
                let parent = done.iter().any(|o| o.found.id == num).then(|| num.clone());
                letter = Some(format!("{num}{l}"));
                last_letter = Some(l);
                (format!("{num}{l}"), label, parent)
            }
            Number::Letter {
                of: None,
                letter: l,
                label,
            } if top.is_none() || letters_on_top => {
                // A draft lettered at the top level ("a.", "b.", …): the letters are its points.
                letters_on_top = true;
                let id = l.to_string();
                letter = Some(id.clone());
                last_letter = Some(l);
                (id, label, None)
            }
            Number::Letter {
                of: None,
                letter: l,
                ..
            } => {
                let Some((tid, _)) = top.clone() else {
                    preamble.push(line.to_string());
                    continue;
                };
                // "a)" under point 6 is shown as "6a": the bare letter says nothing alone.
                let id = format!("{tid}{l}");
                letter = Some(id.clone());
                last_letter = Some(l);
                (id.clone(), id, Some(tid))
            }
            Number::Roman { numeral, label } => {
                // "(i)" right after "(h)" is the letter i.
                if numeral == "i" && last_letter == Some('h') {
                    let Some((tid, _)) = top.clone() else {
                        continue;
                    };
                    let id = format!("{tid}i");
                    letter = Some(id.clone());
                    last_letter = Some('i');
                    (id.clone(), id, Some(tid))
                } else {
                    let under = letter
                        .clone()
                        .or_else(|| top.as_ref().map(|(t, _)| t.clone()));
                    match under {
                        Some(u) => {
                            let id = format!("{u}-{numeral}");
                            (id.clone(), id, Some(u))
                        }
                        None => (numeral.clone(), label, None),
                    }
                }
            }
        };
        // A repeated id (two lists numbered 1…): keep both, the later one marked.
        let mut id = id;
        while done.iter().any(|o| o.found.id == id) {
            id.push('\'');
        }
        let (title, body) = match bold_title(body) {
            Some((t, rest)) => (Some(t), rest.to_string()),
            None => (None, body.trim_matches('*').trim().to_string()),
        };
        let heading_only = title.is_none() && (heading || heading_like(&body));
        let (title, paragraphs) = if heading_only {
            (Some(body.clone()), Vec::new())
        } else {
            (title, if body.is_empty() { vec![] } else { vec![body] })
        };
        done.push(Open {
            found: Found {
                id,
                label,
                parent,
                title,
                text: String::new(),
                line: n + 1,
                footnotes: Vec::new(),
            },
            paragraphs,
            heading_only,
            markdown_heading: heading,
        });
    }
    let clauses = done
        .into_iter()
        .map(|o| {
            let mut f = o.found;
            f.text = o.paragraphs.join("\n\n");
            if f.text.is_empty() {
                // A heading with nothing under it but sub-points: its words are its text.
                f.text = f.title.clone().unwrap_or_default();
            }
            f.footnotes = notes
                .iter()
                .filter(|(k, _)| cites(&f.text, k))
                .map(|(k, t)| format!("{k}: {t}"))
                .collect();
            f
        })
        .collect();
    Parsed {
        preamble: preamble.join(" "),
        clauses,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(p: &Parsed) -> Vec<(&str, Option<&str>)> {
        p.clauses
            .iter()
            .map(|c| (c.id.as_str(), c.parent.as_deref()))
            .collect()
    }

    #[test]
    fn plain_numbers_with_dots_and_parentheses() {
        let p = parse(
            "Preamble words.\n\n1. First point.\n2) Second point\ncontinues here.\n(3) Third.",
        );
        assert_eq!(p.preamble, "Preamble words.");
        assert_eq!(ids(&p), [("1", None), ("2", None), ("3", None)]);
        assert_eq!(p.clauses[1].text, "Second point continues here.");
        assert_eq!(p.clauses[2].label, "(3)");
        assert_eq!(p.clauses[0].line, 3);
    }

    #[test]
    fn lettered_sub_points_nest_under_their_point() {
        let p = parse(
            "21. Territory\n21a. Crimea is recognised.\n21(b) The line is frozen.\n22. Next.\n(a) Under 22.\nb) Also under 22.",
        );
        assert_eq!(
            ids(&p),
            [
                ("21", None),
                ("21a", Some("21")),
                ("21b", Some("21")),
                ("22", None),
                ("22a", Some("22")),
                ("22b", Some("22")),
            ]
        );
        assert_eq!(p.clauses[0].title.as_deref(), Some("Territory"));
        assert_eq!(p.clauses[0].text, "Territory");
        assert_eq!(p.clauses[2].label, "21(b)");
    }

    #[test]
    fn roman_sub_points_and_the_letter_i() {
        let p = parse(
            "1. Point.\n(a) Letter.\n(i) First roman.\n(ii) Second roman.\n(b) B.\n(c) C.\n(d) D.\n(e) E.\n(f) F.\n(g) G.\n(h) H.\n(i) The letter i.",
        );
        let got = ids(&p);
        assert_eq!(got[2], ("1a-i", Some("1a")));
        assert_eq!(got[3], ("1a-ii", Some("1a")));
        assert_eq!(got.last().copied(), Some(("1i", Some("1"))));
    }

    #[test]
    fn memorandum_and_article_styles() {
        let p = parse(
            "I. Key terms\nI.5 Caps on forces.\nII.B.3 Arms deliveries stop.\nArticle 3 — The parties agree.\nPoint 12: Elections are held.\n§ 4 A paragraph sign.",
        );
        let got = ids(&p);
        assert_eq!(got[0], ("I", None));
        assert_eq!(got[1], ("I.5", Some("I")));
        assert_eq!(got[2], ("II.B.3", None));
        assert_eq!(p.clauses[3].label, "Article 3");
        assert_eq!(p.clauses[3].id, "3");
        assert_eq!(p.clauses[3].text, "The parties agree.");
        assert_eq!(
            (p.clauses[4].id.as_str(), p.clauses[4].text.as_str()),
            ("12", "Elections are held.")
        );
        assert_eq!(p.clauses[5].label, "§ 4");
    }

    #[test]
    fn markdown_headings_bold_titles_and_nested_lists() {
        let md = "# A draft\n\n## 1. Security guarantees\nThe guarantees are binding.\n\n2. **Elections.** Held within 100 days.\n\n3. Humanitarian steps:\n   1. Prisoners are exchanged.\n   2. Children return.\n- 4. A bulleted point.";
        let p = parse(md);
        assert_eq!(p.preamble, "A draft");
        assert_eq!(p.clauses[0].title.as_deref(), Some("Security guarantees"));
        assert_eq!(p.clauses[0].text, "The guarantees are binding.");
        assert_eq!(p.clauses[1].title.as_deref(), Some("Elections"));
        assert_eq!(p.clauses[1].text, "Held within 100 days.");
        assert_eq!(
            ids(&p)[2..],
            [
                ("3", None),
                ("3.1", Some("3")),
                ("3.2", Some("3")),
                ("4", None)
            ]
        );
    }

    #[test]
    fn footnotes_stay_out_of_the_text_and_go_to_their_clause() {
        let p = parse(
            "1. The line of contact[1] is frozen.\n2. Elections.^2 Soon.\n\n[1] As of 1 May.\n^2 Under OSCE watch.",
        );
        assert_eq!(p.clauses.len(), 2);
        assert_eq!(p.clauses[0].footnotes, ["1: As of 1 May."]);
        assert_eq!(p.clauses[1].footnotes, ["2: Under OSCE watch."]);
    }

    #[test]
    fn long_texts_keep_their_numbering_past_ten_thousand() {
        let p = parse("9999. Nearly.\n10000. The ten-thousandth point.\n10001) And one more.");
        let got: Vec<&str> = p.clauses.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(got, ["9999", "10000", "10001"]);
    }

    #[test]
    fn prose_numbers_are_not_points() {
        let p = parse("1. A council of 12 members.\n600,000 troops is the cap\n2025 was the year.");
        assert_eq!(p.clauses.len(), 1);
        assert!(p.clauses[0].text.contains("600,000 troops"));
    }
}
