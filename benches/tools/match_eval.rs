//! Scores the clause matcher (`peacediff::align::align`) against gold clause pairs, with no
//! hand-written links or inheritance to lean on. See docs/matching.md.
//!
//! cargo run --release --example match_eval                  # every group
//! cargo run --release --example match_eval -- --split test  # dev | test | bundled | all
//! cargo run --release --example match_eval -- --verbose     # also list misses and false pairs
//!
//! Two kinds of data:
//! - the cases in tests/fixtures/matching/ (a plans folder `CASE/` per case, gold pairs in
//!   `CASE.gold.toml`), paraphrases and redrafts written for this evaluation, split dev / test;
//! - the bundled drafts: for each pair of drafts (in date order) sharing at least five linked
//!   or inherited clause pairs, gold is read from those links and inheritance, then every link,
//!   inheritance, base and removal is stripped from the corpus before aligning.
//!
//! Predicted pairs are every (left, right) of every row with both sides non-empty. Each group
//! is scored twice: with every row, and without topic rows (rows whose basis is a shared topic,
//! a weak claim).

use peacediff::align::{self, MatchBasis};
use peacediff::model::{Corpus, Plan, Relation};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// At least this many gold pairs (loose) for a bundled pair of drafts to be scored.
const MIN_BUNDLED_GOLD: usize = 5;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Gold {
    split: String,
    kind: String,
    /// For readers of the gold file; the runner does not print it.
    #[allow(dead_code)]
    description: String,
    left: String,
    right: String,
    pairs: Vec<[String; 2]>,
}

/// Clause-index pairs (left, right).
type Pairs = BTreeSet<(usize, usize)>;

/// The tallies of one scored alignment (or a sum of them).
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    gold: usize,
    /// Predicted pairs from every row with both sides non-empty.
    pred: usize,
    /// Of those, in gold.
    hit: usize,
    /// Predicted pairs from rows whose basis is not a topic.
    pred_nt: usize,
    hit_nt: usize,
    /// Gold pairs found by a non-topic row (recall without topic rows).
    found_nt: usize,
    /// Gold pairs found by any row.
    found: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.hit += o.hit;
        self.pred_nt += o.pred_nt;
        self.hit_nt += o.hit_nt;
        self.found_nt += o.found_nt;
        self.found += o.found;
    }
}

/// Predicted pairs of an alignment: (all rows, non-topic rows only).
fn predicted(al: &align::Alignment) -> (Pairs, Pairs) {
    let (mut all, mut nt) = (Pairs::new(), Pairs::new());
    for row in &al.rows {
        if row.left.is_empty() || row.right.is_empty() {
            continue;
        }
        let topic = matches!(row.basis, MatchBasis::Topic { .. });
        for &l in &row.left {
            for &r in &row.right {
                all.insert((l, r));
                if !topic {
                    nt.insert((l, r));
                }
            }
        }
    }
    (all, nt)
}

fn score(gold: &Pairs, all: &Pairs, nt: &Pairs) -> Score {
    Score {
        gold: gold.len(),
        pred: all.len(),
        hit: all.intersection(gold).count(),
        pred_nt: nt.len(),
        hit_nt: nt.intersection(gold).count(),
        found: gold.intersection(all).count(),
        found_nt: gold.intersection(nt).count(),
    }
}

fn pct(num: usize, den: usize) -> String {
    if den == 0 {
        "–".to_string()
    } else {
        format!("{:.1}%", 100.0 * num as f64 / den as f64)
    }
}

/// One line of the table.
struct Line {
    name: String,
    group: &'static str,
    note: String,
    score: Score,
    /// Gold pairs missed and predicted pairs not in gold, as clause ids, for `--verbose`.
    missed: Vec<String>,
    wrong: Vec<String>,
}

fn ids(left: &Plan, right: &Plan, pairs: impl Iterator<Item = (usize, usize)>) -> Vec<String> {
    pairs
        .map(|(l, r)| format!("{}→{}", left.clauses[l].id, right.clauses[r].id))
        .collect()
}

fn scored_line(
    name: String,
    group: &'static str,
    note: String,
    left: &Plan,
    right: &Plan,
    gold: &Pairs,
    al: &align::Alignment,
) -> Line {
    let (all, nt) = predicted(al);
    Line {
        name,
        group,
        note,
        score: score(gold, &all, &nt),
        missed: ids(left, right, gold.difference(&all).copied()),
        wrong: ids(left, right, all.difference(gold).copied()),
    }
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/matching")
}

