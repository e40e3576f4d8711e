//! TOML text → raw structs, one table or array element at a time.
//!
//! Deserialising element by element (instead of the whole file at once) means one bad clause
//! does not hide the problems in the next: each gets its own located diagnostic.

use super::raw::*;
use crate::diagnostic::{Diagnostic, SourceText, one_of, suggest};
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

/// Which kind of file this is, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Corpus,
    Parties,
    Draft,
}

impl FileKind {
    pub fn of(name: &str) -> FileKind {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        match base {
            "corpus.toml" => FileKind::Corpus,
            "parties.toml" => FileKind::Parties,
            _ => FileKind::Draft,
        }
    }
}

pub struct CorpusDoc {
    pub info: Option<RawCorpusInfo>,
    pub info_span: std::ops::Range<usize>,
    pub topics: Vec<RawTopic>,
}

pub struct PartiesDoc {
    pub sources: Vec<(Str, RawSource)>,
    pub parties: Vec<(RawParty, Vec<RawRedLine>)>,
}

pub struct DraftDoc {
    pub header: Option<RawPlanHeader>,
    pub sources: Vec<(Str, RawSource)>,
    pub clauses: Vec<RawClause>,
    pub changes: Vec<RawChange>,
}

type Value<'i> = Spanned<DeValue<'i>>;

struct Reader<'s> {
    src: &'s SourceText,
    out: &'s mut Vec<Diagnostic>,
}

impl Reader<'_> {
    /// Deserialises one value, consuming it (a clone of each clause's table cost more than
    /// reading it).
    fn de<T: DeserializeOwned>(&mut self, v: Value<'_>, what: &str) -> Option<T> {
        let outer = v.span();
        match T::deserialize(ValueDeserializer::from(v)) {
            Ok(t) => Some(t),
            Err(e) => {
                let span = e.span().unwrap_or(outer);
                let msg = e.message().trim().replace("unknown field", "unknown key");
                let hint = unknown_key_hint(&msg).unwrap_or_else(|| {
                    "see docs/plan-format.md for the keys this table takes".to_string()
                });
                self.out.push(
                    self.src
                        .error(span, format!("in {what}: {msg}"))
                        .with_hint(hint),
                );
                None
            }
        }
    }

    fn array<T: DeserializeOwned>(&mut self, v: Value<'_>, what: &str) -> Vec<T> {
        let span = v.span();
        match v.into_inner() {
            DeValue::Array(items) => items.into_iter().filter_map(|i| self.de(i, what)).collect(),
            _ => {
                self.out.push(
                    self.src
                        .error(span, format!("`{what}` must be an array of tables"))
                        .with_hint(format!("write each one under a `[[{what}]]` header")),
                );
                Vec::new()
            }
        }
    }

    /// Parties hold their red lines as a nested array; each red line is read on its own so
    /// that its problems are located exactly.
    fn parties(&mut self, v: Value<'_>) -> Vec<(RawParty, Vec<RawRedLine>)> {
        let span = v.span();
        let DeValue::Array(items) = v.into_inner() else {
            self.out.push(
                self.src
                    .error(span, "`party` must be an array of tables")
                    .with_hint("write each party under a `[[party]]` header"),
            );
            return Vec::new();
        };
        let mut parties = Vec::new();
        for mut item in items {
            let mut lines = Vec::new();
            if let DeValue::Table(t) = item.get_mut()
                && let Some(l) = t.remove("red_line")
            {
                lines = self.array(l, "party.red_line");
            }
            if let Some(p) = self.de(item, "party") {
                parties.push((p, lines));
            }
        }
        parties
    }

    fn sources(&mut self, v: Value<'_>) -> Vec<(Str, RawSource)> {
        let span = v.span();
        let DeValue::Table(t) = v.into_inner() else {
            self.out.push(
                self.src
                    .error(span, "`sources` must be a table of sources")
                    .with_hint("declare each source as `[sources.KEY]`"),
            );
            return Vec::new();
        };
        t.into_iter()
            .filter_map(|(k, val)| {
                let key = Spanned::new(k.span(), k.get_ref().to_string());
                let what = format!("source `{}`", key.get_ref());
                self.de(val, &what).map(|s| (key, s))
            })
            .collect()
    }

    fn unknown_top(&mut self, key: &Spanned<std::borrow::Cow<'_, str>>, allowed: &[&str]) {
        let k = key.get_ref();
        let hint = suggest(k, allowed.iter().copied())
            .unwrap_or_else(|| format!("top-level tables here are {}", one_of(allowed)));
        self.out.push(
            self.src
                .error(
                    key.span(),
                    format!(
                        "unknown table `{}`; expected {}",
                        crate::sanitize::clean_line(k),
                        one_of(allowed)
                    ),
                )
                .with_hint(hint),
        );
    }
}

