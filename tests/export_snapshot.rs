//! The export of the pair the app opens on, 28-pt against 19-pt, as a reviewed snapshot: a
//! change to how the export reads, or to the data, shows up here as a diff to look at.

use peacediff::export::{self, ExportOptions};

#[test]
fn markdown_of_28pt_against_19pt() {
    let corpus = peacediff::load::load_bundled()
        .expect("bundled corpus")
        .corpus;
    let (a, b) = export::default_pair(&corpus).expect("the default pair");
    insta::assert_snapshot!(
        "28pt_vs_19pt_md",
        export::export_markdown(&corpus, a, b, &ExportOptions::default())
    );
}

#[test]
fn markdown_of_changes_touching_ukraine_on_territory() {
    let corpus = peacediff::load::load_bundled()
        .expect("bundled corpus")
        .corpus;
    let (a, b) = export::default_pair(&corpus).expect("the default pair");
    let opts = ExportOptions {
        changes_only: true,
        topic: Some("territory".into()),
        party: Some("ua".into()),
    };
    insta::assert_snapshot!(
        "28pt_vs_19pt_territory_ua_md",
        export::export_markdown(&corpus, a, b, &opts)
    );
}
