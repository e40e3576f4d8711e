//! The command line: argument definitions and the commands that print instead of drawing.
//!
//! Every command loads through the library and prints plain text (or JSON). Output is built
//! in memory and written once, so a closed pipe (`peacediff list | head -1`) is not an error.

mod check;
pub mod config;
#[cfg(test)]
mod consistency_tests;
mod diff;
mod export;
mod gaps;
mod history;
mod import;
mod init;
pub mod interrupt;
mod list;
pub mod pager;
#[cfg(test)]
mod readme_screens;
mod redlines;
mod show;
pub mod style;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use peacediff::diagnostic::Diagnostic;
use peacediff::load::{self, CachePolicy, LoadError, Loaded};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Compare Russia–Ukraine peace-plan drafts clause by clause.
///
/// The environment variables peacediff reads, listed under `--help`.
const ENVIRONMENT: &str = "\
Environment:
  NO_COLOR=1            no colour (https://no-color.org)
  CLICOLOR=0            no colour; CLICOLOR_FORCE=1: colour even in a pipe
  TERM=dumb             no colour
  PEACEDIFF_NO_CACHE=1  neither read nor write the cache of large --plans folders
  PEACEDIFF_CACHE_DIR   where that cache lives (default: the platform's cache folder)
  PEACEDIFF_PAGER       the pager for long output (else PAGER, else less; empty: none)
  LESS                  options for less (default: FRX)
  PEACEDIFF_CONFIG      the config file (empty: none; `peacediff config` shows which is read)
  XDG_CONFIG_HOME       else the config file is $XDG_CONFIG_HOME/peacediff/config.toml,
                        or ~/.config/peacediff/config.toml";

/// With no command, opens the terminal app on the bundled drafts.
#[derive(Debug, Parser)]
#[command(
    name = "peacediff",
    version,
    about,
    long_about = None,
    max_term_width = 100,
    after_help = ENVIRONMENT
)]
pub struct Cli {
    /// Load drafts from this folder instead of the bundled ones
    #[arg(long, global = true, value_name = "DIR")]
    pub plans: Option<PathBuf>,

    /// When to use colour (NO_COLOR is honoured by `auto`)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Do not capture the mouse in the terminal app
    #[arg(long, global = true)]
    pub no_mouse: bool,

    /// Page long output: on a terminal when taller than the screen (auto, the default), always, or never
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub paging: Option<pager::Paging>,

    /// Read this config file instead of the usual one (see `peacediff config`)
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// In the terminal app, reload the --plans folder whenever a file in it changes
    #[arg(long)]
    pub watch: bool,

    /// The config file's theme, for the commands' colours.
    #[arg(skip)]
    pub theme: crate::tui::theme::Palette,

