//! The words every view prints for what a draft or clause carries beyond its text: who took
//! part in it, how sure the record is, what it refers to, and when a position or assessment
//! applies. Written once here so that the app, the command line, Markdown and JSON say it the
//! same way.

use crate::model::{
    Assessment, Certainty, Clause, Confidence, Corpus, Plan, RedLine, RefTarget, Reference, Source,
};

/// Names joined for a sentence: "Ukraine", "Ukraine and Russia", "the OSCE, Ukraine and
/// Russia" (each party or actor by its full name).
pub fn names(corpus: &Corpus, ids: &[String]) -> String {
    let names: Vec<&str> = ids.iter().map(|id| corpus.name_of(id)).collect();
    join_and(&names)
}

/// "A", "A and B", "A, B and C".
pub fn join_and(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A source as one line: outlet, "title", date and `<address>` when known.
pub fn source_line(s: &Source) -> String {
    let mut line = format!("{}, \"{}\"", s.outlet, s.title);
    if let Some(d) = s.date {
        line.push_str(&format!(", {d}"));
    }
    if let Some(u) = &s.url {
        line.push_str(&format!(" <{u}>"));
    }
    line
}

/// Who took part in a draft, one (role, names) pair per role it records: "proposed by" first
/// (with "no party" when nobody is recorded, so the line is never missing), then "signed by",
/// "mediated by", "guaranteed by" and "observed by" when given.
pub fn participants(corpus: &Corpus, plan: &Plan) -> Vec<(&'static str, String)> {
    let proposers = if plan.proposers.is_empty() {
        "no party".to_string()
    } else {
        names(corpus, &plan.proposers)
    };
    let mut out = vec![("proposed by", proposers)];
    for (role, ids) in plan.roles.named() {
        out.push((role, names(corpus, ids)));
    }
    out
}

/// How the clause's text is known and how far the record is trusted: "reported",
/// "reported · low confidence".
pub fn certainty(c: &Clause) -> String {
    match c.confidence {
        Some(conf) => format!("{} · {} confidence", c.certainty.as_str(), conf.as_str()),
        None => c.certainty.as_str().to_string(),
    }
}

/// Whether a clause's knowledge is worth flagging next to its title: anything short of a
/// printed text, or any stated confidence below high.
pub fn certainty_flag(c: &Clause) -> Option<String> {
    let unsure = c.certainty != Certainty::PublishedText
        || c.confidence.is_some_and(|x| x != Confidence::High);
    unsure.then(|| certainty(c))
}

/// One cross-reference as a sentence fragment: "depends on 11 (Constitutional reform)",
/// "refers to UN Charter (1945-06-26), Article 51".
pub fn reference(plan: &Plan, r: &Reference) -> String {
    let mut s = format!("{} {}", r.relation.words(), target(plan, &r.target));
    if let Some(p) = &r.part {
        s.push_str(&format!(", {p}"));
    }
    if let Some(n) = &r.note {
        s.push_str(&format!(" — {n}"));
    }
    s
}

/// Where a reference points, named as a reader recognises it.
pub fn target(plan: &Plan, t: &RefTarget) -> String {
    match t {
        RefTarget::Clause(id) => match plan.clause(id) {
            Some(c) => format!("{} ({})", c.label, c.title),
            None => id.clone(),
        },
        RefTarget::Document(key) => match plan.document(key) {
            Some(d) => match d.date {
                Some(date) => format!("{} ({date})", d.title),
                None => d.title.clone(),
            },
            None => key.clone(),
        },
    }
}

/// The address of a referenced document, when it has one.
pub fn target_url<'p>(plan: &'p Plan, t: &RefTarget) -> Option<&'p str> {
    match t {
        RefTarget::Document(key) => plan.document(key)?.url.as_deref(),
        RefTarget::Clause(_) => None,
    }
}

/// The clauses of the same draft that refer to `c`, each as "9 (Border control) depends on it".
pub fn referred_by(plan: &Plan, c: &Clause) -> Vec<String> {
    plan.referred_by(&c.id)
        .into_iter()
        .map(|(from, r)| format!("{} ({}) {} it", from.label, from.title, r.relation.words()))
        .collect()
}

/// "as of 2015-02" for an assessment that reflects a position at another time than the draft's.
pub fn as_of(a: &Assessment) -> Option<String> {
    a.as_of.map(|d| format!("as of {d}"))
}

/// "held from 2025-02", "held 2014-09 to 2022-02": the period a position is documented for.
pub fn held(rl: &RedLine) -> Option<String> {
    rl.held.describe().map(|p| format!("held {p}"))
}

/// Why a draft is not scored against a line it is dated outside of: "held from 2025-02; the
/// draft is dated 2015-02-12".
pub fn dated_out(rl: &RedLine, plan: &Plan) -> String {
    format!(
        "{}; {} is dated {}",
        held(rl).unwrap_or_else(|| "held at another time".into()),
        plan.short,
        plan.date
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, RefRelation};
    use crate::testing::{clause, corpus, party, plan};

    #[test]
    fn references_name_their_target_as_a_reader_knows_it() {
        let mut nine = clause("9", "Border control returns.", &["border"]);
        nine.refs = vec![Reference {
            target: RefTarget::Clause("11".into()),
            relation: RefRelation::DependsOn,
            part: None,
            note: None,
        }];
        let mut eleven = clause("11", "Constitutional reform.", &["governance"]);
        eleven.refs = vec![Reference {
            target: RefTarget::Document("charter".into()),
            relation: RefRelation::RefersTo,
            part: Some("Article 2".into()),
            note: None,
        }];
        let mut p = plan("p", (2015, 2, 12), vec![nine, eleven]);
        p.documents = vec![Document {
            key: "charter".into(),
            title: "UN Charter".into(),
            date: Some("1945-06-26".parse().unwrap()),
            url: Some("https://www.un.org/en/about-us/un-charter".into()),
            note: None,
        }];
        assert_eq!(
            reference(&p, &p.clauses[0].refs[0]),
            "depends on 11 (Constitutional reform.)"
        );
        assert_eq!(
            reference(&p, &p.clauses[1].refs[0]),
            "refers to UN Charter (1945-06-26), Article 2"
        );
        assert_eq!(
            referred_by(&p, &p.clauses[1]),
            vec!["9 (Border control returns.) depends on it".to_string()]
        );
        assert!(referred_by(&p, &p.clauses[0]).is_empty());
    }

    #[test]
    fn participants_list_every_recorded_role_by_name() {
        let mut p = plan("p", (2015, 2, 12), vec![]);
        let c0 = corpus(
            vec![party("ua", "Ukraine", &[]), party("ru", "Russia", &[])],
            vec![],
        );
        p.roles.signatories = vec!["ua".into(), "ru".into(), "osce".into()];
        let got = participants(&c0, &p);
        assert_eq!(got[0], ("proposed by", "no party".to_string()));
        assert_eq!(
            got[1],
            ("signed by", "Ukraine, Russia and osce".to_string())
        );
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn confidence_is_said_with_certainty_and_flagged_below_high() {
        let mut c = clause("1", "x", &["t"]);
        assert_eq!(certainty_flag(&c), None);
        c.confidence = Some(Confidence::Low);
        assert_eq!(certainty(&c), "published-text · low confidence");
        assert_eq!(
            certainty_flag(&c).as_deref(),
            Some("published-text · low confidence")
        );
        c.confidence = Some(Confidence::High);
        assert_eq!(certainty_flag(&c), None);
    }
}
