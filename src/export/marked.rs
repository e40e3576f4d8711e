//! A word diff as GitHub-flavoured Markdown: removed text as `~~strikethrough~~`, added text
//! as `**strong**`, readable without colour.
//!
//! GFM opens and closes `~~` and `**` only where the delimiter "flanks" its text: a closing
//! `**` between a `)` and a letter is not a delimiter at all, and `~~ and~~` never opens. So
//! every marked change here starts and ends at whitespace (or the edge of the text): a change
//! that begins or ends inside a word (`forces.` → `forces;`) is widened to the whole word, and
//! whitespace at its edges is moved outside the marks. The result always renders, whatever
//! punctuation the words carry, and the marks cover exactly what the engine's diff changed plus
//! at most the rest of the words it touched.

use super::escape::Inline;
use crate::diff::{SegmentKind, WordDiff};

/// A piece of the rendered diff: text common to both sides, or one change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Change { old: String, new: String },
}

/// Regroups a word diff into pieces whose changes start and end at whitespace.
pub fn pieces(diff: &WordDiff) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let segments = &diff.segments;
    let mut i = 0;
    while i < segments.len() {
        if segments[i].kind == SegmentKind::Equal {
            out.push(Piece::Same(segments[i].text.clone()));
            i += 1;
            continue;
        }
        let (mut old, mut new) = (String::new(), String::new());
        let mut first_run = true;
        loop {
            while i < segments.len() && segments[i].kind != SegmentKind::Equal {
                match segments[i].kind {
                    SegmentKind::Removed => old.push_str(&segments[i].text),
                    _ => new.push_str(&segments[i].text),
                }
                i += 1;
            }
            if first_run && (starts_in_word(&old) || starts_in_word(&new)) {
                absorb_left(&mut old, &mut new, &mut out);
            }
            first_run = false;
            // The head of the following common text up to its first whitespace joins too.
            let Some(next) = segments.get(i) else { break };
            if !ends_in_word(&old) && !ends_in_word(&new) {
                break;
            }
            match next.text.find(char::is_whitespace) {
                Some(0) => break,
                Some(cut) => {
                    old.push_str(&next.text[..cut]);
                    new.push_str(&next.text[..cut]);
                    out.push(Piece::Change { old, new });
                    out.push(Piece::Same(next.text[cut..].to_string()));
                    i += 1;
                    (old, new) = (String::new(), String::new());
                    break;
                }
                None => {
                    old.push_str(&next.text);
                    new.push_str(&next.text);
                    i += 1;
                }
            }
        }
        if !old.is_empty() || !new.is_empty() {
            out.push(Piece::Change { old, new });
        }
    }
    out
}

fn starts_in_word(s: &str) -> bool {
    s.chars().next().is_some_and(|c| !c.is_whitespace())
}

fn ends_in_word(s: &str) -> bool {
    s.chars().next_back().is_some_and(|c| !c.is_whitespace())
}

/// Moves the tail of the preceding common text, back to its last whitespace, into the change
/// being built; if that text has no whitespace at all, the change before it joins too.
fn absorb_left(old: &mut String, new: &mut String, out: &mut Vec<Piece>) {
    if let Some(Piece::Same(prev)) = out.last_mut() {
        let cut = prev
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(j, c)| j + c.len_utf8());
        let tail = prev.split_off(cut);
        old.insert_str(0, &tail);
        new.insert_str(0, &tail);
        if prev.is_empty() {
            out.pop();
            if let Some(Piece::Change { .. }) = out.last() {
                if let Some(Piece::Change { old: o, new: n }) = out.pop() {
                    old.insert_str(0, &o);
                    new.insert_str(0, &n);
                }
            }
        }
    }
}

/// Writes the diff into `w`: common text escaped, changes as `~~old~~ **new**`.
pub fn write(diff: &WordDiff, w: &mut Inline) {
    for piece in pieces(diff) {
        match piece {
            Piece::Same(text) => {
                w.text(&text);
            }
            Piece::Change { old, new } => write_change(&old, &new, w),
        }
    }
}

fn write_change(old: &str, new: &str, w: &mut Inline) {
    let (o, n) = (old.trim(), new.trim());
    // Whitespace at the edges stays outside the marks, where it does not stop them working.
    let leading = |s: &str| s[..s.len() - s.trim_start().len()].to_string();
    let trailing = |s: &str| s[s.trim_end().len()..].to_string();
    let either = |a: String, b: String| if a.is_empty() { b } else { a };
    w.text(&either(leading(old), leading(new)));
    if o == n {
        // A change of whitespace only.
        w.text(o);
    } else {
        if !o.is_empty() {
            w.markup("~~").text(o).markup("~~");
        }
        if !o.is_empty() && !n.is_empty() {
            w.markup(" ");
        }
        if !n.is_empty() {
            w.markup("**").text(n).markup("**");
        }
    }
    w.text(&either(trailing(old), trailing(new)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::word_diff;
    use crate::export::escape::Breaks;

    fn render(old: &str, new: &str) -> String {
        let mut w = Inline::new(Breaks::Hard(0));
        write(&word_diff(old, new), &mut w);
        w.finish()
    }

    #[test]
    fn numbers_and_words_are_marked_whole() {
        assert_eq!(
            render(
                "capped at 600,000 personnel.",
                "capped at 800,000 personnel."
            ),
            "capped at ~~600,000~~ **800,000** personnel."
        );
    }

    #[test]
    fn changes_inside_a_word_mark_the_whole_word() {
        assert_eq!(
            render("the forces. Next", "the forces; Next"),
            "the ~~forces.~~ **forces;** Next"
        );
        assert_eq!(render("(a) x", "(b) x"), r"~~(a)~~ **(b)** x");
    }

    #[test]
    fn pure_insertions_and_deletions_keep_spaces_outside() {
        assert_eq!(render("one two", "one big two"), "one **big** two");
        assert_eq!(render("one big two", "one two"), "one ~~big~~ two");
        assert_eq!(render("one", "one two"), "one **two**");
        assert_eq!(render("", "all new"), "**all new**");
    }

    #[test]
    fn escaped_punctuation_stays_inside_the_marks() {
        assert_eq!(
            render("pay $5 now", "pay *5* now"),
            r"pay ~~\$5~~ **\*5\*** now"
        );
    }

    #[test]
    fn pieces_rebuild_both_texts() {
        let d = word_diff("a b-c d. e", "a x-c d; e f");
        let (mut old, mut new) = (String::new(), String::new());
        for p in pieces(&d) {
            match p {
                Piece::Same(s) => {
                    old.push_str(&s);
                    new.push_str(&s);
                }
                Piece::Change { old: o, new: n } => {
                    old.push_str(&o);
                    new.push_str(&n);
                }
            }
        }
        assert_eq!(old, "a b-c d. e");
        assert_eq!(new, "a x-c d; e f");
    }
}
