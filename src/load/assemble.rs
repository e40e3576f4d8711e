//! Turning a set of named texts into a corpus: each file parsed (drafts in parallel unless
//! they are very large), resolved against the corpus and parties files, derived drafts built
//! on their bases, then the checks across files.
//!
//! Separate from [`super`]'s public entry points because this is the long sequence every
//! load goes through, whatever its texts came from.

use super::checks::{
    check_plan_ids, drop_placeholder_echoes, in_report_order, resolve_refs,
    warn_untouched_red_lines,
};
use super::links::RawLinkSet;
use super::parse::{self, FileKind};
use super::resolve::{self, DraftPart, Registry};
use super::{LoadError, Loaded, fields, links, roles};
use crate::diagnostic::{Diagnostic, Severity, SourceText};
use crate::model::{Corpus, CorpusInfo};
use std::collections::HashMap;
use std::path::Path;

/// Draft text, in bytes, past which the drafts are parsed one at a time to bound the
/// parser's transient memory (see `load_all`).
const SEQUENTIAL_BYTES: usize = 32 << 20;

/// Loads named texts, after `problems` found reading them. `folder` names the folder they
/// came from, when known, for messages about files it lacks.
pub(super) fn load_all(
    files: Vec<SourceText>,
    problems: Vec<Diagnostic>,
    folder: Option<&str>,
) -> Result<Loaded, LoadError> {
    let mut diags = problems;
    let mut reg = Registry::default();
    let corpus_file = files
        .iter()
        .find(|f| FileKind::of(&f.name) == FileKind::Corpus);
    let parties_file = files
        .iter()
        .find(|f| FileKind::of(&f.name) == FileKind::Parties);
    let folder = folder.map(str::to_string).unwrap_or_else(|| {
        files
            .first()
            .map(|f| parent_of(&f.name))
            .unwrap_or_else(|| ".".into())
    });

    let (info, topics, actors) = match corpus_file {
        Some(src) => match parse::corpus(src, &mut diags) {
            Some((doc, poisoned)) => {
                let from = diags.len();
                let got = resolve::corpus_info(src, &doc, &mut diags, &mut reg);
                drop_placeholder_echoes(&mut diags, from, src, &poisoned);
                got
            }
            None => (empty_info(), Vec::new(), Vec::new()),
        },
        None => {
            diags.push(Diagnostic::whole_file(format!("{folder}/corpus.toml"), "missing corpus.toml").with_hint("every plans folder needs corpus.toml with `[corpus]` and the `[[topic]]` list; copy the bundled one with `peacediff init DIR`"));
            (empty_info(), Vec::new(), Vec::new())
        }
    };
    let mut red_line_spans = HashMap::new();
    let (parties, party_sources) = match parties_file {
        Some(src) => match parse::parties(src, &mut diags) {
            Some((doc, poisoned)) => {
                let from = diags.len();
                let got = resolve::parties(src, &doc, &mut diags, &mut reg, &mut red_line_spans);
                drop_placeholder_echoes(&mut diags, from, src, &poisoned);
                got
            }
            None => (Vec::new(), Vec::new()),
        },
        None => {
            diags.push(Diagnostic::whole_file(format!("{folder}/parties.toml"), "missing parties.toml").with_hint("every plans folder needs parties.toml; copy the bundled one with `peacediff init DIR`"));
            (Vec::new(), Vec::new())
        }
    };

    // An actor named like a party would make every role naming it ambiguous; reported where
    // the actor is declared.
    if let Some(src) = corpus_file {
        roles::clashes_with_parties(
            &mut fields::Sink {
                src,
                out: &mut diags,
            },
            &reg,
        );
    }

    let drafts: Vec<&SourceText> = files
        .iter()
        .filter(|f| FileKind::of(&f.name) == FileKind::Draft)
        .collect();
    // Parsing the TOML and checking each draft's own clauses is most of the work for large
    // drafts; the files are independent, so they are read on as many threads as there are
    // cores (in order), and cross-referenced after. Except when the files are huge: the TOML
    // parser holds about seven bytes of tokens and events per byte of text while it works, so
    // two 40 MB drafts parsed at once would need over half a gigabyte for that alone; past
    // `SEQUENTIAL_BYTES` of text they are parsed one after the other.
    let text_bytes: usize = drafts.iter().map(|d| d.text.len()).sum();
    let min_len = if text_bytes > SEQUENTIAL_BYTES {
        usize::MAX
    } else {
        2
    };
    let docs = crate::par::map(&drafts, min_len, |src| {
        let mut d = Vec::new();
        let (doc, declared, poisoned) = parse::draft(src, &mut d);
        let from = d.len();
        // The raw clauses are not needed after this (only the header and a derived draft's
        // changes are): they go now, before the next draft is parsed.
        let part = doc.and_then(|doc| {
            resolve::draft(src, &doc, &mut d, &reg).map(|part| {
                let kept = parse::DraftDoc {
                    clauses: Vec::new(),
                    ..doc
                };
                (kept, part)
            })
        });
        drop_placeholder_echoes(&mut d, from, src, &poisoned);
        let poisoned: Vec<(usize, usize)> = poisoned.iter().map(|p| src.locate(p.start)).collect();
        (part, declared, poisoned, d)
    });
    let mut parsed = Vec::new();
    let mut unsure = links::Unsure::default();
    let mut poisoned_at: Vec<(String, usize, usize)> = Vec::new();
    for (src, (part, declared, poisoned, mut d)) in drafts.iter().zip(docs) {
        diags.append(&mut d);
        let name = crate::sanitize::clean_line(&src.name);
        poisoned_at.extend(poisoned.into_iter().map(|(l, c)| (name.clone(), l, c)));
        unsure.note(&declared, part.is_some());
        if let Some((doc, part)) = part {
            parsed.push((*src, doc, part));
        }
    }
    // Problems found from here on concern references between files: they follow every
    // file's own problems in the report, since fixing those may well fix these.
    let cross_from = diags.len();
    check_plan_ids(&parsed, &mut diags);

    // Plain drafts first, so each derived draft finds its base complete.
    let plain: HashMap<String, usize> = parsed
        .iter()
        .enumerate()
        .filter(|(_, (_, _, p))| p.base.is_none())
        .map(|(i, (_, _, p))| (p.plan.id.clone(), i))
        .collect();
    for i in 0..parsed.len() {
        let Some(base_ref) = parsed[i].2.base.clone() else {
            continue;
        };
        let src = parsed[i].0;
        let Some(&b) = plain.get(base_ref.get_ref()) else {
            let is_derived = parsed
                .iter()
                .any(|(_, _, p)| &p.plan.id == base_ref.get_ref());
            // A base whose file could not be checked: this draft cannot be built either, and
            // whatever refers to its clauses is unsure with it.
            unsure.plans.insert(parsed[i].2.plan.id.clone());
            if !is_derived && unsure.plans.contains(base_ref.get_ref()) {
                continue;
            }
            let d = if is_derived {
                src.error(
                    base_ref.span(),
                    format!("base `{}` is itself a derived draft", base_ref.get_ref()),
                )
                .with_hint("derive from a draft whose clauses are written out")
            } else {
                let ids = plain.keys().map(String::as_str);
                let hint =
                    crate::diagnostic::suggest(base_ref.get_ref(), ids).unwrap_or_else(|| {
                        unsure.unknown_plan_hint("name the id of a draft in this folder")
                    });
                src.error(
                    base_ref.span(),
                    format!("unknown base plan `{}`", base_ref.get_ref()),
                )
                .with_hint(hint)
            };
            diags.push(d);
            continue;
        };
        let base_unsure = unsure.plans.contains(&parsed[b].2.plan.id);
        if base_unsure {
            unsure.plans.insert(parsed[i].2.plan.id.clone());
        }
        let base = parsed[b].2.plan.clone();
        let changes = std::mem::take(&mut parsed[i].1.changes);
        resolve::derived(
            src,
            &mut parsed[i].2,
            &changes,
            (&base, base_unsure),
            &mut diags,
            &reg,
        );
    }

    let mut plans = Vec::new();
    let mut link_sinks: Vec<(&SourceText, Vec<RawLinkSet>)> = Vec::new();
    for (src, _, part) in parsed {
        let DraftPart {
            mut plan,
            pending_links,
            pending_refs,
            ..
        } = part;
        resolve_refs(src, &mut plan, pending_refs, &mut diags);
        let idx = plans.len();
        plans.push(plan);
        let sets = pending_links
            .into_iter()
            .map(|(clause, links)| RawLinkSet {
                plan: idx,
                clause,
                links,
            })
            .collect();
        link_sinks.push((src, sets));
    }
    links::check(&mut link_sinks, &mut plans, &mut diags, &unsure);

    if diags.iter().any(|d| d.severity == Severity::Error) {
        return Err(LoadError::Invalid {
            diagnostics: in_report_order(diags, cross_from, &poisoned_at),
        });
    }
    warn_untouched_red_lines(parties_file, &parties, &reg, &red_line_spans, &mut diags);
    Ok(Loaded {
        corpus: Corpus::new(info, topics, actors, parties, party_sources, plans),
        warnings: diags,
    })
}

fn empty_info() -> CorpusInfo {
    CorpusInfo {
        title: String::new(),
        coverage: String::new(),
        as_of: None,
    }
}

fn parent_of(name: &str) -> String {
    Path::new(name)
        .parent()
        .map(crate::sanitize::path)
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| ".".into())
}
