//! `peacediff init DIR`: copy the bundled corpus out, so a user can add drafts beside it.

use super::CliError;
use peacediff::sanitize;
use std::path::Path;

pub fn run(dir: &Path, out: &mut String) -> Result<(), CliError> {
    let shown = sanitize::path(dir);
    let io = |e: std::io::Error| CliError::Io(format!("cannot write {shown}: {e}"));
    std::fs::create_dir_all(dir).map_err(io)?;
    let files = peacediff::load::bundled_files();
    // Refuse before writing anything, so a half-copied folder never happens.
    for (name, _) in &files {
        let target = dir.join(name);
        if target.exists() {
            return Err(CliError::Io(format!(
                "{} already exists; choose an empty folder (nothing was written)",
                sanitize::path(&target)
            )));
        }
    }
    for (name, bytes) in &files {
        peacediff::fsutil::write_new(&dir.join(name), bytes).map_err(io)?;
    }
    out.push_str(&format!(
        "copied {} files to {}\nadd a draft there (see docs/plan-format.md), then run:\n  peacediff check {}\n  peacediff --plans {}\n",
        files.len(),
        shown,
        shown,
        shown
    ));
    Ok(())
}
