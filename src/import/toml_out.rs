//! The plan file an import writes: the format of docs/plan-format.md, every string quoted by the
//! `toml` crate (so any text round-trips), placeholders where the draft says nothing, and
//! proposed links each under a comment saying what it rests on.

use super::parse::Parsed;
use super::{Meta, Proposed};
use crate::load::PLACEHOLDER;
use crate::model::PartialDate;
use std::fmt::Write;

/// A TOML string literal for any text, made safe first: control characters, escape sequences
/// and bidirectional overrides out (as the loader would take them out anyway), so that the
/// file printed with `--dry-run` is safe on a terminal too.
fn quote(s: &str) -> String {
    toml::Value::String(crate::sanitize::clean_text(s)).to_string()
}

/// A full date as a TOML date; a partial one ("2025-11") as a string, as the format allows.
fn date(d: &PartialDate) -> String {
    if d.day.is_some() {
        d.to_string()
    } else {
        quote(&d.to_string())
    }
}

/// A short label made from the id: at most 10 characters, as the format requires.
pub fn short_from_id(id: &str) -> String {
    id.chars().take(10).collect()
}

/// The plan file, and how many placeholders it leaves to fill in.
pub fn write(
    parsed: &Parsed,
    meta: &Meta,
    topics: &[Vec<String>],
    links: &[Vec<Proposed>],
) -> (String, usize) {
    let todos = std::cell::Cell::new(0);
    let todo = |what: &str| {
        todos.set(todos.get() + 1);
        quote(&format!("{PLACEHOLDER}: {what}"))
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Imported by `peacediff import` from a numbered text. Fill in every \"{PLACEHOLDER}\" \
         (`peacediff check` lists them), check each proposed link, and add assessments."
    );
    s.push_str("\n[plan]\n");
    let _ = writeln!(s, "id = {}", quote(&meta.id));
    let title = meta
        .title
        .as_deref()
        .map_or_else(|| todo("the draft's title"), quote);
    let _ = writeln!(s, "title = {title}");
    let short = meta
        .short
        .clone()
        .unwrap_or_else(|| short_from_id(&meta.id));
    let _ = writeln!(s, "short = {}", quote(&short));
    let _ = writeln!(s, "date = {}", date(&meta.date));
    let proposers: Vec<String> = meta.proposers.iter().map(|p| quote(p)).collect();
    let _ = writeln!(s, "proposers = [{}]", proposers.join(", "));
    let _ = writeln!(s, "status = {}", quote(&meta.status));
    let summary = if parsed.preamble.is_empty() {
        todo("what the draft is, who wrote it and how it became public")
    } else {
        quote(&parsed.preamble)
    };
    let _ = writeln!(s, "summary = {summary}");
    s.push_str("sources = [\"S1\"]\n");

    s.push_str("\n[sources.S1]\n");
    let outlet = meta
        .outlet
        .as_deref()
        .map_or_else(|| todo("who published the text"), quote);
    let _ = writeln!(s, "outlet = {outlet}");
    let stitle = meta
        .source_title
        .as_deref()
        .map_or_else(|| todo("the headline or document title"), quote);
    let _ = writeln!(s, "title = {stitle}");
    let _ = writeln!(s, "date = {}", date(&meta.date));
    match &meta.source_url {
        Some(u) => {
            let _ = writeln!(s, "url = {}", quote(u));
        }
        None => {
            let _ = writeln!(
                s,
                "note = {}",
                todo("where the text was published (add url = \"https://…\")")
            );
        }
    }

    for (i, c) in parsed.clauses.iter().enumerate() {
        s.push_str("\n[[clause]]\n");
        let _ = writeln!(s, "id = {}", quote(&c.id));
        if c.label != c.id {
            let _ = writeln!(s, "label = {}", quote(&c.label));
        }
        if let Some(p) = &c.parent {
            let _ = writeln!(s, "parent = {}", quote(p));
        }
        let title = c
            .title
            .as_deref()
            .map_or_else(|| todo("a short title"), quote);
        let _ = writeln!(s, "title = {title}");
        let _ = writeln!(s, "text = {}", quote(&c.text));
        let t: Vec<String> = topics
            .get(i)
            .into_iter()
            .flatten()
            .map(|t| quote(t))
            .collect();
        let _ = writeln!(s, "topics = [{}]", t.join(", "));
        s.push_str("certainty = \"reported\"\nsources = [\"S1\"]\n");
        if !c.footnotes.is_empty() {
            let notes: Vec<String> = c
                .footnotes
                .iter()
                .map(|f| format!("Footnote {f}"))
                .collect();
            let _ = writeln!(s, "note = {}", quote(&notes.join(" ")));
        }
        let _ = writeln!(s, "# from line {} of the imported text", c.line);
        let proposed = links.get(i).map(Vec::as_slice).unwrap_or_default();
        if !proposed.is_empty() {
            s.push_str("links = [\n");
            for l in proposed {
                let _ = writeln!(
                    s,
                    "  # proposed by peacediff import ({}): keep it if right, delete it if not",
                    l.basis
                );
                let _ = writeln!(
                    s,
                    "  {{ plan = {}, clause = {}, relation = {}, basis = \"inferred\", note = {} }},",
                    quote(&l.plan),
                    quote(&l.clause),
                    quote(l.relation.as_str()),
                    quote(&format!("proposed by peacediff import: {}", l.basis)),
                );
            }
            s.push_str("]\n");
        }
    }
    (s, todos.get())
}
