//! The Markdown and plain-text marks around a draft's words: heading hashes, bullets and
//! indents, footnote definitions and citations, bold title lead-ins, headings without one.
//!
//! Kept out of the numbering (which reads one token) and the clause assembly (which decides
//! nesting) because these are small, independent readings of a line.

/// Splits off a line's Markdown decoration: heading hashes, a bullet, its indent.
pub(super) fn undecorate(line: &str) -> (usize, bool, &str) {
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
/// A footnote definition: `[1] text`, `[^1]: text`, `^1 text`, `1) ` is not one.
pub(super) fn footnote(s: &str) -> Option<(String, &str)> {
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
pub(super) fn cites(text: &str, key: &str) -> bool {
    text.contains(&format!("[^{key}]"))
        || text.contains(&format!("[{key}]"))
        || text.contains(&format!("^{key}"))
}

/// A bold lead-in as the title: "**Security guarantees.** The text…".
pub(super) fn bold_title(body: &str) -> Option<(String, &str)> {
    let inner = body.strip_prefix("**")?;
    let close = inner.find("**")?;
    let title = inner[..close].trim().trim_end_matches(['.', ':']).trim();
    let rest = inner[close + 2..]
        .trim_start_matches(['.', ':'])
        .trim_start();
    (!title.is_empty()).then(|| (title.to_string(), rest))
}

/// Whether a numbered line's text reads as a heading: short, no sentence end.
pub(super) fn heading_like(body: &str) -> bool {
    let t = body.trim();
    !t.is_empty() && t.chars().count() <= 80 && !t.ends_with(['.', ';', ',', ':'])
}
