//! The clause fields that name things declared elsewhere in the corpus — topics, the
//! parties that left a clause bracketed, red-line assessments — each checked against the
//! [`Registry`].
//!
//! Apart from [`super::draft`] because derived drafts' changes (`derive`) check the same
//! fields on the clauses they add or replace.

use super::Registry;
use super::vocab::{CONFIDENCES, EFFECTS};
use crate::diagnostic::suggest;
use crate::load::fields::Sink;
use crate::load::raw::*;
use crate::load::roles;
use crate::model::*;

pub fn topics(s: &mut Sink<'_>, list: &toml::Spanned<Vec<Str>>, reg: &Registry) -> Vec<String> {
    // No topic is allowed (an imported clause on a subject the corpus has no topic for), but
    // the clause then stays out of the Topics view and the gap analysis: a warning.
    if list.get_ref().is_empty() {
        s.out.push(
            s.src
                .warning(
                    list.span(),
                    "no topic: the clause is left out of topics and gaps",
                )
                .with_hint("name a topic from corpus.toml, or add one there"),
        );
    }
    let mut out: Vec<String> = Vec::new();
    for t in list.get_ref() {
        let id = t.get_ref().clone();
        if !reg.topics.contains(&id) {
            let hint = suggest(&id, reg.topics.iter().map(String::as_str)).unwrap_or_else(|| {
                "use a topic id from corpus.toml, or add the topic there".into()
            });
            s.error_hint(t.span(), format!("unknown topic `{id}`"), hint);
        } else if out.contains(&id) {
            s.error(t.span(), format!("topic `{id}` listed twice"));
        }
        out.push(id);
    }
    out
}

/// The parties a bracketed clause was left open by: known party ids, each once, and only on a
/// clause that is bracketed (`status`, or a `bracketed` change).
pub fn bracketed_by(
    s: &mut Sink<'_>,
    list: Option<&toml::Spanned<Vec<Str>>>,
    status: Option<ClauseStatus>,
    reg: &Registry,
) -> Vec<String> {
    let Some(list) = list else {
        return Vec::new();
    };
    if status != Some(ClauseStatus::Bracketed) {
        s.error_hint(
            list.span(),
            "`bracketed_by` on a clause that is not bracketed",
            "set `status = \"bracketed\"` (or the change's `action = \"bracketed\"`), or remove \
             `bracketed_by`",
        );
    }
    let all = list
        .get_ref()
        .iter()
        .any(|p| p.get_ref() == roles::BRACKETED_BY_ALL);
    if all && list.get_ref().len() > 1 {
        s.error_hint(
            list.span(),
            format!(
                "`{}` with other names in `bracketed_by`",
                roles::BRACKETED_BY_ALL
            ),
            format!(
                "write `[\"{}\"]` alone when every delegation left it open, or name each",
                roles::BRACKETED_BY_ALL
            ),
        );
        return vec![roles::BRACKETED_BY_ALL.to_string()];
    }
    if all {
        return vec![roles::BRACKETED_BY_ALL.to_string()];
    }
    roles::participants(s, list.get_ref(), "bracketed_by", reg)
}

pub fn assessments(s: &mut Sink<'_>, list: &[RawAssessment], reg: &Registry) -> Vec<Assessment> {
    list.iter().map(|a| assessment(s, a, reg)).collect()
}

fn assessment(s: &mut Sink<'_>, a: &RawAssessment, reg: &Registry) -> Assessment {
    let party = a.party.get_ref().clone();
    let party_known = reg.parties.contains(&party);
    if !party_known {
        let hint = suggest(&party, reg.parties.iter().map(String::as_str))
            .unwrap_or_else(|| "use a party id from parties.toml".into());
        s.error_hint(a.party.span(), format!("unknown party `{party}`"), hint);
    }
    // No red lines (key missing or empty) is a general position on the clause.
    let named: &[Str] = a.red_lines.as_ref().map_or(&[], |l| l.get_ref());
    for r in named {
        let rid = r.get_ref();
        match reg.red_lines.get(rid) {
            None => {
                let own = reg
                    .red_lines
                    .iter()
                    .filter(|(_, p)| **p == party)
                    .map(|(id, _)| id.as_str());
                let hint = suggest(rid, own).unwrap_or_else(|| {
                    format!("use a red-line id of party `{party}` from parties.toml")
                });
                s.error_hint(r.span(), format!("unknown red line `{rid}`"), hint);
            }
            Some(owner) if party_known && owner != &party => {
                s.error_hint(
                    r.span(),
                    format!("red line `{rid}` belongs to `{owner}`, not `{party}`"),
                    format!("set `party = \"{owner}\"` or name a red line of `{party}`"),
                );
            }
            Some(_) => {
                reg.used_red_lines
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .insert(rid.clone());
            }
        }
    }
    let as_of = a.as_of.as_ref().and_then(|d| s.date(d, "as_of"));
    if let (Some(d), Some(span)) = (as_of, a.as_of.as_ref().map(toml::Spanned::span)) {
        for r in named {
            if let Some(held) = reg.held.get(r.get_ref()).filter(|h| h.excludes(&d)) {
                s.out.push(
                    s.src
                        .warning(
                            span.clone(),
                            format!(
                                "assessment as of {d} names `{}`, a position documented {}",
                                r.get_ref(),
                                held.describe().unwrap_or_default()
                            ),
                        )
                        .with_hint(
                            "check the date, or widen the red line's `held_from`/`held_to` if \
                             the sources show it was held then",
                        ),
                );
            }
        }
    }
    Assessment {
        as_of,
        effect: s
            .choice(&a.effect, "effect", EFFECTS)
            .unwrap_or(Effect::Partial),
        red_lines: named.iter().map(|r| r.get_ref().clone()).collect(),
        note: s.line(&a.note, "note"),
        confidence: a
            .confidence
            .as_ref()
            .and_then(|c| s.choice(c, "confidence", CONFIDENCES)),
        party,
    }
}
