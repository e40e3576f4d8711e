//! The bundled drafts through the cache. They are compiled into the executable, but parsing
//! their TOML and checking it takes most of a short command's time (about 8 ms of `peacediff
//! list`), so the checked corpus is kept like a folder's: keyed by the format version, the
//! build and the bundled texts themselves, and decoded with the same serde model the entry of
//! a folder uses — a field added to the model is cached with no change here, and a new build
//! never reads an older build's entry.

use super::{CacheOutcome, CachePolicy, build_stamp, entry_name, key_of_bytes, read_entry, store};
use crate::load::{LoadError, Loaded, bundled_files, bundled_texts, load_texts};

/// Like [`load_bundled`](crate::load::load_bundled), through the cache when `policy` has a
/// folder (the size threshold does not apply: the point is the start time of every command).
pub fn load_bundled_cached(policy: &CachePolicy) -> Result<(Loaded, CacheOutcome), LoadError> {
    let (Some(cache_dir), Some(stamp)) = (policy.dir.as_deref(), build_stamp()) else {
        return Ok((load_texts(bundled_texts())?, CacheOutcome::Unused));
    };
    // Keyed by the compiled-in bytes as they are: no copy of them is made unless they are
    // parsed.
    let files = bundled_files();
    let key = key_of_bytes(
        files.iter().map(|(name, bytes)| (name.as_bytes(), *bytes)),
        &stamp,
    );
    let path = cache_dir.join(entry_name(key));
    if let Some(loaded) = read_entry(&path, key) {
        return Ok((loaded, CacheOutcome::Hit));
    }
    let loaded = load_texts(bundled_texts())?;
    let outcome = match store(cache_dir, &path, key, &loaded) {
        Ok(()) => CacheOutcome::Stored,
        Err(_) => CacheOutcome::NotStored,
    };
    Ok((loaded, outcome))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bundled;

    /// The cached form stays in step with the TOML: what a hit decodes is exactly what
    /// parsing the bundled files gives, every field of the model included.
    #[test]
    fn the_cached_bundled_corpus_is_the_parsed_one() {
        let cache = tempfile::tempdir().unwrap();
        let policy = CachePolicy::in_dir(cache.path());
        let parsed = load_bundled().unwrap();
        let (stored, first) = load_bundled_cached(&policy).unwrap();
        let (hit, second) = load_bundled_cached(&policy).unwrap();
        assert_eq!(first, CacheOutcome::Stored);
        assert_eq!(second, CacheOutcome::Hit);
        for loaded in [&stored, &hit] {
            assert_eq!(loaded.corpus, parsed.corpus);
            assert_eq!(
                format!("{:?}", loaded.warnings),
                format!("{:?}", parsed.warnings)
            );
        }
    }

    #[test]
    fn without_a_cache_folder_nothing_is_stored() {
        let (loaded, outcome) = load_bundled_cached(&CachePolicy::off()).unwrap();
        assert_eq!(outcome, CacheOutcome::Unused);
        assert_eq!(loaded.corpus, load_bundled().unwrap().corpus);
    }
}
