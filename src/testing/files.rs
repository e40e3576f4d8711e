//! Generated drafts written out: as a plans folder (TOML), and as clause texts one per line for
//! `git diff --word-diff`.

use super::synthetic::{SYNTHETIC_TOPICS, Shape, chain, shaped_parts};
use crate::diagnostic::SourceText;
use crate::model::{Party, Plan};
use std::fmt::Write as _;

fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
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

fn corpus_toml() -> String {
    let mut corpus_toml = String::from(
        "[corpus]\ntitle = \"Synthetic drafts\"\ncoverage = \"Generated for benchmarks.\"\n",
    );
    for t in SYNTHETIC_TOPICS {
        corpus_toml.push_str(&format!(
            "\n[[topic]]\nid = \"{t}\"\ntitle = \"{t}\"\ndescription = \"The topic {t}.\"\n"
        ));
    }
    corpus_toml
}

fn parties_toml(ua: &Party) -> String {
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
    parties
}

fn draft_toml(p: &Plan) -> String {
    let mut s = format!(
        "[plan]\nid = \"{}\"\ntitle = {}\nshort = \"{}\"\ndate = {}\nproposers = []\nstatus = \"official\"\nsummary = {}\nsources = [\"S1\"]\n\n[sources.S1]\noutlet = \"Generator\"\ntitle = \"(synthetic)\"\n",
        p.id,
        toml_str(&p.title),
        p.short,
        p.date,
        toml_str(&p.summary)
    );
    let list = |items: &[String]| {
        items
            .iter()
            .map(|t| toml_str(t))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for c in &p.clauses {
        let _ = write!(
            s,
            "\n[[clause]]\nid = \"{}\"\ntitle = {}\ntext = {}\ntopics = [{}]\ncertainty = \"published-text\"\nsources = [\"S1\"]\n",
            c.id,
            toml_str(&c.title),
            toml_str(&c.text),
            list(&c.topics)
        );
        for a in &c.assessments {
            let _ = write!(
                s,
                "\n[[clause.assess]]\nparty = \"{}\"\neffect = \"{}\"\nred_lines = [{}]\nnote = \"synthetic\"\n",
                a.party,
                a.effect.as_str(),
                list(&a.red_lines)
            );
        }
    }
    s
}

/// The same pair as [`super::synthetic`], written as a plans folder (`corpus.toml`,
/// `parties.toml`, `syn-a.toml`, `syn-b.toml`) for [`crate::load::load_texts`].
pub fn synthetic_files(n: usize, seed: u64) -> Vec<SourceText> {
    shaped_files(Shape::Realistic, n, seed)
}

/// [`synthetic_files`] in the given shape.
pub fn shaped_files(shape: Shape, n: usize, seed: u64) -> Vec<SourceText> {
    let (a, b, ua) = shaped_parts(shape, n, seed);
    vec![
        SourceText::new("synthetic/corpus.toml", corpus_toml()),
        SourceText::new("synthetic/parties.toml", parties_toml(&ua)),
        SourceText::new("synthetic/syn-a.toml", draft_toml(&a)),
        SourceText::new("synthetic/syn-b.toml", draft_toml(&b)),
    ]
}

/// [`synthetic_files`] written into the folder `dir` (which must exist), as a plans folder to
/// load from disk. Returns how many bytes were written.
pub fn write_synthetic_folder(dir: &std::path::Path, n: usize, seed: u64) -> std::io::Result<u64> {
    write_shaped_folder(dir, Shape::Realistic, n, seed)
}

/// [`shaped_files`] written into the folder `dir` (which must exist). Returns how many bytes
/// were written.
pub fn write_shaped_folder(
    dir: &std::path::Path,
    shape: Shape,
    n: usize,
    seed: u64,
) -> std::io::Result<u64> {
    let mut total = 0;
    for f in shaped_files(shape, n, seed) {
        let name = f.name.rsplit('/').next().unwrap_or(&f.name);
        std::fs::write(dir.join(name), &f.text)?;
        total += f.text.len() as u64;
    }
    Ok(total)
}

/// A plans folder of `drafts` drafts (`d0001.toml`, …) of about `clauses` clauses each, each
/// draft a realistic edit of the one before, written into `dir` (which must exist). Returns how
/// many bytes were written.
pub fn write_synthetic_corpus(
    dir: &std::path::Path,
    drafts: usize,
    clauses: usize,
    seed: u64,
) -> std::io::Result<u64> {
    let (plans, ua) = chain(drafts, clauses, seed);
    let mut total = 0;
    let mut put = |name: &str, text: String| {
        total += text.len() as u64;
        std::fs::write(dir.join(name), text)
    };
    put("corpus.toml", corpus_toml())?;
    put("parties.toml", parties_toml(&ua))?;
    for p in &plans {
        put(&format!("{}.toml", p.id), draft_toml(p))?;
    }
    Ok(total)
}

/// The same pair as [`super::synthetic`], as two texts with one clause text per line (for
/// comparing with `git diff --no-index --word-diff`).
pub fn synthetic_lines(n: usize, seed: u64) -> (String, String) {
    shaped_lines(Shape::Realistic, n, seed)
}

/// [`synthetic_lines`] in the given shape.
pub fn shaped_lines(shape: Shape, n: usize, seed: u64) -> (String, String) {
    let (a, b, _) = shaped_parts(shape, n, seed);
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
