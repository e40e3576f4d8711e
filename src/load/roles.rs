//! The parts of the format that name who else takes part and what else a text points at:
//! actors and a draft's roles, the period a position is documented for, outside documents, and
//! clauses' cross-references. Each check records its diagnostics and returns what it salvaged.

use super::fields::Sink;
use super::raw::*;
use super::resolve::Registry;
use crate::diagnostic::suggest;
use crate::model::*;
use std::collections::HashSet;
use toml::Spanned;

const ACTOR_KINDS: &[(&str, ActorKind)] = &[
    ("state", ActorKind::State),
    ("organisation", ActorKind::Organisation),
    ("armed-group", ActorKind::ArmedGroup),
    ("person", ActorKind::Person),
];

const REF_RELATIONS: &[(&str, RefRelation)] = &[
    ("refers-to", RefRelation::RefersTo),
    ("depends-on", RefRelation::DependsOn),
    ("implements", RefRelation::Implements),
    ("amends", RefRelation::Amends),
];

/// What `bracketed_by` may say instead of naming owners: every delegation left it open.
pub const BRACKETED_BY_ALL: &str = "all";

/// The `[[actor]]` list of `corpus.toml`. Ids share one namespace with parties (checked once
/// parties are known, in [`clashes_with_parties`]).
pub fn actors(s: &mut Sink<'_>, raw: &[RawActor], reg: &mut Registry) -> Vec<Actor> {
    let mut out = Vec::new();
    for a in raw {
        let id = s.id(&a.id, "actor");
        if id == BRACKETED_BY_ALL {
            s.error_hint(
                a.id.span(),
                format!("`{BRACKETED_BY_ALL}` cannot be an actor id"),
                "it means every delegation in `bracketed_by`; choose another id",
            );
            continue;
        }
        if !reg.actors.insert(id.clone()) {
            s.error_hint(
                a.id.span(),
                format!("duplicate actor id `{id}`"),
                "give each actor its own id",
            );
            continue;
        }
        reg.actor_spans.push((id.clone(), a.id.span()));
        out.push(Actor {
            name: s.line(&a.name, "name"),
            short: s.opt_line(&a.short, "short"),
            kind: s
                .choice(&a.kind, "kind", ACTOR_KINDS)
                .unwrap_or(ActorKind::Organisation),
            aliases: a.aliases.iter().map(|x| s.line(x, "aliases")).collect(),
            note: s.opt_text(&a.note, "note"),
            id,
        });
    }
    out
}

/// An actor declared with a party's id would make every role naming it ambiguous.
pub fn clashes_with_parties(s: &mut Sink<'_>, reg: &Registry) {
    for (id, span) in &reg.actor_spans {
        if reg.parties.contains(id) {
            s.error_hint(
                span.clone(),
                format!("actor `{id}` has the id of a party"),
                "a party can already be named as signatory, mediator, guarantor or observer; \
                 remove the actor or give it another id",
            );
        }
    }
}

/// A list of party or actor ids under `field` (`proposers`, `signatories`, …): each known and
/// named once.
pub fn participants(s: &mut Sink<'_>, list: &[Str], field: &str, reg: &Registry) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in list {
        let id = p.get_ref();
        if !reg.parties.contains(id) && !reg.actors.contains(id) {
            let known = reg.parties.iter().chain(reg.actors.iter());
            let hint = suggest(id, known.map(String::as_str)).unwrap_or_else(|| {
                "use a party id from parties.toml, or declare the actor as `[[actor]]` in \
                 corpus.toml"
                    .into()
            });
            s.error_hint(
                p.span(),
                format!("unknown party or actor `{id}` in `{field}`"),
                hint,
            );
        } else if out.contains(id) {
            s.error(p.span(), format!("`{id}` listed twice in `{field}`"));
        } else {
            out.push(id.clone());
        }
    }
    out
}

