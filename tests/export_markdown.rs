//! The Markdown export read back with a real GFM parser: the document's structure, the word
//! diff's marks, and hostile clause texts that must stay inside their paragraph or cell.

mod common;

use common::*;
use comrak::Arena;
use comrak::nodes::{AstNode, NodeValue};
use peacediff::diff::{SegmentKind, word_diff};
use peacediff::export::escape::{self, Breaks, Inline};
use peacediff::export::report::{DiffSegment, Report};
use peacediff::export::{ExportOptions, build, markdown, marked};
use peacediff::model::{Certainty, ClauseStatus, Corpus, Effect, Firmness, Source};
use peacediff::sanitize::clean_text;
use peacediff::testing;
use proptest::prelude::*;

const SECTIONS: [&str; 5] = [
    "Summary",
    "Red lines",
    "Legend",
    "Clause by clause",
    "Sources",
];

/// Pieces that Markdown treats specially, mixed with words, to build hostile strings from.
fn hostile_piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "word",
        "Я",
        "600,000",
        " ",
        " ",
        "\n",
        "\n\n",
        "*",
        "**",
        "_",
        "~",
        "~~",
        "`",
        "```",
        "<",
        ">",
        "<b>",
        "</b>",
        "<!--",
        "[",
        "]",
        "(",
        ")",
        "[^1]",
        "|",
        "#",
        "## ",
        "$",
        "&",
        "&amp;",
        "&#35;",
        "\\",
        "-",
        "- ",
        "+ ",
        "=",
        "===",
        "---",
        "1. ",
        "2) ",
        "!",
        ":",
        "www.example.org",
        "http://x.y/z",
        "—",
        "\u{a0}",
        "\t",
        "> ",
        "    ",
        ".",
        ",",
    ])
}

fn hostile_string() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_piece(), 0..30).prop_map(|v| v.concat())
}

/// Checks one rendered diff paragraph: the text outside `**` is the old text, the text
/// outside `~~` the new one, and no mark is empty or nested in the other.
fn assert_diff_paragraph<'a>(para: &'a AstNode<'a>, old: &str, new: &str) {
    assert_diff_paragraph_with(para, old, new, norm)
}

/// As [`assert_diff_paragraph`], comparing texts through `view`.
fn assert_diff_paragraph_with<'a>(
    para: &'a AstNode<'a>,
    old: &str,
    new: &str,
    view: fn(&str) -> String,
) {
    let is_strike = |v: &NodeValue| matches!(v, NodeValue::Strikethrough);
    let is_strong = |v: &NodeValue| matches!(v, NodeValue::Strong);
    let mut got_old = String::new();
    collect(para, &mut got_old, &|n| !within(n, &is_strong));
    let mut got_new = String::new();
    collect(para, &mut got_new, &|n| !within(n, &is_strike));
    assert_eq!(
        view(&got_old),
        view(&clean_text(old)),
        "old side of {old:?} → {new:?}"
    );
    assert_eq!(
        view(&got_new),
        view(&clean_text(new)),
        "new side of {old:?} → {new:?}"
    );
    for mark in find(para, |v| is_strike(v) || is_strong(v)) {
        assert!(!text(mark).trim().is_empty(), "an empty mark");
        let parent = mark.parent().expect("a mark has a parent");
        assert!(
            !within(parent, &|v| is_strike(v) || is_strong(v)),
            "marks nested in {old:?} → {new:?}"
        );
    }
}

fn only_paragraph<'a>(root: &'a AstNode<'a>) -> &'a AstNode<'a> {
    let blocks: Vec<_> = root.children().collect();
    assert_eq!(blocks.len(), 1, "one block");
    assert!(matches!(
        blocks[0].data.borrow().value,
        NodeValue::Paragraph
    ));
    blocks[0]
}