    /// Neither read nor write the cache of large --plans folders (also: PEACEDIFF_NO_CACHE=1)
    #[arg(long, global = true)]
    pub no_cache: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the drafts with date, status, clause count and main source
    List {
        /// Output format (JSON schema: docs/json.md)
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show a draft, or one clause of it in full
    Show {
        /// The draft: its id or short label (`us-28`, `28-pt`)
        plan: String,
        /// A clause id within the draft (`6`, `21d`)
        clause: Option<String>,
        /// Output format (JSON schema: docs/json.md)
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Align two drafts clause by clause, with word diffs and commitment-strength flags
    Diff {
        /// The left (older) draft: id or short label
        a: String,
        /// The right (newer) draft
        b: String,
        /// Leave out unchanged rows (bracketed ones stay: their standing changed)
        #[arg(long)]
        changes_only: bool,
        /// Output format (JSON schema: docs/json.md)
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exit with 1 when any row is not a clean unchanged row, 0 when none is (as `git diff`)
        #[arg(long)]
        exit_code: bool,
    },
    /// Red lines crossed, met and partly met: for one draft, or change across several
    Redlines {
        /// Drafts in the order to compare (default: every draft, in date order)
        #[arg(value_name = "PLAN")]
        drafts: Vec<String>,
        /// Only this party (id, e.g. `ua`)
        #[arg(long)]
        party: Option<String>,
        /// Output format (JSON schema: docs/json.md)
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// A topic across drafts (`history territory`), or a clause's evolution (`history 28-pt:6`)
    History {
        /// A topic id, or PLAN:CLAUSE
        target: String,
        /// Output format (JSON schema: docs/json.md)
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Topics one draft covers and the other does not
    Gaps {
        /// One draft: id or short label
        a: String,
        /// The other draft
        b: String,
        /// Output format (JSON schema: docs/json.md)
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Validate a plans folder and report every problem
    Check {
        /// The folder to check (default: --plans, or the bundled drafts)
        dir: Option<PathBuf>,
        /// Output format (JSON schema: docs/json.md)
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Export a comparison of two drafts as Markdown or JSON
    Export {
        /// Draft A (the left side): its id or short label (`28-pt`)
        left: String,
        /// Draft B (the right side)
        right: String,
        /// Write to this file instead of standard output (`-`: standard output)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists
        #[arg(long)]
        force: bool,
        /// Output format (JSON schema: docs/json.md)
        #[arg(long, value_enum, default_value_t = export::ExportFormat::Md)]
        format: export::ExportFormat,
        /// Leave out unchanged clauses
        #[arg(long)]
        changes_only: bool,
        /// Only clauses on this topic (id or title)
        #[arg(long, value_name = "TOPIC")]
        topic: Option<String>,
        /// Only clauses that touch this party's red lines (id, short label or name)
        #[arg(long, value_name = "PARTY")]
        party: Option<String>,
    },
    /// Copy the bundled drafts into a folder, as a start for adding your own
    Init {
        /// The folder to create (must not hold plan files already)
        dir: PathBuf,
    },
    /// Turn a numbered draft (plain text or Markdown) into a plan file, with proposed links
    ///
    /// Reads FILE (or standard input), finds the numbered points (`1.`, `2)`, `21a`, `21(a)`,
    /// `(i)`, `I.5`, `Article 3`, nested Markdown lists, footnotes), proposes topics from the
    /// corpus's keywords and links to the most similar draft (or --base), and writes a plan file
    /// that loads. What the text does not say is left as "TODO" for you; `peacediff check`
    /// lists each one. Example:
    ///
    ///   peacediff import leak.txt --base us-28 --date 2026-07-01 -o plans/leak.toml
    #[command(verbatim_doc_comment)]
    Import {
        /// The draft's text; `-` or nothing reads standard input
        file: Option<PathBuf>,
        /// Propose links to this draft (id or short label); default: the most similar one
        #[arg(long, value_name = "PLAN")]
        base: Option<String>,
        /// Propose no links
        #[arg(long, conflicts_with = "base")]
        no_links: bool,
        /// The draft's date (YYYY-MM-DD, or YYYY-MM)
        #[arg(long)]
        date: String,
        /// The new draft's id (default: from the output or input file name)
        #[arg(long)]
        id: Option<String>,
        /// The draft's title
        #[arg(long)]
        title: Option<String>,
        /// A short label of at most 10 characters (default: from the id)
        #[arg(long)]
        short: Option<String>,
        /// official, leaked, reported or reconstructed
        #[arg(long, default_value = "leaked")]
        status: String,
        /// A party that proposed it (repeat for several)
        #[arg(long = "proposer", value_name = "PARTY")]
        proposers: Vec<String>,
        /// Where the text was published
        #[arg(long, value_name = "URL")]
        source_url: Option<String>,
        /// The article's or document's title
        #[arg(long, value_name = "TITLE")]
        source_title: Option<String>,
        /// Who published it
        #[arg(long)]
        outlet: Option<String>,
        /// Write the plan file here (never over an existing file without --force)
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace an existing regular file
        #[arg(long)]
        force: bool,
        /// Print the plan file instead of writing it
        #[arg(long)]
        dry_run: bool,
    },
    /// Show the config file's place and what it sets, or print one to start from
    ///
    /// The file is --config FILE, else $PEACEDIFF_CONFIG, else
    /// $XDG_CONFIG_HOME/peacediff/config.toml, else ~/.config/peacediff/config.toml. Start one
    /// with `peacediff config --default > "$(peacediff config --path)"` (create its folder first).
    #[command(verbatim_doc_comment)]
    Config {
        /// Print only the file's path (whether or not it exists)
        #[arg(long, conflicts_with = "default")]
        path: bool,
        /// Print a config file with every setting at its default, commented out
        #[arg(long)]
        default: bool,
    },
    /// Print a shell completion script (e.g. `peacediff completions bash > ~/.local/share/bash-completion/completions/peacediff`)
    Completions {
        /// The shell to complete in
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (`peacediff man | man -l -`), or write every page,
    /// one per command, into a folder (`--out-dir ~/.local/share/man/man1`)
    Man {
        /// Write peacediff.1 and a page per command (peacediff-diff.1, …) into this folder
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
}

/// How a command ended, mapped to the exit code by `main`.
#[derive(Debug)]
pub enum Outcome {
    Ok,
    /// The data has problems (exit 1).
    DataErrors,
    /// `diff --exit-code` found differences (exit 1, as `git diff --exit-code`).
    Differences,
}

/// Errors that end a command: printed once, at the edge.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Io(String),
    /// The config file has problems, each located in it.
    #[error("the config file has problems")]
    Config(Vec<Diagnostic>),
}

impl CliError {
    /// 1 for problems in the data, 2 for usage and I/O.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Load(LoadError::Invalid { .. }) => 1,
            _ => 2,
        }
    }

    /// Everything worth telling, ready to print to stderr.
    pub fn report(&self) -> String {
        match self {
            CliError::Load(LoadError::Invalid { diagnostics }) => diagnostics_report(diagnostics),
            CliError::Config(diagnostics) => format!(
                "{}peacediff: fix the config file, or run with PEACEDIFF_CONFIG= (empty) to \
                 leave it out",
                diagnostics_report(diagnostics)
            ),
            other => format!("peacediff: {other}"),
        }
    }
}

pub fn diagnostics_report(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&d.to_string());
        out.push_str("\n\n");
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == peacediff::diagnostic::Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    let files: std::collections::BTreeSet<&str> =
        diagnostics.iter().map(|d| d.file.as_str()).collect();
    out.push_str(&format!(
        "{errors} error(s) and {warnings} warning(s) in {} file(s)\n",
        files.len()
    ));
    out
}

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

/// Runs a command that prints. `out` collects stdout.
pub fn run(cli: &Cli, command: &Command, out: &mut String) -> Result<Outcome, CliError> {
    let styles = style::Styles::detect(cli.color, cli.theme);
    match command {
        Command::List { format } => {
            let loaded = cli.load()?;
            list::run(&loaded.corpus, *format, &styles, out)?;
            Ok(Outcome::Ok)
        }
        Command::Show {
            plan,
            clause,
            format,
        } => {
            let loaded = cli.load()?;
            show::run(
                &loaded.corpus,
                plan,
                clause.as_deref(),
                *format,
                &styles,
                out,
            )?;
            Ok(Outcome::Ok)
        }
        Command::Diff {
            a,
            b,
            changes_only,
            format,
            exit_code,
        } => {
            let loaded = cli.load()?;
            let changes = diff::run(&loaded.corpus, a, b, *changes_only, *format, &styles, out)?;
            // The process ends right after printing: freeing every clause of two large drafts
            // one by one would only add to the run time.
            std::mem::forget(loaded);
            Ok(if *exit_code && changes > 0 {
                Outcome::Differences
            } else {
                Outcome::Ok
            })
        }
        Command::Redlines {
            drafts,
            party,
            format,
        } => {
            let loaded = cli.load()?;
            redlines::run(
                &loaded.corpus,
                drafts,
                party.as_deref(),
                *format,
                &styles,
                out,
            )?;
            Ok(Outcome::Ok)
        }
        Command::History { target, format } => {
            let loaded = cli.load()?;
            history::run(&loaded.corpus, target, *format, &styles, out)?;
            Ok(Outcome::Ok)
        }
        Command::Gaps { a, b, format } => {
            let loaded = cli.load()?;
            gaps::run(&loaded.corpus, a, b, *format, &styles, out)?;
            Ok(Outcome::Ok)
        }
        Command::Check { dir, format } => check::run(
            dir.as_deref().or(cli.plans.as_deref()),
            &cli.cache_policy(),
            *format,
            out,
        ),
        Command::Export {
            left,
            right,
            output,
            force,
            format,
            changes_only,
            topic,
            party,
        } => {
            let loaded = cli.load()?;
            let request = export::Request {
                left,
                right,
                output: output.as_deref(),
                format: *format,
                force: *force,
                options: peacediff::export::ExportOptions {
                    changes_only: *changes_only,
                    topic: topic.clone(),
                    party: party.clone(),
                },
            };
            export::run(&loaded.corpus, &request, out)?;
            Ok(Outcome::Ok)
        }
        Command::Init { dir } => {
            init::run(dir, out)?;
            Ok(Outcome::Ok)
        }
        Command::Import {
            file,
            base,
            no_links,
            date,
            id,
            title,
            short,
            status,
            proposers,
            source_url,
            source_title,
            outlet,
            output,
            force,
            dry_run,
        } => {
            let request = import::Request {
                input: file.as_deref(),
                plans: cli.plans.as_deref(),
                base: base.as_deref(),
                no_links: *no_links,
                id: id.as_deref(),
                title: title.as_deref(),
                short: short.as_deref(),
                date,
                status,
                proposers,
                source_url: source_url.as_deref(),
                source_title: source_title.as_deref(),
                outlet: outlet.as_deref(),
                output: output.as_deref(),
                force: *force,
                dry_run: *dry_run,
            };
            import::run(&request, out)?;
            Ok(Outcome::Ok)
        }
        Command::Config { path, default } => config::run(cli, *path, *default, out),
        Command::Completions { shell } => {
            let mut bytes = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "peacediff", &mut bytes);
            out.push_str(&String::from_utf8_lossy(&bytes));
            Ok(Outcome::Ok)
        }
        Command::Man { out_dir: None } => {
            let mut bytes = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut bytes)
                .map_err(|e| CliError::Io(e.to_string()))?;
            out.push_str(&String::from_utf8_lossy(&bytes));
            Ok(Outcome::Ok)
        }
        Command::Man { out_dir: Some(dir) } => {
            let shown = peacediff::sanitize::path(dir);
            if !dir.is_dir() {
                return Err(CliError::Io(format!(
                    "cannot write manual pages into `{shown}`: no such folder"
                )));
            }
            clap_mangen::generate_to(Cli::command(), dir)
                .map_err(|e| CliError::Io(format!("cannot write into `{shown}`: {e}")))?;
            out.push_str(&format!("wrote the manual pages into {shown}\n"));
            Ok(Outcome::Ok)
        }
    }
}

pub fn to_json<T: serde::Serialize>(value: &T, out: &mut String) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CliError::Io(e.to_string()))?;
    out.push_str(&text);
    out.push('\n');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
