//! How a cache entry is keyed: a hash over this build's identity and every file's name and
//! bytes, so a changed folder or another build simply finds no entry.
//!
//! Kept apart from the entry's file format because the key is computed two ways that must
//! agree — over texts already read and over files hashed from disk in pieces — and that
//! agreement is easier to check when the hashing stands alone.

use super::FORMAT_VERSION;
use super::entry::MAGIC;
use crate::diagnostic::SourceText;
use crate::load::source_name;
use std::io::Read;
use std::path::PathBuf;
use std::time::UNIX_EPOCH;
use xxhash_rust::xxh3::Xxh3;

/// What identifies the running build beyond its version: the executable's size and
/// modification time. `None` when they cannot be read, and then the cache is not used.
pub(super) fn build_stamp() -> Option<[u8; 24]> {
    let meta = std::env::current_exe().ok()?.metadata().ok()?;
    let since = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    let mut stamp = [0; 24];
    stamp[..8].copy_from_slice(&meta.len().to_le_bytes());
    stamp[8..].copy_from_slice(&since.as_nanos().to_le_bytes());
    Some(stamp)
}

/// The hash of the fields that make up a key, each length-prefixed (see the module
/// documentation).
struct KeyHasher(Xxh3);

impl KeyHasher {
    fn new(stamp: &[u8]) -> KeyHasher {
        let mut k = KeyHasher(Xxh3::new());
        k.field(MAGIC);
        k.field(&FORMAT_VERSION.to_le_bytes());
        k.field(env!("CARGO_PKG_VERSION").as_bytes());
        k.field(stamp);
        k
    }

    fn field(&mut self, bytes: &[u8]) {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }
}

/// The entry key of a folder's files for this build.
pub(super) fn key_of(files: &[SourceText], stamp: &[u8]) -> u128 {
    key_of_bytes(
        files.iter().map(|f| (f.name.as_bytes(), f.text.as_bytes())),
        stamp,
    )
}

/// [`key_of`] over files given as (name, bytes).
pub(super) fn key_of_bytes<'a>(
    files: impl Iterator<Item = (&'a [u8], &'a [u8])>,
    stamp: &[u8],
) -> u128 {
    let mut k = KeyHasher::new(stamp);
    for (name, bytes) in files {
        k.field(name);
        k.field(bytes);
    }
    k.0.digest128()
}

/// The same key as [`key_of`] gives once the files are read, hashed from disk in pieces, and
/// the files' total size. `None` if a file cannot be read or its size changes while it is.
pub(super) fn key_of_paths(paths: &[PathBuf], stamp: &[u8]) -> Option<(u128, u64)> {
    let mut k = KeyHasher::new(stamp);
    let mut buf = vec![0; 1 << 16];
    let mut total = 0;
    for path in paths {
        let mut file = std::fs::File::open(path).ok()?;
        let len = file.metadata().ok()?.len();
        k.field(source_name(path).as_bytes());
        k.0.update(&len.to_le_bytes());
        let mut read = 0;
        loop {
            let n = match file.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return None,
            };
            k.0.update(&buf[..n]);
            read += n as u64;
        }
        if read != len {
            return None;
        }
        total += len;
    }
    Some((k.0.digest128(), total))
}
