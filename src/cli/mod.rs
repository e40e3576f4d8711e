//! The command line: argument definitions and the commands that print instead of drawing.
//!
//! Every command loads through the library and prints plain text (or JSON). Output is built
//! in memory and written once, so a closed pipe (`peacediff list | head -1`) is not an error.

mod args;
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
mod loading;
mod outcome;
pub mod pager;
#[cfg(test)]
mod readme_screens;
mod redlines;
mod show;
pub mod style;

pub use args::{Cli, ColorChoice, Command, Format};
pub use loading::load_corpus;
pub use outcome::{CliError, Outcome, diagnostics_report};

use clap::CommandFactory;

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
