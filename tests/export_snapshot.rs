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

/// docs/example-28pt-vs-19pt.md is that export as the tool writes it, so the example the docs
/// point to cannot drift from the program. `PEACEDIFF_BLESS=1 cargo test --test export_snapshot`
/// rewrites it.
#[test]
fn the_example_in_the_docs_is_the_export() {
    let corpus = peacediff::load::load_bundled()
        .expect("bundled corpus")
        .corpus;
    let (a, b) = export::default_pair(&corpus).expect("the default pair");
    let md = export::export_markdown(&corpus, a, b, &ExportOptions::default());
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/example-28pt-vs-19pt.md");
    if std::env::var_os("PEACEDIFF_BLESS").is_some() {
        std::fs::write(path, &md).unwrap();
    }
    let on_disk = std::fs::read_to_string(path).unwrap();
    assert!(
        on_disk == md,
        "docs/example-28pt-vs-19pt.md differs from the export; run PEACEDIFF_BLESS=1 cargo test \
         --test export_snapshot and read the diff"
    );
}
