//! Guarantors: the names looked for (built-in and the corpus's parties, with aliases) and the
//! flags for guarantors that appeared or disappeared in a clause about guaranteeing.

use super::words::Words;
use super::{FlagKind, Shift, StrengthFlag};
use crate::model::Corpus;

/// The names looked for as guarantors, prepared once for many clauses.
#[derive(Debug, Clone)]
pub(super) struct Guarantors {
    /// Alias groups ("United States", "US", "USA", "America").
    groups: Vec<Vec<Name>>,
}

#[derive(Debug, Clone)]
struct Name {
    shown: String,
    /// All capitals, one word: matched case-sensitively ("US", not "us").
    acronym: bool,
    lower: Vec<String>,
}

impl Name {
    fn new(s: &str) -> Name {
        let words: Vec<&str> = s.split_whitespace().collect();
        Name {
            shown: s.to_string(),
            acronym: words.len() == 1 && s.chars().all(|c| c.is_uppercase()),
            lower: words.iter().map(|w| w.to_lowercase()).collect(),
        }
    }
}

impl Guarantors {
    /// The built-in common guarantors and `extra` names (aliases separated by `|`); groups that
    /// share an alias are merged.
    pub(super) fn new(extra: &[&str]) -> Guarantors {
        let mut groups: Vec<Vec<String>> = COMMON_GUARANTORS
            .iter()
            .map(|g| g.split('|').map(str::to_string).collect())
            .collect();
        for e in extra {
            let aliases: Vec<String> = e
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect();
            match groups
                .iter_mut()
                .find(|g| g.iter().any(|x| aliases.contains(x)))
            {
                Some(g) => {
                    for a in aliases {
                        if !g.contains(&a) {
                            g.push(a);
                        }
                    }
                }
                None if !aliases.is_empty() => groups.push(aliases),
                None => {}
            }
        }
        Guarantors {
            groups: groups
                .iter()
                .map(|g| g.iter().map(|n| Name::new(n)).collect())
                .collect(),
        }
    }

    /// The built-in names and each party of the corpus (name and short label).
    pub(super) fn from_corpus(corpus: &Corpus) -> Guarantors {
        let names: Vec<String> = corpus
            .parties
            .iter()
            .map(|p| format!("{}|{}", p.name, p.short))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        Guarantors::new(&names)
    }

    /// Every name of every group, as written.
    pub(super) fn names(&self) -> impl Iterator<Item = &str> {
        self.groups.iter().flatten().map(|n| n.shown.as_str())
    }
}

/// Guarantor names always looked for, besides the corpus's parties; aliases separated by `|`.
const COMMON_GUARANTORS: [&str; 9] = [
    "NATO",
    "EU|European Union",
    "UN|United Nations",
    "United States|US|USA|America",
    "Europe|European|Europeans",
    "UK|Britain|United Kingdom",
    "France",
    "Germany",
    "Turkey",
];

/// Words that make a clause about guaranteeing something; guarantor flags need one of them.
pub(super) const GUARANTEE_WORDS: [&str; 8] = [
    "guarantee",
    "guarantees",
    "guaranteed",
    "guarantor",
    "guarantors",
    "enforce",
    "monitor",
    "backstop",
];

/// Words before a name that make it the receiver of a guarantee, not its giver ("gives Ukraine
/// a guarantee", "stronger for Ukraine").
const RECIPIENT_BEFORE: [&str; 13] = [
    "for", "to", "give", "gives", "given", "giving", "offer", "offers", "offered", "grant",
    "grants", "granted", "provides",
];

/// Verbs after a name that make it the receiver ("Ukraine is to be given", "Ukraine receives").
const RECEIVING: [&str; 7] = [
    "receive",
    "receives",
    "received",
    "receiving",
    "given",
    "gets",
    "obtains",
];

/// Words skipped between a name and its verb ("is to be given").
const AUXILIARIES: [&str; 8] = ["is", "are", "to", "be", "will", "shall", "would", "also"];

