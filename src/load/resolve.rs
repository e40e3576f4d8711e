//! Raw documents → the model: every reference checked, every field cleaned.
//!
//! Runs in dependency order: topics, then parties and red lines, then plain drafts, then
//! derived drafts (which need their base); links (which need every draft's clause ids) are
//! checked last, in `links`.

use super::derive::{self, DerivedInput};
use super::fields::Sink;
use super::parse::{CorpusDoc, DraftDoc, PartiesDoc};
use super::raw::*;
use super::roles;
use crate::diagnostic::{Diagnostic, SourceText, suggest};
use crate::model::*;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

pub const CERTAINTIES: &[(&str, Certainty)] = &[
    ("published-text", Certainty::PublishedText),
    ("reported", Certainty::Reported),
    ("inferred", Certainty::Inferred),
];
const STATUSES: &[(&str, PlanStatus)] = &[
    ("official", PlanStatus::Official),
    ("leaked", PlanStatus::Leaked),
    ("reported", PlanStatus::Reported),
    ("reconstructed", PlanStatus::Reconstructed),
];
pub const CLAUSE_STATUSES: &[(&str, ClauseStatus)] = &[
    ("bracketed", ClauseStatus::Bracketed),
    ("disputed", ClauseStatus::Disputed),
];
const FIRMNESS: &[(&str, Firmness)] = &[
    ("hard-legal", Firmness::HardLegal),
    ("hard-declared", Firmness::HardDeclared),
    ("firm", Firmness::Firm),
    ("preference", Firmness::Preference),
];
const TRENDS: &[(&str, ())] = &[
    ("stable", ()),
    ("softened", ()),
    ("hardened", ()),
    ("contested", ()),
    ("shifted", ()),
];
const EFFECTS: &[(&str, Effect)] = &[
    ("crosses", Effect::Crosses),
    ("partial", Effect::Partial),
    ("meets", Effect::Meets),
];
pub const CONFIDENCES: &[(&str, Confidence)] = &[
    ("high", Confidence::High),
    ("medium", Confidence::Medium),
    ("low", Confidence::Low),
];

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
