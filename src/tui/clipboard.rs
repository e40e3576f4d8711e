//! Copying to the clipboard with OSC 52: the terminal itself sets the clipboard, so it works
//! over ssh and inside tmux (with `set-clipboard on`), with no clipboard daemon needed.

use base64::Engine;

/// The escape sequence that puts `text` on the system clipboard.
pub fn osc52(text: &str) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\u{1b}]52;c;{b64}\u{7}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    #[test]
    fn the_sequence_carries_the_text_exactly() {
        let text = "28-pt 6. Army capped\nЗбройні сили: 600 000";
        let seq = osc52(text);
        assert!(seq.starts_with("\u{1b}]52;c;") && seq.ends_with('\u{7}'));
        let body = &seq["\u{1b}]52;c;".len()..seq.len() - 1];
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap_or_default();
        assert_eq!(String::from_utf8_lossy(&decoded), text);
    }
}
