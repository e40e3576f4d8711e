//! The command line's shape: the global options, the subcommands and their arguments, as
//! clap reads them (and as `--help` and the manual pages show them).
//!
//! Kept apart from what the commands do, so the whole interface reads in one place.

use super::{export, pager};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

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
