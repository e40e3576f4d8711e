//! `peacediff history TOPIC` and `peacediff history PLAN:CLAUSE`: a topic across drafts, or a
//! clause's counterparts in every draft, in date order.

use super::show::find_plan;
use super::style::Styles;
use super::{CliError, Format, to_json};
use peacediff::analysis;
use peacediff::model::{Corpus, LinkBasis, Topic};

pub fn run(
    corpus: &Corpus,
    target: &str,
    format: Format,
    st: &Styles,
    out: &mut String,
) -> Result<(), CliError> {
    match target.split_once(':') {
        Some((plan, clause)) => clause_history(corpus, plan, clause, format, st, out),
        None => topic_history(corpus, target, format, st, out),
    }
}

fn find_topic<'c>(corpus: &'c Corpus, name: &str) -> Result<&'c Topic, CliError> {
    corpus
        .topic(name)
        .or_else(|| {
            corpus
                .topics
                .iter()
                .find(|t| t.id.eq_ignore_ascii_case(name) || t.title.eq_ignore_ascii_case(name))
        })
        .ok_or_else(|| {
            let ids: Vec<&str> = corpus.topics.iter().map(|t| t.id.as_str()).collect();
            match super::show::unknown("topic", name, ids.iter().copied(), &ids.join(", ")) {
                CliError::Usage(m) => CliError::Usage(format!(
                    "{m} (for a clause, write PLAN:CLAUSE, e.g. 28-pt:6)"
                )),
                other => other,
            }
        })
}

fn topic_history(
    corpus: &Corpus,
    name: &str,
    format: Format,
    st: &Styles,
    out: &mut String,
) -> Result<(), CliError> {
    let topic = find_topic(corpus, name)?;
    let h = analysis::topic_history(corpus, &topic.id);
    if format == Format::Json {
        return to_json(&h, out);
    }
    out.push_str(&format!(
        "{} {}\n",
        st.bold(&topic.title),
        st.dim(&format!("[{}]", topic.id))
    ));
    out.push_str(&st.paragraph(&topic.description, ""));
    out.push('\n');
    for e in &h.entries {
        let plan = corpus.plan(&e.plan).expect("history names loaded drafts");
        out.push_str(&format!("\n{}  {}\n", plan.date, st.bold(&plan.short)));
        if e.clauses.is_empty() {
            out.push_str(&st.dim("    (nothing on this topic)\n"));
        }
        for c in &e.clauses {
            let clause = &plan.clauses[c.index];
            out.push_str(&format!("  {:<6} {}\n", c.label, clause.title));
            out.push_str(&st.paragraph(&clause.text, "         "));
            out.push('\n');
        }
    }
    Ok(())
}

fn clause_history(
    corpus: &Corpus,
    plan: &str,
    clause: &str,
    format: Format,
    st: &Styles,
    out: &mut String,
) -> Result<(), CliError> {
    let p = find_plan(corpus, plan)?;
    let idx = super::show::find_clause(p, clause)?;
    let h = analysis::clause_history(corpus, p, idx);
    if format == Format::Json {
        return to_json(&h, out);
    }
    out.push_str(&format!(
        "{} {}: {} — across the drafts\n",
        st.bold(&p.short),
        p.clauses[idx].label,
        st.bold(&p.clauses[idx].title)
    ));
    // Counterparts and removals, together in date order.
    let order = |id: &str| corpus.plans.iter().position(|p| p.id == id);
    let mut removals = h.removed.iter().peekable();
    for e in &h.entries {
        while let Some(r) = removals.next_if(|r| order(&r.plan) <= order(&e.plan)) {
            removal(corpus, r, st, out);
        }
        let plan = corpus.plan(&e.plan).expect("history names loaded drafts");
        let c = &plan.clauses[e.clause.index];
        let how = if e.hops == 0 {
            "this clause".to_string()
        } else {
            let mut s = e.describe.clone();
            if let Some(b) = e.basis {
                s.push_str(&format!(", {}", basis_word(b)));
            }
            if e.hops > 1
                && let Some((vp, vc)) = &e.via
            {
                let short = corpus.plan(vp).map_or(vp.as_str(), |x| x.short.as_str());
                s.push_str(&format!(", via {short}:{vc}"));
            }
            s
        };
        out.push_str(&format!(
            "\n{}  {:<8} {:<6} {}  {}\n",
            plan.date,
            st.bold(&plan.short),
            c.label,
            c.title,
            st.dim(&format!("({how})"))
        ));
        if let Some(s) = c.status {
            out.push_str(&format!(
                "    {}\n",
                st.yellow(&format!("[{}]", s.as_str()))
            ));
        }
        out.push_str(&st.paragraph(&c.text, "    "));
        out.push('\n');
    }
    for r in removals {
        removal(corpus, r, st, out);
    }
    let missing: Vec<&str> = corpus
        .plans
        .iter()
        .filter(|x| {
            !h.entries.iter().any(|e| e.plan == x.id) && !h.removed.iter().any(|r| r.plan == x.id)
        })
        .map(|x| x.short.as_str())
        .collect();
    if !missing.is_empty() {
        out.push_str(&st.dim(&format!(
            "\nNo recorded counterpart in: {}\n",
            missing.join(", ")
        )));
    }
    Ok(())
}

/// "2025-11-23  19-pt  − 26 dropped (reported): note".
fn removal(corpus: &Corpus, r: &analysis::ClauseRemoval, st: &Styles, out: &mut String) {
    let Some(plan) = corpus.plan(&r.plan) else {
        return;
    };
    let of = corpus
        .plan(&r.of.0)
        .map_or(r.of.0.as_str(), |p| p.short.as_str());
    out.push_str(&format!(
        "\n{}  {:<8} {}\n",
        plan.date,
        st.bold(&plan.short),
        st.red(&format!(
            "{} {of} {} {}",
            peacediff::align::RowClass::Dropped.mark(),
            r.of.1,
            r.describe(corpus)
        ))
    ));
    if let Some(n) = &r.removal.note {
        out.push_str(&st.paragraph(n, "    "));
        out.push('\n');
    }
}

fn basis_word(b: LinkBasis) -> &'static str {
    match b {
        LinkBasis::Text => "text",
        LinkBasis::Reported => "reported",
        LinkBasis::Inferred => "inferred",
    }
}
