//! Housekeeping of the cache folder: which file names are entries, and pruning all but the
//! most recently used ones.
//!
//! Apart from the entry format because it works on the folder, not on one file, and its one
//! duty is to never touch a file the cache did not write.

use super::KEEP_ENTRIES;
use super::entry::MAGIC;
use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

pub(super) fn entry_name(key: u128) -> String {
    format!("{key:032x}.bin")
}

/// Whether a file name has the form of an entry's (32 lowercase hex digits, `.bin`), so
/// pruning never touches other files in a folder the user chose.
fn is_entry_name(name: &OsStr) -> bool {
    name.to_str()
        .and_then(|n| n.strip_suffix(".bin"))
        .is_some_and(|stem| {
            stem.len() == 32
                && stem
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

/// Deletes all but the [`KEEP_ENTRIES`] most recently used entries, never `keep` (the one just
/// written) and never a file that is not an entry. Failures are ignored: a file another
/// process removed first, or one that cannot be removed, just stays or goes.
pub(super) fn prune(cache_dir: &Path, keep: &Path) {
    let Ok(listing) = std::fs::read_dir(cache_dir) else {
        return;
    };
    let mut entries: Vec<(bool, SystemTime, PathBuf)> = listing
        .filter_map(Result::ok)
        .filter(|e| is_entry_name(&e.file_name()))
        .filter_map(|e| {
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            let path = e.path();
            Some((path == keep, meta.modified().ok()?, path))
        })
        .collect();
    // The entry just written first, then newest first.
    entries.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    for (_, _, path) in entries.into_iter().skip(KEEP_ENTRIES) {
        if starts_with_magic(&path) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

pub(super) fn starts_with_magic(path: &Path) -> bool {
    let mut head = [0; MAGIC.len()];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == MAGIC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_names_are_recognised_exactly() {
        assert!(is_entry_name(OsStr::new(&entry_name(0xabc))));
        assert!(is_entry_name(OsStr::new(&entry_name(u128::MAX))));
        assert!(!is_entry_name(OsStr::new("abc.bin")));
        assert!(!is_entry_name(OsStr::new(&format!(
            "{}.bin",
            "G".repeat(32)
        ))));
        assert!(!is_entry_name(OsStr::new(
            &entry_name(1).replace(".bin", ".tmp")
        )));
    }
}
