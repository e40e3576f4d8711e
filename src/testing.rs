//! Building plans by hand and generating synthetic drafts, for tests and benchmarks.
//!
//! Hand-made: [`clause`], [`plan`] and [`corpus`] build model values directly, with defaults for
//! everything a test does not care about. Synthetic: [`synthetic`] generates a pair of drafts of
//! `n` clauses (the second a realistic edit of the first: revisions, drops, additions, moves),
//! deterministically from a seed, and [`shaped`] the same in the adversarial [`Shape`]s the
//! benchmarks time (near-duplicates, a tiny vocabulary, unrelated drafts, a full shuffle, one
//! very long clause); [`synthetic_files`] writes the pair as plan files for
//! [`crate::load::load_texts`] (or, with [`write_synthetic_folder`], into a folder),
//! [`synthetic_lines`] as clause texts one per line, and [`write_synthetic_corpus`] writes a
//! folder of many small drafts, each an edit of the one before.

mod files;
mod synthetic;

pub use files::{
    shaped_files, shaped_lines, synthetic_files, synthetic_lines, write_shaped_folder,
    write_synthetic_corpus, write_synthetic_folder,
};
pub use synthetic::{SYNTHETIC_TOPICS, Shape, shaped, synthetic};

use crate::model::{
    Assessment, Certainty, Clause, Corpus, CorpusInfo, Effect, Firmness, PartialDate, Party, Plan,
    PlanStatus, RedLine, Topic,
};

/// A clause with the given id, text and topics, and defaults for the rest.
pub fn clause(id: &str, text: &str, topics: &[&str]) -> Clause {
    Clause {
        id: id.to_string(),
        label: id.to_string(),
        parent: None,
        title: text.chars().take(40).collect(),
        text: text.to_string(),
        topics: topics.iter().map(|t| t.to_string()).collect(),
        certainty: Certainty::PublishedText,
        certainty_note: None,
        confidence: None,
        sources: vec!["S1".to_string()],
        status: None,
        bracketed_by: Vec::new(),
        note: None,
        links: vec![],
        refs: vec![],
        assessments: vec![],
        inherited: None,
        order_uncertain: false,
    }
}

/// A draft with the given id (also its short label), year-month-day and clauses.
pub fn plan(id: &str, date: (u16, u8, u8), clauses: Vec<Clause>) -> Plan {
    Plan {
        id: id.to_string(),
        title: format!("Draft {id}"),
        short: id.to_string(),
        date: PartialDate {
            year: date.0,
            month: Some(date.1),
            day: Some(date.2),
        },
        proposers: vec![],
        roles: Default::default(),
        status: PlanStatus::Official,
        summary: format!("The synthetic draft {id}."),
        main_sources: vec!["S1".to_string()],
        note: None,
        base: None,
        clauses,
        removals: vec![],
        sources: vec![],
        documents: vec![],
        file: format!("{id}.toml"),
    }
}

/// A corpus of the given drafts and parties; its topics are the ones the clauses use, sorted.
pub fn corpus(parties: Vec<Party>, plans: Vec<Plan>) -> Corpus {
    let mut topics: Vec<String> = plans
        .iter()
        .flat_map(|p| p.clauses.iter().flat_map(|c| c.topics.iter().cloned()))
        .collect();
    topics.sort();
    topics.dedup();
    Corpus::new(
        CorpusInfo {
            title: "Test corpus".into(),
            coverage: "Made up for tests.".into(),
            as_of: None,
        },
        topics
            .into_iter()
            .map(|t| Topic {
                title: t.clone(),
                description: format!("The topic {t}."),
                keywords: Vec::new(),
                id: t,
            })
            .collect(),
        vec![],
        parties,
        vec![],
        plans,
    )
}

/// A party with red lines given as (id, firmness).
pub fn party(id: &str, name: &str, red_lines: &[(&str, Firmness)]) -> Party {
    Party {
        id: id.to_string(),
        name: name.to_string(),
        short: id.to_uppercase(),
        summary: None,
        held: Default::default(),
        red_lines: red_lines
            .iter()
            .map(|(rl, f)| RedLine {
                id: rl.to_string(),
                party: id.to_string(),
                title: rl.to_string(),
                summary: format!("The position {rl}."),
                firmness: *f,
                trend: None,
                sources: vec!["S1".to_string()],
                untouched_note: None,
                held: Default::default(),
            })
            .collect(),
    }
}

/// An assessment of `party`'s `red_line` with the given effect.
pub fn assess(party: &str, effect: Effect, red_line: &str) -> Assessment {
    Assessment {
        party: party.to_string(),
        effect,
        red_lines: vec![red_line.to_string()],
        note: "test".to_string(),
        confidence: None,
        as_of: None,
    }
}

/// A small deterministic random generator (xorshift64*), so generation needs no dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}
