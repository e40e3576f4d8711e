//! Colour for command output: on for terminals, off in pipes, and as the environment says.

use super::ColorChoice;
use crate::tui::theme::Palette;
use std::io::IsTerminal;

/// Whether to colour standard output: `--color` decides when given; `auto` follows the
/// conventions other terminal tools share — NO_COLOR, CLICOLOR_FORCE, CLICOLOR=0, TERM=dumb
/// and whether stdout is a terminal — as `anstream` (the crate clap itself uses) reads them,
/// rather than a rule of our own.
pub fn color_wanted(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    }
}

/// The `--color` value given on a command line, read before clap parses it, so that clap's
/// own help and errors follow it too.
pub fn color_flag(args: &[std::ffi::OsString]) -> Option<ColorChoice> {
    let value = args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        match a.strip_prefix("--color") {
            Some(v) if v.starts_with('=') => Some(v[1..].to_string()),
            Some("") => args.get(i + 1)?.to_str().map(str::to_string),
            _ => None,
        }
    })?;
    match value.as_str() {
        "always" => Some(ColorChoice::Always),
        "never" => Some(ColorChoice::Never),
        "auto" => Some(ColorChoice::Auto),
        _ => None,
    }
}

/// What a colour says, whatever the palette draws it in.
#[derive(Clone, Copy)]
enum Role {
    Bad,
    Good,
    Changed,
}

pub struct Styles {
    pub color: bool,
    /// The config file's theme: the same colour roles as the app's palettes.
    pub palette: Palette,
    /// Wrap long text to this width (terminals only; pipes get one line per paragraph).
    pub wrap: Option<usize>,
}

impl Styles {
    pub fn detect(choice: ColorChoice, palette: Palette) -> Styles {
        let tty = std::io::stdout().is_terminal();
        let color = color_wanted(choice);
        let wrap = tty.then(|| {
            crossterm::terminal::size()
                .map(|(w, _)| usize::from(w).clamp(40, 100))
                .unwrap_or(80)
        });
        Styles {
            color,
            palette,
            wrap,
        }
    }

    /// Plain output, for tests.
    #[cfg(test)]
    pub fn plain() -> Styles {
        Styles {
            color: false,
            palette: Palette::Dark,
            wrap: None,
        }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\u{1b}[{code}m{s}\u{1b}[0m")
        } else {
            s.to_string()
        }
    }

    pub fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    pub fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    /// The SGR colour of bad, good and changed in the palette, as the app's palettes give
    /// them (`tui::theme`): light has no yellow text, colour-blind no red or green.
    fn code(&self, role: Role) -> &'static str {
        match (self.palette, role) {
            (Palette::ColourBlind, Role::Bad) => "38;5;166",
            (Palette::ColourBlind, Role::Good) => "38;5;74",
            (Palette::ColourBlind, Role::Changed) => "38;5;221",
            (_, Role::Bad) => "31",
            (_, Role::Good) => "32",
            (Palette::Light, Role::Changed) => "35",
            (_, Role::Changed) => "33",
        }
    }
    pub fn red(&self, s: &str) -> String {
        self.paint(self.code(Role::Bad), s)
    }
    pub fn green(&self, s: &str) -> String {
        self.paint(self.code(Role::Good), s)
    }
    pub fn yellow(&self, s: &str) -> String {
        self.paint(self.code(Role::Changed), s)
    }
    /// Removed words: red and struck through, so they read apart from added ones without
    /// telling red from green.
    pub fn removed(&self, s: &str) -> String {
        self.paint(&format!("{};9", self.code(Role::Bad)), s)
    }
    /// Added words: green and underlined.
    pub fn added(&self, s: &str) -> String {
        self.paint(&format!("{};4", self.code(Role::Good)), s)
    }

    /// Text in the colour of a legend tone (peacediff::legend): the CLI's one mapping.
    pub fn tone(&self, tone: peacediff::legend::Tone, s: &str) -> String {
        use peacediff::legend::Tone;
        match tone {
            Tone::Bad | Tone::Removed => self.red(s),
            Tone::Good | Tone::Added => self.green(s),
            Tone::Mixed | Tone::Changed | Tone::Open => self.yellow(s),
            Tone::Quiet => self.dim(s),
        }
    }

    /// A standing's mark and word in its tone: "✗ crosses", "○ open (bracketed)".
    pub fn standing(&self, s: peacediff::legend::Standing) -> String {
        self.tone(s.legend().tone, &format!("{} {}", s.mark(), s.word()))
    }

    /// Indents a paragraph, wrapping it on terminals.
    pub fn paragraph(&self, text: &str, indent: &str) -> String {
        match self.wrap {
            Some(width) => {
                let opts = textwrap::Options::new(width)
                    .initial_indent(indent)
                    .subsequent_indent(indent);
                text.lines()
                    .map(|l| textwrap::fill(l, &opts))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            None => text
                .lines()
                .map(|l| format!("{indent}{l}"))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    /// On a terminal, a long coloured diff line wraps to the width with its indent, counting
    /// only the visible characters (escape sequences take no room); in a pipe it stays one line.
    #[test]
    fn paragraphs_wrap_to_the_terminal_and_not_in_pipes() {
        let st = Styles {
            color: true,
            palette: Palette::Dark,
            wrap: Some(40),
        };
        let text = format!(
            "Ukraine's armed forces are limited to {} personnel in peacetime, as agreed by both \
             sides in the final text of the framework.",
            st.red("600,000")
        );
        let wrapped = st.paragraph(&text, "    ");
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() >= 3, "{wrapped}");
        let visible = |l: &str| {
            let mut out = String::new();
            let mut in_escape = false;
            for ch in l.chars() {
                match (in_escape, ch) {
                    (false, '\u{1b}') => in_escape = true,
                    (true, 'm') => in_escape = false,
                    (true, _) => {}
                    (false, c) => out.push(c),
                }
            }
            out
        };
        for l in &lines {
            assert!(l.starts_with("    "), "{l:?}");
            assert!(visible(l).chars().count() <= 40, "{:?}", visible(l));
        }
        assert!(wrapped.contains("600,000"));
        let piped = Styles { wrap: None, ..st };
        assert_eq!(piped.paragraph(&text, "    ").lines().count(), 1);
    }
}
