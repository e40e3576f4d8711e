//! Loading a plans folder: read, parse, validate, cross-reference, materialise.
//!
//! The bundled `plans/` folder is compiled into the binary, so peacediff works from any
//! directory. Loading never stops at the first problem: it returns every diagnostic it found,
//! and a corpus only when there were no errors.

pub mod cache;
mod chunked;
mod derive;
mod fields;
mod links;
mod parse;
mod raw;
mod resolve;
mod roles;

use crate::diagnostic::{Diagnostic, Severity, SourceText};
use crate::model::{Corpus, CorpusInfo};
use include_dir::{Dir, include_dir};
use links::RawLinkSet;
use parse::FileKind;
use resolve::{DraftPart, Registry};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use cache::{CacheOutcome, CachePolicy, load_dir_cached};

static BUNDLED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/plans");

/// Why a folder could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {}: {source}", crate::sanitize::path(.path))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} is not a folder of plan files", crate::sanitize::path(.path))]
    NotAFolder { path: PathBuf },
    #[error("{} problem(s) in the plan files", .diagnostics.iter().filter(|d| d.severity == Severity::Error).count())]
    Invalid { diagnostics: Vec<Diagnostic> },
}

/// A loaded corpus and the warnings that did not stop it.
#[derive(Debug)]
pub struct Loaded {
    pub corpus: Corpus,
    pub warnings: Vec<Diagnostic>,
}

pub use fields::PLACEHOLDER;

/// The drafts that ship with peacediff.
pub fn load_bundled() -> Result<Loaded, LoadError> {
    load_texts(bundled_texts())
}

/// The bundled drafts' files, as texts named `plans/…`, in name order.
pub fn bundled_texts() -> Vec<SourceText> {
    let mut files: Vec<SourceText> = BUNDLED
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
        .map(|f| {
            let name = format!("plans/{}", f.path().display());
            let text = String::from_utf8_lossy(f.contents()).into_owned();
            SourceText::new(name, text)
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// Every `*.toml` file directly inside `dir`.
pub fn load_dir(dir: &Path) -> Result<Loaded, LoadError> {
    load_folder(read_files(toml_paths(dir)?)?)
}

/// The `*.toml` files of a folder, listed but not yet read, and the entries that looked like
/// plan files but cannot be opened (broken symlinks): those are reported, never skipped.
pub(crate) struct Listing {
    /// The folder as messages name it.
    name: String,
    paths: Vec<PathBuf>,
    problems: Vec<Diagnostic>,
}

/// A folder's files as texts, with the problems found reading them (bytes that are not UTF-8).
pub(crate) struct FolderTexts {
    name: String,
    files: Vec<SourceText>,
    problems: Vec<Diagnostic>,
}

/// The `*.toml` files directly inside `dir`, in name order, as UTF-8 texts named by path.
pub fn read_folder(dir: &Path) -> Result<Vec<SourceText>, LoadError> {
    Ok(read_files(toml_paths(dir)?)?.files)
}

/// The paths of the `*.toml` files directly inside `dir`, in name order.
fn toml_paths(dir: &Path) -> Result<Listing, LoadError> {
    let io = |source| LoadError::Io {
        path: dir.to_path_buf(),
        source,
    };
    if !dir.is_dir() {
        return Err(if dir.exists() {
            LoadError::NotAFolder {
                path: dir.to_path_buf(),
            }
        } else {
            io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no such folder",
            ))
        });
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    entries.sort();
    let mut listing = Listing {
        name: source_name(dir),
        paths: Vec::new(),
        problems: Vec::new(),
    };
    for p in entries {
        if p.is_file() {
            listing.paths.push(p);
        } else if let Some(why) = broken_link(&p) {
            listing.problems.push(
                Diagnostic::whole_file(source_name(&p), why)
                    .with_hint("point the link at a plan file, or remove it"),
            );
        }
    }
    Ok(listing)
}

/// Why `path` is a symbolic link that leads to no file (dangling, or a loop), or `None` when
/// it is not a link or its target exists. Such a link named `*.toml` is meant to be a plan
/// file, so skipping it silently would let `check` say "ok" about a folder missing a draft.
fn broken_link(path: &Path) -> Option<String> {
    std::fs::symlink_metadata(path)
        .ok()
        .filter(|m| m.file_type().is_symlink())?;
    let mut seen = std::collections::HashSet::new();
    let mut at = path.to_path_buf();
    // Follow the chain by hand: the operating system's error for a loop differs by platform.
    loop {
        let meta = match std::fs::symlink_metadata(&at) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Some(format!(
                    "dangling symlink: its target {} does not exist",
                    source_name(&at)
                ));
            }
            Err(e) => return Some(format!("unreadable symlink: {e}")),
        };
        if !meta.file_type().is_symlink() {
            return None;
        }
        if !seen.insert(at.clone()) || seen.len() > 64 {
            return Some("symlink loop: the link leads back to itself".into());
        }
        let target = match std::fs::read_link(&at) {
            Ok(t) => t,
            Err(e) => return Some(format!("unreadable symlink: {e}")),
        };
        at = at.parent().map_or(target.clone(), |dir| dir.join(&target));
    }
}

