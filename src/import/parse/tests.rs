//! Tests of the numbered-draft parser, through [`parse`] on whole texts.

use super::*;

fn ids(p: &Parsed) -> Vec<(&str, Option<&str>)> {
    p.clauses
        .iter()
        .map(|c| (c.id.as_str(), c.parent.as_deref()))
        .collect()
}

#[test]
fn plain_numbers_with_dots_and_parentheses() {
    let p =
        parse("Preamble words.\n\n1. First point.\n2) Second point\ncontinues here.\n(3) Third.");
    assert_eq!(p.preamble, "Preamble words.");
    assert_eq!(ids(&p), [("1", None), ("2", None), ("3", None)]);
    assert_eq!(p.clauses[1].text, "Second point continues here.");
    assert_eq!(p.clauses[2].label, "(3)");
    assert_eq!(p.clauses[0].line, 3);
}

#[test]
fn lettered_sub_points_nest_under_their_point() {
    let p = parse(
        "21. Territory\n21a. Crimea is recognised.\n21(b) The line is frozen.\n22. Next.\n(a) Under 22.\nb) Also under 22.",
    );
    assert_eq!(
        ids(&p),
        [
            ("21", None),
            ("21a", Some("21")),
            ("21b", Some("21")),
            ("22", None),
            ("22a", Some("22")),
            ("22b", Some("22")),
        ]
    );
    assert_eq!(p.clauses[0].title.as_deref(), Some("Territory"));
    assert_eq!(p.clauses[0].text, "Territory");
    assert_eq!(p.clauses[2].label, "21(b)");
}

#[test]
fn roman_sub_points_and_the_letter_i() {
    let p = parse(
        "1. Point.\n(a) Letter.\n(i) First roman.\n(ii) Second roman.\n(b) B.\n(c) C.\n(d) D.\n(e) E.\n(f) F.\n(g) G.\n(h) H.\n(i) The letter i.",
    );
    let got = ids(&p);
    assert_eq!(got[2], ("1a-i", Some("1a")));
    assert_eq!(got[3], ("1a-ii", Some("1a")));
    assert_eq!(got.last().copied(), Some(("1i", Some("1"))));
}

#[test]
fn memorandum_and_article_styles() {
    let p = parse(
        "I. Key terms\nI.5 Caps on forces.\nII.B.3 Arms deliveries stop.\nArticle 3 — The parties agree.\nPoint 12: Elections are held.\n§ 4 A paragraph sign.",
    );
    let got = ids(&p);
    assert_eq!(got[0], ("I", None));
    assert_eq!(got[1], ("I.5", Some("I")));
    assert_eq!(got[2], ("II.B.3", None));
    assert_eq!(p.clauses[3].label, "Article 3");
    assert_eq!(p.clauses[3].id, "3");
    assert_eq!(p.clauses[3].text, "The parties agree.");
    assert_eq!(
        (p.clauses[4].id.as_str(), p.clauses[4].text.as_str()),
        ("12", "Elections are held.")
    );
    assert_eq!(p.clauses[5].label, "§ 4");
}

#[test]
fn markdown_headings_bold_titles_and_nested_lists() {
    let md = "# A draft\n\n## 1. Security guarantees\nThe guarantees are binding.\n\n2. **Elections.** Held within 100 days.\n\n3. Humanitarian steps:\n   1. Prisoners are exchanged.\n   2. Children return.\n- 4. A bulleted point.";
    let p = parse(md);
    assert_eq!(p.preamble, "A draft");
    assert_eq!(p.clauses[0].title.as_deref(), Some("Security guarantees"));
    assert_eq!(p.clauses[0].text, "The guarantees are binding.");
    assert_eq!(p.clauses[1].title.as_deref(), Some("Elections"));
    assert_eq!(p.clauses[1].text, "Held within 100 days.");
    assert_eq!(
        ids(&p)[2..],
        [
            ("3", None),
            ("3.1", Some("3")),
            ("3.2", Some("3")),
            ("4", None)
        ]
    );
}

#[test]
fn footnotes_stay_out_of_the_text_and_go_to_their_clause() {
    let p = parse(
        "1. The line of contact[1] is frozen.\n2. Elections.^2 Soon.\n\n[1] As of 1 May.\n^2 Under OSCE watch.",
    );
    assert_eq!(p.clauses.len(), 2);
    assert_eq!(p.clauses[0].footnotes, ["1: As of 1 May."]);
    assert_eq!(p.clauses[1].footnotes, ["2: Under OSCE watch."]);
}

#[test]
fn long_texts_keep_their_numbering_past_ten_thousand() {
    let p = parse("9999. Nearly.\n10000. The ten-thousandth point.\n10001) And one more.");
    let got: Vec<&str> = p.clauses.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(got, ["9999", "10000", "10001"]);
}

#[test]
fn prose_numbers_are_not_points() {
    let p = parse("1. A council of 12 members.\n600,000 troops is the cap\n2025 was the year.");
    assert_eq!(p.clauses.len(), 1);
    assert!(p.clauses[0].text.contains("600,000 troops"));
}