proptest! {
    #![proptest_config(common::proptest_config(300))]

    #[test]
    fn escaped_paragraphs_stay_one_paragraph_with_the_same_text(s in hostile_string()) {
        let arena = Arena::new();
        let root = parse_without_autolinks(&arena, &escape::para(&s, 0));
        if norm(&clean_text(&s)).is_empty() {
            return Ok(());
        }
        let p = only_paragraph(root);
        prop_assert_eq!(norm(&text(p)), norm(&clean_text(&s)));
        prop_assert!(find(p, |v| matches!(v, NodeValue::HtmlInline(_) | NodeValue::Emph
            | NodeValue::Strong | NodeValue::Strikethrough | NodeValue::Code(_)
            | NodeValue::FootnoteReference(_) | NodeValue::Image(_))).is_empty());
    }

    #[test]
    fn escaped_cells_stay_in_their_cell(s in hostile_string(), t in hostile_string()) {
        let md = format!("| a | b |\n| --- | --- |\n| {} | {} |\n", escape::cell(&s), escape::cell(&t));
        let arena = Arena::new();
        let root = parse_without_autolinks(&arena, &md);
        let tables = children(root, |v| matches!(v, NodeValue::Table(_)));
        prop_assert_eq!(tables.len(), 1);
        prop_assert_eq!(root.children().count(), 1);
        let cells = table_cells(tables[0]);
        prop_assert_eq!(cells.len(), 2);
        prop_assert_eq!(norm(&cells[1][0]), norm(&clean_text(&s)));
        prop_assert_eq!(norm(&cells[1][1]), norm(&clean_text(&t)));
    }

    #[test]
    fn escaped_headings_stay_one_heading(s in hostile_string()) {
        let arena = Arena::new();
        let root = parse_without_autolinks(&arena, &format!("### {}\n", escape::line(&s)));
        prop_assert_eq!(root.children().count(), 1);
        let h = root.first_child().unwrap();
        prop_assert_eq!(heading_level(&h.data.borrow().value), Some(3));
        prop_assert_eq!(norm(&text(h)), norm(&clean_text(&s)));
    }

    #[test]
    fn diff_marks_sit_where_the_diff_says(old in hostile_string(), new in hostile_string()) {
        let mut w = Inline::new(Breaks::Hard(0));
        marked::write(&word_diff(&old, &new), &mut w);
        let md = w.finish();
        if md.trim().is_empty() {
            return Ok(());
        }
        let arena = Arena::new();
        let root = parse_without_autolinks(&arena, &md);
        // A change of whitespace alone is shown in its new form on both sides, so compare
        // the visible characters; the tests on real sentences compare words too.
        let visible = |s: &str| s.split_whitespace().collect::<String>();
        assert_diff_paragraph_with(only_paragraph(root), &old, &new, visible);
    }
}

#[test]
fn punctuation_next_to_changes_still_renders_marks() {
    let cases = [
        ("forces (600,000).", "forces (800,000)."),
        ("the \"army\" is capped", "the 'army' is capped"),
        ("in 100 days;", "in 60 days:"),
        ("a—b", "a–b"),
        ("Ukraine's army", "Ukraine army"),
    ];
    for (old, new) in cases {
        let mut w = Inline::new(Breaks::Hard(0));
        marked::write(&word_diff(old, new), &mut w);
        let md = w.finish();
        let arena = Arena::new();
        let root = parse(&arena, &md);
        let p = only_paragraph(root);
        assert!(
            !find(p, |v| matches!(v, NodeValue::Strikethrough)).is_empty(),
            "{md}"
        );
        assert!(
            !find(p, |v| matches!(v, NodeValue::Strong)).is_empty(),
            "{md}"
        );
        assert_diff_paragraph(p, old, new);
    }
}

fn bundled() -> Corpus {
    peacediff::load::load_bundled()
        .expect("the bundled corpus loads")
        .corpus
}

