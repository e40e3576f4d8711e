//! TOML text → raw structs, one table or array element at a time.
//!
//! Deserialising element by element (instead of the whole file at once) means one bad clause
//! does not hide the problems in the next: each gets its own located diagnostic.

mod reader;
mod syntax;

use super::raw::*;
use crate::diagnostic::{Diagnostic, SourceText};
use reader::Reader;
use syntax::read_table;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

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
    pub actors: Vec<RawActor>,
}

pub struct PartiesDoc {
    pub sources: Vec<(Str, RawSource)>,
    pub parties: Vec<(RawParty, Vec<RawRedLine>)>,
}

#[derive(Default)]
pub struct DraftDoc {
    pub header: Option<RawPlanHeader>,
    pub sources: Vec<(Str, RawSource)>,
    pub documents: Vec<(Str, RawDocument)>,
    pub clauses: Vec<RawClause>,
    pub changes: Vec<RawChange>,
}

/// What a draft file declares to the others, read from its TOML before (and whatever becomes
/// of) its checks: its plan id. A file with problems still declares it, so that links and
/// changes into it are not reported as errors of their own.
#[derive(Debug, Default, Clone)]
pub struct Declared {
    pub id: Option<String>,
    /// The file had problems of its own, so its clause list may be incomplete: references to
    /// clauses it lacks are consequences, not errors to report.
    pub troubled: bool,
}

/// Spans of values that were wrong-typed and stood in for by empty placeholders, so that the
/// checks after parsing do not report the placeholders (an "empty `title`" that is not).
pub type Poisoned = Vec<std::ops::Range<usize>>;

pub(super) type Value<'i> = Spanned<DeValue<'i>>;

/// The plan id a draft's table declares, where it is a string.
fn declarations(table: &DeTable<'_>) -> Declared {
    let string = |v: &Value<'_>| match v.get_ref() {
        DeValue::String(s) => Some(s.to_string()),
        _ => None,
    };
    let id = match table.get("plan").map(Spanned::get_ref) {
        Some(DeValue::Table(t)) => t.get("id").and_then(string),
        _ => None,
    };
    Declared {
        id,
        troubled: false,
    }
}

pub fn corpus(src: &SourceText, out: &mut Vec<Diagnostic>) -> Option<(CorpusDoc, Poisoned)> {
    let (table, clean) = read_table(src, out);
    if !clean {
        return None;
    }
    let mut r = Reader::new(src, out);
    let mut doc = CorpusDoc {
        info: None,
        info_span: 0..0,
        topics: Vec::new(),
        actors: Vec::new(),
    };
    let has_corpus = table.contains_key("corpus");
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "corpus" => {
                doc.info_span = k.span();
                doc.info = r.de(v, "[corpus]");
            }
            "topic" => doc.topics = r.array(v, "topic"),
            "actor" => doc.actors = r.array(v, "actor"),
            _ => r.unknown_top(&k, &["corpus", "topic", "actor"]),
        }
    }
    if doc.info.is_none() && !has_corpus {
        r.out.push(
            src.error(0..0, "missing `[corpus]` table")
                .with_hint("add `[corpus]` with `title` and `coverage`"),
        );
    }
    Some((doc, r.poisoned))
}

pub fn parties(src: &SourceText, out: &mut Vec<Diagnostic>) -> Option<(PartiesDoc, Poisoned)> {
    let (table, clean) = read_table(src, out);
    if !clean {
        return None;
    }
    let mut r = Reader::new(src, out);
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
    Some((doc, r.poisoned))
}

/// A draft file's document (none if its TOML does not parse), what it declares to the other
/// drafts, and the spans of its placeholders.
pub fn draft(
    src: &SourceText,
    out: &mut Vec<Diagnostic>,
) -> (Option<DraftDoc>, Declared, Poisoned) {
    if src.text.len() >= super::chunked::CHUNKED_FROM
        && let Some(read) = draft_in_pieces(src, out)
    {
        return read;
    }
    let before = out.len();
    let (table, clean) = read_table(src, out);
    let mut declared = declarations(&table);
    if !clean {
        declared.troubled = true;
        return (None, declared, Vec::new());
    }
    let mut r = Reader::new(src, out);
    let mut doc = DraftDoc::default();
    let has_plan = table.contains_key("plan");
    for (k, v) in table {
        r.draft_key(&mut doc, k, v);
    }
    finish_draft(src, r, doc, declared, has_plan, before)
}

/// A large draft read piece by piece ([`super::chunked`]): each piece's tables are turned
/// into raw structs before the next piece is parsed, so neither the parser's working memory
/// nor a tree of the whole file is ever held. `None` (with nothing reported) when the file is
/// better parsed whole: a piece with a syntax error, or a top-level key other than the clause
/// list in two pieces.
fn draft_in_pieces(
    src: &SourceText,
    out: &mut Vec<Diagnostic>,
) -> Option<(Option<DraftDoc>, Declared, Poisoned)> {
    let starts = super::chunked::piece_starts(&src.text, super::chunked::PIECE_BYTES);
    if starts.len() < 2 {
        return None;
    }
    let before = out.len();
    let mut r = Reader::new(src, out);
    let mut doc = DraftDoc::default();
    let mut declared = Declared::default();
    let mut seen: Vec<String> = Vec::new();
    let ends = starts.iter().skip(1).copied().chain([src.text.len()]);
    for (start, end) in starts.iter().copied().zip(ends) {
        let Some(table) = super::chunked::parse_piece(&src.text, start..end) else {
            r.out.truncate(before);
            return None;
        };
        if table.contains_key("plan") {
            declared = declarations(&table);
        }
        for (k, v) in table {
            let key: &str = k.get_ref();
            if key != "clause" {
                if seen.iter().any(|s| s == key) {
                    r.out.truncate(before);
                    return None;
                }
                seen.push(key.to_string());
            }
            r.draft_key(&mut doc, k, v);
        }
    }
    let has_plan = seen.iter().any(|k| k == "plan");
    Some(finish_draft(src, r, doc, declared, has_plan, before))
}

fn finish_draft(
    src: &SourceText,
    r: Reader<'_>,
    doc: DraftDoc,
    mut declared: Declared,
    has_plan: bool,
    before: usize,
) -> (Option<DraftDoc>, Declared, Poisoned) {
    if !has_plan {
        r.out.push(src.error(0..0, "missing `[plan]` table").with_hint("a draft file starts with `[plan]` giving id, title, short, date, status, summary and sources"));
    }
    declared.troubled = r.out.len() > before;
    (Some(doc), declared, r.poisoned)
}

impl Reader<'_> {
    /// One top-level key of a draft: the clause list is extended (a draft read in pieces
    /// meets it once per piece), the others set.
    fn draft_key(
        &mut self,
        doc: &mut DraftDoc,
        k: Spanned<std::borrow::Cow<'_, str>>,
        v: Value<'_>,
    ) {
        match k.get_ref().as_ref() {
            "plan" => doc.header = self.de(v, "[plan]"),
            "sources" => doc.sources = self.sources(v),
            "documents" => doc.documents = self.keyed(v, "documents", "document"),
            "clause" => doc.clauses.extend(self.array(v, "clause")),
            "change" => doc.changes = self.array(v, "change"),
            _ => self.unknown_top(&k, &["plan", "sources", "documents", "clause", "change"]),
        }
    }
}
