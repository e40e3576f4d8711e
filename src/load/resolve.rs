//! Raw documents → the model: every reference checked, every field cleaned.
//!
//! Runs in dependency order: topics, then parties and red lines, then plain drafts, then
//! derived drafts (which need their base); links (which need every draft's clause ids) are
//! checked last, in `links`.

mod clause_fields;
mod draft;
mod vocab;

pub use clause_fields::{assessments, bracketed_by, topics};
pub use draft::{DraftPart, derived, draft};
pub use vocab::{CERTAINTIES, CLAUSE_STATUSES, CONFIDENCES};

use super::fields::Sink;
use super::parse::{CorpusDoc, PartiesDoc};
use super::raw::*;
use super::roles;
use crate::diagnostic::{Diagnostic, SourceText, suggest};
use crate::model::*;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use vocab::{FIRMNESS, TRENDS};

/// What drafts may refer to: the topics, parties and red lines loaded so far.
#[derive(Default)]
pub struct Registry {
    pub topics: HashSet<String>,
    pub parties: HashSet<String>,
    /// Declared actors (`[[actor]]`), and where each id is written.
    pub actors: HashSet<String>,
    pub actor_spans: Vec<(String, Range<usize>)>,
    /// The period each red line is documented for.
    pub held: HashMap<String, Period>,
    /// Red-line id → owning party.
    pub red_lines: HashMap<String, String>,
    /// Red-line ids named by at least one assessment. Behind a lock because drafts are
    /// resolved on several threads; assessments are few, so it is rarely taken.
    pub used_red_lines: std::sync::Mutex<HashSet<String>>,
}

pub fn corpus_info(
    src: &SourceText,
    doc: &CorpusDoc,
    out: &mut Vec<Diagnostic>,
    reg: &mut Registry,
) -> (CorpusInfo, Vec<Topic>, Vec<Actor>) {
    let mut s = Sink { src, out };
    let info = match &doc.info {
        Some(i) => CorpusInfo {
            title: s.line(&i.title, "title"),
            coverage: s.text(&i.coverage, "coverage"),
            as_of: i.as_of.as_ref().and_then(|d| s.date(d, "as_of")),
        },
        None => CorpusInfo {
            title: String::new(),
            coverage: String::new(),
            as_of: None,
        },
    };
    let mut topics = Vec::new();
    for t in &doc.topics {
        let id = s.id(&t.id, "topic");
        if !reg.topics.insert(id.clone()) {
            s.error_hint(
                t.id.span(),
                format!("duplicate topic id `{id}`"),
                "give each topic its own id",
            );
            continue;
        }
        topics.push(Topic {
            id,
            title: s.line(&t.title, "title"),
            description: s.text(&t.description, "description"),
            keywords: t.keywords.iter().map(|k| s.line(k, "keywords")).collect(),
        });
    }
    let actors = roles::actors(&mut s, &doc.actors, reg);
    (info, topics, actors)
}

pub fn sources(s: &mut Sink<'_>, raw: &[(Str, RawSource)]) -> Vec<Source> {
    raw.iter()
        .map(|(key, r)| {
            let url = s.opt_url(&r.url);
            Source {
                key: s.id(key, "source"),
                outlet: s.line(&r.outlet, "outlet"),
                title: s.line(&r.title, "title"),
                date: r.date.as_ref().and_then(|d| s.date(d, "date")),
                url,
                note: s.opt_text(&r.note, "note"),
            }
        })
        .collect()
}

/// Checks a list of source citations against a file's declared keys.
pub fn cite(s: &mut Sink<'_>, keys: &[Str], declared: &HashSet<String>) -> Vec<String> {
    keys.iter()
        .map(|k| {
            let key = k.get_ref().clone();
            if !declared.contains(&key) {
                let hint = suggest(&key, declared.iter().map(String::as_str))
                    .unwrap_or_else(|| format!("declare `[sources.{key}]` in this file"));
                s.error_hint(k.span(), format!("unknown source `{key}`"), hint);
            }
            key
        })
        .collect()
}

pub fn parties(
    src: &SourceText,
    doc: &PartiesDoc,
    out: &mut Vec<Diagnostic>,
    reg: &mut Registry,
    red_line_spans: &mut HashMap<String, Range<usize>>,
) -> (Vec<Party>, Vec<Source>) {
    let mut s = Sink { src, out };
    let sources = sources(&mut s, &doc.sources);
    let declared: HashSet<String> = sources.iter().map(|x| x.key.clone()).collect();
    let mut parties = Vec::new();
    for (p, lines) in &doc.parties {
        let id = s.id(&p.id, "party");
        if !reg.parties.insert(id.clone()) {
            s.error_hint(
                p.id.span(),
                format!("duplicate party id `{id}`"),
                "give each party its own id",
            );
            continue;
        }
        let party_held = roles::period(
            &mut s,
            p.held_from.as_ref(),
            p.held_to.as_ref(),
            Period::default(),
        );
        let mut red_lines = Vec::new();
        for l in lines {
            let rid = s.id(&l.id, "red line");
            if !rid.starts_with(&format!("{id}-")) {
                s.error_hint(
                    l.id.span(),
                    format!("red line `{rid}` does not start with its party id `{id}-`"),
                    format!("rename it `{id}-…` so that its party is plain wherever it is cited"),
                );
            }
            if reg.red_lines.insert(rid.clone(), id.clone()).is_some() {
                s.error_hint(
                    l.id.span(),
                    format!("duplicate red line id `{rid}`"),
                    "give each red line its own id",
                );
                continue;
            }
            red_line_spans.insert(rid.clone(), l.id.span());
            if let Some(t) = &l.trend {
                s.choice(t, "trend", TRENDS);
            }
            let cites = &l.sources;
            if cites.is_empty() {
                s.error_hint(
                    l.id.span(),
                    format!("red line `{rid}` cites no source"),
                    "add `sources = [\"KEY\"]` naming a declared source",
                );
            }
            let held = roles::period(&mut s, l.held_from.as_ref(), l.held_to.as_ref(), party_held);
            reg.held.insert(rid.clone(), held);
            red_lines.push(RedLine {
                held,
                party: id.clone(),
                title: s.line(&l.title, "title"),
                summary: s.text(&l.summary, "summary"),
                firmness: s
                    .choice(&l.firmness, "firmness", FIRMNESS)
                    .unwrap_or(Firmness::Preference),
                trend: l.trend.as_ref().map(|t| t.get_ref().clone()),
                sources: cite(&mut s, cites, &declared),
                untouched_note: s.opt_text(&l.untouched_note, "untouched_note"),
                id: rid,
            });
        }
        parties.push(Party {
            held: party_held,
            name: s.line(&p.name, "name"),
            short: s.line(&p.short, "short"),
            summary: s.opt_text(&p.summary, "summary"),
            red_lines,
            id,
        });
    }
    (parties, sources)
}
