//! Escaping text from the data for GitHub-flavoured Markdown, so that no clause text, title or
//! note can change the structure of an exported document.
//!
//! Everything that comes from plan files goes through an [`Inline`] writer (or one of the
//! shorthands [`line`], [`cell`], [`para`]). It backslash-escapes every character that can open
//! inline markup (emphasis, strikethrough, code, links, raw HTML, entities, footnotes, math and
//! table pipes), escapes what would start a block at the beginning of a line (headings, quotes,
//! lists, setext underlines), and turns line breaks into a break that keeps the reader inside
//! the paragraph, list item or table cell the text was put in. Markup the exporter adds itself
//! goes through [`Inline::markup`], which is written as is.
//!
//! This module owns escaping only; what the document looks like is `markdown.rs`'s business.

use crate::sanitize::clean_text;

/// How a line break in the data is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    /// A space: for headings and other one-line places.
    Space,
    /// `<br>`: the only line break a GFM table cell can hold.
    Html,
    /// A hard line break (`\` at the end of the line), the next line indented by this many
    /// spaces so it stays inside its list item.
    Hard(usize),
}

/// Writes escaped text and raw markup into one string, tracking whether the next character
/// starts a line (where `#`, `>`, `-`, `+`, `=` and `1.` would open a block).
#[derive(Debug, Clone)]
pub struct Inline {
    out: String,
    breaks: Breaks,
    at_line_start: bool,
}

impl Inline {
    /// A writer whose output will begin a line of the document.
    pub fn new(breaks: Breaks) -> Inline {
        Inline {
            out: String::new(),
            breaks,
            at_line_start: true,
        }
    }

    /// A writer whose output follows other text on the same line.
    pub fn continuing(breaks: Breaks) -> Inline {
        Inline {
            at_line_start: false,
            ..Inline::new(breaks)
        }
    }

    /// Appends markup written by the exporter, unescaped. It must not hold line breaks.
    pub fn markup(&mut self, s: &str) -> &mut Self {
        debug_assert!(!s.contains('\n'), "markup spans one line");
        if !s.is_empty() {
            self.out.push_str(s);
            self.at_line_start = false;
        }
        self
    }

    /// Appends `s` between two `marker`s (`*`, `**`, `~~`), trimmed so that the markers touch
    /// its first and last characters, as GFM needs them to; nothing when `s` is blank. The
    /// caller puts whitespace or punctuation on the outer sides.
    pub fn wrapped(&mut self, marker: &str, s: &str) -> &mut Self {
        let s = s.trim();
        if !s.is_empty() {
            self.markup(marker).text(s).markup(marker);
        }
        self
    }

    /// Appends text from the data, escaped. Control characters are dropped, runs of line
    /// breaks become one break, and spaces at the start and end of each line are trimmed
    /// (Markdown would drop or misread them).
    pub fn text(&mut self, s: &str) -> &mut Self {
        let cleaned = clean_text(s).replace(['\u{2028}', '\u{2029}'], "\n");
        let mut first = true;
        for raw_line in cleaned.split('\n') {
            let line = raw_line.trim_matches(is_space);
            if !first && !self.out.is_empty() && !self.ends_with_break() {
                self.line_break();
            }
            first = false;
            if raw_line.starts_with(is_space) && !self.ends_with_space() {
                self.out.push(' ');
            }
            if line.is_empty() {
                continue;
            }
            self.escape_line(line);
            if raw_line.ends_with(is_space) {
                // Kept so that "a " followed by more text still reads "a b"; trimmed at the
                // end by `finish`.
                self.out.push(' ');
            }
        }
        self
    }

    /// Whether nothing has been written.
    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// The Markdown written, with trailing spaces and line breaks removed (a hard break at
    /// the end of a paragraph would show as a backslash).
    pub fn finish(mut self) -> String {
        loop {
            let trimmed = self.out.trim_end_matches(' ').len();
            self.out.truncate(trimmed);
            if self.out.ends_with("<br>") {
                self.out.truncate(self.out.len() - "<br>".len());
            } else if matches!(self.breaks, Breaks::Hard(_)) && self.out.ends_with("\\\n") {
                self.out.truncate(self.out.len() - 2);
            } else {
                let trimmed = self.out.trim_end_matches(is_space).len();
                self.out.truncate(trimmed);
                return self.out;
            }
        }
    }

    fn ends_with_space(&self) -> bool {
        self.out.ends_with(is_space) || self.ends_with_break()
    }

    fn ends_with_break(&self) -> bool {
        self.at_line_start || self.out.ends_with("<br>")
    }

    fn line_break(&mut self) {
        let trimmed = self.out.trim_end_matches(is_space).len();
        self.out.truncate(trimmed);
        match self.breaks {
            Breaks::Space => {
                self.out.push(' ');
                self.at_line_start = false;
            }
            Breaks::Html => {
                self.out.push_str("<br>");
                self.at_line_start = false;
            }
            Breaks::Hard(indent) => {
                self.out.push_str("\\\n");
                self.out.extend(std::iter::repeat_n(' ', indent));
                self.at_line_start = true;
            }
        }
    }

