//! The terms the similarity pass compares: a clause's words reduced to what two drafts written
//! by different hands still share. Words are lowercased, stop words dropped, British `-ise`
//! spellings folded into `-ize`, stemmed (Snowball English: "withdraws", "withdrawal" and
//! "withdrawing" meet), grouped numbers joined ("600,000" and "600 000" are one term), and
//! terms a small domain lexicon calls equivalent ("cap", "limit", "ceiling") mapped to one.
//!
//! The stemmer is the `rust-stemmers` crate (the Snowball algorithms) rather than our own: its
//! rules are the standard ones, and readers can check them. Text in other scripts passes through
//! unchanged but lowercased.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// Words too common in any treaty text to say which clauses belong together.
const STOP: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "between", "both", "but", "by", "can", "could", "do", "does", "each",
    "either", "for", "from", "had", "has", "have", "he", "her", "his", "if", "in", "into", "is",
    "it", "its", "may", "might", "more", "most", "must", "neither", "no", "nor", "not", "of", "on",
    "once", "only", "or", "other", "our", "over", "own", "shall", "she", "should", "so", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "under", "until", "upon", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "whom", "will", "with", "within", "would", "you",
];

/// Groups of words that drafts use for the same thing; each maps to the group's first word.
/// Kept small and general (treaty language, not the bundled drafts' wording), so it helps on
/// texts the project has never seen without pairing clauses on coincidences.
const EQUIVALENT: &[&[&str]] = &[
    &["cap", "limit", "ceiling", "maximum", "restrict"],
    &["withdraw", "pullback", "retreat", "evacuate"],
    &["amnesty", "pardon"],
    &["guarantee", "assurance", "guarantor"],
    &["ceasefire", "truce", "armistice"],
    &["troops", "forces", "soldiers", "army", "military", "armed"],
    &["prisoner", "captive", "detainee", "pow", "pows"],
    &["election", "elect", "vote", "ballot", "poll"],
    &["referendum", "plebiscite"],
    &["recognize", "recognition", "acknowledge"],
    &["nuclear", "atomic"],
    &["sovereign", "sovereignty", "independence"],
    &["border", "frontier", "boundary"],
    &[
        "monitor",
        "observe",
        "observer",
        "supervise",
        "oversee",
        "verify",
        "verification",
    ],
    &["rebuild", "reconstruct", "reconstruction", "recovery"],
    &["reparation", "compensation", "compensate", "damages"],
    &["child", "children", "minor", "minors"],
    &["exchange", "swap"],
    &["release", "free", "freed", "liberate"],
    &["agreement", "accord", "deal", "treaty", "pact"],
    &["join", "accede", "accession", "membership", "member"],
    &["neutral", "neutrality", "nonaligned"],
    &["lift", "ease", "relax"],
    &["fund", "finance", "financing", "funding"],
    &["sanction", "penalty", "penalties"],
    &["demilitarize", "demilitarization", "disarm", "disarmament"],
    &["language", "tongue"],
    &["church", "religious", "faith", "confession"],
];

/// Words ending in "-ise" that are not British spellings of "-ize".
const ISE_KEPT: &[&str] = &[
    "advertise",
    "chastise",
    "comprise",
    "compromise",
    "demise",
    "despise",
    "devise",
    "enterprise",
    "exercise",
    "expertise",
    "franchise",
    "merchandise",
    "otherwise",
    "premise",
    "promise",
    "revise",
    "supervise",
    "surmise",
    "surprise",
    "televise",
];

struct Tables {
    stop: rustc_hash::FxHashSet<&'static str>,
    /// Stem of a lexicon word → the stem of its group's first word.
    equivalent: HashMap<String, String>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut equivalent = HashMap::default();
    for group in EQUIVALENT {
        let head = stemmer.stem(&fold_spelling(group[0])).into_owned();
        for w in *group {
            equivalent.insert(stemmer.stem(&fold_spelling(w)).into_owned(), head.clone());
        }
    }
    Tables {
        stop: STOP.iter().copied().collect(),
        equivalent,
    }
});

/// "organise" → "organize", "demilitarisation" → "demilitarization": one spelling for both
/// conventions, before stemming.
fn fold_spelling(w: &str) -> std::borrow::Cow<'_, str> {
    const ENDINGS: &[(&str, &str)] = &[
        ("isation", "ization"),
        ("isations", "izations"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
    ];
    for (from, to) in ENDINGS {
        if let Some(stem) = w.strip_suffix(from) {
            let base = format!("{stem}ise");
            if stem.len() >= 4 && !ISE_KEPT.contains(&base.as_str()) {
                return format!("{stem}{to}").into();
            }
            break;
        }
    }
    w.into()
}

/// One term of a clause, and whether it is a number (numbers are strong anchors).
pub(super) struct Term {
    pub(super) text: String,
    pub(super) number: bool,
}

/// Calls `f` with each word token of `text` (numbers included), in order: the pieces
/// [`term_of`] turns into terms.
pub(super) fn for_each_word<'t>(text: &'t str, mut f: impl FnMut(&'t str)) {
    for token in crate::diff::tokens(text) {
        if crate::diff::is_word(token) {
            f(token);
        }
    }
}

/// The term of one word token, or `None` for a stop word.
pub(super) fn term_of(token: &str, stemmer: &Stemmer) -> Option<Term> {
    if crate::diff::is_number(token) {
        let digits: String = token
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        return Some(Term {
            text: digits.trim_end_matches('.').to_string(),
            number: true,
        });
    }
    let tables = &*TABLES;
    let lower: String = token.chars().flat_map(char::to_lowercase).collect();
    if tables.stop.contains(lower.as_str()) {
        return None;
    }
    let folded = fold_spelling(&lower);
    let stem = stemmer.stem(&folded);
    let text = match tables.equivalent.get(stem.as_ref()) {
        Some(head) => head.clone(),
        None => stem.into_owned(),
    };
    Some(Term {
        text,
        number: false,
    })
}

/// Calls `f` with each term of `text`, in order (repeats included).
#[cfg(test)]
fn for_each_term(text: &str, stemmer: &Stemmer, mut f: impl FnMut(Term)) {
    for_each_word(text, |w| {
        if let Some(t) = term_of(w, stemmer) {
            f(t)
        }
    });
}

/// The English Snowball stemmer; cheap to create, one per index.
pub(super) fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_term(text, &stemmer(), |t| out.push(t.text));
        out
    }

    #[test]
    fn forms_of_a_word_meet() {
        assert_eq!(terms("withdraws"), terms("withdrawal"));
        assert_eq!(terms("Demilitarised zone"), terms("demilitarized zones"));
        assert_eq!(terms("the cap"), terms("a ceiling"));
        assert_eq!(terms("limits"), terms("caps"));
        assert_eq!(terms("amnesty"), terms("pardons"));
        assert_eq!(terms("children"), terms("child"));
        assert_ne!(terms("promise"), terms("promize"));
    }

    #[test]
    fn numbers_are_joined_and_flagged() {
        let mut seen = Vec::new();
        for_each_term("600,000 troops; 600\u{a0}000 men", &stemmer(), |t| {
            if t.number {
                seen.push(t.text)
            }
        });
        assert_eq!(seen, ["600000", "600000"]);
    }

    #[test]
    fn stop_words_and_punctuation_are_dropped() {
        assert_eq!(terms("The and of, to — it"), Vec::<String>::new());
        assert_eq!(terms("Запорожье"), ["запорожье"]);
    }
}
