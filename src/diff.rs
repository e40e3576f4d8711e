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

/// UAX #29 word boundaries for ASCII text, rule for rule (WB3–WB13b; the rules about
/// extenders, emoji, Katakana and Hebrew letters cannot apply to ASCII). Tested against
/// `unicode-segmentation` on random ASCII.
#[derive(Clone)]
struct AsciiWords<'a> {
    text: &'a str,
    pos: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Wb {
    Letter,
    Numeric,
    /// `:`
    MidLetter,
    /// `.` and `'` (MidNumLet and Single_Quote behave alike here)
    MidNumLetQ,
    /// `,` `;`
    MidNum,
    /// `_`
    ExtendNumLet,
    /// ` `
    Space,
    Cr,
    Lf,
    /// vertical tab, form feed
    Newline,
    Other,
}

fn wb(b: u8) -> Wb {
    WB_TABLE[usize::from(b & 0x7f)]
}

const WB_TABLE: [Wb; 128] = {
    let mut t = [Wb::Other; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = wb_class(i as u8);
        i += 1;
    }
    t
};

const fn wb_class(b: u8) -> Wb {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
        b'0'..=b'9' => Wb::Numeric,
        b':' => Wb::MidLetter,
        b'.' | b'\'' => Wb::MidNumLetQ,
        b',' | b';' => Wb::MidNum,
        b'_' => Wb::ExtendNumLet,
        b' ' => Wb::Space,
        b'\r' => Wb::Cr,
        b'\n' => Wb::Lf,
        0x0b | 0x0c => Wb::Newline,
        _ => Wb::Other,
    }
}

impl<'a> Iterator for AsciiWords<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        use Wb::*;
        let b = self.text.as_bytes();
        let start = self.pos;
        let first = wb(*b.get(start)?);
        let word = |c: Wb| matches!(c, Letter | Numeric | ExtendNumLet);
        let mut i = start + 1;
        match first {
            // WB5, WB8–WB10, WB13a–b join letters, digits and `_`; WB6–7 and WB11–12 join
            // a letter-mid-letter or digit-mid-digit triple.
            Letter | Numeric | ExtendNumLet => {
                while i < b.len() {
                    let cur = wb(b[i]);
                    if word(cur) {
                        i += 1;
                        continue;
                    }
                    let prev = wb(b[i - 1]);
                    let next = b.get(i + 1).map(|&x| wb(x));
                    let joins = matches!(
                        (prev, cur, next),
                        (Letter, MidLetter | MidNumLetQ, Some(Letter))
                            | (Numeric, MidNum | MidNumLetQ, Some(Numeric))
                    );
                    if !joins {
                        break;
                    }
                    i += 2;
                }
            }
            // WB3d: horizontal space runs stay together.
            Space => {
                while i < b.len() && wb(b[i]) == Space {
                    i += 1;
                }
            }
            // WB3: CR LF is one segment.
            Cr if b.get(i) == Some(&b'\n') => i += 1,
            _ => {}
        }
        self.pos = i;
        Some(&self.text[start..i])
    }
}

/// One step of a diff over tokens: a run in both, or a change (either side may be empty).
enum Hunk<'a> {
    Equal(Vec<&'a str>),
    Change(Vec<&'a str>, Vec<&'a str>),
}

fn word_count(tokens: &[&str]) -> usize {
    tokens.iter().filter(|t| is_word(t)).count()
}

/// The word diff of two texts (see the module docs for how they are tokenised).
///
/// After the token diff, short runs of equal text caught between two changes — whitespace
/// and punctuation always, words when there are no more of them than in the changes on either
/// side — are folded into the changes, so a rewritten sentence reads as one replacement rather
/// than a word-by-word interleaving, while `600,000` → `800,000` stays a one-token change.
pub fn word_diff(old: &str, new: &str) -> WordDiff {
    let a: Vec<&str> = tokens(old).collect();
    let b: Vec<&str> = tokens(new).collect();
    word_diff_tokens(&a, &b)
}

/// [`word_diff`] of two texts already cut with [`tokens`] (the alignment cuts each text once
/// for its diff and its strength flags).
pub(crate) fn word_diff_tokens<'t>(a: &[&'t str], b: &[&'t str]) -> WordDiff {
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, a, b);
    let mut hunks: Vec<Hunk> = Vec::new();
    fn change<'a>(hunks: &mut Vec<Hunk<'a>>, del: &[&'a str], ins: &[&'a str]) {
        if let Some(Hunk::Change(d, i)) = hunks.last_mut() {
            d.extend_from_slice(del);
            i.extend_from_slice(ins);
        } else {
            hunks.push(Hunk::Change(del.to_vec(), ins.to_vec()));
        }
    }
    for op in ops {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => {
                hunks.push(Hunk::Equal(a[old_index..old_index + len].to_vec()))
            }
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => change(&mut hunks, &a[old_index..old_index + old_len], &[]),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => change(&mut hunks, &[], &b[new_index..new_index + new_len]),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => change(
                &mut hunks,
                &a[old_index..old_index + old_len],
                &b[new_index..new_index + new_len],
            ),
        }
    }
    // Fold short equalities between changes into them, until nothing changes.
    loop {
        let mut folded = false;
        let mut i = 1;
        while i + 1 < hunks.len() {
            let fold = match (&hunks[i - 1], &hunks[i], &hunks[i + 1]) {
                (Hunk::Change(d0, i0), Hunk::Equal(eq), Hunk::Change(d1, i1)) => {
                    let n = word_count(eq);
                    let before = word_count(d0).max(word_count(i0));
                    let after = word_count(d1).max(word_count(i1));
                    n == 0 || (n <= before && n <= after)
                }
                _ => false,
            };
            if fold {
                let Hunk::Change(d1, i1) = hunks.remove(i + 1) else {
                    unreachable!()
                };
                let Hunk::Equal(eq) = hunks.remove(i) else {
                    unreachable!()
                };
                if let Hunk::Change(d0, i0) = &mut hunks[i - 1] {
                    d0.extend_from_slice(&eq);
                    d0.extend(d1);
                    i0.extend_from_slice(&eq);
                    i0.extend(i1);
                }
                folded = true;
            } else {
                i += 1;
            }
        }
        if !folded {
            break;
        }
    }
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
    for h in &hunks {
        match h {
            Hunk::Equal(eq) => push(SegmentKind::Equal, eq),
            Hunk::Change(d, i) => {
                push(SegmentKind::Removed, d);
                push(SegmentKind::Added, i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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

    fn uax29(s: &str) -> Vec<&str> {
        unicode_segmentation::UnicodeSegmentation::split_word_bounds(s).collect()
    }

    proptest! {
        #![proptest_config(crate::proptest_seed::config(256))]

        /// The ASCII fast path cuts exactly where UAX #29 does.
        #[test]
        fn ascii_fast_path_matches_uax29(s in "[a-zA-Z0-9 .,;:'_\\-\"\r\n\t()$%]{0,60}") {
            let fast: Vec<&str> = AsciiWords { text: &s, pos: 0 }.collect();
            prop_assert_eq!(fast, uax29(&s));
        }

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

        /// Tokens always concatenate to the input.
        #[test]
        fn tokens_concatenate_to_input(s in "\\PC{0,80}") {
            prop_assert_eq!(tokens(&s).collect::<String>(), s);
        }
    }
}
