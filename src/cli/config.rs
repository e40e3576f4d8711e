//! The config file: where it is, what it may say, and what it sets.
//!
//! `--config PATH`, else `PEACEDIFF_CONFIG` (empty: no file at all), else
//! `$XDG_CONFIG_HOME/peacediff/config.toml`, else `~/.config/peacediff/config.toml`, as bat
//! and lazygit look for theirs. Flags override the file and the file overrides the defaults.
//! A bad file stops the run with every problem located (`file:line:column`) and a hint; a
//! file that is simply not there at the usual place means the defaults.

mod read;
mod show;

use super::{Cli, CliError, Command, Outcome};
use crate::tui::keymap::Keymap;
use crate::tui::layout::CompareLayout;
use crate::tui::theme::Palette;
use peacediff::diagnostic::Diagnostic;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub use show::{default_file, describe};

/// What the config file sets; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The plans folder, `~` expanded and relative paths taken from the file's folder.
    pub plans: Option<PathBuf>,
    pub theme: Option<Palette>,
    pub paging: Option<super::pager::Paging>,
    pub compare_layout: Option<CompareLayout>,
    pub hide_unchanged: Option<bool>,
    pub mouse: Option<bool>,
    pub keymap: Keymap,
    /// The actions the file rebinds, in its order.
    pub rebound: Vec<String>,
}

/// Where the config file is looked for, and why there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// `None`: no file is read (`PEACEDIFF_CONFIG` set empty, or no home folder).
    pub path: Option<PathBuf>,
    /// What chose the path, for messages: `--config`, `PEACEDIFF_CONFIG`, `XDG_CONFIG_HOME`
    /// or `the home folder`.
    pub from: &'static str,
    /// Named on purpose (the flag or the variable): a missing file is then an error.
    pub explicit: bool,
}

/// Finds the config file for a run. `env` reads the environment (a parameter for tests).
pub fn locate(flag: Option<&Path>, env: impl Fn(&str) -> Option<OsString>) -> Location {
    if let Some(p) = flag {
        return Location {
            path: Some(p.to_path_buf()),
            from: "--config",
            explicit: true,
        };
    }
    if let Some(v) = env("PEACEDIFF_CONFIG") {
        return Location {
            path: (!v.is_empty()).then(|| PathBuf::from(v)),
            from: "PEACEDIFF_CONFIG",
            explicit: true,
        };
    }
    let in_config_dir = |dir: PathBuf| dir.join("peacediff").join("config.toml");
    // The XDG spec ignores a relative XDG_CONFIG_HOME.
    if let Some(xdg) = env("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
    {
        return Location {
            path: Some(in_config_dir(xdg)),
            from: "XDG_CONFIG_HOME",
            explicit: false,
        };
    }
    Location {
        path: env("HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from)
            .or_else(dirs::home_dir)
            .map(|h| in_config_dir(h.join(".config"))),
        from: "the home folder",
        explicit: false,
    }
}

/// Why a config file could not be used.
#[derive(Debug)]
pub enum ConfigError {
    /// Missing where it was named, or unreadable: said in words.
    Unusable(String),
    /// Read, with problems located in it.
    Invalid(Vec<Diagnostic>),
}

/// Reads the config file at `at`: its settings, or nothing when there is none to read.
pub fn load(at: &Location) -> Result<Settings, ConfigError> {
    let Some(path) = &at.path else {
        return Ok(Settings::default());
    };
    let shown = peacediff::sanitize::path(path);
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
            ConfigError::Unusable(format!(
                "config file `{shown}` is not UTF-8 text; save it as UTF-8"
            ))
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !at.explicit => {
            return Ok(Settings::default());
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(ConfigError::Unusable(format!(
                "config file `{shown}` (named by {}) does not exist; create it \
                 (`peacediff config --default > {shown}`) or name another",
                at.from
            )));
        }
        Err(e) => {
            return Err(ConfigError::Unusable(format!(
                "cannot read config file `{shown}`: {}",
                e
            )));
        }
    };
    let folder = path.parent().unwrap_or(Path::new("."));
    read::settings(&shown, &text, folder).map_err(ConfigError::Invalid)
}

/// Reads the config file for a run and fills in what the command line left unsaid: flags
/// override the file, the file overrides the defaults. Completions, manual pages and the
/// commands that print the file's place or a fresh file run whatever the file says.
pub fn apply(cli: &mut Cli) -> Result<Settings, CliError> {
    if matches!(
        cli.command,
        Some(Command::Completions { .. } | Command::Man { .. })
            | Some(Command::Config { path: true, .. } | Command::Config { default: true, .. })
    ) {
        return Ok(Settings::default());
    }
    let settings = load_for(&cli.config_location())?;
    if cli.plans.is_none() {
        cli.plans = settings.plans.clone();
    }
    cli.paging = cli.paging.or(settings.paging);
    cli.no_mouse |= settings.mouse == Some(false);
    cli.theme = settings.theme.unwrap_or_default();
    Ok(settings)
}

fn load_for(at: &Location) -> Result<Settings, CliError> {
    load(at).map_err(|e| match e {
        ConfigError::Unusable(msg) => CliError::Io(msg),
        ConfigError::Invalid(d) => CliError::Config(d),
    })
}

/// `peacediff config`: the file's path alone, a file of the defaults, or where the file is
/// and what it sets.
pub fn run(cli: &Cli, path: bool, default: bool, out: &mut String) -> Result<Outcome, CliError> {
    let at = cli.config_location();
    if path {
        let p = at.path.ok_or_else(|| {
            CliError::Usage("no config file is read: PEACEDIFF_CONFIG is set empty".into())
        })?;
        out.push_str(&format!("{}\n", peacediff::sanitize::path(&p)));
    } else if default {
        out.push_str(&default_file());
    } else {
        let settings = load_for(&at)?;
        out.push_str(&describe(&at, &settings));
    }
    Ok(Outcome::Ok)
}

/// `~` and `~/…` as the home folder; other relative paths from `base`.
pub fn expand_path(written: &str, base: &Path) -> PathBuf {
    let home = || dirs::home_dir().unwrap_or_default();
    let p = match written.strip_prefix('~') {
        Some("") => home(),
        Some(rest) if rest.starts_with('/') => home().join(&rest[1..]),
        _ => PathBuf::from(written),
    };
    if p.is_absolute() { p } else { base.join(p) }
}

#[cfg(test)]
mod tests;
