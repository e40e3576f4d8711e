//! Building plans by hand and generating synthetic drafts, for tests and benchmarks.
//!
//! Hand-made: [`clause`], [`plan`] and [`corpus`] build model values directly, with defaults for
//! everything a test does not care about. Synthetic: [`synthetic`] generates a pair of drafts of
//! `n` clauses (the second a realistic edit of the first: revisions, drops, additions, moves),
//! deterministically from a seed; [`synthetic_files`] writes the same pair as plan files for
//! [`crate::load::load_texts`] (or, with [`write_synthetic_folder`], into a folder), and
//! [`synthetic_lines`] as clause texts one per line.

use crate::diagnostic::SourceText;
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

const SYLLABLES: [&str; 24] = [
    "ka", "ro", "vi", "ne", "tu", "sa", "le", "mo", "di", "pra", "sto", "gen", "lar", "mi", "col",
    "ver", "an", "tis", "der", "pol", "ur", "se", "qua", "bel",
];
const COMMON: [&str; 24] = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "shall",
    "be",
    "by",
    "for",
    "on",
    "parties",
    "will",
    "with",
    "all",
    "agreement",
    "ukraine",
    "russia",
    "security",
    "forces",
    "within",
    "days",
    "that",
    "is",
];
const MODALS: [(&str, &str); 4] = [
    ("shall", "may"),
    ("will", "should"),
    ("must", "could"),
    ("guarantees", "seeks"),
];

/// The synthetic topics.
pub const SYNTHETIC_TOPICS: [&str; 12] = [
    "territory",
    "military-limits",
    "security-guarantees",
    "nato",
    "sanctions",
    "reconstruction",
    "humanitarian",
    "nuclear",
    "elections",
    "language-religion",
    "ceasefire",
    "justice",
];

/// Makes a vocabulary word from its rank: common words first, then pseudo-words.
fn word(rank: usize) -> String {
    if rank < COMMON.len() {
        return COMMON[rank].to_string();
    }
    let mut r = rank - COMMON.len() + 30;
    let mut w = String::new();
    while r > 0 {
        w.push_str(SYLLABLES[r % SYLLABLES.len()]);
        r /= SYLLABLES.len();
    }
    w
}

/// A roughly Zipf-distributed word rank over a 6,000-word vocabulary.
fn zipf(rng: &mut Rng) -> usize {
    let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    ((6000f64).powf(u) - 1.0) as usize
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(if rng.chance(0.05) { ',' } else { ' ' });
            if s.ends_with(',') {
                s.push(' ');
            }
        }
        if rng.chance(0.04) {
            let n = (rng.below(900) + 1) * 1000;
            s.push_str(&group(n));
        } else {
            s.push_str(&word(zipf(rng)));
        }
    }
    s.push('.');
    s
}

