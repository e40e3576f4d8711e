//! UAX #29 word boundaries for ASCII text, without the general Unicode tables.
//!
//! Most clause texts are plain ASCII, and cutting them is the hottest loop of an alignment;
//! this exact restatement of the rules for ASCII is kept apart from the tokeniser so that its
//! one claim — it cuts exactly where `unicode-segmentation` does — is tested on its own.

/// UAX #29 word boundaries for ASCII text, rule for rule (WB3–WB13b; the rules about
/// extenders, emoji, Katakana and Hebrew letters cannot apply to ASCII). Tested against
/// `unicode-segmentation` on random ASCII.
#[derive(Clone)]
pub(super) struct AsciiWords<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
    }
}
