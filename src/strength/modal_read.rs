//! Reading modals: each modal phrase of a text with its force, its polarity and the act it
//! governs, for the flags in `modal`. The word lists say which phrases count and how firmly.

use super::modal_words::{PHRASES, SHALL_TRY, WILL_TRY, auxiliary, contraction};
use super::words::{PhraseIndex, Words};
use std::sync::LazyLock;

/// How firmly a modal commits, weakest first: a permission or a possibility (`may`, `can`,
/// `would`), advice or an effort (`should`, `seeks to`, `will endeavour`), a duty (`shall`,
/// `must`, `is to`). Readers rank them so: "should" → "may" is softer, as "shall" → "should".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Force {
    Permissive,
    Advisory,
    Binding,
}

/// One modal as read: its phrase as the flags show it, force and polarity, and the act it
/// governs (the first verb after it, hashed), which only a reversal compares: "will withdraw"
/// → "will not withdraw" reverses one act, "undertakes not to recover" and "is to determine"
/// are two commitments. Two modals are the same when phrase, force and polarity are.
#[derive(Debug, Clone, Copy)]
pub(super) struct Modal {
    pub(super) phrase: &'static str,
    pub(super) force: Force,
    pub(super) negated: bool,
    pub(super) act: u64,
}

impl PartialEq for Modal {
    fn eq(&self, other: &Modal) -> bool {
        (self.phrase, self.force, self.negated) == (other.phrase, other.force, other.negated)
    }
}

/// Words between a modal and the act it governs ("shall not be prosecuted", "will also
/// withdraw").
const BEFORE_ACT: [&str; 10] = [
    "be",
    "been",
    "have",
    "also",
    "then",
    "further",
    "jointly",
    "immediately",
    "fully",
    "not",
];

/// The act a modal ending at `end` governs: its first word that is not an auxiliary or an
/// adverb above, hashed without a final "s"; 0 when none follows in the sentence.
fn act_after(w: &Words, end: usize) -> u64 {
    use std::hash::{Hash, Hasher};
    let s = w.sentence.get(end.saturating_sub(1)).copied();
    let Some(k) = (end..(end + 4).min(w.low.len()))
        .take_while(|&k| Some(w.sentence[k]) == s)
        .find(|&k| !BEFORE_ACT.contains(&w.low[k].as_ref()))
    else {
        return 0;
    };
    let word = w.low[k].as_ref();
    let mut h = rustc_hash::FxHasher::default();
    word.strip_suffix('s').unwrap_or(word).hash(&mut h);
    h.finish() | 1
}

use Force::{Advisory, Binding};

/// The force of a negated auxiliary: "may not" and "cannot" forbid (binding); "should not"
/// advises against (advisory).
fn negated_force(positive: &str, force: Force) -> Force {
    match positive {
        "may" | "can" => Binding,
        _ => force,
    }
}

/// Whether the subject before `i` is negative ("neither Russia nor Ukraine may", "no party
/// shall"): the modal then forbids.
fn negative_subject(w: &Words, i: usize) -> bool {
    let s = w.sentence[i];
    // Back to the start of the clause the modal is in: a "no" before a comma belongs to
    // another ("Where no consensus is reached, disputes shall be referred").
    let mut from = i;
    while from > 0 && i - from < 5 && w.sentence[from - 1] == s && !w.pause_before[from] {
        from -= 1;
    }
    (from..i).any(|k| match w.low[k].as_ref() {
        "neither" | "nor" | "none" => true,
        // Not "no more than 5,000 troops may", nor "a no-fly zone shall".
        "no" => {
            w.glued_after[k] != "-"
                && !w.low.get(k + 1).is_some_and(|x| {
                    matches!(
                        x.as_ref(),
                        "more" | "less" | "fewer" | "later" | "longer" | "earlier" | "sooner"
                    )
                })
        }
        _ => false,
    })
}

/// Whether the word at `k` negates (`not`, `never`), allowing one adverb before it.
fn negation_at(w: &Words, k: usize) -> Option<usize> {
    let at = |k: usize| w.low.get(k).map(|x| x.as_ref());
    match at(k) {
        Some("not" | "never") => Some(k + 1),
        Some("also" | "then" | "further" | "therefore" | "thereafter") => {
            matches!(at(k + 1), Some("not" | "never")).then_some(k + 2)
        }
        _ => None,
    }
}

/// [`PHRASES`] indexed by first word; each value is the phrase as shown, its force and whether
/// it is negated.
static BY_FIRST_WORD: LazyLock<PhraseIndex<(&'static str, Force, bool)>> = LazyLock::new(|| {
    PhraseIndex::new(
        PHRASES
            .iter()
            .map(|&(words, shown, force, negated)| (words, (shown, force, negated))),
    )
});

