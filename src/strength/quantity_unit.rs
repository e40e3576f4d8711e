//! What a number counts: the unit or noun after it ("30 km", "400 unarmed observers"), its
//! sentence's subject when it is a cap ("instructors ... no more than 300"), or armed forces
//! near it, as (shown, class) — the word a flag shows and the class numbers are compared by.

use super::words::Words;

/// What a unit word counts, so that synonyms compare: troops, soldiers and personnel are one
/// kind; km and kilometres another. Flags show the class for the units in [`SHOWN_AS_CLASS`]
/// and the word as written for the others.
pub(super) fn unit_class(word: &str) -> Option<&'static str> {
    Some(match word {
        "troops" | "troop" | "soldiers" | "servicemen" | "servicewomen" | "personnel"
        | "fighters" | "combatants" => "personnel",
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => "km",
        "miles" | "mile" => "miles",
        "mm" | "millimetres" | "millimeters" => "mm",
        "tanks" | "tank" => "tanks",
        "aircraft" | "planes" | "jets" | "warplanes" => "aircraft",
        "artillery" | "guns" => "artillery",
        "missiles" | "missile" | "rockets" => "missiles",
        "warheads" | "warhead" => "warheads",
        "dollars" | "dollar" | "usd" => "dollars",
        "euros" | "euro" | "eur" => "euros",
        "percent" | "%" => "percent",
        "prisoners" | "detainees" | "captives" | "pows" => "prisoners",
        "people" | "persons" | "civilians" => "people",
        _ => return None,
    })
}

/// Classes a flag names instead of the word written: units of measure, money and armed forces
/// ("15 kilometres" counts km, "5,000 troops" personnel). For other nouns the reader is shown
/// the text's own word ("200 civilians", not "people").
pub(super) const SHOWN_AS_CLASS: [&str; 8] = [
    "personnel",
    "km",
    "miles",
    "mm",
    "dollars",
    "euros",
    "percent",
    "pounds",
];

/// What a number counts as (shown, class) from the word found after it.
pub(super) fn counted(word: &str) -> (String, String) {
    match unit_class(word) {
        Some(c) if SHOWN_AS_CLASS.contains(&c) => (c.to_string(), c.to_string()),
        Some(c) => (word.to_string(), c.to_string()),
        None => (word.to_string(), word.to_string()),
    }
}

/// Words near a bare number that say it counts armed forces ("the army is capped at
/// 800,000").
pub(super) const FORCE_WORDS: [&str; 6] = [
    "army",
    "forces",
    "troops",
    "military",
    "personnel",
    "soldiers",
];

/// Words that may follow a number without being what it counts.
pub(super) const NOT_UNITS: [&str; 30] = [
    "this", "that", "these", "those", "with", "from", "into", "than", "each", "also", "were",
    "goes", "takes", "stays", "remains", "applies", "includes", "comes", "means", "makes", "gets",
    "becomes", "holds", "keeps", "ends", "starts", "falls", "rises", "exceeds", "covers",
];

/// Short words skipped when collecting the words around a number.
pub(super) const STOP: [&str; 24] = [
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "and", "or", "is", "are",
    "be", "its", "their", "it", "that", "than", "no", "more", "as",
];

/// What the number ending at `end` (exclusive) counts, from the words after it, as (shown,
/// class): a known unit (possibly after one or two modifiers: "300 combat aircraft"), "per
/// cent", or a plural noun, directly or after up to four modifier words ("400 unarmed
/// observers", "four independent off-site power lines"). A single modifier ending in "-ing"
/// names the thing with the noun ("four crossing points").
pub(super) fn unit_after(w: &Words, end: usize) -> Option<(String, String)> {
    let at = |k: usize| w.low.get(k).map(|x| x.as_ref());
    if at(end) == Some("per") && at(end + 1) == Some("cent") {
        return Some(("percent".into(), "percent".into()));
    }
    let same = |k: usize| w.sentence.get(k) == w.sentence.get(end);
    for k in end..end + 3 {
        if let Some(x) = at(k).filter(|x| unit_class(x).is_some()) {
            return Some(counted(x));
        }
        if at(k).is_none_or(|x| STOP.contains(&x)) || !same(k) {
            break;
        }
    }
    let word = at(end)?;
    if is_plural(word) {
        return Some(counted(word));
    }
    // Up to four modifier words before the noun ("400 unarmed observers", "14 air-defence
    // batteries", "four independent off-site power lines"; a hyphenated word is two).
    let modifier = |k: usize| {
        at(k).is_some_and(|x| {
            x.chars().all(|c| c.is_alphabetic() || c == '-')
                && !STOP.contains(&x)
                && !NOT_UNITS.contains(&x)
        }) && same(k)
            && w.pause_before.get(k + 1).is_some_and(|p| !*p)
    };
    let mut k = end;
    while k < end + 4 && modifier(k) && !at(k + 1).is_some_and(is_plural) {
        k += 1;
    }
    let noun = at(k + 1).filter(|x| modifier(k) && same(k + 1) && is_plural(x))?;
    Some(if k == end && word.ends_with("ing") {
        let both = format!("{word} {noun}");
        (both.clone(), both)
    } else {
        counted(noun)
    })
}

