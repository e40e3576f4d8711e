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

pub use bundled::load_bundled_cached;

use super::{LoadError, Loaded, load_folder, read_files, source_name, toml_paths};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::model::{Actor, Corpus, CorpusInfo, Party, Plan, Source, Topic};
use serde::{Deserialize, Serialize};
use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// Bumped whenever the encoding of an entry changes (a model field added, renamed or retyped),
/// so an older entry is never decoded as the new shape.
pub const FORMAT_VERSION: u32 = 4;

/// No entry is read beyond this size (the 10,000-clause pair's entry is 6.4 MB): a file that
/// large in the cache folder is not one we wrote.
const MAX_ENTRY_BYTES: u64 = 1 << 30;

/// How many entries a cache folder keeps: enough for a few folders used in turn.
pub const KEEP_ENTRIES: usize = 4;

const MAGIC: &[u8; 16] = b"peacediff-cache\0";
/// Magic, format version (u32), key (u128), payload length (u64), payload checksum (u64).
const HEADER_LEN: usize = 16 + 4 + 16 + 8 + 8;

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

/// What identifies the running build beyond its version: the executable's size and
/// modification time. `None` when they cannot be read, and then the cache is not used.
fn build_stamp() -> Option<[u8; 24]> {
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
fn key_of(files: &[SourceText], stamp: &[u8]) -> u128 {
    key_of_bytes(
        files.iter().map(|f| (f.name.as_bytes(), f.text.as_bytes())),
        stamp,
    )
}

/// [`key_of`] over files given as (name, bytes).
fn key_of_bytes<'a>(files: impl Iterator<Item = (&'a [u8], &'a [u8])>, stamp: &[u8]) -> u128 {
    let mut k = KeyHasher::new(stamp);
    for (name, bytes) in files {
        k.field(name);
        k.field(bytes);
    }
    k.0.digest128()
}

