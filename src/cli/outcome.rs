//! How a command ends: its outcome, mapped to the exit code by `main`, or the error printed
//! once at the edge, with every diagnostic when the data has problems.

use peacediff::diagnostic::Diagnostic;
use peacediff::load::LoadError;

/// How a command ended, mapped to the exit code by `main`.
#[derive(Debug)]
pub enum Outcome {
    Ok,
    /// The data has problems (exit 1).
    DataErrors,
    /// `diff --exit-code` found differences (exit 1, as `git diff --exit-code`).
    Differences,
}

/// Errors that end a command: printed once, at the edge.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Io(String),
    /// The config file has problems, each located in it.
    #[error("the config file has problems")]
    Config(Vec<Diagnostic>),
}

impl CliError {
    /// 1 for problems in the data, 2 for usage and I/O.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Load(LoadError::Invalid { .. }) => 1,
            _ => 2,
        }
    }

    /// Everything worth telling, ready to print to stderr.
    pub fn report(&self) -> String {
        match self {
            CliError::Load(LoadError::Invalid { diagnostics }) => diagnostics_report(diagnostics),
            CliError::Config(diagnostics) => format!(
                "{}peacediff: fix the config file, or run with PEACEDIFF_CONFIG= (empty) to \
                 leave it out",
                diagnostics_report(diagnostics)
            ),
            other => format!("peacediff: {other}"),
        }
    }
}

pub fn diagnostics_report(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&d.to_string());
        out.push_str("\n\n");
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == peacediff::diagnostic::Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    let files: std::collections::BTreeSet<&str> =
        diagnostics.iter().map(|d| d.file.as_str()).collect();
    out.push_str(&format!(
        "{errors} error(s) and {warnings} warning(s) in {} file(s)\n",
        files.len()
    ));
    out
}
