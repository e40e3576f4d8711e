//! Guarantors: the names looked for (built-in and the corpus's parties, with aliases) and the
//! flags for guarantors that appeared or disappeared in a clause about guaranteeing.

use super::guarantor_words::{
    AUXILIARIES, COMMON_GUARANTORS, GUARANTEE_WORDS, LIST_WORDS, NAMED_THINGS, PROTECTED,
    RECEIVING, RECIPIENT_BEFORE,
};
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
        // Cut as the texts are cut, so "Co-operation" is the words "co" and "operation".
        // A possessive is read off a text's words ("People's" is the word "people"), so off
        // a name's too: "People's Republic of China" matches as written.
        let lower: Vec<String> = crate::diff::words(s)
            .map(|w| {
                let w = w.replace('’', "'");
                w.strip_suffix("'s")
                    .map_or_else(|| w.clone(), str::to_string)
            })
            .collect();
        Name {
            shown: s.to_string(),
            acronym: lower.len() == 1 && s.chars().all(|c| c.is_uppercase()),
            lower,
        }
    }
}

impl Guarantors {
    /// The built-in common guarantors and `extra` alias groups; groups that share an alias
    /// are merged, so a declared "Turkey|Türkiye" joins the built-in "Turkey".
    pub(super) fn new(extra: impl IntoIterator<Item = Vec<String>>) -> Guarantors {
        let mut groups: Vec<Vec<String>> = COMMON_GUARANTORS
            .iter()
            .map(|g| g.split('|').map(str::to_string).collect())
            .collect();
        for aliases in extra {
            let aliases: Vec<String> = aliases
                .iter()
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
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

    /// The built-in names, each party of the corpus (name and short label) and each declared
    /// actor (name, short label and aliases).
    pub(super) fn from_corpus(corpus: &Corpus) -> Guarantors {
        // The parties, and every declared actor (states, organisations, …) by name, short
        // label and aliases: a draft's guarantors are recognised from the data, not a list.
        let parties = corpus
            .parties
            .iter()
            .map(|p| vec![p.name.clone(), p.short.clone()]);
        let actors = corpus.actors.iter().map(|a| {
            let mut names = vec![a.name.clone()];
            names.extend(a.short.clone());
            names.extend(a.aliases.iter().cloned());
            names
        });
        Guarantors::new(parties.chain(actors))
    }

    /// Every word of every name, lowercased, for the lexicon.
    pub(super) fn words(&self) -> impl Iterator<Item = &str> {
        self.groups
            .iter()
            .flatten()
            .flat_map(|n| n.lower.iter().map(String::as_str))
    }
}

/// The sentences (or semicolon-separated parts) of a text that speak of guaranteeing.
fn guarantee_sentences(w: &Words) -> Vec<u32> {
    let mut out: Vec<u32> = GUARANTEE_WORDS
        .iter()
        .flat_map(|g| w.at(g))
        .filter(|&&i| !names_a_body(w, i as usize))
        .map(|&i| w.sentence[i as usize])
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether the guarantee word at `i` only names a body that checks ("the monitoring mission
/// has deployed", "a monitoring team"): a sentence about a verifier is not one about who
/// guarantees.
fn names_a_body(w: &Words, i: usize) -> bool {
    w.low[i] == "monitoring"
        && w.after(i).is_some_and(|x| {
            matches!(
                x,
                "mission"
                    | "missions"
                    | "team"
                    | "teams"
                    | "body"
                    | "group"
                    | "regime"
                    | "system"
                    | "mechanism"
                    | "arrangements"
                    | "staff"
                    | "personnel"
                    | "officers"
                    | "posts"
            )
        })
}

/// Every occurrence of every name: (start, end, group), longest first where two overlap, so
/// that "Organization for Security and Co-operation in Europe" is the OSCE and not Europe.
fn occurrences(g: &Guarantors, w: &Words) -> Vec<(usize, usize, usize)> {
    let mut all: Vec<(usize, usize, usize)> = Vec::new();
    for (k, group) in g.groups.iter().enumerate() {
        for name in group {
            let Some((first, rest)) = name.lower.split_first() else {
                continue;
            };
            for &i in w.at(first) {
                let i = i as usize;
                let spelled = if name.acronym {
                    w.raw[i] == name.shown
                } else {
                    rest.iter()
                        .enumerate()
                        .all(|(j, x)| w.low.get(i + 1 + j).is_some_and(|y| y == x))
                };
                if spelled {
                    all.push((i, i + name.lower.len(), k));
                }
            }
        }
    }
    all.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
    let mut taken = vec![false; w.low.len()];
    let mut out = Vec::new();
    for (s, e, k) in all {
        if taken[s..e].iter().any(|t| *t) {
            continue;
        }
        taken[s..e].iter_mut().for_each(|t| *t = true);
        out.push((s, e, k));
    }
    out.sort_unstable();
    out
}

/// Whether the name at `start..end` acts as a guarantor: not a receiver, a protected party, a
/// party between whom something is agreed, an owner ("NATO's Article 5") or the name of a
/// document ("the UN Charter"). `names` marks every word that belongs to a name.
fn acts(w: &Words, names: &[bool], start: usize, end: usize) -> bool {
    if w.possessive[end - 1]
        || w.low
            .get(end)
            .is_some_and(|x| NAMED_THINGS.contains(&x.as_ref()))
    {
        return false;
    }
    // The word governing a list of names: "between Russia and Ukraine" governs both.
    let mut k = start;
    while k > 0 && (names[k - 1] || LIST_WORDS.contains(&w.low[k - 1].as_ref())) {
        k -= 1;
    }
    let governor = k.checked_sub(1).map(|j| w.low[j].as_ref());
    if governor.is_some_and(|g| RECIPIENT_BEFORE.contains(&g)) {
        return false;
    }
    // "verified by the OSCE", "inspected by the IAEA": a verifier, not a guarantor (the walk
    // above has already passed "the").
    if governor == Some("by")
        && k >= 2
        && matches!(
            w.low[k - 2].as_ref(),
            "verified" | "inspected" | "observed" | "checked" | "confirmed" | "certified"
        )
    {
        return false;
    }
    if governor == Some("of") {
        let mut j = k - 1;
        while j > 0 && w.low[j - 1] == "the" {
            j -= 1;
        }
        if j > 0 && PROTECTED.contains(&w.low[j - 1].as_ref()) {
            return false;
        }
    }
    !receives(w, names, end)
}

/// Whether the name ending before `end` is followed (past other names of its list and
/// auxiliaries) by a receiving verb.
fn receives(w: &Words, names: &[bool], end: usize) -> bool {
    (end..w.low.len())
        .filter(|&k| !names[k] && !LIST_WORDS.contains(&w.low[k].as_ref()))
        .take(5)
        .find(|&k| !AUXILIARIES.contains(&w.low[k].as_ref()))
        .is_some_and(|k| RECEIVING.contains(&w.low[k].as_ref()))
}

/// Whether the name ending at `end` is named only to say it will not guarantee ("the United
/// States shall not act as a guarantor", "France will not guarantee"): a `not` or `never`
/// shortly after it, followed closely by a guarantee word.
fn declines(w: &Words, end: usize) -> bool {
    let s = w.sentence.get(end.saturating_sub(1)).copied();
    let within = |k: usize| k < w.low.len() && Some(w.sentence[k]) == s;
    (end..end + 4).filter(|&k| within(k)).any(|k| {
        matches!(w.low[k].as_ref(), "not" | "never")
            && (k + 1..k + 5)
                .filter(|&j| within(j))
                .any(|j| w.low[j].starts_with("guarant"))
    })
}

/// The guarantors a text names, as (group, name as declared), each group once, in order.
fn named(g: &Guarantors, w: &Words) -> Vec<(usize, String)> {
    let about = guarantee_sentences(w);
    let found = occurrences(g, w);
    let mut names = vec![false; w.low.len()];
    for &(s, e, _) in &found {
        names[s..e].iter_mut().for_each(|t| *t = true);
    }
    let mut out: Vec<(usize, String)> = Vec::new();
    for (s, e, k) in found {
        if about.binary_search(&w.sentence[s]).is_err()
            || !acts(w, &names, s, e)
            || declines(w, e)
            || out.iter().any(|(x, _)| *x == k)
        {
            continue;
        }
        let shown = g.groups[k]
            .iter()
            .find(|n| {
                n.lower.len() == e - s && n.lower.iter().zip(&w.low[s..e]).all(|(a, b)| a == b)
            })
            .map_or_else(|| w.raw[s..e].join(" "), |n| n.shown.clone());
        out.push((k, shown));
    }
    out
}

pub(super) fn guarantor_flags(
    g: &Guarantors,
    old: &Words,
    new: &Words,
    flags: &mut Vec<StrengthFlag>,
) {
    let (o, n) = (named(g, old), named(g, new));
    let gone: Vec<String> = o
        .iter()
        .filter(|(k, _)| !n.iter().any(|(x, _)| x == k))
        .map(|(_, s)| s.clone())
        .collect();
    let came: Vec<String> = n
        .iter()
        .filter(|(k, _)| !o.iter().any(|(x, _)| x == k))
        .map(|(_, s)| s.clone())
        .collect();
    let sizes =
        (!o.is_empty() && !n.is_empty() && o.len() != n.len()).then_some((o.len(), n.len()));
    let counted = sizes.map_or(String::new(), |(a, b)| format!(" ({a} → {b} guarantors)"));
    let (shift, summary) = match (gone.is_empty(), came.is_empty()) {
        (true, true) => return,
        (true, false) => (
            Shift::Stronger,
            format!("guarantor added: {}", came.join(", ")),
        ),
        (false, true) => (
            Shift::Weaker,
            format!("guarantor removed: {}", gone.join(", ")),
        ),
        // Some left and others came: whether the guarantee is weaker depends on who, which
        // these words cannot judge; the flag names both and, when the number of guarantors
        // changed, says so ("UK → France, Germany (2 → 3 guarantors)").
        (false, false) => (
            Shift::Changed,
            format!(
                "guarantor changed: {} → {}",
                gone.join(", "),
                came.join(", ")
            ),
        ),
    };
    let mut f = StrengthFlag::new(
        FlagKind::Guarantor,
        shift,
        (gone, came),
        format!("{summary}{counted}"),
    );
    f.sizes = sizes;
    flags.push(f);
}
