//! Long output through a pager, as bat, delta and git do: on a terminal, output taller than the
//! screen goes to `$PEACEDIFF_PAGER`, else `$PAGER`, else `less`; with `less`, `LESS` defaults
//! to `FRX` (quit if one screen, keep colours, leave the text on screen). `--paging never`, a
//! pipe, or an empty pager print directly; `--paging always` pages whatever the size.

use std::io::{IsTerminal, Write};
use std::process::{Command, Stdio};

/// When to page (`--paging`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Paging {
    /// On a terminal, when the output is taller than the screen
    #[default]
    Auto,
    /// Always, even short output or in a pipe
    Always,
    /// Never
    Never,
}

/// Writes `out` to standard output, through the pager when `paging` asks for one.
pub fn write(out: &str, paging: Paging) -> std::io::Result<()> {
    if out.is_empty() {
        return Ok(());
    }
    let wanted = match paging {
        Paging::Never => false,
        Paging::Always => true,
        Paging::Auto => std::io::stdout().is_terminal() && taller_than_screen(out),
    };
    let pager = if wanted { pager_command() } else { None };
    match pager.and_then(|argv| spawn(&argv).ok()) {
        Some(mut child) => {
            if let Some(mut stdin) = child.stdin.take() {
                // A user who quits the pager early closes the pipe: not an error.
                match stdin.write_all(out.as_bytes()) {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e),
                    _ => {}
                }
            }
            child.wait().map(|_| ())
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(out.as_bytes())?;
            stdout.flush()
        }
    }
}

/// Whether `out` has more lines than the terminal (unknown size: assume it fits).
fn taller_than_screen(out: &str) -> bool {
    let rows = crossterm::terminal::size().map_or(u16::MAX, |(_, rows)| rows);
    out.lines().count() >= usize::from(rows)
}

/// The pager's program and arguments, split on whitespace; `None` for an empty setting or
/// `cat` (no paging wanted).
fn pager_command() -> Option<Vec<String>> {
    let setting = ["PEACEDIFF_PAGER", "PAGER"]
        .iter()
        .find_map(|v| std::env::var(v).ok())
        .unwrap_or_else(|| "less".to_string());
    let argv: Vec<String> = setting.split_whitespace().map(str::to_string).collect();
    match argv.first().map(String::as_str) {
        None | Some("cat") => None,
        _ => Some(argv),
    }
}

fn spawn(argv: &[String]) -> std::io::Result<std::process::Child> {
    let mut command = Command::new(&argv[0]);
    command.args(&argv[1..]).stdin(Stdio::piped());
    let is_less = std::path::Path::new(&argv[0])
        .file_name()
        .is_some_and(|n| n == "less");
    if is_less && std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    command.spawn()
}
