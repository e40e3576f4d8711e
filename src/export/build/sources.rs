//! Numbering the sources a report cites, in order of first citation, so the Markdown and
//! JSON exports share one numbering and a source both drafts cite appears once.

use crate::export::report::SourceEntry;
use crate::model::Plan;

/// Numbers sources in order of first citation, citing a source shared by both drafts (a
/// derived draft's `us-28/A1`) once.
#[derive(Default)]
pub(super) struct SourceBook {
    pub(super) entries: Vec<SourceEntry>,
}

impl SourceBook {
    pub(super) fn cite_all(&mut self, plan: &Plan, keys: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = keys.iter().filter_map(|k| self.cite(plan, k)).collect();
        out.dedup();
        out
    }

    fn cite(&mut self, plan: &Plan, key: &str) -> Option<usize> {
        let s = plan.source(key)?;
        let date = s.date.map(|d| d.to_string());
        if let Some(e) = self.entries.iter().find(|e| {
            e.outlet == s.outlet && e.title == s.title && e.url == s.url && e.date == date
        }) {
            return Some(e.number);
        }
        let number = self.entries.len() + 1;
        self.entries.push(SourceEntry {
            number,
            plan: plan.id.clone(),
            key: s.key.clone(),
            outlet: s.outlet.clone(),
            title: s.title.clone(),
            date,
            url: s.url.clone(),
            note: s.note.clone(),
        });
        Some(number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;
    use crate::testing::plan;

    #[test]
    fn a_source_shared_by_both_drafts_is_numbered_once() {
        let source = |key: &str| Source {
            key: key.into(),
            outlet: "Outlet".into(),
            title: "Headline".into(),
            date: None,
            url: Some("https://example.org".into()),
            note: None,
        };
        let mut a = plan("a", (2025, 1, 1), vec![]);
        a.sources = vec![source("A1")];
        let mut b = plan("b", (2025, 1, 2), vec![]);
        b.sources = vec![source("B1"), source("a/A1")];
        b.sources[0].title = "Other".into();
        let mut book = SourceBook::default();
        assert_eq!(book.cite_all(&a, &["A1".into()]), vec![1]);
        assert_eq!(
            book.cite_all(&b, &["B1".into(), "a/A1".into(), "nope".into()]),
            vec![2, 1]
        );
        assert_eq!(book.entries.len(), 2);
        assert_eq!(book.entries[1].key, "B1");
    }
}
