//! Builds a derived draft's full clause list from its base and its `[[change]]` records.
//!
//! The rule that matters: a base clause nobody reported on becomes `unknown`, never silently
//! `kept`; and an inherited clause is never more certain than the evidence for it.

use super::fields::Sink;
use super::raw::{RawChange, Str};
use super::resolve::{CERTAINTIES, CLAUSE_STATUSES, Registry, assessments, cite, topics};
use crate::diagnostic::suggest;
use crate::model::*;
use std::collections::{HashMap, HashSet};

const ACTIONS: &[(&str, ChangeAction)] = &[
    ("kept", ChangeAction::Kept),
    ("revised", ChangeAction::Revised),
    ("bracketed", ChangeAction::Bracketed),
    ("dropped", ChangeAction::Dropped),
    ("separate-track", ChangeAction::SeparateTrack),
    ("unknown", ChangeAction::Unknown),
];

pub struct DerivedInput<'a> {
    pub changes: &'a [RawChange],
    pub declared: &'a HashSet<String>,
    pub base: &'a Plan,
    /// The base's file had problems of its own, so its clause list may lack clauses it has.
    pub base_unsure: bool,
}

/// Returns the full clause list, the removed base clauses, and the base sources it cites.
pub fn materialise(
    s: &mut Sink<'_>,
    input: DerivedInput<'_>,
    new_clauses: Vec<Clause>,
    anchors: &[(String, Str)],
    reg: &Registry,
) -> (Vec<Clause>, Vec<Removal>, Vec<Source>) {
    let base = input.base;
    let mut by_clause: HashMap<&str, &RawChange> = HashMap::new();
    for ch in input.changes {
        let cid = ch.clause.get_ref().as_str();
        if base.clause(cid).is_none() {
            if input.base_unsure {
                continue;
            }
            let hint = suggest(cid, base.clauses.iter().map(|c| c.id.as_str()))
                .unwrap_or_else(|| format!("name a clause id of the base draft `{}`", base.id));
            s.error_hint(
                ch.clause.span(),
                format!("change to unknown base clause `{}:{cid}`", base.id),
                hint,
            );
            continue;
        }
        if by_clause.insert(cid, ch).is_some() {
            s.error_hint(
                ch.clause.span(),
                format!("two changes for base clause `{cid}`"),
                "merge them into one `[[change]]`",
            );
        }
    }

    let mut clauses = Vec::new();
    let mut removals = Vec::new();
    let mut cited_base: Vec<String> = Vec::new();
    for b in &base.clauses {
        let change = by_clause.get(b.id.as_str()).copied();
        let action = match change {
            Some(ch) => s
                .choice(&ch.action, "action", ACTIONS)
                .unwrap_or(ChangeAction::Unknown),
            None => ChangeAction::Unknown,
        };
        if let Some(ch) = change {
            check_change(s, ch, action);
        }
        let own_sources = change
            .and_then(|ch| ch.sources.as_ref())
            .map(|list| cite(s, list.get_ref(), input.declared))
            .unwrap_or_default();
        let change_certainty = change
            .and_then(|ch| ch.certainty.as_ref())
            .and_then(|c| s.choice(c, "certainty", CERTAINTIES));
        let note = change
            .and_then(|ch| ch.note.as_ref())
            .map(|n| s.text(n, "note"));
        if action.removes() {
            removals.push(Removal {
                base_clause: b.id.clone(),
                action,
                certainty: change_certainty.unwrap_or(Certainty::Inferred),
                sources: own_sources,
                note,
            });
            continue;
        }
        let mut c = b.clone();
        c.links = Vec::new();
        c.inherited = Some(Inheritance {
            base_plan: base.id.clone(),
            base_clause: b.id.clone(),
            action,
            reported: change.is_some_and(|_| action != ChangeAction::Unknown),
        });
        let base_sources: Vec<String> = b
            .sources
            .iter()
            .map(|k| format!("{}/{k}", base.id))
            .collect();
        cited_base.extend(b.sources.iter().cloned());
        c.sources = own_sources.into_iter().chain(base_sources).collect();
        c.note = note;
        c.certainty_note = change
            .and_then(|ch| ch.certainty_note.as_ref())
            .map(|n| s.text(n, "certainty_note"));
        // How far the record is trusted belongs to this draft's report, like its note.
        c.confidence = change
            .and_then(|ch| ch.confidence.as_ref())
            .and_then(|x| s.choice(x, "confidence", super::resolve::CONFIDENCES));
        c.status = change
            .and_then(|ch| ch.status.as_ref())
            .and_then(|x| s.choice(x, "status", CLAUSE_STATUSES));
        if let Some(ch) = change {
            if let Some(t) = &ch.title {
                c.title = s.line(t, "title");
            }
            if let Some(t) = &ch.text {
                c.text = s.text(t, "text");
            }
            if let Some(list) = &ch.topics {
                c.topics = topics(s, list, reg);
            }
        }
        let given_assess = change
            .and_then(|ch| ch.assess.as_ref())
            .map(|a| assessments(s, a, reg));
        match action {
            ChangeAction::Kept => {
                c.certainty = b
                    .certainty
                    .weakest(change_certainty.unwrap_or(Certainty::Inferred));
                if let Some(a) = given_assess {
                    c.assessments = a;
                }
            }
            ChangeAction::Revised => {
                c.certainty = change_certainty.unwrap_or(Certainty::Inferred);
                c.assessments = given_assess.unwrap_or_default();
            }
            ChangeAction::Bracketed => {
                c.certainty = b
                    .certainty
                    .weakest(change_certainty.unwrap_or(Certainty::Inferred));
                // Sources that disagree on whether a point was bracketed or removed make it
                // disputed; it stays bracketed through its inheritance either way.
                if c.status != Some(ClauseStatus::Disputed) {
                    c.status = Some(ClauseStatus::Bracketed);
                }
                c.assessments = given_assess.unwrap_or_default();
            }
            _ => {
                c.certainty = Certainty::Inferred;
                c.status = Some(ClauseStatus::Unknown);
                c.assessments = Vec::new();
                if c.certainty_note.is_none() {
                    c.certainty_note = Some(format!(
                        "Not reported: the text shown is the {} wording, not confirmed for this draft.",
                        base.short
                    ));
                }
            }
        }
        // Who bracketed it belongs to this draft's report, never to the base's.
        let bracketed =
            action == ChangeAction::Bracketed || c.status == Some(ClauseStatus::Bracketed);
        c.bracketed_by = super::resolve::bracketed_by(
            s,
            change.and_then(|ch| ch.bracketed_by.as_ref()),
            bracketed.then_some(ClauseStatus::Bracketed),
            reg,
        );
        clauses.push(c);
    }

    // A sub-point whose header was removed now stands on its own.
    let present: HashSet<String> = clauses.iter().map(|c| c.id.clone()).collect();
    for c in &mut clauses {
        if c.parent.as_ref().is_some_and(|p| !present.contains(p)) {
            c.parent = None;
        }
    }
    place_new_clauses(s, &mut clauses, new_clauses, anchors, base, &removals);

    cited_base.sort();
    cited_base.dedup();
    let extra = cited_base
        .iter()
        .filter_map(|k| base.source(k))
        .map(|src| Source {
            key: format!("{}/{}", base.id, src.key),
            ..src.clone()
        })
        .collect();
    (clauses, removals, extra)
}

