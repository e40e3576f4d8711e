//! The JSON export: the [`Report`] serialised with serde, pretty-printed. The schema is
//! documented field by field in docs/json.md and checked against it by the tests.

use super::report::Report;

/// The report as pretty-printed JSON, ending in a newline.
pub fn render(report: &Report) -> String {
    // Plain structs with string keys: serialising them cannot fail.
    let mut out = serde_json::to_string_pretty(report).expect("a report always serialises");
    out.push('\n');
    out
}

/// Reads an export back.
pub fn parse(text: &str) -> Result<Report, serde_json::Error> {
    serde_json::from_str(text)
}