/// The files of a listing as texts named by path (as messages show them). A file that is not
/// UTF-8 is located (line and column of its first bad byte) and still loaded, with the bad
/// bytes replaced, so that the other drafts still find its plan id and clause ids.
fn read_files(listing: Listing) -> Result<FolderTexts, LoadError> {
    let Listing {
        name,
        paths,
        mut problems,
    } = listing;
    let mut files = Vec::new();
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|source| LoadError::Io {
            path: path.clone(),
            source,
        })?;
        let text = match String::from_utf8(bytes) {
            Ok(text) => SourceText::new(source_name(&path), text),
            Err(e) => {
                let (text, problem) = not_utf8(&source_name(&path), e);
                problems.push(problem);
                text
            }
        };
        files.push(text);
    }
    Ok(FolderTexts {
        name,
        files,
        problems,
    })
}

/// The lossy text of a file that is not UTF-8, and the error at its first bad byte. Up to that
/// byte the lossy text is the file itself, so the line and column are those of the file.
fn not_utf8(name: &str, e: std::string::FromUtf8Error) -> (SourceText, Diagnostic) {
    let at = e.utf8_error().valid_up_to();
    let byte = e.as_bytes()[at];
    let src = SourceText::new(name, String::from_utf8_lossy(e.as_bytes()).into_owned());
    let d = src
        .error(at..at + 1, format!("not UTF-8: invalid byte 0x{byte:02x}"))
        .with_hint("save the file as UTF-8");
    (src, d)
}

/// Loads a folder read from disk: its reading problems come first, as root causes.
fn load_folder(folder: FolderTexts) -> Result<Loaded, LoadError> {
    if folder.files.is_empty() && folder.problems.is_empty() {
        return Err(LoadError::Invalid {
            diagnostics: vec![empty_folder(&folder.name)],
        });
    }
    load_all(folder.files, folder.problems, Some(&folder.name))
}

/// A folder with no plan files at all: one plain message, not a list of missing files.
fn empty_folder(name: &str) -> Diagnostic {
    Diagnostic::whole_file(
        name,
        "no plan files here: the folder has no corpus.toml, parties.toml or draft `*.toml` files",
    )
    .with_hint(
        "point peacediff at a plans folder, or make one from the bundled drafts with \
         `peacediff init DIR`",
    )
}

/// How a file is named in messages and in the cache key.
fn source_name(path: &Path) -> String {
    crate::sanitize::path(path)
}

/// Loads a set of named texts as one folder. The core of loading; testable without files.
pub fn load_texts(files: Vec<SourceText>) -> Result<Loaded, LoadError> {
    if files.is_empty() {
        return Err(LoadError::Invalid {
            diagnostics: vec![empty_folder("the folder")],
        });
    }
    load_all(files, Vec::new(), None)
}

/// Draft text, in bytes, past which the drafts are parsed one at a time to bound the
/// parser's transient memory (see `load_all`).
const SEQUENTIAL_BYTES: usize = 32 << 20;

