//! Colour for command output: on for terminals, off in pipes and under NO_COLOR.

use super::ColorChoice;
use std::io::IsTerminal;

/// Whether to colour: `--color` decides when given; `auto` colours terminals unless NO_COLOR
/// is set to something non-empty (https://no-color.org).
pub fn color_wanted(choice: ColorChoice, tty: bool) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && !no_color,
    }
}

pub struct Styles {
    pub color: bool,
    /// Wrap long text to this width (terminals only; pipes get one line per paragraph).
    pub wrap: Option<usize>,
}

impl Styles {
    pub fn detect(choice: ColorChoice) -> Styles {
        let tty = std::io::stdout().is_terminal();
        let color = color_wanted(choice, tty);
        let wrap = tty.then(|| {
            crossterm::terminal::size()
                .map(|(w, _)| usize::from(w).clamp(40, 100))
                .unwrap_or(80)
        });
        Styles { color, wrap }
    }

    /// Plain output, for tests.
    #[cfg(test)]
    pub fn plain() -> Styles {
        Styles {
            color: false,
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
    pub fn red(&self, s: &str) -> String {
        self.paint("31", s)
    }
    pub fn green(&self, s: &str) -> String {
        self.paint("32", s)
    }
    pub fn yellow(&self, s: &str) -> String {
        self.paint("33", s)
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
