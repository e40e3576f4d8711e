//! Loading a plans folder: read, parse, validate, cross-reference, materialise.
//!
//! The bundled `plans/` folder is compiled into the binary, so peacediff works from any
//! directory. Loading never stops at the first problem: it returns every diagnostic it found,
//! and a corpus only when there were no errors.

mod assemble;
pub mod cache;
mod checks;
mod chunked;
mod derive;
mod fields;
mod folder;
mod links;
mod parse;
mod raw;
mod resolve;
mod roles;

use crate::diagnostic::{Diagnostic, Severity, SourceText};
use crate::model::Corpus;
use assemble::load_all;
use folder::{empty_folder, load_folder, read_files, source_name, toml_paths};
use include_dir::{Dir, include_dir};
use std::path::{Path, PathBuf};

pub use cache::{CacheOutcome, CachePolicy, load_dir_cached};

static BUNDLED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/plans");

/// Why a folder could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {}: {source}", crate::sanitize::path(.path))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} is not a folder of plan files", crate::sanitize::path(.path))]
    NotAFolder { path: PathBuf },
    #[error("{} problem(s) in the plan files", .diagnostics.iter().filter(|d| d.severity == Severity::Error).count())]
    Invalid { diagnostics: Vec<Diagnostic> },
}

/// A loaded corpus and the warnings that did not stop it.
#[derive(Debug)]
pub struct Loaded {
    pub corpus: Corpus,
    pub warnings: Vec<Diagnostic>,
}

pub use fields::PLACEHOLDER;

/// The drafts that ship with peacediff.
pub fn load_bundled() -> Result<Loaded, LoadError> {
    load_texts(bundled_texts())
}

/// The bundled drafts' files, as texts named `plans/…`, in name order.
pub fn bundled_texts() -> Vec<SourceText> {
    let mut files: Vec<SourceText> = BUNDLED
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
        .map(|f| {
            let name = format!("plans/{}", f.path().display());
            let text = String::from_utf8_lossy(f.contents()).into_owned();
            SourceText::new(name, text)
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// Every `*.toml` file directly inside `dir`.
pub fn load_dir(dir: &Path) -> Result<Loaded, LoadError> {
    load_folder(read_files(toml_paths(dir)?)?)
}

/// The `*.toml` files directly inside `dir`, in name order, as UTF-8 texts named by path.
pub fn read_folder(dir: &Path) -> Result<Vec<SourceText>, LoadError> {
    Ok(read_files(toml_paths(dir)?)?.files)
}

/// Loads a set of named texts as one folder. The core of loading; testable without files.
pub fn load_texts(files: Vec<SourceText>) -> Result<Loaded, LoadError> {
    if files.is_empty() {
        return Err(LoadError::Invalid {
            diagnostics: vec![empty_folder("the folder")],
        });
    }
    load_all(files, Vec::new(), None)
}

/// The bundled plan files, as (file name, contents), for `peacediff init`.
pub fn bundled_files() -> Vec<(String, &'static [u8])> {
    let mut files: Vec<(String, &'static [u8])> = BUNDLED
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
        .map(|f| (f.path().display().to_string(), f.contents()))
        .collect();
    files.sort();
    files
}
