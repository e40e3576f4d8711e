//! Makes text from data files safe to show: no control characters, no escape sequences.
//!
//! A plan file is user input, and so is a file name. A stray ESC or a bidirectional override in
//! a clause text, an identifier or a file name could repaint the terminal, write the clipboard
//! or disguise what a line says. So this module is the one place such text is made safe:
//! field values are cleaned once, when they are loaded; every diagnostic cleans its message,
//! hint, file name and excerpt when it is made ([`crate::diagnostic`]); every path shown to a
//! user goes through [`path`]; and the binary cleans its error report once more at its edge.

/// Removes escape sequences and control characters; keeps newlines and turns tabs into spaces.
pub fn clean_text(s: &str) -> String {
    clean(s, true)
}

/// Like [`clean_text`], but also folds newlines into spaces, for one-line fields.
pub fn clean_line(s: &str) -> String {
    clean(s, false)
}

fn clean(s: &str, keep_newlines: bool) -> String {
    // Fast path: printable ASCII (and newlines, when kept) needs no cleaning.
    if s.bytes()
        .all(|b| (0x20..0x7f).contains(&b) || (keep_newlines && b == b'\n'))
    {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 control introducer for a control sequence, equivalent to ESC [.
            '\u{9b}' => skip_csi_body(&mut chars),
            '\n' if keep_newlines => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            '\r' => {}
            c if c.is_control() || is_invisible_format(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A path as it is shown to a user: lossy UTF-8, on one line, without control characters.
pub fn path(p: &std::path::Path) -> String {
    clean_line(&p.to_string_lossy())
}

/// Bidirectional marks, overrides and isolates can make a line read differently from what it
/// holds (U+061C, the Arabic letter mark, is one of them).
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}'
    )
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi_body(chars),
        // OSC, DCS, SOS, PM, APC: run until BEL or ST (ESC \).
        Some(']' | 'P' | 'X' | '^' | '_') => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        // Two-character escapes (ESC c, ESC 7 …): the one character is dropped with ESC.
        _ => {}
    }
}

fn skip_csi_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    // Parameters and intermediates, then one final byte in @..~.
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn strips_colour_and_title_sequences() {
        assert_eq!(clean_text("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean_text("x\u{1b}]0;pwned\u{7}y"), "xy");
        assert_eq!(clean_text("x\u{1b}]52;c;Zm9v\u{1b}\\y"), "xy");
        assert_eq!(clean_text("x\u{9b}2Jy"), "xy");
    }

    #[test]
    fn keeps_text_and_newlines_but_not_other_controls() {
        assert_eq!(clean_text("Крим\r\nта\tДонбас\u{7}"), "Крим\nта Донбас");
        assert_eq!(clean_line("one\ntwo"), "one two");
        assert_eq!(clean_text("a\u{202e}b"), "ab");
        assert_eq!(clean_text("a\u{61c}b"), "ab");
    }

    #[test]
    fn paths_are_shown_on_one_clean_line() {
        use std::os::unix::ffi::OsStrExt;
        let raw = std::ffi::OsStr::from_bytes(b"plans/x\x1b]2;PWNED\x07\ny\xff.toml");
        assert_eq!(path(std::path::Path::new(raw)), "plans/x y\u{fffd}.toml");
    }

    proptest! {
        #![proptest_config(crate::proptest_seed::config(256))]

        #[test]
        fn output_never_holds_controls(s in any::<String>()) {
            let out = clean_text(&s);
            prop_assert!(out.chars().all(|c| c == '\n' || !c.is_control()));
        }

        #[test]
        fn clean_text_is_idempotent(s in any::<String>()) {
            let once = clean_text(&s);
            prop_assert_eq!(clean_text(&once), once.clone());
        }
    }
}