fn phrase_at(w: &Words, i: usize) -> Option<(usize, Modal)> {
    let (end, &(phrase, force, negated)) = BY_FIRST_WORD.at(w, i)?;
    Some((end, modal(phrase, force, negated)))
}

/// Nouns whose "is to" names an aim, not a duty ("the aim is to restore trade").
const PURPOSE: [&str; 16] = [
    "aim",
    "goal",
    "purpose",
    "objective",
    "intention",
    "task",
    "idea",
    "plan",
    "priority",
    "mandate",
    "role",
    "function",
    "aspiration",
    "hope",
    "step",
    "way",
];

/// "is to" / "are to" (and "is not to") before a verb: a duty in the passive or reported
/// style of drafts ("checkpoints are to be dismantled"), shown as written. Not after a noun of
/// purpose ("the aim is to ...").
fn is_to_at(w: &Words, i: usize) -> Option<(usize, Modal)> {
    let (phrase, negated_phrase) = match w.low[i].as_ref() {
        "is" => ("is to", "is not to"),
        "are" => ("are to", "are not to"),
        _ => return None,
    };
    let negated = w.low.get(i + 1).is_some_and(|x| x == "not");
    let to = i + 1 + usize::from(negated);
    let verb = w.low.get(to + 1)?;
    let purpose = w.before(i).is_some_and(|b| PURPOSE.contains(&b));
    if w.low.get(to).is_none_or(|x| x != "to")
        || purpose
        || !verb.starts_with(|c: char| c.is_alphabetic())
    {
        return None;
    }
    Some(if negated {
        (to + 1, modal(negated_phrase, Binding, true))
    } else {
        (to + 1, modal(phrase, Binding, false))
    })
}

fn auxiliary_at(w: &Words, i: usize) -> Option<(usize, Modal)> {
    // A sentence opening with "Should" ("Should Russia invade ...") is a condition.
    if w.raw[i] == "Should" && w.opens_sentence(i) {
        return None;
    }
    // "May" next to a number is the month ("1 May 2015").
    let number = |k: Option<usize>| {
        k.and_then(|k| w.raw.get(k))
            .is_some_and(|x| x.starts_with(|c: char| c.is_ascii_digit()))
    };
    // So is "May" inside a sentence ("held in May"): the modal is written in lower case there.
    if w.raw[i] == "May"
        && (number(i.checked_sub(1)) || number(Some(i + 1)) || !w.opens_sentence(i))
    {
        return None;
    }
    if let Some(positive) = contraction(&w.low[i]) {
        let (_, neg, force) = auxiliary(positive)?;
        let force = negated_force(positive, force);
        return Some((i + 1, modal(neg, force, true)));
    }
    let (pos, neg, force) = auxiliary(&w.low[i])?;
    if let Some(end) = negation_at(w, i + 1) {
        return Some((end, modal(neg, negated_force(pos, force), true)));
    }
    if pos == "will"
        && let Some((_, phrase)) = WILL_TRY.iter().find(|(v, _)| w.after(i) == Some(v))
    {
        return Some((i + 2, modal(phrase, Advisory, false)));
    }
    if pos == "shall"
        && let Some((_, phrase)) = SHALL_TRY.iter().find(|(v, _)| w.after(i) == Some(v))
        && w.low.get(i + 2).is_some_and(|t| t == "to")
    {
        return Some((i + 3, modal(phrase, Advisory, false)));
    }
    if negative_subject(w, i) {
        return Some((i + 1, modal(neg, negated_force(pos, force), true)));
    }
    Some((i + 1, modal(pos, force, false)))
}

fn modal(phrase: &'static str, force: Force, negated: bool) -> Modal {
    Modal {
        phrase,
        force,
        negated,
        act: 0,
    }
}

/// Verbs of abstaining: "shall refrain from firing", "seeks to avoid stationing" commit to not
/// doing, with the modal's own force and words.
const ABSTAIN: [&str; 3] = ["refrain", "avoid", "abstain"];

/// Every modal of a text, in order.
pub(super) fn scan(w: &Words) -> Vec<Modal> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.low.len() {
        // An auxiliary's act is read from just after it, so that "will seek" and "will not
        // seek" govern the same act; a phrase's from its end ("undertakes not to recover").
        let found = match phrase_at(w, i) {
            Some((end, m)) => Some((end, end, m)),
            None => auxiliary_at(w, i)
                .map(|(end, m)| (end, i + 1, m))
                .or_else(|| is_to_at(w, i).map(|(end, m)| (end, end, m))),
        };
        match found {
            Some((end, act, mut m)) => {
                if w.low
                    .get(end)
                    .is_some_and(|x| ABSTAIN.contains(&x.as_ref()))
                {
                    m.negated = !m.negated;
                }
                m.act = act_after(w, act);
                out.push(m);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}
