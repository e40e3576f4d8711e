//! A cache of checked plans folders, so a second run on an unchanged large folder skips TOML
//! parsing and validation.
//!
//! Parsing two 4 MB drafts takes tens of milliseconds however it is split across cores; reading
//! back the already checked corpus in a compact binary form takes a few. An entry holds what a
//! successful [`load_dir`](super::load_dir) returned — the corpus and its warnings — encoded
//! with `postcard`, in a file named after a 128-bit key:
//!
//! - the key is an xxh3-128 hash over the cache format version, the crate version, the running
//!   executable's size and modification time, and the name and bytes of every file in load
//!   order (each field length-prefixed). Changing any file, renaming one, adding or removing one,
//!   or installing another build gives a new key, so an entry is never stale: it is simply not
//!   found. The executable is part of the key because the loading rules change between builds
//!   that share a version number (a development build, a checkout of main);
//! - the file starts with a fixed header (magic, format version, key, payload length, xxh3-64
//!   checksum of the payload). Anything that does not match — a short or torn file, a flipped
//!   byte, another format, a payload that does not decode — reads as "no entry", and the folder
//!   is loaded from its files as if there were no cache. Reading never fails a command.
//!
//! The bundled drafts are kept the same way ([`load_bundled_cached`]), whatever their size.
//!
//! Only folders that loaded without errors are stored (a folder with errors is loaded afresh
//! every time, so its diagnostics are always [`load_dir`](super::load_dir)'s), and only those
//! whose `.toml` files reach [`CachePolicy::min_bytes`]: a small folder loads in a few
//! milliseconds, and a cache file for it would be clutter. Entries are written atomically and
//! the folder keeps the [`KEEP_ENTRIES`] most recently used ones; a hit refreshes an entry's
//! modification time, which is what "recently used" is measured by.
//!
//! Trust: texts in an entry were sanitised (control characters stripped) when the folder was
//! loaded, and they are not checked again when read back. The cache lives in the user's own
//! cache folder (or one the user named), so it is trusted as much as the user's other files —
//! someone who can write there can already change the plan files themselves.

mod bundled;
mod entry;
mod key;
mod prune;
#[cfg(test)]
mod tests;

pub use bundled::load_bundled_cached;

use super::{LoadError, Loaded, load_folder, read_files, toml_paths};
use entry::{read_entry, store};
use key::{build_stamp, key_of, key_of_bytes, key_of_paths};
use prune::entry_name;
use std::path::{Path, PathBuf};

/// Bumped whenever the encoding of an entry changes (a model field added, renamed or retyped),
/// so an older entry is never decoded as the new shape.
pub const FORMAT_VERSION: u32 = 4;

/// How many entries a cache folder keeps: enough for a few folders used in turn.
pub const KEEP_ENTRIES: usize = 4;

/// Whether and where a load may use the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachePolicy {
    /// The cache folder, created when first needed; `None` turns the cache off.
    pub dir: Option<PathBuf>,
    /// Folders whose `.toml` files total fewer bytes than this are loaded without the cache.
    pub min_bytes: u64,
}

impl CachePolicy {
    /// 512 KiB: below it (the bundled corpus and a few drafts of one's own are about 300 KiB) a
    /// folder parses in a few milliseconds, and the first run's cost of writing an entry is not
    /// repaid; a pair of drafts of a thousand clauses each is above it.
    pub const DEFAULT_MIN_BYTES: u64 = 1 << 19;

    /// No cache at all.
    pub fn off() -> Self {
        CachePolicy {
            dir: None,
            min_bytes: Self::DEFAULT_MIN_BYTES,
        }
    }

    /// The cache in `dir`, for folders of at least [`Self::DEFAULT_MIN_BYTES`].
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        CachePolicy {
            dir: Some(dir.into()),
            min_bytes: Self::DEFAULT_MIN_BYTES,
        }
    }
}

/// The platform's per-user cache folder with `peacediff` appended (`~/.cache/peacediff` on
/// Linux), when the platform has one.
pub fn platform_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("peacediff"))
}

/// What a cached load did, for tests and for callers that want to say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheOutcome {
    /// The cache was off, or the folder is below the size threshold.
    Unused,
    /// The corpus came from a valid entry; no file was parsed.
    Hit,
    /// The folder was loaded from its files and a new entry written.
    Stored,
    /// The folder was loaded from its files; writing the entry failed (and was ignored).
    NotStored,
}

/// Like [`load_dir`](super::load_dir), through the cache when `policy` allows.
///
/// The result, success or error, is the one `load_dir` gives on the same folder; only the time
/// it takes differs. Problems with the cache itself are never errors.
pub fn load_dir_cached(
    dir: &Path,
    policy: &CachePolicy,
) -> Result<(Loaded, CacheOutcome), LoadError> {
    let listing = toml_paths(dir)?;
    let unused = |listing| Ok((load_folder(read_files(listing)?)?, CacheOutcome::Unused));
    let (Some(cache_dir), Some(stamp)) = (policy.dir.as_deref(), build_stamp()) else {
        return unused(listing);
    };
    // A folder with unreadable entries fails to load: there is nothing to store.
    if !listing.problems.is_empty() {
        return unused(listing);
    }
    // The files are hashed as they are read and not kept: on a hit the TOML is never held in
    // memory. Anything unusual while hashing (a file that cannot be read, or that changes
    // size) is left to the plain load, which reads the files again and reports it.
    let Some((key, total)) = key_of_paths(&listing.paths, &stamp) else {
        return unused(listing);
    };
    if total < policy.min_bytes {
        return unused(listing);
    }
    if let Some(loaded) = read_entry(&cache_dir.join(entry_name(key)), key) {
        return Ok((loaded, CacheOutcome::Hit));
    }
    let folder = read_files(listing)?;
    // The entry is keyed by the texts actually parsed, should a file have changed meanwhile.
    let key = key_of(&folder.files, &stamp);
    let loaded = load_folder(folder)?;
    let outcome = match store(cache_dir, &cache_dir.join(entry_name(key)), key, &loaded) {
        Ok(()) => CacheOutcome::Stored,
        Err(_) => CacheOutcome::NotStored,
    };
    Ok((loaded, outcome))
}