/// The evaluation cases: (name, folder, gold), in name order.
fn cases() -> Vec<(String, PathBuf, Gold)> {
    let dir = fixtures_dir();
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/matching exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    entries.sort();
    for folder in entries {
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        let gold_path = dir.join(format!("{name}.gold.toml"));
        let text = std::fs::read_to_string(&gold_path)
            .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
        let gold: Gold =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
        out.push((name, folder, gold));
    }
    out
}

fn case_line(name: &str, folder: &Path, gold: &Gold) -> Line {
    let loaded =
        peacediff::load::load_dir(folder).unwrap_or_else(|e| panic!("{}: {e}", folder.display()));
    let c = &loaded.corpus;
    let left = c.plan(&gold.left).expect("the gold's left draft exists");
    let right = c.plan(&gold.right).expect("the gold's right draft exists");
    assert!(
        c.plans
            .iter()
            .all(|p| p.base.is_none() && p.clauses.iter().all(|k| k.links.is_empty())),
        "{name}: evaluation drafts must carry no links and no base"
    );
    let pairs: Pairs = gold
        .pairs
        .iter()
        .map(|[a, b]| {
            let l = left
                .clause_index(a)
                .unwrap_or_else(|| panic!("{name}: no left {a}"));
            let r = right
                .clause_index(b)
                .unwrap_or_else(|| panic!("{name}: no right {b}"));
            (l, r)
        })
        .collect();
    let al = align::align(c, left, right);
    let group = if gold.split == "test" { "test" } else { "dev" };
    scored_line(
        name.to_string(),
        group,
        gold.kind.clone(),
        left,
        right,
        &pairs,
        &al,
    )
}

/// Gold pairs between two bundled drafts (`a` earlier): (strict, loose). Strict: links `same`
/// or `revises`, direct inheritance, and two derived drafts' clauses inherited from the same
/// base clause. Loose: those and every other link relation.
fn bundled_gold(a: &Plan, b: &Plan) -> (Pairs, Pairs) {
    let (mut strict, mut loose) = (Pairs::new(), Pairs::new());
    let mut put = |l: Option<usize>, r: Option<usize>, is_strict: bool| {
        if let (Some(l), Some(r)) = (l, r) {
            loose.insert((l, r));
            if is_strict {
                strict.insert((l, r));
            }
        }
    };
    let strict_rel = |r: Relation| matches!(r, Relation::Same | Relation::Revises);
    for (i, c) in a.clauses.iter().enumerate() {
        for link in c.links.iter().filter(|k| k.plan == b.id) {
            put(
                Some(i),
                b.clause_index(&link.clause),
                strict_rel(link.relation),
            );
        }
    }
    for (j, c) in b.clauses.iter().enumerate() {
        for link in c.links.iter().filter(|k| k.plan == a.id) {
            put(
                a.clause_index(&link.clause),
                Some(j),
                strict_rel(link.relation),
            );
        }
    }
    for (j, c) in b.clauses.iter().enumerate() {
        if let Some(inh) = &c.inherited
            && inh.base_plan == a.id
        {
            put(a.clause_index(&inh.base_clause), Some(j), true);
        }
    }
    for (i, c) in a.clauses.iter().enumerate() {
        if let Some(inh) = &c.inherited
            && inh.base_plan == b.id
        {
            put(Some(i), b.clause_index(&inh.base_clause), true);
        }
    }
    // Siblings: both derived from the same base clause.
    for (i, ca) in a.clauses.iter().enumerate() {
        let Some(ia) = &ca.inherited else { continue };
        for (j, cb) in b.clauses.iter().enumerate() {
            if let Some(ib) = &cb.inherited
                && ia.base_plan == ib.base_plan
                && ia.base_clause == ib.base_clause
            {
                put(Some(i), Some(j), true);
            }
        }
    }
    (strict, loose)
}

/// The corpus with every link, inheritance, base and removal taken out.
fn stripped(c: &Corpus) -> Corpus {
    let plans = c
        .plans
        .iter()
        .map(|p| {
            let mut p = p.clone();
            p.base = None;
            p.removals.clear();
            for k in &mut p.clauses {
                k.links.clear();
                k.inherited = None;
            }
            p
        })
        .collect();
    Corpus::new(
        c.info.clone(),
        c.topics.clone(),
        c.actors.clone(),
        c.parties.clone(),
        c.party_sources.clone(),
        plans,
    )
}

