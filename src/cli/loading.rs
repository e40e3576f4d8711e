//! Where a command's drafts come from: the config file's settings, the `--plans` folder or
//! the bundled drafts, and the corpus cache as the flags and the environment allow.
//!
//! Separate from the dispatch in [`super::run`] because the terminal app loads the same way.

use super::{Cli, CliError, config};
use peacediff::load::{self, CachePolicy, LoadError, Loaded};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

impl Cli {
    /// Reads the config file and fills in what the command line left unsaid (`config`).
    pub fn configure(&mut self) -> Result<config::Settings, CliError> {
        config::apply(self)
    }

    pub fn config_location(&self) -> config::Location {
        config::locate(self.config.as_deref(), |name| std::env::var_os(name))
    }

    /// The drafts this run works on: the `--plans` folder (through the cache), or the bundled.
    pub fn load(&self) -> Result<Loaded, LoadError> {
        load_corpus(self.plans.as_deref(), &self.cache_policy())
    }

    /// The corpus cache for this run: off with `--no-cache`, else as the environment says.
    pub fn cache_policy(&self) -> CachePolicy {
        CachePolicy {
            dir: if self.no_cache {
                None
            } else {
                cache_dir(|name| std::env::var_os(name))
            },
            min_bytes: CachePolicy::DEFAULT_MIN_BYTES,
        }
    }
}

/// Where the cache lives: `PEACEDIFF_CACHE_DIR`, else the platform's cache folder; nowhere
/// when `PEACEDIFF_NO_CACHE` is set (to anything but `0`). Empty variables count as unset.
fn cache_dir(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let var = |name: &str| env(name).filter(|v| !v.is_empty());
    if var("PEACEDIFF_NO_CACHE").is_some_and(|v| v != "0") {
        return None;
    }
    var("PEACEDIFF_CACHE_DIR")
        .map(PathBuf::from)
        .or_else(load::cache::platform_dir)
}

/// Loads a plans folder, or the bundled drafts, through the cache `cache` allows (the bundled
/// drafts are small, but parsing them was most of a short command's time).
pub fn load_corpus(plans: Option<&Path>, cache: &CachePolicy) -> Result<Loaded, LoadError> {
    match plans {
        Some(dir) => load::load_dir_cached(dir, cache).map(|(loaded, _)| loaded),
        None => load::cache::load_bundled_cached(cache).map(|(loaded, _)| loaded),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn the_cache_folder_follows_the_environment() {
        let named = [("PEACEDIFF_CACHE_DIR", "/tmp/pd-cache")];
        assert_eq!(cache_dir(env(&named)), Some(PathBuf::from("/tmp/pd-cache")));
        let off = [
            ("PEACEDIFF_CACHE_DIR", "/tmp/pd-cache"),
            ("PEACEDIFF_NO_CACHE", "1"),
        ];
        assert_eq!(cache_dir(env(&off)), None);
        let not_off = [
            ("PEACEDIFF_CACHE_DIR", "/tmp/pd-cache"),
            ("PEACEDIFF_NO_CACHE", "0"),
        ];
        assert_eq!(
            cache_dir(env(&not_off)),
            Some(PathBuf::from("/tmp/pd-cache"))
        );
        // Unset or empty: the platform's folder.
        let platform = peacediff::load::cache::platform_dir();
        assert_eq!(cache_dir(env(&[])), platform);
        assert_eq!(cache_dir(env(&[("PEACEDIFF_CACHE_DIR", "")])), platform);
    }

    #[test]
    fn no_cache_turns_the_cache_off() {
        let cli = Cli::parse_from(["peacediff", "--no-cache", "list"]);
        assert_eq!(cli.cache_policy().dir, None);
        let cli = Cli::parse_from(["peacediff", "list", "--no-cache"]);
        assert!(cli.no_cache, "the flag is global");
    }
}
