//! The on-disk form of one cache entry: a fixed header (magic, format version, key, payload
//! length, checksum) followed by the corpus and its warnings encoded with `postcard`.
//!
//! Separate from keying and from housekeeping because this is the one place that must be
//! paranoid about bytes: anything that does not match exactly reads as "no entry".

use super::FORMAT_VERSION;
use super::prune::prune;
use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use crate::model::{Actor, Corpus, CorpusInfo, Party, Plan, Source, Topic};
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::Path;
use std::time::SystemTime;
use xxhash_rust::xxh3::xxh3_64;

/// No entry is read beyond this size (the 10,000-clause pair's entry is 6.4 MB): a file that
/// large in the cache folder is not one we wrote.
const MAX_ENTRY_BYTES: u64 = 1 << 30;

pub(super) const MAGIC: &[u8; 16] = b"peacediff-cache\0";
/// Magic, format version (u32), key (u128), payload length (u64), payload checksum (u64).
pub(super) const HEADER_LEN: usize = 16 + 4 + 16 + 8 + 8;

/// The loaded corpus as stored: `Corpus` without its index, which is rebuilt on reading.
#[derive(Serialize)]
struct EntryRef<'a> {
    info: &'a CorpusInfo,
    topics: &'a [Topic],
    actors: &'a [Actor],
    parties: &'a [Party],
    party_sources: &'a [Source],
    plans: &'a [Plan],
    warnings: &'a [Diagnostic],
}

/// [`EntryRef`] read back: the same fields in the same order, owned.
#[derive(Deserialize)]
struct Entry {
    info: CorpusInfo,
    topics: Vec<Topic>,
    actors: Vec<Actor>,
    parties: Vec<Party>,
    party_sources: Vec<Source>,
    plans: Vec<Plan>,
    warnings: Vec<Diagnostic>,
}

/// The entry at `path` if it is whole and written for `key`; `None` for anything else.
pub(super) fn read_entry(path: &Path, key: u128) -> Option<Loaded> {
    // Only a regular file is an entry: opening or reading a FIFO would wait for a writer, and a
    // link to a device such as /dev/zero would never end. Checked before opening (a FIFO's
    // open can block) and again on the open file (the name may have changed in between).
    if !std::fs::symlink_metadata(path).ok()?.is_file() {
        return None;
    }
    // Opened for writing too where allowed, so the hit can refresh the modification time
    // (Windows needs write access for that; Unix only ownership).
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .or_else(|_| std::fs::File::open(path))
        .ok()?;
    let size = file.metadata().ok().filter(|m| m.is_file())?.len();
    if size > MAX_ENTRY_BYTES {
        return None;
    }
    let mut bytes = Vec::with_capacity(size as usize);
    (&file).take(size + 1).read_to_end(&mut bytes).ok()?;
    let (header, payload) = bytes.split_at_checked(HEADER_LEN)?;
    let (magic, rest) = header.split_at(16);
    let (version, rest) = rest.split_at(4);
    let (stored_key, rest) = rest.split_at(16);
    let (len, checksum) = rest.split_at(8);
    let whole = magic == MAGIC
        && version == FORMAT_VERSION.to_le_bytes()
        && stored_key == key.to_le_bytes()
        && len == (payload.len() as u64).to_le_bytes()
        && checksum == xxh3_64(payload).to_le_bytes();
    if !whole {
        return None;
    }
    let (entry, rest): (Entry, &[u8]) = postcard::take_from_bytes(payload).ok()?;
    if !rest.is_empty() {
        return None;
    }
    // Best effort: an entry whose time cannot be refreshed is merely pruned sooner.
    let _ = file.set_modified(SystemTime::now());
    Some(Loaded {
        corpus: Corpus::new(
            entry.info,
            entry.topics,
            entry.actors,
            entry.parties,
            entry.party_sources,
            entry.plans,
        ),
        warnings: entry.warnings,
    })
}

/// Writes the entry for `loaded` under `key`, then prunes the folder.
pub(super) fn store(
    cache_dir: &Path,
    path: &Path,
    key: u128,
    loaded: &Loaded,
) -> std::io::Result<()> {
    let c = &loaded.corpus;
    let entry = EntryRef {
        info: &c.info,
        topics: &c.topics,
        actors: &c.actors,
        parties: &c.parties,
        party_sources: &c.party_sources,
        plans: &c.plans,
        warnings: &loaded.warnings,
    };
    // The header's room first, filled in once the payload's length and checksum are known.
    let mut bytes =
        postcard::to_extend(&entry, vec![0; HEADER_LEN]).map_err(std::io::Error::other)?;
    let (header, payload) = bytes.split_at_mut(HEADER_LEN);
    let fields: [&[u8]; 5] = [
        MAGIC,
        &FORMAT_VERSION.to_le_bytes(),
        &key.to_le_bytes(),
        &(payload.len() as u64).to_le_bytes(),
        &xxh3_64(payload).to_le_bytes(),
    ];
    let mut at = 0;
    for field in fields {
        header[at..at + field.len()].copy_from_slice(field);
        at += field.len();
    }
    std::fs::create_dir_all(cache_dir)?;
    crate::fsutil::replace_unsynced(path, &bytes)?;
    prune(cache_dir, path);
    Ok(())
}
