//! Word-level diffs of two clause texts, and the tokeniser the rest of the engine shares.
//!
//! This is the only module that uses `similar`. Texts are cut into tokens on Unicode word
//! boundaries (UAX #29, so Cyrillic, Greek, CJK and the rest work), with one addition: a
//! number written with group separators or a decimal point (`600,000`, `1.5`, `10 000` is *not*
//! joined) is one token, so `600,000` → `800,000` is one changed token rather than three.
//! Whitespace and punctuation are tokens of their own, so the segments of a diff always
//! concatenate back to the exact input texts.

use serde::Serialize;

mod ascii_words;
mod hunks;
mod tokenise;

pub use hunks::word_diff;
pub(crate) use hunks::word_diff_tokens;
pub use tokenise::{is_number, is_word, tokens, words};

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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_changed_number_is_one_changed_token() {
        let d = word_diff(
            "Ukraine's armed forces are limited to 600,000 personnel.",
            "Ukraine's armed forces are limited to 800,000 personnel.",
        );
        let changed: Vec<&Segment> = d
            .segments
            .iter()
            .filter(|s| s.kind != SegmentKind::Equal)
            .collect();
        assert_eq!(changed.len(), 2);
        assert_eq!(changed[0].text, "600,000");
        assert_eq!(changed[1].text, "800,000");
        assert_eq!(
            d.changes(),
            vec![("600,000".to_string(), "800,000".to_string())]
        );
    }

    #[test]
    fn a_rewritten_sentence_reads_as_one_replacement() {
        let d = word_diff(
            "Ukraine is to be given reliable security guarantees.",
            "Ukraine's guarantees are reported to be stronger than before.",
        );
        assert!(d.segments.len() <= 4, "{:?}", d.segments);
        assert_eq!(
            d.old_text(),
            "Ukraine is to be given reliable security guarantees."
        );
    }

    #[test]
    fn identical_texts_are_one_equal_segment() {
        let d = word_diff("Same text.", "Same text.");
        assert!(d.is_unchanged());
        assert_eq!(d.similarity(), 1.0);
        assert_eq!(word_diff("", "").segments.len(), 0);
    }

    proptest! {
        #![proptest_config(crate::proptest_seed::config(256))]

        /// The segments rebuild both texts exactly, whatever the script.
        #[test]
        fn diff_rebuilds_both_texts(a in "\\PC{0,80}", b in "\\PC{0,80}") {
            let d = word_diff(&a, &b);
            prop_assert_eq!(d.old_text(), a);
            prop_assert_eq!(d.new_text(), b);
        }

        #[test]
        fn diff_rebuilds_edited_texts(
            words in prop::collection::vec("[a-zа-я]{1,8}|[0-9]{1,3}(,[0-9]{3})?", 1..30),
            edits in prop::collection::vec((0usize..30, "[a-zа-я]{1,8}"), 0..5),
        ) {
            let a = words.join(" ");
            let mut w2 = words.clone();
            for (i, new) in edits {
                let i = i % w2.len();
                w2[i] = new;
            }
            let b = w2.join(" ");
            let d = word_diff(&a, &b);
            prop_assert_eq!(d.old_text(), a);
            prop_assert_eq!(d.new_text(), b);
        }
    }
}