/// Loads named texts, after `problems` found reading them. `folder` names the folder they
/// came from, when known, for messages about files it lacks.
fn load_all(
    files: Vec<SourceText>,
    problems: Vec<Diagnostic>,
    folder: Option<&str>,
) -> Result<Loaded, LoadError> {
    let mut diags = problems;
    let mut reg = Registry::default();
    let corpus_file = files
        .iter()
        .find(|f| FileKind::of(&f.name) == FileKind::Corpus);
    let parties_file = files
        .iter()
        .find(|f| FileKind::of(&f.name) == FileKind::Parties);
    let folder = folder.map(str::to_string).unwrap_or_else(|| {
        files
            .first()
            .map(|f| parent_of(&f.name))
            .unwrap_or_else(|| ".".into())
    });

    let (info, topics, actors) = match corpus_file {
        Some(src) => match parse::corpus(src, &mut diags) {
            Some((doc, poisoned)) => {
                let from = diags.len();
                let got = resolve::corpus_info(src, &doc, &mut diags, &mut reg);
                drop_placeholder_echoes(&mut diags, from, src, &poisoned);
                got
            }
            None => (empty_info(), Vec::new(), Vec::new()),
        },
        None => {
            diags.push(Diagnostic::whole_file(format!("{folder}/corpus.toml"), "missing corpus.toml").with_hint("every plans folder needs corpus.toml with `[corpus]` and the `[[topic]]` list; copy the bundled one with `peacediff init DIR`"));
            (empty_info(), Vec::new(), Vec::new())
        }
    };
    let mut red_line_spans = HashMap::new();
    let (parties, party_sources) = match parties_file {
        Some(src) => match parse::parties(src, &mut diags) {
            Some((doc, poisoned)) => {
                let from = diags.len();
                let got = resolve::parties(src, &doc, &mut diags, &mut reg, &mut red_line_spans);
                drop_placeholder_echoes(&mut diags, from, src, &poisoned);
                got
            }
            None => (Vec::new(), Vec::new()),
        },
        None => {
            diags.push(Diagnostic::whole_file(format!("{folder}/parties.toml"), "missing parties.toml").with_hint("every plans folder needs parties.toml; copy the bundled one with `peacediff init DIR`"));
            (Vec::new(), Vec::new())
        }
    };

    // An actor named like a party would make every role naming it ambiguous; reported where
    // the actor is declared.
    if let Some(src) = corpus_file {
        roles::clashes_with_parties(
            &mut fields::Sink {
                src,
                out: &mut diags,
            },
            &reg,
        );
    }

    let drafts: Vec<&SourceText> = files
        .iter()
        .filter(|f| FileKind::of(&f.name) == FileKind::Draft)
        .collect();
    // Parsing the TOML and checking each draft's own clauses is most of the work for large
    // drafts; the files are independent, so they are read on as many threads as there are
    // cores (in order), and cross-referenced after. Except when the files are huge: the TOML
    // parser holds about seven bytes of tokens and events per byte of text while it works, so
    // two 40 MB drafts parsed at once would need over half a gigabyte for that alone; past
    // `SEQUENTIAL_BYTES` of text they are parsed one after the other.
    let text_bytes: usize = drafts.iter().map(|d| d.text.len()).sum();
    let min_len = if text_bytes > SEQUENTIAL_BYTES {
        usize::MAX
    } else {
        2
    };
    let docs = crate::par::map(&drafts, min_len, |src| {
        let mut d = Vec::new();
        let (doc, declared, poisoned) = parse::draft(src, &mut d);
        let from = d.len();
        // The raw clauses are not needed after this (only the header and a derived draft's
        // changes are): they go now, before the next draft is parsed.
        let part = doc.and_then(|doc| {
            resolve::draft(src, &doc, &mut d, &reg).map(|part| {
                let kept = parse::DraftDoc {
                    clauses: Vec::new(),
                    ..doc
                };
                (kept, part)
            })
        });
        drop_placeholder_echoes(&mut d, from, src, &poisoned);
        let poisoned: Vec<(usize, usize)> = poisoned.iter().map(|p| src.locate(p.start)).collect();
        (part, declared, poisoned, d)
    });
    let mut parsed = Vec::new();
    let mut unsure = links::Unsure::default();
    let mut poisoned_at: Vec<(String, usize, usize)> = Vec::new();
    for (src, (part, declared, poisoned, mut d)) in drafts.iter().zip(docs) {
        diags.append(&mut d);
        let name = crate::sanitize::clean_line(&src.name);
        poisoned_at.extend(poisoned.into_iter().map(|(l, c)| (name.clone(), l, c)));
        unsure.note(&declared, part.is_some());
        if let Some((doc, part)) = part {
            parsed.push((*src, doc, part));
        }
    }
    // Problems found from here on concern references between files: they follow every
    // file's own problems in the report, since fixing those may well fix these.
    let cross_from = diags.len();
    check_plan_ids(&parsed, &mut diags);

    // Plain drafts first, so each derived draft finds its base complete.
    let plain: HashMap<String, usize> = parsed
        .iter()
        .enumerate()
        .filter(|(_, (_, _, p))| p.base.is_none())
        .map(|(i, (_, _, p))| (p.plan.id.clone(), i))
        .collect();
    for i in 0..parsed.len() {
        let Some(base_ref) = parsed[i].2.base.clone() else {
            continue;
        };
        let src = parsed[i].0;
        let Some(&b) = plain.get(base_ref.get_ref()) else {
            let is_derived = parsed
                .iter()
                .any(|(_, _, p)| &p.plan.id == base_ref.get_ref());
            // A base whose file could not be checked: this draft cannot be built either, and
            // whatever refers to its clauses is unsure with it.
            unsure.plans.insert(parsed[i].2.plan.id.clone());
            if !is_derived && unsure.plans.contains(base_ref.get_ref()) {
                continue;
            }
            let d = if is_derived {
                src.error(
                    base_ref.span(),
                    format!("base `{}` is itself a derived draft", base_ref.get_ref()),
                )
                .with_hint("derive from a draft whose clauses are written out")
            } else {
                let ids = plain.keys().map(String::as_str);
                let hint =
                    crate::diagnostic::suggest(base_ref.get_ref(), ids).unwrap_or_else(|| {
                        unsure.unknown_plan_hint("name the id of a draft in this folder")
                    });
                src.error(
                    base_ref.span(),
                    format!("unknown base plan `{}`", base_ref.get_ref()),
                )
                .with_hint(hint)
            };
            diags.push(d);
            continue;
        };
        let base_unsure = unsure.plans.contains(&parsed[b].2.plan.id);
        if base_unsure {
            unsure.plans.insert(parsed[i].2.plan.id.clone());
        }
        let base = parsed[b].2.plan.clone();
        let changes = std::mem::take(&mut parsed[i].1.changes);
        resolve::derived(
            src,
            &mut parsed[i].2,
            &changes,
            (&base, base_unsure),
            &mut diags,
            &reg,
        );
    }

    let mut plans = Vec::new();
    let mut link_sinks: Vec<(&SourceText, Vec<RawLinkSet>)> = Vec::new();
    for (src, _, part) in parsed {
        let DraftPart {
            mut plan,
            pending_links,
            pending_refs,
            ..
        } = part;
        resolve_refs(src, &mut plan, pending_refs, &mut diags);
        let idx = plans.len();
        plans.push(plan);
        let sets = pending_links
            .into_iter()
            .map(|(clause, links)| RawLinkSet {
                plan: idx,
                clause,
                links,
            })
            .collect();
        link_sinks.push((src, sets));
    }
    links::check(&mut link_sinks, &mut plans, &mut diags, &unsure);

    if diags.iter().any(|d| d.severity == Severity::Error) {
        return Err(LoadError::Invalid {
            diagnostics: in_report_order(diags, cross_from, &poisoned_at),
        });
    }
    warn_untouched_red_lines(parties_file, &parties, &reg, &red_line_spans, &mut diags);
    Ok(Loaded {
        corpus: Corpus::new(info, topics, actors, parties, party_sources, plans),
        warnings: diags,
    })
}

