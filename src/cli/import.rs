//! `peacediff import`: a numbered draft (a file or standard input) becomes a plan file. The work
//! is the library's (`peacediff::import`); this reads the input, writes the file atomically and
//! never over an existing one without `--force`, and tells the user what is left to do.

use super::CliError;
use peacediff::import::{self, Base, Meta};
use peacediff::model::PartialDate;
use std::io::Read;
use std::path::Path;

/// What the command line asked for.
pub struct Request<'a> {
    pub input: Option<&'a Path>,
    pub plans: Option<&'a Path>,
    pub base: Option<&'a str>,
    pub no_links: bool,
    pub id: Option<&'a str>,
    pub title: Option<&'a str>,
    pub short: Option<&'a str>,
    pub date: &'a str,
    pub status: &'a str,
    pub proposers: &'a [String],
    pub source_url: Option<&'a str>,
    pub source_title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub output: Option<&'a Path>,
    pub force: bool,
    pub dry_run: bool,
}

pub fn run(req: &Request, out: &mut String) -> Result<(), CliError> {
    let text = read_input(req.input)?;
    let date: PartialDate = req
        .date
        .parse()
        .map_err(|e: String| CliError::Usage(format!("--date: {e}")))?;
    let id = match req.id {
        Some(id) => id.to_string(),
        None => default_id(req.input, req.output),
    };
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    {
        return Err(CliError::Usage(format!(
            "the draft id `{}` may hold only letters, digits, `-`, `_` and `.`; give one with --id",
            peacediff::sanitize::clean_line(&id)
        )));
    }
    let meta = Meta {
        id,
        title: req.title.map(str::to_string),
        short: req.short.map(str::to_string),
        date,
        status: req.status.to_string(),
        proposers: req.proposers.to_vec(),
        source_url: req.source_url.map(str::to_string),
        source_title: req.source_title.map(str::to_string),
        outlet: req.outlet.map(str::to_string),
    };
    let base = match (req.no_links, req.base) {
        (true, _) => Base::None,
        (false, Some(b)) => Base::Named(b.to_string()),
        (false, None) => Base::MostSimilar,
    };
    // The folder the draft joins: --plans, else the output's folder when it is a plans folder
    // (`-o mydrafts/new.toml`), else the bundled drafts.
    let output_folder = req
        .output
        .and_then(Path::parent)
        .map(|d| {
            if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d
            }
        })
        .filter(|d| d.join("corpus.toml").is_file());
    let files = match req.plans.or(output_folder) {
        Some(dir) => peacediff::load::read_folder(dir)?,
        None => peacediff::load::bundled_texts(),
    };
    let imported = import::import(files, &text, &meta, &base).map_err(|e| match e {
        import::ImportError::Load(l) => CliError::Load(l),
        other => CliError::Usage(other.to_string()),
    })?;
    let summary = summary(&imported);
    match req.output.filter(|_| !req.dry_run) {
        Some(path) => {
            super::export::write_file(path, &imported.toml, req.force)?;
            eprintln!(
                "peacediff: wrote {}: {summary}",
                peacediff::sanitize::path(path)
            );
        }
        None => {
            out.push_str(&imported.toml);
            eprintln!("peacediff: {summary}");
        }
    }
    Ok(())
}

fn summary(i: &import::Imported) -> String {
    let links = match &i.linked_to {
        Some((plan, n)) => format!("{n} link(s) proposed to {plan}, each with its score"),
        None => "no links proposed".to_string(),
    };
    format!(
        "{} clause(s); {links}; {} placeholder(s) to fill in (`peacediff check` lists them)",
        i.clauses, i.todo
    )
}

/// The input text: a file, or standard input for `-` or none.
fn read_input(input: Option<&Path>) -> Result<String, CliError> {
    let bytes = match input.filter(|p| p.as_os_str() != "-") {
        Some(path) => std::fs::read(path).map_err(|e| {
            CliError::Io(format!(
                "cannot read `{}`: {}",
                peacediff::sanitize::path(path),
                e.kind()
            ))
        })?,
        None => {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .map_err(|e| CliError::Io(format!("cannot read standard input: {}", e.kind())))?;
            b
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        CliError::Usage(format!(
            "the input is not UTF-8 (invalid byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// The id when none is given: the output file's or the input file's name, else `imported`.
fn default_id(input: Option<&Path>, output: Option<&Path>) -> String {
    output
        .or(input.filter(|p| p.as_os_str() != "-"))
        .and_then(|p| p.file_stem())
        .map(|s| {
            s.to_string_lossy()
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect::<String>()
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "imported".to_string())
}
