//! The tokeniser the whole engine shares: words on Unicode word boundaries, with grouped
//! numbers (`600,000`, `600 000` with a no-break space) joined into one token.
//!
//! Kept apart from the diff itself because alignment, similarity, the word index and the
//! strength flags all cut text with it without ever diffing; the ASCII fast path under it
//! lives in [`super::ascii_words`].

use super::ascii_words::AsciiWords;

/// Cuts `text` into tokens: words (with grouped numbers joined), whitespace runs and single
/// punctuation marks. The tokens concatenate to `text`.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> + '_ {
    let parts = if text.is_ascii() {
        Parts::Ascii(AsciiWords { text, pos: 0 })
    } else {
        Parts::Unicode(unicode_segmentation::UnicodeSegmentation::split_word_bound_indices(text))
    };
    Tokens {
        text,
        parts: parts.peekable(),
    }
}

/// Whether a token is a word or number (has a letter or digit), not whitespace or punctuation.
pub fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// Whether a token is a number (`600,000`, `100`, `1.5`, `600 000` with a no-break space).
pub fn is_number(token: &str) -> bool {
    token.chars().next().is_some_and(|c| c.is_ascii_digit())
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || is_group_space(c))
}

/// The spaces typography uses inside numbers ("600 000"): no-break, narrow no-break, thin and
/// figure space. A plain space is not one (it would join "in 2025 100 days").
fn is_group_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

/// The words of a text, lowercased, for similarity and indexing (no whitespace, no punctuation).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    tokens(text).filter(|t| is_word(t)).map(str::to_lowercase)
}

/// The word-boundary segments of a text with their byte offsets: UAX #29, with an exact fast
/// path for ASCII text.
#[derive(Clone)]
enum Parts<'a> {
    Ascii(AsciiWords<'a>),
    Unicode(unicode_segmentation::UWordBoundIndices<'a>),
}

impl<'a> Iterator for Parts<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<(usize, &'a str)> {
        match self {
            Parts::Ascii(a) => {
                let start = a.pos;
                a.next().map(|s| (start, s))
            }
            Parts::Unicode(u) => u.next(),
        }
    }
}

struct Tokens<'a> {
    text: &'a str,
    parts: std::iter::Peekable<Parts<'a>>,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let (start, first) = self.parts.next()?;
        // UAX #29 keeps "600,000" and "1.5" together already; join groups separated by a
        // no-break or thin space ("600 000"), when a three-digit group follows.
        if !first.starts_with(|c: char| c.is_ascii_digit()) || !is_number(first) {
            return Some(first);
        }
        let mut end = start + first.len();
        loop {
            let mut ahead = self.parts.clone();
            let (Some((_, space)), Some((_, group))) = (ahead.next(), ahead.next()) else {
                break;
            };
            let mut chars = space.chars();
            let group_space = chars.next().is_some_and(is_group_space) && chars.next().is_none();
            let three_digits = group.len() == 3 && group.bytes().all(|b| b.is_ascii_digit());
            if !(group_space && three_digits) {
                break;
            }
            self.parts.next();
            self.parts.next();
            end += space.len() + group.len();
        }
        Some(&self.text[start..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::diff::word_diff;

    fn toks(s: &str) -> Vec<&str> {
        tokens(s).collect()
    }

    #[test]
    fn numbers_are_one_token() {
        assert_eq!(
            toks("limited to 600,000 personnel."),
            ["limited", " ", "to", " ", "600,000", " ", "personnel", "."]
        );
        assert!(toks("1.5 billion").contains(&"1.5"));
        assert!(toks("600\u{a0}000 troops").contains(&"600\u{a0}000"));
        assert!(toks("до 600\u{202f}000 осіб").contains(&"600\u{202f}000"));
        // A plain space does not join numbers.
        assert!(toks("in 2025 100 days").contains(&"2025"));
    }

    #[test]
    fn cyrillic_is_cut_into_words() {
        assert_eq!(
            toks("Збройні сили України"),
            ["Збройні", " ", "сили", " ", "України"]
        );
        let d = word_diff(
            "Збройні сили України — 600 тисяч",
            "Збройні сили України — 800 тисяч",
        );
        assert_eq!(d.changes(), vec![("600".to_string(), "800".to_string())]);
    }

    proptest! {
        #![proptest_config(crate::proptest_seed::config(256))]

        /// Tokens always concatenate to the input.
        #[test]
        fn tokens_concatenate_to_input(s in "\\PC{0,80}") {
            prop_assert_eq!(tokens(&s).collect::<String>(), s);
        }
    }
}