/// The same key as [`key_of`] gives once the files are read, hashed from disk in pieces, and
/// the files' total size. `None` if a file cannot be read or its size changes while it is.
fn key_of_paths(paths: &[PathBuf], stamp: &[u8]) -> Option<(u128, u64)> {
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

fn entry_name(key: u128) -> String {
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
fn read_entry(path: &Path, key: u128) -> Option<Loaded> {
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
fn store(cache_dir: &Path, path: &Path, key: u128, loaded: &Loaded) -> std::io::Result<()> {
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

/// Deletes all but the [`KEEP_ENTRIES`] most recently used entries, never `keep` (the one just
/// written) and never a file that is not an entry. Failures are ignored: a file another
/// process removed first, or one that cannot be removed, just stays or goes.
fn prune(cache_dir: &Path, keep: &Path) {
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

fn starts_with_magic(path: &Path) -> bool {
    let mut head = [0; MAGIC.len()];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == MAGIC)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_dir;
    use std::fs;
    use std::time::Duration;

    const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

    /// A copy of the mini fixture with one more red line that no clause assesses, so loading
    /// it gives a warning and the warnings' round trip is tested too.
    fn mini_with_warning(root: &Path) -> PathBuf {
        let dir = root.join("plans");
        fs::create_dir_all(&dir).unwrap();
        for e in fs::read_dir(MINI).unwrap() {
            let e = e.unwrap();
            fs::copy(e.path(), dir.join(e.file_name())).unwrap();
        }
        let mut parties = fs::read_to_string(dir.join("parties.toml")).unwrap();
        parties.push_str(
            "\n[[party.red_line]]\nid = \"ru-extra\"\ntitle = \"Extra\"\nsummary = \"Not assessed anywhere.\"\nfirmness = \"preference\"\nsources = [\"S1\"]\n",
        );
        fs::write(dir.join("parties.toml"), parties).unwrap();
        dir
    }

    fn always(cache: &Path) -> CachePolicy {
        CachePolicy {
            dir: Some(cache.to_path_buf()),
            min_bytes: 0,
        }
    }

    fn entries(cache: &Path) -> Vec<PathBuf> {
        let Ok(listing) = fs::read_dir(cache) else {
            return Vec::new();
        };
        let mut v: Vec<PathBuf> = listing
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "bin"))
            .collect();
        v.sort();
        v
    }

    fn assert_same(a: &Loaded, b: &Loaded) {
        assert_eq!(a.corpus, b.corpus);
        assert_eq!(a.warnings, b.warnings);
    }

    /// What sits where an entry belongs but is not a regular file — a FIFO, a link to
    /// /dev/zero — is a miss, at once, and a fresh entry replaces it.
    #[cfg(unix)]
    #[test]
    fn a_fifo_or_device_in_place_of_an_entry_is_a_miss_not_a_hang() {
        let tmp = tempfile::tempdir().unwrap();
        let plans = mini_with_warning(tmp.path());
        let cache = tmp.path().join("cache");
        fs::create_dir_all(&cache).unwrap();
        let files = crate::load::read_folder(&plans).unwrap();
        let key = key_of(&files, &build_stamp().unwrap());
        let entry = cache.join(entry_name(key));
        for make in ["fifo", "zero"] {
            let _ = fs::remove_file(&entry);
            if make == "fifo" {
                let ok = std::process::Command::new("mkfifo").arg(&entry).status();
                assert!(ok.unwrap().success());
            } else {
                std::os::unix::fs::symlink("/dev/zero", &entry).unwrap();
            }
            let start = std::time::Instant::now();
            let (_, outcome) = load_dir_cached(&plans, &always(&cache)).unwrap();
            assert_eq!(outcome, CacheOutcome::Stored, "{make}");
            assert!(
                start.elapsed() < std::time::Duration::from_secs(5),
                "{make}"
            );
            assert!(fs::symlink_metadata(&entry).unwrap().is_file(), "{make}");
        }
    }

    #[test]
    fn a_second_load_reads_the_entry_and_gives_the_same_corpus() {
        let tmp = tempfile::tempdir().unwrap();
        let plans = mini_with_warning(tmp.path());
        let cache = tmp.path().join("cache");
        let fresh = load_dir(&plans).unwrap();
        assert!(!fresh.warnings.is_empty(), "the copy should warn");

        let (first, outcome) = load_dir_cached(&plans, &always(&cache)).unwrap();
        assert_eq!(outcome, CacheOutcome::Stored);
        assert_same(&first, &fresh);
        assert_eq!(entries(&cache).len(), 1);

        let (second, outcome) = load_dir_cached(&plans, &always(&cache)).unwrap();
        assert_eq!(outcome, CacheOutcome::Hit);
        assert_same(&second, &fresh);
        assert!(
            second.corpus.find_plan("beta").is_some(),
            "the index is rebuilt"
        );
    }

    #[test]
    fn a_hit_serves_what_the_entry_holds() {
        // Proof that a hit does not parse the files: an entry stored under the folder's key
        // with a different title is what comes back.
        let tmp = tempfile::tempdir().unwrap();
        let plans = mini_with_warning(tmp.path());
        let cache = tmp.path().join("cache");
        let mut loaded = load_dir(&plans).unwrap();
        loaded.corpus.info.title = "Only in the cache".into();
        let files = crate::load::read_folder(&plans).unwrap();
        let stamp = build_stamp().unwrap();
        let key = key_of(&files, &stamp);
        // Hashing the files from disk in pieces gives the key of the texts read whole.
        let paths = toml_paths(&plans).unwrap().paths;
        let total = files.iter().map(|f| f.text.len() as u64).sum::<u64>();
        assert_eq!(key_of_paths(&paths, &stamp), Some((key, total)));
        store(&cache, &cache.join(entry_name(key)), key, &loaded).unwrap();

        let (got, outcome) = load_dir_cached(&plans, &always(&cache)).unwrap();
        assert_eq!(outcome, CacheOutcome::Hit);
        assert_eq!(got.corpus.info.title, "Only in the cache");
    }

    #[test]
    fn changed_files_get_a_new_entry_and_a_fresh_load() {
        let tmp = tempfile::tempdir().unwrap();
        let plans = mini_with_warning(tmp.path());
        let cache = tmp.path().join("cache");
        load_dir_cached(&plans, &always(&cache)).unwrap();

        let corpus_toml = plans.join("corpus.toml");
        let text = fs::read_to_string(&corpus_toml).unwrap();
        fs::write(&corpus_toml, text.replace("Test corpus", "Edited corpus")).unwrap();
        let (got, outcome) = load_dir_cached(&plans, &always(&cache)).unwrap();
        assert_eq!(outcome, CacheOutcome::Stored);
        assert_eq!(got.corpus.info.title, "Edited corpus");
        assert_same(&got, &load_dir(&plans).unwrap());
        assert_eq!(entries(&cache).len(), 2);

        // A renamed file changes the key too: names appear in the corpus and in messages.
        fs::rename(plans.join("beta.toml"), plans.join("gamma.toml")).unwrap();
        let (got, outcome) = load_dir_cached(&plans, &always(&cache)).unwrap();
        assert_eq!(outcome, CacheOutcome::Stored);
        assert!(
            got.corpus
                .find_plan("beta")
                .unwrap()
                .file
                .ends_with("gamma.toml")
        );
    }

    #[test]
    fn damaged_entries_fall_back_to_a_correct_load() {
        let tmp = tempfile::tempdir().unwrap();
        let plans = mini_with_warning(tmp.path());
        let cache = tmp.path().join("cache");
        let fresh = load_dir(&plans).unwrap();
        load_dir_cached(&plans, &always(&cache)).unwrap();
        let entry = entries(&cache).pop().unwrap();
        let good = fs::read(&entry).unwrap();

        let flip = |at: usize| {
            let mut b = good.clone();
            b[at] ^= 0x20;
            b
        };
        let damaged: Vec<(&str, Vec<u8>)> = vec![
            ("empty", Vec::new()),
            ("header only", good[..HEADER_LEN].to_vec()),
            ("truncated", good[..good.len() - 7].to_vec()),
            ("one byte more", [good.as_slice(), &[0]].concat()),
            (
                "garbage",
                (0..good.len()).map(|i| (i * 31 % 251) as u8).collect(),
            ),
            ("flipped magic", flip(0)),
            ("flipped version", flip(16)),
            ("flipped key", flip(20)),
            ("flipped payload", flip(HEADER_LEN + good.len() / 3)),
            ("flipped last byte", flip(good.len() - 1)),
        ];
        for (what, bytes) in damaged {
            fs::write(&entry, &bytes).unwrap();
            let (got, outcome) =
                load_dir_cached(&plans, &always(&cache)).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(outcome, CacheOutcome::Stored, "{what}");
            assert_same(&got, &fresh);
            // The entry was written anew, whole.
            assert_eq!(fs::read(&entry).unwrap(), good, "{what}");
        }
    }

    #[test]
    fn a_payload_with_a_matching_checksum_that_does_not_decode_is_no_entry() {
        let tmp = tempfile::tempdir().unwrap();
        let plans = mini_with_warning(tmp.path());
        let cache = tmp.path().join("cache");
        load_dir_cached(&plans, &always(&cache)).unwrap();
        let entry = entries(&cache).pop().unwrap();
        let good = fs::read(&entry).unwrap();
        // A payload cut short, with its length and checksum made to match.
        let payload = &good[HEADER_LEN..good.len() / 2];
        let mut bytes = good[..HEADER_LEN].to_vec();
        bytes[36..44].copy_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes[44..52].copy_from_slice(&xxh3_64(payload).to_le_bytes());
        bytes.extend_from_slice(payload);
        fs::write(&entry, &bytes).unwrap();
        let (got, outcome) = load_dir_cached(&plans, &always(&cache)).unwrap();
        assert_eq!(outcome, CacheOutcome::Stored);
        assert_same(&got, &load_dir(&plans).unwrap());
    }

    #[test]
    fn folders_with_errors_are_not_stored() {
        let tmp = tempfile::tempdir().unwrap();
        let plans = mini_with_warning(tmp.path());
        let cache = tmp.path().join("cache");
        let alpha = plans.join("alpha.toml");
        let text = fs::read_to_string(&alpha).unwrap();
        fs::write(
            &alpha,
            text.replacen("certainty = ", "certainty = \"sure\"\nx = ", 1),
        )
        .unwrap();

        let Err(LoadError::Invalid { diagnostics: plain }) = load_dir(&plans) else {
            panic!("the broken copy should not load");
        };
        for _ in 0..2 {
            let Err(LoadError::Invalid { diagnostics }) = load_dir_cached(&plans, &always(&cache))
            else {
                panic!("the broken copy should not load through the cache either");
            };
            assert_eq!(diagnostics, plain);
        }
        assert!(entries(&cache).is_empty());
        // Other errors pass through unchanged too.
        let missing = tmp.path().join("missing");
        assert!(matches!(
            load_dir_cached(&missing, &always(&cache)),
            Err(LoadError::Io { .. })
        ));
    }

    #[test]
    fn small_folders_and_an_absent_cache_dir_leave_no_trace() {
        let tmp = tempfile::tempdir().unwrap();
        let plans = mini_with_warning(tmp.path());
        let cache = tmp.path().join("cache");
        let policy = CachePolicy::in_dir(&cache);
        let (got, outcome) = load_dir_cached(&plans, &policy).unwrap();
        assert_eq!(outcome, CacheOutcome::Unused);
        assert_same(&got, &load_dir(&plans).unwrap());
        assert!(
            !cache.exists(),
            "a folder under the threshold does not create the cache"
        );

        let (_, outcome) = load_dir_cached(&plans, &CachePolicy::off()).unwrap();
        assert_eq!(outcome, CacheOutcome::Unused);
    }

    #[test]
    fn an_unwritable_cache_is_ignored() {
        let tmp = tempfile::tempdir().unwrap();
        let plans = mini_with_warning(tmp.path());
        // A file where the cache folder should be: it cannot be created.
        let cache = tmp.path().join("not-a-dir");
        fs::write(&cache, "x").unwrap();
        let (got, outcome) = load_dir_cached(&plans, &always(&cache)).unwrap();
        assert_eq!(outcome, CacheOutcome::NotStored);
        assert_same(&got, &load_dir(&plans).unwrap());
    }

    #[test]
    fn the_cache_keeps_the_most_recently_used_entries() {
        let tmp = tempfile::tempdir().unwrap();
        let plans = mini_with_warning(tmp.path());
        let cache = tmp.path().join("cache");
        let corpus_toml = plans.join("corpus.toml");
        let original = fs::read_to_string(&corpus_toml).unwrap();
        // Five variants of the folder, one entry each, given mtimes an hour apart.
        let variant = |i: usize| {
            let title = format!("Variant {i}");
            fs::write(&corpus_toml, original.replace("Test corpus", &title)).unwrap();
        };
        let hour_ago = |i: usize| SystemTime::now() - Duration::from_secs(3600 * (10 - i as u64));
        let mut names = Vec::new();
        for i in 0..5 {
            variant(i);
            let before = entries(&cache);
            load_dir_cached(&plans, &always(&cache)).unwrap();
            let new = entries(&cache)
                .into_iter()
                .find(|e| !before.contains(e))
                .unwrap();
            let f = fs::File::options().write(true).open(&new).unwrap();
            f.set_modified(hour_ago(i)).unwrap();
            names.push(new);
        }
        // Writing the fifth pruned the oldest (variant 0).
        assert_eq!(entries(&cache), sorted(&names[1..]));

        // Using variant 1 makes it the newest; a sixth entry then pushes out variant 2.
        variant(1);
        let (_, outcome) = load_dir_cached(&plans, &always(&cache)).unwrap();
        assert_eq!(outcome, CacheOutcome::Hit);
        variant(5);
        load_dir_cached(&plans, &always(&cache)).unwrap();
        let left = entries(&cache);
        assert_eq!(left.len(), KEEP_ENTRIES);
        for kept in [&names[1], &names[3], &names[4]] {
            assert!(left.contains(kept), "{kept:?} was pruned");
        }
        assert!(!left.contains(&names[2]));
    }

    fn sorted(paths: &[PathBuf]) -> Vec<PathBuf> {
        let mut v = paths.to_vec();
        v.sort();
        v
    }

    #[test]
    fn pruning_leaves_other_files_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = tmp.path();
        let old = SystemTime::now() - Duration::from_secs(86_400);
        let not_ours = [
            "notes.bin".to_string(),
            format!("{}.bin", "A".repeat(32)),
            format!("{}.bin", "0".repeat(32)), // the right name, but not an entry inside
        ];
        for name in &not_ours {
            fs::write(cache.join(name), b"user data").unwrap();
            fs::File::options()
                .write(true)
                .open(cache.join(name))
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        let plans = mini_with_warning(&tmp.path().join("src"));
        for i in 0..6 {
            let corpus_toml = plans.join("corpus.toml");
            let text = fs::read_to_string(&corpus_toml).unwrap();
            fs::write(&corpus_toml, format!("{text}\n# edit {i}\n")).unwrap();
            load_dir_cached(&plans, &always(cache)).unwrap();
        }
        for name in &not_ours {
            assert_eq!(fs::read(cache.join(name)).unwrap(), b"user data");
        }
        let ours = entries(cache)
            .into_iter()
            .filter(|p| starts_with_magic(p))
            .count();
        assert_eq!(ours, KEEP_ENTRIES);
    }

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