fn check_change(s: &mut Sink<'_>, ch: &RawChange, action: ChangeAction) {
    let span = ch.action.span();
    match action {
        ChangeAction::Revised if ch.text.is_none() => {
            s.error_hint(
                span.clone(),
                "a `revised` change needs the new `text`",
                "add `text = \"…\"` with the revised wording in your own words",
            );
        }
        ChangeAction::Kept | ChangeAction::Unknown if ch.text.is_some() || ch.title.is_some() => {
            s.error_hint(
                span.clone(),
                format!("a `{}` change takes no `text` or `title`", action.as_str()),
                "use `revised` if the wording changed",
            );
        }
        a if a.removes() && (ch.text.is_some() || ch.assess.is_some() || ch.topics.is_some()) => {
            s.error_hint(
                span.clone(),
                format!(
                    "a `{}` change takes no `text`, `topics` or `assess`",
                    a.as_str()
                ),
                "the clause is not part of this draft; say why in `note`",
            );
        }
        _ => {}
    }
    if action != ChangeAction::Unknown {
        if ch.certainty.is_none() {
            s.error_hint(
                span.clone(),
                format!("a `{}` change needs a `certainty`", action.as_str()),
                "how is this change known: `published-text`, `reported` or `inferred`?",
            );
        }
        if ch.sources.as_ref().is_none_or(|l| l.get_ref().is_empty()) {
            s.error_hint(
                span.clone(),
                format!("a `{}` change needs `sources`", action.as_str()),
                "cite who reported the change",
            );
        }
    }
    if let Some(c) = &ch.certainty
        && c.get_ref() == "inferred"
        && ch.certainty_note.is_none()
    {
        s.error_hint(
            c.span(),
            "certainty `inferred` needs a `certainty_note`",
            "add `certainty_note` saying what the deduction rests on",
        );
    }
}

fn place_new_clauses(
    s: &mut Sink<'_>,
    clauses: &mut Vec<Clause>,
    new_clauses: Vec<Clause>,
    anchors: &[(String, Str)],
    base: &Plan,
    removals: &[Removal],
) {
    for c in new_clauses {
        if clauses.iter().any(|x| x.id == c.id) || removals.iter().any(|r| r.base_clause == c.id) {
            let span = anchors
                .iter()
                .find(|(id, _)| *id == c.id)
                .map(|(_, a)| a.span())
                .unwrap_or(0..0);
            s.error_hint(
                span.clone(),
                format!(
                    "new clause `{}` reuses an id of the base draft `{}`",
                    c.id, base.id
                ),
                "give new clauses ids of their own (for example `N1`)",
            );
            continue;
        }
        let anchor = anchors.iter().find(|(id, _)| *id == c.id).map(|(_, a)| a);
        let at = match anchor {
            None => clauses.len(),
            Some(a) => match clauses.iter().position(|x| &x.id == a.get_ref()) {
                Some(i) => {
                    // After the anchor and its sub-points.
                    let mut j = i + 1;
                    while j < clauses.len()
                        && clauses[j].parent.as_deref() == Some(a.get_ref().as_str())
                    {
                        j += 1;
                    }
                    j
                }
                None => {
                    let hint = suggest(a.get_ref(), clauses.iter().map(|x| x.id.as_str()))
                        .unwrap_or_else(|| "name a clause present in this draft".into());
                    s.error_hint(
                        a.span(),
                        format!("`after` names unknown clause `{}`", a.get_ref()),
                        hint,
                    );
                    clauses.len()
                }
            },
        };
        clauses.insert(at, c);
    }
}
