//! `peacediff export A B`: a comparison as Markdown or JSON, to standard output or a file.
//!
//! The document comes from the library's `export` module; this layer resolves the drafts and
//! filters, and writes the file atomically, never over an existing one without `--force`.

use super::CliError;
use super::show::find_plan;
use clap::ValueEnum;
use peacediff::export::{self, ExportOptions};
use peacediff::fsutil;
use peacediff::model::Corpus;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ExportFormat {
    /// GitHub-flavoured Markdown
    #[default]
    #[value(alias = "markdown")]
    Md,
    /// JSON (schema: docs/json.md)
    Json,
}

/// What `peacediff export` was asked for.
pub struct Request<'a> {
    pub left: &'a str,
    pub right: &'a str,
    pub output: Option<&'a Path>,
    pub format: ExportFormat,
    pub force: bool,
    pub options: ExportOptions,
}

pub fn run(corpus: &Corpus, req: &Request<'_>, out: &mut String) -> Result<(), CliError> {
    let left = find_plan(corpus, req.left)?;
    let right = find_plan(corpus, req.right)?;
    if left.id == right.id {
        return Err(CliError::Usage(format!(
            "`{}` and `{}` are the same draft; name two different ones",
            req.left, req.right
        )));
    }
    req.options
        .resolve(corpus)
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let text = match req.format {
        ExportFormat::Md => export::export_markdown(corpus, left, right, &req.options),
        ExportFormat::Json => export::export_json(corpus, left, right, &req.options),
    };
    match req.output {
        None => out.push_str(&text),
        Some(p) if p.as_os_str() == "-" => out.push_str(&text),
        Some(path) => write_file(path, &text, req.force)?,
    }
    Ok(())
}

/// Writes a file a command made (an export, an imported draft) whole or not at all, and says
/// which file and why when it cannot.
pub(super) fn write_file(path: &Path, text: &str, force: bool) -> Result<(), CliError> {
    let shown = peacediff::sanitize::path(path);
    if path.is_dir() {
        return Err(CliError::Io(format!(
            "cannot write `{shown}`: it is a folder; name a file inside it"
        )));
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.is_dir()
    {
        return Err(CliError::Io(format!(
            "cannot write `{shown}`: the folder `{}` does not exist",
            peacediff::sanitize::path(parent)
        )));
    }
    super::interrupt::guarded(|stop| {
        fsutil::write_atomic_unless(path, text.as_bytes(), force, stop)
    })
    .map_err(|e| CliError::Io(fsutil::write_error_message(&shown, &e)))
}
