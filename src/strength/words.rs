//! The words of a text as the heuristics read them: tokens as written and lowercased, with an
//! index of the few words the heuristics look up, and the multiset difference used to find what
//! came and went.

use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// Every lowercase word the heuristics ask about (modals, conditions, guarantee words, the
/// words of guarantor names), numbered. A text indexes only these: a 40-word clause holds a
/// handful, so a lookup is a hash and a search among a few integers, where sorting every word
/// of every revised clause and searching it by string comparison made the flags slower than
/// the word diffs they read.
#[derive(Debug, Clone, Default)]
pub(super) struct Lexicon {
    ids: FxHashMap<String, u16>,
}

impl Lexicon {
    /// Adds each word of a phrase ("is obliged to"), lowercased.
    pub(super) fn add(&mut self, phrase: &str) {
        for w in phrase.split_whitespace() {
            let w = w.to_lowercase();
            let next = u16::try_from(self.ids.len()).unwrap_or(u16::MAX);
            self.ids.entry(w).or_insert(next);
        }
    }

    fn id(&self, word: &str) -> Option<u16> {
        self.ids.get(word).copied()
    }
}

/// A text's word tokens, as written (less a possessive `'s`) and lowercased, with the positions
/// of the lexicon's words.
pub(super) struct Words<'a> {
    pub(super) raw: Vec<&'a str>,
    pub(super) low: Vec<Cow<'a, str>>,
    /// Whether each word was written with a possessive `'s` ("NATO's Article 5").
    pub(super) possessive: Vec<bool>,
    /// Which sentence (or semicolon-separated part of one) each word is in, numbered from 0.
    pub(super) sentence: Vec<u32>,
    /// The punctuation mark written against each word's start ("$" in "$100"), or "".
    pub(super) glued_before: Vec<&'a str>,
    /// The punctuation mark written against each word's end ("%" in "33%", ":" in "00:00").
    pub(super) glued_after: Vec<&'a str>,
    /// Whether a clause boundary (start of a sentence, comma, colon, dash, bracket) comes just
    /// before each word: ", provided the ceasefire holds" opens a condition there.
    pub(super) pause_before: Vec<bool>,
    lexicon: &'a Lexicon,
    /// Lexicon ids of the words found, sorted, and their positions (same order).
    hit_ids: Vec<u16>,
    hit_pos: Vec<u32>,
}

