//! Commitment strength: did a revised clause get weaker or stronger, not only different?
//!
//! These are heuristics over the two texts of a revised row (English wording). Each compares how
//! often something occurs in the old and the new text, so a flag's evidence is exactly the words
//! that came or went. They catch:
//!
//! - **numbers**: a number (`600,000`, `1.5`, `600 000` with a no-break space) that disappeared
//!   paired, in order, with one that appeared: `increased` or `decreased`; a number only removed
//!   or only added is reported as `changed`. Which way is "weaker" depends on the clause (a
//!   higher army cap is a weaker limit), so numbers say up or down, not weaker or stronger. A
//!   number that names a text is left out: after `Article`, `point`, `paragraph`, `section`,
//!   `clause`, `chapter`, `resolution`, `annex` or `No`, or before `point(s)` ("the 28 points").
//! - **deadlines**: a number or number word (`one` … `hundred`) followed by a time unit (`hours`,
//!   `days`, `weeks`, `months`, `years`), and `immediately`. Paired like numbers and compared in
//!   days: `increased` (extended) or `decreased` (shortened); one that vanished is `weaker`, one
//!   that appeared `stronger`. Their numbers are not also reported as numbers. A period looking
//!   back ("the last 30 years") is not a deadline.
//! - **modals**: binding wording (`will`, `shall`, `must`, `is/are obliged to`, `is/are required
//!   to`, `is bound to`, `commits to`, `undertakes to`, `guarantees that`) going while permissive
//!   or aspirational wording (`may`, `should`, `could`, `might`, `can`, `seeks to`, `aims to`,
//!   `intends to`, `is/are expected to`, `will endeavour`, `will consider`) comes is `weaker`
//!   (softened); the reverse is `stronger` (hardened). A bare `guarantees` is not counted: in
//!   these texts it is nearly always the noun ("security guarantees").
//! - **conditions**: `if`, `unless`, `provided that`, `providing that`, `subject to`,
//!   `conditional`, `conditioned`, `contingent`, `only if`, `only after`, `in the event`, `on
//!   condition`. Added is `weaker` (the commitment now depends on something); removed is
//!   `stronger`. Hedges and concessions are not conditions: `if either`, `if any`, `even if`,
//!   `as if`. A sentence opening with `Should` ("Should Russia invade again, ...") is a
//!   condition, counted as `if` (and not as the permissive `should`).
//! - **guarantors**: in a sentence (or semicolon-separated part of one) about guaranteeing
//!   (with `guarantee(s/d)`, `guarantor(s)`, `enforce`, `monitor` or `backstop`), a party of the
//!   corpus (name or short label) or a common guarantor (`NATO`, `EU`, `UN`, `United States`/`US`/`USA`, `Europe`, `UK`,
//!   `France`, `Germany`, `Turkey`) that appeared (`stronger`), disappeared (`weaker`), or both
//!   (`changed`). Aliases of one name count as one; all-capital names match case-sensitively, so
//!   "us" is not the US. A name that receives ("for Ukraine", "gives Ukraine", "Ukraine is to be
//!   given", "Ukraine receives") or is written in the possessive ("NATO's Article 5") is not
//!   counted as a guarantor.
//!
//! What they miss: negation ("will not" → "may not" reads as a softened modal), scope (which
//! commitment a condition or a deadline belongs to), wording outside these lists, other
//! languages, and whether a party named in a sentence about guaranteeing is a guarantor or only
//! mentioned there ("Russia and Ukraine accept guarantees from the US" counts all three). Each
//! flag carries its evidence so that a reader can judge it.
//!
//! Each kind has its module: `number` (numbers and deadlines), `modal` (modals and
//! conditions), `guarantor`; `words` is the word index they all read.

mod condition;
mod deadline;
mod guarantor;
mod modal;
mod number;
mod quantity;
mod words;

use crate::diff::WordDiff;
use crate::model::Corpus;
use guarantor::{Guarantors, guarantor_flags};
use serde::Serialize;
use words::{Lexicon, Words};

/// What the heuristics look for, prepared once for many clauses: the guarantor names (built-in
/// and the corpus's parties, with aliases) and the lexicon of every word the heuristics ask
/// about.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    guarantors: Guarantors,
    lexicon: Lexicon,
}

impl Vocabulary {
    /// The built-in guarantor names and `extra` ones; an entry may give aliases separated by
    /// `|` ("United States|US").
    pub fn new(extra: &[&str]) -> Vocabulary {
        Vocabulary::with_guarantor_names(
            extra
                .iter()
                .map(|e| e.split('|').map(str::to_string).collect::<Vec<_>>()),
        )
    }

    /// The built-in guarantor names and the caller's alias groups (`["OSCE", "Organization for
    /// Security and Co-operation in Europe"]`), e.g. a corpus's declared actors. Groups that
    /// share an alias with a built-in one are merged with it; the built-in list only fills in
    /// for names nobody declared.
    pub fn with_guarantor_names(groups: impl IntoIterator<Item = Vec<String>>) -> Vocabulary {
        Vocabulary::with(Guarantors::new(groups))
    }

    /// The built-in guarantor names and each party of the corpus (name and short label).
    pub fn from_corpus(corpus: &Corpus) -> Vocabulary {
        Vocabulary::with(Guarantors::from_corpus(corpus))
    }