/// Whether the name ending at `last` is followed by a receiving verb.
fn receives(w: &Words, last: usize) -> bool {
    w.low[last + 1..]
        .iter()
        .take(4)
        .find(|x| !AUXILIARIES.contains(&x.as_ref()))
        .is_some_and(|x| RECEIVING.contains(&x.as_ref()))
}

/// The sentences (or semicolon-separated parts) of a text that speak of guaranteeing.
fn guarantee_sentences(w: &Words) -> Vec<u32> {
    let mut out: Vec<u32> = GUARANTEE_WORDS
        .iter()
        .flat_map(|g| w.at(g))
        .map(|&i| w.sentence[i as usize])
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Occurrences of a name as a possible guarantor: in a sentence that speaks of guaranteeing
/// (not "Ukraine then submits the deal; the guarantees apply ..."); all-capital short names
/// match case-sensitively ("US", not "us"); a name that receives ("for Ukraine", "Ukraine is to
/// be given") or owns ("Ukraine's security", "NATO's Article 5") is not counted.
/// `about` is the text's [`guarantee_sentences`].
fn name_count(w: &Words, about: &[u32], name: &Name) -> usize {
    let Some((first, rest)) = name.lower.split_first() else {
        return 0;
    };
    w.at(first)
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| {
            let spelled = if name.acronym {
                w.raw[i] == name.shown
            } else {
                rest.iter()
                    .enumerate()
                    .all(|(k, x)| w.low.get(i + 1 + k).is_some_and(|y| y == x))
            };
            let last = i + rest.len();
            spelled
                && about.binary_search(&w.sentence[i]).is_ok()
                && !w.possessive[last]
                && !w.before(i).is_some_and(|b| RECIPIENT_BEFORE.contains(&b))
                && !receives(w, last)
        })
        .count()
}

pub(super) fn guarantor_flags(
    g: &Guarantors,
    old: &Words,
    new: &Words,
    flags: &mut Vec<StrengthFlag>,
) {
    let (old_about, new_about) = (guarantee_sentences(old), guarantee_sentences(new));
    if old_about.is_empty() && new_about.is_empty() {
        return;
    }
    let (came, gone) = came_and_gone(g, (old, &old_about), (new, &new_about));
    match (came.is_empty(), gone.is_empty()) {
        (true, true) => {}
        (false, true) => flags.push(StrengthFlag {
            kind: FlagKind::Guarantor,
            shift: Shift::Stronger,
            summary: format!("guarantor added: {}", came.join(", ")),
            removed: vec![],
            added: came,
        }),
        (true, false) => flags.push(StrengthFlag {
            kind: FlagKind::Guarantor,
            shift: Shift::Weaker,
            summary: format!("guarantor removed: {}", gone.join(", ")),
            removed: gone,
            added: vec![],
        }),
        (false, false) => flags.push(StrengthFlag {
            kind: FlagKind::Guarantor,
            shift: Shift::Changed,
            summary: format!(
                "guarantor changed: {} → {}",
                gone.join(", "),
                came.join(", ")
            ),
            removed: gone,
            added: came,
        }),
    }
}

/// The guarantors (one name per alias group, as the text writes it) only the new text names,
/// and those only the old text names.
fn came_and_gone(
    g: &Guarantors,
    old: (&Words, &[u32]),
    new: (&Words, &[u32]),
) -> (Vec<String>, Vec<String>) {
    let mut came: Vec<String> = Vec::new();
    let mut gone: Vec<String> = Vec::new();
    for g in &g.groups {
        let count =
            |(w, about): (&Words, &[u32])| g.iter().map(|n| name_count(w, about, n)).sum::<usize>();
        let (a, b) = (count(old), count(new));
        let shown = |(w, about): (&Words, &[u32])| {
            g.iter()
                .find(|n| name_count(w, about, n) > 0)
                .map(|n| n.shown.clone())
                .unwrap_or_default()
        };
        if a == 0 && b > 0 {
            came.push(shown(new));
        } else if a > 0 && b == 0 {
            gone.push(shown(old));
        }
    }
    (came, gone)
}