/// Asserts the document's overall shape against the report it was rendered from, and that
/// every clause text and diff reads back whole. Returns the number of tables seen.
fn assert_document(report: &Report, md: &str) {
    let arena = Arena::new();
    let root = parse(&arena, md);
    assert_eq!(
        find(root, |v| heading_level(v) == Some(1)).len(),
        1,
        "one title"
    );
    assert_eq!(h2s(root), SECTIONS);
    let h3: Vec<_> = children(root, |v| heading_level(v) == Some(3));
    assert_eq!(h3.len(), report.rows.len(), "one heading per row");
    assert!(find(root, |v| heading_level(v).is_some_and(|l| l > 3)).is_empty());

    // Nothing from the data became a block or raw HTML of its own.
    let stray = find(root, |v| match v {
        NodeValue::HtmlBlock(_)
        | NodeValue::CodeBlock(_)
        | NodeValue::BlockQuote
        | NodeValue::ThematicBreak
        | NodeValue::Image(_) => true,
        NodeValue::HtmlInline(h) => h != "<br>",
        NodeValue::Link(l) => !(l.url.starts_with("http://") || l.url.starts_with("https://")),
        _ => false,
    });
    assert!(
        stray.is_empty(),
        "stray nodes: {:?}",
        stray
            .iter()
            .map(|n| format!("{:?}", n.data.borrow().value))
            .collect::<Vec<_>>()
    );

    // Four tables: header, summary, scoreboard, legend; each row as wide as its header.
    let tables = find(root, |v| matches!(v, NodeValue::Table(_)));
    assert_eq!(tables.len(), 4);
    let widths = [3, 3, 4, 2];
    for (t, w) in tables.iter().zip(widths) {
        for row in table_cells(t) {
            assert_eq!(row.len(), w, "{row:?}");
        }
    }
    let header = table_cells(tables[0]);
    let has_base = report.left.base.is_some() || report.right.base.is_some();
    // Heading row, then draft, title, date, status, proposers, [base,] sources.
    assert_eq!(header.len(), 1 + 6 + usize::from(has_base));
    // Classes (nine, adding up to the rows) then flags (three, counted across them).
    let (classes, flags) = report.summary.counts.split_at(9);
    let always = ["unchanged", "bracketed", "revised", "dropped", "added"];
    let shown_classes = classes
        .iter()
        .filter(|k| k.count > 0 || always.contains(&k.kind.as_str()))
        .count();
    let shown_flags = flags.iter().filter(|k| k.count > 0).count();
    assert_eq!(
        table_cells(tables[1]).len(),
        1 + shown_classes + 1 + shown_flags
    );
    assert_eq!(
        classes.iter().map(|k| k.count).sum::<usize>(),
        report.summary.rows_matching,
        "the classes add up to the rows"
    );
    // Heading row, nine row classes, two flags, six standings, two diff marks, certainty.
    assert_eq!(table_cells(tables[3]).len(), 1 + 9 + 2 + 6 + 2 + 1);
    assert_eq!(norm(&header[2][1]), norm(&clean_text(&report.left.title)));
    assert_eq!(norm(&header[2][2]), norm(&clean_text(&report.right.title)));
    assert_eq!(table_cells(tables[2]).len(), 1 + report.red_lines.len());
    let summary = table_cells(tables[1]);
    let all = summary.iter().find(|r| r[0] == "All").expect("a total row");
    assert_eq!(all[2], report.summary.rows_matching.to_string());

    // Every row: its text, or its diff, reads back exactly.
    for (row, h) in report.rows.iter().zip(&h3) {
        assert!(text(h).starts_with(&row.mark), "{}", text(h));
        for c in row.left.iter().chain(&row.right) {
            assert!(
                norm(&text(h)).contains(&norm(&clean_text(&c.title))),
                "title in {}",
                text(h)
            );
        }
        let body = h
            .next_sibling()
            .and_then(|m| m.next_sibling())
            .expect("a body");
        match &row.diff {
            Some(segments) => {
                let side = |skip: &str| -> String {
                    segments
                        .iter()
                        .filter(|s| s.kind != skip)
                        .map(|s| s.text.as_str())
                        .collect()
                };
                // Visible characters: hostile texts change whitespace alone ("||" → "| |").
                let visible = |s: &str| s.split_whitespace().collect::<String>();
                assert_diff_paragraph_with(body, &side("added"), &side("removed"), visible);
            }
            None => {
                let first = row.left.first().or(row.right.first()).expect("a clause");
                assert!(norm(&text(body)).ends_with(&norm(&clean_text(&first.text))));
            }
        }
    }
    let notes = find(root, |v| matches!(v, NodeValue::FootnoteDefinition(_)));
    assert_eq!(notes.len(), report.sources.len());
    // Every source is referenced, and every reference found its definition.
    let mut names: Vec<String> = find(root, |v| matches!(v, NodeValue::FootnoteReference(_)))
        .iter()
        .filter_map(|n| match &n.data.borrow().value {
            NodeValue::FootnoteReference(r) => Some(r.name.clone()),
            _ => None,
        })
        .collect();
    names.sort_by_key(|n| n.parse::<usize>().unwrap_or(0));
    names.dedup();
    let expected: Vec<String> = (1..=report.sources.len()).map(|n| n.to_string()).collect();
    assert_eq!(names, expected);
}

