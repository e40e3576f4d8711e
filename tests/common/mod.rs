//! Helpers shared by the integration tests: seeded property tests, and reading exported
//! Markdown back with a real GFM parser (comrak), for structural assertions.
#![allow(dead_code)]

#[path = "../../src/proptest_seed.rs"]
mod proptest_seed;
/// The seeded proptest configuration every property test uses (see src/proptest_seed.rs).
#[allow(unused_imports)] // not every test file has a property test
pub use proptest_seed::config as proptest_config;

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, Options, parse_document};

/// GitHub's dialect: tables, strikethrough, autolinks, task lists and footnotes.
pub fn gfm() -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    o.extension.tasklist = true;
    o.extension.footnotes = true;
    o
}

pub fn parse<'a>(arena: &'a Arena<'a>, md: &str) -> &'a AstNode<'a> {
    parse_document(arena, md, &gfm())
}

/// GFM without the extended autolinks (bare `www.` and `http://` words). comrak finds those in
/// the source text and keeps a backslash escape that follows them inside the link, where
/// cmark-gfm (GitHub) finds them after escapes are resolved; for comparing texts exactly, the
/// escaping tests parse without them. Links never change a document's structure.
pub fn parse_without_autolinks<'a>(arena: &'a Arena<'a>, md: &str) -> &'a AstNode<'a> {
    let mut o = gfm();
    o.extension.autolink = false;
    parse_document(arena, md, &o)
}

/// The text a reader sees: text, code and link text, with line breaks (hard, soft and `<br>`)
/// as `\n`.
pub fn text<'a>(node: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    collect(node, &mut out, &|_| true);
    out
}

/// Like [`text`], keeping only what `keep` accepts, judged on each inline's ancestors.
pub fn collect<'a>(
    node: &'a AstNode<'a>,
    out: &mut String,
    keep: &dyn Fn(&'a AstNode<'a>) -> bool,
) {
    for d in node.descendants() {
        let piece = match &d.data.borrow().value {
            NodeValue::Text(t) => t.to_string(),
            NodeValue::Code(c) => c.literal.clone(),
            NodeValue::SoftBreak | NodeValue::LineBreak => "\n".to_string(),
            NodeValue::HtmlInline(h) if h == "<br>" => "\n".to_string(),
            _ => continue,
        };
        if keep(d) {
            out.push_str(&piece);
        }
    }
}

/// Whether `node` has an ancestor (or is itself) matching `pred`.
pub fn within<'a>(node: &'a AstNode<'a>, pred: &dyn Fn(&NodeValue) -> bool) -> bool {
    node.ancestors().any(|a| pred(&a.data.borrow().value))
}

/// Whitespace runs as one space, trimmed: Markdown does not keep more.
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Direct children matching `pred`.
pub fn children<'a>(
    node: &'a AstNode<'a>,
    pred: impl Fn(&NodeValue) -> bool,
) -> Vec<&'a AstNode<'a>> {
    node.children()
        .filter(|c| pred(&c.data.borrow().value))
        .collect()
}

/// All descendants matching `pred`.
pub fn find<'a>(node: &'a AstNode<'a>, pred: impl Fn(&NodeValue) -> bool) -> Vec<&'a AstNode<'a>> {
    node.descendants()
        .filter(|c| pred(&c.data.borrow().value))
        .collect()
}

pub fn heading_level(v: &NodeValue) -> Option<u8> {
    match v {
        NodeValue::Heading(h) => Some(h.level),
        _ => None,
    }
}

/// A table's rows, each as its cells' texts.
pub fn table_cells<'a>(table: &'a AstNode<'a>) -> Vec<Vec<String>> {
    table
        .children()
        .map(|row| row.children().map(|cell| text(cell)).collect())
        .collect()
}

/// The `<h2>` headings' texts in order.
pub fn h2s<'a>(root: &'a AstNode<'a>) -> Vec<String> {
    children(root, |v| heading_level(v) == Some(2))
        .into_iter()
        .map(|h| text(h))
        .collect()
}

/// The block that follows the heading whose text starts with `title`, up to the next heading
/// of level 2 or less.
pub fn section<'a>(root: &'a AstNode<'a>, title: &str) -> Vec<&'a AstNode<'a>> {
    let mut out = Vec::new();
    let mut inside = false;
    for c in root.children() {
        let level = heading_level(&c.data.borrow().value);
        if let Some(l) = level {
            if inside && l <= 2 {
                break;
            }
            if l <= 2 && text(c).starts_with(title) {
                inside = true;
                continue;
            }
        }
        if inside {
            out.push(c);
        }
    }
    out
}

/// The strength flags of a revised clause, with `names` as the declared guarantors (alias
/// groups as `"United States|US"`).
pub fn strength_flags(
    names: &[&str],
    old: &str,
    new: &str,
) -> Vec<peacediff::strength::StrengthFlag> {
    peacediff::strength::strength_flags_with(names, &peacediff::diff::word_diff(old, new))
}

/// The one flag of `kind` the revision raises; fails, listing every flag, unless there is
/// exactly one.
pub fn only_flag(
    names: &[&str],
    old: &str,
    new: &str,
    kind: peacediff::strength::FlagKind,
) -> peacediff::strength::StrengthFlag {
    let all = strength_flags(names, old, new);
    let of_kind: Vec<_> = all.iter().filter(|f| f.kind == kind).collect();
    assert_eq!(of_kind.len(), 1, "{old} → {new}: {all:#?}");
    of_kind[0].clone()
}

/// Owned strings, to compare with a flag's evidence.
pub fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}
