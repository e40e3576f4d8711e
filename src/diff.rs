//! Word-level diffs of two clause texts, and the tokeniser the rest of the engine shares.
//!
//! This is the only module that uses `similar`. Texts are cut into tokens on Unicode word
//! boundaries (UAX #29, so Cyrillic, Greek, CJK and the rest work), with one addition: a
//! number written with group separators or a decimal point (`600,000`, `1.5`, `10 000` is *not*
//! joined) is one token, so `600,000` → `800,000` is one changed token rather than three.
//! Whitespace and punctuation are tokens of their own, so the segments of a diff always
//! concatenate back to the exact input texts.

use serde::Serialize;

/// What a run of text is in a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SegmentKind {
    /// In both texts.
    Equal,
    /// Only in the old (left) text.
    Removed,
    /// Only in the new (right) text.
    Added,
}

/// A run of text of one kind. Adjacent segments of the same kind are merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub text: String,
}

/// A word diff: a sequence of segments that rebuild both texts exactly.
///
/// Within one change, removed text comes before added text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct WordDiff {
    pub segments: Vec<Segment>,
}

impl WordDiff {
    /// The old text, rebuilt from the `Equal` and `Removed` segments; equal to the input.
    pub fn old_text(&self) -> String {
        self.segments
            .iter()
            .filter(|s| s.kind != SegmentKind::Added)
            .map(|s| s.text.as_str())
            .collect()
    }

    /// The new text, rebuilt from the `Equal` and `Added` segments; equal to the input.
    pub fn new_text(&self) -> String {
        self.segments
            .iter()
            .filter(|s| s.kind != SegmentKind::Removed)
            .map(|s| s.text.as_str())
            .collect()
    }

    /// Whether the two texts are identical.
    pub fn is_unchanged(&self) -> bool {
        self.segments.iter().all(|s| s.kind == SegmentKind::Equal)
    }

    /// The changes as (removed, added) pairs, in text order. Either side may be empty (a pure
    /// insertion or deletion). Whitespace-only segments are kept, so texts stay exact.
    pub fn changes(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.segments.len() {
            let s = &self.segments[i];
            match s.kind {
                SegmentKind::Equal => i += 1,
                SegmentKind::Removed => {
                    let added = match self.segments.get(i + 1) {
                        Some(n) if n.kind == SegmentKind::Added => {
                            i += 1;
                            n.text.clone()
                        }
                        _ => String::new(),
                    };
                    out.push((s.text.clone(), added));
                    i += 1;
                }
                SegmentKind::Added => {
                    out.push((String::new(), s.text.clone()));
                    i += 1;
                }
            }
        }
        out
    }

    /// The word tokens (see [`is_word`]) removed and added, in order.
    pub fn changed_words(&self) -> (Vec<&str>, Vec<&str>) {
        let mut removed = Vec::new();
        let mut added = Vec::new();
        for s in &self.segments {
            match s.kind {
                SegmentKind::Equal => {}
                SegmentKind::Removed => removed.extend(tokens(&s.text).filter(|t| is_word(t))),
                SegmentKind::Added => added.extend(tokens(&s.text).filter(|t| is_word(t))),
            }
        }
        (removed, added)
    }

    /// The share of word tokens the two texts have in common, from 0.0 to 1.0 (1.0 when both
    /// are empty): 2 × common / (old words + new words).
    pub fn similarity(&self) -> f32 {
        let (mut eq, mut old, mut new) = (0usize, 0usize, 0usize);
        for s in &self.segments {
            let n = tokens(&s.text).filter(|t| is_word(t)).count();
            match s.kind {
                SegmentKind::Equal => {
                    eq += n;
                    old += n;
                    new += n;
                }
                SegmentKind::Removed => old += n,
                SegmentKind::Added => new += n,
            }
        }
        if old + new == 0 {
            1.0
        } else {
            (2 * eq) as f32 / (old + new) as f32
        }
    }
}

/// Cuts `text` into tokens: words (with grouped numbers joined), whitespace runs and single
/// punctuation marks. The tokens concatenate to `text`.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> + '_ {
    Tokens {
        text,
        parts: unicode_segmentation::UnicodeSegmentation::split_word_bound_indices(text).peekable(),
    }
}

/// Whether a token is a word or number (has a letter or digit), not whitespace or punctuation.
pub fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// Whether a token is a number (`600,000`, `100`, `1.5`).
pub fn is_number(token: &str) -> bool {
    token.chars().next().is_some_and(|c| c.is_ascii_digit())
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// The words of a text, lowercased, for similarity and indexing (no whitespace, no punctuation).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    tokens(text).filter(|t| is_word(t)).map(str::to_lowercase)
}

struct Tokens<'a> {
    text: &'a str,
    parts: std::iter::Peekable<unicode_segmentation::UWordBoundIndices<'a>>,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let (start, first) = self.parts.next()?;
        let mut end = start + first.len();
        // UAX #29 already keeps "600,000" together; join the cases it splits, such as a
        // separator followed by a non-digit group, only when digits follow the separator.
        if is_number(first) {
            loop {
                let rest = &self.text[end..];
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(sep @ (',' | '.')), Some(d)) if d.is_ascii_digit() => {
                        let _ = sep;
                        // consume the separator and the following number
                        let Some((_, s)) = self.parts.next() else {
                            break;
                        };
                        end += s.len();
                        if let Some((_, n)) = self.parts.peek().copied() {
                            if is_number(n) {
                                self.parts.next();
                                end += n.len();
                                continue;
                            }
                        }
                        break;
                    }
                    _ => break,
                }
            }
        }
        Some(&self.text[start..end])
    }
}

/// The word diff of two texts (see the module docs for how they are tokenised).
pub fn word_diff(old: &str, new: &str) -> WordDiff {
    let a: Vec<&str> = tokens(old).collect();
    let b: Vec<&str> = tokens(new).collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b);
    let mut out = WordDiff::default();
    let mut push = |kind: SegmentKind, parts: &[&str]| {
        if parts.is_empty() {
            return;
        }
        match out.segments.last_mut() {
            Some(last) if last.kind == kind => parts.iter().for_each(|p| last.text.push_str(p)),
            _ => out.segments.push(Segment {
                kind,
                text: parts.concat(),
            }),
        }
    };
    for op in ops {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => {
                push(SegmentKind::Equal, &a[old_index..old_index + len])
            }
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => push(SegmentKind::Removed, &a[old_index..old_index + old_len]),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => push(SegmentKind::Added, &b[new_index..new_index + new_len]),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(SegmentKind::Removed, &a[old_index..old_index + old_len]);
                push(SegmentKind::Added, &b[new_index..new_index + new_len]);
            }
        }
    }
    out
}