impl<'a> Words<'a> {
    pub(super) fn new(text: &'a str, lexicon: &'a Lexicon) -> Words<'a> {
        Words::from_tokens(crate::diff::tokens(text), lexicon)
    }

    /// The words of a text already cut with [`crate::diff::tokens`].
    pub(super) fn from_tokens(
        tokens: impl Iterator<Item = &'a str>,
        lexicon: &'a Lexicon,
    ) -> Words<'a> {
        let mut raw: Vec<&str> = Vec::new();
        let mut possessive: Vec<bool> = Vec::new();
        let mut sentence: Vec<u32> = Vec::new();
        let mut glued_before: Vec<&str> = Vec::new();
        let mut glued_after: Vec<&str> = Vec::new();
        let mut pause_before: Vec<bool> = Vec::new();
        let mut part = 0;
        let mut previous = "";
        let mut pause = true;
        for t in tokens {
            let was = std::mem::replace(&mut previous, t);
            if matches!(t, "." | ";" | "!" | "?") {
                part += 1;
                pause = true;
                if crate::diff::is_word(was) {
                    glued_after.pop();
                    glued_after.push(t);
                }
            } else if !crate::diff::is_word(t) {
                if t.trim().is_empty() {
                    continue;
                }
                if crate::diff::is_word(was) {
                    glued_after.pop();
                    glued_after.push(t);
                }
                pause |= matches!(t, "," | ":" | "(" | ")" | "—" | "–");
            } else {
                let glued = !was.is_empty() && !crate::diff::is_word(was) && !was.trim().is_empty();
                glued_before.push(if glued { was } else { "" });
                glued_after.push("");
                pause_before.push(std::mem::take(&mut pause));
                let (word, owned) = match t.strip_suffix("'s").or_else(|| t.strip_suffix("’s")) {
                    Some(stem) => (stem, true),
                    None => (t, false),
                };
                raw.push(word);
                possessive.push(owned);
                sentence.push(part);
            }
        }
        let low: Vec<Cow<str>> = raw
            .iter()
            .map(|w| {
                if w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                {
                    Cow::Borrowed(*w)
                } else {
                    // One apostrophe for contractions: "can’t" reads as "can't".
                    Cow::Owned(w.to_lowercase().replace('’', "'"))
                }
            })
            .collect();
        let mut hits: Vec<(u16, u32)> = low
            .iter()
            .enumerate()
            .filter_map(|(i, w)| lexicon.id(w).map(|id| (id, i as u32)))
            .collect();
        hits.sort_unstable();
        let (hit_ids, hit_pos) = hits.into_iter().unzip();
        Words {
            raw,
            low,
            possessive,
            sentence,
            glued_before,
            glued_after,
            pause_before,
            lexicon,
            hit_ids,
            hit_pos,
        }
    }

    /// Positions of a lowercase word, which must be in the lexicon.
    pub(super) fn at(&self, word: &str) -> &[u32] {
        let Some(id) = self.lexicon.id(word) else {
            debug_assert!(false, "`{word}` is not in the strength lexicon");
            return &[];
        };
        let lo = self.hit_ids.partition_point(|&x| x < id);
        let hi = lo + self.hit_ids[lo..].partition_point(|&x| x == id);
        &self.hit_pos[lo..hi]
    }

    /// The lowercase word before position `i`, if any.
    pub(super) fn before(&self, i: usize) -> Option<&str> {
        i.checked_sub(1).map(|k| self.low[k].as_ref())
    }

    /// The lowercase word after position `i`, if any.
    pub(super) fn after(&self, i: usize) -> Option<&str> {
        self.low.get(i + 1).map(|w| w.as_ref())
    }

    /// Whether the word at `i` opens a sentence (or a semicolon-separated part of one).
    pub(super) fn opens_sentence(&self, i: usize) -> bool {
        i == 0 || self.sentence[i - 1] != self.sentence[i]
    }
}

/// Fixed phrases ("undertakes not to", "on condition that") by their first word, each split
/// into its words once: a word that opens no phrase costs one lookup, not a comparison with
/// every phrase of the list. Within a first word, phrases keep the list's order, so the first
/// that matches is the list's first match.
pub(super) struct PhraseIndex<T: 'static> {
    by_first: FxHashMap<&'static str, Vec<(Vec<&'static str>, T)>>,
}

impl<T: 'static> PhraseIndex<T> {
    /// Indexes `(phrase, value)` pairs, phrases written as words separated by single spaces.
    pub(super) fn new(phrases: impl IntoIterator<Item = (&'static str, T)>) -> PhraseIndex<T> {
        let mut by_first: FxHashMap<&'static str, Vec<(Vec<&'static str>, T)>> =
            FxHashMap::default();
        for (phrase, value) in phrases {
            let words: Vec<&'static str> = phrase.split(' ').collect();
            by_first.entry(words[0]).or_default().push((words, value));
        }
        PhraseIndex { by_first }
    }

    /// The first phrase starting at word `i` of `w`: where it ends, and its value.
    pub(super) fn at(&self, w: &Words, i: usize) -> Option<(usize, &T)> {
        self.by_first
            .get(w.low[i].as_ref())?
            .iter()
            .find_map(|(words, value)| {
                let hit = words
                    .iter()
                    .enumerate()
                    .all(|(j, x)| w.low.get(i + j).is_some_and(|y| y == x));
                hit.then_some((i + words.len(), value))
            })
    }
}

/// Items of `a` not matched by an equal item of `b` (multiset difference), in `a`'s order.
pub(super) fn minus<T: PartialEq + Clone>(a: &[T], b: &[T]) -> Vec<T> {
    let mut left: Vec<Option<&T>> = b.iter().map(Some).collect();
    a.iter()
        .filter(
            |x| match left.iter_mut().find(|y| y.is_some_and(|y| y == *x)) {
                Some(slot) => {
                    *slot = None;
                    false
                }
                None => true,
            },
        )
        .cloned()
        .collect()
}