fn bundled_lines() -> Vec<Line> {
    let loaded = peacediff::load::load_bundled().expect("the bundled corpus loads");
    let c = &loaded.corpus;
    let bare = stripped(c);
    let mut lines = Vec::new();
    // Plans are in date order (then id): the earlier draft goes on the left.
    for (ia, a) in c.plans.iter().enumerate() {
        for b in &c.plans[ia + 1..] {
            let (strict, loose) = bundled_gold(a, b);
            if loose.len() < MIN_BUNDLED_GOLD {
                continue;
            }
            let (sa, sb) = (bare.plan(&a.id).unwrap(), bare.plan(&b.id).unwrap());
            let al = align::align(&bare, sa, sb);
            let name = format!("{} → {}", a.id, b.id);
            let derived = if a.base.is_some() || b.base.is_some() {
                " (derived draft)"
            } else {
                ""
            };
            lines.push(scored_line(
                name.clone(),
                "bundled strict",
                format!("same/revises/inherited{derived}"),
                sa,
                sb,
                &strict,
                &al,
            ));
            lines.push(scored_line(
                name,
                "bundled loose",
                format!("all relations{derived}"),
                sa,
                sb,
                &loose,
                &al,
            ));
        }
    }
    lines
}

fn row(name: &str, note: &str, s: &Score) -> String {
    format!(
        "| {name} | {note} | {} | {} | {} | {} | {} | {} | {} | {} |",
        s.gold,
        s.pred,
        pct(s.hit, s.pred),
        pct(s.found, s.gold),
        s.pred - s.pred_nt,
        s.pred_nt,
        pct(s.hit_nt, s.pred_nt),
        pct(s.found_nt, s.gold),
    )
}

fn main() {
    let mut split = "all".to_string();
    let mut verbose = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--split" => split = args.next().expect("--split dev|test|bundled|all"),
            "--verbose" | "-v" => verbose = true,
            _ => panic!("usage: match_eval [--split dev|test|bundled|all] [--verbose]"),
        }
    }
    assert!(
        ["dev", "test", "bundled", "all"].contains(&split.as_str()),
        "--split takes dev, test, bundled or all"
    );
    let want = |g: &str| split == "all" || g.starts_with(split.as_str());

    let mut lines: Vec<Line> = Vec::new();
    for (name, folder, gold) in cases() {
        let line = case_line(&name, &folder, &gold);
        if want(line.group) {
            lines.push(line);
        }
    }
    if want("bundled") {
        lines.extend(bundled_lines());
    }

    println!("Clause matcher against gold pairs, no links or inheritance (split: {split}).");
    println!();
    println!(
        "P = precision of predicted pairs, R = recall of gold pairs; \"no topic\" leaves out rows matched only by a shared topic."
    );
    println!();
    println!(
        "| case | kind | gold | predicted | P | R | topic-row pairs | predicted (no topic) | P (no topic) | R (no topic) |"
    );
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let groups = ["dev", "test", "bundled strict", "bundled loose"];
    for g in groups {
        let mut total = Score::default();
        let mut any = false;
        for l in lines.iter().filter(|l| l.group == g) {
            println!("{}", row(&l.name, &l.note, &l.score));
            total.add(&l.score);
            any = true;
        }
        if any {
            let label = match g {
                "dev" => "**paraphrase dev, total**",
                "test" => "**paraphrase test, total**",
                "bundled strict" => "**bundled strict, total**",
                _ => "**bundled loose, total**",
            };
            println!("{}", row(label, "micro-average", &total));
        }
        // The target is set on pairs of drafts that share at least five linked clauses.
        if g == "bundled strict" {
            let mut five = Score::default();
            let mut any = false;
            for l in lines.iter().filter(|l| l.group == g && l.score.gold >= 5) {
                five.add(&l.score);
                any = true;
            }
            if any {
                println!(
                    "{}",
                    row(
                        "**bundled strict, pairs sharing 5+ links**",
                        "micro-average",
                        &five
                    )
                );
            }
        }
    }
    if verbose {
        for l in &lines {
            println!();
            println!("### {} ({})", l.name, l.group);
            println!("missed: {}", l.missed.join(", "));
            println!("not in gold: {}", l.wrong.join(", "));
        }
    }
}
