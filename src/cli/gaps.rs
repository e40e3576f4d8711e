//! `peacediff gaps A B`: the topics one draft covers and the other does not.

use super::show::find_plan;
use super::style::Styles;
use super::{CliError, Format, to_json};
use peacediff::analysis::{self, TopicCoverage};
use peacediff::model::{Corpus, Plan};

pub fn run(
    corpus: &Corpus,
    a: &str,
    b: &str,
    format: Format,
    st: &Styles,
    out: &mut String,
) -> Result<(), CliError> {
    let left = find_plan(corpus, a)?;
    let right = find_plan(corpus, b)?;
    let g = analysis::gaps(corpus, left, right);
    if format == Format::Json {
        return to_json(&g, out);
    }
    out.push_str(&format!(
        "Coverage gaps between {} and {}\n",
        st.bold(&left.short),
        st.bold(&right.short)
    ));
    section(corpus, left, right, &g.only_left, st, out);
    section(corpus, right, left, &g.only_right, st, out);
    let title = |id: &str| corpus.topic(id).map_or(id.to_string(), |t| t.title.clone());
    out.push_str(&format!(
        "\nBoth cover: {}\n",
        if g.both.is_empty() {
            "nothing".to_string()
        } else {
            g.both
                .iter()
                .map(|t| title(t))
                .collect::<Vec<_>>()
                .join(", ")
        }
    ));
    if !g.neither.is_empty() {
        out.push_str(&st.dim(&format!(
            "Neither covers: {}\n",
            g.neither.iter().map(|t| title(t)).collect::<Vec<_>>().join(", ")
        )));
    }
    Ok(())
}

fn section(
    corpus: &Corpus,
    has: &Plan,
    lacks: &Plan,
    list: &[TopicCoverage],
    st: &Styles,
    out: &mut String,
) {
    out.push_str(&format!(
        "\nIn {} but not in {} ({}):\n",
        has.short,
        lacks.short,
        list.len()
    ));
    if list.is_empty() {
        out.push_str("  none\n");
    }
    for t in list {
        let title = corpus
            .topic(&t.topic)
            .map_or(t.topic.as_str(), |x| x.title.as_str());
        out.push_str(&format!(
            "  {} {}\n",
            st.bold(title),
            st.dim(&format!("[{}]", t.topic))
        ));
        for c in &t.clauses {
            out.push_str(&format!(
                "    {:<6} {}\n",
                c.label, has.clauses[c.index].title
            ));
        }
    }
}
