//! `peacediff redlines [PLAN ...]`: for one draft, each party's red lines it crosses, meets or
//! partly meets, with the clauses responsible; for several, how that changed from each draft to
//! the next, with a headline per party.

use super::show::find_plan;
use super::style::Styles;
use super::{CliError, Format, to_json};
use peacediff::analysis::{self, ClauseRef, PartyRedLines, PlanRedLines, RedLineDelta, RedLineHit};
use peacediff::legend::Standing;
use peacediff::model::{Corpus, Effect, Plan};
use serde::Serialize;

/// The JSON for several drafts: each one's standing, and the change between neighbours.
#[derive(Serialize)]
struct Comparison {
    plans: Vec<PlanRedLines>,
    deltas: Vec<RedLineDelta>,
}

pub fn run(
    corpus: &Corpus,
    names: &[String],
    party: Option<&str>,
    format: Format,
    st: &Styles,
    out: &mut String,
) -> Result<(), CliError> {
    let plans: Vec<&Plan> = if names.is_empty() {
        corpus.plans.iter().collect()
    } else {
        names
            .iter()
            .map(|n| find_plan(corpus, n))
            .collect::<Result<_, _>>()?
    };
    // The party as a user names it: `ua`, `UA` or `Ukraine`.
    let party = match party {
        None => None,
        Some(p) => Some(corpus.find_party(p).map(|x| x.id.as_str()).ok_or_else(|| {
            let ids: Vec<&str> = corpus.parties.iter().map(|x| x.id.as_str()).collect();
            let names = corpus
                .parties
                .iter()
                .flat_map(|x| [x.id.as_str(), x.short.as_str(), x.name.as_str()]);
            super::show::unknown("party", p, names, &ids.join(", "))
        })?),
    };
    let keep = |id: &str| party.is_none_or(|p| p == id);
    let mut reports: Vec<PlanRedLines> = plans
        .iter()
        .map(|p| analysis::plan_redlines(corpus, p))
        .collect();
    for r in &mut reports {
        r.parties.retain(|p| keep(&p.party));
    }
    let mut deltas: Vec<RedLineDelta> = plans
        .windows(2)
        .map(|w| analysis::redline_delta(corpus, w[0], w[1]))
        .collect();
    for d in &mut deltas {
        d.parties.retain(|p| keep(&p.party));
    }
    if format == Format::Json {
        return if plans.len() == 1 {
            to_json(&reports[0], out)
        } else {
            to_json(
                &Comparison {
                    plans: reports,
                    deltas,
                },
                out,
            )
        };
    }
    if plans.len() == 1 {
        one(corpus, plans[0], &reports[0], st, out);
    } else {
        several(corpus, &plans, &reports, &deltas, st, out);
    }
    Ok(())
}

fn party_name<'c>(corpus: &'c Corpus, id: &'c str) -> &'c str {
    corpus.party(id).map_or(id, |p| p.name.as_str())
}

fn one(corpus: &Corpus, plan: &Plan, r: &PlanRedLines, st: &Styles, out: &mut String) {
    out.push_str(&format!(
        "{} {} ({})\n",
        st.bold(&plan.short),
        plan.title,
        plan.date
    ));
    for p in &r.parties {
        let name = st.bold(party_name(corpus, &p.party));
        if !p.summary.assessed {
            out.push_str(&format!(
                "\n{name}: {} — nobody assessed this draft for this party\n",
                st.standing(Standing::NotAssessed)
            ));
            continue;
        }
        let (h, d) = (p.summary.hard, p.summary.demands);
        out.push_str(&format!(
            "\n{name}: hard red lines: {} crossed, {} partly met, {} met, {} open; \
             demands: {} crossed, {} partly met, {} met, {} open; silent on {}{}\n",
            h.crossed,
            h.partial,
            h.met,
            h.open,
            d.crossed,
            d.partial,
            d.met,
            d.open,
            p.silent.len(),
            if p.dated_out.is_empty() {
                String::new()
            } else {
                format!(
                    "; not assessed on {} held only in another period",
                    p.dated_out.len()
                )
            }
        ));
        hits(corpus, plan, Standing::Crossed, &p.crossed, st, out);
        hits(corpus, plan, Standing::Partial, &p.partial, st, out);
        hits(corpus, plan, Standing::Met, &p.met, st, out);
        let open = Standing::Open(peacediff::legend::OpenReason::Unreported);
        hits(corpus, plan, open, &p.open, st, out);
        dated_out(corpus, plan, &p.dated_out, st, out);
        general(plan, &p.general, st, out);
    }
}

/// The lines the draft is dated outside of: not assessed, with the period each was held.
fn dated_out(corpus: &Corpus, plan: &Plan, ids: &[String], st: &Styles, out: &mut String) {
    for id in ids {
        let Some(rl) = corpus.red_line(id) else {
            continue;
        };
        let kind = if rl.firmness.is_hard() {
            "red line"
        } else {
            "demand"
        };
        let what = Standing::NotAssessed;
        out.push_str(&format!(
            "  {} {:<12} {} {}\n",
            st.tone(what.legend().tone, what.mark()),
            what.legend().word,
            rl.title,
            st.dim(&format!("[{kind}; {id}]"))
        ));
        out.push_str(&format!(
            "             {}\n",
            st.dim(&peacediff::describe::dated_out(rl, plan))
        ));
    }
}