/// Checks each clause's cross-references once its draft's clause list is final (a derived
/// draft's clauses include its base's), and stores them on the clauses.
fn resolve_refs(
    src: &SourceText,
    plan: &mut crate::model::Plan,
    pending: Vec<(String, Vec<toml::Spanned<raw::RawRef>>)>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut sink = fields::Sink { src, out: diags };
    for (clause, raw) in pending {
        let refs = roles::references(&mut sink, &clause, &raw, plan);
        if let Some(i) = plan.clause_index(&clause) {
            plan.clauses[i].refs = refs;
        }
    }
}

/// Removes the diagnostics from `from` on that sit on a placeholder: a wrong-typed value was
/// reported as such, and what the checks say about its empty stand-in is only an echo of it.
fn drop_placeholder_echoes(
    diags: &mut Vec<Diagnostic>,
    from: usize,
    src: &SourceText,
    poisoned: &parse::Poisoned,
) {
    if poisoned.is_empty() {
        return;
    }
    let at: Vec<(usize, usize)> = poisoned.iter().map(|p| src.locate(p.start)).collect();
    let file = crate::sanitize::clean_line(&src.name);
    let mut i = 0;
    diags.retain(|d| {
        i += 1;
        i <= from || d.file != file || !at.contains(&(d.line, d.column))
    });
}

