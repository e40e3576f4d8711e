//! Dates known to the day, the month or only the year, as sources give them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date that may be known only to the month or year ("Nov 2025").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl PartialDate {
    /// A real calendar date (years 1900–2200), or `None`; a day needs a month.
    pub fn from_numbers(year: i64, month: Option<i64>, day: Option<i64>) -> Option<PartialDate> {
        let year_ok = (1900..=2200).contains(&year);
        let month_ok = month.is_none_or(|m| (1..=12).contains(&m));
        let day_ok = match (month, day) {
            (Some(m), Some(d)) => d >= 1 && d <= days_in_month(year, m),
            (None, Some(_)) => false,
            _ => true,
        };
        (year_ok && month_ok && day_ok).then(|| PartialDate {
            year: year as u16,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }

    /// The numbers of a `YYYY[-MM[-DD]]` text, not yet checked against the calendar: the
    /// loader tells "not a date" apart from "impossible date", so the two steps are separate.
    pub fn split_text(s: &str) -> Option<(i64, Option<i64>, Option<i64>)> {
        let mut parts = s.split('-');
        let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
        let month = match parts.next() {
            Some(m) if m.len() == 2 => Some(m.parse().ok()?),
            Some(_) => return None,
            None => None,
        };
        let day = match parts.next() {
            Some(d) if d.len() == 2 => Some(d.parse().ok()?),
            Some(_) => return None,
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some((year, month, day))
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Parses the form [`Display`](fmt::Display) writes: `2025`, `2025-11` or `2025-11-20`.
impl std::str::FromStr for PartialDate {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartialDate::split_text(s)
            .and_then(|(y, m, d)| PartialDate::from_numbers(y, m, d))
            .ok_or_else(|| format!("`{s}` is not a date of the form YYYY[-MM[-DD]]"))
    }
}

/// Written as text (`"2025-11"`) in JSON, so scripts read dates without decoding a struct.
impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The inverse of `Serialize`: read back from the same text, for the corpus cache.
impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The span of time a position is documented for. Either end may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
}

impl Period {
    /// Whether a draft of date `d` lies wholly outside the period. A date known only to the
    /// month or year counts as inside when any part of it overlaps (2025 overlaps a period
    /// from 2025-06), so only a plain mismatch takes a position out of scoring.
    pub fn excludes(&self, d: &PartialDate) -> bool {
        let before = self.from.is_some_and(|f| latest(d) < earliest(&f));
        let after = self.to.is_some_and(|t| earliest(d) > latest(&t));
        before || after
    }

    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// "2025-02 to 2026-06", "from 2025-02", "until 2016"; `None` when both ends are open.
    pub fn describe(&self) -> Option<String> {
        match (self.from, self.to) {
            (Some(f), Some(t)) => Some(format!("{f} to {t}")),
            (Some(f), None) => Some(format!("from {f}")),
            (None, Some(t)) => Some(format!("until {t}")),
            (None, None) => None,
        }
    }
}

/// The first day a partial date can mean, as (year, month, day).
fn earliest(d: &PartialDate) -> (u16, u8, u8) {
    (d.year, d.month.unwrap_or(1), d.day.unwrap_or(1))
}

/// The last day a partial date can mean (day 31 stands for "end of month": only order matters).
fn latest(d: &PartialDate) -> (u16, u8, u8) {
    (d.year, d.month.unwrap_or(12), d.day.unwrap_or(31))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_period_excludes_only_dates_plainly_outside_it() {
        let p = Period {
            from: Some(d("2025-06")),
            to: Some(d("2026-06-30")),
        };
        assert!(p.excludes(&d("2015-02-12")));
        assert!(p.excludes(&d("2025-05-31")));
        assert!(!p.excludes(&d("2025")), "the year overlaps the period");
        assert!(!p.excludes(&d("2025-06-01")));
        assert!(!p.excludes(&d("2026-06")));
        assert!(p.excludes(&d("2026-07")));
        assert!(!Period::default().excludes(&d("1991")));
    }

    #[test]
    fn periods_describe_their_ends() {
        let from = Period {
            from: Some(d("2025-02")),
            to: None,
        };
        assert_eq!(from.describe().as_deref(), Some("from 2025-02"));
        assert_eq!(Period::default().describe(), None);
    }

    #[test]
    fn partial_dates_parse_and_impossible_ones_do_not() {
        assert_eq!(
            PartialDate::split_text("2025-11"),
            Some((2025, Some(11), None))
        );
        assert_eq!(PartialDate::split_text("Nov 2025"), None);
        assert!(PartialDate::from_numbers(2024, Some(2), Some(29)).is_some());
        assert!(PartialDate::from_numbers(2025, Some(2), Some(29)).is_none());
        assert!(PartialDate::from_numbers(2025, Some(13), None).is_none());
        assert!(PartialDate::from_numbers(2025, Some(4), Some(31)).is_none());
        assert!(PartialDate::from_numbers(2025, None, Some(3)).is_none());
    }

    #[test]
    fn dates_read_back_what_they_write() {
        for text in ["2025", "2025-11", "2024-02-29"] {
            let date: PartialDate = text.parse().unwrap();
            assert_eq!(date.to_string(), text);
            let json = serde_json::to_string(&date).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<PartialDate>(&json).unwrap(), date);
        }
        assert!("2025-02-30".parse::<PartialDate>().is_err());
        assert!(serde_json::from_str::<PartialDate>("\"Nov 2025\"").is_err());
    }
}
