//! Semantic styles (added, removed, crosses, meets, selected …) in three palettes (dark,
//! light, colour-blind) and without colour. Without colour every distinction is carried by a
//! symbol or a text attribute, and the selected row is always reverse video, never colour
//! alone; the palettes change colours only, so every mark stays in each of them.

use peacediff::model::{Certainty, Effect};
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

/// The colour sets a config file can choose (`theme = "light"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    /// The 16 terminal colours, for dark backgrounds.
    #[default]
    Dark,
    /// For white and light backgrounds: no yellow or cyan text, a light grey selection.
    Light,
    /// Blue for good and added, vermilion for bad and removed, from the Okabe–Ito set that
    /// red–green colour blindness keeps apart (256-colour indices, which nearly every
    /// terminal has).
    ColourBlind,
}

impl Palette {
    /// The names a config file uses, first the one shown.
    pub const NAMES: [(&'static str, Palette); 4] = [
        ("dark", Palette::Dark),
        ("light", Palette::Light),
        ("colour-blind", Palette::ColourBlind),
        ("color-blind", Palette::ColourBlind),
    ];

    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, p)| *p == self)
            .map_or("dark", |(n, _)| n)
    }

    fn colours(self) -> Colours {
        match self {
            Palette::Dark => Colours {
                accent: Color::Cyan,
                key: Color::Yellow,
                good: Color::Green,
                bad: Color::Red,
                changed: Color::Yellow,
                open: Color::Magenta,
                dim: Color::DarkGray,
                unfocused: (Color::DarkGray, Color::White),
            },
            Palette::Light => Colours {
                accent: Color::Blue,
                key: Color::Blue,
                good: Color::Green,
                bad: Color::Red,
                changed: Color::Magenta,
                open: Color::Blue,
                dim: Color::DarkGray,
                unfocused: (Color::Gray, Color::Black),
            },
            Palette::ColourBlind => Colours {
                accent: Color::Indexed(74),
                key: Color::Indexed(221),
                good: Color::Indexed(74),
                bad: Color::Indexed(166),
                changed: Color::Indexed(221),
                open: Color::Indexed(175),
                dim: Color::DarkGray,
                unfocused: (Color::DarkGray, Color::White),
            },
        }
    }
}

/// What each palette gives each role.
struct Colours {
    /// The focused border and labels.
    accent: Color,
    key: Color,
    /// Meets a red line, added words.
    good: Color,
    /// Crosses a red line, removed words.
    bad: Color,
    /// Revised, partly meets, warnings.
    changed: Color,
    /// Left open (bracketed).
    open: Color,
    dim: Color,
    /// Background and text of a selection in a pane without the focus.
    unfocused: (Color, Color),
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
    /// Colour as `color` says, in the dark palette.
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            palette: Palette::Dark,
        }
    }

    pub fn with_palette(self, palette: Palette) -> Theme {
        Theme { palette, ..self }
    }

    fn c(&self) -> Colours {
        self.palette.colours()
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
            let (bg, fg) = self.c().unfocused;
            Style::new().bg(bg).fg(fg)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(self.c().accent),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.dim(),
        }
    }
    pub fn dim(&self) -> Style {
        self.fg(self.c().dim)
    }
    pub fn label(&self) -> Style {
        self.fg(self.c().accent)
    }
    pub fn key(&self) -> Style {
        self.fg(self.c().key).add_modifier(Modifier::BOLD)
    }
    pub fn added(&self) -> Style {
        // Underlined as well as green, as removed words are struck through as well as red:
        // the two read apart without telling red from green.
        if self.color {
            Style::new()
                .fg(self.c().good)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }
    pub fn removed(&self) -> Style {
        if self.color {
            Style::new()
                .fg(self.c().bad)
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
            Tone::Bad => self.fg(self.c().bad).add_modifier(Modifier::BOLD),
            Tone::Removed => self.fg(self.c().bad),
            Tone::Mixed | Tone::Changed => self.fg(self.c().changed),
            Tone::Good | Tone::Added => self.fg(self.c().good),
            Tone::Open => self.fg(self.c().open),
            Tone::Quiet => self.dim(),
        }
    }
    pub fn warning(&self) -> Style {
        self.fg(self.c().changed)
    }
    pub fn error(&self) -> Style {
        if self.color {
            Style::new().fg(self.c().bad).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::testkit::{app, buffer, press, screen};

    /// Every foreground colour on a screen, after `keys`, in a palette.
    fn colours(palette: Palette, keys: &str) -> (String, Vec<Color>) {
        let mut a = app(160, 48, true);
        a.theme = Theme::new(true).with_palette(palette);
        press(&mut a, keys);
        let buf = buffer(&a);
        let mut fg: Vec<Color> = buf.content.iter().map(|c| c.fg).collect();
        fg.sort_by_key(|c| format!("{c:?}"));
        fg.dedup();
        (screen(&a), fg)
    }

    #[test]
    fn palettes_change_colours_and_nothing_else() {
        for keys in ["", "2", "3", "4", "?"] {
            let (dark, _) = colours(Palette::Dark, keys);
            for p in [Palette::Light, Palette::ColourBlind] {
                assert_eq!(colours(p, keys).0, dark, "{p:?} after {keys:?}");
            }
        }
    }

    #[test]
    fn the_light_palette_has_no_text_that_vanishes_on_white() {
        for keys in ["", "2", "3", "4", "?"] {
            let (_, fg) = colours(Palette::Light, keys);
            for pale in [Color::Yellow, Color::Cyan, Color::White, Color::LightYellow] {
                assert!(!fg.contains(&pale), "{pale:?} after {keys:?}");
            }
        }
    }

    #[test]
    fn the_colour_blind_palette_has_no_red_or_green() {
        for keys in ["", "2", "3", "4"] {
            let (_, fg) = colours(Palette::ColourBlind, keys);
            for c in [Color::Red, Color::Green, Color::LightRed, Color::LightGreen] {
                assert!(!fg.contains(&c), "{c:?} after {keys:?}");
            }
        }
        let t = Theme::new(true).with_palette(Palette::ColourBlind);
        assert_ne!(t.added().fg, t.removed().fg);
        // The marks that are not colour stay.
        assert!(t.added().add_modifier.contains(Modifier::UNDERLINED));
        assert!(t.removed().add_modifier.contains(Modifier::CROSSED_OUT));
    }

    #[test]
    fn palette_names_read_back() {
        assert_eq!(Palette::ColourBlind.name(), "colour-blind");
        assert_eq!(Palette::Light.name(), "light");
    }
}
