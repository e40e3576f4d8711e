//! Semantic styles (added, removed, crosses, meets, selected …) in two variants: 16 colours,
//! and none. Without colour every distinction is carried by a symbol or a text attribute, and
//! the selected row is always reverse video, never colour alone.

use peacediff::model::{Certainty, Effect};
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

/// The mark for a clause's standing: bracketed, disputed, or inherited without a report.
pub fn status_mark(status: Option<peacediff::model::ClauseStatus>) -> &'static str {
    use peacediff::model::ClauseStatus;
    match status {
        Some(ClauseStatus::Bracketed) => "⧗",
        Some(ClauseStatus::Disputed) => "‡",
        Some(ClauseStatus::Unknown) => "?",
        None => " ",
    }
}

/// The mark for how a clause's text is known (published text needs none).
pub fn certainty_mark(c: Certainty) -> &'static str {
    match c {
        Certainty::PublishedText => " ",
        Certainty::Reported => "r",
        Certainty::Inferred => "i",
    }
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    /// The selection in a pane that does not have the focus: visible, but quieter.
    pub fn selected_unfocused(&self) -> Style {
        if self.color {
            Style::new().bg(Color::DarkGray).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.dim(),
        }
    }
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }
    pub fn label(&self) -> Style {
        self.fg(Color::Cyan)
    }
    pub fn key(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn added(&self) -> Style {
        // Underlined as well as green, as removed words are struck through as well as red:
        // the two read apart without telling red from green.
        if self.color {
            Style::new()
                .fg(Color::Green)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }
    pub fn removed(&self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT)
        } else {
            Style::new().add_modifier(Modifier::CROSSED_OUT)
        }
    }
    /// Without colour, changed words are also fenced in text (`[-old-]`, `{+new+}`), since a
    /// terminal may draw neither underline nor strike-through.
    pub fn fences_words(&self) -> bool {
        !self.color
    }
    pub fn effect(&self, effect: Effect) -> Style {
        self.tone(peacediff::legend::Standing::of_effect(effect).legend().tone)
    }
    /// The style of a legend tone: the app's one mapping from meaning to colour.
    pub fn tone(&self, tone: peacediff::legend::Tone) -> Style {
        use peacediff::legend::Tone;
        match tone {
            Tone::Bad => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Tone::Removed => self.fg(Color::Red),
            Tone::Mixed | Tone::Changed => self.fg(Color::Yellow),
            Tone::Good | Tone::Added => self.fg(Color::Green),
            Tone::Open => self.fg(Color::Magenta),
            Tone::Quiet => self.dim(),
        }
    }
    pub fn warning(&self) -> Style {
        self.fg(Color::Yellow)
    }
    pub fn error(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
}