/// A plural noun as these texts write them ("observers", "battalions"): four letters or more,
/// ending in "s" (not "ss"), letters and hyphens only, and not a verb of the list above.
pub(super) fn is_plural(word: &str) -> bool {
    // Plurals without an "s".
    if matches!(word, "children" | "people" | "men" | "women" | "personnel") {
        return true;
    }
    word.len() >= 4
        && word.ends_with('s')
        && !word.ends_with("ss")
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !NOT_UNITS.contains(&word)
}

/// Words before a bare number that cap it ("no more than 300", "capped at 800,000", "up to
/// 400"): the number then counts the sentence's subject.
pub(super) const CAPS: [&str; 8] = [
    "than", "to", "at", "exceed", "exceeds", "of", "maximum", "most",
];

/// The subject a capped bare number counts ("Foreign instructors ... number no more than
/// 300"): the first plural noun of its sentence, within 15 words before it.
pub(super) fn capped_subject(w: &Words, i: usize) -> Option<(String, String)> {
    let b = w.before(i)?;
    let capped = CAPS.contains(&b)
        && (i >= 2
            && matches!(
                w.low[i - 2].as_ref(),
                "more" | "up" | "capped" | "limited" | "not" | "maximum" | "at" | "a"
            )
            || matches!(b, "exceed" | "exceeds"));
    if !capped {
        return None;
    }
    let s = w.sentence[i];
    let from = (i.saturating_sub(15)..i).find(|&k| w.sentence[k] == s)?;
    (from..i)
        .map(|k| w.low[k].as_ref())
        .find(|x| is_plural(x))
        .map(counted)
}

/// Whether a word within the sentence around `i` speaks of armed forces.
pub(super) fn near_forces(w: &Words, i: usize) -> bool {
    let s = w.sentence[i];
    (i.saturating_sub(10)..(i + 7).min(w.low.len()))
        .any(|k| w.sentence[k] == s && FORCE_WORDS.contains(&w.low[k].as_ref()))
}

/// Nouns a small number in words counts without committing anyone: the text's parts, the
/// headings it groups its content under, and its parties ("two sides", "three stages", "three
/// measures (sub-points a–c)").
pub(super) const STRUCTURE: [&str; 41] = [
    "sides",
    "parties",
    "states",
    "countries",
    "nations",
    "delegations",
    "governments",
    "leaders",
    "presidents",
    "proposals",
    "parts",
    "stages",
    "phases",
    "ways",
    "times",
    "sub-points",
    "points",
    "paragraphs",
    "articles",
    "sections",
    "annexes",
    "options",
    "drafts",
    "texts",
    "documents",
    "versions",
    "rounds",
    "items",
    "issues",
    "questions",
    "measures",
    "steps",
    "elements",
    "principles",
    "components",
    "areas",
    "tracks",
    "baskets",
    "categories",
    "pillars",
    "groups",
];

/// Whether a small number in words at `i` counts `noun` as a commitment: not after a
/// determiner ("the two sides", "its three parts") and not a structural noun.
pub(super) fn counts_small(w: &Words, i: usize, noun: &str) -> bool {
    let determiner = w.before(i).is_some_and(|b| {
        matches!(
            b,
            "the" | "these" | "those" | "both" | "all" | "its" | "their" | "of" | "our"
        )
    });
    !determiner && !STRUCTURE.contains(&noun)
}