fn read_table<'s>(src: &'s SourceText, out: &mut Vec<Diagnostic>) -> Option<DeTable<'s>> {
    let (table, errors) = DeTable::parse_recoverable(&src.text);
    if errors.is_empty() {
        return Some(table.into_inner());
    }
    for e in errors {
        let span = e.span().unwrap_or(0..0);
        out.push(
            src.error(span, format!("TOML syntax: {}", e.message().trim()))
                .with_hint("fix the TOML syntax first; other checks run once the file parses"),
        );
    }
    None
}

/// serde names the expected keys; turn that into a "did you mean".
fn unknown_key_hint(msg: &str) -> Option<String> {
    let rest = msg.strip_prefix("unknown key `")?;
    let (wrong, expected) = rest.split_once('`')?;
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    suggest(wrong, names.iter().copied())
        .or_else(|| Some(format!("remove `{wrong}` or correct its name")))
}

pub fn corpus(src: &SourceText, out: &mut Vec<Diagnostic>) -> Option<CorpusDoc> {
    let table = read_table(src, out)?;
    let mut r = Reader { src, out };
    let mut doc = CorpusDoc {
        info: None,
        info_span: 0..0,
        topics: Vec::new(),
    };
    let has_corpus = table.contains_key("corpus");
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "corpus" => {
                doc.info_span = k.span();
                doc.info = r.de(v, "[corpus]");
            }
            "topic" => doc.topics = r.array(v, "topic"),
            _ => r.unknown_top(&k, &["corpus", "topic"]),
        }
    }
    if doc.info.is_none() && !has_corpus {
        r.out.push(
            src.error(0..0, "missing `[corpus]` table")
                .with_hint("add `[corpus]` with `title` and `coverage`"),
        );
    }
    Some(doc)
}

pub fn parties(src: &SourceText, out: &mut Vec<Diagnostic>) -> Option<PartiesDoc> {
    let table = read_table(src, out)?;
    let mut r = Reader { src, out };
    let mut doc = PartiesDoc {
        sources: Vec::new(),
        parties: Vec::new(),
    };
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "sources" => doc.sources = r.sources(v),
            "party" => doc.parties = r.parties(v),
            _ => r.unknown_top(&k, &["sources", "party"]),
        }
    }
    Some(doc)
}

pub fn draft(src: &SourceText, out: &mut Vec<Diagnostic>) -> Option<DraftDoc> {
    let table = read_table(src, out)?;
    let mut r = Reader { src, out };
    let mut doc = DraftDoc {
        header: None,
        sources: Vec::new(),
        clauses: Vec::new(),
        changes: Vec::new(),
    };
    let has_plan = table.contains_key("plan");
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "plan" => doc.header = r.de(v, "[plan]"),
            "sources" => doc.sources = r.sources(v),
            "clause" => doc.clauses = r.array(v, "clause"),
            "change" => doc.changes = r.array(v, "change"),
            _ => r.unknown_top(&k, &["plan", "sources", "clause", "change"]),
        }
    }
    if !has_plan {
        r.out.push(src.error(0..0, "missing `[plan]` table").with_hint("a draft file starts with `[plan]` giving id, title, short, date, status, summary and sources"));
    }
    Some(doc)
}
