//! `peacediff show PLAN [CLAUSE]`: a draft, or one clause with everything known about it.

use super::style::Styles;
use super::{CliError, Format, to_json};
use peacediff::describe;
use peacediff::legend::Standing;
use peacediff::model::{ChangeAction, Clause, Corpus, Plan};

pub fn find_plan<'c>(corpus: &'c Corpus, name: &str) -> Result<&'c Plan, CliError> {
    corpus.find_plan(name).ok_or_else(|| {
        let names = corpus
            .plans
            .iter()
            .flat_map(|p| [p.short.as_str(), p.id.as_str()]);
        let known: Vec<String> = corpus
            .plans
            .iter()
            .map(|p| format!("{} ({})", p.short, p.id))
            .collect();
        unknown("draft", name, names, &known.join(", "))
    })
}

/// "no draft `28pt`; did you mean `28-pt`?", or the full list when nothing is close.
pub fn unknown<'a>(
    what: &str,
    name: &str,
    names: impl IntoIterator<Item = &'a str>,
    all: &str,
) -> CliError {
    let name = peacediff::sanitize::clean_line(name);
    match peacediff::diagnostic::suggest(&name, names) {
        Some(hint) => CliError::Usage(format!("no {what} `{name}`; {hint}")),
        None => CliError::Usage(format!("no {what} `{name}`; the choices are: {all}")),
    }
}

/// A clause of `plan` by what a user types (`21D` finds `21d`); a removed clause says so.
pub fn find_clause(plan: &Plan, id: &str) -> Result<usize, CliError> {
    if let Some(i) = plan.find_clause_index(id) {
        return Ok(i);
    }
    let removed = plan
        .removals
        .iter()
        .find(|r| r.base_clause.eq_ignore_ascii_case(id));
    Err(match removed {
        Some(r) => CliError::Usage(format!(
            "clause `{}` is not in {}: it was {} (see `peacediff show {}`)",
            r.base_clause,
            plan.short,
            r.action.as_str(),
            plan.id
        )),
        None => {
            let ids: Vec<&str> = plan.clauses.iter().map(|c| c.id.as_str()).collect();
            let id = peacediff::sanitize::clean_line(id);
            CliError::Usage(
                match peacediff::diagnostic::suggest(&id, ids.iter().copied()) {
                    Some(hint) => format!("no clause `{id}` in {}; {hint}", plan.short),
                    None => format!(
                        "no clause `{id}` in {}; its clauses are {}",
                        plan.short,
                        ids.join(" ")
                    ),
                },
            )
        }
    })
}

pub fn run(
    corpus: &Corpus,
    plan: &str,
    clause: Option<&str>,
    format: Format,
    st: &Styles,
    out: &mut String,
) -> Result<(), CliError> {
    let plan = find_plan(corpus, plan)?;
    match clause {
        None if format == Format::Json => to_json(plan, out),
        None => {
            plan_text(corpus, plan, st, out);
            Ok(())
        }
        Some(id) => {
            let c = &plan.clauses[find_clause(plan, id)?];
            if format == Format::Json {
                return to_json(c, out);
            }
            clause_text(corpus, plan, c, st, out);
            Ok(())
        }
    }
}

fn plan_text(corpus: &Corpus, p: &Plan, st: &Styles, out: &mut String) {
    out.push_str(&format!("{}  {}\n", st.bold(&p.short), st.bold(&p.title)));
    let mut who = describe::participants(corpus, p).into_iter();
    if let Some((role, names)) = who.next() {
        out.push_str(&format!(
            "{} · {} · {role} {names}\n",
            p.date,
            p.status.as_str()
        ));
    }
    for (role, names) in who {
        out.push_str(&format!("{role} {names}\n"));
    }
    if let Some(b) = &p.base {
        out.push_str(&format!(
            "written as changes to {b}; clause numbers follow it\n"
        ));
    }
    out.push('\n');
    out.push_str(&st.paragraph(&p.summary, ""));
    out.push_str("\n\n");
    for (i, c) in p.clauses.iter().enumerate() {
        let indent = "  ".repeat(p.depth(i) + 1);
        out.push_str(&format!(
            "{indent}{} {}{}\n",
            st.bold(&c.label),
            c.title,
            marks(corpus, c, st)
        ));
        out.push_str(&st.paragraph(&c.text, &format!("{indent}    ")));
        out.push('\n');
    }
    for r in &p.removals {
        out.push_str(&format!(
            "  {} base clause {} {}\n",
            st.red("−"),
            r.base_clause,
            r.action.as_str()
        ));
    }
    out.push_str(&format!(
        "\nsources: {}\n",
        p.main_sources
            .iter()
            .filter_map(|k| p.source(k))
            .map(describe::source_line)
            .collect::<Vec<_>>()
            .join("; ")
    ));
}

