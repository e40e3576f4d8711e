//! Resolving one draft: its header, its own clauses (each field checked against what the
//! corpus declares), and, for a derived draft, its changes applied over the resolved base.
//!
//! Separate from the corpus and parties files' resolution in [`super`] because a draft is
//! resolved on its own thread, against a [`Registry`] that is already complete.

use super::clause_fields::{assessments, bracketed_by, topics};
use super::vocab::{CERTAINTIES, CLAUSE_STATUSES, CONFIDENCES, STATUSES};
use super::{Registry, cite, sources};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::load::derive::{self, DerivedInput};
use crate::load::fields::Sink;
use crate::load::parse::DraftDoc;
use crate::load::raw::*;
use crate::load::roles;
use crate::model::*;
use std::collections::HashSet;

/// A draft's header and its own clauses, before derived drafts and links are resolved.
pub struct DraftPart {
    pub plan: Plan,
    pub declared: HashSet<String>,
    /// Each clause's links, still spanned, checked once every draft is known.
    pub pending_links: Vec<(String, Vec<RawLink>)>,
    /// Each clause's cross-references, checked once the draft's clause list is final.
    pub pending_refs: Vec<(String, Vec<toml::Spanned<RawRef>>)>,
    pub base: Option<Str>,
    /// New clauses' `after` anchors, by clause index.
    pub anchors: Vec<(String, Str)>,
}

pub fn draft(
    src: &SourceText,
    doc: &DraftDoc,
    out: &mut Vec<Diagnostic>,
    reg: &Registry,
) -> Option<DraftPart> {
    let mut s = Sink { src, out };
    let Some(h) = &doc.header else { return None };
    let sources = sources(&mut s, &doc.sources);
    let declared: HashSet<String> = sources.iter().map(|x| x.key.clone()).collect();
    let id = s.id(&h.id, "plan");
    let short = s.line(&h.short, "short");
    if short.chars().count() > 10 {
        s.error_hint(
            h.short.span(),
            format!("short label `{short}` is longer than 10 characters"),
            "shorten it: it labels columns and tabs",
        );
    }
    let proposers = roles::participants(&mut s, &h.proposers, "proposers", reg);
    let plan_roles = roles::roles(&mut s, h, reg);
    let documents = roles::documents(&mut s, &doc.documents);
    if h.sources.is_empty() {
        s.error_hint(
            h.id.span(),
            format!("plan `{id}` cites no main source"),
            "add `sources = [\"KEY\"]` in [plan]",
        );
    }
    if !doc.changes.is_empty() && h.base.is_none() {
        s.error_hint(
            doc.changes[0].clause.span(),
            "`[[change]]` in a draft with no `base`",
            "add `base = \"PLAN\"` to [plan], or write the clauses out as `[[clause]]`",
        );
    }
    let mut plan = Plan {
        title: s.line(&h.title, "title"),
        short,
        date: s.date(&h.date, "date").unwrap_or(PartialDate {
            year: 1900,
            month: None,
            day: None,
        }),
        proposers,
        roles: plan_roles,
        status: s
            .choice(&h.status, "status", STATUSES)
            .unwrap_or(PlanStatus::Reported),
        summary: s.text(&h.summary, "summary"),
        main_sources: cite(&mut s, &h.sources, &declared),
        note: s.opt_text(&h.note, "note"),
        base: h.base.as_ref().map(|b| b.get_ref().clone()),
        clauses: Vec::new(),
        removals: Vec::new(),
        sources,
        documents,
        file: src.name.clone(),
        id,
    };
    let mut part = DraftPart {
        plan: Plan {
            clauses: Vec::new(),
            ..plan.clone()
        },
        declared,
        pending_links: Vec::new(),
        pending_refs: Vec::new(),
        base: h.base.clone(),
        anchors: Vec::new(),
    };
    let mut seen: HashSet<String> = HashSet::new();
    for c in &doc.clauses {
        let cid = s.id(&c.id, "clause");
        if !seen.insert(cid.clone()) {
            s.error_hint(
                c.id.span(),
                format!("duplicate clause id `{cid}`"),
                "give each clause its own id; sub-points such as `21d` are clauses of their own",
            );
            continue;
        }
        if let Some(p) = &c.parent {
            if p.get_ref() == &cid {
                s.error(p.span(), format!("clause `{cid}` names itself as parent"));
            } else if !plan.clauses.iter().any(|x| &x.id == p.get_ref()) {
                s.error_hint(
                    p.span(),
                    format!("unknown parent clause `{}`", p.get_ref()),
                    "a parent must be an earlier clause of the same draft",
                );
            }
        }
        if let Some(a) = &c.after {
            if h.base.is_none() {
                s.error_hint(
                    a.span(),
                    "`after` in a draft with no `base`",
                    "clauses of a plain draft stand in file order; remove `after`",
                );
            } else {
                part.anchors.push((cid.clone(), a.clone()));
            }
        }
        let clause = clause(&mut s, c, cid.clone(), &part.declared, reg);
        if !c.refs.is_empty() {
            part.pending_refs.push((cid.clone(), c.refs.clone()));
        }
        if !c.links.is_empty() {
            part.pending_links
                .push((cid.clone(), c.links.iter().map(clone_link).collect()));
        }
        plan.clauses.push(clause);
    }
    part.plan.clauses = plan.clauses;
    Some(part)
}