pub fn roles(s: &mut Sink<'_>, h: &RawPlanHeader, reg: &Registry) -> Roles {
    Roles {
        signatories: participants(s, &h.signatories, "signatories", reg),
        mediators: participants(s, &h.mediators, "mediators", reg),
        guarantors: participants(s, &h.guarantors, "guarantors", reg),
        observers: participants(s, &h.observers, "observers", reg),
    }
}

/// `held_from` / `held_to`, each end falling back to `default` (the party's), checked to run
/// forwards.
pub fn period(
    s: &mut Sink<'_>,
    from: Option<&Spanned<toml::Value>>,
    to: Option<&Spanned<toml::Value>>,
    default: Period,
) -> Period {
    let p = Period {
        from: from.map_or(default.from, |d| s.date(d, "held_from")),
        to: to.map_or(default.to, |d| s.date(d, "held_to")),
    };
    if let (Some(f), Some(t)) = (p.from, p.to)
        && f > t
    {
        let span = to.or(from).map_or(0..0, Spanned::span);
        s.error_hint(
            span,
            format!("`held_to` {t} is before `held_from` {f}"),
            "swap the dates, or correct the one that is wrong",
        );
    }
    p
}

/// A draft's `[documents.KEY]` tables.
pub fn documents(s: &mut Sink<'_>, raw: &[(Str, RawDocument)]) -> Vec<Document> {
    raw.iter()
        .map(|(key, d)| Document {
            key: s.id(key, "document"),
            title: s.line(&d.title, "title"),
            date: d.date.as_ref().and_then(|x| s.date(x, "date")),
            url: s.opt_url(&d.url),
            note: s.opt_text(&d.note, "note"),
        })
        .collect()
}

/// One clause's `refs`, checked against the final clause list of its draft (which may be
/// derived) and the draft's documents.
pub fn references(
    s: &mut Sink<'_>,
    clause: &str,
    raw: &[Spanned<RawRef>],
    plan: &Plan,
) -> Vec<Reference> {
    let ids: HashSet<&str> = plan.clauses.iter().map(|c| c.id.as_str()).collect();
    let mut out = Vec::new();
    for spanned in raw {
        let r = spanned.get_ref();
        let relation = r
            .relation
            .as_ref()
            .map_or(Some(RefRelation::RefersTo), |x| {
                s.choice(x, "relation", REF_RELATIONS)
            });
        let target = match (&r.clause, &r.document) {
            (Some(c), None) => {
                let id = c.get_ref();
                if id == clause {
                    s.error(c.span(), format!("clause `{clause}` refers to itself"));
                    None
                } else if !ids.contains(id.as_str()) {
                    let hint = suggest(id, ids.iter().copied()).unwrap_or_else(|| {
                        "name a clause of this draft; a clause of another draft is a `links` \
                         entry"
                            .into()
                    });
                    s.error_hint(
                        c.span(),
                        format!("reference to unknown clause `{id}`"),
                        hint,
                    );
                    None
                } else {
                    Some(RefTarget::Clause(id.clone()))
                }
            }
            (None, Some(d)) => {
                let key = d.get_ref();
                if plan.document(key).is_none() {
                    let known = plan.documents.iter().map(|x| x.key.as_str());
                    let hint = suggest(key, known)
                        .unwrap_or_else(|| format!("declare `[documents.{key}]` in this file"));
                    s.error_hint(d.span(), format!("unknown document `{key}`"), hint);
                    None
                } else {
                    Some(RefTarget::Document(key.clone()))
                }
            }
            (Some(c), Some(_)) => {
                s.error_hint(
                    c.span(),
                    "a reference names both a `clause` and a `document`",
                    "write one reference for each",
                );
                None
            }
            (None, None) => {
                s.error_hint(
                    spanned.span(),
                    "a reference names neither a `clause` nor a `document`",
                    "add `clause = \"ID\"` (this draft) or `document = \"KEY\"` (declared under \
                     [documents])",
                );
                None
            }
        };
        let part = s.opt_line(&r.part, "part");
        let note = s.opt_text(&r.note, "note");
        if let (Some(target), Some(relation)) = (target, relation) {
            out.push(Reference {
                target,
                relation,
                part,
                note,
            });
        }
    }
    out
}
