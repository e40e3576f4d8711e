//! `peacediff check [DIR]`: validate a folder and report every problem at once.

use super::{CliError, Outcome, diagnostics_report, load_corpus};
use peacediff::load::{CachePolicy, LoadError};
use std::path::Path;

pub fn run(dir: Option<&Path>, cache: &CachePolicy, out: &mut String) -> Result<Outcome, CliError> {
    let shown = dir.map_or_else(|| "bundled plans".to_string(), peacediff::sanitize::path);
    match load_corpus(dir, cache) {
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