#[test]
fn the_default_comparison_has_the_documented_structure() {
    let corpus = bundled();
    let (a, b) = peacediff::export::default_pair(&corpus).expect("the default pair exists");
    let report = build::build(&corpus, a, b, &ExportOptions::default());
    assert_eq!(report.left.id, "us-28");
    assert_eq!(report.right.id, "geneva-19");
    assert_document(&report, &markdown::render(&report));
}

#[test]
fn every_pair_of_bundled_drafts_exports_a_sound_document() {
    let corpus = bundled();
    for a in &corpus.plans {
        for b in corpus.plans.iter().filter(|b| b.id != a.id) {
            let report = build::build(&corpus, a, b, &ExportOptions::default());
            let md = markdown::render(&report);
            assert_document(&report, &md);
            assert!(
                md.ends_with('\n') && !md.ends_with("\n\n"),
                "{} vs {}",
                a.id,
                b.id
            );
        }
    }
}

#[test]
fn filters_narrow_the_rows_and_are_named_in_the_header() {
    let corpus = bundled();
    let (a, b) = peacediff::export::default_pair(&corpus).expect("the default pair exists");
    let all = build::build(&corpus, a, b, &ExportOptions::default());
    let opts = ExportOptions {
        changes_only: true,
        topic: Some("territory".into()),
        party: Some("UA".into()),
    };
    let report = build::build(&corpus, a, b, &opts);
    assert!(report.rows.len() < all.rows.len());
    for row in &report.rows {
        assert!(
            row.class != "unchanged" || row.moved || row.disputed,
            "changes only: a bracketed or unreported row is not unchanged"
        );
        let clauses = || row.left.iter().chain(&row.right);
        assert!(clauses().any(|c| c.topics.iter().any(|t| t == "territory")));
        assert!(clauses().any(|c| c.assessments.iter().any(|x| x.party == "ua")));
    }
    assert_eq!(report.red_lines.len(), 1, "only Ukraine's scoreboard");
    let md = markdown::render(&report);
    assert_document(&report, &md);
    let filters = md
        .lines()
        .find(|l| l.starts_with("**Filters:**"))
        .expect("a filters line");
    assert!(filters.contains("topic Territory"), "{filters}");
    assert!(filters.contains("party Ukraine"), "{filters}");
    assert!(filters.contains("changes only"), "{filters}");
}

const HOSTILE_TEXTS: [&str; 7] = [
    "Pipes | in | text || and \\| escaped | | end|",
    "Back`ticks` and ```fences```\n```\nfn main() {}\n```\n~~~\nmore\n~~~",
    "<script>alert('x')</script> <b>bold</b> <!-- comment --> &amp; &#x41; <https://evil.example>",
    "# Heading\n## Another\n> quote\n- list\n+ plus\n1. ordered\n2) other\n---\n===\n    indented code\n\n\n[^1]: a footnote",
    "**not bold** __not__ ~~not struck~~ _x_ *y* [link](javascript:alert(1)) ![img](x.png) [^1] $x^2$ trailing\\",
    "| a | b |\n| --- | --- |\n| c | d |",
    "",
];