/// `600000` → `"600,000"`.
fn group(n: usize) -> String {
    let d = n.to_string();
    let mut out = String::new();
    for (i, ch) in d.chars().enumerate() {
        if i > 0 && (d.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn revise(rng: &mut Rng, text: &str) -> String {
    let mut toks: Vec<String> = text.split(' ').map(str::to_string).collect();
    let edits = 1 + rng.below(3);
    for _ in 0..edits {
        let i = rng.below(toks.len());
        match rng.below(4) {
            0 => {
                // a number changes, or appears
                let n = (rng.below(900) + 1) * 1000;
                toks[i] = group(n);
            }
            1 => {
                // a modal softens
                let (hard, soft) = MODALS[rng.below(MODALS.len())];
                toks.insert(i, if rng.chance(0.7) { soft } else { hard }.to_string());
            }
            2 => {
                toks.insert(i, "unless".to_string());
                toks.insert(i + 1, word(zipf(rng)));
            }
            _ => toks[i] = word(zipf(rng)),
        }
    }
    toks.join(" ")
}

/// Generates two drafts, `syn-a` and `syn-b`, of about `n` clauses of about 40 words each.
/// `syn-b` is `syn-a` with ~70% of clauses kept, ~15% revised, ~5% dropped, ~5% moved and
/// ~5% new clauses added. One party `ua` has 20 red lines, assessed on ~5% of clauses.
pub fn synthetic(n: usize, seed: u64) -> Corpus {
    let (a, b, ua) = synthetic_parts(n, seed);
    corpus(vec![ua], vec![a, b])
}

fn synthetic_parts(n: usize, seed: u64) -> (Plan, Plan, Party) {
    let mut rng = Rng::new(seed);
    let lines: Vec<(String, Firmness)> = (0..20)
        .map(|i| {
            let f = [
                Firmness::HardLegal,
                Firmness::HardDeclared,
                Firmness::Firm,
                Firmness::Preference,
            ][i % 4];
            (format!("ua-line-{i}"), f)
        })
        .collect();
    let line_refs: Vec<(&str, Firmness)> = lines.iter().map(|(s, f)| (s.as_str(), *f)).collect();
    let ua = party("ua", "Ukraine", &line_refs);
    let mut left = Vec::with_capacity(n);
    for i in 0..n {
        let t1 = SYNTHETIC_TOPICS[rng.below(SYNTHETIC_TOPICS.len())];
        let t2 = SYNTHETIC_TOPICS[rng.below(SYNTHETIC_TOPICS.len())];
        let words = 30 + rng.below(21);
        let mut c = clause(&(i + 1).to_string(), &sentence(&mut rng, words), &[t1]);
        if t2 != t1 && rng.chance(0.3) {
            c.topics.push(t2.to_string());
        }
        if rng.chance(0.05) {
            let effect = [Effect::Crosses, Effect::Partial, Effect::Meets][rng.below(3)];
            c.assessments
                .push(assess("ua", effect, &lines[rng.below(lines.len())].0));
        }
        left.push(c);
    }
    let mut right: Vec<Clause> = Vec::with_capacity(n + n / 20);
    let mut moved: Vec<Clause> = Vec::new();
    let mut next_new = n + 1;
    for c in &left {
        let roll = rng.below(100);
        let mut nc = c.clone();
        nc.assessments.clear();
        if rng.chance(0.05) {
            let effect = [Effect::Crosses, Effect::Partial, Effect::Meets][rng.below(3)];
            nc.assessments
                .push(assess("ua", effect, &lines[rng.below(lines.len())].0));
        }
        match roll {
            0..70 => right.push(nc),
            70..85 => {
                nc.text = revise(&mut rng, &c.text);
                right.push(nc);
            }
            85..90 => {} // dropped
            90..95 => moved.push(nc),
            _ => {
                right.push(nc);
                let words = 30 + rng.below(21);
                let t = SYNTHETIC_TOPICS[rng.below(SYNTHETIC_TOPICS.len())];
                right.push(clause(
                    &next_new.to_string(),
                    &sentence(&mut rng, words),
                    &[t],
                ));
                next_new += 1;
            }
        }
        // moved clauses land some way further on
        if !moved.is_empty() && rng.chance(0.02) {
            right.push(moved.remove(0));
        }
    }
    right.append(&mut moved);
    let a = plan("syn-a", (2025, 1, 1), left);
    let b = plan("syn-b", (2025, 6, 1), right);
    (a, b, ua)
}

fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The same pair as [`synthetic`], written as a plans folder (`corpus.toml`, `parties.toml`,
/// `syn-a.toml`, `syn-b.toml`) for [`crate::load::load_texts`].
pub fn synthetic_files(n: usize, seed: u64) -> Vec<SourceText> {
    let (a, b, ua) = synthetic_parts(n, seed);
    let mut corpus_toml = String::from(
        "[corpus]\ntitle = \"Synthetic drafts\"\ncoverage = \"Generated for benchmarks.\"\n",
    );
    for t in SYNTHETIC_TOPICS {
        corpus_toml.push_str(&format!(
            "\n[[topic]]\nid = \"{t}\"\ntitle = \"{t}\"\ndescription = \"The topic {t}.\"\n"
        ));
    }
    let mut parties = String::from(
        "[sources.S1]\noutlet = \"Generator\"\ntitle = \"(synthetic)\"\n\n[[party]]\nid = \"ua\"\nname = \"Ukraine\"\nshort = \"UA\"\n",
    );
    for rl in &ua.red_lines {
        parties.push_str(&format!(
            "\n[[party.red_line]]\nid = \"{}\"\ntitle = \"{}\"\nsummary = \"{}\"\nfirmness = \"{}\"\nsources = [\"S1\"]\n",
            rl.id,
            rl.title,
            rl.summary,
            rl.firmness.as_str()
        ));
    }
    let draft = |p: &Plan| {
        let mut s = format!(
            "[plan]\nid = \"{}\"\ntitle = {}\nshort = \"{}\"\ndate = {}\nproposers = []\nstatus = \"official\"\nsummary = {}\nsources = [\"S1\"]\n\n[sources.S1]\noutlet = \"Generator\"\ntitle = \"(synthetic)\"\n",
            p.id,
            toml_str(&p.title),
            p.short,
            p.date,
            toml_str(&p.summary)
        );
        for c in &p.clauses {
            s.push_str(&format!(
                "\n[[clause]]\nid = \"{}\"\ntitle = {}\ntext = {}\ntopics = [{}]\ncertainty = \"published-text\"\nsources = [\"S1\"]\n",
                c.id,
                toml_str(&c.title),
                toml_str(&c.text),
                c.topics
                    .iter()
                    .map(|t| toml_str(t))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            for a in &c.assessments {
                s.push_str(&format!(
                    "\n[[clause.assess]]\nparty = \"{}\"\neffect = \"{}\"\nred_lines = [{}]\nnote = \"synthetic\"\n",
                    a.party,
                    a.effect.as_str(),
                    a.red_lines
                        .iter()
                        .map(|t| toml_str(t))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        s
    };
    vec![
        SourceText::new("synthetic/corpus.toml", corpus_toml),
        SourceText::new("synthetic/parties.toml", parties),
        SourceText::new("synthetic/syn-a.toml", draft(&a)),
        SourceText::new("synthetic/syn-b.toml", draft(&b)),
    ]
}

/// [`synthetic_files`] written into the folder `dir` (which must exist), as a plans folder to
/// load from disk. Returns how many bytes were written.
pub fn write_synthetic_folder(dir: &std::path::Path, n: usize, seed: u64) -> std::io::Result<u64> {
    let mut total = 0;
    for f in synthetic_files(n, seed) {
        let name = f.name.rsplit('/').next().unwrap_or(&f.name);
        std::fs::write(dir.join(name), &f.text)?;
        total += f.text.len() as u64;
    }
    Ok(total)
}

/// The same pair as [`synthetic`], as two texts with one clause text per line (for comparing
/// with `git diff --no-index --word-diff`).
pub fn synthetic_lines(n: usize, seed: u64) -> (String, String) {
    let (a, b, _) = synthetic_parts(n, seed);
    let lines = |p: &Plan| {
        let mut s = String::new();
        for c in &p.clauses {
            s.push_str(&c.text);
            s.push('\n');
        }
        s
    };
    (lines(&a), lines(&b))
}
