//! The words of a text as the heuristics read them: tokens as written and lowercased, with a
//! sorted index for lookups, and the multiset difference used to find what came and went.

use std::borrow::Cow;

/// A text's word tokens, as written (less a possessive `'s`) and lowercased, with the
/// positions sorted by word for lookups.
pub(super) struct Words<'a> {
    pub(super) raw: Vec<&'a str>,
    pub(super) low: Vec<Cow<'a, str>>,
    pub(super) order: Vec<u32>,
}

impl<'a> Words<'a> {
    pub(super) fn new(text: &'a str) -> Words<'a> {
        let raw: Vec<&str> = crate::diff::tokens(text)
            .filter(|t| crate::diff::is_word(t))
            .map(|t| {
                t.strip_suffix("'s")
                    .or_else(|| t.strip_suffix("’s"))
                    .unwrap_or(t)
            })
            .collect();
        let low: Vec<Cow<str>> = raw
            .iter()
            .map(|w| {
                if w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                {
                    Cow::Borrowed(*w)
                } else {
                    Cow::Owned(w.to_lowercase())
                }
            })
            .collect();
        let mut order: Vec<u32> = (0..low.len() as u32).collect();
        order.sort_by(|&a, &b| low[a as usize].cmp(&low[b as usize]).then(a.cmp(&b)));
        Words { raw, low, order }
    }
    /// Positions of a lowercase word.
    pub(super) fn at(&self, word: &str) -> &[u32] {
        let lo = self
            .order
            .partition_point(|&i| self.low[i as usize].as_ref() < word);
        let hi = lo + self.order[lo..].partition_point(|&i| self.low[i as usize].as_ref() == word);
        &self.order[lo..hi]
    }
    pub(super) fn count(&self, phrase: &str) -> usize {
        let mut parts = phrase.split(' ');
        let first = parts.next().unwrap_or_default();
        let starts = self.at(first);
        if !phrase.contains(' ') {
            return starts.len();
        }
        starts
            .iter()
            .filter(|&&i| {
                parts
                    .clone()
                    .enumerate()
                    .all(|(k, w)| self.low.get(i as usize + 1 + k).is_some_and(|x| x == w))
            })
            .count()
    }
    pub(super) fn has(&self, word: &str) -> bool {
        !self.at(word).is_empty()
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