    fn with(guarantors: Guarantors) -> Vocabulary {
        let mut lexicon = Lexicon::default();
        guarantor::GUARANTEE_WORDS
            .iter()
            .for_each(|p| lexicon.add(p));
        guarantors.words().for_each(|n| lexicon.add(n));
        Vocabulary {
            guarantors,
            lexicon,
        }
    }
}

/// What kind of commitment change a flag reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    Number,
    Deadline,
    Modal,
    Condition,
    Guarantor,
}

impl FlagKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::Number => "number",
            FlagKind::Deadline => "deadline",
            FlagKind::Modal => "modal",
            FlagKind::Condition => "condition",
            FlagKind::Guarantor => "guarantor",
        }
    }
}

/// Which way the change went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shift {
    /// A number went up.
    Increased,
    /// A number went down.
    Decreased,
    /// A commitment got weaker (modal softened, condition added, guarantor or deadline removed).
    Weaker,
    /// A commitment got stronger (modal hardened, condition removed, guarantor or deadline added).
    Stronger,
    /// Something changed without a clear direction (a deadline moved in a non-numeric way, a
    /// guarantor replaced by another).
    Changed,
}

impl Shift {
    pub fn as_str(self) -> &'static str {
        match self {
            Shift::Increased => "increased",
            Shift::Decreased => "decreased",
            Shift::Weaker => "weaker",
            Shift::Stronger => "stronger",
            Shift::Changed => "changed",
        }
    }
    /// A one-character mark for narrow columns: "↑", "↓", "▽" (weaker), "△" (stronger), "≠".
    pub fn mark(self) -> &'static str {
        match self {
            Shift::Increased => "↑",
            Shift::Decreased => "↓",
            Shift::Weaker => "▽",
            Shift::Stronger => "△",
            Shift::Changed => "≠",
        }
    }
}

/// One commitment-strength finding on a revised clause, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrengthFlag {
    pub kind: FlagKind,
    pub shift: Shift,
    /// The evidence tokens (or short phrases) from the old text.
    pub removed: Vec<String>,
    /// The evidence tokens (or short phrases) from the new text.
    pub added: Vec<String>,
    /// A one-line description naming both sides ("number increased: 600,000 → 800,000
    /// (personnel)"); every view shows this line.
    pub summary: String,
    /// For number flags: what the values count (`personnel`, `km`, `dollars`, `percent`, or a
    /// plural noun as written: `brigades`), when the text says.
    pub counts: Option<String>,
    /// For guarantor flags: how many distinct guarantors the old and the new text name, when
    /// both name some and the numbers differ (11 → 5).
    pub sizes: Option<(usize, usize)>,
}

impl StrengthFlag {
    fn new(
        kind: FlagKind,
        shift: Shift,
        (removed, added): (Vec<String>, Vec<String>),
        summary: String,
    ) -> StrengthFlag {
        StrengthFlag {
            kind,
            shift,
            removed,
            added,
            summary,
            counts: None,
            sizes: None,
        }
    }
}

/// The flags for a revised clause, given its word diff, with guarantor names from the corpus's
/// parties. Empty when nothing of the kinds above changed.
pub fn strength_flags(corpus: &Corpus, diff: &WordDiff) -> Vec<StrengthFlag> {
    strength_flags_for(&Vocabulary::from_corpus(corpus), diff)
}

/// As [`strength_flags`], with an explicit list of guarantor names (in addition to the
/// built-in common ones). An entry may give aliases separated by `|` ("United States|US").
pub fn strength_flags_with(guarantors: &[&str], diff: &WordDiff) -> Vec<StrengthFlag> {
    strength_flags_for(&Vocabulary::new(guarantors), diff)
}

/// As [`strength_flags`], with a prepared vocabulary (for many clauses).
pub fn strength_flags_for(vocabulary: &Vocabulary, diff: &WordDiff) -> Vec<StrengthFlag> {
    if diff.is_unchanged() {
        return Vec::new();
    }
    let (old_text, new_text) = (diff.old_text(), diff.new_text());
    let old = Words::new(&old_text, &vocabulary.lexicon);
    let new = Words::new(&new_text, &vocabulary.lexicon);
    flags_of(vocabulary, &old, &new)
}

/// As [`strength_flags_for`], on two texts already cut with [`crate::diff::tokens`] (the
/// alignment cuts each text once for its word diff and its flags).
pub(crate) fn strength_flags_tokens(
    vocabulary: &Vocabulary,
    old: &[&str],
    new: &[&str],
) -> Vec<StrengthFlag> {
    if old == new {
        return Vec::new();
    }
    let old = Words::from_tokens(old.iter().copied(), &vocabulary.lexicon);
    let new = Words::from_tokens(new.iter().copied(), &vocabulary.lexicon);
    flags_of(vocabulary, &old, &new)
}

fn flags_of(vocabulary: &Vocabulary, old: &Words, new: &Words) -> Vec<StrengthFlag> {
    let mut flags = Vec::new();
    let (od, old_used) = deadline::scan(old);
    let (nd, new_used) = deadline::scan(new);
    deadline::deadline_flags(&od, &nd, &mut flags);
    quantity::number_flags((old, &old_used), (new, &new_used), &mut flags);
    modal::modals(old, new, &mut flags);
    condition::conditions(old, new, &mut flags);
    guarantor_flags(&vocabulary.guarantors, old, new, &mut flags);
    flags
}
