//! Short labels that stay distinct when a column is narrower than they are.
//!
//! Drafts carry a short label of up to ten characters ("Minsk II"), but the Topics grid, the
//! picker and the scoreboard give a draft five to eight cells. Cutting each label on its own
//! turns "Minsk I" and "Minsk II" into the same "Minsk…", so a column could be read as the
//! wrong agreement. Here the whole set is shortened together: a label keeps its distinctive
//! end ("MinsI", "MinII"), and when two still meet they are numbered, so no two columns ever
//! show the same text.

use unicode_width::UnicodeWidthStr;

/// One label per input, each at most `width` cells (for `width` ≥ 2), all different when the
/// inputs are; a label that fits is kept as it is.
pub fn distinct(labels: &[&str], width: usize) -> Vec<String> {
    let mut out: Vec<String> = labels.iter().map(|l| shorten(l, width)).collect();
    // Labels that still meet are numbered by position, which no two share, except one that
    // is shown whole: "25" stays "25" and a long label shortened to "25" is numbered. Repeated
    // only in pathological sets, so bounded.
    for pass in 0..3 {
        let clashes = clashing(&out);
        if clashes.is_empty() {
            break;
        }
        for i in clashes {
            let whole = out[i] == labels[i];
            let first_whole = whole && !(0..i).any(|j| out[j] == out[i] && out[j] == labels[j]);
            if !first_whole {
                out[i] = numbered(labels[i], i + 1, width, pass);
            }
        }
    }
    out
}

/// Indices of the labels shown more than once.
fn clashing(out: &[String]) -> Vec<usize> {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for s in out {
        *seen.entry(s.as_str()).or_default() += 1;
    }
    (0..out.len())
        .filter(|&i| seen[out[i].as_str()] > 1)
        .collect()
}

fn width_of(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The longest start of `s` that fits in `cells`.
fn prefix(s: &str, cells: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for ch in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if w + cw > cells {
            break;
        }
        w += cw;
        out.push(ch);
    }
    out
}

/// One label at `width`: itself; else without spaces; else its first word cut to make room for
/// its last ("Minsk II" → "MinII"), which is where numbered and dated labels differ; else cut
/// with an ellipsis.
fn shorten(label: &str, width: usize) -> String {
    if width_of(label) <= width {
        return label.to_string();
    }
    let joined: String = label.split_whitespace().collect();
    if width_of(&joined) <= width {
        return joined;
    }
    let words: Vec<&str> = label
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .collect();
    if let [first, .., last] = words.as_slice() {
        let tail = width_of(last);
        if tail + 2 <= width {
            return format!("{}{last}", prefix(first, width - tail));
        }
    }
    if width < 2 {
        return prefix(label, width);
    }
    format!("{}…", prefix(label, width - 1))
}

/// The label's start and a number that makes it unique: "Min1", "Min2"; on a later `pass`
/// (the numbered label met a label shown whole) with a shorter start and a `#`.
fn numbered(label: &str, n: usize, width: usize, pass: usize) -> String {
    let digits = if pass == 0 {
        n.to_string()
    } else {
        format!("#{n}")
    };
    let room = width.saturating_sub(digits.len() + pass.saturating_sub(1));
    let joined: String = label.split_whitespace().collect();
    format!("{}{digits}", prefix(&joined, room))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn numbered_agreements_keep_their_numbers() {
        let got = distinct(&["Minsk I", "Minsk II", "28-pt", "19-pt"], 5);
        assert_eq!(got, ["MinsI", "MinII", "28-pt", "19-pt"]);
        let got = distinct(&["Minsk I", "Minsk II"], 8);
        assert_eq!(got, ["Minsk I", "Minsk II"]);
    }

    #[test]
    fn labels_that_still_meet_are_numbered() {
        let got = distinct(&["Draft-alpha", "Draft-omega", "Drafters"], 4);
        assert!(got.iter().all(|l| width_of(l) <= 4), "{got:?}");
        let mut sorted = got.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 3, "{got:?}");
    }

    proptest! {
        #![proptest_config(crate::proptest_seed::config(256))]
        /// Distinct labels stay distinct and fit, at every width a view uses.
        #[test]
        fn distinct_labels_stay_distinct_and_fit(
            labels in proptest::collection::btree_set("[A-Za-z0-9 -]{1,10}", 1..40),
            width in 3usize..12,
        ) {
            let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
            let got = distinct(&labels, width);
            for (l, g) in labels.iter().zip(&got) {
                prop_assert!(width_of(g) <= width, "{l:?} → {g:?}");
                if width_of(l) <= width {
                    prop_assert_eq!(g, l, "a label that fits is shown whole");
                }
            }
            prop_assert!(clashing(&got).is_empty(), "{got:?}");
        }
    }
}