fn marks(corpus: &Corpus, c: &Clause, st: &Styles) -> String {
    let mut m = String::new();
    if let Some(s) = peacediff::analysis::status_words(corpus, c) {
        m.push_str(&format!("  [{s}]"));
    }
    if let Some(flag) = describe::certainty_flag(c) {
        m.push_str(&format!("  ({flag})"));
    }
    st.yellow(&m)
}

fn clause_text(corpus: &Corpus, p: &Plan, c: &Clause, st: &Styles, out: &mut String) {
    out.push_str(&format!(
        "{} {} · {}\n",
        st.bold(&p.short),
        st.bold(&c.label),
        st.bold(&c.title)
    ));
    out.push_str(&st.paragraph(&c.text, "  "));
    out.push_str("\n\n");
    let field = |name: &str, value: String, out: &mut String| {
        out.push_str(&format!("{:<11}{value}\n", name))
    };
    field("topics", c.topics.join(", "), out);
    let mut certainty = describe::certainty(c);
    if let Some(n) = &c.certainty_note {
        certainty.push_str(&format!(" — {n}"));
    }
    field("certainty", certainty, out);
    if let Some(s) = peacediff::analysis::status_words(corpus, c) {
        field("status", s, out);
    }
    if let Some(parent) = &c.parent {
        field("part of", parent.clone(), out);
    }
    if let Some(i) = &c.inherited {
        let how = match (i.action, i.reported) {
            (ChangeAction::Unknown, _) => "not reported; shown with the base wording".to_string(),
            (a, _) => format!("{} from {} {}", a.as_str(), i.base_plan, i.base_clause),
        };
        field("inherited", how, out);
    }
    if let Some(n) = &c.note {
        field("note", n.clone(), out);
    }
    for r in &c.refs {
        let mut line = describe::reference(p, r);
        if let Some(u) = describe::target_url(p, &r.target) {
            line.push_str(&format!(" <{u}>"));
        }
        field("see", line, out);
    }
    for r in describe::referred_by(p, c) {
        field("cited by", r, out);
    }
    if !c.assessments.is_empty() {
        out.push_str("\nred lines\n");
        if let Some(n) = peacediff::analysis::owned_bracket_note(corpus, c) {
            out.push_str(&format!("  ({n})\n"));
        }
        for a in &c.assessments {
            let party = corpus
                .party(&a.party)
                .map_or(a.party.to_uppercase(), |x| x.short.clone());
            let lines = if a.is_general() {
                "(general position, no listed red line)".to_string()
            } else {
                a.red_lines.join(", ")
            };
            let when = describe::as_of(a).map_or(String::new(), |w| format!(" ({w})"));
            out.push_str(&format!(
                "  {party} {} {lines}{when} — {}\n",
                st.standing(Standing::of_effect(a.effect)),
                a.note
            ));
        }
    }
    let counterparts = corpus.counterparts(p, c);
    if !counterparts.is_empty() {
        out.push_str("\ncounterparts\n");
        for cp in counterparts {
            out.push_str(&format!(
                "  {} {} ({}) {}\n",
                cp.plan.short,
                cp.clause.label,
                cp.describe(),
                cp.clause.title
            ));
        }
    }
    out.push_str("\nsources\n");
    for k in &c.sources {
        match p.source(k) {
            Some(s) => out.push_str(&format!("  [{k}] {}\n", describe::source_line(s))),
            None => out.push_str(&format!("  [{k}]\n")),
        }
    }
}
