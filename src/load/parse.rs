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

type Value<'i> = Spanned<DeValue<'i>>;

struct Reader<'s> {
    src: &'s SourceText,
    out: &'s mut Vec<Diagnostic>,
    poisoned: Poisoned,
}

impl<'s> Reader<'s> {
    fn new(src: &'s SourceText, out: &'s mut Vec<Diagnostic>) -> Reader<'s> {
        Reader {
            src,
            out,
            poisoned: Vec::new(),
        }
    }

    /// Deserialises one table, consuming it. The fast path reads it at once; only a table
    /// with a problem is read again field by field ([`Reader::salvage`]), so that every
    /// problem in it is reported and the rest of it still checked.
    fn de<T: DeserializeOwned>(&mut self, v: Value<'_>, what: &str) -> Option<T> {
        if !matches!(v.get_ref(), DeValue::Table(_)) {
            return self.de_once(v, what);
        }
        let copy = v.clone();
        match T::deserialize(ValueDeserializer::from(v)) {
            Ok(t) => Some(t),
            Err(_) => self.salvage(copy, what),
        }
    }

    /// Deserialises a value once, reporting the first problem serde finds.
    fn de_once<T: DeserializeOwned>(&mut self, v: Value<'_>, what: &str) -> Option<T> {
        let outer = v.span();
        T::deserialize(ValueDeserializer::from(v))
            .map_err(|e| self.report(&e, outer, what))
            .ok()
    }

    fn report(&mut self, e: &toml::de::Error, outer: std::ops::Range<usize>, what: &str) {
        let span = e.span().unwrap_or(outer);
        let msg = e.message().trim().replace("unknown field", "unknown key");
        let hint = unknown_key_hint(&msg)
            .unwrap_or_else(|| "see docs/plan-format.md for the keys this table takes".to_string());
        self.out.push(
            self.src
                .error(span, format!("in {what}: {msg}"))
                .with_hint(hint),
        );
    }

    /// Reads a table that failed to deserialise, reporting every problem in it: each unknown
    /// key, and each wrong-typed value (a required one replaced by an empty placeholder, whose
    /// span is then [`Poisoned`]). Gives the table when only such problems were found, so its
    /// other fields are still checked and its ids still declared.
    fn salvage<T: DeserializeOwned>(&mut self, v: Value<'_>, what: &str) -> Option<T> {
        let outer = v.span();
        let fields = field_names::<T>();
        let DeValue::Table(mut table) = v.into_inner() else {
            return None;
        };
        let unknown: Vec<_> = table
            .keys()
            .filter(|k| !fields.contains(&k.get_ref().as_ref()))
            .cloned()
            .collect();
        let mut bad: Vec<(String, std::ops::Range<usize>)> = Vec::new();
        for k in unknown {
            self.unknown_key(&k, fields, what);
            // A misspelt key is reported once: the field it was meant to be is not "missing".
            if let Some(meant) = fields
                .iter()
                .find(|f| suggest(k.get_ref(), [**f]).is_some() && !table.contains_key(**f))
            {
                bad.push((meant.to_string(), k.span()));
            }
            table.remove(k.get_ref().as_ref());
        }
        // Each round removes or fills one field, so this ends.
        for _ in 0..=2 * fields.len() + 1 {
            let attempt = Spanned::new(outer.clone(), DeValue::Table(table.clone()));
            let e = match T::deserialize(ValueDeserializer::from(attempt)) {
                Ok(t) => return Some(t),
                Err(e) => e,
            };
            if let Some(missing) = missing_field(e.message())
                && let Some((_, span)) = bad.iter().find(|(k, _)| k == missing)
            {
                let span = span.clone();
                let filled = fill_placeholder::<T>(&mut table, missing, &span, &outer);
                self.poisoned.push(span);
                if !filled {
                    return None;
                }
                continue;
            }
            let key = e.span().and_then(|at| {
                table
                    .iter()
                    .find(|(k, val)| val.span().contains(&at.start) || k.span().contains(&at.start))
                    .map(|(k, val)| (k.get_ref().to_string(), val.span()))
            });
            self.report(&e, outer.clone(), what);
            let (key, span) = key.filter(|(k, _)| !bad.iter().any(|(b, _)| b == k))?;
            table.remove(key.as_str());
            bad.push((key, span));
        }
        None
    }

    fn unknown_key(&mut self, k: &Spanned<std::borrow::Cow<'_, str>>, fields: &[&str], what: &str) {
        let expected: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
        let msg = format!(
            "unknown key `{}`, expected one of {}",
            crate::sanitize::clean_line(k.get_ref()),
            expected.join(", ")
        );
        let hint = unknown_key_hint(&msg).unwrap_or_default();
        self.out.push(
            self.src
                .error(k.span(), format!("in {what}: {msg}"))
                .with_hint(hint),
        );
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
        self.keyed(v, "sources", "source")
    }

    /// A table of entries declared by key (`[sources.KEY]`, `[documents.KEY]`).
    fn keyed<T: DeserializeOwned>(
        &mut self,
        v: Value<'_>,
        table: &str,
        what: &str,
    ) -> Vec<(Str, T)> {
        let span = v.span();
        let DeValue::Table(t) = v.into_inner() else {
            self.out.push(
                self.src
                    .error(span, format!("`{table}` must be a table of {what}s"))
                    .with_hint(format!("declare each {what} as `[{table}.KEY]`")),
            );
            return Vec::new();
        };
        t.into_iter()
            .filter_map(|(k, val)| {
                let key = Spanned::new(k.span(), k.get_ref().to_string());
                let named = format!("{what} `{}`", key.get_ref());
                self.de(val, &named).map(|s| (key, s))
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

/// Stands in an empty value for a wrong-typed required field, so the rest of its table can be
/// read: the first of an empty string, list, table or `false` that the field accepts.
fn fill_placeholder<T: DeserializeOwned>(
    table: &mut DeTable<'_>,
    key: &str,
    span: &std::ops::Range<usize>,
    outer: &std::ops::Range<usize>,
) -> bool {
    let candidates = [
        DeValue::String(std::borrow::Cow::Borrowed("")),
        DeValue::Array(Default::default()),
        DeValue::Table(Default::default()),
        DeValue::Boolean(false),
    ];
    for c in candidates {
        let k = Spanned::new(span.clone(), std::borrow::Cow::Owned(key.to_string()));
        table.insert(k, Spanned::new(span.clone(), c));
        let attempt = Spanned::new(outer.clone(), DeValue::Table(table.clone()));
        match T::deserialize(ValueDeserializer::from(attempt)) {
            Ok(_) => return true,
            Err(e) => {
                let about_key = missing_field(e.message()) == Some(key)
                    || e.span()
                        .is_some_and(|at| span.contains(&at.start) || at == *span);
                if !about_key {
                    return true;
                }
            }
        }
    }
    table.remove(key);
    false
}

/// The field a "missing field `x`" message names.
fn missing_field(msg: &str) -> Option<&str> {
    msg.trim()
        .strip_prefix("missing field `")?
        .split('`')
        .next()
}

/// The keys a struct takes, as its `Deserialize` implementation declares them.
fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut fields = None;
    let _ = T::deserialize(FieldProbe(&mut fields));
    fields.unwrap_or(&[])
}

/// A deserializer that only records the field names a struct asks for, then gives up. It
/// keeps the list of known keys in the struct definitions alone.
struct FieldProbe<'a>(&'a mut Option<&'static [&'static str]>);