/// Every file's own problems first, each file's in position order, then the problems of
/// references between files (from `cross_from`), without echoes of placeholders: a root
/// cause comes before anything it may have caused.
fn in_report_order(
    mut diags: Vec<Diagnostic>,
    cross_from: usize,
    poisoned: &[(String, usize, usize)],
) -> Vec<Diagnostic> {
    let mut cross = diags.split_off(cross_from);
    cross.retain(|d| !poisoned.contains(&(d.file.clone(), d.line, d.column)));
    let by_place = |a: &Diagnostic, b: &Diagnostic| {
        (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column))
    };
    diags.sort_by(by_place);
    cross.sort_by(by_place);
    diags.extend(cross);
    diags
}

fn empty_info() -> CorpusInfo {
    CorpusInfo {
        title: String::new(),
        coverage: String::new(),
        as_of: None,
    }
}

fn parent_of(name: &str) -> String {
    Path::new(name)
        .parent()
        .map(crate::sanitize::path)
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| ".".into())
}

fn check_plan_ids(
    parsed: &[(&SourceText, parse::DraftDoc, DraftPart)],
    diags: &mut Vec<Diagnostic>,
) {
    let mut ids: HashMap<&str, &str> = HashMap::new();
    let mut shorts: HashMap<String, &str> = HashMap::new();
    for (src, doc, part) in parsed {
        let Some(h) = &doc.header else { continue };
        if let Some(other) = ids.insert(&part.plan.id, &src.name) {
            diags.push(
                src.error(
                    h.id.span(),
                    format!("duplicate plan id `{}` (also in {other})", part.plan.id),
                )
                .with_hint("each draft needs its own id"),
            );
        }
        if let Some(other) = shorts.insert(part.plan.short.to_lowercase(), &src.name) {
            diags.push(
                src.error(
                    h.short.span(),
                    format!(
                        "duplicate short label `{}` (also in {other})",
                        part.plan.short
                    ),
                )
                .with_hint(
                    "short labels name drafts in columns and on the command line; make them unique",
                ),
            );
        }
    }
}

fn warn_untouched_red_lines(
    src: Option<&SourceText>,
    parties: &[crate::model::Party],
    reg: &Registry,
    spans: &HashMap<String, std::ops::Range<usize>>,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(src) = src else { return };
    let used = reg
        .used_red_lines
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let untouched: Vec<&str> = parties
        .iter()
        .flat_map(|p| &p.red_lines)
        .filter(|r| !used.contains(&r.id) && r.untouched_note.is_none())
        .map(|r| r.id.as_str())
        .collect();
    let Some(first) = untouched.first() else {
        return;
    };
    let span = spans.get(*first).cloned().unwrap_or(0..0);
    let list = untouched
        .iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ");
    diags.push(
        src.warning(
            span,
            format!(
                "{} red line(s) not assessed by any clause: {list}",
                untouched.len()
            ),
        )
        .with_hint(
            "assess them where a clause touches them, or say why none does in `untouched_note`",
        ),
    );
}

/// The bundled plan files, as (file name, contents), for `peacediff init`.
pub fn bundled_files() -> Vec<(String, &'static [u8])> {
    let mut files: Vec<(String, &'static [u8])> = BUNDLED
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
        .map(|f| (f.path().display().to_string(), f.contents()))
        .collect();
    files.sort();
    files
}
