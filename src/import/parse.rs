//! Numbered draft text → clauses. Recognises the numbering real drafts use — `1.`, `1)`, `(1)`,
//! `21a`, `21(a)`, `3.1`, `(a)`, `a)`, `(i)`, `I.5`, `II.B.3`, `Article 3`, `Point 12`, `§ 4` —
//! in plain text and Markdown (headings, bullets, bold titles, nested lists), with footnotes.
//! Sub-points nest under the point they follow; lines without a number continue the clause
//! before them.

mod markup;
mod numbering;
#[cfg(test)]
mod tests;

use markup::{bold_title, cites, footnote, heading_like, undecorate};
use numbering::{Number, number};

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