/// The party's verdicts on whole clauses that name no red line: "general positions  ✓ 28-pt:11".
fn general(plan: &Plan, list: &[(ClauseRef, Effect)], st: &Styles, out: &mut String) {
    if list.is_empty() {
        return;
    }
    let marks: Vec<String> = list
        .iter()
        .map(|(c, e)| {
            let s = Standing::of_effect(*e);
            format!(
                "{} {}:{}",
                st.tone(s.legend().tone, s.mark()),
                plan.short,
                c.label
            )
        })
        .collect();
    out.push_str(&format!(
        "  {} {}\n",
        st.dim("general positions (no listed red line):"),
        marks.join(", ")
    ));
}

fn hits(
    corpus: &Corpus,
    plan: &Plan,
    what: Standing,
    list: &[RedLineHit],
    st: &Styles,
    out: &mut String,
) {
    for h in list {
        let title = corpus
            .red_line(&h.red_line)
            .map_or(h.red_line.as_str(), |r| r.title.as_str());
        let open = matches!(what, Standing::Open(_));
        let word = what.legend().word;
        let mark = st.tone(what.legend().tone, what.mark());
        let kind = if h.hard { "red line" } else { "demand" };
        let clauses: Vec<String> = h
            .clauses
            .iter()
            .map(|(c, e)| {
                if open {
                    format!(
                        "{} ({})",
                        c.label,
                        peacediff::analysis::open_effect_words(plan, c, *e)
                    )
                } else if *e == h.effect {
                    c.label.clone()
                } else {
                    format!("{} ({})", c.label, e.as_str())
                }
            })
            .collect();
        out.push_str(&format!(
            "  {mark} {word:<12} {title} {}\n",
            st.dim(&format!("[{kind}; {}]", h.red_line))
        ));
        out.push_str(&format!(
            "             {} {}\n",
            st.dim("clauses"),
            clauses
                .iter()
                .map(|l| format!("{}:{l}", plan.short))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
}

fn several(
    corpus: &Corpus,
    plans: &[&Plan],
    reports: &[PlanRedLines],
    deltas: &[RedLineDelta],
    st: &Styles,
    out: &mut String,
) {
    // The table: per party, red lines (demands) crossed in each draft.
    let w = plans
        .iter()
        .map(|p| p.short.chars().count())
        .max()
        .unwrap_or(6)
        .max(7);
    out.push_str(&format!("{:<12}", "HARD LINES"));
    for p in plans {
        out.push_str(&format!("  {:>w$}", p.short));
    }
    out.push('\n');
    let parties: Vec<&PartyRedLines> = reports[0].parties.iter().collect();
    for (i, party) in parties.iter().enumerate() {
        let short = corpus
            .party(&party.party)
            .map_or(party.party.as_str(), |p| p.short.as_str());
        out.push_str(&format!("{short:<12}"));
        for r in reports {
            let pr = &r.parties[i];
            let cell = pr.summary.cell();
            let pad = w.saturating_sub(cell.chars().count());
            out.push_str(&format!("  {}{cell}", " ".repeat(pad)));
        }
        out.push('\n');
    }
    out.push_str("DEMANDS ✗\n");
    for (i, party) in parties.iter().enumerate() {
        let short = corpus
            .party(&party.party)
            .map_or(party.party.as_str(), |p| p.short.as_str());
        out.push_str(&format!("{short:<12}"));
        for r in reports {
            let s = &r.parties[i].summary;
            let cell = if s.assessed {
                s.demands.crossed.to_string()
            } else {
                Standing::NotAssessed.mark().to_string()
            };
            let pad = w.saturating_sub(cell.chars().count());
            out.push_str(&format!("  {}{cell}", " ".repeat(pad)));
        }
        out.push('\n');
    }
    out.push_str(&st.dim(&format!(
        "{}; demands (firm positions and preferences) crossed below\n",
        analysis::PartySummary::CELL_LEGEND
    )));
    for d in deltas {
        let from = corpus
            .plan(&d.from)
            .map_or(d.from.as_str(), |p| p.short.as_str());
        let to = corpus
            .plan(&d.to)
            .map_or(d.to.as_str(), |p| p.short.as_str());
        out.push_str(&format!("\n{} → {}\n", st.bold(from), st.bold(to)));
        for p in &d.parties {
            out.push_str(&format!("  {}\n", p.headline));
            let list = |label: &str, ids: &[String], out: &mut String| {
                if ids.is_empty() {
                    return;
                }
                let names: Vec<String> = ids
                    .iter()
                    .map(|id| {
                        let rl = corpus.red_line(id);
                        let hard = rl.is_some_and(|r| r.firmness.is_hard());
                        format!(
                            "{}{}",
                            rl.map_or(id.as_str(), |r| r.title.as_str()),
                            if hard { "" } else { " (demand)" }
                        )
                    })
                    .collect();
                out.push_str(&format!("    {label}: {}\n", names.join("; ")));
            };
            list("newly crossed", &p.newly_crossed, out);
            list("no longer crossed", &p.no_longer_crossed, out);
            list("still crossed", &p.still_crossed, out);
            list("newly met", &p.newly_met, out);
            list("no longer met", &p.no_longer_met, out);
            list("now open (unreported or bracketed)", &p.now_open, out);
            list(
                "assessed in one, not assessed in the other (held only in another period; no \
                 change claimed)",
                &p.not_comparable,
                out,
            );
        }
    }
}
