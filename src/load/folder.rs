//! Reading a plans folder from disk: listing its `*.toml` files, reporting links that lead
//! nowhere and bytes that are not UTF-8, and handing the texts to the loader.
//!
//! Kept apart from the loader itself, which works on named texts and never touches the file
//! system, so that everything past this point is testable without files.

use super::{LoadError, Loaded, load_all};
use crate::diagnostic::{Diagnostic, SourceText};
use std::path::{Path, PathBuf};

/// The `*.toml` files of a folder, listed but not yet read, and the entries that looked like
/// plan files but cannot be opened (broken symlinks): those are reported, never skipped.
pub(crate) struct Listing {
    /// The folder as messages name it.
    pub(super) name: String,
    pub(super) paths: Vec<PathBuf>,
    pub(super) problems: Vec<Diagnostic>,
}

/// A folder's files as texts, with the problems found reading them (bytes that are not UTF-8).
pub(crate) struct FolderTexts {
    pub(super) name: String,
    pub(super) files: Vec<SourceText>,
    pub(super) problems: Vec<Diagnostic>,
}

/// The paths of the `*.toml` files directly inside `dir`, in name order.
pub(super) fn toml_paths(dir: &Path) -> Result<Listing, LoadError> {
    let io = |source| LoadError::Io {
        path: dir.to_path_buf(),
        source,
    };
    if !dir.is_dir() {
        return Err(if dir.exists() {
            LoadError::NotAFolder {
                path: dir.to_path_buf(),
            }
        } else {
            io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no such folder",
            ))
        });
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    entries.sort();
    let mut listing = Listing {
        name: source_name(dir),
        paths: Vec::new(),
        problems: Vec::new(),
    };
    for p in entries {
        if p.is_file() {
            listing.paths.push(p);
        } else if let Some(why) = broken_link(&p) {
            listing.problems.push(
                Diagnostic::whole_file(source_name(&p), why)
                    .with_hint("point the link at a plan file, or remove it"),
            );
        }
    }
    Ok(listing)
}

/// Why `path` is a symbolic link that leads to no file (dangling, or a loop), or `None` when
/// it is not a link or its target exists. Such a link named `*.toml` is meant to be a plan
/// file, so skipping it silently would let `check` say "ok" about a folder missing a draft.
fn broken_link(path: &Path) -> Option<String> {
    std::fs::symlink_metadata(path)
        .ok()
        .filter(|m| m.file_type().is_symlink())?;
    let mut seen = std::collections::HashSet::new();
    let mut at = path.to_path_buf();
    // Follow the chain by hand: the operating system's error for a loop differs by platform.
    loop {
        let meta = match std::fs::symlink_metadata(&at) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Some(format!(
                    "dangling symlink: its target {} does not exist",
                    source_name(&at)
                ));
            }
            Err(e) => return Some(format!("unreadable symlink: {e}")),
        };
        if !meta.file_type().is_symlink() {
            return None;
        }
        if !seen.insert(at.clone()) || seen.len() > 64 {
            return Some("symlink loop: the link leads back to itself".into());
        }
        let target = match std::fs::read_link(&at) {
            Ok(t) => t,
            Err(e) => return Some(format!("unreadable symlink: {e}")),
        };
        at = at.parent().map_or(target.clone(), |dir| dir.join(&target));
    }
}

/// The files of a listing as texts named by path (as messages show them). A file that is not
/// UTF-8 is located (line and column of its first bad byte) and still loaded, with the bad
/// bytes replaced, so that the other drafts still find its plan id and clause ids.
pub(super) fn read_files(listing: Listing) -> Result<FolderTexts, LoadError> {
    let Listing {
        name,
        paths,
        mut problems,
    } = listing;
    let mut files = Vec::new();
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|source| LoadError::Io {
            path: path.clone(),
            source,
        })?;
        let text = match String::from_utf8(bytes) {
            Ok(text) => SourceText::new(source_name(&path), text),
            Err(e) => {
                let (text, problem) = not_utf8(&source_name(&path), e);
                problems.push(problem);
                text
            }
        };
        files.push(text);
    }
    Ok(FolderTexts {
        name,
        files,
        problems,
    })
}

/// The lossy text of a file that is not UTF-8, and the error at its first bad byte. Up to that
/// byte the lossy text is the file itself, so the line and column are those of the file.
fn not_utf8(name: &str, e: std::string::FromUtf8Error) -> (SourceText, Diagnostic) {
    let at = e.utf8_error().valid_up_to();
    let byte = e.as_bytes()[at];
    let src = SourceText::new(name, String::from_utf8_lossy(e.as_bytes()).into_owned());
    let d = src
        .error(at..at + 1, format!("not UTF-8: invalid byte 0x{byte:02x}"))
        .with_hint("save the file as UTF-8");
    (src, d)
}

/// Loads a folder read from disk: its reading problems come first, as root causes.
pub(super) fn load_folder(folder: FolderTexts) -> Result<Loaded, LoadError> {
    if folder.files.is_empty() && folder.problems.is_empty() {
        return Err(LoadError::Invalid {
            diagnostics: vec![empty_folder(&folder.name)],
        });
    }
    load_all(folder.files, folder.problems, Some(&folder.name))
}

/// A folder with no plan files at all: one plain message, not a list of missing files.
pub(super) fn empty_folder(name: &str) -> Diagnostic {
    Diagnostic::whole_file(
        name,
        "no plan files here: the folder has no corpus.toml, parties.toml or draft `*.toml` files",
    )
    .with_hint(
        "point peacediff at a plans folder, or make one from the bundled drafts with \
         `peacediff init DIR`",
    )
}

/// How a file is named in messages and in the cache key.
pub(super) fn source_name(path: &Path) -> String {
    crate::sanitize::path(path)
}