fn hostile_corpus() -> Corpus {
    let long = format!("{}{}", "word ".repeat(400), "x".repeat(3000));
    let mut texts: Vec<String> = HOSTILE_TEXTS.iter().map(|s| s.to_string()).collect();
    texts[6] = long;
    let mut left = Vec::new();
    let mut right = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let mut c = testing::clause(&format!("{}|`<", i + 1), t, &["topic|x"]);
        c.title = format!("Title {i} | with `code` # and <b>html</b>\nand a break");
        c.note = Some(format!("Note | {t}"));
        c.certainty = Certainty::Inferred;
        c.certainty_note = Some(format!(" *{t}* "));
        c.status = Some(ClauseStatus::Bracketed);
        c.assessments = vec![testing::assess("p", Effect::Crosses, "p-line")];
        left.push(c.clone());
        let mut d = c;
        d.text = format!("{t} *changed*");
        d.assessments = vec![testing::assess("p", Effect::Meets, "p-line")];
        right.push(d);
    }
    let sources = vec![
        Source {
            key: "S1".into(),
            outlet: "Evil | outlet **x**".into(),
            title: "<script>alert(1)</script> [link](javascript:x)".into(),
            date: None,
            url: Some("javascript:alert(1)".into()),
            note: Some("note\n# heading".into()),
        },
        Source {
            key: "S2".into(),
            outlet: "Fine".into(),
            title: "A > B".into(),
            date: None,
            url: Some("https://example.org/a b>c".into()),
            note: None,
        },
    ];
    let mut a = testing::plan("a|<b>", (2025, 1, 1), left);
    a.title = "Draft A | `code` <i>x</i>\n# not a heading".into();
    a.summary = "Summary\n> quote\n| pipe |".into();
    a.sources = sources.clone();
    a.main_sources = vec!["S1".into(), "S2".into()];
    let mut b = testing::plan("b*", (2025, 2, 1), right);
    b.title = "Draft B ~~x~~".into();
    b.short = " b* ".into();
    b.sources = sources;
    b.main_sources = vec!["S2".into()];
    let mut party = testing::party(
        "p",
        "Evil | Party **x**",
        &[("p-line", Firmness::HardDeclared)],
    );
    party.red_lines[0].title = "Line | with <html> and `code`".into();
    testing::corpus(vec![party], vec![a, b])
}

#[test]
fn hostile_texts_cannot_break_the_document() {
    let corpus = hostile_corpus();
    let (a, b) = (&corpus.plans[0], &corpus.plans[1]);
    let mut report = build::build(&corpus, a, b, &ExportOptions::default());
    // Give some rows a diff of hostile texts, whatever the aligner made of them.
    for (i, row) in report.rows.iter_mut().enumerate() {
        let (old, new) = (HOSTILE_TEXTS[i % 6], HOSTILE_TEXTS[(i + 1) % 6]);
        row.diff = Some(
            word_diff(old, new)
                .segments
                .into_iter()
                .map(|s| DiffSegment {
                    kind: match s.kind {
                        SegmentKind::Equal => "equal",
                        SegmentKind::Removed => "removed",
                        SegmentKind::Added => "added",
                    }
                    .into(),
                    text: s.text,
                })
                .collect(),
        );
    }
    let md = markdown::render(&report);
    assert_document(&report, &md);
    let arena = Arena::new();
    let root = parse(&arena, &md);
    let links = find(root, |v| matches!(v, NodeValue::Link(_)));
    assert!(links.iter().all(|l| match &l.data.borrow().value {
        NodeValue::Link(l) =>
            l.url.starts_with("https://example.org/a%20b%3Ec")
                || l.url.starts_with("http://x.y")
                || l.url.starts_with("https://evil.example"),
        _ => false,
    }));
    // The rows' red-line changes name the party's line, which reads back as written.
    let items = find(root, |v| matches!(v, NodeValue::Item(_)));
    let named = items
        .iter()
        .filter(|i| {
            text(i).contains("✗ crosses → ") && text(i).contains("Line | with <html> and `code`")
        })
        .count();
    assert!(named >= HOSTILE_TEXTS.len(), "{named} items name the line");
    // The exporter's own emphasis survives data with spaces and asterisks at its edges.
    let emph = find(root, |v| matches!(v, NodeValue::Emph));
    let how_b = emph
        .iter()
        .filter(|e| text(e) == format!("How b* {}|`< is known:", 1))
        .count();
    assert_eq!(how_b, 1, "an emphasised lead-in for B's first clause");
    let strong = find(root, |v| matches!(v, NodeValue::Strong));
    assert!(
        strong.iter().any(|e| text(e) == "B, b*."),
        "B's summary lead-in is bold"
    );
}

#[test]
fn an_export_without_rows_says_so() {
    let corpus = bundled();
    let (a, b) = peacediff::export::default_pair(&corpus).unwrap();
    let opts = ExportOptions {
        topic: Some("no-such-topic".into()),
        ..ExportOptions::default()
    };
    let report = build::build(&corpus, a, b, &opts);
    assert!(report.rows.is_empty());
    let md = markdown::render(&report);
    assert!(md.contains("No rows match the filters."));
    assert_document(&report, &md);
}
