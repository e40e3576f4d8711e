//! `peacediff check [DIR]`: validate a folder and report every problem at once.

use super::{CliError, Format, Outcome, diagnostics_report, load_corpus, to_json};
use peacediff::diagnostic::{Diagnostic, Severity};
use peacediff::load::{CachePolicy, LoadError};
use serde::Serialize;
use std::path::Path;

/// `check --format json`: the verdict, every diagnostic, and what loaded.
#[derive(Serialize)]
struct Report<'a> {
    ok: bool,
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
    /// Drafts, clauses, parties, red lines and topics loaded (absent when loading failed).
    loaded: Option<Loaded>,
}

#[derive(Serialize)]
struct Loaded {
    drafts: usize,
    clauses: usize,
    parties: usize,
    red_lines: usize,
    topics: usize,
}

fn json(
    diagnostics: &[Diagnostic],
    loaded: Option<Loaded>,
    out: &mut String,
) -> Result<(), CliError> {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    to_json(
        &Report {
            ok: errors == 0 && loaded.is_some(),
            errors,
            warnings: diagnostics.len() - errors,
            diagnostics,
            loaded,
        },
        out,
    )
}

pub fn run(
    dir: Option<&Path>,
    cache: &CachePolicy,
    format: Format,
    out: &mut String,
) -> Result<Outcome, CliError> {
    let shown = dir.map_or_else(|| "bundled plans".to_string(), peacediff::sanitize::path);
    match load_corpus(dir, cache) {
        Ok(loaded) if format == Format::Json => {
            let c = &loaded.corpus;
            let summary = Loaded {
                drafts: c.plans.len(),
                clauses: c.plans.iter().map(|p| p.clauses.len()).sum(),
                parties: c.parties.len(),
                red_lines: c.parties.iter().map(|p| p.red_lines.len()).sum(),
                topics: c.topics.len(),
            };
            json(&loaded.warnings, Some(summary), out)?;
            Ok(Outcome::Ok)
        }
        Err(LoadError::Invalid { diagnostics }) if format == Format::Json => {
            json(&diagnostics, None, out)?;
            Ok(Outcome::DataErrors)
        }
        Ok(loaded) => {
            if !loaded.warnings.is_empty() {
                out.push_str(&diagnostics_report(&loaded.warnings));
            }
            let c = &loaded.corpus;
            let clauses: usize = c.plans.iter().map(|p| p.clauses.len()).sum();
            let red_lines: usize = c.parties.iter().map(|p| p.red_lines.len()).sum();
            out.push_str(&format!(
                "{shown}: ok — {} drafts, {clauses} clauses, {} parties, {red_lines} red lines, {} topics\n",
                c.plans.len(),
                c.parties.len(),
                c.topics.len()
            ));
            Ok(Outcome::Ok)
        }
        Err(LoadError::Invalid { diagnostics }) => {
            out.push_str(&diagnostics_report(&diagnostics));
            Ok(Outcome::DataErrors)
        }
        Err(e) => Err(e.into()),
    }
}
