//! Tests of the cache as a whole: loads through it, damaged entries, pruning.

use super::entry::{HEADER_LEN, store};
use super::prune::starts_with_magic;
use super::*;
use crate::load::load_dir;
use std::fs;
use std::time::{Duration, SystemTime};
use xxhash_rust::xxh3::xxh3_64;

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