fn clone_link(l: &RawLink) -> RawLink {
    RawLink {
        plan: l.plan.clone(),
        clause: l.clause.clone(),
        relation: l.relation.clone(),
        basis: l.basis.clone(),
        note: l.note.clone(),
    }
}

fn clause(
    s: &mut Sink<'_>,
    c: &RawClause,
    id: String,
    declared: &HashSet<String>,
    reg: &Registry,
) -> Clause {
    let certainty = s
        .choice(&c.certainty, "certainty", CERTAINTIES)
        .unwrap_or(Certainty::Inferred);
    // A misspelt certainty is reported as such; its stand-in needs no note.
    let stated = c.certainty.get_ref() == "inferred";
    if stated && certainty == Certainty::Inferred && c.certainty_note.is_none() {
        s.error_hint(
            c.certainty.span(),
            "certainty `inferred` needs a `certainty_note`",
            "add `certainty_note` saying what the deduction rests on",
        );
    }
    s.non_empty(
        &c.sources,
        "sources",
        "cite at least one source: a clause without sources cannot be trusted",
    );
    let status = c
        .status
        .as_ref()
        .and_then(|x| s.choice(x, "status", CLAUSE_STATUSES));
    let bracketed_by = bracketed_by(s, c.bracketed_by.as_ref(), status, reg);
    Clause {
        label: c
            .label
            .as_ref()
            .map(|l| s.line(l, "label"))
            .unwrap_or_else(|| id.clone()),
        parent: c.parent.as_ref().map(|p| p.get_ref().clone()),
        title: s.line(&c.title, "title"),
        text: s.text(&c.text, "text"),
        topics: topics(s, &c.topics, reg),
        certainty,
        certainty_note: s.opt_text(&c.certainty_note, "certainty_note"),
        confidence: c
            .confidence
            .as_ref()
            .and_then(|x| s.choice(x, "confidence", CONFIDENCES)),
        sources: cite(s, c.sources.get_ref(), declared),
        status,
        bracketed_by,
        note: s.opt_text(&c.note, "note"),
        links: Vec::new(),
        refs: Vec::new(),
        assessments: assessments(s, &c.assess, reg),
        inherited: None,
        order_uncertain: c.order_uncertain,
        id,
    }
}

/// Materialises a derived draft over its (already resolved) base.
pub fn derived(
    src: &SourceText,
    part: &mut DraftPart,
    changes: &[RawChange],
    (base, base_unsure): (&Plan, bool),
    out: &mut Vec<Diagnostic>,
    reg: &Registry,
) {
    let mut s = Sink { src, out };
    let input = DerivedInput {
        changes,
        declared: &part.declared,
        base,
        base_unsure,
    };
    let (clauses, removals, extra_sources) = derive::materialise(
        &mut s,
        input,
        std::mem::take(&mut part.plan.clauses),
        &part.anchors,
        reg,
    );
    part.plan.clauses = clauses;
    part.plan.removals = removals;
    part.plan.sources.extend(extra_sources);
}
