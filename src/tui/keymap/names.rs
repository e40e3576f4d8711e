//! Keys as a config file writes them (`q`, `G`, `ctrl-d`, `down`, `pagedown`, `shift-tab`) and
//! as the help and footer show them (`q`, `G`, `C-d`, `↓`, `pgdn`, `S-tab`).

use super::Key;
use crossterm::event::KeyCode;

/// Named keys: the names a config file may use, and the code. The first name is the one the
/// help shows, the second (if any) the one `peacediff config --default` writes.
const NAMED: &[(&[&str], KeyCode)] = &[
    (&["↑", "up"], KeyCode::Up),
    (&["↓", "down"], KeyCode::Down),
    (&["←", "left"], KeyCode::Left),
    (&["→", "right"], KeyCode::Right),
    (&["home"], KeyCode::Home),
    (&["end"], KeyCode::End),
    (&["pgup", "pageup"], KeyCode::PageUp),
    (&["pgdn", "pagedown"], KeyCode::PageDown),
    (&["tab"], KeyCode::Tab),
    (&["S-tab", "shift-tab", "backtab"], KeyCode::BackTab),
    (&["enter", "enter", "return"], KeyCode::Enter),
    (&["esc", "esc", "escape"], KeyCode::Esc),
    (&["space"], KeyCode::Char(' ')),
    (&["bksp", "backspace"], KeyCode::Backspace),
    (&["del", "delete"], KeyCode::Delete),
    (&["ins", "insert"], KeyCode::Insert),
];

/// How a key is shown in the help and the footer.
pub fn show(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        code => NAMED
            .iter()
            .find(|(_, c)| *c == code)
            .map_or_else(|| "?".to_string(), |(names, _)| names[0].to_string()),
    };
    if key.ctrl { format!("C-{base}") } else { base }
}

/// How a key is written in a config file: the long names (`down`, `pagedown`, `ctrl-d`).
pub fn config(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("f{n}"),
        code => NAMED.iter().find(|(_, c)| *c == code).map_or_else(
            || "?".to_string(),
            |(names, _)| names[names.len().min(2) - 1].to_string(),
        ),
    };
    if key.ctrl {
        format!("ctrl-{base}")
    } else {
        base
    }
}

/// A problem with a key's name: what is wrong, and how to write it instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadKey {
    pub message: String,
    pub hint: String,
}

const FORMS: &str = "write one character (`q`, `G`, `?`), a key's name (`down`, `pagedown`, \
                     `enter`, `esc`, `tab`, `space`, `f1`) or `ctrl-` and a letter (`ctrl-d`)";

/// A key as a config file writes it. Letters are case-sensitive (`G` is Shift-g); names and
/// the `ctrl-` prefix are not.
pub fn parse(text: &str) -> Result<Key, BadKey> {
    let bad = |message: String| BadKey {
        message,
        hint: FORMS.to_string(),
    };
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_control() {
            return Err(bad("a control character is not a key name".into()));
        }
        return Ok(Key {
            code: KeyCode::Char(c),
            ctrl: false,
        });
    }
    let lower = text.to_lowercase();
    for prefix in ["ctrl-", "ctrl+", "c-"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let mut cs = rest.chars();
            return match (cs.next(), cs.next()) {
                (Some(c), None) if c.is_ascii_alphanumeric() => Ok(Key {
                    code: KeyCode::Char(c),
                    ctrl: true,
                }),
                _ => Err(bad(format!(
                    "`{text}`: only a letter or digit can follow `ctrl-`"
                ))),
            };
        }
    }
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
        && (1..=12).contains(&n)
    {
        return Ok(Key {
            code: KeyCode::F(n),
            ctrl: false,
        });
    }
    if let Some(letter) = lower.strip_prefix("shift-")
        && letter.chars().count() == 1
    {
        return Err(BadKey {
            message: format!("`{text}`: a shifted letter is written as the capital"),
            hint: format!("write `{}`", letter.to_uppercase()),
        });
    }
    // A misspelt `ctrl-` (`ctlr-c`, `crtl-c`): suggest it whole.
    if let Some((prefix, rest)) = lower.split_once(['-', '+'])
        && rest.chars().count() == 1
        && strsim::jaro_winkler(prefix, "ctrl") > 0.8
    {
        return Err(BadKey {
            message: format!("unknown key `{text}`"),
            hint: format!("did you mean `ctrl-{rest}`?"),
        });
    }
    NAMED
        .iter()
        .find(|(names, _)| names.iter().any(|n| n.to_lowercase() == lower))
        .map(|&(_, code)| Key { code, ctrl: false })
        .ok_or_else(|| {
            let all = NAMED.iter().flat_map(|(names, _)| names.iter().copied());
            let near = peacediff::diagnostic::suggest(&lower, all);
            BadKey {
                message: format!("unknown key `{text}`"),
                hint: match near {
                    Some(s) => format!("{s} ({FORMS})"),
                    None => FORMS.to_string(),
                },
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_as_they_are_shown() {
        for text in [
            "q", "G", "?", "[", "C-d", "↓", "pgdn", "S-tab", "enter", "space", "F5",
        ] {
            let key = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(show(key), text);
        }
        assert_eq!(parse("Ctrl-C").map(show), Ok("C-c".to_string()));
        assert_eq!(parse("PageDown").map(show), Ok("pgdn".to_string()));
        for text in [
            "q",
            "ctrl-d",
            "down",
            "pagedown",
            "shift-tab",
            "space",
            "f5",
            "home",
        ] {
            assert_eq!(parse(text).map(config), Ok(text.to_string()));
        }
    }

    #[test]
    fn bad_names_say_how_to_write_them() {
        let e = parse("dwon").unwrap_err();
        assert_eq!(e.message, "unknown key `dwon`");
        assert!(e.hint.starts_with("did you mean `down`?"), "{}", e.hint);
        assert_eq!(parse("shift-g").unwrap_err().hint, "write `G`");
        assert_eq!(parse("ctlr-c").unwrap_err().hint, "did you mean `ctrl-c`?");
        assert!(parse("ctrl-").is_err());
        assert!(parse("ctrl-up").is_err());
        assert!(parse("f13").is_err());
        assert!(parse("").is_err());
    }
}
