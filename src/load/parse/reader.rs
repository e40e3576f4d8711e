//! The reader that turns TOML values into raw structs one table at a time, reporting every
//! problem in a table that does not fit (unknown keys, wrong-typed values) with its place,
//! and standing in placeholders so the rest of the table is still checked.
//!
//! Apart from the per-file entry points in [`super`] because this is the general machinery
//! they all share; those only say which top-level key becomes which raw struct.

use super::{Poisoned, Value};
use crate::diagnostic::{Diagnostic, SourceText, one_of, suggest};
use crate::load::raw::*;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

pub(super) struct Reader<'s> {
    pub(super) src: &'s SourceText,
    pub(super) out: &'s mut Vec<Diagnostic>,
    pub(super) poisoned: Poisoned,
}

impl<'s> Reader<'s> {
    pub(super) fn new(src: &'s SourceText, out: &'s mut Vec<Diagnostic>) -> Reader<'s> {
        Reader {
            src,
            out,
            poisoned: Vec::new(),
        }
    }

    /// Deserialises one table, consuming it. The fast path reads it at once; only a table
    /// with a problem is read again field by field ([`Reader::salvage`]), so that every
    /// problem in it is reported and the rest of it still checked.
    pub(super) fn de<T: DeserializeOwned>(&mut self, v: Value<'_>, what: &str) -> Option<T> {
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

    pub(super) fn array<T: DeserializeOwned>(&mut self, v: Value<'_>, what: &str) -> Vec<T> {
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
    pub(super) fn parties(&mut self, v: Value<'_>) -> Vec<(RawParty, Vec<RawRedLine>)> {
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

    pub(super) fn sources(&mut self, v: Value<'_>) -> Vec<(Str, RawSource)> {
        self.keyed(v, "sources", "source")
    }

    /// A table of entries declared by key (`[sources.KEY]`, `[documents.KEY]`).
    pub(super) fn keyed<T: DeserializeOwned>(
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

    pub(super) fn unknown_top(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        allowed: &[&str],
    ) {
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

/// serde names the expected keys; turn that into a "did you mean".
fn unknown_key_hint(msg: &str) -> Option<String> {
    let rest = msg.strip_prefix("unknown key `")?;
    let (wrong, expected) = rest.split_once('`')?;
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    suggest(wrong, names.iter().copied())
        .or_else(|| Some(format!("remove `{wrong}` or correct its name")))
}