    fn escape_line(&mut self, line: &str) {
        let mut chars = line.char_indices().peekable();
        if self.at_line_start {
            if let Some(n) = ordered_list_marker(line) {
                // "2025. " or "1) " would start a numbered list: escape its delimiter.
                self.out.push_str(&line[..n]);
                self.out.push('\\');
                while chars.peek().is_some_and(|&(i, _)| i < n) {
                    chars.next();
                }
            } else if let Some(&(_, c)) = chars.peek()
                && matches!(c, '>' | '-' | '+' | '=')
            {
                self.out.push('\\');
            }
        }
        self.at_line_start = false;
        while let Some((_, c)) = chars.next() {
            match c {
                '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '|' | '#' | '$' => {
                    self.out.push('\\');
                    self.out.push(c);
                }
                // Only what reads as an entity or a numeric reference: "&amp;", "&#35;".
                '&' if chars
                    .peek()
                    .is_some_and(|&(i, _)| looks_like_entity(&line[i..])) =>
                {
                    self.out.push_str("\\&");
                }
                c => self.out.push(c),
            }
        }
    }
}

/// Whether the text after an `&` is a name or number and a `;`.
fn looks_like_entity(rest: &str) -> bool {
    let name = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name > 0 && rest.as_bytes().get(name) == Some(&b';')
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The byte length of a leading "123." or "123)" that GFM would read as a list marker.
fn ordered_list_marker(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let rest = &line[digits..];
    let mut after = rest.chars();
    match (after.next(), after.next()) {
        (Some('.' | ')'), None) => Some(digits),
        (Some('.' | ')'), Some(c)) if c.is_whitespace() => Some(digits),
        _ => None,
    }
}

/// Text for a heading, or for words that follow other text on the same line: line breaks
/// become spaces. Not for the first words of a list item or paragraph: use [`para`].
pub fn line(s: &str) -> String {
    let mut w = Inline::continuing(Breaks::Space);
    w.text(s);
    w.finish()
}

/// Text for a table cell: pipes escaped, line breaks as `<br>`.
pub fn cell(s: &str) -> String {
    let mut w = Inline::continuing(Breaks::Html);
    w.text(s);
    w.finish()
}

/// Text for a paragraph that starts a line, its continuation lines indented by `indent`.
pub fn para(s: &str, indent: usize) -> String {
    let mut w = Inline::new(Breaks::Hard(indent));
    w.text(s);
    w.finish()
}

/// An identifier as inline code when it is made of plain characters (`ua-army-800k`), else
/// as escaped text.
pub fn code(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':'));
    if plain { format!("`{s}`") } else { line(s) }
}

/// A link destination for an `http`, `https` or `mailto` address, in angle brackets with
/// spaces and brackets percent-encoded; `None` for anything else (`javascript:` and the like),
/// which is then shown as text and never as a link.
pub fn url(s: &str) -> Option<String> {
    let s = s.trim();
    let scheme = s
        .split_once(':')
        .map(|(scheme, _)| scheme.to_ascii_lowercase());
    if !matches!(scheme.as_deref(), Some("http" | "https" | "mailto")) {
        return None;
    }
    let mut out = String::from("<");
    for c in s.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() || c.is_whitespace() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('>');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_inline_markup() {
        assert_eq!(line("a*b*_c_"), r"a\*b\*\_c\_");
        assert_eq!(line("`code` <b>x</b>"), r"\`code\` \<b>x\</b>");
        assert_eq!(line("[link](x) ![img](y)"), r"\[link\](x) !\[img\](y)");
        assert_eq!(line("~~gone~~ a|b"), r"\~\~gone\~\~ a\|b");
        assert_eq!(line("$100 billion"), r"\$100 billion");
        assert_eq!(line("back\\slash"), r"back\\slash");
        assert_eq!(line("Q&A &amp; &#35;"), r"Q&A \&amp; \&\#35;");
    }

    #[test]
    fn escapes_block_openers_only_at_line_start() {
        assert_eq!(para("# Heading", 0), r"\# Heading");
        assert_eq!(para("> quote", 0), r"\> quote");
        assert_eq!(para("- item", 0), r"\- item");
        assert_eq!(para("2025. A year", 0), r"2025\. A year");
        assert_eq!(para("1) first", 0), r"1\) first");
        assert_eq!(para("a > b - c", 0), "a > b - c");
        assert_eq!(para("600,000. troops", 0), "600,000. troops");
        // Not at the start of a line: the writer continues other text.
        assert_eq!(line("- not a list"), "- not a list");
    }

    #[test]
    fn line_breaks_follow_the_place() {
        assert_eq!(line("one\ntwo"), "one two");
        assert_eq!(cell("one\n\n two "), "one<br>two");
        assert_eq!(
            para("one\n# two\n\n- three", 2),
            "one\\\n  \\# two\\\n  \\- three"
        );
    }

    #[test]
    fn markup_is_kept_and_ends_a_line_start() {
        let mut w = Inline::new(Breaks::Hard(0));
        w.wrapped("**", " - bold ");
        assert_eq!(w.finish(), "**- bold**");
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(line("a\u{1b}[31mred\u{7}"), "ared");
    }

    #[test]
    fn urls_are_links_only_for_web_and_mail() {
        assert_eq!(
            url("https://example.org/a b<c>").as_deref(),
            Some("<https://example.org/a%20b%3Cc%3E>")
        );
        assert_eq!(url("javascript:alert(1)"), None);
        assert_eq!(url("no scheme"), None);
    }

    #[test]
    fn identifiers_become_code_only_when_plain() {
        assert_eq!(code("ua-army-800k"), "`ua-army-800k`");
        assert_eq!(code("a`b"), r"a\`b");
    }
}