impl<'de> serde::Deserializer<'de> for FieldProbe<'_> {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(serde::de::Error::custom("field probe"))
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = Some(fields);
        Err(serde::de::Error::custom("field probe"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The file's top-level table, and whether it parsed cleanly. A file with syntax errors
/// gives what the parser recovered, for its declarations only.
fn read_table<'s>(src: &'s SourceText, out: &mut Vec<Diagnostic>) -> (DeTable<'s>, bool) {
    let (table, errors) = DeTable::parse_recoverable(&src.text);
    if errors.is_empty() {
        return (table.into_inner(), true);
    }
    for e in errors {
        // The parser gives up on deep nesting without a position: find the place ourselves.
        let span = e
            .span()
            .or_else(|| deepest_nesting(&src.text).map(|at| at..at + 1))
            .unwrap_or(0..0);
        out.push(
            src.error(span, format!("TOML syntax: {}", e.message().trim()))
                .with_hint("fix the TOML syntax first; other checks run once the file parses"),
        );
    }
    (table.into_inner(), false)
}

/// The byte offset where the file nests deepest: dotted keys of a table header, or brackets
/// and braces of values (outside strings and comments). Used to locate the parser's
/// recursion-limit error, which carries no position. Iterative, so no input overflows it.
fn deepest_nesting(text: &str) -> Option<usize> {
    let (mut best, mut best_at) = (0usize, None);
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut line_start = true;
    let mut header = false;
    let mut comment = false;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if header {
                depth = 0;
            }
            (line_start, header, comment) = (true, false, false);
            continue;
        }
        if comment {
            continue;
        }
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        if line_start && c.is_whitespace() {
            continue;
        }
        if line_start && c == '[' {
            (header, depth) = (true, 1);
        } else if header {
            depth += usize::from(c == '.');
        } else {
            match c {
                '[' | '{' => depth += 1,
                ']' | '}' => depth = depth.saturating_sub(1),
                '"' | '\'' => quote = Some(c),
                '#' => comment = true,
                _ => {}
            }
        }
        line_start = false;
        if depth > best {
            (best, best_at) = (depth, Some(i));
        }
    }
    best_at.filter(|_| best > 1)
}

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

/// serde names the expected keys; turn that into a "did you mean".
fn unknown_key_hint(msg: &str) -> Option<String> {
    let rest = msg.strip_prefix("unknown key `")?;
    let (wrong, expected) = rest.split_once('`')?;
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    suggest(wrong, names.iter().copied())
        .or_else(|| Some(format!("remove `{wrong}` or correct its name")))
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
