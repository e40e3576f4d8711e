//! Commitment strength: did a revised clause get weaker or stronger, not only different?
//!
//! These are heuristics over the two texts of a revised row (English wording). Each finds
//! something in both texts and reports what went and what came, naming both sides; how well
//! they do on labelled cases is in docs/flags.md. They catch:
//!
//! - **numbers** (`quantity`, `quantity_unit`, `number`): a number with what it counts — a
//!   unit or noun after it, behind up to four modifiers (`30 km`, `500 tanks`, `400 unarmed
//!   observers`, `four crossing points`; `troops`, `soldiers`, `servicemen` and `personnel` are
//!   one kind, as are `km` and `kilometres`, and `civilians` and `persons`), a currency (`$100
//!   billion`, `€50bn`), a percentage (`33%`, `50 per cent`), armed-forces words near a bare
//!   number ("the army is capped at 800,000"), the subject of a capped bare number
//!   ("instructors ... no more than 300"), or else the kind of a like-sized number before it.
//!   Flags name units, money and personnel by their class and other nouns as written ("(200 →
//!   250 civilians)"). Numbers in words are read whole ("twelve warships", "twenty-five
//!   thousand peacekeepers") when they count a known unit, from ten up a plural noun, and below
//!   ten a plural noun that is not the text's own parts or parties ("three battalions", not
//!   "the two sides", "two drafts"). The same value of the same kind on both sides is no change,
//!   nor is the same value with its noun reworded, nor a number whose value the other text still
//!   writes. The others are paired within a kind, the pair sharing most words around it first
//!   (stemmed), and reported `increased` or `decreased`; one left alone is `changed` ("number
//!   removed: 85,000 → none (personnel)"). The two ends of a range ("between 15 and 20 km",
//!   "10 to 15 km", the first taking the second's unit) and distances in one sentence that all
//!   moved the same way are one flag naming every value ("number decreased: 15, 30 → 10, 20
//!   (km)"); other counts keep a flag per pair. Which way is "weaker" depends on the clause (a
//!   higher army cap is a weaker limit), so numbers say up or down. Not numbers: clock times
//!   and ratios (`00:00`, `50:50`), dates and years written alone (`in 2015`), references to a
//!   text (`Article 5`, `point 12`, `the 28 points`).
//! - **deadlines** (`deadline`): a length (`30 days`, `six months`, `fourteen days`, `one
//!   year`, `10 working days`, `48 hours`, `the 19th day`, `within a fortnight`, `in a month`)
//!   or `immediately`, compared in days (`increased`: extended; `decreased`: shortened); a date
//!   after `by`, `before`, `until`, `no later than`, `on`, `from` (`15 February 2015`,
//!   `February 15, 2015`, `the 1st of August`, `2026-03-15`, `31.08.2026`, `the end of 2015`),
//!   compared by date — but not the date a text was signed, done or adopted, nor a reference
//!   date ("the line as it stood on 1 January"); a clock time after `at`, `by`, `before`,
//!   `until`, `from` (`at 18:00`), compared by time. The same time written another way ("48
//!   hours" and "two days") is no change. One that vanished is `weaker`, one that appeared
//!   `stronger`. A period looking back ("the last 30 years") and a rate ("once a month") are
//!   neither deadlines nor numbers.
//! - **modals** (`modal`, `modal_read`): each modal read as a force — binding (`shall`, `will`,
//!   `must`, `is/are to`, `has to`, `undertakes to`, `commits to`, `agrees to`, `is
//!   obliged/required/bound to`, `guarantees that`), advisory (`should`, `seeks to`, `aims to`,
//!   `intends to`, `is expected to`, `endeavours to`, `will endeavour/seek`, `shall
//!   endeavour/seek/strive/try to`) or permissive (`may`, `can`, `could`, `might`, `is
//!   permitted/allowed/entitled to`, the hypothetical `would`, and a released obligation: `is
//!   not required to`, `need not`, `does not have to`) — and a polarity (negated by `not`,
//!   `never`, a contraction — `won't`, `cannot`, `can't`, `mustn't` —, a negative subject —
//!   "neither Russia nor Ukraine may" —, or a verb of abstaining — "shall refrain from"). A
//!   negated `may`, `can` or `is permitted to` forbids, so it is binding; a negated `should`
//!   stays advisory. One force giving way to a lower one in one polarity is `weaker` ("must" →
//!   "should", "should" → "may", "must not" → "should not"), to a higher one `stronger`; a
//!   prohibition lifted into a permission ("shall not host" → "may host") is `weaker`, a
//!   permission turned into a prohibition ("can" → "cannot") `stronger`; any other positive
//!   modal gone and a negated one come for the same act (or the reverse) is a reversal,
//!   `changed` ("will withdraw" → "will not withdraw"); `would` takes part in no reversal. So
//!   "will not" → "may not" is no flag: both forbid. A bare `guarantees` is not counted (in
//!   these texts it is nearly always the noun), nor is a sentence opening with `Should` (a
//!   condition), nor "is to" after a noun of purpose ("the aim is to").
//! - **conditions** (`condition`): `if`, `only if`, `unless`, `provided that`, `provided` as a
//!   conjunction (after a pause: ", provided the line holds"; not "aid provided by"),
//!   `providing that`, `on (the) condition that`, `subject to` (not "not subject to"), `as long
//!   as`, `so long as`, `contingent on`, `conditional on`, `conditioned on`, `in the event
//!   of/that`, `in case (of)`, `depends on`, `only after/when/once`, `once` opening a clause
//!   (not "once a month", "at once", "once again"), `except (for)`, `except if/where/when`,
//!   `save where/that/as/when`, and a sentence opening with `Should` (shown as `should`),
//!   `When` or `After` followed by a clause. They are counted: more of them is `weaker`, fewer
//!   `stronger`; rewording one as another is no flag, unless a proviso (`if`, `provided that`
//!   ...) gives way to an exception (`unless`, `except ...`, `save ...`) or the reverse, which is
//!   `changed` ("condition replaced: provided that → unless"). Asides and concessions are not
//!   conditions: `if any,`, `if either,` (with a pause after), `even if`, `as if`.
//! - **guarantors** (`guarantor`, `guarantor_words`): in a sentence (or semicolon-separated
//!   part) about guaranteeing (`guarantee`, `guarantor`, `enforce`, `monitor`, `backstop`,
//!   `underwrite` and their forms, but not "monitoring" naming a mission or team), a name from
//!   the caller's alias groups ([`Vocabulary::with_guarantor_names`], the corpus's parties in
//!   [`Vocabulary::from_corpus`]) or the built-in list (NATO, EU, UN, US, Europe, UK, France,
//!   Germany, Turkey, OSCE, China) that appeared (`stronger`), disappeared (`weaker`), or both
//!   (`changed`), shown as the text writes it. Aliases are one guarantor, the longest name wins
//!   where names overlap ("Organization for Security and Co-operation in Europe" is not Europe),
//!   and all-capital names match case-sensitively ("us" is not the US). Not guarantors: a name
//!   that receives ("for Ukraine", "to Ukraine", "Ukraine is to be given", "Russia and Ukraine
//!   accept"), that is protected ("the sovereignty of Ukraine"), between whom something is
//!   agreed ("between Russia and Ukraine"), in the possessive ("NATO's Article 5"), or that
//!   names a document or status ("the UN Charter", "NATO membership"), nor one named only to
//!   say it will not guarantee ("the United States shall not act as a guarantor"). When both
//!   texts name guarantors and their number differs, the flag says so (`sizes`, "(11 → 5
//!   guarantors)"); some replaced by others is `changed` whatever the sizes, since whether the
//!   guarantee is weaker depends on who.
//!
//! What they miss: who the subject is ("Ukraine may use the river" → "Russia must not hamper
//! its use" is read as a permission turned prohibition, which happens to be right, but "Ukraine
//! will withdraw" → "Russia will not withdraw" reads as a reversal), scope (which commitment a
//! condition or a deadline belongs to), whether a party named in a guarantee sentence acts as
//! guarantor in a role the lists above do not name (the parties monitoring a ceasefire
//! themselves), guarantors nobody declared and the built-in list lacks, numbers whose kind the
//! text does not say near them, dates without a day or a year ("in March") and dates written
//! with slashes (day or month first cannot be told), several numbers of one kind whose
//! surrounding words pair them crosswise, wording outside these lists, and other languages.
//! Each flag carries its evidence so that a reader can judge it.
//!
//! `words` is the word index every heuristic reads.

mod condition;
mod deadline;
mod guarantor;
mod guarantor_words;
mod modal;
mod modal_read;
mod modal_words;
mod number;
mod quantity;
mod quantity_unit;
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
        guarantor_words::GUARANTEE_WORDS
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
