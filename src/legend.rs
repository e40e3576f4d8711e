//! The one vocabulary of marks: what each symbol means, in what word, with what tone.
//!
//! A symbol means one thing everywhere. Row classes and flags are defined with the rows
//! ([`crate::align::RowClass`], [`crate::align::flag`]); a party's standing on a red line or a
//! clause is defined here ([`Standing`]). The terminal app, the CLI, Markdown and JSON all take
//! their marks and words from these entries (JSON uses the words), and the help overlay and the
//! export's legend list [`sections`], so a legend cannot disagree with what it explains.

use serde::Serialize;

/// How a mark is coloured, by meaning; each renderer maps tones to its own colours (and
/// without colour, the mark alone carries the meaning).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tone {
    /// Against a party's position (crossed), or removed text.
    Bad,
    /// Partly for, partly against.
    Mixed,
    /// For a party's position.
    Good,
    /// Not known or not settled: open, unreported, bracketed, disputed, not assessed.
    Open,
    /// Nothing to say (silent, unchanged).
    Quiet,
    /// Words changed.
    Changed,
    Removed,
    Added,
}

/// One mark of the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub mark: &'static str,
    pub word: &'static str,
    pub describe: &'static str,
    pub tone: Tone,
}

/// Why a party's standing is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OpenReason {
    /// The draft's clause (inherited from its base) was not reported.
    Unreported,
    /// The clause is bracketed: left for the leaders, with no assessment of its own.
    Bracketed,
}

impl OpenReason {
    pub fn as_str(self) -> &'static str {
        match self {
            OpenReason::Unreported => "unreported",
            OpenReason::Bracketed => "bracketed",
        }
    }
}

/// A party's standing on one red line, or on one clause, in one draft. Ordered from the most
/// to the least telling: where several clauses bear on one line, the first in this order wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case", tag = "standing", content = "reason")]
pub enum Standing {
    /// An assessment says the draft crosses it.
    Crossed,
    /// An assessment says the draft partly meets it.
    Partial,
    /// An assessment says the draft meets it.
    Met,
    /// The draft's clause on it is unreported or bracketed: the record does not say.
    Open(OpenReason),
    /// The party's positions were assessed on this draft, and nothing touches this one.
    Silent,
    /// Nobody assessed this draft for this party: no claim either way.
    NotAssessed,
}

impl Standing {
    /// Every standing, in legend order (one entry for open, whatever its reason).
    pub const ALL: [Standing; 6] = [
        Standing::Crossed,
        Standing::Partial,
        Standing::Met,
        Standing::Open(OpenReason::Unreported),
        Standing::Silent,
        Standing::NotAssessed,
    ];

    pub fn legend(self) -> Entry {
        let (mark, word, describe, tone) = match self {
            Standing::Crossed => ("✗", "crosses", "an assessment says it crosses", Tone::Bad),
            Standing::Partial => (
                "◐",
                "partly meets",
                "an assessment says it partly meets",
                Tone::Mixed,
            ),
            Standing::Met => ("✓", "meets", "an assessment says it meets", Tone::Good),
            Standing::Open(_) => (
                "○",
                "open",
                "the clause on it is unreported or bracketed: the record does not say",
                Tone::Open,
            ),
            Standing::Silent => (
                "·",
                "silent",
                "assessed, and nothing in the draft touches it",
                Tone::Quiet,
            ),
            Standing::NotAssessed => (
                "∅",
                "not assessed",
                "nobody assessed this draft for this party: no claim either way",
                Tone::Open,
            ),
        };
        Entry {
            mark,
            word,
            describe,
            tone,
        }
    }

    pub fn mark(self) -> &'static str {
        self.legend().mark
    }

    /// The word, with the reason for open ("open (bracketed)").
    pub fn word(self) -> String {
        match self {
            Standing::Open(r) => format!("open ({})", r.as_str()),
            s => s.legend().word.to_string(),
        }
    }

    pub fn of_effect(e: crate::model::Effect) -> Standing {
        match e {
            crate::model::Effect::Crosses => Standing::Crossed,
            crate::model::Effect::Partial => Standing::Partial,
            crate::model::Effect::Meets => Standing::Met,
        }
    }
}

/// The whole legend, by section, for help screens and the export.
pub fn sections() -> Vec<(&'static str, Vec<Entry>)> {
    let mut rows: Vec<Entry> = crate::align::RowClass::ALL
        .iter()
        .map(|c| c.legend())
        .collect();
    // The bracketed flag (on a revised row: "~⧗") means what the bracketed class means.
    rows.extend([crate::align::flag::MOVED, crate::align::flag::DISPUTED]);
    vec![
        ("rows", rows),
        (
            "red lines",
            Standing::ALL.iter().map(|s| s.legend()).collect(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One symbol, one meaning: within the rows and within the standings no mark repeats
    /// (the bracketed flag is the bracketed class's mark on a revised row, the same meaning).
    #[test]
    fn each_mark_has_one_meaning() {
        let mut seen: std::collections::HashMap<&str, &str> = Default::default();
        for (_, entries) in sections() {
            for e in entries {
                if let Some(word) = seen.insert(e.mark, e.word) {
                    assert_eq!(word, e.word, "{} means two things", e.mark);
                }
            }
        }
    }
}
