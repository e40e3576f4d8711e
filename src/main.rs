//! The `peacediff` binary: parse the command line, run, and turn the result into an exit code.
//!
//! Errors are printed once, here, and nowhere else. Exit codes: 0 ok, 1 the plan data has
//! problems, 2 usage or I/O errors.

mod cli;
#[cfg(test)]
mod proptest_seed;
mod tui;

use cli::{Cli, CliError, Outcome};
use std::process::ExitCode;

/// mimalloc: loading and aligning large drafts makes millions of small allocations, on
/// several threads; the system allocator made them a third of the `diff` command's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let mut cli = parse();
    let mut out = String::new();
    let result = match cli.configure() {
        Err(e) => Err(e),
        Ok(settings) => match &cli.command {
            Some(command) => cli::run(&cli, command, &mut out),
            None => no_command(&cli, settings, &mut out),
        },
    };
    // Whatever was produced is written even when the command then failed.
    if let Err(e) = cli::pager::write(&out, cli.paging.unwrap_or_default())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("peacediff: cannot write output: {e}");
        return ExitCode::from(2);
    }
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::DataErrors | Outcome::Differences) => ExitCode::from(1),
        Err(e) => {
            // Messages are made safe where they are built; this is the last guard, for any
            // that quotes text from outside (a path, an OS message) without going through it.
            eprintln!("{}", peacediff::sanitize::clean_text(e.report().trim_end()));
            ExitCode::from(e.exit_code())
        }
    }
}

/// Runs the terminal app on a loaded corpus, or (when watching) on the problems that kept the
/// folder from loading, until the user quits.
fn run_app(
    cli: &Cli,
    settings: cli::config::Settings,
    first: Result<peacediff::model::Corpus, Vec<peacediff::diagnostic::Diagnostic>>,
) -> Result<Outcome, CliError> {
    let color = cli::style::color_wanted(cli.color);
    let options = tui::Options {
        mouse: !cli.no_mouse,
        theme: tui::theme::Theme::new(color).with_palette(settings.theme.unwrap_or_default()),
        keymap: settings.keymap,
        compare_layout: settings.compare_layout.unwrap_or_default(),
        hide_unchanged: settings.hide_unchanged.unwrap_or(false),
        watch: cli.watch.then(|| cli.plans.clone()).flatten().map(|dir| {
            let cache = cli.cache_policy();
            tui::Watch {
                dir: dir.clone(),
                reload: Box::new(move || {
                    cli::load_corpus(Some(&dir), &cache)
                        .map(|l| l.corpus)
                        .map_err(load_problems)
                }),
            }
        }),
    };
    tui::run(first, options).map_err(|e| CliError::Io(format!("terminal: {e}")))?;
    Ok(Outcome::Ok)
}

/// Why a folder did not load, as located problems for the app's overlay.
fn load_problems(e: peacediff::load::LoadError) -> Vec<peacediff::diagnostic::Diagnostic> {
    use peacediff::load::LoadError;
    match e {
        LoadError::Invalid { diagnostics } => diagnostics,
        LoadError::Io { ref path, .. } | LoadError::NotAFolder { ref path } => {
            vec![peacediff::diagnostic::Diagnostic::whole_file(
                peacediff::sanitize::path(path),
                e.to_string(),
            )]
        }
    }
}

/// The command line, with clap's own help and errors coloured as `--color` says.
fn parse() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut command = Cli::command();
    if let Some(choice) = cli::style::color_flag(&args) {
        command = command.color(match choice {
            cli::ColorChoice::Always => clap::ColorChoice::Always,
            cli::ColorChoice::Never => clap::ColorChoice::Never,
            cli::ColorChoice::Auto => clap::ColorChoice::Auto,
        });
    }
    let matches = command.get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// With no command: on a terminal, the terminal app; in a pipe, the default comparison as
/// Markdown (the way bat acts as cat).
fn no_command(
    cli: &Cli,
    settings: cli::config::Settings,
    out: &mut String,
) -> Result<Outcome, CliError> {
    if cli.watch && cli.plans.is_none() {
        return Err(CliError::Usage(
            "--watch reloads a plans folder: name one with --plans DIR (or `plans` in the \
             config file); the bundled drafts do not change"
                .into(),
        ));
    }
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
    if terminal && cli.watch {
        // Watching shows load problems inside the app, so a folder with problems still opens.
        return run_app(
            cli,
            settings,
            cli.load().map(|l| l.corpus).map_err(load_problems),
        );
    }
    let loaded = cli.load()?;
    if terminal {
        return run_app(cli, settings, Ok(loaded.corpus));
    }
    let corpus = &loaded.corpus;
    let (a, b) = peacediff::export::default_pair(corpus).ok_or_else(|| {
        CliError::Usage("the plans folder has fewer than two drafts to compare".into())
    })?;
    out.push_str(&peacediff::export::export_markdown(
        corpus,
        a,
        b,
        &peacediff::export::ExportOptions::default(),
    ));
    Ok(Outcome::Ok)
}
