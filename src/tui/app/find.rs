//! Whether a text holds a search query, ignoring case: the answer
//! `text.to_lowercase().contains(query)` gives, without lowercasing a copy of the text.
//!
//! The search prompt searches as the user types, so every key searched every clause of the
//! draft, each lowercased into a new string first: with a 50 MB clause in the draft, well over
//! a second a key. For the common case — a text and a query in ASCII, where lowercasing is
//! byte for byte — the query's rarest byte is looked for with `memchr` (in either case) and
//! only the places it occurs are compared; other texts take the plain way.

/// Whether `text` holds `query`, a lowercased query, in any case.
pub fn holds(text: &str, query: &str) -> bool {
    if query.is_empty() {
        return true;
    }
    if !(text.is_ascii() && query.is_ascii()) {
        return text.to_lowercase().contains(query);
    }
    let (t, q) = (text.as_bytes(), query.as_bytes());
    if q.len() > t.len() {
        return false;
    }
    // Each match has the anchor byte at offset `j`: only its occurrences are tried.
    let j = (0..q.len()).max_by_key(|&i| rarity(q[i])).unwrap_or(0);
    let (lower, upper) = (q[j], q[j].to_ascii_uppercase());
    let last_start = t.len() - q.len();
    let mut from = j;
    while let Some(k) = memchr::memchr2(lower, upper, &t[from..=last_start + j]) {
        let start = from + k - j;
        if t[start..start + q.len()].eq_ignore_ascii_case(q) {
            return true;
        }
        from += k + 1;
    }
    false
}

/// How rarely a byte occurs in prose, roughly: letters by their frequency in English, the
/// space most often, anything else (digits, punctuation) seldom.
fn rarity(b: u8) -> u8 {
    const COMMONEST_FIRST: &[u8] = b" etaoinshrdlcumwfgypbvkjxqz";
    COMMONEST_FIRST
        .iter()
        .position(|&c| c == b)
        .map_or(u8::MAX, |i| i as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_in_any_case_and_at_both_ends() {
        assert!(holds("The Ceasefire holds", "ceasefire"));
        assert!(holds("ceasefire", "ceasefire"));
        assert!(holds("x ZZZ", "zzz"));
        assert!(!holds("zz", "zzz"));
        assert!(!holds("ceasefire", "cease-fire"));
        assert!(holds("Україна НАТО", "нато"));
        assert!(holds("anything", ""));
    }

    proptest! {
        #![proptest_config(crate::proptest_seed::config(512))]

        #[test]
        fn answers_as_lowercasing_the_text_does(
            text in "[a-cA-C ,1\u{212a}İНн]{0,40}",
            query in "[a-cA-C ,1kKн]{1,4}",
        ) {
            let q = query.to_lowercase();
            prop_assert_eq!(holds(&text, &q), text.to_lowercase().contains(&q));
        }
    }
}
